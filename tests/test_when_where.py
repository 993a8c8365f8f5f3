"""When/where: date expressions, the tense rule, publication fallback, offline geocoding."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import shared_path
from flashpoint.analysis_state import Analysis
from flashpoint.model import Actor, Document, Event, SentenceRef, Span
from flashpoint.nlp import load_nlp
from flashpoint.when_where.dates import (find_date_expressions, find_in_text, governing_verb,
                                         resolve_date, tense_of)
from flashpoint.when_where.places import country_code, geocode
from flashpoint.when_where.stage import make_when_where_stage

PUB = dt.date(2024, 4, 11)  # a Thursday


@pytest.mark.parametrize("expression,tense,expected", [
    ("on Wednesday", "past", "2024-04-10"),
    ("on Wednesday", "present", "2024-04-10"),
    ("on Wednesday", "future", "2024-04-17"),
    ("on Thursday", "past", "2024-04-11"),
    ("on Thursday", "future", "2024-04-18"),
    ("last Thursday", "past", "2024-04-04"),
    ("next Monday", "past", "2024-04-15"),
    ("yesterday", "past", "2024-04-10"),
    ("tomorrow", "future", "2024-04-12"),
    ("this weekend", "future", "2024-04-13"),
    ("in the next few days", "future", "2024-04-12"),
    ("last month", "past", "2024-03-01"),
    ("this week", "past", "2024-04-08"),
    ("two days ago", "past", "2024-04-09"),
    ("April 1", "past", "2024-04-01"),
    ("1 April 2024", "past", "2024-04-01"),
    ("2024-04-01", "past", "2024-04-01"),
    ("December 25", "past", "2023-12-25"),
    ("March 3", "future", "2025-03-03"),
])
def test_resolve_date(expression, tense, expected):
    assert resolve_date(expression, PUB, tense).isoformat() == expected


def test_resolve_date_needs_publication_for_relative_expressions():
    assert resolve_date("on Wednesday", None, "past") is None
    assert resolve_date("1 April 2024", None, "past") == dt.date(2024, 4, 1)
    assert resolve_date("the near future", PUB, "future") is None


def test_find_in_text_keeps_offsets_and_skips_modal_may():
    text = "They may 5 times refuse. On Wednesday, and as early as this weekend, on 1 April 2024."
    found = find_in_text(text, offset=100)
    assert [f.text for f in found] == ["On Wednesday", "this weekend", "1 April 2024"]
    assert all(text[f.start - 100:f.end - 100] == f.text for f in found)


def _parse(text):
    return load_nlp()(text)


@pytest.mark.parametrize("text,tense", [
    ("Biden met Netanyahu on Wednesday.", "past"),
    ("Biden has met Netanyahu on Wednesday.", "past"),
    ("Biden will meet Netanyahu on Wednesday.", "future"),
    ("Biden is going to meet Netanyahu on Wednesday.", "future"),
    ("Biden is meeting Netanyahu on Wednesday.", "future"),
])
def test_tense_of_the_verb_governing_the_date(text, tense):
    doc = _parse(text)
    (expr,) = find_date_expressions(doc[:])
    token = doc.char_span(expr.start, expr.end, alignment_mode="expand").root
    assert tense_of(governing_verb(token)) == tense


def _event(doc, trigger: str, source=None, target=None, eid="e1") -> Event:
    at = doc.text.index(trigger)
    sent = doc.char_span(at, at + len(trigger), alignment_mode="expand")[0].sent

    def actor(name):
        if name is None:
            return None
        i = doc.text.index(name)
        return Actor(text=name, start=i, end=i + len(name))
    return Event(id=eid, doc_id="d", mention_id=eid, coder="t", type="ASSAULT", status="occurred",
                 trigger=Span(trigger, at, at + len(trigger)),
                 sentence=SentenceRef(0, sent.start_char, sent.end_char), source=actor(source), target=actor(target))


def _run(text, events_spec, published=PUB):
    doc = _parse(text)
    analysis = Analysis(document=Document(id="d", text=text), doc=doc, published=published)
    analysis.events = [_event(doc, *spec, eid=f"e{i}") for i, spec in enumerate(events_spec)]
    return make_when_where_stage(None)(analysis).events


def test_stage_dates_with_tense_and_falls_back_to_publication():
    past, future, none = _run("Israel struck the convoy on Wednesday. Iran will attack Israel on Wednesday. "
                              "Iran attacked a ship.", [("struck",), ("attack",), ("attacked",)])
    assert (past.date, past.date_text) == ("2024-04-10", "on Wednesday")
    assert (future.date, future.date_text) == ("2024-04-17", "on Wednesday")
    assert (none.date, none.date_text) == ("2024-04-11", None)


def test_stage_prefers_the_events_own_clause():
    (e,) = _run("On Monday officials said that Iran attacked the tanker on Tuesday.", [("attacked",)])
    assert e.date_text == "on Tuesday" and e.date == "2024-04-09"


def test_no_publication_date_leaves_relative_dates_open():
    (e,) = _run("Israel struck the convoy on Wednesday.", [("struck",)], published=None)
    assert (e.date, e.date_text) == (None, "on Wednesday")


def test_geocode_city_country_and_refusals():
    damascus = geocode("Damascus")
    assert damascus.country == "SYR" and abs(damascus.lat - 33.51) < 0.05 and abs(damascus.lon - 36.29) < 0.05
    assert geocode("Washington").country == "USA"  # the capital, not the state or the English town
    assert geocode("the United States").country == "USA"
    assert geocode("Gaza").country == "PSE" and geocode("Kyiv").country == "UKR"
    assert geocode("Reading") is None  # a common word
    assert geocode("Xyzzyville") is None
    assert country_code("Syria") == "SYR" and country_code("Damascus") is None


def test_stage_locates_event_and_ignores_its_actors():
    attack, strike = _run("Drones attacked a diplomatic facility in Damascus. Iran struck Israel.",
                          [("attacked",), ("struck", "Iran", "Israel")])
    assert (attack.location.text, attack.location.country) == ("Damascus", "SYR")
    assert attack.location.start == attack.location.end - len("Damascus")
    assert strike.location is None  # Israel is the target, not the place


def test_place_of_another_events_phrase_is_not_borrowed():
    threat, attack = _run("After the attack on the consulate in Damascus, Iranian leaders issued warnings.",
                          [("warnings",), ("attack",)])
    assert attack.location.country == "SYR"
    assert threat.location is None


@pytest.mark.shared
def test_seed_biden_news_conference_and_damascus():
    text = shared_path("data", "seed", "article.txt").read_text(encoding="utf-8")
    doc = _parse(text)
    analysis = Analysis(document=Document(id="seed", text=text), doc=doc, published=PUB)
    biden_at = text.index("substantial attack") + len("substantial ")
    damascus_at = text.index("attack on a diplomatic facility")

    def ev(at, eid):
        sent = doc.char_span(at, at + 6, alignment_mode="expand")[0].sent
        return Event(id=eid, doc_id="seed", mention_id=eid, coder="t", type="ASSAULT", status="occurred",
                     trigger=Span("attack", at, at + 6), sentence=SentenceRef(0, sent.start_char, sent.end_char))
    analysis.events = [ev(biden_at, "b"), ev(damascus_at, "d")]
    biden, damascus = make_when_where_stage(None)(analysis).events
    assert biden.date == "2024-04-10" and biden.date_text == "on Wednesday"
    assert damascus.location.country == "SYR" and damascus.location.text == "Damascus"


def test_next_month_is_the_first_of_the_next_calendar_month():
    import datetime as dt

    from flashpoint.when_where.dates import resolve_date

    assert resolve_date("next month", dt.date(2024, 5, 12), "future") == dt.date(2024, 6, 1)
    assert resolve_date("the next few days", dt.date(2024, 5, 12), "future") == dt.date(2024, 5, 13)
