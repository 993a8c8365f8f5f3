"""Coding conventions: how flashpoint codes the cases where PLOVER's manual and the annotated
PLOVER data (PLOVER-GSR, the sentences PLOVER's authors coded by hand) disagree.

One table per convention, chosen by name (``CodeOptions.conventions``, ``flashpoint code
--conventions``), so the choice is visible in one place and users can take the other one.

- ``annotated`` (default): as the annotators code. A cooperative act an actor announces or says it
  is willing to do is AGREE whatever its type, concessions and retreats included: "the rebels said
  they will release the prime minister", "said he is prepared to lift the ban on the FIS",
  "Turkey will allow refugees to return" are all AGREE in PLOVER-GSR, and no announced concession
  there is coded otherwise. It is also what our evaluations measure against.
- ``manual``: as the manual's text says. "Announcements of future retreats should be coded as
  CONCEDE" and "Future concessions ... do not reduce to AGREE" (sections AGREE, CONCEDE, RETREAT).

Under both, harmful acts announced by their actor are THREATEN, and a concession or retreat
*decided* ("the court decided to allow Ouattara to run") is made, not promised: CONCEDE.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from ..errors import InputError

# Cooperative types whose announcement is AGREE under every convention ("will provide aid").
AGREE_FOLDABLE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
# Intent verbs that report a decision taken, and what a concession under them is.
DECIDING_VERBS = frozenset({"decide"})
DECIDED_AS = MappingProxyType({"CONCEDE": "CONCEDE", "RETREAT": "CONCEDE"})


@dataclass(frozen=True)
class Conventions:
    """What an announced or intended cooperative act is coded as."""

    name: str
    summary: str
    # type of the act announced -> type coded (types absent keep their own)
    announced_as: Mapping[str, str] = field(default_factory=dict)

    def announced(self, act_type: str, intent_verb=None) -> str:
        """What ``act_type`` announced, or intended under ``intent_verb`` (the cue's token, as the
        status reading finds it), is coded as."""
        if intent_verb is not None and intent_verb.lemma_.lower() in DECIDING_VERBS and act_type in DECIDED_AS:
            return DECIDED_AS[act_type]
        return self.announced_as.get(act_type, act_type)


def _table(extra: dict[str, str]) -> Mapping[str, str]:
    return MappingProxyType({**{t: "AGREE" for t in AGREE_FOLDABLE}, **extra})


CONVENTIONS: dict[str, Conventions] = {
    "annotated": Conventions(
        "annotated", "as PLOVER-GSR's annotators code: announced concessions and retreats are AGREE",
        _table({"CONCEDE": "AGREE", "RETREAT": "AGREE"})),
    "manual": Conventions(
        "manual", "as the PLOVER manual's text says: announced retreats are CONCEDE, concessions stay CONCEDE",
        _table({"RETREAT": "CONCEDE"})),
}
DEFAULT_CONVENTIONS = "annotated"


def get_conventions(name: str | Conventions | None = None) -> Conventions:
    """The named convention (the default when None); a clear error for an unknown name."""
    if isinstance(name, Conventions):
        return name
    chosen = name or DEFAULT_CONVENTIONS
    try:
        return CONVENTIONS[chosen]
    except KeyError:
        raise InputError(f"unknown coding conventions {chosen!r}; choose one of: "
                         + ", ".join(sorted(CONVENTIONS))) from None
