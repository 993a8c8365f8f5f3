"""What the parse says about a trigger beyond its word: readings the lexicon alone gets wrong,
and trigger words that name no event here.

Two registries, each a tuple of small rules the event stage runs in order:

- ``TYPE_RULES``: a rule sees the trigger and its current reading (type, sources, targets) and
  returns a new reading when its pattern holds ("joint drills" are COOPERATE, not MOBILIZE;
  "evacuated the wounded" is AID, not RETREAT), else None. Every rule that holds applies.
- ``NOT_EVENTS``: predicates on the trigger token; any that holds means no event ("declined to
  comment", "poses a threat", "has diplomatic relations", "negotiators return to Geneva").

``IMPLIED_SOURCES`` give the actor of an agentless act from its place: a state act ("was detained in
Iran") or an unclaimed bombing ("killed in a car bombing in Kabul").
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Optional

from ..analysis_state import Analysis
from .arguments import (HELD_PLACE_NOUNS, LOCATIVE_PREPS, Argument, _agent, _prep_targets, _resolved_at, actor_for,
                        expand, passive, verb_arguments)
from .candidate import others
from .lexicon import default_lexicon
from .triggers import TriggerMatch


@dataclass(frozen=True)
class Reading:
    """A trigger's current type and arguments, as the rules pass it along."""

    type: str
    sources: list[Argument]
    targets: list[Argument]
    mode: Optional[str] = None  # set by a rule that knows it; else the lexicon's cues decide


TypeRule = Callable[[TriggerMatch, Reading, Analysis], Optional[Reading]]


def _objects(verb, conjuncts: bool = False) -> list:
    """What a verb acts on: its direct object or passive subject, and with ``conjuncts`` the
    objects coordinated with them ("withdrew inspectors and aid workers")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return found + [g for o in found for g in o.conjuncts] if conjuncts else found


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


# What two sides fire at each other: "exchanged fire with police" is fighting, not cooperation.
EXCHANGED_FIRE = {"fire", "gunfire", "shot", "shots", "blow", "blows", "artillery", "rocket", "rockets", "missile",
                  "missiles", "shell", "shells", "salvo", "salvos"}


# ... and whom: the manual codes "the actual release or exchange of prisoners" RETREAT.
EXCHANGED_CAPTIVES = {"prisoner", "captive", "detainee", "hostage", "body", "remains", "pow"}


def exchanged_fire(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"The gunmen exchanged fire with Kenyan police": ASSAULT, each side the other's recipient;
    "Kenya and Uganda exchanged prisoners": RETREAT."""
    tok = match.token
    if match.pos != "verb" or tok.lemma_.lower() != "exchange":
        return None
    exchanged = {c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"}
    if exchanged & EXCHANGED_FIRE:
        return replace(r, type="ASSAULT")
    if exchanged & EXCHANGED_CAPTIVES:
        return replace(r, type="RETREAT")
    return None


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


# Seizing people: hostages, or combatants captured in a conflict, are abducted (PLOVER ASSAULT
# abduct: "combatants captured during conflict should be coded as ASSAULT abduct rather than COERCE
# arrest"); the police capturing a suspect still arrest him.
CAPTIVE_NOUNS = {"hostage", "captive"}
COMBATANT_SECTORS = {"MIL", "REB"}
COMBATANT_NOUNS = {"soldier", "troop", "rebel", "fighter", "militant", "insurgent", "guerrilla", "guerilla",
                   "militiaman", "combatant", "gunman", "serviceman", "jihadist"}
POLICING_SECTORS = {"COP", "JUD"}


def _combatant(arg: Argument) -> bool:
    return arg.actor.sector in COMBATANT_SECTORS or (arg.token is not None and arg.token.lemma_.lower() in COMBATANT_NOUNS)


def taken_captive(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"Gunmen seized three French hostages", "troops captured 20 rebels": ASSAULT abduct."""
    tok = match.token
    if r.type != "COERCE" or match.pos != "verb" or tok.lemma_.lower() not in TAKING_VERBS:
        return None
    taken = _objects(tok, conjuncts=True)
    hostages = any(t.lemma_.lower() in CAPTIVE_NOUNS for t in taken + [c for c in tok.children if c.dep_ == "oprd"])
    taken_args = [a for a in r.targets if a.token in taken]  # who is taken, not whom things are taken from
    combatants = bool(taken_args) and all(_combatant(a) for a in taken_args) \
        and not any(s.actor.sector in POLICING_SECTORS or s.token.lemma_.lower() in ("police", "policeman")
                    for s in r.sources if s.token is not None)
    return replace(r, type="ASSAULT", mode="abduct") if hostages or combatants else None


# "Push" asks only when it pushes someone to act ("pushed Iran to accept", "pushed for talks");
# pushing people back or out is force short of violence (the manual: "police pushed back
# protesters" is COERCE restrict), and pushing a thing is no event.
def pushed_without_asking(tok) -> bool:
    if tok.lemma_.lower() != "push" or tok.pos_ != "VERB":
        return False
    near = list(tok.children) + [g for c in tok.children if c.dep_ == "advmod" for g in c.children]
    asks = any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("for", "toward", "towards"))
               or (c.dep_ == "advcl" and any(m.dep_ in ("mark", "aux") and m.lower_ in ("for", "to") for m in c.children))
               for c in near)  # "pushing hard for the US to support its plan"
    return not asks and not _pushes_people_back(tok)


def _pushes_people_back(tok) -> bool:
    return any((c.dep_ == "prt" and c.lower_ in ("back", "out")) or (c.dep_ in ("prep", "advmod") and c.lower_ in
               ("back", "out", "into", "across")) for c in tok.children)


def pushed_back(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"police pushed back the protesters", "pushing Serb immigrants into Russia": COERCE restrict."""
    tok = match.token
    if match.pos != "verb" or tok.lemma_.lower() != "push" or not _pushes_people_back(tok) \
            or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return None
    return replace(r, type="COERCE", mode="restrict")


# Verbs that make a protest noun a formal diplomatic complaint (PLOVER ACCUSE), not a demonstration.
COMPLAINT_VERBS = {"lodge", "file", "register", "deliver", "send", "submit", "issue", "voice", "express"}


def lodged_protest(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"lodged a protest with Albania" is a complaint (ACCUSE) addressed to Albania."""
    tok = match.token
    if r.type == "PROTEST" and match.pos == "noun" and tok.head.lemma_.lower() in COMPLAINT_VERBS:
        return replace(r, type="ACCUSE",
                       targets=r.targets or _prep_targets(tok.head, frozenset({"with", "to", "against"}), analysis))
    return None


def inverted_complaint(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"Croatian authorities are failing to uphold the rights of refugees, a human rights group
    protested": the parser hangs a trailing complaint verb on an apposition of the last noun; the
    sentence's main clause is what is complained of, and its subject the one accused (ACCUSE)."""
    tok = match.token
    if match.pos != "verb" or "ACCUSE" not in match.types or tok.dep_ != "acl" or tok.head.dep_ != "appos" \
            or (r.targets and r.type == "ACCUSE"):
        return None
    root = tok.sent.root
    if root.i > tok.i or root.pos_ not in ("VERB", "AUX") or not any(t.text == "," for t in tok.doc[root.i:tok.head.i]):
        return None
    sources = r.sources or expand(tok.head, analysis)  # the apposition is the one complaining
    # the doer of the main clause ("were ordered to disband, a move denounced by X" accuses no one named)
    accused = others([a for s in root.children if s.dep_ == "nsubj" for a in expand(s, analysis)],
                     sources)
    return replace(r, type="ACCUSE", sources=sources, targets=accused) if sources and accused else None


# Restrictions laid on a whole place: its people are the recipients ("a curfew in Abidjan").
RESTRICTIONS = {"curfew", "siege", "emergency", "martial", "lockdown"}


def restricted_place(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"declared a state of siege in Haiti", "will extend the curfew in Abidjan": with no one else
    named, the place under the restriction (its country's civilians) is the recipient."""
    tok = match.token
    if r.targets or match.pos != "noun" or tok.lemma_.lower() not in RESTRICTIONS:
        return None
    holders = [tok, tok.head] + ([tok.head.head] if tok.head.dep_ in ("prep", "dobj", "pobj") else [])
    people = _people_of_place(holders, ("in", "across", "throughout", "on"), analysis)
    return replace(r, targets=people) if people else None


# Mention kinds that name a country's place.
PLACE_MENTION_KINDS = ("country", "capital", "place", "city")


def _people_of_place(holders, preps, analysis: Analysis) -> list[Argument]:
    """The civilians of the first country's place named in a ``preps`` phrase under ``holders``
    ("a curfew in Abidjan", "lifted the state of emergency in Darfur"), inferred; [] if none."""
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for pobj in prep.children:
                m = analysis.mention_at(pobj.i) if pobj.dep_ == "pobj" else None
                if m is not None and m.actor.country and m.kind in PLACE_MENTION_KINDS:
                    return [_place_actor(pobj, m, "CVL", "place-under-restriction")]
    return []


# Restrictions that lifting concedes (PLOVER manual, CONCEDE: "easing of administrative or legal
# restrictions", "removing curfews"), and the verbs that lift them.
LIFTED_NOUNS = RESTRICTIONS | {"restriction", "ban", "embargo", "blockade", "sanction", "boycott", "law", "rule",
                               "control"}
MATERIAL_RESTRICTIONS = {"blockade", "embargo", "sanction", "siege", "boycott"}
LIFTING_VERBS = {"lift", "ease", "relax", "end", "cancel", "revoke", "rescind", "repeal", "remove", "suspend", "halt"}


def _restriction_objects(tok) -> list:
    """The restriction nouns a verb acts on: "lifted the curfew", "lifted a state of emergency"."""
    out = []
    for obj in _objects(tok):
        heads = [obj] + [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
        if obj.lemma_.lower() != "state" or len(heads) > 1:
            out.extend(h for h in heads if h.lemma_.lower() in LIFTED_NOUNS
                       and (h.lemma_.lower() not in ("law", "rule", "control") or h is not obj or _is_martial(h)))
    return out


def _is_martial(tok) -> bool:
    return tok.lemma_.lower() == "law" and any(c.lower_ == "martial" for c in tok.children)


def lifted_restriction(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"lifted the state of emergency in Darfur", "cancelled restrictions on the press", "ended the
    blockade of Gaza": a concession to those the restriction bore on ("on"/"of"/"against" X on the
    restriction, else the people of the place it held, else the recipient already read)."""
    tok = match.token
    if match.pos != "verb" or tok.lemma_.lower() not in LIFTING_VERBS:
        return None
    objects = _restriction_objects(tok)
    if not objects:
        return None
    targets = []
    for obj in objects:
        targets = _prep_targets(obj, frozenset({"on", "against", "of", "for"}), analysis)
        if targets:
            break
    targets = targets or _people_of_place([tok] + objects, ("in", "across", "on"), analysis)
    # lifting a material restriction lets goods or people through at once (CAMEO 085 "ease economic
    # sanctions, boycott, embargo" maps to RETREAT); lifting a legal one is a concession
    material = any(o.lemma_.lower() in MATERIAL_RESTRICTIONS for o in objects)
    return replace(r, type="RETREAT" if material else "CONCEDE",
                   targets=targets or [t for t in r.targets if t.token not in objects])


# Closing what lets people or goods pass is PLOVER COERCE restrict; closing a mission is SANCTION.
CLOSED_PASSAGES = {"border", "frontier", "crossing", "airspace", "port", "checkpoint", "road", "highway", "pass",
                   "waters", "strait", "corridor"}
CLOSED_MISSIONS = {"embassy", "consulate", "mission", "office", "bureau"}


def _closed_objects(tok) -> list:
    return [c for c in _objects(tok) if c.lemma_.lower() in CLOSED_PASSAGES | CLOSED_MISSIONS]


# What closing or opening a passage or a mission is: (passage, mission). Closing restricts
# movement (COERCE) or reduces relations (SANCTION); opening lets people through (RETREAT access)
# or begins diplomatic ties (SUPPORT, PLOVER: "initiation of diplomatic ties").
PASSAGE_ACTS = {"close": ("COERCE", "SANCTION"), "seal": ("COERCE", "SANCTION"), "shut": ("COERCE", "SANCTION"),
                "open": ("RETREAT", "SUPPORT"), "reopen": ("RETREAT", "SUPPORT")}


def passage_act(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"Russia closed its borders with Iran and Turkey" restricts passage to and from them;
    "Ottawa closed its embassy in Tehran" reduces relations with Iran; "opened an embassy in
    Tehran" begins them; "reopened its border to Kenyan traders" lets them through."""
    tok = match.token
    acts = PASSAGE_ACTS.get(tok.lemma_.lower())
    if match.pos != "verb" or acts is None:
        return None
    objects = _closed_objects(tok)
    if not objects:
        return None
    mission = objects[0].lemma_.lower() in CLOSED_MISSIONS
    targets = []
    for holder in objects + [tok]:
        targets = _prep_targets(holder, frozenset({"with", "to", "for"}), analysis)
        if mission and not targets:  # "its embassy in Tehran": the host state
            targets = [a for p in holder.children if p.dep_ == "prep" and p.lower_ == "in"
                       for g in p.children if g.dep_ == "pobj" and (a := _resolved_at(g, analysis)) is not None]
        if targets:
            break
    kept = [t for t in r.targets if t.token not in objects]
    targets = targets or kept
    kind = acts[1] if mission else acts[0]
    if kind == "RETREAT" and targets and all(_seeking_refuge(t) for t in targets):
        kind = "AID"  # taking in refugees is asylum, which the manual lists under AID
    return replace(r, type=kind, targets=targets)


# People who are let in because they fled or were driven out: refugees, or "West Africans
# ordered out of Nigeria", "civilians fleeing the fighting".
REFUGE_NOUNS = {"refugee", "asylum", "evacuee", "exile", "migrant", "displaced"}
DRIVEN_OUT_VERBS = {"flee", "escape", "expel", "order", "deport", "displace", "drive", "evict", "uproot", "force"}


def _seeking_refuge(arg: Argument) -> bool:
    tok = arg.token
    if tok is None:
        return False
    if tok.lemma_.lower() in REFUGE_NOUNS or (arg.actor.sector or "") == "REF":
        return True
    heads = [tok] + ([tok.head.head] if tok.dep_ == "pobj" and tok.head.lower_ == "of" else [])  # "thousands of X who fled"
    return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in DRIVEN_OUT_VERBS for h in heads for c in h.children)


# What one withdraws to reduce relations (PLOVER SANCTION withdraw: "one's non-military resources
# (e.g., aid, observers, diplomats, peacekeepers)"), as against troops pulled back (RETREAT).
WITHDRAWN_RESOURCES = {"inspector", "monitor", "observer", "diplomat", "ambassador", "envoy", "worker", "staff",
                       "personnel", "aid", "assistance", "funding", "support", "peacekeeper", "mission", "delegation",
                       "mediator", "investment", "volunteer", "expert"}
WITHDRAWING_VERBS = {"withdraw", "recall", "pull"}


def withdrawn_resources(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"will withdraw weapons inspectors and aid workers from Iraq", "recalled its ambassador
    from Qatar": a reduction of relations with the country left (SANCTION withdraw)."""
    tok = match.token
    if r.type not in ("RETREAT", "SANCTION") or match.pos != "verb" or tok.lemma_.lower() not in WITHDRAWING_VERBS:
        return None
    objects = _objects(tok, conjuncts=True)
    if not objects:
        return None
    # what is withdrawn is the actor's own; the recipient is the one it is withdrawn from
    outs = [o for o in tok.children if o.lower_ == "out" and o.dep_ in ("prep", "prt", "advmod")]  # "out of Georgia"
    left = [a for holder in [tok] + objects for a in _prep_targets(holder, frozenset({"from"}), analysis)]
    left = left or [a for o in outs + [tok] for a in _prep_targets(o, frozenset({"of"}), analysis)]
    targets = left or [t for t in r.targets if t.token not in objects]
    resources = all(o.lemma_.lower() in WITHDRAWN_RESOURCES for o in objects)
    return replace(r, type="SANCTION" if resources else r.type, targets=targets)


# Blocking a way through (PLOVER PROTEST obstruct: "obstruct passage or access to a particular
# locale"): by civilians it is a protest; by a state's forces or armed men it restricts movement
# (COERCE restrict); "blocked the resolution" stays a refusal.
OBSTRUCTING_VERBS = {"block", "barricade", "obstruct"}
PASSAGE_NOUNS = CLOSED_PASSAGES | {"street", "bridge", "railway", "rail", "railroad", "track", "entrance", "access",
                                   "route", "motorway", "junction", "intersection", "traffic", "gate", "roadway",
                                   "thoroughfare", "avenue", "boulevard", "square", "tunnel"}
# Sectors (CAMEO) of the people who block roads in protest, and nouns for them when unresolved.
CIVIL_SECTORS = {"CVL", "OPP", "LAB", "EDU", "REF", "BUS", "MED", "NGO", "REL", "PTY", "AGR", "ELI"}
CIVIL_NOUNS = {"protester", "demonstrator", "villager", "resident", "student", "worker", "farmer", "driver",
               "trucker", "youth", "crowd", "activist", "supporter", "civilian", "people", "citizen", "miner",
               "teacher", "taxi", "motorist", "fisherman", "opponent", "refugee", "inhabitant", "local", "peasant"}
FORCE_SECTORS = {"GOV", "MIL", "COP", "SPY", "REB", "INS", "SEP", "UAF", "IMG"}
FORCE_NOUNS = {"police", "policeman", "troop", "soldier", "army", "force", "military", "militia", "rebel",
               "gunman", "militant", "fighter", "guerrilla", "insurgent", "guard", "settler"}


def _blockers(sources: list[Argument]) -> Optional[str]:
    """"civil" when every source is a civilian party, "force" when every one is armed or the state."""
    def side(a: Argument) -> Optional[str]:
        if a.resolved:
            sector = a.actor.sector or "GOV"  # a bare country is the state
            return "civil" if sector in CIVIL_SECTORS else "force" if sector in FORCE_SECTORS else None
        lemma = a.token.lemma_.lower()
        return "civil" if lemma in CIVIL_NOUNS else "force" if lemma in FORCE_NOUNS else None
    sides = {side(a) for a in sources}
    return sides.pop() if len(sides) == 1 else None


def obstructed_passage(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"Villagers blocked the highway to Lagos" protests (obstruct); "troops blocked roads into the
    town" restricts passage (COERCE). Not "blocked the resolution" (no way through is named)."""
    tok = match.token
    if match.pos != "verb" or tok.lemma_.lower() not in OBSTRUCTING_VERBS:
        return None
    objects = [c for c in _objects(tok) if c.lemma_.lower() in PASSAGE_NOUNS]
    side = _blockers(r.sources) if objects else None
    if side is None:
        return None
    kept = [t for t in r.targets if t.token not in objects]
    return replace(r, type="PROTEST" if side == "civil" else "COERCE", targets=kept)


# Verbs that put someone under an act named by a noun: "placed under arrest", "put under
# investigation", "taken into custody".
PLACING_VERBS = {"put", "place", "take", "keep", "hold"}
PLACED_UNDER = {"under", "into"}


def placed_under(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"Police placed the journalist under arrest", "X was put under investigation": the placing
    verb's actor and the one placed are the act's."""
    tok = match.token
    if match.pos != "noun" or tok.dep_ != "pobj" or tok.head.lower_ not in PLACED_UNDER:
        return None
    verb = tok.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in PLACING_VERBS:
        return None
    sources, targets = verb_arguments(verb, frozenset(), analysis)
    return replace(r, sources=r.sources or sources, targets=r.targets or targets)


# Looking into something (PLOVER ACCUSE: "all investigations"): the one investigated is whoever
# did the act looked into, not its victims ("an inquiry into killings by government forces").
INVESTIGATING = {"investigate", "probe", "investigation", "inquiry", "enquiry"}
INVESTIGATED_PREPS = {"into", "of", "over", "on"}


def investigated_act(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"launched an investigation into alleged crimes committed by X", "probe the army's abuses":
    X, the army."""
    tok = match.token
    if r.type != "ACCUSE" or tok.lemma_.lower() not in INVESTIGATING:
        return None
    holders = [tok] + ([tok.head] if match.pos == "noun" and tok.dep_ == "dobj" else [])
    acts = [c for c in tok.children if c.dep_ == "dobj"] if match.pos == "verb" else []
    acts += [g for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in INVESTIGATED_PREPS
             for g in p.children if g.dep_ == "pobj"]
    for act in acts:
        if actor_for(act, analysis) is not None:
            continue  # "an inquiry into the police" names the one investigated itself
        doers = _doers(act, analysis) or _stray_by_phrase(act, analysis)
        if doers:
            return replace(r, targets=doers)
    return None


def _stray_by_phrase(act, analysis: Analysis) -> list[Argument]:
    """"opened an inquiry into killings by X" parsed with "by X" on "opened": an active verb with
    its own subject has no "by" agent, so the phrase is the act's."""
    verb = act.head.head if act.dep_ == "pobj" else None
    if verb is None or verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in verb.children):
        return []
    return [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "by"
            for g in p.children if g.dep_ == "pobj" for a in expand(g, analysis)]


# Claims looked into: what is investigated is the claimed act, not the claim ("an inquiry into
# allegations by rights groups that X attacked ..." looks into X).
CLAIM_NOUNS = {"allegation", "claim", "accusation", "report", "complaint", "charge"}


def _doers(act, analysis: Analysis) -> list[Argument]:
    """Who did an act a noun names: "killings by X", "crimes committed by X", "X's abuses"."""
    if act.lemma_.lower() in CLAIM_NOUNS:
        for clause in act.subtree:
            if clause.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                 for m in clause.children):
                return [a for sub in clause.children if sub.dep_ in ("nsubj", "nsubjpass")
                        for a in expand(sub, analysis)]
        return []
    for c in act.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return expand(c, analysis)
        if c.dep_ == "prep" and c.lower_ == "by":
            return [a for g in c.children if g.dep_ == "pobj" for a in expand(g, analysis)]
        if c.dep_ == "acl" and _agent(c) is not None:
            return expand(_agent(c), analysis)
    return []


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
    demand = next((c for c in _objects(tok) if c.lemma_.lower() in SATISFIABLE), None)
    if demand is None:
        return None
    return replace(r, type="CONCEDE", targets=others(_owners(demand, analysis), r.sources))


def _owners(noun, analysis: Analysis) -> list[Argument]:
    """Whose a demand or a victory is: "the miners' demands", "Palestinian demands", "demands of
    / from / by X", "the deadline set by the IMF"."""
    return [a for p in noun.children if p.dep_ == "poss" for a in expand(p, analysis)] or [
        a for m in noun.children if m.dep_ in ("compound", "nmod", "amod") and m.i < noun.i
        and (a := actor_for(m, analysis)) is not None
        and (m.dep_ != "amod" or a.resolved)] or [  # "the hostage-takers demands", "Palestinian demands"
        a for p in noun.children if p.dep_ == "prep" and p.lower_ in MAKER_PREPS
        for g in p.children if g.dep_ == "pobj" for a in expand(g, analysis)] or [
        a for acl in noun.children if acl.dep_ == "acl" and (agent := _agent(acl)) is not None
        for a in expand(agent, analysis)]


# Recognizing a rival's win yields to the winner (PLOVER CONCEDE), not political support;
# refused, the folding rules make it REJECT ("refused to recognize Ouattara's victory").
WON_NOUNS = {"victory", "win", "triumph"}
RECOGNIZING_VERBS = {"recognize", "recognise", "acknowledge", "accept", "concede"}


def recognized_victory(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"a law recognizing victories by the opposition coalition", "conceded Ouattara's win":
    CONCEDE to the winner."""
    tok = match.token
    if match.pos != "verb" or tok.lemma_.lower() not in RECOGNIZING_VERBS:
        return None
    won = [c for c in _objects(tok) if c.lemma_.lower() in WON_NOUNS]
    if not won:
        return None
    winners = others([a for w in won for a in _owners(w, analysis)], r.sources)
    return replace(r, type="CONCEDE", targets=winners or [t for t in r.targets if t.token not in won])


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


def broken_truce(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"Russia violated the ceasefire with Ukraine": fighting the other party to the truce."""
    tok = match.token
    if match.pos != "verb" or tok.lemma_.lower() not in TRUCE_BREAKING:
        return None
    objects = _broken_truces(tok)
    if not objects:
        return None
    targets = [a for holder in objects + [tok] for a in _prep_targets(holder, frozenset({"with"}), analysis)]
    return replace(r, targets=targets or [t for t in r.targets if t.token not in objects])


def detonated_in_place(match: TriggerMatch, r: Reading, analysis: Analysis) -> Optional[Reading]:
    """"exploded a series of bombs in Kabul": with no one named as hit, the people of the place the
    bombs went off in (its country's civilians, inferred)."""
    tok = match.token
    if r.targets or match.pos != "verb" or tok.lemma_.lower() not in DETONATING_VERBS:
        return None
    for holder in [tok] + [c for c in tok.children if c.dep_ == "dobj"]:
        found = _site(holder, analysis)
        if found is not None:
            return replace(r, targets=[_place_actor(found[0], found[1], "CVL", "place-of-attack")])
    return None


# Run in this order before the last-resort recipient search.
TYPE_RULES: tuple[TypeRule, ...] = (joint_activity, exchanged_fire, welcomed_thing, evacuated_people, taken_ground, taken_captive,
                                    lodged_protest, pushed_back,
                                    inverted_complaint,
                                    restricted_place, lifted_restriction, passage_act,
                                    withdrawn_resources, obstructed_passage, placed_under, investigated_act,
                                    satisfied_demands, recognized_victory, protested_thing_author, detonated_in_place,
                                    broken_truce)


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


def press_release(tok) -> bool:
    """"according to a press release": a statement, not a release of anyone."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() == "release" and any(
        c.dep_ in ("compound", "amod") and c.lower_ in ("press", "news", "media") for c in tok.children)


# Verbs that hand over or hold a power rather than use it: "gave them a veto", "holds a veto".
POWER_HOLDING = {"give", "grant", "have", "hold", "wield", "enjoy", "lose", "keep", "retain"}


def held_power(tok) -> bool:
    """"if he gave them a veto over any settlement": a power given is not yet used."""
    return tok.lemma_.lower() == "veto" and tok.pos_ == "NOUN" and tok.dep_ == "dobj" \
        and tok.head.lemma_.lower() in POWER_HOLDING


# What one "strikes" without attacking: "struck a deal with Greece", "a deal struck by the IMF",
# "strike a balance", "struck a conciliatory tone". The deal noun is its own AGREE trigger.
STRUCK_THINGS = {"deal", "agreement", "accord", "bargain", "compromise", "pact", "truce", "ceasefire", "cease-fire",
                 "balance", "chord", "note", "tone", "pose", "alliance", "partnership", "arrangement", "settlement"}


def _acted_on(verb) -> list:
    """What a verb acts on: its object or passive subject, or the noun it modifies ("a deal struck
    last month by IMF officials", "an oil field it shares with Norway")."""
    return _objects(verb) + ([verb.head] if verb.dep_ in ("acl", "relcl") else [])


def struck_deal(tok) -> bool:
    if tok.lemma_.lower() != "strike" or tok.pos_ != "VERB":
        return False
    return any(t.lemma_.lower() in STRUCK_THINGS for t in _acted_on(tok))


# Generic verbs that reduce relations only when what they cut is an exchange between actors: "cut
# aid to Kenya", "reduced food supplies to the camp", "curtailed its diplomatic presence"; "reduce
# their emissions", "cut interest rates" are no events.
REDUCING_VERBS = {"reduce", "curtail", "cut"}
ENDING_VERBS = {"end"}
EXCHANGE_NOUNS = {"tie", "ties", "relation", "relations", "aid", "assistance", "help", "trade", "import", "export",
                  "funding", "fund", "support", "cooperation", "contact", "presence", "staff", "personnel",
                  "investment", "loan", "supply", "supplies", "shipment", "delivery", "flight", "link", "embassy",
                  "mission", "representation", "delegation", "subsidy", "credit", "grant", "exchange", "purchase",
                  "sale", "oil", "gas", "electricity", "power", "water", "food", "fuel", "access", "budget",
                  "contribution", "payment", "quota", "visa", "number", "level", "commitment", "involvement"}


def needs_an_exchange(tok) -> bool:
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in REDUCING_VERBS | ENDING_VERBS:
        return False
    if any(c.dep_ == "prt" for c in tok.children):
        return False  # "cut off relations", "cut back": the lexicon's phrases decide
    objects = _objects(tok, conjuncts=True)
    objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"]  # "cut half of its aid"
    if tok.lemma_.lower() in ENDING_VERBS:
        # ending an act is the folding rules' ("ended its offensive", "ended talks"); ending a state
        # of affairs ("ended discrimination against women") names no event
        return bool(objects) and not any(_exchanged(o) or _names_an_act(o) for o in objects)
    return not any(_exchanged(o) for o in objects)


def _exchanged(tok) -> bool:
    return tok.lemma_.lower() in EXCHANGE_NOUNS or tok.lower_ in EXCHANGE_NOUNS


def _names_an_act(tok) -> bool:
    lemma = tok.lemma_.lower()
    return bool(default_lexicon().candidates("noun", [lemma], 0)) or lemma in EFFORT_OR_STATE_ACTS


# Nouns for acts the lexicon does not list as triggers but whose end is an event.
EFFORT_OR_STATE_ACTS = {"blockade", "occupation", "siege", "curfew", "embargo", "sanction", "sanctions", "ban",
                        "boycott", "strike", "hostilities", "conflict", "mission", "operation", "campaign",
                        "cooperation", "relationship", "relation", "tie", "contact", "partnership", "alliance",
                        "dispute", "standoff", "stand-off", "crisis", "rebellion", "insurgency", "uprising", "war",
                        "violence", "emergency", "detention", "isolation", "support", "presence", "involvement",
                        "effort", "process", "bid", "attempt", "initiative", "drive"}  # "ended mediation efforts"


def in_charge_of(tok) -> bool:
    """"who was in charge of counterterrorism efforts": an office held, not a charge laid."""
    return tok.lower_ == "charge" and tok.dep_ == "pobj" and tok.head.lower_ == "in"


# Sharing is cooperation when what is shared is given to the other: intelligence, expertise,
# technology; "share a border", "an oil field it shares with Norway", "values we share" are not.
SHARED_GOODS = {"intelligence", "information", "expertise", "technology", "experience", "data", "evidence",
                "knowledge", "know-how", "resource", "resources", "burden", "cost", "costs", "power", "skill",
                "skills", "equipment", "facility", "facilities", "base", "bases", "research", "finding", "findings",
                "lesson", "lessons", "practice", "practices", "responsibility", "responsibilities"}


def shares_no_goods(tok) -> bool:
    if tok.lemma_.lower() != "share" or tok.pos_ != "VERB":
        return False
    objects = _acted_on(tok)
    return bool(objects) and not any(o.lemma_.lower() in SHARED_GOODS or o.lower_ in SHARED_GOODS for o in objects)


# Struggles against an ill, not an actor: "the fight against corruption in South Africa", "the
# war on drugs", "a campaign against poverty".
STRUGGLE_NOUNS = {"fight", "war", "battle", "struggle", "campaign", "crusade", "drive", "offensive", "crackdown"}
ILLS = {"corruption", "poverty", "terrorism", "terror", "crime", "drug", "drugs", "disease", "hunger", "inflation",
        "extremism", "trafficking", "piracy", "malaria", "ebola", "aids", "hiv", "pandemic", "epidemic", "illiteracy",
        "impunity", "racism", "radicalization", "radicalisation", "unemployment", "smuggling", "fraud", "laundering",
        "graft", "cancer", "covid", "virus", "famine", "desertification", "discrimination", "climate", "tuberculosis",
        "polio", "cholera", "deforestation", "pollution", "bribery", "xenophobia", "violence", "narcotics"}


def against_an_ill(tok) -> bool:
    if tok.lemma_.lower() not in STRUGGLE_NOUNS or tok.pos_ != "NOUN":
        return False
    against = [g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("against", "on")
               for g in p.children if g.dep_ == "pobj"]
    against += [c for g in against for c in g.conjuncts]  # "organized crime and guerrilla groups"
    return bool(against) and all(g.lemma_.lower() in ILLS or g.lower_ in ILLS for g in against)


def names_as(tok) -> bool:
    """"Russia calls the zones a cessation of hostilities", "called the sanctions illegal": naming,
    not a call on anyone."""
    return tok.lemma_.lower() == "call" and tok.pos_ == "VERB" and any(c.dep_ == "oprd" for c in tok.children)


# What is released or received that is no person: "released the names of three Americans",
# "released a report", "received numerous awards from the EU" (a release frees people; a
# reception hosts them).
RELEASED_INFORMATION = {"name", "report", "statement", "detail", "video", "footage", "figure", "data", "list",
                        "document", "result", "information", "image", "photo", "photograph", "picture", "recording",
                        "tape", "book", "album", "record", "transcript", "study", "survey", "plan", "budget",
                        "version", "update", "guideline", "account", "communique", "finding", "text", "draft", "map",
                        "audio", "schedule", "proposal", "census", "poll", "declaration", "memo", "file", "evidence",
                        "letter", "statistic", "estimate", "forecast", "rating", "score", "single", "film", "movie"}
RECEIVED_THINGS = {"award", "prize", "medal", "honor", "honour", "letter", "complaint", "request", "invitation",
                   "report", "threat", "warning", "approval", "permission", "vote", "visa", "nomination", "bid",
                   "application", "proposal", "offer", "order", "sentence", "treatment", "training", "weapon", "arm",
                   "equipment", "money", "fund", "funding", "payment", "donation", "loan", "grant", "shipment",
                   "delivery", "support", "backing", "praise", "criticism", "attention", "coverage", "response",
                   "answer", "reply", "recognition", "status", "certificate", "degree", "salary", "compensation"}


def released_or_received_a_thing(tok) -> bool:
    lemma = tok.lemma_.lower()
    things = {"release": RELEASED_INFORMATION, "receive": RECEIVED_THINGS}.get(lemma)
    if things is None or tok.pos_ != "VERB":
        return False
    objects = _objects(tok)
    return bool(objects) and all(o.lemma_.lower() in things for o in objects)


def in_the_face_of(tok) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "face"


def standing_relation(tok) -> bool:
    """"Israel has no diplomatic relations with Iran": a standing state, not an act."""
    return tok.lemma_.lower() in STANDING_NOUNS and tok.dep_ == "dobj" and tok.head.lemma_.lower() in HAVING_VERBS


def travel_return(tok) -> bool:
    """"negotiators return to Geneva" travel; "Iraq returned the prisoners" retreats."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in TRANSITIVE_ONLY and not _objects(tok)


# Verbs that break what their object names: "violating the ceasefire agreement" is no agreement.
BREAKING_VERBS = {"violate", "breach", "break", "flout", "undermine", "abandon", "scrap"}


def broken_agreement(tok) -> bool:
    """"both sides are guilty of violating the ceasefire agreement": the agreement is not made here."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in BREAKING_VERBS


# Violating a truce is fighting (PLOVER ASSAULT): "violated the ceasefire", "breached the truce
# agreement"; violating anything else ("violated the law") names no attack.
TRUCE_NOUNS = {"ceasefire", "cease-fire", "truce", "armistice"}
TRUCE_BREAKING = {"violate", "breach"}


def _broken_truces(tok) -> list:
    return [o for o in _objects(tok) if o.lemma_.lower() in TRUCE_NOUNS
            or any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in TRUCE_NOUNS for c in o.children)]


def needs_a_broken_truce(tok) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in TRUCE_BREAKING and not _broken_truces(tok)


def lifted_not_imposed(tok) -> bool:
    """"lifted the curfew": the curfew is what is conceded (the verb's event), not imposed here."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in LIFTED_NOUNS and (
        tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in LIFTING_VERBS
        or tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in ("dobj", "nsubjpass")
        and tok.head.head.head.lemma_.lower() in LIFTING_VERBS)


# Verbs in the lexicon only for what they lift, or for a bomb: with another object they name no event.
ONLY_LIFTING = {"cancel", "revoke", "rescind", "repeal", "relax", "remove"}
DETONATING_VERBS = {"detonate", "explode", "set"}


def needs_a_closed_passage(tok) -> bool:
    """"close", "seal", "shut", "open" are events only when what closes or opens is a passage or
    a mission ("opened the session" is not)."""
    if tok.pos_ == "ADJ" and tok.lemma_.lower() in PASSAGE_ACTS:
        return True  # "they are so close to ISIS territory", "open to talks"
    return tok.pos_ == "VERB" and tok.lemma_.lower() in PASSAGE_ACTS and not _closed_objects(tok)


def needs_a_lifted_restriction(tok) -> bool:
    """"cancelled the restrictions" concedes; "cancelled the concert" is not an event here."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in ONLY_LIFTING and not _restriction_objects(tok)


def needs_a_detonated_device(tok) -> bool:
    """"exploded a series of bombs in Kabul" attacks; "set off a debate", "the crowd exploded" do not."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children]  # "a series of bombs"
    return tok.pos_ == "VERB" and tok.lemma_.lower() in DETONATING_VERBS and not any(_explosive(o) for o in objects)


def denies_a_claim(tok) -> bool:
    """"Rwanda denied backing M23" denies a claim (the backing is negated); it rejects nobody."""
    return tok.lemma_.lower() in DENIAL_VERBS and any(
        c.dep_ in ("xcomp", "ccomp", "pcomp") or (c.dep_ == "dobj" and c.tag_ == "VBG") for c in tok.children)


# Verbs that agree to a thing offered but, with a "that" clause, only grant a fact.
GRANTING_FACTS = {"accept"}


def accepts_a_fact(tok) -> bool:
    """"accepted that the ceasefire was over" grants a fact; it agrees to nothing (PLOVER AGREE
    is agreeing to a course of action: "accepted the proposal")."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in GRANTING_FACTS and not _objects(tok) and any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in tok.children)


NOT_EVENTS: tuple[Callable[[object], bool], ...] = (
    newsroom_non_answer, refused_to_comment, posed_threat, held_power, press_release, in_the_face_of,
    standing_relation, travel_return, denies_a_claim, broken_agreement, lifted_not_imposed,
    needs_a_closed_passage, needs_a_lifted_restriction, needs_a_detonated_device, accepts_a_fact,
    needs_a_broken_truce, struck_deal, needs_an_exchange, names_as, released_or_received_a_thing, in_charge_of,
    shares_no_goods, against_an_ill, pushed_without_asking)


def not_an_event(tok) -> bool:
    return any(rule(tok) for rule in NOT_EVENTS)


# --- actors the parse leaves implicit ---------------------------------------------------------
#
# ``IMPLIED_SOURCES`` is a registry of rules that name the actor of an agentless act from the
# place it happened: each sees the trigger and its type and returns the inferred source (an actor
# of the place's country, marked inferred, so lower confidence) or nothing. The first that holds wins.

ImpliedSource = Callable[[TriggerMatch, str, Analysis], list[Argument]]

# Acts only a state does (arrest, try, deport): said in the passive with no agent, the state of
# the country where they happen did them.
STATE_ACTS = {"arrest": "COP", "detain": "COP", "jail": "JUD", "imprison": "JUD", "deport": "GOV",
              "expel": "GOV", "sentence": "JUD", "convict": "JUD", "indict": "JUD", "charge": "JUD",
              "investigate": "JUD", "investigation": "JUD", "detention": "COP"}


def state_act(match: TriggerMatch, type_: str, analysis: Analysis) -> list[Argument]:
    """"A French journalist was detained in Iran": Iran's police; "was put under investigation in
    Italy": Italy's judiciary."""
    tok = match.token
    sector = STATE_ACTS.get(tok.lemma_.lower())
    if sector is None:
        return []
    if match.pos == "verb":
        verb = tok
    elif tok.dep_ == "pobj" and tok.head.lower_ in PLACED_UNDER:
        verb = tok.head.head  # "was put under investigation in Italy"
    else:
        return []
    if verb.pos_ != "VERB" or not passive(verb):
        return []
    for pobj in _prep_objects(verb, {"in"}) + (_prep_objects(tok, {"in"}) if tok is not verb else []):
        m = analysis.mention_at(pobj.i)
        if m is not None and m.kind == "country" and m.actor.country:
            return [_place_actor(pobj, m, sector, "place-of-state-act")]
    return []


# Means of attack an unnamed armed group uses (bombs, mines, suicide attacks): said with no
# attacker, the attack is coded as an unidentified armed actor (CAMEO sector UAF) of the country
# where it happened. Artillery, rockets and air strikes are left out: they often cross borders,
# so the place does not tell whose they are.
EXPLOSIVE_MEANS = {"bomb", "bombing", "bomber", "ied", "landmine", "grenade", "explosive", "carbomb"}
# Modifiers that make an explosion, a device or an attack one of those means: "car bomb
# explosion", "improvised explosive device", "suicide attack", "roadside blast", "land mine".
EXPLOSIVE_MODIFIERS = EXPLOSIVE_MEANS | {"suicide", "roadside", "land"}
MEANS_HEADS = {"explosion", "blast", "device", "attack", "mine", "bombing", "bomb"}
UNIDENTIFIED_ARMED = "UAF"
# Prepositions that say where something happened, and the mention kinds that name a country's place.
ATTACK_SITE_PREPS = {"in", "near", "outside", "inside", "at", "around"}
SITE_KINDS = {"country", "capital", "seat", "place", "city"}
# Settlement nouns a demonym can place: "the Iraqi city of Basra".
SETTLEMENT_NOUNS = {"city", "town", "village", "capital", "province", "district", "region", "port", "suburb"}


def _explosive(tok) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in EXPLOSIVE_MEANS:
        return True
    return lemma in MEANS_HEADS and any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in EXPLOSIVE_MODIFIERS
                                        for c in tok.children)


def _claimed(means, analysis: Analysis) -> bool:
    """"an Israeli bombing", "Hamas's car bomb", "a bomb planted by rebels": the means names its user."""
    for t in means.subtree:
        if t.i == means.i or t.dep_ not in ("amod", "compound", "poss", "nmod", "pobj"):
            continue
        if t.dep_ == "pobj" and t.head.dep_ != "agent":
            continue  # "a bombing in Kabul" is where, not whose
        if t.dep_ != "pobj" and t.head.i != means.i:
            continue
        if actor_for(t, analysis) is not None:
            return True
    return False


def _attack_means(tok, match: TriggerMatch) -> list:
    """The bomb, mine or suicide attack an attack trigger reports, wherever the clause names it:
    the trigger noun itself, a verb's "by" agent, subject or "in" phrase ("killed in a bombing"),
    or the subject of the clause a participle hangs from ("a car bomb exploded, killing ...")."""
    if match.pos == "noun":
        return [tok] if _explosive(tok) else []
    found = []
    for verb in _clause(tok):
        found += [c for c in verb.children if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and verb is not tok)]
        found += _prep_objects(verb, {"in", "by"}, deps=("agent", "prep"))
    return [m for m in found if _explosive(m)]


def _clause(tok) -> list:
    """The trigger and the verb its participle or conjunct hangs from ("exploded, killing ...")."""
    return [tok] + ([tok.head] if tok.dep_ in ("advcl", "conj") and tok.head.pos_ == "VERB" else [])


def _site(holder, analysis: Analysis, depth: int = 0):
    """The first mention of a country's place in the locative phrases under ``holder``: "in central
    Kabul", "near the town of Kandahar", "outside the Iraqi city of Basra", "at a market in Kabul"."""
    for pobj in _prep_objects(holder, ATTACK_SITE_PREPS):
        found = _place_in(pobj, analysis, depth)
        if found is not None:
            return found
    return None


def _place_in(phrase, analysis: Analysis, depth: int):
    m = analysis.mention_at(phrase.i)
    # a named place that a role before it took over ("policemen in Kabul") still places the attack
    if m is not None and m.actor.country and (m.kind in SITE_KINDS or m.kind == "role" and phrase.pos_ == "PROPN"):
        return phrase, m
    if phrase.lemma_.lower() in SETTLEMENT_NOUNS:
        # "the Iraqi city of Basra", "the town of Samarra": whatever names the town places it
        named = [c for c in phrase.children if c.dep_ in ("amod", "compound", "appos")] + _prep_objects(phrase, {"of"})
        for mod in named:
            mm = analysis.mention_at(mod.i)
            if mm is not None and mm.actor.country and (mod.dep_ in ("pobj", "appos") or mm.kind in SITE_KINDS | {"demonym"}):
                return mod, mm
    if m is not None or depth >= 2:
        return None  # a named actor ("outside the US embassy") is no place of its own country
    for pobj in _prep_objects(phrase, {"of"} | ATTACK_SITE_PREPS):
        found = _place_in(pobj, analysis, depth + 1)
        if found is not None:
            return found
    return None


def unclaimed_explosive_attack(match: TriggerMatch, type_: str, analysis: Analysis) -> list[Argument]:
    """"Three civilians were killed in a car bombing in central Kabul", "a roadside bomb near the
    town of Kandahar killed two soldiers": an unidentified armed actor of Afghanistan."""
    if type_ != "ASSAULT":
        return []
    tok = match.token
    for means in _attack_means(tok, match):
        if _claimed(means, analysis):
            return []
        for holder in [means] + [v for v in _clause(tok) if v.i != means.i]:
            found = _site(holder, analysis)
            if found is not None:
                return [_place_actor(found[0], found[1], UNIDENTIFIED_ARMED, "place-of-unclaimed-attack")]
    return []


IMPLIED_SOURCES: tuple[ImpliedSource, ...] = (state_act, unclaimed_explosive_attack)


def implied_source(match: TriggerMatch, type_: str, analysis: Analysis) -> list[Argument]:
    """The source the first rule of ``IMPLIED_SOURCES`` infers for an agentless trigger, or []."""
    for rule in IMPLIED_SOURCES:
        found = rule(match, type_, analysis)
        if found:
            return found
    return []


def _prep_objects(head, preps, deps=("prep",)) -> list:
    """Objects of ``head``'s prepositions in ``preps`` ("outside of X" too)."""
    out = []
    for prep in head.children:
        if prep.dep_ not in deps or prep.lower_ not in preps:
            continue
        out += [c for c in prep.children if c.dep_ == "pobj"]
        out += [g for c in prep.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return out


def _place_actor(tok, m, sector: str, via: str) -> Argument:
    """An actor read off a place the text names: its country with ``sector``, marked inferred."""
    actor = replace(m.actor, code=m.actor.country + sector, sector=sector, via=via)
    return Argument(actor=actor, token=tok, mention=m, inferred=True)
