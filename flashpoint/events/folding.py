"""How event mentions combine (PLOVER's rules, not the parse's):

- a threat is its own event: the action a vow governs is folded into one THREATEN event, and a
  harmful act an actor promises of itself ("Israel would retaliate", said by Israel) is a threat;
  so is a harmful act an actor will or may do on a condition ("will boycott the vote unless ...");
- a cooperative act an actor announces or promises is AGREE;
- what someone is urged, asked or accused of doing is folded into the REQUEST/ACCUSE event;
- a verb acting on an event noun is the event ("accepted the demands", "lifted the blockade");
- a protest takes the recipient of its purpose ("went on strike to demand ...");
- what is refused did not happen: events inside a rejected offer or a refused act fold into the
  REJECT, and a refusal despite pressure answers those who pressed;
- an order that sends forces out is the orderer's MOBILIZE ("ordered the deployment of troops").
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..analysis_state import Analysis
from .arguments import GENERIC_HEADS, PARTAKING_VERBS, Argument, _resolved_at, expand, subject_of
from .candidate import Candidate, is_generic, others, same_actor, same_country
from .conventions import AGREE_FOLDABLE, Conventions, get_conventions
from .lexicon import default_lexicon
from .refine import _objects, located_only
from .status import PASS_THROUGH, cue_sets, path_up


# Conflict types an actor can only promise as a threat ("we will strike" is THREATEN).
THREAT_FOLDABLE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}


# Cooperative types whose announcement is AGREE in PLOVER ("will provide aid", "agreed to visit");
# what an announced concession or retreat is depends on the coding conventions (conventions.py).
COOPERATIVE = AGREE_FOLDABLE | {"AGREE", "CONCEDE", "RETREAT"}


# Types where coordinated actors with no recipient act with one another ("X and Y agreed").
RECIPROCAL = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT"}


# Triggers whose recipient is whoever did the action they answer ("retaliate for an attack").
RESPONSIVE = {"retaliate", "retaliation", "respond", "response", "punish", "punishment", "reprisal", "revenge", "avenge"}


# A verb acting on an event noun is the event: "accepted the demands" (CONCEDE), "rejected an
# offer" (REJECT), "lifted the blockade" (RETREAT); the noun's own actor is the recipient.
OPERATING_TYPES = {"AGREE", "CONCEDE", "REJECT", "RETREAT", "SANCTION", "ACCUSE", "SUPPORT", "REQUEST"}


ACCEPTING = {"accept", "meet", "grant", "heed", "satisfy"}


# Uses of force an actor can halt ("halted its offensive", "suspended the military operation").
FORCE = {"ASSAULT", "COERCE", "MOBILIZE"}
HALTING = {"halt", "suspend", "end", "stop", "cease", "freeze", "pause", "call"}


# Nouns that name an act by its modifier: "mediation efforts", "the peace process".
EFFORT_NOUNS = {"effort", "process", "bid", "attempt", "initiative", "mission", "drive", "campaign"}


# Types whose refusal is PLOVER REJECT ("will not accept", "did not agree to").
REFUSABLE = {"AGREE", "CONCEDE"}
# Cooperative acts whose negated future is a refusal ("said it would not withdraw from Goma",
# "will not meet the envoy"); in the past they are only negated ("did not withdraw").
WILL_NOT_REFUSES = {"RETREAT", "CONSULT", "COOPERATE", "AID", "SUPPORT"}


# Verbs that halt an act done by their own subject: "agreed to stop shooting at government troops",
# "ceased attacks on Israel" (no trigger of their own, so _fold_operated does not see them).
HALTING_OWN = {"stop", "cease", "halt", "end", "suspend", "quit", "abandon"}


def _fold_halted(cands: list[Candidate], by_token: dict[int, Candidate], analysis: Analysis) -> None:
    """Force its own actor stops is a ceasefire (PLOVER RETREAT: "observing a ceasefire or otherwise
    ending active conflicts"), toward those the force was aimed at; announced, it is a promise."""
    for cand in cands:
        tok = cand.match.token
        if cand.type not in FORCE or tok.head.i == tok.i or tok.head.lemma_.lower() not in HALTING_OWN \
                or tok.head.pos_ != "VERB" or tok.dep_ not in ("xcomp", "dobj", "pcomp") or tok.head.i in by_token:
            continue  # a halting trigger ("halted its offensive") is _fold_operated's
        stoppers = subject_of(tok.head, analysis)
        if any(c.dep_ in ("agent", "prep") and c.lower_ == "by" for c in tok.head.children):
            continue  # "to stop the killing of X by security forces": a "by" the parse hung on "stop"
        if not stoppers or not cand.sources or others(cand.sources, stoppers):
            continue  # "efforts to stop the killing of Rohingyas by security forces": someone else's force
        cand.type, cand.mode = "RETREAT", "ceasefire"  # "did not stop shooting" stays negated


def _fold_operated(cands: list[Candidate], by_token: dict[int, Candidate]) -> None:
    for outer in cands:
        if outer.type == "CONSULT" and outer.match.token.lemma_.lower() in ACCEPTING:
            outer_is_operating = True  # "meet their demands" is not a meeting
        else:
            outer_is_operating = outer.type in OPERATING_TYPES
        if outer.match.pos != "verb" or not outer_is_operating:
            continue
        objects = _objects(outer.match.token)
        objects += [g for c in outer.match.token.children if c.dep_ == "prep" and c.lower_ in ("to", "with", "on")
                    for g in c.children if g.dep_ == "pobj"]  # "conceded to demands from UNITA"
        # "ended mediation efforts": the act is named by the modifier of an effort word
        objects += [g for o in objects if o.lemma_.lower() in EFFORT_NOUNS for g in o.children
                    if g.dep_ in ("compound", "amod") and g.i in by_token]
        for obj in objects:
            inner = by_token.get(obj.i)
            if inner is None or inner.match.pos != "noun":
                continue
            if inner.type == "REQUEST" and outer.match.token.lemma_.lower() in ACCEPTING:
                outer.type, outer.mode = "CONCEDE", None
            elif outer.type == "CONSULT":
                continue
            if outer.type == "CONCEDE" and inner.type in ("COERCE", "SANCTION", "MOBILIZE", "ASSAULT"):
                # undoing force or sanctions ("lifted the blockade") is PLOVER RETREAT
                outer.type, outer.mode = "RETREAT", "access" if inner.type == "COERCE" else None
            elif outer.type == "SANCTION" and inner.type == "PROTEST" and outer.match.token.lemma_.lower() in HALTING \
                    and inner.sources and not others(inner.sources, outer.sources):
                # "suspended its protests": PLOVER CONCEDE ("suspending protests"), to whom they were aimed at
                outer.type, outer.mode = "CONCEDE", None
                outer.targets = others(inner.targets, outer.sources) or outer.targets
                inner.dropped = True
                continue
            elif outer.type == "SANCTION" and inner.type in FORCE and not others(inner.sources, outer.sources):
                if outer.match.token.lemma_.lower() in HALTING:
                    # halting one's own offensive is a ceasefire, not a sanction: the recipient is the
                    # one it was aimed at ("Russia halted its offensive against Ukraine")
                    outer.type, outer.mode = "RETREAT", "ceasefire"
                    outer.targets = others(inner.targets, outer.sources) or outer.targets
                    inner.dropped = True
                else:
                    # "imposed a curfew on Hebron": the imposing only carries the act it imposes
                    inner.targets = inner.targets or others(outer.targets, inner.sources)
                    outer.dropped = True
                continue
            if outer.type == "ACCUSE":
                # "condemned the attack by X": the accused is the attacker; the attack stays an event
                if inner.sources and not is_generic(outer.targets):
                    outer.targets = others(inner.sources, outer.sources) or outer.targets
                continue
            inner_others = others(inner.sources, outer.sources)
            if inner_others and (not outer.targets or is_generic(outer.targets)):
                outer.targets = inner_others
            elif not outer.targets:
                outer.targets = inner.targets
            inner.dropped = True


ACCUSING = {"accuse", "blame", "charge", "suspect", "condemn", "criticize", "criticise", "denounce", "allege"}


def _accusing_governor(tok):
    """The accuse-type verb whose "of/for" complement holds ``tok`` ("accused X of shelling ...")."""
    node = tok
    for step in range(4):
        if node.dep_ not in ("pcomp", "prep", "pobj", "xcomp", "dobj", "advcl"):
            return None
        if step == 0 and node.dep_ == "dobj" and node.head.lemma_.lower() in ACCUSING:
            return None  # "condemned the Saudi-led war": the war is an event of its own
        node = node.head
        if node.lemma_.lower() in ACCUSING and node.pos_ == "VERB":
            return node
    return None


def _fold_purposes(cands: list[Candidate], analysis: Analysis) -> None:
    """"Students staged a strike to demand the minister's resignation": the demand is the
    protest's purpose, so the protest is the event and the one addressed is its recipient; the
    addressee outranks a place ("a hunger strike outside parliament to demand ...")."""
    for cand in cands:
        tok = cand.match.token
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in VOICING_VERBS:
            tok = tok.head  # "rallied against Abbas, saying he must resign": the saying is the purpose
        if cand.type != "REQUEST" or tok.dep_ not in ("advcl", "xcomp", "relcl"):
            continue
        head = tok.head
        around = [head] + [c for c in head.children if c.dep_ in ("dobj", "nsubj")]
        protest = next((o for o in cands if o is not cand and o.type == "PROTEST" and o.match.token in around), None)
        if protest is None:
            continue
        if not protest.targets or all(t.inferred for t in protest.targets) or located_only(protest.targets):
            asked_to_act = [s for o in cands if o.request_verb is not None and o.request_verb.i == cand.match.token.i
                            for s in o.sources]  # "to demand the return of land seized by X": X
            # a pronoun the resolver left without an actor ("press their demands") names no one
            named = [t for t in cand.targets if t.token.pos_ != "PRON" or t.resolved]
            addressed = (others(named, protest.sources) or others(asked_to_act, protest.sources)
                         or _asked_from(cand, protest.sources, analysis))
            protest.targets = addressed or protest.targets
        cand.dropped = True


# Verbs by which protesters voice what they demand ("marched in Dhaka, chanting that ...").
VOICING_VERBS = {"say", "insist", "chant", "shout", "declare", "argue", "claim"}


def _asked_from(cand: Candidate, sources: list[Argument], analysis: Analysis) -> list[Argument]:
    """"to press their demands for reform from the government": the one a demand is made of."""
    for t in cand.match.token.subtree:
        if t.dep_ == "prep" and t.lower_ == "from":
            found = others([a for g in t.children if g.dep_ == "pobj" for a in expand(g, analysis)], sources)
            if found:
                return found
    return []


def _fold_aims(cands: list[Candidate], by_token: dict[int, Candidate]) -> None:
    """"Britain mobilized reservists for a possible war against Iraq": the war is what the
    mobilization is for, not an event of its own; its recipient is the mobilization's."""
    for cand in cands:
        tok = cand.match.token
        if cand.match.pos != "noun" or tok.dep_ != "pobj" or tok.head.lower_ != "for":
            continue
        holder = tok.head.head
        outer = by_token.get(holder.i) or (by_token.get(holder.head.i) if holder.dep_ == "dobj" else None)
        if outer is None or outer is cand or outer.type not in AIMING_TYPES:
            continue
        if outer.sources and cand.sources and not others(cand.sources, outer.sources):
            if not others(outer.targets, outer.sources) or is_generic(outer.targets):
                outer.targets = cand.targets or outer.targets  # "mobilized its reservists for a war on X"
            cand.dropped = True


# Acts done for a later aim ("mobilized for war", "deployed troops for an offensive").
AIMING_TYPES = {"MOBILIZE", "THREATEN"}


def _fold_results(cands: list[Candidate], by_token: dict[int, Candidate]) -> None:
    """"Rebels shelled Juba, killing about 20 people": the participle tells the toll of the same
    attack, so it is no event of its own unless it names a recipient of its own."""
    for cand in cands:
        tok = cand.match.token
        if cand.match.pos != "verb" or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "conj"):
            continue
        main = by_token.get(tok.head.i)
        if main is None or main is cand or main.type != cand.type:
            continue
        if is_generic(cand.targets) or all(any(same_country(t, m) for m in main.targets) for t in cand.targets):
            cand.dropped = True


# An arrest that states its charge is also the charge (PLOVER ACCUSE: "accuse, allege, or charge,
# both judicially and informally"): "detained on charges of espionage", "arrested for spying",
# "jailed on allegations of treason". The arrest stays; the accusation shares its evidence.
CHARGE_NOUNS = {"charge", "allegation", "accusation", "suspicion", "count"}
CRIME_NOUNS = {"treason", "espionage", "spying", "murder", "corruption", "fraud", "terrorism", "sedition",
               "subversion", "smuggling", "blasphemy", "incitement", "collaboration", "rebellion", "insurrection",
               "trafficking", "theft", "bribery", "embezzlement", "desertion", "extremism", "separatism",
               "kidnapping", "rape", "assault", "robbery", "arson", "sabotage", "mutiny", "insult", "defamation",
               "libel", "crime", "offence", "offense", "violation", "misconduct", "conspiracy", "plot"}
# "arrested for his role in the riots": the part someone had in an act is what they are charged with.
CULPABILITY_NOUNS = {"role", "involvement", "participation", "part", "complicity"}
# "detained for questioning" states a purpose, not a charge.
NOT_CHARGES = {"question", "interrogate", "interrogation", "investigation", "safety", "protection"}
CHARGE_HEDGES = {"alleged", "allegedly", "suspected", "reportedly"}


def _stated_charge(tok):
    """The word an arrest's "on charges of"/"for" phrase states as its reason, or None."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "for")):
        for obj in prep.children:
            lemma = obj.lemma_.lower()
            if lemma in NOT_CHARGES:
                continue
            if prep.lower_ == "on" and obj.dep_ == "pobj" and lemma in CHARGE_NOUNS:
                return obj
            if prep.lower_ == "for" and obj.dep_ == "pcomp" and obj.tag_ == "VBG":
                return obj  # "arrested for spying", "jailed for insulting the president"
            if prep.lower_ == "for" and obj.dep_ == "pobj" and (lemma in CRIME_NOUNS | CULPABILITY_NOUNS or any(
                    c.lower_ in CHARGE_HEDGES for c in obj.children)):
                return obj
    return None


def _fold_charges(cands: list[Candidate]) -> None:
    """An arrest with its charge stated adds an ACCUSE (allege) of the same source and recipients;
    a charge noun's own accusation ("on charges of", "on allegations of") is folded into it."""
    for cand in list(cands):
        if cand.dropped or cand.type != "COERCE" or cand.mode != "arrest" or not cand.targets:
            continue
        charge = _stated_charge(cand.match.token)
        if charge is None:
            continue
        for other in cands:
            if other.match.token.i == charge.i and other.type == "ACCUSE":
                other.dropped = True  # the charge noun itself; a charged act ("for protesting") stays
        cands.append(replace(cand, type="ACCUSE", mode="allege", sources=list(cand.sources),
                             targets=list(cand.targets)))


# Marks that put a condition on an act: "if", "unless", "in case" (the parse hangs "case" on "in").
CONDITIONAL_MARKS = {"if", "unless"}
CONDITIONAL_NOUNS = {"case", "event"}


def _is_condition(clause) -> bool:
    """``clause`` is an adverbial clause stating a condition ("unless the president resigns")."""
    return clause.dep_ == "advcl" and any(
        m.dep_ == "mark" and (m.lower_ in CONDITIONAL_MARKS
                              or (m.lower_ == "in" and any(g.lemma_.lower() in CONDITIONAL_NOUNS for g in m.children)))
        for m in clause.children)


# How far up from a trigger its condition may hang: "will impose sanctions if ..." (the verb),
# "will resume rocket fire if ..." (the verb governing the noun), "may halt talks if ..." (the verb).
CONDITION_CLIMB = ("dobj", "xcomp", "pobj", "prep")


def condition_clause(trigger):
    """The condition put on the act at ``trigger``, or None; None too when the trigger is itself
    inside a condition ("Israel will respond if Iran attacks": the attack is the condition)."""
    tok = trigger
    for _ in range(3):
        if _is_condition(tok):
            return None
        found = next((c for c in tok.children if _is_condition(c)), None)
        if found is not None:
            return found
        if tok.dep_ not in CONDITION_CLIMB or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


# Sectors of the state itself; a country code with no sector is the state too.
STATE_SECTORS = {None, "", "GOV", "MIL", "COP", "SPY", "JUD", "LEG"}


def _may_be_conditioned(party: Argument, sources: list[Argument]) -> bool:
    """Whether the threat can be put to ``party``: not the threatener, nor its own country, except
    a state put under conditions by its own opposition ("will boycott the vote unless the president
    resigns"); "Israel warned it would act if its soldiers were harmed" threatens not its soldiers."""
    for s in sources:
        if same_actor(party, s) or (party.actor.code and party.actor.code == s.actor.code):
            return False
        domestic = party.actor.country == s.actor.country
        if domestic and not (s.actor.sector not in STATE_SECTORS and party.actor.sector in STATE_SECTORS):
            return False
    return True


def conditional_party(cand: Candidate, analysis: Analysis) -> list[Argument]:
    """"warned it would act if Taiwan's leaders continued ...": the one the condition is put to."""
    clause = condition_clause(cand.match.token)
    clauses = [clause] if clause is not None else [t for t in cand.match.token.subtree if _is_condition(t)]
    for t in clauses:
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        found = [a for a in expand(subj[0], analysis) if a.resolved] if subj else []
        found = [a for a in found if _may_be_conditioned(a, cand.sources)]
        if found:
            return found
    return []


def _conditional_threat(cand: Candidate, analysis: Analysis, speaker_is_source: bool) -> bool:
    """"The union may halt talks with the ministry if wages are cut": a harmful act an actor will
    or may do on a condition is a threat made (PLOVER: THREATEN, not the act + hypothetical). Not
    when someone else says it of the actor ("analysts said Iran could strike if ...")."""
    if cand.type not in THREAT_FOLDABLE or cand.status == "negated":
        return False
    if _voiced_by_another(cand, speaker_is_source):
        return False
    cue = cand.status_cue
    modal = cand.future or (cue is not None and cue.lemma_.lower() in cue_sets().hypothetical)
    if not modal or condition_clause(cand.match.token) is None:
        return False
    # the one threatened must be named here: the act's recipient or the one the condition is put to
    targets = others(cand.targets, cand.sources) or conditional_party(cand, analysis)
    if not targets:
        return False
    cand.type, cand.mode, cand.status = "THREATEN", _threat_mode(cand.type, cand.mode), "occurred"
    cand.targets = targets
    return True


def _voiced_by_another(cand: Candidate, speaker_is_source: bool) -> bool:
    """Someone other than the actor says it: a speaker who is not the source, or a reporting verb
    or quote whose speaker names no actor ("analysts said", "according to diplomats")."""
    if cand.speaker is not None:
        return not speaker_is_source
    if cand.frame is not None and cand.frame.speaker is not None:
        return True
    reporting = next((g for g in path_up(cand.match.token)[1:] if g.lemma_.lower() in PASS_THROUGH), None)
    return reporting is not None and any(c.dep_ in ("nsubj", "nsubjpass") for c in reporting.children)


# Nouns for a state's own armed or police forces, and for those who speak for a state.
OWN_FORCE_NOUNS = {"police", "army", "military", "force", "troop", "soldier", "security", "guard", "policeman"}
STATE_SPEAKER_NOUNS = {"minister", "official", "government", "president", "governor", "commander", "chief",
                       "spokesman", "spokeswoman", "spokesperson", "authority", "ministry", "general", "mayor",
                       "premier", "leader", "prime"}


def _states_own_forces(targets: list[Argument], sources: list[Argument]) -> bool:
    """"The minister warned that police will no longer tolerate rallies": the clause's subject is
    the warning state's own forces, who carry out the threat rather than receive it."""
    if not targets or not sources:
        return False
    state_speaker = all((s.actor.sector in STATE_SECTORS) if s.resolved
                        else s.token.lemma_.lower() in STATE_SPEAKER_NOUNS for s in sources)
    own = all(t.token.lemma_.lower() in OWN_FORCE_NOUNS
              and (not t.resolved or any(same_country(t, s) for s in sources)) for t in targets)
    return state_speaker and own


# An order that sends forces out is their mobilization (PLOVER MOBILIZE: "all military or police
# moves"), done by the one who orders it: "ordered the deployment of troops", "ordered patrols by
# police", "ordered troops into the city". An order with an act of its own ("ordered X to attack
# Y") stays a REQUEST of X.
ORDERING = {"order", "direct", "instruct", "command"}
DEPLOYMENT_NOUNS = {"patrol", "deployment", "dispatch", "reinforcement", "mobilization", "mobilisation"}
DEPLOYED_FORCES = {"troop", "soldier", "army", "force", "police", "policeman", "unit", "battalion", "brigade",
                   "division", "reservist", "reserve", "tank", "warship", "ship", "jet", "warplane", "aircraft",
                   "paratrooper", "marine", "commando", "gendarme", "militia"}
# Where forces are sent: the place or actor there is the recipient ("into Ukraine").
MOVEMENT_PREPS = frozenset({"to", "into", "toward", "towards", "onto", "against", "near", "along"})


def _fold_orders(cands: list[Candidate], by_token: dict[int, Candidate], analysis: Analysis) -> None:
    """An "order" REQUEST whose object is a deployment, patrols or forces sent somewhere becomes
    MOBILIZE; the deployment noun folds into it and where the forces go is the recipient."""
    for cand in cands:
        verb = cand.match.token
        if cand.type != "REQUEST" or cand.match.pos != "verb" or verb.lemma_.lower() not in ORDERING:
            continue
        if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
            continue  # "ordered the army to attack": the order asks an act of its own
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            inner = by_token.get(obj.i)
            deployment = inner is not None and inner.type == "MOBILIZE"
            lemma = obj.lemma_.lower()
            sent = lemma in DEPLOYED_FORCES and any(
                p.dep_ == "prep" and p.lower_ in MOVEMENT_PREPS for h in (verb, obj) for p in h.children)
            if not (deployment or lemma in DEPLOYMENT_NOUNS or sent):
                continue
            cand.type = "MOBILIZE"
            cand.mode = (inner.mode if deployment else None) or default_lexicon().mode_for(
                "MOBILIZE", {t.lemma_.lower() for t in verb.subtree})  # "patrols by police": police
            named = others(inner.targets, cand.sources) if deployment else []
            # "to the country's border": a bare "country" is no recipient
            cand.targets = ([t for t in named if t.resolved] or _sent_to(verb, obj, cand.sources, analysis)
                            or [t for t in named if t.token.lemma_.lower() not in GENERIC_HEADS])
            cand.alone = True  # PLOVER: a group may mobilize with no recipient stated
            if inner is not None:
                inner.dropped = True
            break


def _sent_to(verb, obj, sources: list[Argument], analysis: Analysis) -> list[Argument]:
    """Whom forces are sent to or against: "into Ukraine", "to the border with Libya"."""
    for holder in (obj, verb):
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in MOVEMENT_PREPS):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                found = [a for a in expand(pobj, analysis) if a.resolved] or [
                    a for p in pobj.children if p.dep_ == "prep" and p.lower_ in ("with", "of")
                    for g in p.children if g.dep_ == "pobj" for a in expand(g, analysis) if a.resolved]
                found = others(found, sources)
                if found:
                    return found
    return []


# What is refused or opposed did not happen: events named inside an offer, a proposal or a
# refused act ("rejected an offer from Kabul for direct talks", "is opposed to French mediation in
# peace negotiations", "refused to commit to any assistance to the US-led war") are folded into
# the REJECT, whose recipient is the offer's author, else the one the refused act was for.
PROPOSAL_NOUNS = {"offer", "proposal", "plan", "call", "bid", "mediation", "initiative", "request", "demand",
                  "suggestion", "idea", "invitation", "overture", "appeal", "plea", "proposition", "scheme",
                  "formula", "roadmap", "ultimatum", "draft", "blueprint"}
# How far a refused thing reaches: its complements, not clauses with their own time or actor
# ("after the attack", "who attacked ...", "citing ...").
REFUSED_DEPS = {"prep", "pobj", "pcomp", "dobj", "xcomp", "compound", "nmod"}
REFUSED_PREPS = {"for", "of", "to", "in", "on", "with", "between", "toward", "towards", "into", "from", "by",
                 "against", "among", "about", "regarding", "concerning"}
AUTHOR_PREPS = {"from", "by"}


def _refused_things(verb) -> list:
    """Heads of what a REJECT verb refuses: its offer/proposal object (dobj, "opposed to" pobj)
    and, after refuse/decline, the act it refuses ("refused to commit to ...")."""
    found = [c for c in verb.children if c.dep_ == "xcomp"] if verb.lemma_.lower() in cue_sets().refusing else []
    objects = _objects(verb)
    objects += [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
    return found + [o for o in objects if o.lemma_.lower() in PROPOSAL_NOUNS]


# Verbs through which a refused event is the refuser's own part in it: "refused to take part in a
# summit", "declined to send an envoy to the talks", "refused to enter into negotiations".
JOINING_VERBS = PARTAKING_VERBS | {"enter", "attend", "send", "hold", "resume", "sign", "accept", "commit"}


def _within(root, triggers) -> list:
    """Tokens of ``root``'s complements, nearest first. Below a verb the walk goes on only when the
    verb is an event itself or one of ``JOINING_VERBS``: "refused to make progress in talks" leaves
    the talks held."""
    out, frontier = [root], [root]
    while frontier:
        frontier = [t for t in frontier if t.pos_ != "VERB" or t.i in triggers or t.lemma_.lower() in JOINING_VERBS]
        nxt = [c for t in frontier for c in t.children if c.dep_ in REFUSED_DEPS
               and (c.dep_ != "prep" or c.lower_ in REFUSED_PREPS)]
        out += nxt
        frontier = nxt
    return out


def _made_by(noun, preps, sources: list[Argument], analysis: Analysis) -> list[Argument]:
    """Who made what ``noun`` names, other than ``sources``: its possessor ("X's proposal"), the
    object of one of ``preps`` ("an offer from X", "pressure by X") and a resolved modifier
    before it ("French mediation", "US pressure")."""
    found = [a for c in noun.children if c.dep_ == "poss" for a in expand(c, analysis)]
    found += [a for p in noun.children if p.dep_ == "prep" and p.lower_ in preps
              for g in p.children if g.dep_ == "pobj" for a in expand(g, analysis)]
    found += [a for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
              and (a := _resolved_at(c, analysis)) is not None]
    return others(found, sources)


def _fold_refused(cands: list[Candidate], by_token: dict[int, Candidate], analysis: Analysis) -> None:
    """Drop the events inside what a REJECT verb refuses; a REJECT without a recipient read off the
    parse takes the offer's author, else the recipient of the refused act."""
    for rejection in cands:
        if rejection.type != "REJECT" or rejection.match.pos != "verb" or rejection.dropped:
            continue
        for root in _refused_things(rejection.match.token):
            nested = [by_token[t.i] for t in _within(root, by_token) if t.i in by_token and by_token[t.i] is not rejection]
            replaceable = not rejection.targets or is_generic(rejection.targets)
            if replaceable or all(t.inferred for t in rejection.targets):
                named = [] if root.pos_ == "VERB" else _made_by(root, AUTHOR_PREPS, rejection.sources, analysis)
                named = named or next((found for c in nested if (found := [
                    t for t in others(c.targets, rejection.sources) if not t.inferred])), [])
                if replaceable and not named:
                    named = next((found for c in nested if (found := others(c.targets, rejection.sources))), [])
                rejection.targets = named or rejection.targets
            for c in nested:
                c.dropped = True


# Refusing in the face of pressure answers those who pressed: "declined to resign despite growing
# pressure by the commission", "refused to step down despite calls from the opposition".
PRESSURE_NOUNS = {"pressure", "call", "demand", "appeal", "plea", "request", "urging", "insistence", "entreaty",
                  "ultimatum", "protest", "push"}


def _concessive_objects(tok) -> list:
    """Objects of "despite X" and "in spite of X" phrases under ``tok``."""
    out = []
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        if prep.lower_ == "despite":
            out += [g for g in prep.children if g.dep_ == "pobj"]
        elif prep.lower_ == "in":
            out += [g2 for g in prep.children if g.dep_ == "pobj" and g.lower_ == "spite"
                    for p in g.children if p.dep_ == "prep" and p.lower_ == "of" for g2 in p.children if g2.dep_ == "pobj"]
    return out


# Who pressed: "pressure by X", "calls from X", "demands of X".
PRESSER_PREPS = {"by", "from", "of"}


def _refused_despite(cands: list[Candidate], analysis: Analysis) -> None:
    """A REJECT with no recipient and a "despite pressure/calls by X" phrase rejects X."""
    for cand in cands:
        if cand.dropped or cand.type != "REJECT" or cand.match.pos != "verb":
            continue
        if cand.targets and not is_generic(cand.targets):
            continue
        verb = cand.match.token
        clause = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]  # "declined to resign despite ..."
        for pressure in (o for t in clause for o in _concessive_objects(t)):
            if pressure.lemma_.lower() in PRESSURE_NOUNS:
                pressers = _made_by(pressure, PRESSER_PREPS, cand.sources, analysis)
                if pressers:
                    cand.targets = pressers
                    break


def fold_candidates(cands: list[Candidate], analysis: Analysis, conventions: Conventions | str | None = None) -> None:
    """Apply the rules in this module's docstring to one sentence's candidates, in place: folded
    candidates get ``dropped``, the ones they fold into get their type, status and recipients.
    ``conventions`` says what an announced concession or retreat is (default: as annotated)."""
    conventions = get_conventions(conventions)
    by_token = {c.match.token.i: c for c in cands}  # trigger token index -> its candidate
    _fold_orders(cands, by_token, analysis)
    _fold_halted(cands, by_token, analysis)
    _fold_operated(cands, by_token)
    _fold_refused(cands, by_token, analysis)
    _fold_purposes(cands, analysis)
    _fold_results(cands, by_token)
    _fold_aims(cands, by_token)
    for cand in cands:
        if cand.status == "negated" and (cand.type in REFUSABLE or (
                cand.future and cand.type in WILL_NOT_REFUSES and cand.match.pos == "verb")):
            cand.type, cand.mode, cand.status = "REJECT", None, "occurred"  # "will not accept"
    for cand in cands:
        if cand.dropped:
            continue  # already folded into another event: it changes nothing more
        accuser = _accusing_governor(cand.match.token)
        if accuser is not None and accuser.i in by_token and by_token[accuser.i] is not cand:
            cand.dropped = True  # "accused Moscow of waging war": the accusation is the event
            continue
        if cand.refusal_verb is not None and cand.type != "REJECT":
            gov = by_token.get(cand.refusal_verb.i)
            if gov is not None and gov.type == "REJECT":
                # "refused to deploy peacekeepers in Iraq": the refusal is the event
                if not gov.targets or is_generic(gov.targets):
                    gov.targets = others(cand.targets, gov.sources) or gov.targets
                cand.dropped = True
                continue
        request_verb = cand.request_verb
        tok = cand.match.token
        if request_verb is None and tok.dep_ == "ccomp":
            # "reiterated its demand that Israel ease ...": the clause is what the demand asks
            request_verb = next((o for o in tok.head.children if o.dep_ == "dobj" and o.i in by_token
                                 and by_token[o.i].type == "REQUEST"), None)
        if request_verb is not None and cand.type != "REQUEST":
            gov = by_token.get(request_verb.i)
            if gov is not None and gov.type == "REQUEST" and not gov.targets:
                # "urged Turkey to ...", "demanded that Israel ...": the one asked is the actor asked to act
                gov.targets = others(cand.sources, gov.sources)
            cand.dropped = True  # what was asked for has not happened
            continue
        if cand.threat_verb is not None and cand.type != "THREATEN":
            gov = by_token.get(cand.threat_verb.i)
            if gov is not None and gov.type == "THREATEN":
                if not gov.targets:
                    gov.targets = cand.targets
                elif _states_own_forces(gov.targets, gov.sources):
                    # the one threatened is whoever else the warned act names: its recipient, or
                    # the actor of what the forces act against ("rallies by the opposition")
                    gov.targets = others(cand.targets + cand.sources, gov.targets + gov.sources) or gov.targets
                gov.mode = gov.mode or _threat_mode(cand.type, cand.mode)
                cand.dropped = True
                continue
        if cand.intent_verb is not None and cand.type != "AGREE":
            gov = by_token.get(cand.intent_verb.i)
            if gov is not None and gov.type == "AGREE" and cand.type in THREAT_FOLDABLE:
                gov.type, gov.mode = "THREATEN", _threat_mode(cand.type, cand.mode)  # "pledged to strike"
            elif gov is not None and gov.type == "AGREE" and cand.type == "CONCEDE" and cand.status != "negated" \
                    and conventions.announced("CONCEDE") == "CONCEDE":
                gov.type, gov.mode = "CONCEDE", cand.mode  # "agreed to meet their demands": the manual keeps CONCEDE
            if gov is not None and gov.type in ("AGREE", "THREATEN", "CONCEDE") and not gov.dropped:
                passed = cand.targets
                if gov.type in RECIPROCAL and len(gov.sources) > 1:
                    passed = [t for t in passed if not t.inferred]  # "X and Y agreed to ..." is mutual
                gov.targets = gov.targets or passed
                gov.alone = gov.alone or cand.mode == "resign"  # "agreed to resign" needs no recipient
                cand.dropped = True
                continue
        announced = (cand.future or cand.intent_verb is not None) and cand.status != "negated"
        coded = conventions.announced(cand.type, cand.intent_verb)
        if coded != cand.type and announced:
            cand.type, cand.mode = coded, None
            if cand.status == "anticipated" and (cand.status_cue is None or cand.status_cue.lemma_.lower() in _INTENT_OR_MODAL):
                cand.status = "occurred"
            continue
        promised = cand.future or cand.threat_verb is not None
        # the same country, or the very actor when the KB does not know it ("the Umma party said it
        # would boycott Kenya's vote"); then the sentence must name whom the act is aimed at, since
        # without a code nothing tells a party's promise from a lawyer's forecast
        speaker_is_source = cand.speaker is not None and any(
            same_country(cand.speaker, s) or (same_actor(cand.speaker, s) and bool(cand.targets)) for s in cand.sources)
        if _conditional_threat(cand, analysis, speaker_is_source):
            continue
        if cand.type in THREAT_FOLDABLE and promised and speaker_is_source and cand.status != "negated":
            cand.type, cand.mode, cand.status = "THREATEN", _threat_mode(cand.type, cand.mode), "occurred"
            cand.sources = [cand.speaker] if cand.speaker.actor.country else cand.sources
        elif promised and speaker_is_source and cand.type == "AGREE" and cand.status == "anticipated":
            cand.status = "occurred"  # "Iraq said it would allow ...": the promise is the AGREE event
        elif promised and speaker_is_source and cand.status in ("anticipated", "occurred") and cand.type not in COOPERATIVE \
                and not (cand.type == "REJECT" and "REJECT" not in cand.match.types):
            # a harm an actor promises of itself; a promised concession is anticipated; a
            # refusal read off "would not withdraw" was made in the saying (it stays occurred)
            cand.status = "threatened"
    # a responsive action's recipient is the actor of the action it answers
    for cand in cands:
        if not cand.targets and cand.match.token.lemma_.lower() in RESPONSIVE:
            trigger = cand.match.token
            near = {t.i for t in trigger.subtree} | {t.i for t in trigger.head.subtree}
            for other in cands:
                if other is not cand and other.match.token.i in near:
                    srcs = [s for s in other.sources if not any(same_country(s, x) for x in cand.sources)]
                    if srcs:
                        cand.targets = srcs
                        other.dropped = other.dropped or other.status == "hypothetical"
                        break
    _fold_charges(cands)
    _refused_despite(cands, analysis)


_INTENT_OR_MODAL = {"will", "would", "shall", "'ll", "agree", "offer", "ready", "willing", "prepared",
                    "decide", "promise", "pledge", "vow", "commit", "undertake", "consent", "plan", "intend"}


# What a threat threatens (PLOVER's THREATEN modes), from the act threatened and the act's own mode;
# (type, None) is the type's default. Boycotts and strikes restrict, per the manual's table.
THREAT_MODES = {("ASSAULT", None): "violence", ("SANCTION", None): "relations", ("SANCTION", "expel"): "expel",
                ("COERCE", None): "restrict", ("COERCE", "arrest"): "arrest", ("COERCE", "deport"): "expel",
                ("COERCE", "seize"): "territory", ("PROTEST", None): "restrict"}


def _threat_mode(action_type: str, action_mode: Optional[str] = None) -> Optional[str]:
    return THREAT_MODES.get((action_type, action_mode)) or THREAT_MODES.get((action_type, None))
