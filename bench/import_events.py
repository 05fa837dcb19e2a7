#!/usr/bin/python3
"""Times `entente import events --preset gdelt2` on a GDELT-2.0-shaped file against the pandas
groupby a data person would write for the same aggregation (never part of the tests).

  /usr/bin/python3 bench/import_events.py BUILD_DIR [--rows 1000000] [--no-pandas]

Writes bench/data/gdelt2-synthetic-ROWS.tsv once (deterministic): 61 tab-separated columns as in
GDELT 2.0's event files, actors drawn from 60 country codes (and 5% known-group codes without a
country), CAMEO codes with their root, quad class and Goldstein value, dates over 2023, one URL in
ten repeated (so duplicates occur) and realistic text in the name and geography columns (about
390 bytes a row). Then imports it into a compiled dataset (median of three runs: wall and CPU
time, peak memory from /usr/bin/time -v, rows per second) and runs pandas (read_csv of the eight
columns the aggregation needs, drop_duplicates, groupby, sum and count) on the same file, with its
peak memory.
"""
import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CODES = [("010", 0.0), ("012", -0.4), ("036", 4.0), ("042", 1.9), ("043", 2.8), ("051", 3.4),
         ("057", 8.0), ("061", 6.4), ("070", 7.0), ("111", -2.0), ("112", -2.0), ("130", -4.4),
         ("138", -7.0), ("163", -8.0), ("173", -5.0), ("190", -10.0), ("195", -10.0)]
COUNTRIES = ["USA", "CHN", "RUS", "IND", "PAK", "IRN", "ISR", "UKR", "GBR", "FRA", "DEU", "JPN",
             "KOR", "PRK", "TUR", "SAU", "EGY", "SYR", "IRQ", "AFG", "BRA", "MEX", "CAN", "AUS",
             "ZAF", "NGA", "KEN", "ETH", "SDN", "LBY", "QAT", "ARE", "JOR", "LBN", "YEM", "POL",
             "ITA", "ESP", "NLD", "BEL", "SWE", "NOR", "FIN", "GRC", "SRB", "HUN", "ROU", "BGR",
             "VNM", "THA", "IDN", "PHL", "MYS", "SGP", "BGD", "LKA", "NPL", "MMR", "KAZ", "UZB"]
GROUPS = ["UNO", "EEC", "NAT", "IMF", "WBK"]


def quad(code):
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def generate(path, rows):
    rng = random.Random(13)
    with open(path, "w", encoding="utf-8") as f:
        url = ""
        for i in range(rows):
            day = 20230101 + rng.randrange(12) * 100 + rng.randrange(28)
            a1 = rng.choice(COUNTRIES)
            g1 = ""
            if rng.random() < 0.05:
                a1, g1 = "", rng.choice(GROUPS)
            a2 = rng.choice(COUNTRIES)
            code, goldstein = rng.choice(CODES)
            if i % 10 != 9:
                url = f"https://news.example.org/{day}/story-{rng.randrange(10**9)}.html"
            cols = [str(10**9 + i), str(day), str(day // 100), str(day // 10000), "2023.5000",
                    a1 + g1, f"{a1 or g1} GOVERNMENT", a1, g1, "", "", "", "GOV", "", "",
                    a2, f"{a2} MINISTRY", a2, "", "", "", "", "GOV", "", "",
                    "1", code, code[:3], code[:2], str(quad(code)), f"{goldstein:.1f}",
                    "6", "1", "6", "-2.9411764705882"]
            for _ in range(3):
                cols += ["4", "Capital City, Some Province, Country", a2[:2], a2[:2] + "01",
                         a2[:2] + "001", "12.3456", "45.6789", "-1234567"]
            cols += [f"{day}{rng.randrange(24):02d}1500", url]
            f.write("\t".join(cols) + "\n")


def timed(cmd):
    start = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", out.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", out.stderr).group(1))
    return wall, user + system, rss / 1024, out.stdout


PANDAS = r"""
import sys, pandas as pd
cols = {0: "id", 1: "day", 7: "c1", 8: "g1", 17: "c2", 18: "g2", 26: "code", 29: "quad",
        30: "goldstein", 60: "url"}
df = pd.read_csv(sys.argv[1], sep="\t", header=None, usecols=list(cols), names=None,
                 dtype={7: str, 8: str, 17: str, 18: str, 26: str, 60: str},
                 keep_default_na=False, quoting=3).rename(columns=cols)
df = df.drop_duplicates(["url", "c1", "g1", "c2", "g2", "code", "day"])
df["k1"] = df.c1.where(df.c1 != "", df.g1)
df["k2"] = df.c2.where(df.c2 != "", df.g2)
df = df[(df.k1 != "") & (df.k2 != "") & (df.k1 != df.k2)]
df["sign"] = (df.code.str[:2] <= "08").map({True: 1, False: -1})
df["month"] = df.day // 100
df["intensity"] = df.goldstein.abs()
g = df.groupby(["k1", "k2", "quad", "sign", "month"]).agg(events=("id", "size"),
                                                        intensity_sum=("intensity", "sum"))
print(len(g))
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--no-pandas", action="store_true")
    args = parser.parse_args()
    entente = os.path.join(args.build, "src", "entente")
    os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
    path = os.path.join(HERE, "data", f"gdelt2-synthetic-{args.rows}.tsv")
    if not os.path.exists(path):
        generate(path, args.rows)
    size = os.path.getsize(path) / 2**20
    print(f"{args.rows} rows, {size:.0f} MiB: {path}")
    runs = [timed([entente, "import", "events", "--preset", "gdelt2", path, "-o",
                   "/tmp/entente-bench-events.entente"]) for _ in range(3)]
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    rss = max(r[2] for r in runs)
    print(f"entente: {wall:.2f} s wall, {cpu:.2f} s CPU, {args.rows / cpu:,.0f} rows/s (CPU), "
          f"peak {rss:.0f} MiB; {runs[0][3].strip()}")
    if not args.no_pandas:
        wall, cpu, rss, out = timed(["/usr/bin/python3", "-c", PANDAS, path])
        print(f"pandas:  {wall:.2f} s wall, {cpu:.2f} s CPU, {args.rows / cpu:,.0f} rows/s (CPU), "
              f"peak {rss:.0f} MiB; {out.strip()} groups")


if __name__ == "__main__":
    main()
