"""Coding conventions (events/conventions.py): where the PLOVER manual and its annotated data
disagree, "annotated" (default) codes as the annotators do and "manual" as the manual says.
Sentences are our own."""
import json

import pytest

from conftest import event_rows
from flashpoint.errors import InputError
from flashpoint.events.conventions import CONVENTIONS, get_conventions
from flashpoint.pipeline import CodeOptions, Coder


@pytest.fixture(scope="module")
def manual_coder():
    return Coder(options=CodeOptions(conventions="manual"))


ANNOUNCED_CONCESSIONS = [
    # (text, actor, recipient)
    ("The rebels said they will release the French journalists on Sunday.", "rebels", "French journalists"),
    ("Iran said it would allow the return of IAEA inspectors.", "Iran", "IAEA"),
    ("President Mubarak said he is prepared to lift the ban on the Muslim Brotherhood.", "President Mubarak",
     "Muslim Brotherhood"),
]


@pytest.mark.parametrize("text,actor,recipient", ANNOUNCED_CONCESSIONS)
def test_an_announced_concession_is_agree_as_annotated(coder, text, actor, recipient):
    rows = event_rows(coder, text)
    hits = [r for r in rows if actor in r[1] and r[2] and recipient in r[2]]
    assert hits and all(r[0] == "AGREE" and r[3] == "occurred" for r in hits), rows


@pytest.mark.parametrize("text,actor,recipient", ANNOUNCED_CONCESSIONS)
def test_an_announced_concession_is_concede_as_the_manual_says(manual_coder, text, actor, recipient):
    rows = event_rows(manual_coder, text)
    hits = [r for r in rows if actor in r[1] and r[2] and recipient in r[2]]
    assert hits and all(r[0] == "CONCEDE" and r[3] == "occurred" for r in hits), rows


def test_conventions_agree_on_what_is_done_and_on_other_promises(coder, manual_coder):
    for text in ("The rebels released the French journalists on Sunday.",       # done: RETREAT
                 "Kenya said it would send aid to Somalia.",                # promised aid: AGREE
                 "The army said it would shell the rebel positions."):      # promised harm: THREATEN
        assert [r[:4] for r in event_rows(coder, text)] == [r[:4] for r in event_rows(manual_coder, text)], text
    assert {r[0] for r in event_rows(coder, "The rebels released the French journalists on Sunday.")} == {"RETREAT"}


def test_agreeing_to_meet_demands_follows_the_convention(coder, manual_coder):
    text = "The Kenyan government agreed to meet the demands of the protesters."
    assert [r[:3] for r in event_rows(coder, text)] == [("AGREE", "The Kenyan government", "protesters")]
    assert [r[:3] for r in event_rows(manual_coder, text)] == [("CONCEDE", "The Kenyan government", "protesters")]


def test_an_unknown_convention_names_the_choices():
    with pytest.raises(InputError) as err:
        get_conventions("gsr")
    assert all(name in str(err.value) for name in CONVENTIONS)
    assert get_conventions(None).name == "annotated"


def test_the_pair_typer_reads_a_promise_by_the_coders_conventions(coder, manual_coder):
    from flashpoint.events.pair_typer import HybridPairTyper, modal_reading

    text = "The rebels said they will free the hostages."
    doc = coder.nlp(text)
    free = next(t for t in doc if t.lower_ == "free")
    assert modal_reading(free, ("RETREAT",), "annotated") == ("AGREE",)
    assert modal_reading(free, ("RETREAT",), "manual") == ("CONCEDE",)
    assert HybridPairTyper(coder=manual_coder).conventions == "manual"


def test_cli_code_takes_conventions(tmp_path):
    from typer.testing import CliRunner

    from flashpoint.cli import app

    article = tmp_path / "a.txt"
    article.write_text("The rebels said they will release the French journalists on Sunday.")
    runner = CliRunner()
    out = runner.invoke(app, ["code", str(article), "--published", "2024-04-11", "--conventions", "manual"])
    assert out.exit_code == 0, out.output
    assert {json.loads(line)["type"] for line in out.stdout.splitlines() if line.strip()} == {"CONCEDE"}
    bad = runner.invoke(app, ["code", str(article), "--conventions", "nonsense"])
    assert bad.exit_code != 0 and "annotated" in bad.output and "manual" in bad.output


def test_a_decided_concession_is_made_not_promised_under_both(coder, manual_coder):
    for c in (coder, manual_coder):
        rows = event_rows(c, "The Supreme Court decided to allow the opposition leader Kizza Besigye to run.")
        assert [r[0] for r in rows if "Besigye" in (r[2] or "")] == ["CONCEDE"], rows
        rows = event_rows(c, "Israel decided to withdraw its troops from Gaza.")
        assert [r[0] for r in rows] == ["CONCEDE"], rows


def test_cli_classify_takes_conventions(tmp_path):
    from typer.testing import CliRunner

    from flashpoint.cli import app

    text = "The rebels said they will release the French journalists on Sunday."
    pairs = tmp_path / "pairs.jsonl"
    source, target = text.index("rebels"), text.index("French journalists")
    pairs.write_text(json.dumps({"id": "p1", "text": text, "source": {"start": source, "end": source + 6},
                                 "target": {"start": target, "end": target + 18}}) + "\n")
    runner = CliRunner()
    got = {}
    for name in ("annotated", "manual"):
        out = runner.invoke(app, ["classify", str(pairs), "--conventions", name])
        assert out.exit_code == 0, out.output
        got[name] = json.loads(out.stdout.splitlines()[0])["type"]
    assert got == {"annotated": "AGREE", "manual": "CONCEDE"}
