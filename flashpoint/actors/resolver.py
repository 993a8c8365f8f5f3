"""Find actor mentions in a spaCy Doc and resolve them against the KB by article date.

Pure functions over a parsed Doc: ``find_mentions(doc, kb, on)`` returns ActorMentions; the
stage writes them onto the Analysis. Steps:
1. KB matches: longest phrase first, left to right, on word pieces aligned to token edges.
2. Actor noun phrases: a KB match that modifies a role noun or a name ("Iranian leaders",
   "Iran's supreme leader", "Israeli Defense Minister Yoav Gallant", "two anonymous U.S.
   officials") becomes one mention over the phrase, country from the match, sector from the
   role word or from the named person's dated role.
3. Named entities (PERSON/ORG/NORP/GPE) the KB does not know are kept unresolved.
Coreference is a separate step (coref.py).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Optional

from ..analysis_state import ActorMention
from ..model import Actor
from .kb import TIERS, ActorKB, KBEntry, RoleWord, canonical_code, pieces, split_code

ENTITY_LABELS = ("PERSON", "ORG", "NORP", "GPE")
# Dependents that stay inside an actor noun phrase (left side of the head).
LEFT_DEPS = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "predet", "advmod", "npadvmod"}
# How a modifier attaches to the noun it describes.
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
KIND_OF_ENTRY = {"country": "country", "demonym": "demonym", "capital": "capital", "seat": "seat",
                 "person": "person", "igo": "org", "org": "org", "group": "group", "ethnic": "group",
                 "place": "place"}
PLURAL_TAGS = {"NNS", "NNPS"}
# Prepositions that place a role noun somewhere ("protesters in Kinshasa", "residents near
# Harare") or give its origin ("workers from Lagos"): the place gives the country, not an actor.
LOCATIVE_PREPS = {"in", "at", "near", "outside", "across", "throughout", "inside", "around", "from"}
# Determiners that make a plural demonym a specific party ("the Iranians" = Iran's side).
DEFINITE_DETS = {"the", "these", "those", "both"}
# Role words too vague to be placed ("a state of siege in Haiti").
NOT_LOCATED = {"state"}
# Nouns naming a territorial division: after a place name they are part of it ("Sindh
# province", "West Darfur State", "the Donetsk region"), not a role ("state" is GOV elsewhere).
TERRITORY_NOUNS = {"state", "province", "region", "governorate", "district", "oblast", "county",
                   "prefecture", "department", "territory", "municipality"}


def actor_from_entry(entry: KBEntry, text: str, start: int, end: int, on: Optional[dt.date],
                     via: Optional[str] = None) -> Actor:
    role = entry.role_on(on)
    code = canonical_code(role.code) if role else None
    if role is None and entry.roles and entry.kind in ("person", "phoenix"):
        # A person outside every dated role the KB knows is an elite of their latest country
        # (CAMEO ELI); a title in the text may still give the office (see find_mentions).
        latest = max(entry.roles, key=lambda r: r.start or dt.date.min)
        country, _ = split_code(canonical_code(latest.code))
        code = country + "ELI" if country and country not in ("IGO", "NGO", "IMG") else None
        via = via or "kb:out-of-office"
    country, sector = split_code(code)
    name = entry.name.title() if entry.tier == TIERS["phoenix"] else entry.name
    return Actor(text=text, start=start, end=end, code=code, country=country, sector=sector,
                 name=name, kb_id=entry.id, via=via or f"kb:{entry.kind}")


class _Pieces:
    """Word pieces of a Doc with the token each belongs to (for KB matching)."""

    def __init__(self, doc):
        self.words: list[str] = []
        self.surface: list[str] = []
        self.token: list[int] = []
        self.starts: dict[int, int] = {}  # piece index -> token index where a token starts
        self.ends: set[int] = set()       # piece offsets where a token ends
        for tok in doc:
            ps = pieces(tok.text)
            if not ps:
                continue
            self.starts[len(self.words)] = tok.i
            for p in ps:
                self.words.append(p.lower())
                self.surface.append(p)
                self.token.append(tok.i)
            self.ends.add(len(self.words))


def kb_matches(doc, kb: ActorKB) -> list[tuple[int, int, KBEntry]]:
    """(token_start, token_end, entry), longest match first, non-overlapping."""
    ps = _Pieces(doc)
    out = []
    i = 0
    n = len(ps.words)
    while i < n:
        if i in ps.starts:
            length, entry = kb.longest_at(ps.words, ps.surface, i, ps.ends)
            if entry is not None and _plausible(doc, ps.token[i], ps.token[i + length - 1] + 1, entry):
                out.append((ps.token[i], ps.token[i + length - 1] + 1, entry))
                i += length
                continue
        i += 1
    return out


def _plausible(doc, start: int, end: int, entry: KBEntry) -> bool:
    """Reject one-word matches that are ordinary lower-case words ("chad", "jordan" are fine
    only as proper nouns; Phoenix has many generic words)."""
    span = doc[start:end]
    if not any(t.text[:1].isupper() for t in span):
        return False
    if entry.tier == TIERS["phoenix"] and end - start == 1 and span[0].pos_ not in ("PROPN",) \
            and span[0].ent_type_ not in ENTITY_LABELS:
        return False
    if entry.kind == "ethnic" and end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "I" \
            and doc[end].pos_ == "PROPN":
        return False  # "Karen Bass" is a person, not the Karen people
    if entry.kind == "place" and any(t.ent_type_ == "PERSON" for t in span) and _named_person(doc, start, end):
        return False  # "Mr. Gao" is a person, not the Malian town; "Sabah al-Ahmad" not the state
    if entry.kind == "place" and (_hyphen_joined(doc, end, end + 1) or _hyphen_joined(doc, start - 1, start - 2)):
        return False  # part of another place's name: "Tuzla-Serikam" is not Tuzla
    return True


HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "sheikh", "lord", "lady"}


def _named_person(doc, start: int, end: int) -> bool:
    """The tagger's PERSON around a place name is a person when the name reaches beyond the place
    ("Sabah al-Ahmad") or an honorific stands before it ("Mr. Gao"); a lone place word the small
    model tags as a person ("most of Goma") stays the place."""
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start < end and start < ent.end and (ent.start < start or ent.end > end):
            return True
    return start > 0 and doc[start - 1].lower_.rstrip(".") in HONORIFICS


def _hyphen_joined(doc, hyphen: int, other: int) -> bool:
    """A hyphen at ``hyphen`` written without spaces ties the match to ``other``, a capitalised
    name beside it: "Tuzla-Serikam". "Idlib-based" keeps its place."""
    if min(hyphen, other) < 0 or max(hyphen, other) >= len(doc) or doc[hyphen].text != "-":
        return False
    return not doc[hyphen - 1].whitespace_ and not doc[hyphen].whitespace_ and doc[other].text[:1].isupper()


# Words that follow a title and keep its office: "Secretary General", "Attorney General",
# "Consul General" are civilian posts, not generals.
POSTPOSED_TITLE_WORDS = {"general"}


def _role_word(tok, kb: ActorKB) -> Optional[RoleWord]:
    low = tok.text.lower()
    if low in POSTPOSED_TITLE_WORDS and tok.i > 0:
        before = tok.doc[tok.i - 1]
        if before.is_alpha and before.lower_ not in POSTPOSED_TITLE_WORDS:
            prior = _role_word(before, kb)
            if prior is not None:
                return prior
    return kb.role_words.get(tok.lemma_.lower()) or kb.role_words.get(low) or (
        kb.role_words.get(low[:-1]) if low.endswith("s") and tok.tag_ in PLURAL_TAGS else None)


def _entry_kind(entry: KBEntry, span) -> str:
    """Mention kind of a KB match. Phoenix country dictionaries list cities and regions as
    aliases of the bare country code ("GENEVA" -> CHE): such a match is a place."""
    kind = KIND_OF_ENTRY.get(entry.kind)
    if kind:
        return kind
    if span.root.ent_type_ == "PERSON":
        return "person"
    role = entry.role_on(None)
    if role is not None and len(role.code) == 3 and role.code not in ("IGO", "NGO", "IMG") \
            and span.root.ent_type_ in ("GPE", "LOC", "FAC", ""):
        return "place"
    return "org"


def _territory_noun(doc, end: int, head, entry: KBEntry, kind: str, covered):
    """The territorial noun right after a place that modifies it ("Sindh province", "Kaduna
    State", proper or common noun), or None. Only places: a region or city of the KB (curated
    kind place, or a Phoenix alias of a bare country code); never a country or demonym ("Iraqi
    state media", "the Palestinian state"), nor a noun that starts another KB match."""
    if end >= len(doc) or head.head.i != end or doc[end].lemma_.lower() not in TERRITORY_NOUNS \
            or end in covered:
        return None
    if kind != "place" and not (entry.tier == TIERS["phoenix"] and kind == "org" and _bare_country(entry)):
        return None
    return doc[end]


def _bare_country(entry: KBEntry) -> bool:
    role = entry.role_on(None)
    return role is not None and len(role.code) == 3 and role.code not in ("IGO", "NGO", "IMG")


def _located_role(head, kb: ActorKB):
    """(role noun, its RoleWord) when the place ``head`` is the object of a locative or origin
    preposition attached to a role noun: "protesters in Kinshasa", "workers from Lagos"."""
    if head.dep_ != "pobj" or head.head.dep_ != "prep" or head.head.lower_ not in LOCATIVE_PREPS:
        return None, None
    noun = head.head.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i > head.i:
        return None, None
    rw = _role_word(noun, kb)
    if rw is None or not rw.sector or rw.lemma in NOT_LOCATED:
        return None, None
    return noun, rw


def _phrase_head(doc, start: int, end: int):
    """The token of [start, end) whose head lies outside the span (syntactic head)."""
    for tok in doc[start:end]:
        if not (start <= tok.head.i < end) or tok.head.i == tok.i:
            return tok
    return doc[end - 1]


def _left_edge(head, stop_before: int = -1) -> int:
    left = head.i
    for child in head.lefts:
        if child.dep_ in LEFT_DEPS or child.dep_ == "conj":
            left = min(left, child.left_edge.i)
    return max(left, stop_before + 1)


def _noun_target(tok):
    """The noun that ``tok`` modifies, climbing over coordination ("Hungarian and Romanian
    officials": Romanian -> conj -> Hungarian -> amod -> officials)."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ in MODIFIER_DEPS and first.head.i > first.i and first.head.pos_ in ("NOUN", "PROPN"):
        return first.head, first is not tok or any(c.dep_ == "conj" for c in first.children)
    return None, False


def find_mentions(doc, kb: ActorKB, on: Optional[dt.date]) -> list[ActorMention]:
    mentions: list[ActorMention] = []
    matches = kb_matches(doc, kb)
    covered: dict[int, tuple[int, int, KBEntry]] = {}
    for m in matches:
        for i in range(m[0], m[1]):
            covered[i] = m
    used_heads: set[int] = set()
    for start, end, entry in matches:
        span = doc[start:end]
        kind = _entry_kind(entry, span)
        head = _phrase_head(doc, start, end)
        territory = _territory_noun(doc, end, head, entry, kind, covered)
        if territory is not None:
            # The division's noun joins the place: the phrase is placed or complemented as a whole
            # ("protesters in Sindh province", "the government of West Darfur State").
            end, head, kind = territory.i + 1, territory, "place"
            span = doc[start:end]
        base = actor_from_entry(entry, span.text, span.start_char, span.end_char, on)
        if kind in ("country", "capital", "place"):
            located = _located_mentions(doc, kb, head, base, kind, start, end, covered, used_heads)
            if located is not None:
                mentions.extend(located)
                continue
        target, coordinated = _noun_target(head)
        outer = None
        if target is not None and target.i not in used_heads and kind in ("country", "demonym", "capital", "seat", "org", "group", "place"):
            outer = _actor_phrase(doc, kb, target, base, entry, covered, on, coordinated, start, end)
        if outer is not None:
            if outer.token_start == start and outer.token_end == end:
                mentions.append(outer)  # coordinated modifier: its own span, sector from the role noun
            else:
                used_heads.add(target.i)
                mentions.append(outer)
                if kind in ("org", "group"):
                    mentions.append(ActorMention(base, start, end, kind=kind, plural=False))
            continue
        plural = span.root.tag_ in PLURAL_TAGS and kind not in ("country", "capital", "seat", "place")
        if kind == "demonym" and plural and head.pos_ in ("NOUN", "PROPN") and head.dep_ not in MODIFIER_DEPS \
                and not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in head.children):
            # "Ghanaians", "Algerians" standing alone are civilians (CAMEO CVL); "the Iranians"
            # in diplomatic copy is usually one side's delegation, so it keeps the bare country.
            base = _with_country_sector(base, base.country, "CVL", via="role")
            kind = "role"
        if kind in ("country", "demonym", "capital", "place") and outer is None:
            role = _role_of_pp(head, kb)
            if role is not None:
                # "leaders from Saudi Arabia, the UAE and Oman": each country is its own
                # mention, with the sector of the role noun the phrase complements.
                base = _with_country_sector(base, base.country, role.sector, via="role")
                kind = "role"
        if kind == "person":
            # Titles in front of a name ("Defense Secretary Lloyd Austin", "President Joe Biden").
            left = _left_edge(head)
            titles = [r for t in doc[start:end] if t.ent_type_ != "PERSON" and (r := _role_word(t, kb)) is not None and r.sector]
            if titles and base.sector in (None, "ELI") and base.country and not _former(doc[_left_edge(head, -1):end]):
                # the match itself carries the title ("President Bush" in Phoenix)
                base = _with_country_sector(base, base.country, titles[-1].sector, via="title")
            if left < start and all(t.dep_ != "punct" or t.text == "-" for t in doc[left:start]):
                outer = doc[left:end]
                actor = actor_from_entry(entry, outer.text, outer.start_char, outer.end_char, on)
                titles = [r for t in doc[left:start] if (r := _role_word(t, kb)) is not None and r.sector]
                if actor.sector in (None, "ELI") and titles and actor.country and not _former(outer):
                    actor = _with_country_sector(actor, actor.country, titles[-1].sector, via="title")
                mentions.append(ActorMention(actor, left, end, kind=kind, plural=False))
        mentions.append(ActorMention(base, start, end, kind=kind, plural=plural))
    mentions = _dedupe(mentions)
    mentions = _of_country(doc, mentions + _possessed_roles(doc, kb, mentions))
    return _add_entities(doc, _glossed_names(doc, mentions))


def _possessed_roles(doc, kb: ActorKB, mentions: list[ActorMention]) -> list[ActorMention]:
    """"The Zimbabwean rebels' military leader": a role noun owned by an actor phrase is that
    actor's: its country, and the owner's sector when the owner has one (the rebels' leader is a
    rebel), else the role's."""
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    out = []
    for m in mentions:
        owner = doc[m.token_end - 1]
        if m.kind not in ("role", "group", "org") or not m.actor.country or owner.dep_ != "poss":
            continue
        owned = owner.head
        rw = _role_word(owned, kb)
        if rw is None or owned.i in taken or owned.i < m.token_end:
            continue
        sector = m.actor.sector or rw.sector
        span = doc[m.token_start:owned.i + 1]
        actor = _with_country_sector(m.actor, m.actor.country, sector, via="role")
        actor.text, actor.start, actor.end = span.text, span.start_char, span.end_char
        out.append(ActorMention(actor, span.start, span.end, kind="role", plural=owned.tag_ in PLURAL_TAGS))
    return out


def _of_country(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"King Hassan of Morocco": a person the text places in a country belongs to it, whatever
    namesake the knowledge base matched (a Jordanian prince)."""
    countries = {m.token_start: m for m in mentions if m.kind == "country"}
    out = []
    for m in mentions:
        nxt = m.token_end
        place = countries.get(nxt + 1) if m.kind == "person" and nxt < len(doc) and doc[nxt].lower_ == "of" else None
        if place is not None and m.actor.country and place.actor.country != m.actor.country:
            m = replace(m, actor=_with_country_sector(m.actor, place.actor.country, m.actor.sector, via="role"))
        out.append(m)
    return out


def _dedupe(mentions: list[ActorMention]) -> list[ActorMention]:
    seen, out = set(), []
    for m in mentions:
        if (m.token_start, m.token_end) not in seen:
            seen.add((m.token_start, m.token_end))
            out.append(m)
    return out


def _actor_phrase(doc, kb, target, base: Actor, entry: KBEntry, covered, on, coordinated: bool,
                  mstart: int, mend: int) -> Optional[ActorMention]:
    """Mention for the noun phrase headed by ``target`` (a role noun, a person, an org)."""
    # Climb: "Israeli Defense Minister Yoav Gallant": Israeli -> Minister -> Gallant.
    head = target
    while head.dep_ in ("compound", "nmod") and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    head_match = covered.get(head.i)
    role = _role_word(head, kb)
    roles_in_np = [r for t in doc[_left_edge(head):head.i + 1] if (r := _role_word(t, kb)) is not None]
    is_person = head.ent_type_ == "PERSON"
    if head_match is not None and head_match[2] is not entry and head_match[2].kind not in ("country", "demonym"):
        # The phrase names a KB actor ("Lebanese Hezbollah", "... Minister Yoav Gallant"): its code wins.
        outer_entry = head_match[2]
        left = _left_edge(head)
        span = doc[left:max(head.i + 1, head_match[1])]
        actor = actor_from_entry(outer_entry, span.text, span.start_char, span.end_char, on)
        if actor.code is None or (actor.sector in (None, "ELI") and roles_in_np and not _former(span)):
            actor = _with_country_sector(actor, actor.country or base.country, _sector(roles_in_np))
        kind = KIND_OF_ENTRY.get(outer_entry.kind, "person" if is_person else "org")
        return ActorMention(actor, span.start, span.end, kind=kind, plural=False)
    if role is None and not is_person and not (head.pos_ == "PROPN" and roles_in_np):
        return None
    sector = (role.sector if role is not None else None) or _sector(roles_in_np)
    specific = [r.sector for r in roles_in_np if r.sector and r.sector != "GOV"]
    if sector == "GOV" and specific:
        sector = specific[-1]  # "rebel leaders" are REB, "military officials" MIL
    if base.country is None:
        return None
    if base.sector and not (entry.kind == "ethnic" and sector and sector != "GOV"):
        # an institution's own sector wins ("CIA officer" is SPY, not COP); a people's only over
        # "leaders" and "officials" (a community's, not a state's): "Karen rebels" are rebels
        sector = base.sector
    plural = head.tag_ in PLURAL_TAGS
    if coordinated:
        # Each conjunct keeps its own span: "Hungarian" -> HUNGOV, "Romanian" -> ROUGOV.
        actor = _with_country_sector(base, base.country, sector, via="role")
        return ActorMention(actor, mstart, mend, kind="role", plural=plural)
    left = _left_edge(head)
    span = doc[left:head.i + 1]
    actor = _with_country_sector(base, base.country, sector, via="role")
    actor.text, actor.start, actor.end = span.text, span.start_char, span.end_char
    actor.kb_id = base.kb_id
    if is_person:
        kind = "person"
        actor.name = _person_name(head)
    elif role is not None and role.anonymous:
        kind = "anonymous"
    else:
        kind = "role"
    return ActorMention(actor, span.start, span.end, kind=kind, plural=plural)


def _located_mentions(doc, kb: ActorKB, head, base: Actor, kind: str, start: int, end: int,
                      covered, used_heads: set[int]) -> Optional[list[ActorMention]]:
    """Mentions for a country, capital or city that places a role noun ("Protesters in
    Kinshasa", "workers from Lagos"): the role phrase gets the place's country and the noun's
    sector; a capital or city stays a place (code = its country), never a government actor of
    its own. Nouns whose holders are usually foreign ("diplomats in Nairobi", roles.csv
    ``abroad``) take no country from where they are. None when no role noun is placed, or for
    coordinated places (each conjunct is handled by ``_role_of_pp``)."""
    noun, rw = _located_role(head, kb)
    if noun is None or head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
        return None
    if base.country is None:
        return None
    # The place inside carries the role's code too (as countries in "officials from Iran"
    # always have), for readers that open a generic head up ("officials in Islamabad" ->
    # Islamabad); a capital or city keeps kind "place" so it is never a government of its own.
    inner = ActorMention(_with_country_sector(base, base.country, rw.sector, via="role"), start, end,
                         kind="role" if kind == "country" else "place", plural=False)
    if rw.abroad and head.head.lower_ != "from":
        # "the embassy in Tehran": the place is the host, left as the KB names it (a capital
        # keeps kind "capital", which the event coder skips under locative prepositions).
        return [ActorMention(base, start, end, kind=kind, plural=False)]
    if noun.i in used_heads or covered.get(noun.i) is not None:
        return [inner]
    used_heads.add(noun.i)
    span = doc[_left_edge(noun):end]
    actor = _with_country_sector(base, base.country, rw.sector, via="role")
    actor.text, actor.start, actor.end = span.text, span.start_char, span.end_char
    outer = ActorMention(actor, span.start, span.end, kind="anonymous" if rw.anonymous else "role",
                         plural=noun.tag_ in PLURAL_TAGS)
    return [outer, inner]


def _role_of_pp(tok, kb: ActorKB) -> Optional[RoleWord]:
    """Role noun that a country complements: 'officials from [various countries such as] X'."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    for _ in range(2):
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.lower_ not in ("from", "of", "as", "in"):
            return None
        prep = tok.head
        noun = prep.head
        if noun.lower_ == "such" and noun.head.pos_ == "NOUN":  # "such as": as <- such <- countries
            noun = noun.head
        rw = _role_word(noun, kb)
        before = prep.doc[prep.i - 1] if prep.i > 0 else None
        if (rw is None or not rw.sector) and before is not None and before.pos_ == "NOUN":
            # The parser often attaches the PP higher up ("discussions with officials from X");
            # the noun right before the preposition is the likelier host.
            noun, rw = before, _role_word(before, kb)
        if rw is not None and rw.sector and rw.lemma not in ("state",):
            return rw
        if noun.lemma_.lower() not in ("country", "nation", "government") and noun.lemma_.lower() not in TERRITORY_NOUNS:
            return None
        tok = noun
    return None


FORMER = {"former", "ex", "ousted", "late", "deposed", "retired", "then"}


def _former(span) -> bool:
    return any(t.lower_ in FORMER for t in span)


def _person_name(head) -> str:
    toks = [c for c in head.lefts if c.dep_ == "compound" and c.ent_type_ == "PERSON"] + [head]
    return " ".join(t.text for t in toks)


def _sector(roles: list[RoleWord]) -> Optional[str]:
    for r in reversed(roles):
        if r.sector:
            return r.sector
    return None


def _with_country_sector(actor: Actor, country: Optional[str], sector: Optional[str], via: Optional[str] = None) -> Actor:
    code = (country + (sector or "")) if country else None
    return Actor(text=actor.text, start=actor.start, end=actor.end, code=code, country=country,
                 sector=sector if country else None, name=actor.name, kb_id=actor.kb_id, via=via or actor.via)


# Head nouns that make a name an organisation's: "the Umma party", "the Sunrise group".
ORG_HEAD_NOUNS = {"party", "group", "movement", "front", "organization", "organisation", "union", "alliance",
                  "coalition", "council", "committee", "association", "league", "army", "militia", "brigade"}
GLOSS_SPAN = 8  # tokens a parenthetical gloss may take, brackets included


def _gloss_end(doc, open_i: int) -> Optional[int]:
    """The index of the ")" closing the "(" at ``open_i``, within ``GLOSS_SPAN`` tokens."""
    for j in range(open_i + 1, min(len(doc), open_i + GLOSS_SPAN)):
        if doc[j].text == "(":
            return None
        if doc[j].text == ")":
            return j
    return None


def _glossed_names(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"the Kifaya ("Enough") group", "the Umma (Nation) party": a name, its translation in
    brackets and the organisation noun after them are one named organisation, unknown to the KB
    (code None, like an unknown named person). The bracket breaks the parse and the entity
    tagger's span, so the phrase is read off the tokens."""
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    out = list(mentions)
    for tok in doc:
        if tok.text != "(" or tok.i == 0 or doc[tok.i - 1].pos_ != "PROPN":
            continue
        close = _gloss_end(doc, tok.i)
        if close is None or close + 1 >= len(doc):
            continue
        head = doc[close + 1]
        if head.pos_ != "NOUN" or head.lemma_.lower() not in ORG_HEAD_NOUNS:
            continue
        start = tok.i - 1
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
            start -= 1
        if any(i in taken for i in range(start, head.i + 1)):
            continue  # the KB knows (part of) it: its own mention stands
        span = doc[start:head.i + 1]
        actor = Actor(text=span.text, start=span.start_char, end=span.end_char, via="unresolved")
        out.append(ActorMention(actor, start, head.i + 1, kind="org", plural=False))
        taken.update(range(start, head.i + 1))
    return out


# Texts and instruments, never actors even when named like organisations ("an International Peace
# Treaty"); and heads of names that name texts, events and things, not actors.
DOCUMENT_NOUNS = {"treaty", "agreement", "accord", "convention", "protocol", "charter", "law", "act", "resolution",
                  "declaration", "memorandum", "pact", "plan", "bill", "constitution", "deal"}
NAMED_THINGS = DOCUMENT_NOUNS | {"conference", "summit", "games", "cup", "festival", "airport", "port", "bridge", "dam",
                                 "university", "river", "lake"}


def _named_after_place(ent, mentions: list[ActorMention]) -> Optional[ActorMention]:
    """"the Movement for the Actualization of the Sovereign State of Biafra": an organisation the
    KB does not know, named after a place inside its name, is that place's country's (code the
    bare country); the place alone must not stand for the organisation."""
    if ent.root.lemma_.lower() in NAMED_THINGS:
        return None  # "the Lima Fisheries Treaty" names a text, not an actor
    inside = [m for m in mentions if m.token_start < ent.end and ent.start < m.token_end]
    if not inside or any(m.token_start < ent.start or m.token_end > ent.end or m.token_start == ent.start
                         or m.kind not in ("place", "country", "capital") for m in inside):
        return None
    countries = {m.actor.country for m in inside if m.actor.country}
    if len(countries) != 1:
        return None
    country = countries.pop()
    actor = Actor(text=ent.text, start=ent.start_char, end=ent.end_char, code=country, country=country,
                  via="named-after-place")
    return ActorMention(actor, ent.start, ent.end, kind="org", plural=False)


def _bracketed_whole(ent):
    """The tagger cuts "the Homeland Union (Conservatives)" before its closing bracket: take the
    bracket in when it follows, else end the name before the opening one."""
    opened = [t.i for t in ent if t.text == "("]
    if not opened or any(t.text == ")" and t.i > opened[-1] for t in ent):
        return ent
    from spacy.tokens import Span  # only for the few names cut at a bracket

    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].text == ")":
        return Span(doc, ent.start, ent.end + 1, label=ent.label_)
    return Span(doc, ent.start, opened[-1], label=ent.label_) if opened[-1] > ent.start else ent


def _add_entities(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Keep named entities the KB did not resolve (code None), so users can add them."""
    taken = set()
    for m in mentions:
        taken.update(range(m.token_start, m.token_end))
    for ent in map(_bracketed_whole, doc.ents):
        if ent.label_ == "ORG":
            named_after = _named_after_place(ent, mentions)
            if named_after is not None:
                mentions.append(named_after)
                continue
        if ent.label_ not in ENTITY_LABELS or any(i in taken for i in range(ent.start, ent.end)):
            continue
        if not any(pieces(t.text) for t in ent):
            continue
        actor = Actor(text=ent.text, start=ent.start_char, end=ent.end_char, via="unresolved")
        kind = {"PERSON": "person", "ORG": "org"}.get(ent.label_, "unknown")
        mentions.append(ActorMention(actor, ent.start, ent.end, kind=kind, plural=False))
    mentions.sort(key=lambda m: (m.token_start, -(m.token_end - m.token_start)))
    return mentions
