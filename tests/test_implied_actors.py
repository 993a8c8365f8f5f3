"""Actors the text leaves implicit (refine.IMPLIED_SOURCES), charges stated with arrests, and who
an investigation looks into: sentences we wrote."""
from __future__ import annotations

import pytest

from flashpoint.model import Document


def coded(coder, text):
    return coder(Document(id="t", text=text, published="2024-04-11")).events


def of_type(events, type_):
    return [e for e in events if e.type == type_]


@pytest.mark.parametrize("text, place, code, victim", [
    ("Four Afghan policemen were killed in a suicide car bombing in central Kabul.", "Kabul", "AFGUAF",
     "Four Afghan policemen"),
    ("A roadside bomb near the town of Kandahar killed two Afghan soldiers.", "Kandahar", "AFGUAF",
     "two Afghan soldiers"),
    ("Five Iraqi soldiers were killed by an improvised explosive device outside the Iraqi city of Mosul.", "Iraqi",
     "IRQUAF", "Five Iraqi soldiers"),
    ("A French journalist has been killed in a car bomb explosion in Mogadishu.", "Mogadishu", "SOMUAF",
     "A French journalist"),
    ("A car bomb exploded outside a police station in Baghdad, killing seven Iraqi soldiers.", "Baghdad", "IRQUAF",
     "seven Iraqi soldiers"),
])
def test_unclaimed_bombing_is_an_unidentified_armed_actor_of_the_place(coder, text, place, code, victim):
    attacks = of_type(coded(coder, text), "ASSAULT")
    assert len(attacks) == 1
    e = attacks[0]
    assert (e.source.text, e.source.code, e.source.sector, e.target.text) == (place, code, "UAF", victim)
    assert e.source.via == "place-of-unclaimed-attack"
    assert e.confidence < 0.7  # inferred: lower than a source read off the parse


@pytest.mark.parametrize("text", [
    "Four Afghan policemen were killed in a suicide car bombing on Monday.",  # no place: nothing invented
    "Two Palestinian civilians were killed in an Israeli bombing in Gaza.",  # the bombing names its user
    "Five Chinese workers were killed in a gas explosion at a factory in Shanghai.",  # not an attack
    "Three Iraqi soldiers were killed in Iraq on Monday.",  # no means of attack: anyone may kill
])
def test_no_unidentified_attacker_without_place_or_with_a_claimed_or_accidental_blast(coder, text):
    assert not any(e.source.sector == "UAF" for e in coded(coder, text))


def test_a_named_attacker_is_kept(coder):
    attacks = of_type(coded(coder, "Two Afghan soldiers were killed by Taliban fighters near Kandahar."), "ASSAULT")
    assert [e.source.text for e in attacks] == ["Taliban fighters"]


@pytest.mark.parametrize("text, source, target", [
    ("Police in Egypt detained 12 Egyptian activists on charges of espionage.", "Police in Egypt", "12 Egyptian activists"),
    ("Turkish police arrested a German journalist on suspicion of supporting terrorism.", "Turkish police",
     "a German journalist"),
    ("A French journalist was arrested in Iran for spying for Israel.", "Iran", "A French journalist"),
    ("Nigerian police jailed two opposition leaders on allegations of treason.", "Nigerian police",
     "two opposition leaders"),
])
def test_an_arrest_with_its_charge_is_also_an_accusation(coder, text, source, target):
    events = coded(coder, text)
    arrests, charges = of_type(events, "COERCE"), of_type(events, "ACCUSE")
    assert [(e.source.text, e.target.text) for e in arrests] == [(source, target)]
    assert [(e.source.text, e.target.text, e.mode) for e in charges] == [(source, target, "allege")]
    assert charges[0].trigger == arrests[0].trigger and charges[0].sentence == arrests[0].sentence


@pytest.mark.parametrize("text", [
    "Russia detained two Ukrainian sailors for 48 hours.",
    "Israeli police detained the Palestinian mayor for questioning.",
])
def test_an_arrest_without_a_charge_is_no_accusation(coder, text):
    events = coded(coder, text)
    assert of_type(events, "COERCE") and not of_type(events, "ACCUSE")


def test_a_charged_act_stays_its_own_event(coder):
    events = coded(coder, "Police arrested dozens of students for protesting against the government.")
    assert of_type(events, "ACCUSE") and of_type(events, "PROTEST")


def test_put_under_investigation_in_a_country_is_its_judiciary_investigating(coder):
    e, = of_type(coded(coder, "A French citizen has been put under investigation in Spain for his role in the riots."),
                 "ACCUSE")
    assert (e.source.text, e.source.code, e.target.text, e.mode) == ("Spain", "ESPJUD", "A French citizen",
                                                                     "investigate")
    assert e.confidence < 0.7


def test_placed_under_arrest_takes_the_placing_verbs_arguments(coder):
    active, = of_type(coded(coder, "Turkish police placed a German journalist under arrest."), "COERCE")
    assert (active.source.text, active.target.text) == ("Turkish police", "a German journalist")
    passive, = of_type(coded(coder, "A German journalist was placed under arrest in Turkey."), "COERCE")
    assert (passive.source.code, passive.target.text) == ("TURCOP", "A German journalist")


@pytest.mark.parametrize("text, source, target", [
    ("Kenyan police launched an investigation into alleged abuses committed by Somali troops against refugees.",
     "Kenyan police", "Somali troops"),
    ("Prosecutors are investigating crimes committed by Serbian police in Kosovo.", "Prosecutors", "Serbian police"),
    ("The UN opened an inquiry into killings by Ethiopian troops.", "UN", "Ethiopian troops"),
    ("The UN launched an inquiry into allegations by rights groups that Sudanese troops had attacked civilians.",
     "UN", "Sudanese troops"),
])
def test_an_investigation_looks_into_whoever_did_the_act(coder, text, source, target):
    accusations = [(e.source.text, e.target.text, e.mode) for e in of_type(coded(coder, text), "ACCUSE")]
    assert accusations == [(source, target, "investigate")]
