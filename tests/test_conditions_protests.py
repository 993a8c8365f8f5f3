"""Conditional threats, protest recipients, meeting demands and mutual agreements, on sentences
we wrote (PLOVER manual: Auxiliary modes, THREATEN, PROTEST, CONCEDE, REJECT, AGREE)."""
from __future__ import annotations

from conftest import event_rows


events_of = event_rows


def types(evs):
    return {e[0] for e in evs}


# --- a harmful act on a condition is a threat ---------------------------------------------------

def test_boycott_unless_a_condition_is_a_threat_to_the_one_it_is_put_to(coder):
    evs = events_of(coder, "Kenya's main opposition party said it will boycott the elections unless the Kenyan president resigns.")
    assert ("THREATEN", "Kenya's main opposition party", "the Kenyan president", "occurred", "restrict") in evs
    assert "PROTEST" not in types(evs)


def test_halting_talks_if_a_condition_holds_is_a_threat_to_the_partner(coder):
    evs = events_of(coder, "The Zimbabwean teachers' union may halt talks with the education ministry if salaries are cut.")
    threats = [e for e in evs if e[0] == "THREATEN"]
    assert threats and threats[0][2] == "education ministry" and threats[0][3] == "occurred"
    assert threats[0][4] == "relations"
    assert not types(evs) & {"SANCTION", "CONSULT"}


def test_in_case_marks_a_condition_too(coder):
    evs = events_of(coder, "Hamas will resume rocket fire in case Israel storms the mosque.")
    assert ("THREATEN", "Hamas", "Israel", "occurred", "violence") in evs


def test_the_act_inside_the_condition_is_not_the_threat(coder):
    evs = events_of(coder, "Chad could expel French diplomats if Paris cuts its aid, a minister in N'Djamena said.")
    assert "THREATEN" in types(evs)
    evs = events_of(coder, "Greece will respond if Turkey attacks.")
    assert ("THREATEN", "Turkey", "Greece", "occurred", "violence") not in evs


def test_an_unconditional_plan_stays_the_act(coder):
    evs = events_of(coder, "Iran is preparing a strike on Israel.")
    assert ("ASSAULT", "Iran", "Israel", "anticipated", None) in [e[:4] + (None,) for e in evs]
    assert "THREATEN" not in types(evs)


def test_others_saying_an_actor_may_act_on_a_condition_is_no_threat(coder):
    evs = events_of(coder, "Analysts said Serbia could attack Kosovo if talks fail.")
    assert "THREATEN" not in types(evs)


def test_a_state_is_not_threatened_through_its_own_soldiers(coder):
    evs = events_of(coder, "Israel warned it would act if its soldiers were harmed.")
    assert not [e for e in evs if e[0] == "THREATEN" and e[2] and "soldiers" in e[2]]


def test_warning_that_own_police_will_act_threatens_whom_they_act_against(coder):
    evs = events_of(coder, "The Kenyan interior minister warned that police will no longer tolerate rallies by the opposition.")
    threats = [e for e in evs if e[0] == "THREATEN"]
    assert threats and {e[2] for e in threats} == {"opposition"}
    evs = events_of(coder, "The Kenyan interior minister warned that police will arrest opposition leaders who organise rallies.")
    assert ("THREATEN", "The Kenyan interior minister", "opposition leaders", "occurred", "arrest") in evs


# --- protest recipients ------------------------------------------------------------------------

def test_a_protest_purpose_outranks_the_place_of_the_protest(coder):
    evs = events_of(coder, "Kenyan farmers began a hunger strike outside parliament to demand the return of land seized by government forces.")
    protests = [e for e in evs if e[0] == "PROTEST"]
    assert protests and protests[0][2] == "government forces"
    assert "REQUEST" not in types(evs)


def test_a_protest_recipient_from_whom_demands_are_pressed(coder):
    evs = events_of(coder, "Kenyan students held rallies to press their demands for reform from the government.")
    assert [e for e in evs if e[0] == "PROTEST" and e[2] == "government"]


def test_the_author_of_the_protested_thing_is_the_recipient(coder):
    evs = events_of(coder, "Nigerian workers stopped work over a bill signed by the Nigerian finance minister.")
    assert [e for e in evs if e[0] == "PROTEST" and e[1] == "Nigerian workers" and e[2] == "the Nigerian finance minister"]
    evs = events_of(coder, "Ghanaian traders protested against new taxes imposed by the finance ministry.")
    assert [e for e in evs if e[0] == "PROTEST" and e[2] == "finance ministry"]


def test_a_named_protest_recipient_is_kept(coder):
    evs = events_of(coder, "Kenyan teachers protested against the government over a bill signed by the finance minister.")
    assert [e for e in evs if e[0] == "PROTEST" and e[2] == "government"]


# --- meeting demands ---------------------------------------------------------------------------

def test_meeting_demands_is_a_concession_to_those_who_made_them(coder):
    evs = events_of(coder, "The Kenyan government met the demands of the protesters.")
    assert ("CONCEDE", "The Kenyan government", "protesters") in [e[:3] for e in evs]
    assert not types(evs) & {"CONSULT", "AGREE"}
    # agreeing to meet them is a promise: AGREE to the same recipient (conventions "annotated")
    evs = events_of(coder, "The Kenyan government agreed to meet the demands of the protesters.")
    assert [e[:3] for e in evs] == [("AGREE", "The Kenyan government", "protesters")]


def test_meeting_a_deadline_set_by_someone_concedes_to_them(coder):
    evs = events_of(coder, "The Kenyan government met the deadline set by the IMF.")
    assert ("CONCEDE", "The Kenyan government", "IMF") in [e[:3] for e in evs]


def test_not_meeting_demands_rejects_those_who_made_them(coder):
    for text in ("The Kenyan government said it would not meet the demands of the protesters.",
                 "The Kenyan president refused to meet the protesters' demands."):
        evs = events_of(coder, text)
        assert [e for e in evs if e[0] == "REJECT" and e[2] == "protesters"], text
        assert not types(evs) & {"CONSULT", "CONCEDE"}, text


def test_meeting_a_person_is_still_a_meeting(coder):
    evs = events_of(coder, "The Kenyan president met the Ugandan foreign minister on Monday.")
    assert "CONSULT" in types(evs)


# --- mutual agreements -------------------------------------------------------------------------

def test_coordinated_actors_agreeing_agree_with_each_other(coder):
    for text in ("Ethiopia and Eritrea have agreed to restore diplomatic ties.",
                 "Serbia and Kosovo agreed on a plan to normalise relations."):
        pairs = {(e[1], e[2]) for e in events_of(coder, text) if e[0] == "AGREE"}
        first, second = text.split(" and ")[0], text.split(" and ")[1].split()[0]
        assert {(first, second), (second, first)} <= pairs, text


def test_coordinated_signatories_support_each_other(coder):
    pairs = {(e[1], e[2]) for e in events_of(coder, "Sudan and South Sudan signed a border deal on Tuesday.") if e[0] == "SUPPORT"}
    assert {("Sudan", "South Sudan"), ("South Sudan", "Sudan")} <= pairs


def test_collecting_signatures_is_a_protest(coder):
    evs = events_of(coder, "Lithuanian farmers collected signatures against the government's land reform.")
    assert [e[:3] for e in evs] == [("PROTEST", "Lithuanian farmers", "government")], evs
    assert events_of(coder, "Lithuanian farmers collected the harvest in the government's fields.") == []


def test_what_protesters_say_they_demand_is_the_protests_topic(coder):
    # PLOVER PROTEST: the topic of a protest (typically a REQUEST) is not a separate event
    evs = events_of(coder, "Thousands of students marched in Dhaka, saying the prime minister must resign.")
    assert [e[:3] for e in evs] == [("PROTEST", "students", "prime minister")], evs
    evs = events_of(coder, "The students said that the prime minister must resign.")
    assert [e[0] for e in evs] == ["REQUEST"], evs
