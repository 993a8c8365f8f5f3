"""Who did it and to whom: source and target arguments of a trigger, read off the parse.

Rules (general, not keyed to any text):
- verbs: nsubj is the source, dobj the target; passive: the "by" agent is the source and the
  passive subject the target; without an object, a prepositional object whose preposition the
  type allows ("talks with", "attack on").
- verbs without a subject inherit one from the verb they hang from (xcomp, conj, advcl): subject
  control by default, object control after "urge/ask/press X to ...".
- nouns: possessor ("Iran's attack"), "by"/"from" phrases or a demonym modifier ("Iranian
  attack") give the source; without one the nearest governing verb's subject does ("Iran is
  preparing to launch an attack").
- coordinated actors give one argument each; a generic head ("officials from Turkey, China and
  Saudi Arabia") is replaced by the actors named inside it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..actors.resolver import DOCUMENT_NOUNS
from ..analysis_state import ActorMention, Analysis
from ..model import Actor

SUBJ = ("nsubj", "csubj")
OBJ = ("dobj", "obj", "dative", "attr", "oprd")
# A verb without a subject shares the one of the verb it hangs from through these relations; a
# ccomp never does (it is reported speech: its speaker is not its actor).
CLIMB_DEPS = {"xcomp", "conj", "advcl", "pcomp", "acomp"}
OBJECT_CONTROL = {"urge", "ask", "call", "press", "pressure", "force", "tell", "order", "persuade",
                  "invite", "encourage", "allow", "push", "appeal", "warn", "caution", "help", "compel",
                  "accuse", "blame", "charge", "suspect", "condemn", "criticize", "criticise", "thank", "praise",
                  "direct", "instruct", "authorize", "authorise", "task", "mandate"}
# Heads that stand for a set of actors named inside the phrase.
GENERIC_HEADS = {"official", "leader", "country", "nation", "state", "government", "representative",
                 "counterpart", "partner", "ally", "minister", "diplomat", "delegation", "side", "party",
                 "member", "neighbor", "neighbour", "power", "capital", "envoy", "authority", "people"}
ACTOR_NOUNS = {"government", "army", "military", "force", "troop", "soldier", "police", "rebel", "militant",
               "insurgent", "protester", "demonstrator", "worker", "refugee", "official", "leader",
               "minister", "president", "authority", "opposition", "student", "activist", "party",
               "parliament", "court", "judge", "negotiator", "diplomat", "envoy", "embassy", "ministry",
               "regime", "administration", "militia", "guerrilla", "fighter", "villager", "civilian",
               "delegation", "prime", "spokesman", "spokesperson", "union", "group", "council", "faction",
               "coalition", "alliance", "navy", "bulldozer", "gunman", "terrorist", "settler", "committee",
               "prosecutor", "investigator", "inspector", "commander", "general", "chief", "ruler", "king",
               "forum", "organization", "organisation", "agency", "body", "network", "tribunal", "commission",
               "assembly", "institution", "company", "firm", "bank", "media", "newspaper", "movement", "front",
               "elder", "landowner", "resident", "population", "national", "citizen", "warship", "helicopter",
               "jet", "vessel", "militiaman", "separatist", "extremist", "islamist", "fundamentalist", "mob",
               "gang", "crowd", "monitor", "observer", "peacekeeper", "contingent", "legislature", "senate",
               "cabinet", "junta", "emperor", "sheikh", "pope", "cleric", "bishop", "archbishop", "mayor",
               "governor", "secretary", "ambassador", "spokeswoman", "lawmaker", "senator", "official",
               "people", "nation", "country", "state", "kingdom", "republic", "authorities", "administration",
               "mediator", "donor", "ally", "neighbour", "neighbor", "sponsor", "guarantor", "broker",
               "kidnapper", "hijacker", "captor", "abductor", "taker", "striker"}  # "hostage-takers"
# Weapons and strikes that stand for the side using them when named with its demonym:
# "Israeli airstrikes killed ...", "Russian missiles hit ...".
INSTRUMENT_NOUNS = {"airstrike", "strike", "missile", "drone", "rocket", "shell", "bomb", "artillery", "jet",
                    "warplane", "aircraft", "gunfire", "fire", "raid", "attack", "bombardment", "shelling"}
# Places held by a side, which stand for it as a target: "shelled Turkish positions", "struck
# Hezbollah bases", "rebel camps".
HELD_PLACE_NOUNS = {"position", "base", "camp", "outpost", "stronghold", "post", "headquarters", "garrison",
                    "checkpoint", "barracks", "hideout", "installation", "facility", "embassy", "consulate"}
# Craft that are actors only through their side or their passengers.
VEHICLE_NOUNS = {"helicopter", "jet", "warship", "vessel", "bulldozer", "aircraft", "plane", "ship", "boat", "drone"}
CARRYING = {"carry", "transport", "ferry"}
# Places that house people, which stand for them as a target: "a camp for Congolese refugees".
HOUSING_NOUNS = {"camp", "shelter", "settlement", "hostel", "school", "hospital", "clinic", "orphanage", "home"}
# Actor nouns that name a condition when followed by "of": "state of emergency".
CONDITION_HEADS = {"state"}
# Heads that count or collect the actors named in their "of" phrase: "thousands of students".
QUANTITY_HEADS = {"ten", "tens", "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million",
                  "millions", "group", "number", "some", "many", "one", "third", "half", "majority", "member",
                  "members", "part", "batch", "patch", "band", "team", "unit", "wing", "faction", "section", "all"}
ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}


# Kinds of mention that name an actor by its name even when the knowledge base has no code for it.
NAMED_KINDS = {"person", "org"}


@dataclass
class Argument:
    """A source or target: the actor mention (possibly built on the fly) and its head token."""

    actor: Actor
    token: object
    mention: Optional[ActorMention] = None
    inferred: bool = False  # filled by a discourse rule, not read off the parse

    @property
    def key(self) -> tuple[int, int]:
        return (self.actor.start, self.actor.end)

    @property
    def resolved(self) -> bool:
        """The knowledge base (or coreference) gave this actor a code or a country."""
        return bool(self.actor.code or self.actor.country)

    @property
    def named(self) -> bool:
        """Resolved, or a named person the knowledge base does not know (still an actor)."""
        return self.resolved or (self.mention is not None and self.mention.kind == "person")

    @property
    def proper(self) -> bool:
        """Named by a proper name, known to the knowledge base or not: a person or organisation
        it has no code for ("the Umma (Nation) party") is still that actor, not a common noun."""
        return self.resolved or (self.mention is not None and self.mention.kind in NAMED_KINDS)


def _resolved_at(tok, analysis: Analysis) -> Optional[Argument]:
    """The resolved mention at ``tok`` as an Argument headed there, or None."""
    m = analysis.mention_at(tok.i)
    return Argument(actor=m.actor, token=tok, mention=m) if m is not None and m.resolved else None


def _children(tok, deps) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def _np_span(tok):
    """The actor noun phrase of ``tok``: its left modifiers (no determiners) and the head."""
    doc = tok.doc
    start = tok
    for left in tok.lefts:
        if left.dep_ in ("compound", "amod", "nmod", "poss", "nummod") and left.i < start.i:
            start = doc[left.left_edge.i] if left.dep_ != "poss" else left
    while start.i < tok.i and start.dep_ in ("det", "case", "punct"):
        start = doc[start.i + 1]
    end = tok.i + 1
    for right in tok.rights:
        if right.dep_ == "compound":
            end = max(end, right.i + 1)
    return doc[start.i:end]


def actor_for(tok, analysis: Analysis) -> Optional[Argument]:
    """An Argument for token ``tok`` if it denotes an actor (a KB mention, a named entity or an
    actor noun); None otherwise."""
    counted = tok.lemma_.lower() in QUANTITY_HEADS or tok.lower_ in QUANTITY_HEADS
    if counted or tok.lemma_.lower() in ACTOR_NOUNS:
        # "thousands of workers affiliated with X" may hang the participle on the count
        owner = _belonged_to(tok, analysis)
        if owner is not None and _resolved_at(tok, analysis) is None:
            return owner
    if counted:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    inner = actor_for(pobj, analysis) if pobj.dep_ == "pobj" else None
                    if inner is not None:
                        return inner
    mention = analysis.phrase_at(tok.i)
    if tok.lemma_.lower() in DOCUMENT_NOUNS and (mention is None or not mention.resolved):
        return None  # "an International Peace Treaty" is named like an organisation but acts for no one
    if mention is None and tok.pos_ in ("NOUN", "PROPN"):
        # "the APEC forum", "the Asia-Pacific Economic Cooperation (APEC) forum": a named actor
        # inside the head's own noun phrase stands for it
        for child in tok.children:
            if child.dep_ in ("compound", "nmod", "appos") and child.i < tok.i + 3:
                inner = analysis.mention_at(child.i)
                if inner is not None and inner.resolved and inner.kind not in ("capital", "place"):
                    return Argument(actor=inner.actor, token=child, mention=inner)
    if mention is not None and mention.kind != "unknown" or (mention is not None and mention.resolved):
        return Argument(actor=mention.actor, token=tok, mention=mention)
    lemma = tok.lemma_.lower()
    owned = lemma in INSTRUMENT_NOUNS or lemma in HELD_PLACE_NOUNS or lemma in HOUSING_NOUNS
    if mention is None and (owned or lemma in VEHICLE_NOUNS):
        # a weapon, a held place or a craft stands for the side that modifies it ("Israeli
        # airstrikes", "Turkish positions", "Israeli helicopters")
        modifiers = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss")] if owned else []
        # "US Predator attacks": the side may modify the weapon's name
        modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children if g.dep_ in ("amod", "compound")]
        if lemma in VEHICLE_NOUNS:
            modifiers += [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        owner = next((a for c in modifiers if (a := _resolved_at(c, analysis)) is not None), None)
        if owner is not None:
            return owner
        if lemma in HOUSING_NOUNS:  # "a camp for Congolese refugees": the people it houses
            housed = next((a for p in tok.children if p.dep_ == "prep" and p.lower_ == "for"
                           for g in p.children if g.dep_ == "pobj" and (a := actor_for(g, analysis)) is not None), None)
            if housed is not None:
                return housed
        if lemma in HELD_PLACE_NOUNS:
            holder = next((c for c in tok.children if c.dep_ in ("compound", "amod", "poss")
                           and c.lemma_.lower() in ACTOR_NOUNS), None)
            if holder is not None:  # "rebel camps": the rebels, unnamed
                return actor_for(holder, analysis)
    if mention is None and lemma in VEHICLE_NOUNS:
        # or for whom it carries ("a helicopter carrying EC truce monitors"); an unmarked craft is
        # an object, not an actor
        for acl in tok.children:
            if acl.dep_ == "acl" and acl.lemma_.lower() in CARRYING:
                for obj in acl.children:
                    if obj.dep_ == "dobj":
                        return actor_for(obj, analysis)
        if not any(c.dep_ in ("amod", "compound", "poss") and c.lemma_.lower() in ACTOR_NOUNS for c in tok.children):
            return None
    if lemma in CONDITION_HEADS and any(p.dep_ == "prep" and p.lower_ == "of" for p in tok.children):
        return None  # "a state of emergency", "a state of siege": a condition, not a state
    if tok.ent_type_ in ACTOR_ENTS or lemma in ACTOR_NOUNS or (tok.pos_ == "PRON" and lemma not in ("it", "this", "that", "what", "which")):
        if mention is not None:
            return Argument(actor=mention.actor, token=tok, mention=mention)
        span = _np_span(tok) if tok.pos_ != "PRON" else tok.doc[tok.i:tok.i + 1]
        return Argument(actor=Actor(text=span.text, start=span.start_char, end=span.end_char), token=tok)
    return None


# Participles and adjectives of belonging: "workers affiliated with the union", "troops loyal to
# the president", "militants linked to al-Qaeda" act for the one they belong to. An ally is an
# actor of its own ("a faction allied to the government" is not the government).
BELONGING = {"affiliate", "affiliated", "belong", "loyal", "link", "linked", "attach", "attached"}
BELONGING_PREPS = {"with", "to"}


def _belonged_to(tok, analysis: Analysis) -> Optional[Argument]:
    """The resolved actor an unresolved people noun belongs to ("500,000 workers affiliated with
    the Serbian Workers' Union"): the actor named by the participle's "with"/"to" phrase, or the
    named owner inside it (the union's "Serbian Workers'"). None when it names no resolved actor."""
    for mod in tok.children:
        if mod.dep_ not in ("acl", "amod") or mod.i < tok.i:
            continue  # after the noun: "affiliated with ...", not "the affiliated unions"
        if mod.lemma_.lower() not in BELONGING and mod.lower_ not in BELONGING:
            continue
        for pobj in (g for p in mod.children if p.dep_ == "prep" and p.lower_ in BELONGING_PREPS
                     for g in p.children if g.dep_ == "pobj"):
            found = actor_for(pobj, analysis)
            if found is not None and found.resolved and (found.mention is None or found.mention.kind != "demonym"):
                return found  # "a Polish union" names no owner: the demonym is not the union
            # "the Serbian Workers' Union": its possessor; not a demonym ("a Polish union" is no state's)
            owner = next((a for c in pobj.children if c.dep_ == "poss"
                          and (a := _resolved_at(c, analysis)) is not None), None)
            if owner is not None:
                return owner
    return None


RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


# Names an unresolved actor noun takes from its apposition ("the rebel group, the Free Syrian
# Army"); places are left out, since the parser hangs "the capital, Port Louis" the same way.
APPOSED_NAME_KINDS = {"group", "org", "person"}


def expand(tok, analysis: Analysis) -> list[Argument]:
    """Arguments for a head token: itself and its conjuncts; generic heads are opened up."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "the Houthis, who are backed by Iran": the Houthis
    out: list[Argument] = []
    for t in [tok] + list(tok.conjuncts):
        arg = actor_for(t, analysis)
        if arg is not None and arg.named and t.lemma_.lower() not in GENERIC_HEADS:
            out.append(arg)  # a named person is an actor even when the KB does not know them
            if arg.token.i != t.i:  # "U.S. and Russian negotiators": each coordinated modifier
                out.extend(a for mod in arg.token.conjuncts if (a := _resolved_at(mod, analysis)) is not None)
            continue
        named_appos = [a for c in t.children if c.dep_ == "appos" and (a := _resolved_at(c, analysis)) is not None
                       and a.mention.kind in APPOSED_NAME_KINDS]
        if named_appos and (arg is None or not arg.resolved):
            out.extend(named_appos)  # "the rebel group, the Free Syrian Army,": the name says who
            continue
        inner = _named_inside(t, analysis, actor_like=arg is not None)
        if inner:
            out.extend(inner)
        elif arg is not None:
            out.append(arg)
    if any(a.resolved for a in out):
        # "American and British warplanes and warships": a bare noun beside named actors adds nothing
        out = [a for a in out if a.resolved or a.token.ent_type_ in ACTOR_ENTS
               or a.token.pos_ == "PROPN"]
    return _dedupe(out)


# Prepositions that name who a generic actor phrase stands for ("officials from X", "leaders of X")
# and, for an event noun, the ones that name its actor ("the withdrawal of X", "reforms by X"):
# "the withdrawal of X from Y" is X's act, Y is only where from.
ACTOR_PHRASE_PREPS = ("from", "of", "in", "such", "including", "like", "as")
EVENT_NOUN_PREPS = ("of", "by")


def _named_inside(tok, analysis: Analysis, actor_like: bool = True) -> list[Argument]:
    """Resolved actors named inside a generic phrase: "officials from X, Y and Z", "leaders of X",
    "the Russian government's officials"; inside an event noun only its "of"/"by" actor."""
    preps = ACTOR_PHRASE_PREPS if actor_like else EVENT_NOUN_PREPS
    if not actor_like:
        # "ban voting in East Jerusalem": where the act happens only when it names no one else
        return (_resolved_inside(tok, analysis, preps) or _resolved_inside(tok, analysis, ("from",))
                or _resolved_inside(tok, analysis, ("in",)))
    return _resolved_inside(tok, analysis, preps, opening_poss=True)


LEADING_PARTICIPLES = {"lead", "led", "command", "commanded"}


def _resolved_inside(tok, analysis: Analysis, preps, opening_poss: bool = False) -> list[Argument]:
    found: list[Argument] = []
    for child in tok.children:
        if child.dep_ == "poss" and opening_poss and tok.lemma_.lower() in GENERIC_HEADS and child.pos_ != "PRON":
            # "President Putin's government" is Putin's (the KB's code); a possessor the KB does not
            # know adds no code, and the phrase itself names the actor better
            found.extend(a for a in expand(child, analysis) if a.resolved)
        elif child.dep_ in ("prep",) and child.lower_ in preps:
            for pobj in _children(child, ("pobj",)) + [g for c in child.children if c.dep_ == "prep" for g in _children(c, ("pobj",))]:
                found.extend(expand(pobj, analysis))
        elif child.dep_ == "amod" and child.lemma_.lower() in LEADING_PARTICIPLES:
            # "Vietnamese-led forces": the leader stands for the phrase
            found.extend(a for mod in child.children if mod.dep_ in ("npadvmod", "compound", "amod", "nmod")
                         and (a := _resolved_at(mod, analysis)) is not None)
        elif child.dep_ in ("amod", "compound") and child.i < tok.i:
            for mod in [child] + list(child.conjuncts):
                m = analysis.mention_at(mod.i)
                if m is not None and m.resolved and (m.token_end - m.token_start) < 3:
                    found.append(Argument(actor=m.actor, token=mod, mention=m))
    return [a for a in found if a.named]


def _dedupe(args: list[Argument]) -> list[Argument]:
    seen, out = set(), []
    for a in args:
        if a.key not in seen:
            seen.add(a.key)
            out.append(a)
    return out


def subject_of(verb, analysis: Analysis, depth: int = 0) -> list[Argument]:
    """The source of a verb: its subject, the "by" agent of a passive, or an inherited subject."""
    subj = _children(verb, SUBJ)
    if subj:
        return expand(subj[0], analysis)
    agent = _agent(verb)
    if agent is not None:
        return expand(agent, analysis)
    if passive(verb) and verb.lemma_.lower() in STATIVE_PASSIVES:
        stance = _children(verb, ("nsubjpass",))  # "Serb forces were engaged in ethnic cleansing"
        if stance:
            return expand(stance[0], analysis)
    if depth > 4 or verb.dep_ == "ROOT" or passive(verb):
        return []  # a passive without "by" names no actor
    head = verb.head
    if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBN" and not _children(verb, ("aux",)):
        return []  # a bare past participle is passive: "Backed by Russia, Syria ..." ("Syria" is backed)
    if verb.dep_ == "relcl":
        return expand(head, analysis)  # "the militia, which attacked ..."
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        if head.lemma_.lower() in STATEMENT_NOUNS:
            return _governing_subject(head, analysis)  # "X issued a statement demanding ..."
        return [a for a in expand(head, analysis) if a.resolved]  # "Kurdish fighters defending the town"
    if verb.dep_ in CLIMB_DEPS or (verb.dep_ == "pobj" and head.dep_ == "prep"):
        climb = head.head if verb.dep_ == "pobj" or (verb.dep_ == "pcomp" and head.pos_ == "ADP") else head
        if verb.dep_ in ("xcomp", "pcomp") and climb.lemma_.lower() in OBJECT_CONTROL:
            obj = _children(climb, ("dobj", "obj")) or [
                g for p in _children(climb, ("prep",)) if p.lower_ == "on" for g in _children(p, ("pobj",))]
            if obj:  # "urged Turkey to ...", "called on mediators to ..."
                return expand(obj[0], analysis)
        if verb.dep_ == "xcomp" and not _children(climb, SUBJ):
            raised = _children(climb, ("nsubjpass",))  # "Iran is expected to attack"
            if raised:
                return expand(raised[0], analysis)
        if climb.pos_ in ("VERB", "AUX", "ADJ") or verb.dep_ == "conj":  # "is ready to contribute"
            return subject_of(climb, analysis, depth + 1)
    return []


# Texts that speak for whoever issued them: "issued a declaration demanding that ...".
STATEMENT_NOUNS = {"statement", "declaration", "letter", "resolution", "communique", "communiqué", "message",
                   "note", "motion", "decree", "speech", "cable", "memo", "memorandum", "petition", "ultimatum"}


def _agent(verb):
    """The noun of a passive's "by" phrase ("was attacked by Iran"), or None."""
    for agent in _children(verb, ("agent",))[:1]:
        for pobj in _children(agent, ("pobj",))[:1]:
            return pobj
    return None


def passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


# Participles that describe their subject's stance, not something done to it: "Israel is opposed
# to", "Vietnam is committed to", "Iran is prepared to".
STATIVE_PASSIVES = {"oppose", "commit", "prepare", "determine", "dedicate", "resolve", "devote", "engage",
                    "involve", "poise", "set"}


def verb_arguments(verb, allowed_preps: frozenset[str], analysis: Analysis) -> tuple[list[Argument], list[Argument]]:
    if passive(verb) and verb.lemma_.lower() in STATIVE_PASSIVES and not _children(verb, ("agent",)):
        sources = [a for t in _children(verb, ("nsubjpass",)) for a in expand(t, analysis)]
        return sources, _prep_targets(verb, allowed_preps, analysis)
    if passive(verb):
        agent = _agent(verb)
        sources = expand(agent, analysis) if agent is not None else []
        targets = [a for t in _children(verb, ("nsubjpass",)) for a in expand(t, analysis)]
        return sources, targets
    sources = subject_of(verb, analysis)
    targets: list[Argument] = []
    # "shot down a helicopter": the parse may hang the object on the particle
    particle_objects = [g for p in _children(verb, ("prt",)) for g in _children(p, ("pobj",))]
    for obj in _children(verb, OBJ) + particle_objects:
        cand = expand(obj, analysis)
        if cand:
            targets = cand
            break
        poss = [c for c in obj.children if c.dep_ == "poss"]  # "safeguard Israel's security"
        if poss:
            targets = expand(poss[0], analysis)
            if targets:
                break
        targets = _prep_targets(obj, allowed_preps, analysis)  # "break off relations with Congo"
        if targets:
            break
    if not any(t.resolved for t in targets):
        # "refusing admittance to Ghanaians, the biggest group": a named recipient beats a bare noun
        prep_targets = _prep_targets(verb, allowed_preps, analysis)
        if prep_targets and (not targets or any(t.resolved for t in prep_targets)):
            targets = prep_targets
    if not targets and verb.lemma_.lower() in CLAUSAL_TARGET_VERBS:
        # "demanded that Israel ease restrictions": the one asked is the clause's subject
        for comp in _children(verb, ("ccomp",)):
            subj = _children(comp, ("nsubj", "nsubjpass"))
            if subj:
                # "warned that it would act": the speaker's own "it" is not the one warned
                targets = [a for a in expand(subj[0], analysis)
                           if not any(a.actor.code and a.actor.code == s.actor.code for s in sources)]
                break
    return sources, targets


CLAUSAL_TARGET_VERBS = {"demand", "insist", "urge", "ask", "request", "call", "propose", "warn", "accuse",
                        "allege", "charge", "say", "protest", "complain", "allow", "permit"}


def _prep_targets(tok, allowed_preps: frozenset[str], analysis: Analysis) -> list[Argument]:
    # "rallies in Gaza against Abbas": a recipient preposition outranks a place
    preps = sorted(_children(tok, ("prep",)), key=lambda p: p.lower_ in LOCATIVE_PREPS)
    for prep in preps:
        if prep.lower_ not in allowed_preps:
            continue
        for pcomp in _children(prep, ("pcomp",)):  # "committed to ensuring Israel's security"
            for obj in _children(pcomp, ("dobj",)):
                found = expand(obj, analysis) or [a for p in _children(obj, ("poss",)) for a in expand(p, analysis)]
                if found:
                    return found
        for pobj in _children(prep, ("pobj",)):
            found = expand(pobj, analysis)
            if prep.lower_ in LOCATIVE_PREPS:  # "in Damascus" is where, not whom
                found = [a for a in found if a.mention is None or a.mention.kind not in PLACE_KINDS]
            if found and not any(a.resolved for a in found) and pobj.lemma_.lower() in GENERIC_HEADS:
                # "talks with officials from X and Y" parsed with "from" on the trigger
                for sib in _children(tok, ("prep",)):
                    if sib.lower_ in ("from", "of") and sib is not prep:
                        named = [a for p in _children(sib, ("pobj",)) for a in expand(p, analysis) if a.resolved]
                        if named:
                            return named
            if found:
                return found
            poss = [c for c in pobj.children if c.dep_ == "poss"]
            if poss:
                found = expand(poss[0], analysis)
                if found:
                    return found
    return []


NON_STATE_SECTORS = {"CVL", "REB", "OPP", "LAB", "EDU", "REF", "BUS", "MED", "NGO", "REL", "JUD", "LEG"}


# Prepositions that introduce the actor of a nominal event, per type family: "attack by X",
# "aggression from X"; but "talks from ..." never names the actor.
SOURCE_PREPS = {"by"}
CONFLICT_SOURCE_PREPS = {"by", "from"}
CONFLICT_TYPES = {"ASSAULT", "THREATEN", "COERCE", "ACCUSE", "SANCTION", "MOBILIZE", "PROTEST", "REJECT"}
# Verbs whose subject receives the nominal action: "Israel will face punishment".
PATIENT_VERBS = {"face", "suffer", "receive", "risk", "incur", "endure"}


def subtree_target(trigger, sources: list[Argument], analysis: Analysis,
                   allowed_preps: frozenset[str] = frozenset()) -> list[Argument]:
    """Last resort for a recipient: the first actor named inside the trigger's own phrase or
    complement ("threatened to resume attacks in Israel", "suspension of air links with Serbia"),
    skipping the source, clauses with their own subject, and places."""
    source_keys = {a.key for a in sources}
    # a state's own country is never its recipient, but citizens, rebels and opposition act on theirs
    source_countries = {a.actor.country for a in sources if a.actor.country and a.actor.sector not in NON_STATE_SECTORS}
    blocked: set[int] = set()
    for t in trigger.subtree:
        if t.dep_ in ("nsubj", "nsubjpass", "relcl", "advcl", "acl", "appos", "npadvmod", "conj") and t.i != trigger.i:
            blocked.update(x.i for x in t.subtree)
    for t in trigger.subtree:
        if t.i in blocked or t.i == trigger.i:
            continue
        m = analysis.mention_at(t.i)
        if m is None or not m.resolved or m.kind in ("capital", "seat", "place", "pronoun"):
            continue
        if t.head.i != t.i and m.token_start <= t.head.i < m.token_end:
            continue  # "the United States and Israel": the mention's head word carries the conjuncts
        if (m.actor.start, m.actor.end) in source_keys or m.actor.country in source_countries:
            continue
        found = [a for a in expand(t, analysis) if a.key not in source_keys] or \
            [Argument(actor=m.actor, token=t, mention=m)]  # with its conjuncts: "X and Y"
        for a in found:
            a.inferred = True
        return found
    # then an unresolved but actor-like object of the trigger itself ("aid to refugees")
    for t in trigger.children:
        if t.i in blocked:
            continue
        heads = [t] if t.dep_ in ("dobj", "dative") else \
            [g for g in t.children if g.dep_ == "pobj"] if t.dep_ == "prep" and t.lower_ in allowed_preps else []
        for h in heads:
            arg = actor_for(h, analysis)
            if arg is not None and arg.mention is not None and arg.mention.kind in PLACE_KINDS:
                continue  # "marched in Tbilisi": where, not against whom
            if arg is not None and arg.key not in source_keys and h.pos_ != "PRON":
                arg.inferred = True
                return [arg]
    return []


def noun_arguments(noun, allowed_preps: frozenset[str], analysis: Analysis, type_: str = "") -> tuple[list[Argument], list[Argument]]:
    sources: list[Argument] = []
    source_preps = CONFLICT_SOURCE_PREPS if type_ in CONFLICT_TYPES else SOURCE_PREPS
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in PATIENT_VERBS:
        return [], subject_of(noun.head, analysis)
    for child in noun.children:
        if child.dep_ == "poss":
            sources = expand(child, analysis)
            if child.pos_ == "PRON":  # "his condemnation": the clause subject names him better
                governing = _governing_subject(noun, analysis)
                if governing and (not sources or governing[0].actor.code == sources[0].actor.code):
                    sources = governing
        elif child.dep_ == "prep" and child.lower_ in source_preps:
            for pobj in _children(child, ("pobj",)):
                sources = sources or expand(pobj, analysis)
        elif child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i and not sources:
            modifier = _resolved_at(child, analysis)
            if modifier is not None:
                sources = [modifier]
            elif child.lemma_.lower() in LEADING_PARTICIPLES:  # "the US-led war against Iraq"
                sources = [a for g in child.children if g.dep_ in ("npadvmod", "compound", "nmod")
                           for a in expand(g, analysis) if a.resolved]
    sources = [s for s in sources if s.token.lower_ not in ("its", "their") or s.actor.code]
    if not sources and noun.dep_ in ("dobj", "npadvmod"):  # "break up any march by X" parses the march as npadvmod
        sources = _stray_agent(noun, analysis)
    # "a mediation mission between X and Y": a compound trigger's phrase is its head's
    holders = [noun] + ([noun.head] if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else [])
    targets = next((found for h in holders if (found := _prep_targets(h, allowed_preps - source_preps, analysis))), [])
    verb = _governing_verb(holders[-1])
    if not targets and verb is not None:
        # the verb carries the recipient: "gave Iran a warning", "provide tons of aid to Ukraine"
        # a dative "to" is a preposition in the parse ("sent an aid convoy to Gaza"): its object
        dative = [g for c in verb.children if c.dep_ in ("dative", "iobj")
                  for g in ([c] if c.pos_ != "ADP" else _children(c, ("pobj",)))]
        targets = (expand(dative[0], analysis) if dative else []) or _prep_targets(verb, allowed_preps - source_preps, analysis)
    if not targets and verb is not None and noun.lemma_.lower() in CLAUSAL_TARGET_NOUNS:
        # "reiterated its demand that Israel ease restrictions": the clause may hang on the verb
        for comp in _children(noun, ("acl", "ccomp")) + _children(verb, ("ccomp",)):
            subj = _children(comp, ("nsubj", "nsubjpass"))
            if subj:
                targets = expand(subj[0], analysis)
                break
    if not sources:
        sources = _governing_subject(noun, analysis)
    return sources, targets


def _stray_agent(noun, analysis: Analysis) -> list[Argument]:
    """"will no longer tolerate rallies by the X group" parsed with "by X" on the verb: an active
    verb with its own subject takes no "by" agent, so a named actor there, right after the object,
    is the object's agent ("by force", "by Friday" name no one; in "opened an inquiry into
    killings by X" the phrase follows the killings, not the inquiry)."""
    verb = noun.head
    if verb.pos_ != "VERB" or passive(verb) or not _children(verb, ("nsubj",)):
        return []
    return [a for p in _children(verb, ("prep",)) if p.lower_ == "by" and p.i == noun.right_edge.i + 1
            for g in _children(p, ("pobj",)) for a in expand(g, analysis) if a.proper]


# Nouns whose addressee is the subject of their "that" clause: "the demand that Israel ease ...".
CLAUSAL_TARGET_NOUNS = {"demand", "call", "request", "appeal", "plea", "reminder", "ultimatum", "warning",
                        "accusation", "allegation", "charge"}


# Nouns that head adjuncts, not arguments: "in the wake of the attack" says nothing of who attacked.
ADJUNCT_NOUNS = {"wake", "aftermath", "face", "light", "event", "case", "spite", "midst", "course",
                 "eve", "run", "lead", "time", "day", "week", "month", "year", "anniversary", "result"}
# Prepositions through which a nominal event is still the verb's own act: "engaged in talks",
# "plans for a strike", "a series of attacks", "committed to talks", "during a call with X, Y said".
COMPLEMENT_PREPS = {"in", "into", "of", "to", "for", "on", "with", "during", "at"}
PLACE_KINDS = {"capital", "seat", "place", "city"}
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout"}


# Verbs whose "in" complement is their subject's own act: "engaged in", "involved in", "took part in".
PARTAKING_VERBS = {"engage", "involve", "participate", "take", "join"}


def _governing_verb(noun):
    """The verb a nominal trigger is the object of, through "tons of"/"a series of" chains."""
    tok, hops = noun, 0
    while hops < 3 and tok.dep_ in ("dobj", "pobj", "prep"):
        if tok.lemma_.lower() in ADJUNCT_NOUNS:
            return None
        if tok.dep_ == "prep" and tok.lower_ != "of" and not (
                tok.lower_ == "in" and tok.head.lemma_.lower() in PARTAKING_VERBS):
            return None  # "engaged in ethnic cleansing ... against X": the verb's recipient is the act's
        tok = tok.head
        hops += 1
        if tok.pos_ == "VERB":
            return tok
    return None


def _governing_subject(noun, analysis: Analysis) -> list[Argument]:
    """Source of a nominal trigger from the verb it hangs under: "X launched an attack"."""
    tok, hops = noun, 0
    while hops < 5 and tok.dep_ in ("dobj", "pobj", "prep", "attr", "conj", "appos", "compound", "npadvmod", "oprd"):
        if tok.lemma_.lower() in ADJUNCT_NOUNS and not any(c.dep_ == "nummod" for c in tok.children):
            return []  # "on the day of the attack"; but "launched 10 days of war games" counts them
        if tok.dep_ == "prep" and tok.lower_ not in COMPLEMENT_PREPS:
            return []  # "mobilized for a war", "closed borders because of fighting": adjuncts
        tok = tok.head
        hops += 1
        if tok.pos_ in ("VERB", "AUX"):
            return subject_of(tok, analysis)
    return []
