"""Readers, decoding, limits, language check and normalisation (no spaCy needed)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from flashpoint.errors import InputError
from flashpoint.ingest import IngestOptions, Limits, read_inputs
from flashpoint.ingest.decode import binary_reason, decode_bytes
from flashpoint.ingest.html_text import html_to_text
from flashpoint.ingest.language import looks_english
from flashpoint.ingest.limits import ENV_MAX_BYTES
from flashpoint.ingest.normalise import normalise_text

FIX = Path(__file__).parent / "fixtures"


def read(*names, options=IngestOptions(), stdin=None):
    problems = []
    inputs = [n if n == "-" else str(FIX / n) if not Path(n).is_absolute() else n for n in names]
    arts = list(read_inputs(inputs, options, problems.append, stdin=stdin))
    return arts, problems


def errors(problems):
    return [p for p in problems if p.level == "error"]


def test_txt_uses_file_stem_and_default_date():
    arts, problems = read("ceasefire.txt", options=IngestOptions(published="2024-06-01"))
    assert problems == []
    (art,) = arts
    assert art.document.id == "ceasefire"
    assert art.document.published == "2024-06-01"
    assert art.document.text.startswith("Armenia and Azerbaijan")
    assert not art.document.text.endswith("\n")


def test_jsonl_fields_and_date_alias():
    arts, problems = read("two.jsonl")
    assert problems == []
    j1, j2 = (a.document for a in arts)
    assert (j1.id, j1.title, j1.published) == ("j1", "Strike", "2024-05-02")
    assert (j2.published, j2.url, j2.outlet) == ("2024-05-03", "https://example.org/j2", "Example Wire")
    assert [a.line for a in arts] == [1, 2]


def test_jsonl_malformed_lines_are_reported_with_line_numbers_and_reading_goes_on():
    arts, problems = read("mixed.jsonl")
    assert [a.document.id for a in arts] == ["j1", "j2"]
    where = {p.where.rsplit(":", 1)[1]: p.message for p in errors(problems)}
    assert set(where) == {"2", "3", "5"}
    assert "malformed JSON" in where["2"]
    assert 'no "text" field' in where["3"]
    assert "JSON object" in where["5"]


def test_stdin_jsonl():
    data = b'{"id": "s1", "text": "Japan protested to China over the incursion, officials said."}\n{oops\n'
    arts, problems = read("-", stdin=io.BytesIO(data))
    assert [a.document.id for a in arts] == ["s1"]
    assert [p.where for p in errors(problems)] == ["-:2"]


def test_jsonl_id_defaults_to_stem_and_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": "Egypt condemned the raid on Sunday, the ministry said."}) + "\n")
    (art,), _ = read(str(path))
    assert art.document.id == "feed-1"


def test_csv_rows_and_empty_text_row():
    arts, problems = read("articles.csv")
    assert [a.document.id for a in arts] == ["c1", "c3"]
    assert arts[0].document.published == "2024-02-10"
    (err,) = errors(problems)
    assert err.where.endswith("articles.csv:3") and "no \"text\"" in err.message


def test_csv_without_text_column_is_refused():
    arts, problems = read("notext.csv")
    assert arts == []
    assert 'no "text" column' in errors(problems)[0].message


def test_html_drops_script_style_and_navigation():
    (art,), problems = read("page.html")
    doc = art.document
    assert problems == []
    assert doc.title == "Border clash & talks"
    assert doc.published == "2024-03-05"
    assert "alert" not in doc.text and "color" not in doc.text and "Home" not in doc.text
    assert "Cambodia's defence ministry accused Thailand of \u201cprovocation\u201d & said" in doc.text


def test_html_unclosed_head_still_yields_body():
    page = html_to_text("<html><head><title>t</title><p>Visible text here.</p></body>")
    assert "Visible text here." in page.text


@pytest.mark.parametrize("name, phrase", [
    ("empty.txt", "empty"), ("blank.txt", "empty"), ("binary.txt", "binary"),
    ("undecodable.txt", "neither UTF-8 nor cp1252"), ("notes.md", "unsupported input type"),
    ("missing.txt", "no such file"),
])
def test_bad_files_give_one_clear_error(name, phrase):
    arts, problems = read(name)
    assert arts == []
    (err,) = errors(problems)
    assert phrase in err.message
    assert err.where.endswith(name)


def test_cp1252_fallback_warns_and_decodes():
    (art,), problems = read("cp1252.txt")
    assert "caf\u00e9" in art.document.text and "\u201cillegal\u201d" in art.document.text
    assert [p.level for p in problems] == ["warning"]
    assert "cp1252" in problems[0].message


def test_non_english_is_skipped_with_a_warning_unless_forced():
    arts, problems = read("french.txt")
    assert arts == [] and errors(problems) == []
    assert "--any-language" in problems[0].message
    arts, problems = read("french.txt", options=IngestOptions(any_language=True))
    assert len(arts) == 1 and problems == []


def test_size_limit_refuses_large_file_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:  # a sparse 50 MB file: refused from its size alone
        f.truncate(50_000_000)
    arts, problems = read(str(big))
    assert arts == []
    msg = errors(problems)[0].message
    assert "50,000,000 bytes" in msg and "--max-bytes" in msg and ENV_MAX_BYTES in msg


def test_limits_from_flag_env_and_default(monkeypatch):
    monkeypatch.delenv(ENV_MAX_BYTES, raising=False)
    assert Limits.resolve().max_bytes == 10_000_000
    monkeypatch.setenv(ENV_MAX_BYTES, "200")
    assert Limits.resolve().max_bytes == 200
    assert Limits.resolve(max_bytes=300).max_bytes == 300
    monkeypatch.setenv(ENV_MAX_BYTES, "lots")
    with pytest.raises(InputError, match=ENV_MAX_BYTES):
        Limits.resolve()


def test_jsonl_line_over_limit_is_skipped_and_next_line_read(tmp_path):
    path = tmp_path / "c.jsonl"
    long = json.dumps({"id": "long", "text": "Iran said " * 500})
    short = json.dumps({"id": "short", "text": "Israel said talks would resume on Monday, officials said."})
    path.write_text(long + "\n" + short + "\n")
    arts, problems = read(str(path), options=IngestOptions(limits=Limits(max_bytes=1000)))
    assert [a.document.id for a in arts] == ["short"]
    assert errors(problems)[0].where.endswith("c.jsonl:1") and "--max-bytes" in errors(problems)[0].message


def test_article_char_limit():
    arts, problems = read("ceasefire.txt", options=IngestOptions(limits=Limits(max_chars=50)))
    assert arts == [] and "--max-chars" in errors(problems)[0].message


def test_directory_reads_supported_files_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("Kenya sent police officers to Haiti on Tuesday, the government said.")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a1", "text": "Chad expelled French troops, officials said."}) + "\n")
    (tmp_path / "skip.md").write_text("ignored")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text("ignored too")
    arts, problems = read(str(tmp_path))
    assert [a.document.id for a in arts] == ["a1", "b"] and problems == []


def test_empty_directory_is_an_error(tmp_path):
    arts, problems = read(str(tmp_path))
    assert arts == [] and "no supported files" in errors(problems)[0].message


def test_duplicate_ids_warn(tmp_path):
    path = tmp_path / "d.jsonl"
    row = {"id": "same", "text": "Peru recalled its ambassador from Mexico, the foreign ministry said."}
    path.write_text(json.dumps(row) + "\n" + json.dumps({**row, "text": row["text"] + " Again."}) + "\n")
    arts, problems = read(str(path))
    assert len(arts) == 2 and "repeats" in problems[0].message and problems[0].level == "warning"


def test_bad_published_date_warns_and_codes_without_date(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "x", "published": "last week",
                                "text": "Mali said it would expel the envoy, officials said."}) + "\n")
    (art,), problems = read(str(path))
    assert art.document.published is None and "ISO date" in problems[0].message


def test_normalise_text():
    assert normalise_text("\ufeff  Cafe\u0301 said\r\nno.\x00 ") == "Caf\u00e9 said\nno."


def test_decode_and_binary_checks():
    assert decode_bytes("\ufeffIran".encode("utf-8")).text == "Iran"
    assert decode_bytes(b"caf\xe9").encoding == "cp1252"
    assert binary_reason(b"plain text\n") is None
    assert binary_reason(b"\x01\x02\x03\x04abc") is not None


def test_language_check():
    assert looks_english("The minister said on Monday that the talks with the rebels would resume "
                         "in the capital next week, and that a ceasefire was in place along the border.")
    assert not looks_english("Der Minister sagte am Montag, dass die Gespr\u00e4che mit den Rebellen in der "
                             "Hauptstadt n\u00e4chste Woche fortgesetzt w\u00fcrden und eine Waffenruhe gelte.")
    assert looks_english("Iran attacked Israel.")  # too short to judge: accepted
