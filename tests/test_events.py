"""Event coder behaviour on sentences we wrote: arguments, type, status, threats, pairs."""
from __future__ import annotations

import pytest

from flashpoint.model import Document


def events_of(coder, text, published="2024-04-11"):
    coded = coder(Document(id="t", text=text, published=published))
    return [(e.type, e.source.text, e.target.text, e.status) for e in coded.events], coded


def test_active_and_passive_voice_give_the_same_direction(coder):
    active, _ = events_of(coder, "Syria shelled Turkey on Monday.")
    passive, _ = events_of(coder, "Turkey was shelled by Syria on Monday.")
    assert ("ASSAULT", "Syria", "Turkey", "occurred") in active
    assert ("ASSAULT", "Syria", "Turkey", "occurred") in passive


def test_nominal_trigger_takes_source_from_governing_verb_and_is_anticipated(coder):
    evs, _ = events_of(coder, "Russia is preparing to launch a large offensive against Ukraine.")
    assert ("ASSAULT", "Russia", "Ukraine", "anticipated") in evs


def test_possessive_source_on_a_noun(coder):
    evs, _ = events_of(coder, "Venezuela's seizure of Guyana's oil platform angered the region.")
    assert any(t == "COERCE" and s == "Venezuela" for t, s, _, _ in evs)


def test_coordinated_targets_give_one_event_each_sharing_a_mention(coder):
    evs, coded = events_of(coder, "The French foreign minister held talks with Egypt, Jordan and Qatar on Tuesday.")
    targets = {t for ty, _, t, _ in evs if ty == "CONSULT"}
    assert {"Egypt", "Jordan", "Qatar"} <= targets
    mentions = {e.mention_id for e in coded.events if e.type == "CONSULT"}
    assert len(mentions) == 1


def test_vow_is_one_threaten_event_and_no_assault(coder):
    evs, _ = events_of(coder, "North Korea vowed to strike South Korea if the drills continue.")
    types = [t for t, *_ in evs]
    assert "THREATEN" in types
    assert "ASSAULT" not in types


def test_modal_could_is_hypothetical(coder):
    evs, _ = events_of(coder, "Analysts said Serbia could attack Kosovo.")
    assert any(t == "ASSAULT" and st == "hypothetical" for t, _, _, st in evs)


def test_negation_marks_event_negated(coder):
    evs, _ = events_of(coder, "Ethiopia did not attack Eritrea last week.")
    assert evs and all(st == "negated" for t, _, _, st in evs if t == "ASSAULT")


def test_habitual_background_yields_no_occurred_event(coder):
    evs, _ = events_of(coder, "Indian officials typically meet Pakistani officials through intermediaries.")
    assert not [e for e in evs if e[3] == "occurred"]


def test_future_cooperation_is_agree(coder):
    evs, _ = events_of(coder, "Japan will provide emergency aid to the Philippines.")
    assert any(t == "AGREE" and s == "Japan" for t, s, _, _ in evs)


def test_reciprocal_agreement_gives_both_directions(coder):
    evs, _ = events_of(coder, "Armenia and Azerbaijan agreed to exchange prisoners.")
    pairs = {(s, t) for ty, s, t, _ in evs if ty == "AGREE"}
    assert ("Armenia", "Azerbaijan") in pairs and ("Azerbaijan", "Armenia") in pairs


def test_event_records_carry_scores_and_offsets(coder):
    text = "Pakistan launched air strikes on Afghanistan on Sunday."
    _, coded = events_of(coder, text)
    assert coded.events
    for e in coded.events:
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert text[e.source.start:e.source.end] == e.source.text
        assert e.quad in (1, 2, 3, 4) and -10 <= e.intensity <= 10


def test_same_text_gives_same_ids(coder):
    text = "Colombia accused Venezuela of sheltering rebels."
    _, a = events_of(coder, text)
    _, b = events_of(coder, text)
    assert [e.id for e in a.events] == [e.id for e in b.events] and a.events


def test_denying_a_claim_negates_it_and_rejects_nobody(coder):
    evs, _ = events_of(coder, "Uganda denied arming the rebels in Sudan.")
    assert not [e for e in evs if e[0] == "REJECT"]
    assert all(st == "negated" for _, _, _, st in evs)


def test_requested_action_is_folded_into_the_request(coder):
    evs, _ = events_of(coder, "Germany urged Serbia to withdraw its troops from Kosovo.")
    assert ("REQUEST", "Germany", "Serbia", "occurred") in evs
    assert not [e for e in evs if e[0] in ("RETREAT", "SANCTION")]


def test_must_under_a_speaker_is_a_demand(coder):
    evs, _ = events_of(coder, "Egypt said Ethiopia must halt the filling of the dam.")
    assert any(t == "REQUEST" and s == "Egypt" and tg == "Ethiopia" for t, s, tg, _ in evs)


def test_posing_a_threat_is_not_a_threat_event(coder):
    evs, _ = events_of(coder, "Officials said Venezuela poses a threat to Guyana.")
    assert not [e for e in evs if e[0] == "THREATEN"]


def test_attack_in_an_adjunct_has_no_inferred_attacker(coder):
    evs, _ = events_of(coder, "In the wake of the bombing of a market in Kabul, Pakistani leaders issued warnings.")
    assert not [e for e in evs if e[0] == "ASSAULT" and e[1].startswith("Pakistani")]


def test_actor_promising_its_own_strike_is_a_threat(coder):
    evs, _ = events_of(coder, "India's defence minister said India would strike Pakistan if attacked again.")
    assert any(t == "THREATEN" and tg == "Pakistan" for t, _, tg, _ in evs)
    assert not [e for e in evs if e[0] == "ASSAULT"]


def test_accused_action_is_folded_into_the_accusation(coder):
    evs, _ = events_of(coder, "Colombia accused Venezuela of shelling border villages.")
    assert ("ACCUSE", "Colombia", "Venezuela", "occurred") in evs
    assert not [e for e in evs if e[0] == "ASSAULT"]


def test_newsroom_non_answers_are_not_events(coder):
    evs, _ = events_of(coder, "Kenya's foreign ministry declined to comment and did not respond to a request for comment.")
    assert evs == []


def test_relative_pronoun_stands_for_its_antecedent(coder):
    evs, _ = events_of(coder, "The Houthis, who are backed by Iran, fired missiles at ships.")
    assert ("SUPPORT", "Iran", "Houthis", "occurred") in evs


def test_a_users_lexicon_adds_a_trigger(tmp_path):
    from flashpoint.pipeline import CodeOptions, Coder

    text = "Chile snubbed Peru at the summit."
    lex = tmp_path / "mine.yaml"
    lex.write_text("REJECT:\n  verbs: [snub]\n", encoding="utf-8")
    plain = [e.type for e in Coder()(Document(id="a", text=text)).events]
    mine = [e.type for e in Coder(options=CodeOptions(lexicon_files=(str(lex),)))(Document(id="a", text=text)).events]
    assert "REJECT" in mine and mine != plain or "REJECT" in mine


def test_a_broken_user_lexicon_says_what_to_fix(tmp_path):
    from flashpoint.errors import DataFileError
    from flashpoint.events.lexicon import TriggerLexicon

    lex = tmp_path / "bad.yaml"
    lex.write_text("ATTACKS:\n  verbs: [smash]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not a PLOVER type"):
        TriggerLexicon.load(extra=[lex])


def test_raised_subject_of_a_passive_expectation(coder):
    evs, _ = events_of(coder, "Iran is expected to attack Israel within days.")
    assert ("ASSAULT", "Iran", "Israel", "anticipated") in evs


def test_demand_names_the_actor_asked_to_act(coder):
    evs, _ = events_of(coder, "The African Union repeated its demand that Sudan end the siege of El Fasher.")
    assert any(t == "REQUEST" and tg == "Sudan" for t, _, tg, _ in evs)
    assert not [e for e in evs if e[0] in ("COERCE", "RETREAT", "SANCTION")]


def test_stative_participle_keeps_its_subject_as_actor(coder):
    evs, _ = events_of(coder, "Turkey is opposed to Swedish membership talks with Russia.")
    assert any(t == "REJECT" and s == "Turkey" for t, s, _, _ in evs)


def test_refusing_an_agreement_is_a_rejection(coder):
    evs, _ = events_of(coder, "Hungary said it would not accept the European Union's demands.")
    assert any(t == "REJECT" for t, *_ in evs)
    assert not [e for e in evs if e[0] in ("AGREE", "CONCEDE")]


def test_a_protest_takes_the_recipient_of_its_purpose(coder):
    evs, _ = events_of(coder, "Israeli students staged a hunger strike to demand the resignation of Prime Minister Benjamin Netanyahu.")
    assert any(t == "PROTEST" and "Netanyahu" in tg for t, _, tg, _ in evs)
    assert not [e for e in evs if e[0] == "REQUEST"]


def test_withholding_aid_is_a_sanction(coder):
    evs, _ = events_of(coder, "The United States prohibited all aid to the Myanmar junta on Monday.")
    assert any(t == "SANCTION" for t, *_ in evs)
    assert not [e for e in evs if e[0] in ("AID", "AGREE")]


def test_event_in_a_causal_adjunct_is_not_the_subjects(coder):
    evs, _ = events_of(coder, "Russia closed its border with Georgia because of fighting between Ossetians and Georgians.")
    assert not [e for e in evs if e[0] == "ASSAULT" and e[1] == "Russia"]


def test_drills_near_a_rival_are_a_show_of_force_and_joint_drills_cooperation(coder):
    alone, _ = events_of(coder, "Chinese warships conducted live-fire drills near Taiwan on Saturday.")
    joint, _ = events_of(coder, "Russia held naval drills with China in the Sea of Japan.")
    assert any(t == "MOBILIZE" and tg == "Taiwan" for t, _, tg, _ in alone)
    assert any(t == "COOPERATE" and s == "Russia" and tg == "China" for t, s, tg, _ in joint)


def test_a_conditional_warning_is_addressed_to_the_conditions_subject(coder):
    evs, _ = events_of(coder, "Turkey's foreign ministry warned that it would respond if Greek ships entered the area.")
    assert any(t == "THREATEN" and s.startswith("Turkey") and "Greek" in tg for t, s, tg, _ in evs)


def test_co_hosts_of_talks_are_not_consulting_each_other(coder):
    evs, _ = events_of(coder, "Egypt and Qatar have been hosting ceasefire talks between the two sides.")
    assert not [e for e in evs if e[0] == "CONSULT" and {e[1], e[2]} == {"Egypt", "Qatar"}]


def test_called_on_x_to_act_makes_x_the_one_acting(coder):
    evs, _ = events_of(coder, "Hamas called on Egypt to pressure Israel to halt its offensive.")
    assert ("REQUEST", "Hamas", "Egypt", "occurred") in evs
    assert any(t == "REQUEST" and s == "Egypt" and tg == "Israel" for t, s, tg, _ in evs)


def test_weapons_named_with_a_demonym_stand_for_their_side(coder):
    evs, _ = events_of(coder, "Russian missiles struck Ukraine's power grid overnight.")
    assert any(t == "ASSAULT" and s == "Russian" and tg == "Ukraine" for t, s, tg, _ in evs)


def test_a_city_where_something_happens_is_not_its_recipient(coder):
    evs, _ = events_of(coder, "Thousands of protesters marched in Tbilisi against the new law.")
    assert not [e for e in evs if e[2] == "Tbilisi"]


def test_a_conjoined_verbs_object_is_not_borrowed(coder):
    evs, _ = events_of(coder, "Tehran rejected the measures and summoned the German ambassador.")
    assert not [e for e in evs if e[0] == "REJECT" and "ambassador" in e[2]]


def test_an_unclaimed_attack_is_coded_when_its_victim_answers_and_its_culprit_is_blamed(coder):
    text = ("After the bombing of an embassy compound in Kabul, Pakistani leaders issued warnings, "
            "vowing to respond. Pakistan's army chief said India would pay for its role in the attack.")
    evs, coded = events_of(coder, text)
    inferred = [e for e in coded.events if e.type == "ASSAULT" and e.status == "occurred"]
    assert inferred and inferred[0].source.country == "IND" and inferred[0].target.country == "PAK"
    assert inferred[0].confidence < 0.5


def test_an_unclaimed_attack_without_blame_stays_uncoded(coder):
    text = ("After the bombing of an embassy compound in Kabul, Pakistani leaders issued warnings, "
            "vowing to respond.")
    _, coded = events_of(coder, text)
    assert not [e for e in coded.events if e.type == "ASSAULT" and e.status == "occurred"]


def test_seed_article_damascus_strike_is_coded_and_located_in_syria(coder):
    from conftest import shared_path

    text = shared_path("data", "seed", "article.txt").read_text(encoding="utf-8")
    coded = coder(Document(id="seed", text=text, published="2024-04-11"))
    occurred = [e for e in coded.events if e.type == "ASSAULT" and e.status == "occurred"]
    assert any(e.source.country == "ISR" and e.target.country == "IRN" and e.location is not None
               and e.location.country == "SYR" for e in occurred)


def test_blocking_a_statement_and_reneging_on_a_pledge_are_rejections(coder):
    blocked, _ = events_of(coder, "Hungary blocked an EU statement on Ukraine.")
    reneged, _ = events_of(coder, "Ghana's president reneged on his commitment to Togo.")
    assert any(t == "REJECT" and s == "Hungary" for t, s, _, _ in blocked)
    assert any(t == "REJECT" for t, *_ in reneged) and not [e for e in reneged if e[0] == "SUPPORT"]


def test_contexts_come_from_the_type_and_the_sentence(coder):
    _, coded = events_of(coder, "Iran threatened to expand uranium enrichment if Britain imposed new sanctions.")
    contexts = {c for e in coded.events for c in e.context}
    assert "cbrn" in contexts


def test_context_cue_file_is_valid_plover():
    from flashpoint.events.lexicon import context_cues

    plover_contexts = {"military", "intelligence", "executive", "legislative", "election", "political_institutions",
                       "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
                       "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
                       "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
                       "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
                       "misinformation", "crime", "corruption", "illegal_drugs", "trafficking"}
    assert set(context_cues()) <= plover_contexts


def test_requested_event_noun_names_its_actor_not_its_origin(coder):
    evs, _ = events_of(coder, "NATO ministers demanded the withdrawal of Russian troops from Moldova on Friday.")
    request_targets = {t for ty, _, t, _ in evs if ty == "REQUEST"}
    assert any("Russian" in t for t in request_targets)
    assert "Moldova" not in request_targets


def test_demand_addressed_through_a_by_phrase(coder):
    evs, _ = events_of(coder, "Kenyan lawmakers demanded an apology by Uganda for the border incident.")
    assert any(ty == "REQUEST" and t == "Uganda" for ty, _, t, _ in evs)


def test_protest_with_a_that_clause_is_a_spoken_accusation(coder):
    evs, _ = events_of(coder, "Greece protested that Turkish jets had violated its airspace.")
    assert any(ty == "ACCUSE" and s == "Greece" and "Turkish" in t for ty, s, t, _ in evs)
    street, _ = events_of(coder, "Thousands of Greek students protested against Turkey outside the embassy.")
    assert all(ty != "ACCUSE" for ty, *_ in street)


def test_statement_participle_speaks_for_its_issuer(coder):
    evs, _ = events_of(coder, "The Arab League issued a statement urging Israel to halt settlement building.")
    assert any(ty == "REQUEST" and "Arab League" in s and t == "Israel" for ty, s, t, _ in evs)


def test_compound_act_on_a_carrier_noun_is_the_trigger(coder):
    evs, _ = events_of(coder, "Jordan sent an aid convoy to Gaza on Tuesday.")
    assert any(ty == "AID" and s == "Jordan" for ty, s, _, _ in evs)


def test_undertaking_a_mission_is_done_not_promised(coder):
    evs, _ = events_of(coder, "Qatar undertook a mediation mission between Israel and Hamas last week.")
    assert not any(ty == "AGREE" for ty, *_ in evs)
    promised, _ = events_of(coder, "Qatar undertook to mediate between Israel and Hamas.")
    assert all(ty != "CONSULT" or st != "occurred" for ty, _, _, st in promised)


def test_secretary_general_is_a_civilian_title(coder):
    coded = coder(Document(id="t", text="NATO Secretary General Jens Stoltenberg met Turkish officials.",
                           published="2020-01-10"))
    sources = [e.source for e in coded.events]
    assert sources and all(s.sector != "MIL" for s in sources)


def test_us_as_a_modifier_is_the_country_not_the_speaker(coder):
    evs, _ = events_of(coder, "Israel has agreed to US mediation in the talks with Lebanon, an Israeli official said.")
    assert any(ty == "AGREE" and s == "Israel" and t == "US" for ty, s, t, _ in evs)


def test_named_recipient_beats_an_apposed_bare_noun(coder):
    evs, _ = events_of(coder, "Chad was still refusing entry to Sudanese refugees, the biggest group involved.")
    assert any(ty == "REJECT" and "Sudanese" in t for ty, _, t, _ in evs)


def test_stative_passive_engaged_in_an_act(coder):
    evs, _ = events_of(coder, "Militia fighters were engaged in ethnic cleansing against the Rohingya population.")
    assert any(ty == "ASSAULT" and "Militia" in s and "Rohingya" in t for ty, s, t, _ in evs)


def test_committing_crimes_is_not_support(coder):
    evs, _ = events_of(coder, "Police investigated crimes committed by Croat forces against Serb civilians.")
    assert not any(ty == "SUPPORT" for ty, *_ in evs)


def test_led_forces_and_held_places_stand_for_their_sides(coder):
    evs, _ = events_of(coder, "Ethiopian-led forces shelled Somali militia positions near the border.")
    assert any(ty == "ASSAULT" and s == "Ethiopian" and "Somali" in t for ty, s, t, _ in evs)


def test_weapon_named_by_a_side_through_a_compound(coder):
    evs, _ = events_of(coder, "French Rafale strikes destroyed two Libyan tanks near Benghazi.")
    assert any(ty == "ASSAULT" and s == "French" for ty, s, _, _ in evs)


def test_taking_ground_is_assault_taking_people_is_coerce(coder):
    ground, _ = events_of(coder, "Syrian troops captured a Kurdish rebel stronghold near the border.")
    people, _ = events_of(coder, "Syrian police captured two Kurdish rebels in Aleppo.")
    assert any(ty == "ASSAULT" for ty, *_ in ground)
    assert any(ty == "COERCE" for ty, *_ in people) and not any(ty == "ASSAULT" for ty, *_ in people)


def test_promised_cooperation_by_the_speaker_is_agree_occurred(coder):
    evs, _ = events_of(coder, "Iran said it would hold talks with the IAEA.")
    assert any(ty == "AGREE" and s == "Iran" and st == "occurred" for ty, s, _, st in evs)


def test_a_done_retreat_stays_retreat(coder):
    # (announced ones: tests/test_conventions.py)
    done, _ = events_of(coder, "Iran allowed IAEA inspectors to return on Monday.")
    assert any(ty == "RETREAT" for ty, *_ in done)


def test_signing_an_agreement_is_support_promising_to_sign_is_agree(coder):
    signed, _ = events_of(coder, "Chile and Peru signed a fisheries agreement on Monday.")
    promised, _ = events_of(coder, "Chile said it will sign a fisheries agreement with Peru.")
    assert any(ty == "SUPPORT" for ty, *_ in signed) and not any(ty == "AGREE" for ty, *_ in signed)
    assert any(ty == "AGREE" for ty, *_ in promised)


def test_refused_action_folds_into_the_refusal(coder):
    evs, _ = events_of(coder, "Egypt has refused to deploy troops in Libya and has urged its citizens to leave.")
    assert any(ty == "REJECT" and s == "Egypt" for ty, s, _, _ in evs)
    assert not any(ty == "MOBILIZE" for ty, *_ in evs)
    assert any(ty == "REQUEST" for ty, *_ in evs)  # the conjoined request was not refused


def test_led_war_is_the_leaders_act(coder):
    evs, _ = events_of(coder, "Spain condemned the Saudi-led war against the Houthis in Yemen.")
    assert any(ty == "ASSAULT" and s == "Saudi" for ty, s, _, _ in evs)


def test_welcoming_a_statement_is_support(coder):
    evs, _ = events_of(coder, "The Japanese government welcomed President Lula's latest trade proposal.")
    assert any(ty == "SUPPORT" for ty, *_ in evs) and not any(ty == "CONSULT" for ty, *_ in evs)


def test_evacuating_the_wounded_is_aid(coder):
    evs, _ = events_of(coder, "Jordanian helicopters evacuated the wounded from the Syrian town of Deraa.")
    assert any(ty == "AID" for ty, *_ in evs) and not any(ty == "RETREAT" for ty, *_ in evs)


def test_a_toll_participle_is_not_a_second_attack(coder):
    evs, _ = events_of(coder, "Somali militants shelled the Kenyan town of Mandera, killing about 20 people.")
    assaults = [e for e in evs if e[0] == "ASSAULT"]
    assert assaults and all("people" not in t for _, _, t, _ in assaults)


def test_state_of_emergency_is_not_an_actor(coder):
    evs, _ = events_of(coder, "Ethiopia lifted a state of emergency in the Amhara region.")
    assert all(not t.startswith("state") for _, _, t, _ in evs)


def test_unknown_named_person_is_kept_as_the_recipient(coder):
    evs, _ = events_of(coder, "A Peruvian judge has ordered former minister Aldo Quispeguaman to appear for questioning.")
    assert any(ty == "REQUEST" and "Quispeguaman" in t for ty, _, t, _ in evs)


def test_demand_noun_with_the_clause_on_its_verb(coder):
    evs, _ = events_of(coder, "The WHO repeated its demand today that Israel open the crossings.")
    assert any(ty == "REQUEST" and t == "Israel" for ty, _, t, _ in evs)


def test_citizens_protest_against_their_own_state(coder):
    evs, _ = events_of(coder, "Thousands of Catalan students demonstrated in Barcelona calling for independence from Spain.")
    assert any(ty == "PROTEST" and t == "Spain" for ty, _, t, _ in evs)


def test_resignation_is_coded_without_a_recipient(coder):
    coded = coder(Document(id="t", text="Peruvian President Pedro Castillo resigned on Sunday.", published="2022-12-05"))
    retreats = [e for e in coded.events if e.type == "RETREAT"]
    assert retreats and retreats[0].target is None and retreats[0].mode == "resign"
    unnamed, _ = events_of(coder, "Several officials resigned on Sunday.")
    assert unnamed == []  # nobody named: no event


def test_establishing_ties_is_support_having_them_is_not_an_event(coder):
    restored, _ = events_of(coder, "Morocco and Iran restored diplomatic relations on Monday.")
    standing, _ = events_of(coder, "Morocco has no diplomatic relations with Iran.")
    assert ("SUPPORT", "Morocco", "Iran", "occurred") in restored
    assert standing == []


def test_coordinated_modifiers_of_one_noun_are_both_actors(coder):
    evs, _ = events_of(coder, "U.S. and Russian negotiators met in Geneva on Monday.")
    assert ("CONSULT", "U.S.", "Russian", "occurred") in evs and ("CONSULT", "Russian", "U.S.", "occurred") in evs


def test_returning_somewhere_is_travel_returning_something_is_retreat(coder):
    travel, _ = events_of(coder, "Iranian negotiators returned to Vienna on Monday.")
    handed, _ = events_of(coder, "Iraq returned 20 Kuwaiti prisoners on Monday.")
    assert not any(ty == "RETREAT" for ty, *_ in travel)
    assert any(ty == "RETREAT" and s == "Iraq" for ty, s, _, _ in handed)


def test_agentless_arrest_in_a_country_is_that_states_act(coder):
    coded = coder(Document(id="t", text="A French journalist has been detained in Iran since May.", published="2024-06-01"))
    detained = [e for e in coded.events if e.type == "COERCE"]
    assert detained and detained[0].source.code == "IRNCOP" and detained[0].target.country == "FRA"
    killed, _ = events_of(coder, "Three soldiers were killed in Iraq on Monday.")
    assert killed == []  # anyone may kill: no state is implied


def test_halting_ones_own_offensive_is_a_ceasefire(coder):
    evs, _ = events_of(coder, "Azerbaijan halted its offensive against Armenia on Monday.")
    assert ("RETREAT", "Azerbaijan", "Armenia", "occurred") in evs
    assert not any(ty in ("SANCTION", "ASSAULT") for ty, *_ in evs)
    talks, _ = events_of(coder, "Egypt suspended talks with Israel.")
    assert any(ty == "SANCTION" and t == "Israel" for ty, _, t, _ in talks)


def test_backing_a_process_together_is_not_mutual_support(coder):
    evs, _ = events_of(coder, "The foreign ministers of Russia, Turkey and Iran supported the peace process.")
    assert not any(ty == "SUPPORT" and {s, t} <= {"Russia", "Turkey", "Iran"} for ty, s, t, _ in evs)


def test_unresolved_pronouns_are_never_event_actors(coder):
    evs, _ = events_of(coder, "Activists who call themselves patriots marched, and the country said it welcomed its support.")
    assert all(t not in ("themselves", "its", "it") and s not in ("those", "it") for _, s, t, _ in evs)


def test_agreeing_to_end_ones_fight_is_not_a_threat(coder):
    evs, _ = events_of(coder, "Hamas agreed in talks with Egypt on Sunday to end its fight.")
    assert not any(ty in ("THREATEN", "ASSAULT", "SANCTION") for ty, *_ in evs)


def test_mediation_between_two_parties_consults_both(coder):
    evs, _ = events_of(coder, "Qatar began a mediation mission between Israel and Hamas last week.")
    targets = {t for ty, s, t, _ in evs if ty == "CONSULT" and s == "Qatar"}
    assert {"Israel", "Hamas"} <= targets


def test_directed_to_act_passes_the_act_to_the_one_directed(coder):
    evs, _ = events_of(coder, "The president directed the Japanese navy to assist in the evacuation of Filipino workers.")
    assert any(ty == "AID" and "navy" in s for ty, s, _, _ in evs)
    assert not any(s.startswith("The president") and ty == "AID" for ty, s, _, _ in evs)


def test_a_craft_is_an_actor_only_through_its_side_or_passengers(coder):
    carried, _ = events_of(coder, "A Serbian army jet shot down a helicopter carrying EU truce monitors.")
    seized, _ = events_of(coder, "Sudanese authorities captured a Mi-26 helicopter last week.")
    assert any(ty == "ASSAULT" and t == "EU" for ty, _, t, _ in carried)
    assert not any("helicopter" in t for _, _, t, _ in seized)


def test_agreeing_to_resign_is_agree_with_no_recipient(coder):
    coded = coder(Document(id="t", text="Bolivian President Evo Morales has agreed to resign, his office said.",
                           published="2019-11-10"))
    agrees = [e for e in coded.events if e.type == "AGREE"]
    assert agrees and agrees[0].target is None


def test_counted_days_of_an_act_keep_its_actor(coder):
    evs, _ = events_of(coder, "Greek and Cypriot warships launched ten days of joint exercises on Monday.")
    assert any(ty == "COOPERATE" and s == "Greek" and t == "Cypriot" for ty, s, t, _ in evs)


def test_what_a_mobilization_is_for_is_not_an_event(coder):
    evs, _ = events_of(coder, "Armenia mobilized its reservists for a possible war against Azerbaijan on Friday.")
    assert ("MOBILIZE", "Armenia", "Azerbaijan", "occurred") in evs
    assert not any(ty == "ASSAULT" for ty, *_ in evs)


def test_long_standing_background_is_not_an_occurred_event(coder):
    long_ago, _ = events_of(coder, "Iran has long supported Hezbollah.")
    years, _ = events_of(coder, "Saudi Arabia has funded Sunni militias in Syria for years.")
    news, _ = events_of(coder, "Israel struck Iran for the first time in years.")
    assert long_ago == [] and years == []
    assert ("ASSAULT", "Israel", "Iran", "occurred") in news


def test_a_conjoined_verb_does_not_lend_its_cue(coder):
    evs, _ = events_of(coder, "Japanese officials said they expected more missile tests and urged China to restrain Pyongyang.")
    assert any(ty == "REQUEST" and st == "occurred" for ty, _, _, st in evs)


def test_a_named_treaty_is_not_an_actor(coder):
    evs, _ = events_of(coder, "Chile and Peru agreed to ratify the Lima Fisheries Treaty.")
    assert evs and all("Treaty" not in t for _, _, t, _ in evs)


def test_a_resignation_mentioned_in_passing_is_not_news(coder):
    passing, _ = events_of(coder, "Macron met Draghi for the first time since his resignation.")
    assert not any(ty == "RETREAT" for ty, *_ in passing)


def test_ready_to_act_keeps_the_subject_of_the_adjective(coder):
    evs, _ = events_of(coder, "Kenya is ready to contribute 1,000 police officers to a security mission in Haiti.")
    assert any(ty == "AGREE" and s == "Kenya" for ty, s, _, _ in evs)


def test_violating_an_agreement_is_no_agreement(coder):
    evs, _ = events_of(coder, "Both Armenia and Azerbaijan are guilty of violating the ceasefire agreement.")
    assert not any(ty == "AGREE" for ty, *_ in evs)


def test_imposing_force_is_the_force_not_a_ceasefire(coder):
    blockade, _ = events_of(coder, "Egypt imposed a blockade on Gaza on Monday.")
    assert ("COERCE", "Egypt", "Gaza", "occurred") in blockade
    assert not any(ty == "RETREAT" for ty, *_ in blockade)


def test_a_restriction_on_a_place_names_its_people(coder):
    coded = coder(Document(id="t", text="The junta declared a state of siege in Mali on Saturday.", published="2022-01-10"))
    sieges = [e for e in coded.events if e.type == "COERCE"]
    assert sieges and sieges[0].target.code == "MLICVL"


def test_event_span_keeps_the_title_of_a_named_person(coder):
    # the evidence span is the whole phrase that names the actor, title included
    evs, _ = events_of(coder, "Iraqi officials met U.N. envoy Kofi Annan in Baghdad on Monday.")
    assert ("CONSULT", "Iraqi officials", "U.N. envoy Kofi Annan", "occurred") in evs, evs


def test_lifting_a_restriction_is_a_concession_to_those_it_bore_on(coder):
    evs, _ = events_of(coder, "Fiji has lifted a ban on missionary groups.")
    assert ("CONCEDE", "Fiji", "missionary groups", "occurred") in evs, evs
    evs, _ = events_of(coder, "Egypt lifted the curfew in Alexandria on Monday.")
    assert [t for t, *_ in evs] == ["CONCEDE"], evs  # the curfew is not imposed again


def test_lifting_verbs_need_a_restriction(coder):
    evs, _ = events_of(coder, "The Kenyan minister cancelled the concert in Nairobi.")
    assert evs == []


def test_closing_a_border_restricts_and_closing_an_embassy_sanctions(coder):
    evs, _ = events_of(coder, "Russia closed its borders with Georgia and Azerbaijan on Friday.")
    assert ("COERCE", "Russia", "Georgia", "occurred") in evs and ("COERCE", "Russia", "Azerbaijan", "occurred") in evs
    evs, _ = events_of(coder, "Canada closed its embassy in Tehran.")
    assert ("SANCTION", "Canada", "Tehran", "occurred") in evs, evs
    evs, _ = events_of(coder, "Turkey closed the meeting with Greece early.")
    assert not any(t in ("COERCE", "SANCTION") for t, *_ in evs), evs


def test_a_place_housing_people_stands_for_them(coder):
    evs, _ = events_of(coder, "A camp for Sudanese refugees was attacked by Chadian militiamen.")
    assert ("ASSAULT", "Chadian militiamen", "Sudanese refugees", "occurred") in evs, evs


def test_opening_an_embassy_begins_ties_and_opening_a_border_lets_people_through(coder):
    evs, _ = events_of(coder, "Oman has opened an embassy in Damascus.")
    assert ("SUPPORT", "Oman", "Damascus", "occurred") in evs, evs
    evs, _ = events_of(coder, "Kenya reopened its border with Somalia on Monday.")
    assert ("RETREAT", "Kenya", "Somalia", "occurred") in evs, evs
    evs, _ = events_of(coder, "The Kenyan speaker opened the session with Somalia's envoy present.")
    assert not any(t in ("SUPPORT", "RETREAT") for t, *_ in evs), evs


def test_opening_a_border_to_people_who_fled_gives_them_refuge(coder):
    # asylum is AID in the manual; the same act toward a state or traders stays RETREAT
    evs, _ = events_of(coder, "Tanzania reopened its border to refugees fleeing the fighting in Burundi.")
    assert [e[:2] for e in evs] == [("AID", "Tanzania")], evs
    evs, _ = events_of(coder, "Chad opened its borders to Sudanese civilians driven out of Darfur.")
    assert [e[:3] for e in evs] == [("AID", "Chad", "Sudanese civilians")], evs
    evs, _ = events_of(coder, "Chad opened its border to thousands of Sudanese who fled the fighting in Darfur.")
    assert [e[:3] for e in evs] == [("AID", "Chad", "Sudanese")], evs
    evs, _ = events_of(coder, "Kenya reopened its border to Somali traders.")
    assert [e[0] for e in evs] == ["RETREAT"], evs


def test_seizing_hostages_or_capturing_combatants_is_abduction(coder):
    # PLOVER manual: combatants captured during conflict are ASSAULT abduct, not COERCE arrest
    for text in ("Gunmen seized three French hostages in Niger.", "Troops captured 20 rebels near Goma.",
                 "Rebels captured five Congolese soldiers near Goma."):
        coded = coder(Document(id="t", text=text, published="2024-04-11"))
        assert [(e.type, e.mode) for e in coded.events] == [("ASSAULT", "abduct")], text
    # the police capturing rebels arrest them; troops seizing weapons from rebels seize property
    for text in ("Police captured two rebels in Goma.", "Troops seized weapons from the rebels in Goma."):
        evs, _ = events_of(coder, text)
        assert [e[0] for e in evs] == ["COERCE"], (text, evs)


def test_held_people_are_civilians_of_their_country(coder):
    evs, _ = events_of(coder, "Israel released 500 Palestinian prisoners on Monday.")
    assert ("RETREAT", "Israel", "500 Palestinian prisoners", "occurred") in evs, evs
    coded = coder(Document(id="t", text="Israeli soldiers beat up Palestinian detainees on the West Bank."))
    assert [(e.type, e.target.code) for e in coded.events] == [("ASSAULT", "PSECVL")]


def test_stopping_ones_own_fire_is_a_ceasefire(coder):
    evs, _ = events_of(coder, "The rebels stopped shooting at government troops.")
    assert [e[:4] for e in evs] == [("RETREAT", "rebels", "government troops", "occurred")], evs
    evs, _ = events_of(coder, "The rebels agreed to stop attacks on government troops.")
    assert [e[0] for e in evs] == ["AGREE"], evs  # a promised ceasefire, not a threat
    evs, _ = events_of(coder, "Hamas refused to stop rocket attacks on Israel.")
    assert [e[:3] for e in evs] == [("REJECT", "Hamas", "Israel")], evs
    # stopping someone else's force is not their ceasefire
    evs, _ = events_of(coder, "Bangladesh urged efforts to stop the killing of Rohingyas by Burmese security forces.")
    assert "RETREAT" not in {e[0] for e in evs}, evs


def test_naming_releasing_papers_and_receiving_awards_are_no_events(coder):
    for text in ("Russia calls the new zones a cessation of hostilities.",
                 "Kenya called the Ugandan decision illegal.",
                 "The CDC released the names of three Americans.",
                 "Slovakia had received numerous awards from the European Union."):
        evs, _ = events_of(coder, text)
        assert evs == [], (text, evs)
    assert [e[0] for e in events_of(coder, "Kenya called on Uganda to release the prisoners.")[0]] == ["REQUEST"]
    assert [e[0] for e in events_of(coder, "Hamas released two Israeli hostages.")[0]] == ["RETREAT"]
    assert [e[0] for e in events_of(coder, "The president received the Kenyan envoy on Monday.")[0]] == ["CONSULT"]


def test_offices_shared_borders_and_fights_against_ills_are_no_events(coder):
    for text in ("General Idris, who was in charge of counterterrorism efforts in Nigeria, was killed.",
                 "Greece and Turkey share a long land frontier.",
                 "Tajikistan shares its borders with Afghanistan and Pakistan.",
                 "Mozambique is a key partner in the fight against corruption in South Africa."):
        evs, _ = events_of(coder, text)
        assert evs == [], (text, evs)
    assert [e[0] for e in events_of(coder, "Kenya shares intelligence with Uganda.")[0]] == ["COOPERATE"]
    assert [e[0] for e in events_of(coder, "Nigeria stepped up its fight against Boko Haram.")[0]] == ["ASSAULT"]


def test_pushing_asks_only_when_it_pushes_someone_to_act(coder):
    coded = coder(Document(id="t", text="Kenyan police pushed back the protesters."))
    assert [(e.type, e.mode) for e in coded.events] == [("COERCE", "restrict")]
    assert [e[0] for e in events_of(coder, "The US pushed Iran to accept the deal.")[0]] == ["REQUEST"]
    assert [e[0] for e in events_of(coder, "The UK is pushing hard for the US to support its plan.")[0]] == ["REQUEST"]
    assert events_of(coder, "Clinton travelled to Kenya to push an array of U.S. trade goals.")[0] == []


def test_ending_a_state_of_affairs_is_no_sanction(coder):
    assert events_of(coder, "Jordan ended discrimination against Palestinians.")[0] == []
    assert [e[0] for e in events_of(coder, "Iran ended talks with the IAEA.")[0]] == ["SANCTION"]
    assert [e[0] for e in events_of(coder, "Israel ended its blockade of Gaza.")[0]] == ["RETREAT"]
    # an adjective is no closing: "so close to ISIS-held territory in Iraq"
    assert events_of(coder, "Syrian refugees in Turkey are so close to ISIS-held territory in Iraq.")[0] == []


def test_exchanging_fire_is_fighting_and_exchanging_prisoners_a_retreat(coder):
    assert [e[:3] for e in events_of(coder, "The gunmen exchanged fire with Kenyan police in Nairobi.")[0]] == \
        [("ASSAULT", "gunmen", "Kenyan police")]
    assert {e[:3] for e in events_of(coder, "Kenya and Uganda exchanged prisoners on Monday.")[0]} == \
        {("RETREAT", "Kenya", "Uganda"), ("RETREAT", "Uganda", "Kenya")}
    assert [e[0] for e in events_of(coder, "Kenya exchanged intelligence with Uganda.")[0]] == ["COOPERATE"]


def test_a_slashed_acronym_is_one_name(coder):
    # split at the slash, "SPLM / A" parsed as a coordination and the sentence lost its subject
    assert [t.text for t in coder.nlp("The SPLM/A and the PLO/PA met, and/or talked.")][:5] == \
        ["The", "SPLM/A", "and", "the", "PLO/PA"]
    evs, _ = events_of(coder, "With the signing of a new protocol, the Sudanese government and SPLM/A have "
                              "agreed to allow humanitarian access to all areas.")
    assert {(e[0], e[1], e[2]) for e in evs} >= {("AGREE", "the Sudanese government", "SPLM/A"),
                                                ("AGREE", "SPLM/A", "the Sudanese government")}, evs


def test_an_unnamed_actor_takes_the_name_in_its_apposition(coder):
    evs, _ = events_of(coder, "The foreign minister of Singapore, Vivian Balakrishnan, urged Papua New Guinea "
                              "to cut ties with Malaysia.")
    assert ("REQUEST", "Vivian Balakrishnan", "Papua New Guinea", "occurred") in evs, evs
    evs, _ = events_of(coder, "The Free Syrian Army said it will back his long-time rival, Bashar Assad.")
    assert [e[:3] for e in evs] == [("AGREE", "Free Syrian Army", "Bashar Assad")], evs
    # a place in apposition ("the capital, Kampala") is where, not who
    coded = coder(Document(id="t", text="Kenya's president met his Ugandan counterpart in the capital, Kampala."))
    assert all(e.target.text != "Kampala" for e in coded.events), [e.target.text for e in coded.events]


def test_cutting_is_a_sanction_only_when_an_exchange_is_cut(coder):
    evs, _ = events_of(coder, "The United States cut aid to Kenya on Monday.")
    assert [e[:3] for e in evs] == [("SANCTION", "United States", "Kenya")], evs
    for text in ("Kenya and Uganda committed to reduce their emissions.",
                 "Economic growth in Cuba was curtailed by the United States.",
                 "Kenya cut interest rates on Monday, the IMF said."):
        evs, _ = events_of(coder, text)
        assert "SANCTION" not in {e[0] for e in evs}, (text, evs)


def test_striking_a_deal_attacks_no_one(coder):
    evs, _ = events_of(coder, "The IMF struck a deal with Greece on Monday.")
    assert [e[:3] for e in evs] == [("AGREE", "IMF", "Greece")], evs
    evs, _ = events_of(coder, "Athens approved a bailout deal struck last month by IMF officials.")
    assert "ASSAULT" not in {e[0] for e in evs}, evs
    evs, _ = events_of(coder, "Israeli jets struck Hamas positions in Gaza.")
    assert [e[0] for e in evs] == ["ASSAULT"], evs


def test_a_trailing_complaint_accuses_the_subject_of_the_main_clause(coder):
    # the parser hangs "charged" on an apposition of "Nairobi"; the main clause is the charge
    evs, _ = events_of(coder, "Kenyan police are torturing detainees in Nairobi, the Kenya Human Rights "
                              "Commission charged on Monday.")
    assert ("ACCUSE", "the Kenya Human Rights Commission", "Kenyan police", "occurred") in evs, evs
    evs, _ = events_of(coder, "Kenyan police arrested the editor in Nairobi, the capital of Kenya.")
    assert "ACCUSE" not in {e[0] for e in evs}, evs


def test_recognizing_a_rivals_victory_concedes_to_the_winner(coder):
    evs, _ = events_of(coder, "The ruling party accepted the victory of the opposition in Lagos.")
    assert [e[:2] for e in evs] == [("CONCEDE", "ruling party")] and "opposition" in evs[0][2], evs
    evs, _ = events_of(coder, "Gbagbo refused to recognize Ouattara's victory in the election.")
    assert [e[:3] for e in evs] == [("REJECT", "Gbagbo", "Ouattara")], evs
    evs, _ = events_of(coder, "Kenya recognized Kosovo on Monday.")  # recognizing a state supports it
    assert [e[0] for e in evs] == ["SUPPORT"], evs


def test_phrase_mode_cues_win_over_their_words(coder):
    _, coded = events_of(coder, "A suicide bomber killed ten Afghan policemen in Kabul.")
    assert [e.mode for e in coded.events] == ["suicide-attack"]
    _, coded = events_of(coder, "A car bomb killed five Iraqi soldiers in Mosul on Monday.")
    assert [(e.mode, e.source.code) for e in coded.events] == [("explosives", "IRQUAF")]
    _, coded = events_of(coder, "Russian warplanes bombed Aleppo.")
    assert [e.mode for e in coded.events] == ["aerial"]


def test_a_bare_past_participle_does_not_lend_the_main_subject(coder):
    evs, _ = events_of(coder, "Backed by Russia, Syria attacked rebel positions near Idlib.")
    assert not any(s == "Syria" and t == "SUPPORT" for t, s, _, _ in evs), evs
    evs, _ = events_of(coder, "Chad opened its border to Sudanese refugees ordered out of Libya.")
    assert not any(t == "REQUEST" for t, *_ in evs), evs


def test_lifting_a_blockade_or_sanctions_lets_through_at_once(coder):
    evs, _ = events_of(coder, "The EU lifted its sanctions against Belarus on Monday.")
    assert ("RETREAT", "EU", "Belarus", "occurred") in evs, evs


def test_withdrawing_envoys_or_inspectors_reduces_relations(coder):
    evs, _ = events_of(coder, "Saudi Arabia recalled its ambassador from Qatar.")
    assert ("SANCTION", "Saudi Arabia", "Qatar", "occurred") in evs, evs
    evs, _ = events_of(coder, "Israel withdrew its troops from Lebanon.")
    assert ("RETREAT", "Israel", "Lebanon", "occurred") in evs, evs
    evs, _ = events_of(coder, "Russia pulled its forces out of Georgia.")
    assert ("RETREAT", "Russia", "Georgia", "occurred") in evs, evs


def test_forcing_an_agency_out_of_a_country_expels_it(coder):
    _, coded = events_of(coder, "Sudan kicked out Western aid groups in March.")
    assert [(e.type, e.mode) for e in coded.events] == [("SANCTION", "expel")]


def test_a_place_is_no_second_recipient_beside_its_people(coder):
    evs, _ = events_of(coder, "Israeli jets killed six Lebanese soldiers in an attack on a depot in Tyre.")
    assert [(t, tg) for t, _, tg, _ in evs] == [("ASSAULT", "six Lebanese soldiers")], evs


def test_detonating_bombs_in_a_city_attacks_its_people(coder):
    _, coded = events_of(coder, "Chechen rebels exploded a series of bombs in the capital Grozny.")
    assert [(e.type, e.target.code) for e in coded.events] == [("ASSAULT", "RUSCVL")] or \
        [e.type for e in coded.events] == ["ASSAULT"], [(e.type, e.target.code) for e in coded.events]
    evs, _ = events_of(coder, "The ruling set off a debate in Kenya.")
    assert evs == []


def test_ending_mediation_efforts_is_a_withdrawal_not_a_meeting(coder):
    evs, _ = events_of(coder, "Algerian officers ended mediation efforts between rival Libyan militias on Monday.")
    assert not any(t == "CONSULT" for t, *_ in evs), evs


def test_a_noun_of_saying_lends_its_issuer_as_speaker(coder):
    evs, _ = events_of(coder, "Germany issued a reminder to Serbia that Belgrade must cooperate with NATO monitors.")
    assert not any(t == "COOPERATE" for t, *_ in evs), evs
    assert any(t == "REQUEST" and s == "Germany" and tg == "Serbia" for t, s, tg, _ in evs), evs


def test_a_veto_given_is_not_a_rejection(coder):
    evs, _ = events_of(coder, "Syrian rebels said they would join talks if Russia gave them a veto over the deal.")
    assert not any(t == "REJECT" for t, *_ in evs), evs


def test_a_press_release_releases_no_one(coder):
    evs, _ = events_of(coder, "Rebels attacked the town, according to a press release by the Kenyan army.")
    assert not any(t == "RETREAT" for t, *_ in evs), evs


def test_how_long_a_planned_act_lasts_is_not_background(coder):
    evs, _ = events_of(coder, "Greece plans to impose restrictions on Turkish imports for two years.")
    assert ("SANCTION", "Greece", "Turkish", "anticipated") in evs, evs


def test_coordinated_sides_that_clash_fight_each_other(coder):
    evs, _ = events_of(coder, "Indian troops and Pakistani soldiers clashed near the border on Monday.")
    pairs = {(t, s, tg) for t, s, tg, _ in evs}
    assert ("ASSAULT", "Indian troops", "Pakistani soldiers") in pairs
    assert ("ASSAULT", "Pakistani soldiers", "Indian troops") in pairs
    evs, _ = events_of(coder, "Israeli and Hezbollah forces attacked the town.")
    assert not any(t == "ASSAULT" and s != tg and {s, tg} <= {"Israeli", "Hezbollah"} for t, s, tg, _ in evs), evs


def test_violating_a_truce_is_fighting_but_violating_a_law_is_not(coder):
    evs, _ = events_of(coder, "Armenia violated the ceasefire with Azerbaijan on Sunday.")
    assert ("ASSAULT", "Armenia", "Azerbaijan", "occurred") in evs, evs
    evs, _ = events_of(coder, "Armenia violated the trade law of Azerbaijan.")
    assert not any(t == "ASSAULT" for t, *_ in evs), evs


def test_a_cooperative_act_an_actor_says_it_will_not_do_is_a_refusal(coder):
    evs, _ = events_of(coder, "Hamas said it would not withdraw its fighters from Rafah.")
    assert any(t == "REJECT" and s == "Hamas" and st == "occurred" for t, s, _, st in evs), evs
    evs, _ = events_of(coder, "Hamas did not withdraw its fighters from Rafah.")
    assert not any(t == "REJECT" for t, *_ in evs), evs
