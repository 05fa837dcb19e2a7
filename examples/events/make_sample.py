#!/usr/bin/python3
"""Writes icews-sample.tab: 48 made-up events in the columns of the ICEWS Coded Event Data
(Harvard Dataverse), January to March 2023, for examples/events.md. Not real events: the dyads,
codes and intensities are invented to show the importer and the queries; the Goldstein values are
those CAMEO assigns to the codes. Run from this directory: /usr/bin/python3 make_sample.py"""

HEADER = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
          "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
          "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
          "Province", "Country", "Latitude", "Longitude"]
CODES = {"036": ("Express intent to meet or negotiate", "4.0"),
         "042": ("Make a visit", "1.9"),
         "051": ("Praise or endorse", "3.4"),
         "057": ("Sign formal agreement", "8.0"),
         "061": ("Cooperate economically", "6.4"),
         "070": ("Provide aid", "7.0"),
         "0874": ("Retreat or surrender militarily", "10.0"),
         "111": ("Criticize or denounce", "-2.0"),
         "112": ("Accuse", "-2.0"),
         "130": ("Threaten", "-4.4"),
         "163": ("Impose embargo, boycott, or sanctions", "-8.0"),
         "173": ("Arrest, detain, or charge with legal action", "-5.0"),
         "190": ("Use conventional military force", "-10.0"),
         "195": ("Employ aerial weapons", "-10.0")}
NAMES = {"United States": "Secretary of State (United States)", "Russian Federation": "Foreign Affairs (Russia)",
         "Iran": "Foreign Affairs (Iran)", "Israel": "Prime Minister (Israel)",
         "Ukraine": "Foreign Affairs (Ukraine)", "China": "Foreign Affairs (China)"}
# (date, source country, code, target country, story)
EVENTS = [
    ("2023-01-04", "United States", "057", "Israel", 1), ("2023-01-04", "United States", "057", "Israel", 1),
    ("2023-01-09", "Israel", "051", "United States", 2), ("2023-01-11", "United States", "070", "Ukraine", 3),
    ("2023-01-12", "Ukraine", "051", "United States", 4), ("2023-01-15", "Russian Federation", "190", "Ukraine", 5),
    ("2023-01-15", "Russian Federation", "195", "Ukraine", 5), ("2023-01-16", "Ukraine", "190", "Russian Federation", 6),
    ("2023-01-18", "Russian Federation", "061", "Iran", 7), ("2023-01-19", "Iran", "057", "Russian Federation", 8),
    ("2023-01-20", "China", "036", "Russian Federation", 9), ("2023-01-21", "Russian Federation", "051", "China", 10),
    ("2023-01-23", "China", "036", "United States", 11), ("2023-01-24", "United States", "042", "China", 12),
    ("2023-01-25", "Iran", "130", "Israel", 13), ("2023-01-26", "Israel", "111", "Iran", 14),
    ("2023-01-27", "United States", "163", "Iran", 15), ("2023-01-28", "Iran", "112", "United States", 16),
    ("2023-01-29", "United States", "111", "Russian Federation", 17), ("2023-01-30", "China", "061", "Iran", 18),
    ("2023-02-02", "United States", "070", "Ukraine", 19), ("2023-02-03", "Russian Federation", "190", "Ukraine", 20),
    ("2023-02-05", "Russian Federation", "112", "United States", 21), ("2023-02-06", "United States", "163", "Russian Federation", 22),
    ("2023-02-08", "China", "042", "Russian Federation", 23), ("2023-02-09", "Iran", "070", "Russian Federation", 24),
    ("2023-02-10", "China", "111", "United States", 25), ("2023-02-11", "United States", "112", "China", 26),
    ("2023-02-13", "Israel", "195", "Iran", 27), ("2023-02-14", "Iran", "130", "Israel", 28),
    ("2023-02-15", "United States", "051", "Israel", 29), ("2023-02-16", "China", "057", "Iran", 30),
    ("2023-02-20", "Russian Federation", "173", "Russian Federation", 31),
    ("2023-03-01", "United States", "070", "Ukraine", 32), ("2023-03-02", "Ukraine", "057", "United States", 33),
    ("2023-03-03", "Russian Federation", "190", "Ukraine", 34), ("2023-03-06", "China", "130", "United States", 35),
    ("2023-03-07", "United States", "163", "China", 36), ("2023-03-08", "China", "057", "Russian Federation", 37),
    ("2023-03-09", "Russian Federation", "057", "China", 38), ("2023-03-10", "Iran", "042", "China", 39),
    ("2023-03-13", "United States", "111", "Iran", 40), ("2023-03-14", "Israel", "051", "United States", 41),
    ("2023-03-15", "Iran", "111", "United States", 42), ("2023-03-16", "Ukraine", "112", "Russian Federation", 43),
    ("2023-03-20", "China", "036", "Ukraine", 44), ("2023-03-21", "Ukraine", "042", "China", 45),
    ("2023-03-22", "Israel", "190", "Iran", 46),
]
with open("icews-sample.tab", "w", encoding="utf-8", newline="") as f:
    f.write("\t".join(HEADER) + "\n")
    for n, (date, source, code, target, story) in enumerate(EVENTS):
        text, intensity = CODES[code]
        f.write("\t".join([str(30000001 + n), date, NAMES[source], "Government", source, text,
                           code, intensity, NAMES.get(target, target), "Government", target,
                           str(50000000 + story), str(1 + (n % 2)), "Example Wire", "", "", "",
                           source, "", ""]) + "\n")
