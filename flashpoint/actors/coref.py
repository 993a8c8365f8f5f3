"""Rule-based coreference: pronouns, definite role phrases and bare surnames take the actor of
an earlier mention (code, country, sector, name copied; own text and offsets kept; via="coref").

Rules, in order of the text:
- a surname ("Gallant") after a full name ("Yoav Gallant") in the same document;
- "the official", "the second official", "both officials", "the spokesperson", "the minister",
  "the group": the nearest earlier mention of a compatible kind (anonymous sources for
  "official(s)", people for person roles, groups and organisations for "group");
- he/she/his/her/him: the nearest earlier person; it/its: the nearest earlier singular
  country, seat, org or group;
- they/them/their: the nearest plural antecedent in the same or the previous sentence, a
  coordinated set ("counterparts in Turkey, China and Saudi Arabia") or a plural role phrase
  ("Iraqi officials"), else an organisation or country within the window. A set resolves to
  what its members share: the common country (and sector, if common too), so "Iraqi officials
  and commanders ... they" is IRQ; members of different countries give no code, and the pronoun
  is kept with ``via="coref-plural"`` and the members' names joined by "; " in ``name`` (the
  pronoun stands for several actors at once, which one code cannot say).
Antecedents are looked for within ``WINDOW`` sentences.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..analysis_state import ActorMention
from .kb import ActorKB

WINDOW = 4
PLURAL_WINDOW = 1  # plural antecedents: same or previous sentence
PERSONAL = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
NEUTER = {"it", "its", "itself"}
DEFINITE = {"the", "both", "these", "those", "this", "that"}
ORDINALS = {"first", "second", "third", "fourth", "other", "latter", "former", "same"}
HUMAN_KINDS = ("person", "anonymous", "role")
# Role nouns that refer back to someone named earlier ("the minister"); places and bodies
# ("the consulate", "the party") do not.
COREF_ROLES = {"official", "source", "diplomat", "aide", "spokesperson", "spokesman", "spokeswoman",
               "minister", "secretary", "president", "leader", "envoy", "ambassador", "premier",
               "chancellor", "negotiator", "commander", "group", "organization", "movement", "militant"}
THING_KINDS = ("country", "capital", "seat", "org", "group")
# Sectors of role phrases "the group" may point back to ("M23 rebels ... the group").
GROUP_SECTORS = {"REB", "OPP", "PTY", "NGO", "REL", "LAB", "CRM", "SEP", "RAD", "INS"}
# Which earlier mentions a role noun may point back to.
ROLE_TARGETS = {"official": ("anonymous", "person", "role"), "source": ("anonymous", "person", "role"),
                "diplomat": ("anonymous", "person", "role"), "aide": ("anonymous", "person", "role"),
                "group": ("group", "org"), "organization": ("group", "org"), "movement": ("group",),
                "militant": ("group",), "country": ("country",), "government": ("country", "capital", "seat")}


def _copy(ante: ActorMention, tok_start: int, tok_end: int, doc, kind: str, plural: bool) -> ActorMention:
    span = doc[tok_start:tok_end]
    via = "coref-plural" if ante.kind == "set" and ante.actor.code is None else "coref"
    actor = replace(ante.actor, text=span.text, start=span.start_char, end=span.end_char, via=via)
    return ActorMention(actor, tok_start, tok_end, kind=kind, plural=plural)


def _coordinated_sets(doc, mentions: list[ActorMention]) -> dict[int, ActorMention]:
    """Plural set mentions for actors joined by coordination, keyed by the token index after
    which the set is complete (its last member's end). Not part of the output."""
    head_of = {}
    for m in mentions:
        if m.resolved and m.kind not in ("pronoun", "place"):
            head_of.setdefault(m.token_end - 1, m)
    parent: dict[int, int] = {}

    def find(i):
        while parent.get(i, i) != i:
            i = parent[i]
        return i

    for i, m in head_of.items():
        tok = doc[i]
        if tok.dep_ == "conj" and tok.head.i in head_of:
            parent[find(i)] = find(tok.head.i)
    groups: dict[int, list[ActorMention]] = {}
    for i, m in head_of.items():
        groups.setdefault(find(i), []).append(m)
    out = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda m: m.token_start)
        countries = {m.actor.country for m in members}
        sectors = {m.actor.sector for m in members}
        first, last = members[0], members[-1]
        span = doc[first.token_start:last.token_end]
        country = countries.pop() if len(countries) == 1 else None
        sector = sectors.pop() if country and len(sectors) == 1 else None
        actor = replace(first.actor, text=span.text, start=span.start_char, end=span.end_char,
                        code=(country + (sector or "")) if country else None, country=country, sector=sector,
                        name="; ".join(m.actor.name or m.actor.text for m in members),
                        kb_id=first.actor.kb_id if country and len({m.actor.kb_id for m in members}) == 1 else None,
                        via="coref" if country else "coref-plural")
        out[last.token_end] = ActorMention(actor, first.token_start, last.token_end, kind="set", plural=True)
    return out


def _sent_index(doc):
    idx = {}
    for n, s in enumerate(doc.sents):
        for t in s:
            idx[t.i] = n
    return idx


def resolve_coreference(doc, kb: ActorKB, mentions: list[ActorMention]) -> list[ActorMention]:
    sent_of = _sent_index(doc)
    taken = set()
    for m in mentions:
        taken.update(range(m.token_start, m.token_end))
    # the longest phrase at a start ("the rebels' military leader" over "the rebels")
    by_start = {m.token_start: m for m in sorted(mentions, key=lambda m: m.token_end - m.token_start)}
    by_token: dict[int, ActorMention] = {}
    for m in sorted(mentions, key=lambda m: -(m.token_end - m.token_start)):
        for j in range(m.token_start, m.token_end):
            by_token[j] = m  # outermost written first, so the innermost wins
    out = list(mentions)
    history: list[ActorMention] = []
    sets = _coordinated_sets(doc, mentions)
    surnames: dict[str, ActorMention] = {}

    def institution(m: ActorMention) -> bool:
        rw = kb.role_words.get(doc[m.token_end - 1].lemma_.lower())
        return rw is not None and rw.collective

    def nearest(before: int, kinds, plural: Optional[bool] = None, subject: bool = False,
                accept=None) -> Optional[ActorMention]:
        if subject:
            # Personal pronouns prefer the latest earlier subject ("Gallant told Austin ... He").
            first = nearest(before, kinds, plural, accept=accept)
            if first is None:
                return None
            for m in reversed(history):
                if m.token_end > before or sent_of.get(m.token_start) != sent_of.get(first.token_start):
                    continue
                if m.kind in kinds and m.resolved and doc[m.token_end - 1].dep_ in ("nsubj", "nsubjpass") \
                        and (accept is None or accept(m)):
                    return m
            return first
        window = PLURAL_WINDOW if plural else WINDOW
        for m in reversed(history):
            if m.token_end > before or not (m.resolved or m.kind == "set"):
                continue
            if sent_of.get(before, 0) - sent_of.get(m.token_start, 0) > window:
                return None
            if m.kind in kinds and (plural is None or m.plural == plural) and (accept is None or accept(m)):
                return m
        return None

    i = 0
    while i < len(doc):
        tok = doc[i]
        for done in [k for k in sets if k <= i]:
            history.append(sets.pop(done))  # the set is complete: it may be "they" from here on
        m = by_start.get(i)
        if m is not None:
            # Surnames: an unresolved or weak one-word person match after a full name.
            last = doc[m.token_end - 1].text
            if m.token_end - m.token_start == 1 and last in surnames and (not m.resolved or m.actor.via in ("unresolved", "kb:phoenix")):
                new = _copy(surnames[last], m.token_start, m.token_end, doc, "person", False)
                out[out.index(m)] = new
                m = new
            if not m.resolved and m.kind == "person":
                ante = _apposition(doc, m, by_token)
                if ante is not None:
                    new = replace(m, actor=replace(m.actor, code=ante.actor.code, country=ante.actor.country,
                                                  sector=ante.actor.sector, kb_id=ante.actor.kb_id, name=m.actor.text,
                                                  via="coref"))
                    out[out.index(m)] = new
                    m = new
            if m.resolved:
                history.append(m)
                if m.kind == "person" and m.token_end - m.token_start >= 2:
                    surnames[doc[m.token_end - 1].text] = m
            i = max(i + 1, m.token_end if m.token_end > i else i + 1)
            continue
        if i in taken:
            i += 1
            continue
        low = tok.lower_
        new = None
        if tok.text in surnames and tok.pos_ == "PROPN":
            new = _copy(surnames[tok.text], i, i + 1, doc, "person", False)
        elif tok.pos_ == "PRON" or low in PERSONAL | PLURAL | NEUTER:
            if low in PERSONAL:
                ante = nearest(i, ("person",), None, subject=True) or nearest(i, ("role", "anonymous"), False)
                new = ante and _copy(ante, i, i + 1, doc, "pronoun", False)
            elif low in PLURAL:
                ante = nearest(i, ("set",) + HUMAN_KINDS + THING_KINDS, True) \
                    or nearest(i, ("group", "org", "country", "seat"), None)
                if ante is not None and low == "them" and _closer_plural(doc, ante.token_end, i):
                    ante = None  # "protesters marched ... police dispersed them": not an earlier actor
                new = ante and _copy(ante, i, i + 1, doc, "pronoun", True)
            elif low in NEUTER and not _expletive(tok):
                # a singular institution named by its role ("the Russian defence ministry") counts too
                # "its" and subject "it" are the clause subject's before a closer name: "Hamas agreed in
                # talks with Egypt to end its fight"
                ante = nearest(i, ("country", "seat", "org", "group", "role"), False,
                               subject=tok.dep_ in ("poss", "nsubj", "nsubjpass"),
                               accept=lambda m: m.kind != "role" or institution(m))
                new = ante and _copy(ante, i, i + 1, doc, "pronoun", False)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in COREF_ROLES \
                and (rw := kb.role_words.get(tok.lemma_.lower())) is not None:
            dets = [c for c in tok.lefts if c.lower_ in DEFINITE or c.lower_ in ORDINALS]
            if dets:
                start = tok.left_edge.i
                if not any(j in taken for j in range(start, i)):
                    kinds = ROLE_TARGETS.get(rw.lemma, ("person", "role", "anonymous"))
                    plural = tok.tag_ == "NNS"
                    # "the group" is an armed group when one is in reach, before any organisation
                    # ... and never an intergovernmental body ("a report by United Nations experts
                    # said ... in support of the group": the group is the rebels named before)
                    not_igo = (lambda m: m.actor.country != "IGO") if kinds[0] == "group" else None
                    ante = (nearest(start, kinds[:1], None) if len(kinds) > 1 and kinds[0] == "group" else None) \
                        or (nearest(start, ("role",), None, accept=lambda m: m.actor.sector in GROUP_SECTORS)
                            if kinds[0] == "group" else None) \
                        or nearest(start, kinds, None, accept=not_igo)
                    if ante is not None:
                        kind = "anonymous" if rw.anonymous else ("group" if "group" in kinds else "role")
                        new = _copy(ante, start, i + 1, doc, kind, plural)
        if new:
            out.append(new)
            history.append(new)
            taken.update(range(new.token_start, new.token_end))
            owned = _possessed_role(doc, kb, tok, new, taken)
            if owned is not None:
                out.append(owned)
        i += 1
    out.sort(key=lambda m: (m.token_start, -(m.token_end - m.token_start)))
    return out


def _possessed_role(doc, kb: ActorKB, tok, pron: ActorMention, taken: set[int]) -> Optional[ActorMention]:
    """'its forces', 'their troops', 'his government': a possessive pronoun resolved to a
    country-bearing actor gives the role noun it owns that country, with the noun's sector."""
    head = tok.head
    if tok.dep_ != "poss" or head.i <= tok.i or head.i in taken or pron.actor.country is None:
        return None
    if any(j in taken for j in range(tok.i + 1, head.i + 1)):
        return None
    rw = kb.role_words.get(head.lemma_.lower()) or kb.role_words.get(head.lower_)
    if rw is None or not rw.sector:
        return None
    span = doc[tok.i:head.i + 1]
    country = pron.actor.country
    actor = replace(pron.actor, text=span.text, start=span.start_char, end=span.end_char,
                    code=country + rw.sector, sector=rw.sector, via="coref")
    return ActorMention(actor, tok.i, head.i + 1, kind="role", plural=head.tag_ in ("NNS", "NNPS"))


def _apposition(doc, m: ActorMention, by_token) -> Optional[ActorMention]:
    """'Nate Evans, a spokesperson for the U.S. Mission' -> the Mission's actor."""
    root = doc[m.token_end - 1]
    for app in (c for c in root.children if c.dep_ == "appos"):
        hit = by_token.get(app.i)
        if hit is not None and hit.resolved:
            return hit
        for prep in (c for c in app.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "with", "to")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                hit = by_token.get(pobj.i)
                if hit is not None and hit.resolved:
                    return hit
    return None


def _closer_plural(doc, after: int, before: int) -> bool:
    """A plural noun phrase between the antecedent and a they/them in the same sentence, which the
    knowledge base could not resolve: the pronoun most likely means it, so we claim nothing."""
    sent_start = doc[before].sent.start
    for j in range(max(after, sent_start), before):
        t = doc[j]
        if t.tag_ in ("NNS", "NNPS") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj"):
            return True
    return False


def _stands_for_clause(it, clause) -> bool:
    """Whether ``clause`` is one an expletive "it" stands for ("made it clear that ..."). In a
    reported clause an infinitive is not: "Iraq said it would allow inspectors to return" (there
    "it" is the speaker). Elsewhere a sentence's "It allows the police to arrest ..." is usually a
    law or a plan, which names no actor, so it stays expletive."""
    if clause.dep_ != "ccomp":
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    return not (infinitive and it.head.dep_ == "ccomp")


def _expletive(tok) -> bool:
    """'it is evident that ...', 'it was tantamount to' (no antecedent)."""
    if tok.dep_ == "expl":
        return True
    head = tok.head
    if tok.lower_ == "it" and head.pos_ == "ADJ" and any(c.dep_ in ("ccomp", "advcl", "xcomp") for c in head.children):
        return True  # "made it clear that ...", "it is evident that ..."
    if tok.lower_ == "it" and any(_stands_for_clause(tok, c) or any(_stands_for_clause(tok, g) for g in c.children)
                                  for c in head.children):
        return True  # "made it clear that ...", "it seems that ..."

    return tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be" and any(
        c.dep_ in ("ccomp", "xcomp", "acomp") for c in head.children) and tok.lower_ == "it"
