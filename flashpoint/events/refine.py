"""What the parse says about a trigger beyond its word: readings the lexicon alone gets wrong,
and trigger words that name no event here.

Two registries, each a tuple of small rules the event stage runs in order:

- ``TYPE_RULES``: a rule sees the trigger and its current reading (type, sources, targets) and
  returns a new reading when its pattern holds ("joint drills" are COOPERATE, not MOBILIZE;
  "evacuated the wounded" is AID, not RETREAT), else None. Every rule that holds applies.
- ``NOT_EVENTS``: predicates on the trigger token; any that holds means no event ("declined to
  comment", "poses a threat", "has diplomatic relations", "negotiators return to Geneva").

``implied_source`` gives the actor of an agentless state act ("was detained in Iran").
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Optional

from ..analysis_state import Analysis
from .arguments import HELD_PLACE_NOUNS, LOCATIVE_PREPS, Argument, _agent, _prep_targets, actor_for, expand, passive
from .candidate import others
from .triggers import TriggerMatch


@dataclass(frozen=True)
class Reading:
    """A trigger's current type and arguments, as the rules pass it along."""

    type: str
    sources: list[Argument]
    targets: list[Argument]


TypeRule = Callable[[TriggerMatch, Reading, Analysis], Optional[Reading]]


# Military activities that are a show of force alone and cooperation when held together.
JOINT_ACTIVITIES = {"drill", "exercise", "game", "maneuver", "manoeuvre"}


def joint_activity(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"joint drills", "France and Egypt held exercises", "drills with X" are COOPERATE."""
    tok = match.token
    holders = [tok] + ([tok.head] if tok.dep_ == "dobj" else [])  # "held drills with China"
    if r.type != "MOBILIZE" or tok.lemma_.lower() not in JOINT_ACTIVITIES:
        return None
    if not (len(r.sources) > 1 or any(c.lower_ in ("joint", "combined") for c in tok.children)
            or any(c.dep_ == "prep" and c.lower_ == "with" for h in holders for c in h.children)):
        return None
    with_prep = next((found for h in holders if (found := _prep_targets(h, frozenset({"with"}), analysis))), [])
    return replace(r, type="COOPERATE", targets=with_prep or ([] if len(r.sources) > 1 else r.targets))


def welcomed_thing(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"welcomed the statement" approves (SUPPORT); "welcomed the president" receives (CONSULT)."""
    tok = match.token
    if match.pos == "verb" and "SUPPORT" in match.types and "CONSULT" in match.types and any(
            c.dep_ == "dobj" and actor_for(c, analysis) is None for c in tok.children):
        return replace(r, type="SUPPORT")
    return None


# Evacuating people in need is PLOVER AID; evacuating one's own troops or staff is RETREAT.
EVACUATING = {"evacuate", "airlift"}
CARED_FOR = {"wounded", "injured", "sick", "civilian", "resident", "people", "refugee", "casualty", "child",
             "patient", "villager", "family", "survivor", "victim"}


def evacuated_people(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"evacuated the wounded from Gorazde": a rescue, with the place left as the recipient."""
    tok = match.token
    if r.type == "RETREAT" and match.pos == "verb" and tok.lemma_.lower() in EVACUATING and any(
            c.dep_ == "dobj" and (c.lemma_.lower() in CARED_FOR or c.lower_ in CARED_FOR) for c in tok.children):
        return replace(r, type="AID", targets=_prep_targets(tok, frozenset({"from"}), analysis) or r.targets)
    return None


# Taking ground by force is PLOVER ASSAULT; the same verbs with people or goods as object are COERCE.
TAKING_VERBS = {"capture", "seize", "overrun", "take"}
GROUND_NOUNS = HELD_PLACE_NOUNS | {"town", "city", "village", "territory", "area", "region", "province", "district",
                                   "hill", "airport", "port", "bridge", "road", "highway", "border", "crossing"}


def taken_ground(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"troops captured part of a rebel stronghold": taking ground by force, not an arrest."""
    tok = match.token
    if r.type != "COERCE" or match.pos != "verb" or tok.lemma_.lower() not in TAKING_VERBS:
        return None
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        heads = [obj] + [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
        if any(h.lemma_.lower() in GROUND_NOUNS for h in heads):
            return replace(r, type="ASSAULT")
    return None


# Verbs that make a protest noun a formal diplomatic complaint (PLOVER ACCUSE), not a demonstration.
COMPLAINT_VERBS = {"lodge", "file", "register", "deliver", "send", "submit", "issue", "voice", "express"}


def lodged_protest(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"lodged a protest with Albania" is a complaint (ACCUSE) addressed to Albania."""
    tok = match.token
    if r.type == "PROTEST" and match.pos == "noun" and tok.head.lemma_.lower() in COMPLAINT_VERBS:
        return replace(r, type="ACCUSE",
                       targets=r.targets or _prep_targets(tok.head, frozenset({"with", "to", "against"}), analysis))
    return None


# Restrictions laid on a whole place: its people are the recipients ("a curfew in Abidjan").
RESTRICTIONS = {"curfew", "siege", "emergency", "martial", "lockdown"}


def restricted_place(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"declared a state of siege in Haiti", "will extend the curfew in Abidjan": with no one else
    named, the place under the restriction (its country's civilians) is the recipient."""
    tok = match.token
    if r.targets or match.pos != "noun" or tok.lemma_.lower() not in RESTRICTIONS:
        return None
    holders = [tok, tok.head] + ([tok.head.head] if tok.head.dep_ in ("prep", "dobj", "pobj") else [])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "across", "throughout", "on"):
                continue
            for pobj in prep.children:
                m = analysis.mention_at(pobj.i) if pobj.dep_ == "pobj" else None
                if m is not None and m.actor.country and m.kind in ("country", "capital", "place", "city"):
                    return replace(r, targets=[_place_actor(pobj, m, "CVL", "place-under-restriction")])
    return None


# What one "meets" by satisfying it: "met the strikers' demands" yields to them (PLOVER CONCEDE);
# it is no meeting. Refused or negated, the folding rules make it REJECT.
SATISFIABLE = {"demand", "condition", "need", "requirement", "deadline", "expectation", "request", "term",
               "criterion", "precondition", "grievance"}
MAKER_PREPS = {"of", "from", "by"}


def satisfied_demands(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"agreed to meet the demands of the miners": CONCEDE to whoever made the demands."""
    tok = match.token
    if r.type != "CONSULT" or match.pos != "verb" or tok.lemma_.lower() != "meet":
        return None
    demand = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in SATISFIABLE), None)
    if demand is None:
        return None
    makers = [a for p in demand.children if p.dep_ == "poss" for a in expand(p, analysis)] or [
        a for p in demand.children if p.dep_ == "prep" and p.lower_ in MAKER_PREPS
        for g in p.children if g.dep_ == "pobj" for a in expand(g, analysis)] or [
        a for acl in demand.children if acl.dep_ == "acl" and (agent := _agent(acl)) is not None
        for a in expand(agent, analysis)]  # "the deadline set by the IMF"
    return replace(r, type="CONCEDE", targets=others(makers, r.sources))


# Prepositions that name what a protest is against; the thing's author is the recipient.
PROTESTED_PREPS = {"against", "over", "about"}


def located_only(targets: list[Argument]) -> bool:
    """Every recipient is only where something happened ("a strike outside parliament")."""
    return all(t.token.dep_ == "pobj" and t.token.head.lower_ in LOCATIVE_PREPS for t in targets)


def protested_thing_author(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"Workers stopped work over a bill signed by the labour minister", "protested against taxes
    imposed by the ministry", "a strike over the government's reforms": with no one protested
    against by name, the author of the protested thing is the recipient (PLOVER PROTEST)."""
    tok = match.token
    if r.type != "PROTEST" or (r.targets and not located_only(r.targets)):
        return None
    holders = [tok] + ([tok.head] if tok.dep_ == "dobj" else [])  # "staged a strike over ..."
    if match.pos == "verb":
        holders += [c for c in tok.children if c.dep_ == "dobj"]  # "stopped work over ..."
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        holders.append(tok.head.head)  # "went on strike over ..."
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in PROTESTED_PREPS):
        for thing in (g for g in prep.children if g.dep_ == "pobj"):
            authors = [a for acl in thing.children if acl.dep_ == "acl" and (agent := _agent(acl)) is not None
                       for a in expand(agent, analysis)]
            authors = authors or [a for p in thing.children if p.dep_ == "poss" for a in expand(p, analysis)]
            authors = others(authors, r.sources)
            if authors:
                return replace(r, targets=authors)
    return None


# Run in this order before the last-resort recipient search.
TYPE_RULES: tuple[TypeRule, ...] = (joint_activity, welcomed_thing, evacuated_people, taken_ground, lodged_protest,
                                    restricted_place, satisfied_demands, protested_thing_author)


def refine_type(match: TriggerMatch, reading: Reading, analysis: Analysis) -> Reading:
    for rule in TYPE_RULES:
        reading = rule(match, reading, analysis) or reading
    return reading


def spoken_accusation(match: TriggerMatch, r: Reading) -> bool:
    """"Greece protested that Turkish jets had violated its airspace": a charge in words (ACCUSE)
    against the subject of the clause; run once the recipient is known."""
    tok = match.token
    return match.pos == "verb" and "ACCUSE" in match.types and bool(r.targets) and any(
        c.dep_ == "ccomp" and c.head.i == tok.i for t in r.targets for c in t.token.ancestors)


# --- trigger words that name no event --------------------------------------------------------

NON_ANSWER_OBJECTS = {"comment", "interview", "clarification", "reaction", "response", "statement"}
SPEECH_COMPLEMENTS = {"comment", "respond", "elaborate", "speak", "discuss", "say", "confirm", "answer"}
# Idioms where an event noun names no event: "pose a threat", "in the face of threats".
BLOCKING_HEADS = {"pose", "face", "counter", "perceive", "fear", "amid"}
DENIAL_VERBS = {"deny", "dismiss", "reject", "refute", "dispute"}
# Relations that exist rather than happen: establishing or upgrading them is an event, having
# or keeping them is background.
STANDING_NOUNS = {"tie", "relation", "ties", "relations"}
HAVING_VERBS = {"have", "maintain", "keep", "enjoy"}
# Trigger verbs that are events only with an object: "return" is a retreat when something or
# someone is returned, and travel otherwise.
TRANSITIVE_ONLY = {"return"}


def newsroom_non_answer(tok) -> bool:
    """"did not respond to a request for comment"."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in NON_ANSWER_OBJECTS for g in c.children)
               for c in tok.children)


def refused_to_comment(tok) -> bool:
    """"declined to comment", "refused to elaborate"."""
    return tok.lemma_.lower() in ("decline", "refuse", "reject") and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in SPEECH_COMPLEMENTS for c in tok.children)


def posed_threat(tok) -> bool:
    """"poses a threat", "faces the danger"."""
    return tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in BLOCKING_HEADS \
        and tok.lemma_.lower() in ("threat", "danger", "risk")


def in_the_face_of(tok) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "face"


def standing_relation(tok) -> bool:
    """"Israel has no diplomatic relations with Iran": a standing state, not an act."""
    return tok.lemma_.lower() in STANDING_NOUNS and tok.dep_ == "dobj" and tok.head.lemma_.lower() in HAVING_VERBS


def travel_return(tok) -> bool:
    """"negotiators return to Geneva" travel; "Iraq returned the prisoners" retreats."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in TRANSITIVE_ONLY and not any(
        c.dep_ in ("dobj", "nsubjpass") for c in tok.children)


# Verbs that break what their object names: "violating the ceasefire agreement" is no agreement.
BREAKING_VERBS = {"violate", "breach", "break", "flout", "undermine", "abandon", "scrap"}


def broken_agreement(tok) -> bool:
    """"both sides are guilty of violating the ceasefire agreement": the agreement is not made here."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in BREAKING_VERBS


def denies_a_claim(tok) -> bool:
    """"Rwanda denied backing M23" denies a claim (the backing is negated); it rejects nobody."""
    return tok.lemma_.lower() in DENIAL_VERBS and any(
        c.dep_ in ("xcomp", "ccomp", "pcomp") or (c.dep_ == "dobj" and c.tag_ == "VBG") for c in tok.children)


NOT_EVENTS: tuple[Callable[[object], bool], ...] = (
    newsroom_non_answer, refused_to_comment, posed_threat, in_the_face_of, standing_relation, travel_return,
    denies_a_claim, broken_agreement)


def not_an_event(tok) -> bool:
    return any(rule(tok) for rule in NOT_EVENTS)


# --- actors the parse leaves implicit ---------------------------------------------------------

# Acts only a state does (arrest, try, deport): said in the passive with no agent, the state of
# the country where they happen did them.
STATE_ACTS = {"arrest": "COP", "detain": "COP", "jail": "JUD", "imprison": "JUD", "deport": "GOV",
              "expel": "GOV", "sentence": "JUD", "convict": "JUD", "indict": "JUD", "charge": "JUD"}


def implied_source(match: TriggerMatch, analysis: Analysis) -> list[Argument]:
    """"A French journalist was detained in Iran": Iran's police (inferred, lower confidence)."""
    verb = match.token
    if match.pos != "verb" or verb.lemma_.lower() not in STATE_ACTS or not passive(verb):
        return []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for pobj in prep.children:
            m = analysis.mention_at(pobj.i) if pobj.dep_ == "pobj" else None
            if m is not None and m.kind == "country" and m.actor.country:
                return [_place_actor(pobj, m, STATE_ACTS[verb.lemma_.lower()], "place-of-state-act")]
    return []


def _place_actor(tok, m, sector: str, via: str) -> Argument:
    """An actor read off a place the text names: its country with ``sector``, marked inferred."""
    actor = replace(m.actor, code=m.actor.country + sector, sector=sector, via=via)
    return Argument(actor=actor, token=tok, mention=m, inferred=True)
