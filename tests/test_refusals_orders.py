"""Refused offers and acts, refusals despite pressure, ordered deployments and people who belong to
an actor, on sentences we wrote (PLOVER manual: REJECT, MOBILIZE "requires recipient: no")."""
from __future__ import annotations

from conftest import event_rows


events_of = event_rows


def types(evs):
    return {e[0] for e in evs}


# --- what is refused or opposed is not an event ------------------------------------------------

def test_talks_offered_in_a_rejected_offer_are_not_coded(coder):
    evs = events_of(coder, "Egypt rejected an offer from Ethiopia for direct negotiations with Sudan.")
    assert [e[:3] for e in evs] == [("REJECT", "Egypt", "Ethiopia")]


def test_rejecting_a_proposal_without_author_answers_the_one_it_was_for(coder):
    evs = events_of(coder, "Serbia rejected a proposal for negotiations with Kosovo.")
    assert [e[:3] for e in evs] == [("REJECT", "Serbia", "Kosovo")]


def test_opposed_mediation_goes_to_the_mediator_and_its_talks_are_not_coded(coder):
    evs = events_of(coder, "Morocco is opposed to Spanish mediation in peace talks with Algeria.")
    assert [e[:3] for e in evs] == [("REJECT", "Morocco", "Spanish")]


def test_refused_assistance_to_a_led_war_answers_its_leader_and_the_war_is_not_coded(coder):
    evs = events_of(coder, "The Jordanian government refused to commit to any military support for the "
                           "Saudi-led campaign against Yemen.")
    assert ("REJECT", "The Jordanian government", "Saudi") in [e[:3] for e in evs]
    assert "ASSAULT" not in types(evs)


def test_a_clause_inside_the_refused_act_still_happened(coder):
    evs = events_of(coder, "Georgia refused to hold talks with the rebels who attacked Russia.")
    assert "ASSAULT" in types(evs)
    assert "CONSULT" not in types(evs)


# --- refusing despite pressure -----------------------------------------------------------------

def test_declining_to_resign_despite_pressure_rejects_the_pressers(coder):
    evs = events_of(coder, "Prime Minister Imran Khan declined to resign despite mounting pressure by the Pakistani army.")
    assert ("REJECT", "Prime Minister Imran Khan", "the Pakistani army") in [e[:3] for e in evs]


def test_refusing_despite_calls_and_in_spite_of_demands(coder):
    calls = events_of(coder, "President Hosni Mubarak refused to step down despite calls from the Egyptian opposition.")
    demands = events_of(coder, "Israel rejected the plan in spite of demands by the United States.")
    assert ("REJECT", "President Hosni Mubarak", "the Egyptian opposition") in [e[:3] for e in calls]
    assert ("REJECT", "Israel", "United States") in [e[:3] for e in demands]


def test_despite_a_non_pressure_noun_gives_no_recipient(coder):
    evs = events_of(coder, "President Hosni Mubarak refused to step down despite attacks by the Egyptian opposition.")
    assert not any(e[0] == "REJECT" and e[2] == "the Egyptian opposition" for e in evs)


# --- orders to deploy are mobilizations --------------------------------------------------------

def test_ordered_deployment_is_the_orderers_mobilization(coder):
    evs = events_of(coder, "The Israeli government ordered the deployment of troops to Lebanon.")
    assert [e[:4] for e in evs] == [("MOBILIZE", "The Israeli government", "Lebanon", "occurred")]
    assert evs[0][4] == "troops"


def test_ordered_patrols_are_a_mobilization_without_a_recipient(coder):
    evs = events_of(coder, "The Pakistani government ordered patrols by police and paramilitary soldiers after violent protests.")
    assert [e[:3] for e in evs] == [("MOBILIZE", "The Pakistani government", None)]
    assert "REQUEST" not in types(evs)


def test_troops_ordered_into_a_country_mobilize_against_it(coder):
    evs = events_of(coder, "President Putin ordered troops into Ukraine.")
    assert [e[:3] for e in evs] == [("MOBILIZE", "President Putin", "Ukraine")]


def test_an_order_to_act_stays_a_request(coder):
    evs = events_of(coder, "President Bush ordered the Pentagon to attack Iraq.")
    assert ("REQUEST", "President Bush", "Pentagon") in [e[:3] for e in evs]
    assert "MOBILIZE" not in types(evs)


# --- people who belong to an actor stand for it ------------------------------------------------

def test_workers_affiliated_with_a_named_group_act_for_it(coder):
    evs = events_of(coder, "Thousands of students affiliated with the Muslim Brotherhood went on strike "
                           "against the Egyptian government.")
    assert ("PROTEST", "Muslim Brotherhood", "the Egyptian government") in [e[:3] for e in evs]


def test_troops_loyal_to_a_leader_act_for_him(coder):
    evs = events_of(coder, "Soldiers loyal to President Laurent Gbagbo shelled Ivorian rebels.")
    assert any(e[0] == "ASSAULT" and e[1] == "President Laurent Gbagbo" for e in evs)


def test_a_demonym_on_the_group_is_not_its_owner(coder):
    evs = events_of(coder, "Thousands of workers affiliated with the Polish Solidarity union went on strike "
                           "against the government.")
    assert not any(e[1] == "Polish" for e in evs)


def test_refusing_progress_in_talks_leaves_the_talks_held(coder):
    evs = events_of(coder, "Armenia and Azerbaijan have refused to make progress in talks.")
    assert ("CONSULT", "Armenia", "Azerbaijan") in [e[:3] for e in evs]


def test_refusing_to_take_part_in_a_summit_is_no_meeting(coder):
    evs = events_of(coder, "Qatar refused to take part in a summit of Arab leaders in Egypt.")
    assert "CONSULT" not in types(evs)
    assert ("REJECT", "Qatar", "Egypt") in [e[:3] for e in evs]


def test_an_ally_is_not_the_actor_it_is_allied_to(coder):
    evs = events_of(coder, "Militiamen allied with the Syrian government attacked Kurdish fighters.")
    assert not any(e[0] == "ASSAULT" and e[1] == "the Syrian government" for e in evs)


def test_no_longer_negates_like_not(coder):
    # "no" hangs on "longer", not on the verb; the promise is a refusal all the same
    evs = events_of(coder, "The Cook Islands government said it would no longer meet the Andorran government's demand.")
    assert [e[:4] for e in evs] == [("REJECT", "The Cook Islands government", "the Andorran government", "occurred")]
    evs = events_of(coder, "Kenya no longer supplies arms to the Somali rebels.")
    assert [e[3] for e in evs if e[0] == "AID"] == ["negated"], evs
