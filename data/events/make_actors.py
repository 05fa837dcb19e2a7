#!/usr/bin/python3
"""Writes data/events/actors.csv, the default actor map of `entente import events`
(docs/events.md, "Roll-up"), from Debian's iso-codes (ISO 3166-1: alpha-3 codes, names, common
and official names), the short names entente's curated data uses as ids, the country names ICEWS
writes where they differ from ISO's, and a few international organisations by CAMEO known-group
code and name. Run from the repository's root: /usr/bin/python3 data/events/make_actors.py"""
import csv
import io
import json
import re
import unicodedata

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"


def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall("[a-z0-9]+", s))


# Short names where ISO 3166's is formal.
SHORT = {"RUS": "Russia", "USA": "United States", "GBR": "United Kingdom", "KOR": "South Korea",
         "PRK": "North Korea", "SYR": "Syria", "VEN": "Venezuela", "BOL": "Bolivia",
         "TZA": "Tanzania", "VNM": "Vietnam", "LAO": "Laos", "MDA": "Moldova", "TWN": "Taiwan",
         "PSE": "Palestine", "COD": "Democratic Republic of the Congo",
         "COG": "Republic of the Congo", "IRN": "Iran", "FSM": "Micronesia", "BRN": "Brunei",
         "CZE": "Czechia", "MKD": "North Macedonia", "TUR": "Turkey", "CIV": "Côte d'Ivoire",
         "VAT": "Holy See", "CPV": "Cape Verde", "SWZ": "Eswatini", "NLD": "Netherlands",
         "PHL": "Philippines", "BHS": "Bahamas", "GMB": "Gambia"}
# Names the ICEWS country columns use where they differ from ISO's.
ICEWS = {"Russian Federation": "RUS", "Occupied Palestinian Territory": "PSE",
         "Democratic Republic of Congo": "COD", "Congo": "COG", "Republic of Congo": "COG",
         "Ivory Coast": "CIV", "Cote d'Ivoire": "CIV", "Macedonia": "MKD", "Burma": "MMR",
         "East Timor": "TLS", "Swaziland": "SWZ", "Czech Republic": "CZE",
         "Kyrgyz Republic": "KGZ", "Vatican City": "VAT", "United States of America": "USA",
         "UK": "GBR", "Great Britain": "GBR", "Hong Kong": "HKG", "Macau": "MAC"}
# International organisations: CAMEO known-group code (GDELT's Actor1KnownGroupCode) and names.
IGO = [("UNO", "united-nations", "United Nations", ["United Nations", "UN"]),
       ("EEC", "european-union", "European Union", ["European Union", "EU"]),
       ("NAT", "nato", "NATO", ["North Atlantic Treaty Organization", "NATO"]),
       ("IMF", "imf", "International Monetary Fund", ["International Monetary Fund"]),
       ("WBK", "world-bank", "World Bank", ["World Bank"]),
       ("WTO", "wto", "World Trade Organization", ["World Trade Organization"]),
       ("ARL", "arab-league", "Arab League", ["Arab League", "League of Arab States"]),
       ("ASN", "asean", "ASEAN", ["Association of Southeast Asian Nations", "ASEAN"]),
       ("OPC", "opec", "OPEC", ["Organization of the Petroleum Exporting Countries", "OPEC"]),
       (None, "african-union", "African Union", ["African Union"])]

rows, seen = [], set()


def add(key, id_, name, kind):
    if key.strip().lower() not in seen:
        seen.add(key.strip().lower())
        rows.append((key, id_, name, kind))


entries = []
for c in json.load(open(ISO))["3166-1"]:
    name = SHORT.get(c["alpha_3"], c.get("common_name", c["name"]))
    entries.append((c["alpha_3"], slug(name), name, c))
for a3, id_, name, c in entries:
    add(a3, id_, name, "state")
for a3, id_, name, c in entries:
    for n in sorted({name, c["name"], c.get("common_name", c["name"]),
                     c.get("official_name", c["name"])}):
        add(n, id_, name, "state")
by_code = {a3: (id_, name) for a3, id_, name, c in entries}
for n, a3 in ICEWS.items():
    add(n, by_code[a3][0], by_code[a3][1], "state")
add("KOS", "kosovo", "Kosovo", "state")  # CAMEO's code; Kosovo has no ISO 3166-1 code
add("Kosovo", "kosovo", "Kosovo", "state")
for code, id_, name, names in IGO:
    if code:
        add(code, id_, name, "organization")
    for n in names:
        add(n, id_, name, "organization")
out = io.StringIO()
w = csv.writer(out, lineterminator="\n")
w.writerow(["key", "id", "name", "kind"])
w.writerows(rows)
open("data/events/actors.csv", "w", encoding="utf-8").write(out.getvalue())
