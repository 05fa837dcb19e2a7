#!/usr/bin/python3
"""Times `entente import votes --preset voeten` on a Voeten-sized table (never part of the tests).

  /usr/bin/python3 bench/import_votes.py BUILD_DIR [--members 193] [--roll-calls 6200]

Writes bench/data/UNVotes-synthetic.csv once (deterministic): the columns of Voeten's UNVotes.csv
(rcid, ccode, member, vote, Country, Countryname, year, session, abstain, yes, no, importantvote,
date, unres, amend, para, short, descr, me, nu, di, hr, co, ec), every member on every roll call
(votes 1 yes 60 %, 3 no 10 %, 2 abstain 15 %, 8 absent 10 %, 9 not a member 5 %), each roll call's
title and description repeated on its rows as in the real file (about 1.2 million rows by
default). Then imports it into a compiled and a JSON dataset, three times each, and prints the
median wall and CPU time (the machine is shared: CPU time is what the import costs when other
builds hold the cores), the peak memory (/usr/bin/time) and the rows per second; and Python's csv module
reading the same file (the floor a script would start from) for comparison.
"""
import argparse
import os
import random
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def generate(path, members, roll_calls):
    rng = random.Random(11)
    names = [(f"Country {i} of the {rng.choice(['North', 'South', 'East', 'West'])}",
              f"C{i:02d}", 2 + 5 * i) for i in range(members)]
    header = ("rcid,ccode,member,vote,Country,Countryname,year,session,abstain,yes,no,"
              "importantvote,date,unres,amend,para,short,descr,me,nu,di,hr,co,ec\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for rc in range(1, roll_calls + 1):
            year = 1946 + rc * 73 // roll_calls
            date = f"{year}-{1 + rc % 12:02d}-{1 + rc % 28:02d}"
            short = f"\"RESOLUTION {rc}, ON THE QUESTION OF ITEM {rc % 300}\""
            descr = ("\"TO ADOPT THE DRAFT RESOLUTION ON ITEM " + str(rc % 300) +
                     " AS A WHOLE, AS RECOMMENDED BY THE COMMITTEE, WITH \"\"AMENDMENTS\"\"\"")
            issues = ",".join("1" if rng.random() < 0.2 else "0" for _ in range(6))
            for name, code, ccode in names:
                vote = rng.choices([1, 3, 2, 8, 9], [60, 10, 15, 10, 5])[0]
                f.write(f"{rc},{ccode},1,{vote},{code},{name},{year},{year - 1945},0,0,0,0,{date},"
                        f"R/{year - 1945}/{rc},0,0,{short},{descr},{issues}\n")


def timed(command):
    start = time.perf_counter()
    run = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + command, capture_output=True,
                         text=True)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{run.stderr}")
    memory, user, system = run.stderr.strip().splitlines()[-1].split()
    return elapsed, int(memory), float(user) + float(system)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("--members", type=int, default=193)
    parser.add_argument("--roll-calls", type=int, default=6200)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    data = os.path.join(HERE, "data")
    os.makedirs(data, exist_ok=True)
    path = os.path.join(data, f"UNVotes-synthetic-{args.members}x{args.roll_calls}.csv")
    if not os.path.exists(path):
        generate(path, args.members, args.roll_calls)
    rows = args.members * args.roll_calls
    size = os.path.getsize(path)
    entente = os.path.join(args.build, "src", "entente")
    print(f"{path}: {rows} rows, {size / 1e6:.0f} MB")
    for out in ("votes.entente", "votes.json"):
        target = os.path.join(data, out)
        times = []
        for _ in range(args.repeats):
            times.append(timed([entente, "import", "votes", "--preset", "voeten", path,
                                "-o", target]))
        t = statistics.median(x for x, _, _ in times)
        cpu = statistics.median(c for _, _, c in times)
        mem = max(m for _, m, _ in times)
        print(f"entente import votes -o {out}: median {t:.2f} s wall, {cpu:.2f} s CPU (user + "
              f"system) over {args.repeats} runs, {rows / t / 1e6:.2f} M rows/s, peak "
              f"{mem / 1024:.0f} MiB, output {os.path.getsize(target) / 1e6:.0f} MB")
    t0 = time.perf_counter()
    c0 = time.process_time()
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        n = sum(1 for _ in csv.reader(f))
    print(f"python3 csv.reader, rows only: {time.perf_counter() - t0:.2f} s wall, "
          f"{time.process_time() - c0:.2f} s CPU ({n - 1} rows)")


if __name__ == "__main__":
    main()
