"""Build the generated actor tables in flashpoint/data/actors/ (deterministic; data only).

  countries.csv  from the PyPI package countryinfo==1.0.1 (MIT) plus the overrides below
  phoenix.tsv    from ../shared/data/petrarch2-dictionaries/Phoenix.{Countries,International,
                 MilNonState}.actors.txt (MIT, Open Event Data Alliance), converted

Run: .venv/bin/python tools/build_actor_kb.py [--phoenix-dir DIR]
Curated tables (seats.csv, orgs.csv, people.csv, roles.csv) are written by hand.
"""
from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "flashpoint" / "data" / "actors"

# Names, short/historic names and demonyms that countryinfo lacks or spells differently.
EXTRA_NAMES = {
    "USA": ["United States", "U.S.", "U.S.A.", "America", "the States"],
    "GBR": ["Britain", "U.K.", "England", "Scotland"],
    "TUR": ["Türkiye", "Turkey"],
    "MMR": ["Burma", "Myanmar"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "COD": ["Congo-Kinshasa", "Zaire", "DR Congo", "D.R. Congo"],
    "COG": ["Congo-Brazzaville", "Republic of the Congo"],
    "CZE": ["Czechia", "Czech Republic"],
    "MKD": ["North Macedonia", "Macedonia"],
    "SWZ": ["Eswatini", "Swaziland"],
    "CPV": ["Cabo Verde", "Cape Verde"],
    "TLS": ["East Timor", "Timor-Leste"],
    "PRK": ["North Korea", "DPRK", "D.P.R.K."],
    "KOR": ["South Korea", "ROK"],
    "RUS": ["Russia", "Russian Federation"],
    "SYR": ["Syria"],
    "IRN": ["Iran", "Persia", "Islamic Republic"],
    "PSE": ["Palestine", "Palestinian territories", "Palestinian Authority", "West Bank", "Gaza", "Gaza Strip"],
    "VAT": ["Vatican", "Holy See"],
    "ARE": ["UAE", "U.A.E.", "United Arab Emirates", "Emirates"],
    "LKA": ["Sri Lanka", "Ceylon"],
    "TWN": ["Taiwan"],
    "VEN": ["Venezuela"],
    "BOL": ["Bolivia"],
    "LAO": ["Laos"],
    "VNM": ["Vietnam", "Viet Nam"],
    "MDA": ["Moldova"],
    "TZA": ["Tanzania"],
    "XKX": ["Kosovo"],
    "NLD": ["Holland", "the Netherlands"],
    "SSD": ["South Sudan"],
}
EXTRA_DEMONYMS = {
    "USA": ["American", "Americans", "US"], "GBR": ["British", "Briton", "Britons", "English", "UK"],
    "ISR": ["Israeli", "Israelis"], "IRN": ["Iranian", "Iranians", "Persian"],
    "PSE": ["Palestinian", "Palestinians"], "LBN": ["Lebanese"], "SYR": ["Syrian", "Syrians"],
    "IRQ": ["Iraqi", "Iraqis"], "AFG": ["Afghan", "Afghans", "Afghani"], "YEM": ["Yemeni", "Yemenis"],
    "SAU": ["Saudi", "Saudis", "Saudi Arabian"], "ARE": ["Emirati", "Emiratis"],
    "CHN": ["Chinese"], "RUS": ["Russian", "Russians"], "UKR": ["Ukrainian", "Ukrainians"],
    "TUR": ["Turkish", "Turk", "Turks"], "EGY": ["Egyptian", "Egyptians"], "JOR": ["Jordanian"],
    "DEU": ["German", "Germans"], "FRA": ["French"], "JPN": ["Japanese"], "IND": ["Indian", "Indians"],
    "PAK": ["Pakistani", "Pakistanis"], "KOR": ["South Korean", "South Koreans"],
    "PRK": ["North Korean", "North Koreans"], "QAT": ["Qatari"], "OMN": ["Omani"],
    "NLD": ["Dutch"], "CHE": ["Swiss"], "BIH": ["Bosnian"], "SRB": ["Serbian", "Serb", "Serbs"],
    "HRV": ["Croatian", "Croat", "Croats"], "PHL": ["Filipino", "Philippine"], "CZE": ["Czech"],
    "SVK": ["Slovak"], "VNM": ["Vietnamese"], "TWN": ["Taiwanese"], "SDN": ["Sudanese"],
    "SOM": ["Somali", "Somalis"], "ETH": ["Ethiopian"], "NGA": ["Nigerian"], "KEN": ["Kenyan"],
    "ZAF": ["South African"], "MAR": ["Moroccan"], "DZA": ["Algerian"], "TUN": ["Tunisian"],
    "LBY": ["Libyan"], "GRC": ["Greek"], "ITA": ["Italian"], "ESP": ["Spanish", "Spaniard"],
    "POL": ["Polish", "Pole", "Poles"], "BLR": ["Belarusian", "Belarussian"], "GEO": ["Georgian"],
    "ARM": ["Armenian"], "AZE": ["Azerbaijani", "Azeri"], "KAZ": ["Kazakh"], "UZB": ["Uzbek"],
    "MMR": ["Burmese", "Myanmar"], "THA": ["Thai"], "IDN": ["Indonesian"], "MYS": ["Malaysian"],
    "BGD": ["Bangladeshi"], "LKA": ["Sri Lankan"], "NPL": ["Nepali", "Nepalese"], "BRA": ["Brazilian"],
    "ARG": ["Argentine", "Argentinian"], "MEX": ["Mexican"], "COL": ["Colombian"], "VEN": ["Venezuelan"],
    "CUB": ["Cuban"], "CAN": ["Canadian"], "AUS": ["Australian"], "NZL": ["New Zealander"],
    "KWT": ["Kuwaiti"], "BHR": ["Bahraini"], "HUN": ["Hungarian"], "ROU": ["Romanian"],
    "BGR": ["Bulgarian"], "SWE": ["Swedish", "Swede"], "NOR": ["Norwegian"], "FIN": ["Finnish", "Finn"],
    "DNK": ["Danish", "Dane"], "BEL": ["Belgian"], "AUT": ["Austrian"], "IRL": ["Irish"],
    "PRT": ["Portuguese"], "RWA": ["Rwandan"], "COD": ["Congolese"], "UGA": ["Ugandan"],
    "GHA": ["Ghanaian"], "MLI": ["Malian"], "NER": ["Nigerien"], "TCD": ["Chadian"],
    "HTI": ["Haitian"], "SSD": ["South Sudanese"], "ERI": ["Eritrean"], "LTU": ["Lithuanian"],
    "LVA": ["Latvian"], "EST": ["Estonian"], "MDA": ["Moldovan"], "ALB": ["Albanian"],
    "XKX": ["Kosovar", "Kosovan"], "MKD": ["Macedonian"], "MNE": ["Montenegrin"], "SVN": ["Slovenian"],
}
# countryinfo capitals that need fixing or that news uses differently.
CAPITAL_FIX = {"USA": "Washington", "ISR": "Jerusalem", "PSE": "Ramallah", "BOL": "La Paz",
               "CIV": "Abidjan", "MMR": "Naypyidaw", "NLD": "The Hague", "ZAF": "Pretoria",
               "KOR": "Seoul", "TWN": "Taipei", "XKX": "Pristina"}
EXTRA_COUNTRIES = [("XKX", "Kosovo", "Kosovar", "Pristina")]
# Capitals that are also common words or people's names in English news: not actors.
CAPITAL_SKIP = {"Victoria", "Kingston", "Hamilton", "Georgetown", "Saint John's", "Stanley", "Male",
                "Melekeok", "Palikir", "Avarua", "Alofi", "Jamestown", "Plymouth", "Road Town",
                "Basseterre", "King Edward Point", "West Island", "Flying Fish Cove", "Adamstown",
                "Kingston ", "Castries", "Gustavia", "Marigot", "Philipsburg", "Mata-Utu", "Nouméa"}
SKIP_ALT = re.compile(r"^[A-Z]{2,3}$|,")  # ISO codes and "Korea, Republic of"-style inversions


def _ascii_ok(s: str) -> bool:
    return all(ord(c) < 0x250 for c in s)


def build_countries() -> list[dict]:
    import countryinfo

    rows: dict[str, dict] = {}
    for c in countryinfo.all_countries():
        try:
            info = c.info()
        except Exception:  # noqa: BLE001 - a few records in the package are incomplete
            continue
        iso = (info.get("ISO") or {}).get("alpha3")
        name = info.get("name")
        if not iso or not name or len(iso) != 3:
            continue
        row = rows.setdefault(iso, {"iso3": iso, "name": name, "names": [], "demonyms": [], "capital": ""})
        for alt in [name, *(info.get("altSpellings") or [])]:
            if alt and not SKIP_ALT.search(alt) and _ascii_ok(alt) and alt not in row["names"]:
                row["names"].append(alt)
        dem = info.get("demonym")
        if isinstance(dem, str) and dem and dem not in row["demonyms"]:
            row["demonyms"].append(dem)
        cap = info.get("capital")
        cap = cap[0] if isinstance(cap, list) and cap else cap
        cap = cap if isinstance(cap, str) else ""
        if cap and not row["capital"] and _ascii_ok(cap):
            row["capital"] = cap
    for iso, name, dem, cap in EXTRA_COUNTRIES:
        rows.setdefault(iso, {"iso3": iso, "name": name, "names": [name], "demonyms": [dem], "capital": cap})
    for iso, names in EXTRA_NAMES.items():
        for n in names:
            if iso in rows and n not in rows[iso]["names"]:
                rows[iso]["names"].append(n)
    for iso, dems in EXTRA_DEMONYMS.items():
        for d in dems:
            if iso in rows and d not in rows[iso]["demonyms"]:
                rows[iso]["demonyms"].append(d)
    for iso, cap in CAPITAL_FIX.items():
        if iso in rows:
            rows[iso]["capital"] = cap
    # A demonym shared by a territory and its state ("French" for Mayotte) stays with the state.
    owner: dict[str, str] = {}
    for iso in sorted(rows):
        for d in rows[iso]["demonyms"]:
            owner.setdefault(d, iso)
    for iso in ("FRA", "GBR", "USA", "NLD", "DNK", "NOR", "AUS", "NZL", "CHN", "FIN"):
        for d in rows[iso]["demonyms"]:
            owner[d] = iso
    out = []
    for iso in sorted(rows):
        r = rows[iso]
        dems = [d for d in r["demonyms"] if owner.get(d) == iso]
        cap = "" if r["capital"].strip() in CAPITAL_SKIP else r["capital"]
        out.append({"iso3": iso, "name": r["name"], "names": "|".join(r["names"]),
                    "demonyms": "|".join(dems), "capital": cap})
    return out


def write_countries() -> None:
    rows = build_countries()
    with open(OUT / "countries.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["iso3", "name", "names", "demonyms", "capital"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"countries.csv: {len(rows)} rows")


def write_phoenix(src: Path) -> None:
    import sys

    sys.path.insert(0, str(REPO))
    from flashpoint.actors.phoenix import entries_to_tsv, load_phoenix

    entries = []
    for part in ("Countries", "International", "MilNonState"):
        entries += load_phoenix(src / f"Phoenix.{part}.actors.txt")
    text = entries_to_tsv(entries)
    (OUT / "phoenix.tsv").write_text(text, encoding="utf-8")
    print(f"phoenix.tsv: {len(entries)} entries, {len(text) // 1024} KiB")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--phoenix-dir", type=Path, default=REPO.parent / "shared" / "data" / "petrarch2-dictionaries")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    write_countries()
    write_phoenix(args.phoenix_dir)


if __name__ == "__main__":
    main()
