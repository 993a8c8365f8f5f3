"""Load actor tables (bundled and users') into an ActorKB. The only module that reads them.

Tiers: users' files (``--actors``) shadow the curated tables, which shadow the converted
Phoenix dictionaries. A user file is YAML (``actors: [{name, aliases, code, from, to, kind}]``),
CSV with the same columns, or a Phoenix ``.actors.txt`` / converted ``.tsv``.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from pathlib import Path
from typing import Any, Iterable, Optional

from ..data.loader import data_path, read_yaml
from ..errors import DataFileError
from .kb import TIERS, ActorKB, KBEntry, Role, RoleWord, split_code
from .phoenix import entries_from_tsv, load_phoenix

# regions.csv comes last: a person, group or organisation of the same name wins within the tier.
CURATED_TABLES = ("country_names.csv", "seats.csv", "orgs.csv", "ethnic_groups.csv", "people.csv", "regions.csv")
ACTOR_COLUMNS = ("name", "aliases", "kind", "code", "from", "to", "title", "source")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _date(value: Any, where: str) -> Optional[dt.date]:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise DataFileError(f"{where}: date {value!r} is not YYYY-MM-DD") from exc


def _aliases(value: Any) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        return tuple(a.strip() for a in value.split("|") if a.strip())
    return tuple(str(a).strip() for a in value if str(a).strip())


def entries_from_rows(rows: Iterable[dict], source: str, tier: int) -> list[KBEntry]:
    """Rows with name/aliases/kind/code/from/to/title: rows sharing (name, kind) are one actor
    with several roles. People get an undated ``<country>ELI`` fallback (former office
    holders are elites, as in CAMEO) unless a row gives an undated code."""
    grouped: dict[tuple[str, str], dict] = {}
    for i, row in enumerate(rows, 2):
        where = f"{source}:{i}"
        name = str(row.get("name") or "").strip()
        if not name:
            raise DataFileError(f"{where}: an actor needs a name")
        kind = str(row.get("kind") or "person").strip()
        g = grouped.setdefault((name, kind), {"aliases": [], "roles": []})
        for a in _aliases(row.get("aliases")):
            if a not in g["aliases"]:
                g["aliases"].append(a)
        roles = row.get("roles")
        specs = roles if isinstance(roles, list) else [row]
        for spec in specs:
            code = str(spec.get("code") or "").strip().upper()
            if not code:
                raise DataFileError(f"{where}: actor {name!r} has no code (e.g. USAGOV)")
            if not re.fullmatch(r"[A-Z]{3}[A-Z]*", code):
                raise DataFileError(f"{where}: code {code!r} of {name!r} must be letters, "
                                    "country (ISO3 or IGO/NGO/IMG) then sector, e.g. IRNGOV")
            start, end = _date(spec.get("from"), where), _date(spec.get("to"), where)
            if start and end and end < start:
                raise DataFileError(f"{where}: {name!r} ends ({end}) before it starts ({start})")
            g["roles"].append(Role(code=code, start=start, end=end, title=(spec.get("title") or None)))
    out = []
    for (name, kind), g in grouped.items():
        roles = list(g["roles"])
        if kind == "person" and roles and all(r.dated for r in roles):
            country, _ = split_code(roles[-1].code)
            roles.append(Role(code=f"{country}ELI", title="former office holder"))
        out.append(KBEntry(id=f"{kind}:{slug(name)}", name=name, kind=kind, roles=tuple(roles),
                           aliases=tuple(g["aliases"]), source=source, tier=tier))
    return out


def read_csv_rows(path: Path) -> list[dict]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"cannot read actor file {path}: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "name" not in reader.fieldnames or "code" not in reader.fieldnames:
        raise DataFileError(f"{path}: CSV needs a header with at least name,code "
                            f"(columns: {','.join(ACTOR_COLUMNS)})")
    return list(reader)


def country_entries(tier: int = TIERS["curated"]) -> list[KBEntry]:
    """Three entries per country: its names (code ISO3), its demonyms (ISO3) and its capital,
    which stands for the government (ISO3 + GOV)."""
    path = data_path("actors", "countries.csv")
    out = []
    for row in _read_csv_plain(path):
        iso, name = row["iso3"], row["name"]
        names = _aliases(row.get("names"))
        out.append(KBEntry(id=f"country:{iso}", name=name, kind="country", roles=(Role(iso),),
                           aliases=names, source="countries.csv", tier=tier))
        dems = _aliases(row.get("demonyms"))
        # Plural nouns of demonyms ("Ghanaians", "Iraqis"); "Chinese", "French" have none.
        dems += tuple(d + "s" for d in dems if d[-1:] in ("n", "i") and d + "s" not in dems)
        if dems:
            out.append(KBEntry(id=f"demonym:{iso}", name=name, kind="demonym", roles=(Role(iso),),
                               aliases=dems, source="countries.csv", tier=tier))
        cap = (row.get("capital") or "").strip()
        if cap:
            out.append(KBEntry(id=f"capital:{iso}", name=cap, kind="capital", roles=(Role(iso + "GOV"),),
                               source="countries.csv", tier=tier))
    return out


def _read_csv_plain(path: Path) -> list[dict]:
    try:
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    except OSError as exc:
        raise DataFileError(f"data file {path} is missing; reinstall flashpoint (`make setup`)") from exc


def load_role_words() -> dict[str, RoleWord]:
    rows = _read_csv_plain(data_path("actors", "roles.csv"))
    def yes(row, column):
        return (row.get(column) or "").strip().lower() == "yes"

    return {r["lemma"].strip().lower(): RoleWord(r["lemma"].strip().lower(), (r.get("sector") or "").strip() or None,
                                                 yes(r, "anonymous"), yes(r, "abroad"), yes(r, "collective"))
            for r in rows}


def user_entries(path: str | Path) -> list[KBEntry]:
    """Entries from a user's actor file (YAML, CSV, Phoenix .txt or converted .tsv): tier 0."""
    p = Path(path)
    if not p.exists():
        raise DataFileError(f"actor file {p} does not exist; create it with `flashpoint actors add NAME --code X --file {p}`")
    suffix = p.suffix.lower()
    tier = TIERS["user"]
    if suffix in (".yaml", ".yml"):
        try:
            data = read_yaml(p) or {}
        except ValueError as exc:  # YAML reads 2024-13-01 as a date and fails
            raise DataFileError(f"{p}: {exc}; dates must be valid YYYY-MM-DD") from exc
        rows = data.get("actors", []) if isinstance(data, dict) else data
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise DataFileError(f"{p}: expected `actors:` followed by a list of mappings with name and code")
        return entries_from_rows(rows, str(p), tier)
    if suffix == ".csv":
        return entries_from_rows(read_csv_rows(p), str(p), tier)
    if suffix == ".tsv":
        return entries_from_tsv(p.read_text(encoding="utf-8"), str(p), tier)
    if suffix == ".txt":
        return load_phoenix(p, tier=tier, prefix="user")
    raise DataFileError(f"actor file {p}: unknown type {suffix!r}; use .yaml, .csv, .tsv or a Phoenix .txt")


@functools.lru_cache(maxsize=8)
def load_kb(actor_files: tuple[str, ...] = (), with_phoenix: bool = True) -> ActorKB:
    """The knowledge base: users' files first, then curated tables, then Phoenix (cached)."""
    kb = ActorKB()
    for f in actor_files:
        kb.add_entries(user_entries(f))
    kb.add_entries(country_entries())
    for table in CURATED_TABLES:
        path = data_path("actors", table)
        kb.add_entries(entries_from_rows(read_csv_rows(path), table, TIERS["curated"]))
    if with_phoenix:
        path = data_path("actors", "phoenix.tsv")
        if path.exists():
            kb.add_entries(entries_from_tsv(path.read_text(encoding="utf-8"), "phoenix.tsv", TIERS["phoenix"]))
    kb.role_words = load_role_words()
    return kb
