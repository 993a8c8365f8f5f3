"""Actors the knowledge base does not know, and the parse shapes that hid them: a name glossed in
brackets, a pronoun standing for its unknown speaker, a road blocked in protest, demands named by
a compound, a "by" agent stranded on the verb. Sentences we wrote (PLOVER manual: THREATEN,
PROTEST obstruct, COERCE restrict, CONCEDE, REJECT)."""
from __future__ import annotations

import pytest

from conftest import event_rows
from flashpoint.model import Document


events_of = event_rows


def pairs(evs):
    return {(e[0], e[1], e[2]) for e in evs}


# --- a name with its translation in brackets is one organisation ---------------------------------

def test_a_name_glossed_in_brackets_before_its_noun_is_one_unknown_organisation(coder):
    from flashpoint.analysis_state import Analysis

    text = "Police broke up a rally by the Tawhid (Unity) movement in Lagos."
    analysis = coder.stages[0].run(Analysis(document=Document(id="t", text=text), doc=coder.nlp(text)))
    named = [(m.actor.text, m.actor.code, m.kind) for m in analysis.mentions]
    assert ("Tawhid (Unity) movement", None, "org") in named


def test_an_unknown_name_keeps_its_brackets_balanced(coder):
    from flashpoint.analysis_state import Analysis

    for text in ("The Homeland Union (Conservatives) began collecting signatures in Vilnius.",
                 "The Patriotic Front (PF) won the election in Lusaka."):
        analysis = coder.stages[0].run(Analysis(document=Document(id="t", text=text), doc=coder.nlp(text)))
        for m in analysis.mentions:
            assert m.actor.text.count("(") == m.actor.text.count(")"), (text, m.actor.text)


@pytest.mark.parametrize("text,threatened", [
    ("The army chief warned that soldiers will no longer tolerate rallies by the Amal (Hope) movement.",
     "Amal (Hope) movement"),
    ('The regional governor has warned that police will break up any march by the Sabr ("Patience") group.',
     'Sabr ("Patience") group'),
])
def test_a_warning_that_own_forces_will_act_threatens_the_named_group(coder, text, threatened):
    evs = events_of(coder, text)
    threats = [e for e in evs if e[0] == "THREATEN"]
    assert threats and {e[2] for e in threats} == {threatened}


def test_a_time_after_by_names_no_agent(coder):
    evs = events_of(coder, "The governor warned that police will end the sit-in by Friday.")
    assert not any(e[2] == "Friday" or e[1] == "Friday" for e in evs)


# --- "X said it would ...": the pronoun is X when the KB does not know X --------------------------

def test_an_unknown_party_saying_it_will_boycott_unless_is_a_threat(coder):
    evs = events_of(coder, "The little-known Wahda (Unity) party said it would boycott Kenya's local elections "
                           "unless the governor resigns.")
    assert ("THREATEN", "Wahda (Unity) party", "Kenya") in pairs(evs)


def test_an_unknown_person_saying_he_will_attack_is_a_threat(coder):
    evs = events_of(coder, "Peter Okonkwo said he would attack the rebels in Chad unless they disarm.")
    assert ("THREATEN", "Peter Okonkwo", "the rebels in Chad") in pairs(evs)


def test_a_pronoun_that_does_not_agree_with_the_speaker_is_not_the_speaker(coder):
    evs = events_of(coder, "The Harmony Front said he would boycott Kenya's vote unless the governor resigns.")
    assert not any(e[1] == "The Harmony Front" for e in evs)


@pytest.mark.parametrize("text", [
    "The Jade Movement said it was trying two suspects in the killings of three villagers.",
    "Two Zambian youths were convicted of a spree in which they shot dead five people, prosecutors said.",
])
def test_the_speakers_pronoun_does_not_reach_into_adjuncts_or_relative_clauses(coder, text):
    evs = events_of(coder, text)
    assert not any(e[0] == "ASSAULT" and e[1] in ("The Jade Movement", "prosecutors") for e in evs)


# --- blocking a way through ---------------------------------------------------------------------

def test_civilians_blocking_a_road_to_press_demands_protest_at_whom_the_demands_are_made(coder):
    evs = events_of(coder, "Angry villagers blocked a main road on Tuesday to press their demands for clean water "
                           "from Governor Okafor's administration.")
    assert ("PROTEST", "Angry villagers", "Okafor's administration", "occurred", "obstruct") in evs
    assert "REJECT" not in {e[0] for e in evs}


def test_soldiers_blocking_a_highway_restrict_movement(coder):
    evs = events_of(coder, "Soldiers blocked the highway to Gao to stop Malian rebels.")
    types = {e[0] for e in evs}
    assert "COERCE" in types and not types & {"PROTEST", "REJECT"}


def test_blocking_a_resolution_is_still_a_refusal(coder):
    evs = events_of(coder, "Russia blocked the resolution at the Security Council.")
    assert ("REJECT", "Russia", "Security Council") in pairs(evs)


# --- demands named by a compound -----------------------------------------------------------------

def test_refusing_to_meet_demands_named_by_a_compound_rejects_those_who_made_them(coder):
    evs = events_of(coder, "The government refused to meet the strikers demands for higher pay.")
    assert ("REJECT", "government", "strikers") in pairs(evs)
    evs = events_of(coder, "Nigeria said it would not meet kidnappers demands to free prisoners in Chad.")
    assert ("REJECT", "Nigeria", "kidnappers") in pairs(evs)
    assert ("REJECT", "Nigeria", "Chad") not in pairs(evs)


# --- granting a fact, suspending one's own protests ----------------------------------------------

def test_accepting_that_something_is_so_is_no_agreement(coder):
    evs = events_of(coder, "Serbia accepted that the ceasefire was over because of attacks by Kosovo.")
    assert "AGREE" not in {e[0] for e in evs}


def test_suspending_ones_own_protests_concedes(coder):
    evs = events_of(coder, "The teachers union suspended its protests against the education ministry.")
    assert ("CONCEDE", "teachers union", "education ministry") in pairs(evs)
    assert not {e[0] for e in evs} & {"SANCTION", "PROTEST", "THREATEN"}


def test_an_unknown_possessor_leaves_the_government_phrase_whole(coder):
    evs = events_of(coder, "Students marched against President Tembo's government on Monday.")
    assert ("PROTEST", "Students", "Tembo's government") in pairs(evs)
