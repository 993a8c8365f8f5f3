"""Read PETRARCH/TABARI/Phoenix actor dictionaries (``*.actors.txt``) into KB entries.

Format (see the PETRARCH2 dictionaries' README): a phrase line (words joined by ``_``), optional
synonym lines starting with ``+``, then code lines ``[CODE]``, ``[CODE >yymmdd]`` (from),
``[CODE <yymmdd]`` (before), ``[CODE d1-d2]`` (between); codes may also follow the phrase on
its line. ``#`` starts a comment; ``[---]`` means "no code". Dates are ``yymmdd`` or ``yyyymmdd``.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Iterator, Optional

from ..errors import DataFileError
from .kb import KBEntry, Role, canonical_code, split_code

_CODE = re.compile(r"\[([^\]]*)\]")


def parse_date(text: str, where: str) -> dt.date:
    """'890604' -> 1989-06-04; '19890604' -> 1989-06-04. Two-digit years < 40 are 20xx."""
    t = text.strip()
    try:
        if len(t) == 6:
            yy = int(t[:2])
            year = 2000 + yy if yy < 40 else 1900 + yy
            return dt.date(year, int(t[2:4]) or 1, int(t[4:6]) or 1)
        if len(t) == 8:
            return dt.date(int(t[:4]), int(t[4:6]) or 1, int(t[6:8]) or 1)
    except ValueError:
        pass
    raise DataFileError(f"{where}: date {text!r} is not yymmdd or yyyymmdd; fix the code line")


def parse_code(body: str, where: str) -> Optional[Role]:
    """'IRNGOV >19890604' -> Role('IRNGOV', start=1989-06-04). None for '---' or sector-only."""
    parts = body.split()
    if not parts:
        return None
    code = parts[0].strip()
    if code.startswith("---") or len(code) < 3 or not code[:3].isalpha() or not code.isupper():
        return None
    start = end = None
    restr = "".join(parts[1:])
    if restr:
        if restr.startswith(">"):
            start = parse_date(restr[1:], where)
        elif restr.startswith("<"):
            end = parse_date(restr[1:], where) - dt.timedelta(days=1)
        elif "-" in restr:
            a, b = restr.split("-", 1)
            start, end = parse_date(a, where), parse_date(b, where)
        else:
            raise DataFileError(f"{where}: date restriction {restr!r} not understood "
                                "(use >yymmdd, <yymmdd or yymmdd-yymmdd)")
    return Role(code=code, start=start, end=end)


def _phrase(raw: str) -> str:
    text = raw.replace("!", "").replace("_", " ")
    return " ".join(text.split())


def iter_phoenix(text: str, source: str = "phoenix", strict: bool = False,
                 skipped: Optional[list[str]] = None) -> Iterator[tuple[str, list[str], list[Role]]]:
    """Yield (name, synonyms, roles) blocks from the text of a Phoenix ``.actors.txt`` file.
    Code lines with unreadable dates raise with ``strict``; otherwise their places are
    appended to ``skipped``."""
    skipped = skipped if skipped is not None else []
    name: Optional[str] = None
    syns: list[str] = []
    roles: list[Role] = []

    def flush():
        if name and roles:
            yield name, list(syns), list(roles)

    for lineno, line in enumerate(text.splitlines(), 1):
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        where = f"{source}:{lineno}"
        stripped = body.strip()
        if stripped.startswith("+"):
            if name is not None:
                syns.append(_phrase(stripped[1:]))
            continue
        head = _CODE.split(stripped)[0].strip() if not stripped.startswith("[") else ""
        codes = []
        for c in _CODE.findall(stripped):
            try:
                codes.append(parse_code(c, where))
            except DataFileError:
                if strict:
                    raise
                skipped.append(where)  # the real dictionaries hold a few typos ('9008223')
        if head:
            # A new phrase starts. A phrase line that only follows another phrase with no code
            # yet is a new entry too (Phoenix lists many one-line entries).
            yield from flush()
            name, syns, roles = _phrase(head), [], []
        roles.extend(r for r in codes if r is not None)
    yield from flush()


def _kind_for(code: str) -> str:
    country, sector = split_code(code)
    if country == "IGO":
        return "igo"
    if country in ("NGO",):
        return "org"
    if sector in ("REB", "IMG", "INS", "SEP") or country == "IMG":
        return "group"
    return "phoenix"


def load_phoenix(path: str | Path, tier: int = 2, prefix: str = "phoenix") -> list[KBEntry]:
    """Entries from a Phoenix ``.actors.txt`` file (any tier: an import lands in tier 0)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DataFileError(f"cannot read Phoenix dictionary {p}: {exc}") from exc
    entries = []
    for i, (name, syns, roles) in enumerate(iter_phoenix(text, p.name)):
        entries.append(KBEntry(id=f"{prefix}:{p.stem}:{i}", name=name, kind=_kind_for(roles[0].code),
                               roles=tuple(roles), aliases=tuple(syns), source=p.name, tier=tier))
    return entries


# ---- compact TSV form (what we ship, and what `actors import` writes) ------------------------

def _fmt_date(d: Optional[dt.date]) -> str:
    return d.isoformat() if d else ""


def roles_to_text(roles: tuple[Role, ...]) -> str:
    """'IRNGOV@1989-06-04..;IRNELI' (canonical codes; exact duplicates dropped)."""
    out = []
    for r in roles:
        code = canonical_code(r.code) or r.code
        item = code if not r.dated else f"{code}@{_fmt_date(r.start)}..{_fmt_date(r.end)}"
        if item not in out:
            out.append(item)
    return ";".join(out)


def roles_from_text(text: str, where: str) -> tuple[Role, ...]:
    roles = []
    for item in filter(None, (t.strip() for t in text.split(";"))):
        code, _, span = item.partition("@")
        start = end = None
        if span:
            a, _, b = span.partition("..")
            try:
                start = dt.date.fromisoformat(a) if a else None
                end = dt.date.fromisoformat(b) if b else None
            except ValueError as exc:
                raise DataFileError(f"{where}: bad date range {span!r} (use YYYY-MM-DD..YYYY-MM-DD)") from exc
        roles.append(Role(code=code, start=start, end=end))
    return tuple(roles)


TSV_HEADER = ("name", "aliases", "kind", "roles")


def entries_to_tsv(entries: list[KBEntry]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n")
    w.writerow(TSV_HEADER)
    for e in entries:
        w.writerow((e.name, "|".join(e.aliases), e.kind, roles_to_text(e.roles)))
    return buf.getvalue()


def entries_from_tsv(text: str, source: str, tier: int) -> list[KBEntry]:
    rows = csv.reader(io.StringIO(text), delimiter="\t")
    header = next(rows, None)
    if header is None or tuple(header[:4]) != TSV_HEADER:
        raise DataFileError(f"{source}: first line must be the tab-separated header {' '.join(TSV_HEADER)}")
    out = []
    for i, row in enumerate(rows, 2):
        if len(row) < 4:
            raise DataFileError(f"{source}:{i}: expected 4 tab-separated columns, got {len(row)}")
        name, aliases, kind, roles = row[:4]
        out.append(KBEntry(id=f"{Path(source).stem}:{i}", name=name, kind=kind,
                           roles=roles_from_text(roles, f"{source}:{i}"),
                           aliases=tuple(a for a in aliases.split("|") if a), source=Path(source).name, tier=tier))
    return out
