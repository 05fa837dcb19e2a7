#!/usr/bin/python3
"""Writes the small event files of the tests in the published layouts: ICEWS's Dataverse TSV (a
header of 20 columns), GDELT 1.0 (57 columns, 58 with SOURCEURL, no header) and GDELT 2.0 (61
columns, no header). The rows are made up; tests/unit/test_events.cpp works out their ties by
hand. Run from this directory: /usr/bin/python3 make_samples.py"""

ICEWS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
         "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
         "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
         "Province", "Country", "Latitude", "Longitude"]


def icews(rows, path, header=True):
    with open(path, "w", encoding="utf-8", newline="") as f:
        if header:
            f.write("\t".join(ICEWS) + "\n")
        for r in rows:
            (eid, date, sname, scountry, text, code, intensity, tname, tcountry, story, sentence) = r
            f.write("\t".join([eid, date, sname, "Government", scountry, text, code, intensity,
                               tname, "Government", tcountry, story, sentence, "Example Wire",
                               "", "", "", scountry, "", ""]) + "\n")


def gdelt(rows, path, version):
    with open(path, "w", encoding="utf-8", newline="") as f:
        for r in rows:
            eid, day, c1, g1, c2, g2, code, quad, goldstein, url = r[:10]
            cols = [eid, day, day[:6], day[:4], day[:4] + ".0123"]
            cols += [c1 + g1, c1 or g1, c1, g1, "", "", "", "", "", ""]  # Actor1Code ... Type3Code
            cols += [c2 + g2, c2 or g2, c2, g2, "", "", "", "", "", ""]
            cols += ["1", code, code[:3], code[:2], quad, goldstein, "4", "1", "4", "-1.5"]
            geo = 8 if version == 2 else 7  # GDELT 2.0 adds ADM2Code to each geography
            for _ in range(3):
                cols += ["1", "Somewhere", c1 or "US", "", ""] + ([""] if geo == 8 else []) + ["", ""]
            cols += [day + "000000" if version == 2 else day]  # DATEADDED
            if version == 2 or url is not None:
                cols += [url or ""]
            want = 61 if version == 2 else (58 if url is not None else 57)
            assert len(cols) == want, (len(cols), want)
            f.write("\t".join(cols) + "\n")


icews([
    ("101", "2018-01-03", "Vladimir Putin", "Russian Federation", "Make optimistic comment",
     "013", "0.4", "Hassan Rouhani", "Iran", "9001", "1"),
    ("102", "2018-01-03", "Foreign Affairs (Russia)", "Russian Federation", "Praise or endorse",
     "051", "3.4", "Iran", "Iran", "9001", "2"),
    ("103", "2018-01-03", "Sergey Lavrov", "Russian Federation", "Praise or endorse", "051",
     "3.4", "Iran", "Iran", "9001", "3"),
    ("104", "2018-01-20", "Russia (military)", "Russian Federation",
     "Use conventional military force", "190", "-10.0", "Ukraine", "Ukraine", "9002", "1"),
    ("105", "2018-01-21", "Ukraine", "Ukraine", "Accuse", "112", "-2.0", "Russia",
     "Russian Federation", "9003", "1"),
    ("106", "2018-02-02", "Russia", "Russian Federation", "Express intent to meet or negotiate",
     "036", "4.0", "Iran", "Iran", "9004", "1"),
    ("107", "2018-01-15", "Police (Russia)", "Russian Federation", "Arrest, detain", "173",
     "-5.0", "Citizen (Russia)", "Russian Federation", "9005", "1"),
    ("108", "2018-01-16", "United Nations", "", "Make a visit", "042", "1.9", "Iran", "Iran",
     "9006", "1"),
    ("109", "2018-01-17", "Insurgent (International)", "", "Threaten", "130", "-4.4", "Iran",
     "Iran", "9007", "1"),
    ("110", "2018-01-25", "Iran", "Iran", "Sign formal agreement", "057", "8.0", "Russia",
     "Russian Federation", "9008", "1"),
    ("111", "2018-01-26", "Iran", "Iran", "Cooperate economically", "061", "6.4", "Russia",
     "Russian Federation", "9009", "1"),
    ("112", "2018-01-27", "Japan", "Japan", "Make statement", "010", "0.0", "Iran", "Iran",
     "9010", "1"),
    ("113", "2018-01-28", "Iran", "Iran", "Make pessimistic comment", "012", "-0.4", "Japan",
     "Japan", "9011", "1"),
], "icews.tab")

gdelt([
    ("1001", "20240503", "USA", "", "CHN", "", "036", "1", "4.0", "https://example.org/a"),
    ("1002", "20240503", "USA", "", "CHN", "", "036", "1", "4.0", "https://example.org/a"),
    ("1003", "20240503", "USA", "", "CHN", "", "036", "1", "4.0", "https://example.org/b"),
    ("1004", "20240510", "CHN", "", "USA", "", "112", "3", "-2.0", "https://example.org/c"),
    ("1005", "20240512", "RUS", "", "UKR", "", "190", "4", "-10.0", "https://example.org/d"),
    ("1006", "20240601", "RUS", "", "UKR", "", "190", "4", "-10.0", "https://example.org/d"),
    ("1007", "20240515", "", "UNO", "UKR", "", "070", "2", "7.0", "https://example.org/e"),
    ("1008", "20240515", "USA", "", "USA", "", "010", "1", "0.0", "https://example.org/e"),
    ("1009", "20240516", "", "", "USA", "", "043", "1", "2.8", "https://example.org/e"),
    ("1010", "20240520", "IRN", "", "ISR", "", "138", "3", "-7.0", "https://example.org/f"),
    ("1011", "20240520", "IRN", "", "ISR", "", "138", "3", "-7.0", "https://example.org/f"),
    ("1012", "20240521", "XYZ", "", "USA", "", "043", "1", "2.8", "https://example.org/g"),
    ("1013", "20240522", "CHN", "", "USA", "", "012", "1", "-0.4", "https://example.org/g"),
], "gdelt2.tsv", 2)

gdelt([
    ("2001", "19950105", "USA", "", "RUS", "", "042", "1", "1.9", None),
    ("2002", "19950105", "USA", "", "RUS", "", "042", "1", "1.9", None),
    ("2003", "20130405", "FRA", "", "DEU", "", "057", "1", "8.0", "https://example.org/x"),
], "gdelt1.tsv", 1)

# Bad rows, one problem each (tests/cli/import_events.sh pins the messages).
icews([
    ("201", "2018-13-03", "Russia", "Russian Federation", "Praise", "051", "3.4", "Iran", "Iran",
     "1", "1"),
    ("202", "2018-01-03", "Russia", "Russian Federation", "Praise", "51x", "3.4", "Iran", "Iran",
     "2", "1"),
    ("203", "2018-01-03", "Russia", "Russian Federation", "Praise", "051", "12.5", "Iran",
     "Iran", "3", "1"),
    ("204", "2018-01-03", "Russia", "Russian Federation", "Praise", "251", "3.4", "Iran", "Iran",
     "4", "1"),
], "bad-icews.tab")
with open("bad-icews.tab", "a", encoding="utf-8") as f:
    f.write("205\t2018-01-03\tRussia\n")
gdelt([
    ("3001", "20240503", "USA", "", "CHN", "", "036", "5", "4.0", "https://example.org/a"),
    ("3002", "2024-05-03", "USA", "", "CHN", "", "036", "1", "4.0", "https://example.org/a"),
    ("3003", "20240503", "USA", "", "CHN", "", "036", "1", "strong", "https://example.org/a"),
], "bad-gdelt2.tsv", 2)
with open("bad-gdelt2.tsv", "a", encoding="utf-8") as f:
    f.write("\t".join(["3004"] * 57) + "\n")
