#!/usr/bin/python3
"""Recomputes the roll-call agreement measures for every pair of UN members from the raw CSVs, and
checks them against the world and against entente.

  unga_agreement.py DATA_DIR [--entente FILE.json ...] [--tolerance 1e-9] [--print-us]

DATA_DIR holds un_votes.csv (rcid,country,country_code,vote: yes/no/abstain, absent members have
no row) and us-voting-coincidence-2018.csv (the US State Department's published coincidence of
every member with the United States: COUNTRY,ISO,SAME,OPPOSITE,PARTIAL,ABSENT,COINCIDENCE).

For each pair (a, b), over the n roll calls both cast a vote on (yes +1, abstain 0, no -1; the
convention of the field: jointly present), with d the mean absolute distance |x - y|:
  identical        share of roll calls with the same vote;
  agreement-index  mean of 1 (same), 1/2 (one abstains), 0 (opposite): Lijphart (1963), the State
                   Department's "voting coincidence"; equals 1 - d/2;
  s                Signorino and Ritter (1999): 1 - 2 d / d_max with d_max = 2, so 1 - d;
  kappa            Cohen's kappa as Haege (2011) proposes it: 1 - d / D_e, D_e the mean distance
                   between a's and b's votes paired at random (each actor's own marginals);
  pi               Scott's pi (Haege 2011): the same with D_e from the pooled marginals of both.
kappa and pi are undefined (None) when D_e is 0.

Checks, each failing the script (status 1):
  1. hand cases of each measure;
  2. the agreement index of every member with the United States against the published coincidence:
     every member matched, mean absolute difference at most 0.02 (printed);
  3. with --entente FILE (JSON of `entente align A --format json`, `entente align A B --format
     json` or `entente align --matrix --format json`): every score entente gives for a measure above
     equals this script's to the tolerance, and at least one was compared.
Needs numpy; run with /usr/bin/python3 (Debian's python3-numpy).
"""
import argparse
import csv
import json
import math
import sys

import numpy as np

CODES = {"yes": 1, "abstain": 0, "no": -1}
STANCES = np.array([-1.0, 0.0, 1.0])

# The report's names for the members whose unvotes names differ.
REPORT_NAMES = {
    "Antigua and Barbuda": "Antigua & Barbuda",
    "Bolivia (Plurinational State of)": "Bolivia",
    "Bosnia and Herzegovina": "Bosnia & Herzegovina",
    "Brunei Darussalam": "Brunei",
    "Cabo Verde": "Cape Verde",
    "Congo": "Congo - Brazzaville",
    "Cote D'Ivoire": "Côte d’Ivoire",
    "Democratic People's Republic of Korea": "North Korea",
    "Democratic Republic of the Congo": "Congo - Kinshasa",
    "Equatoria Guinea": "Equatorial Guinea",
    "Gambia (Republic of The)": "Gambia",
    "Guinea Bissau": "Guinea-Bissau",
    "Irag": "Iraq",
    "Iran (Islamic Republic of)": "Iran",
    "Lao People's Democratic Republic": "Laos",
    "Myanmar": "Myanmar (Burma)",
    "Republic of Korea": "South Korea",
    "Republic of Moldova": "Moldova",
    "Russian Federation": "Russia",
    "Saint Kitts and Nevis": "St. Kitts & Nevis",
    "Saint Lucia": "St. Lucia",
    "Saint Vincent and the Grenadines": "St. Vincent & Grenadines",
    "Sao Tome and Principe": "São Tomé & Príncipe",
    "Serbia": "Yugoslavia",  # unvotes keeps Voeten's country code for Serbia's seat
    "Syrian Arab Republic": "Syria",
    "Trinidad and Tobago": "Trinidad & Tobago",
    "United Kingdom of Great Britain and Northern Ireland": "United Kingdom",
    "United Republic of Tanzania": "Tanzania",
    "Venezuela, Bolivarian Republic of": "Venezuela",
    "Viet Nam": "Vietnam",
    "eSwatini": "Eswatini",
}


def read_votes(path):
    """Members (sorted names) and the votes matrix: members x roll calls, NaN where absent."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    members = sorted({r["country"] for r in rows})
    rcids = sorted({int(r["rcid"]) for r in rows})
    m = {name: i for i, name in enumerate(members)}
    k = {rcid: j for j, rcid in enumerate(rcids)}
    votes = np.full((len(members), len(rcids)), np.nan)
    for r in rows:
        votes[m[r["country"]], k[int(r["rcid"])]] = CODES[r["vote"]]
    return members, votes


def expected_distance(p, q):
    """Mean |x - y| for x drawn from p and y from q (distributions over -1, 0, 1)."""
    return float(p @ np.abs(STANCES[:, None] - STANCES[None, :]) @ q)


def measures(x, y):
    """Every measure for two vote vectors (NaN = absent), over the roll calls both cast."""
    both = ~np.isnan(x) & ~np.isnan(y)
    n = int(both.sum())
    if n == 0:
        return {"objects": 0}
    x, y = x[both], y[both]
    d = float(np.abs(x - y).mean())
    p = np.array([(x == s).mean() for s in STANCES])
    q = np.array([(y == s).mean() for s in STANCES])
    pooled = (p + q) / 2
    de_kappa = expected_distance(p, q)
    de_pi = expected_distance(pooled, pooled)
    return {
        "objects": n,
        "identical": float((x == y).mean()),
        "agreement-index": 1 - d / 2,
        "s": 1 - d,
        "kappa": 1 - d / de_kappa if de_kappa > 0 else None,
        "pi": 1 - d / de_pi if de_pi > 0 else None,
    }


def all_pairs(votes):
    """The measures for every ordered pair (i, j), i != j, as arrays (NaN where undefined)."""
    present = ~np.isnan(votes)
    counts = {}
    onehot = {}
    for s in STANCES:
        onehot[s] = (votes == s).astype(float)
    both = present.astype(float) @ present.astype(float).T
    # Distance |x - y| summed over joint roll calls: sum over stance pairs of counts x |s - t|.
    dist = np.zeros_like(both)
    same = np.zeros_like(both)
    for s in STANCES:
        for t in STANCES:
            c = onehot[s] @ onehot[t].T
            counts[(s, t)] = c
            dist += c * abs(s - t)
            if s == t:
                same += c
    with np.errstate(invalid="ignore", divide="ignore"):
        d = dist / both
        # Each actor's marginals over the roll calls both cast: a's count of stance s jointly
        # with b present is sum_t counts[(s, t)].
        pa = {s: sum(counts[(s, t)] for t in STANCES) / both for s in STANCES}
        pb = {t: sum(counts[(s, t)] for s in STANCES) / both for t in STANCES}
        de_kappa = sum(pa[s] * pb[t] * abs(s - t) for s in STANCES for t in STANCES)
        pooled = {s: (pa[s] + pb[s]) / 2 for s in STANCES}
        de_pi = sum(pooled[s] * pooled[t] * abs(s - t) for s in STANCES for t in STANCES)
        out = {
            "objects": both,
            "identical": same / both,
            "agreement-index": 1 - d / 2,
            "s": 1 - d,
            "kappa": np.where(de_kappa > 0, 1 - d / de_kappa, np.nan),
            "pi": np.where(de_pi > 0, 1 - d / de_pi, np.nan),
        }
    return out


def close(a, b, tol=1e-12):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tol


def hand_cases():
    """The measures on cases worked by hand; returns the failures."""
    nan = np.nan
    problems = []

    def expect(name, x, y, want):
        got = measures(np.array(x, float), np.array(y, float))
        for key, value in want.items():
            if not close(got.get(key), value):
                problems.append(f"hand case {name}: {key} = {got.get(key)}, expected {value}")

    # Same on all 20 votes both cast (yes 15, no 5): every measure 1.
    expect("identical", [1] * 15 + [-1] * 5 + [nan], [1] * 15 + [-1] * 5 + [1],
           {"objects": 20, "identical": 1.0, "agreement-index": 1.0, "s": 1.0, "kappa": 1.0,
            "pi": 1.0})
    # x = (1, 1, 0, -1), y = (1, 0, -1, -1): distances 0, 1, 1, 0, d = 1/2.
    # p = (1/4 no, 1/4 abstain, 1/2 yes), q = (1/2, 1/4, 1/4). D_e(kappa) = sum p_s q_t |s - t|:
    # no-abst 1/4*1/4*1 + no-yes 1/4*1/4*2 + abst-no 1/4*1/2*1 + abst-yes 1/4*1/4*1
    # + yes-no 1/2*1/2*2 + yes-abst 1/2*1/4*1 = 1/16 + 2/16 + 2/16 + 1/16 + 8/16 + 2/16 = 1.
    # Pooled (3/8, 1/4, 3/8): D_e(pi) = 2*(3/8*1/4) + 2*(3/8*3/8*2) + 2*(1/4*3/8) = 3/16 + 9/16
    # + 3/16 = 15/16.
    expect("mixed", [1, 1, 0, -1], [1, 0, -1, -1],
           {"objects": 4, "identical": 0.5, "agreement-index": 0.75, "s": 0.5, "kappa": 0.5,
            "pi": 1 - 0.5 / (15 / 16)})
    # Opposite on everything, each always the same: S = -1; D_e(kappa) = 2 = d, so kappa = 0
    # (what chance gives two actors with these marginals); pooled (1/2, 0, 1/2), D_e(pi) = 1,
    # pi = -1.
    expect("opposite", [1, 1], [-1, -1],
           {"identical": 0.0, "agreement-index": 0.0, "s": -1.0, "kappa": 0.0, "pi": -1.0})
    # Both always yes: no variation, kappa and pi undefined.
    expect("constant", [1, 1, 1], [1, 1, 1], {"kappa": None, "pi": None, "s": 1.0})
    # The dense all-pairs computation equals the pair-by-pair one on random data.
    rng = np.random.default_rng(11)
    votes = rng.choice([-1.0, 0.0, 1.0, nan], size=(12, 40), p=[0.3, 0.2, 0.4, 0.1])
    votes[3] = 1.0  # a member that always votes yes
    dense = all_pairs(votes)
    for i in range(12):
        for j in range(12):
            if i == j:
                continue
            one = measures(votes[i], votes[j])
            for key in ("identical", "agreement-index", "s", "kappa", "pi"):
                v = dense[key][i, j]
                v = None if math.isnan(v) else float(v)
                if not close(one[key], v, 1e-12):
                    problems.append(f"dense {key}[{i},{j}] = {v}, pairwise {one[key]}")
    return problems


def check_published(members, table, path):
    """Agreement index with the United States against the published coincidence."""
    with open(path, newline="", encoding="utf-8") as f:
        published = list(csv.DictReader(f))
    index = {name: i for i, name in enumerate(members)}
    us = index["United States"]
    diffs = []
    problems = []
    for row in published:
        name = REPORT_NAMES.get(row["COUNTRY"], row["COUNTRY"])
        if name not in index:
            problems.append(f"published member {row['COUNTRY']!r} not among the voters")
            continue
        ours = float(table["agreement-index"][index[name], us])
        diffs.append((abs(ours - float(row["COINCIDENCE"])), name, ours, row["COINCIDENCE"]))
    mad = sum(d for d, *_ in diffs) / len(diffs)
    worst = max(diffs)
    print(f"agreement index with the United States vs the published coincidence: "
          f"{len(diffs)} members, mean absolute difference {mad:.4f}, "
          f"largest {worst[0]:.4f} ({worst[1]}: {worst[2]:.4f} vs {worst[3]})")
    if len(diffs) != len(members) - 1:
        problems.append(f"{len(diffs)} members compared, expected {len(members) - 1}")
    if mad > 0.02:
        problems.append(f"mean absolute difference {mad:.4f} > 0.02")
    return problems


def entente_scores(document):
    """(a name, b name, measure, value, objects) for every score in entente's JSON answer."""
    found = []

    def measures_of(node):
        return node.get("measures") if isinstance(node.get("measures"), dict) else None

    def visit(node, a=None):
        if isinstance(node, dict):
            here_a = a
            if isinstance(node.get("actor"), dict) and "ranking" in node:
                here_a = node["actor"]
            pair = None
            if isinstance(node.get("a"), dict) and isinstance(node.get("b"), dict):
                pair = (node["a"], node["b"])
            elif here_a is not None and isinstance(node.get("actor"), dict) and node is not None \
                    and "ranking" not in node:
                pair = (here_a, node["actor"])
            ms = measures_of(node)
            if pair and ms:
                for name, score in ms.items():
                    if isinstance(score, dict) and "score" in score:
                        found.append((pair[0]["name"], pair[1]["name"], name, score["score"],
                                      score.get("objects")))
            for value in node.values():
                visit(value, here_a)
        elif isinstance(node, list):
            for value in node:
                visit(value, a)

    visit(document)
    # The matrix: "actors" in order, "matrix" the scores of the one "measure" (row a, column b),
    # "objects" the counts beside them.
    if isinstance(document.get("matrix"), list) and isinstance(document.get("actors"), list):
        actors = document["actors"]
        counts = document.get("objects")
        for i, row in enumerate(document["matrix"]):
            for j, value in enumerate(row):
                if i != j:
                    found.append((actors[i]["name"], actors[j]["name"], document["measure"],
                                  value, counts[i][j] if counts else None))
    return found


def check_entente(members, table, path, tol):
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    index = {name: i for i, name in enumerate(members)}
    problems = []
    compared = 0
    worst = 0.0
    for a, b, measure, value, objects in entente_scores(document):
        if measure not in table or a not in index or b not in index:
            continue
        ours = float(table[measure][index[a], index[b]])
        ours = None if math.isnan(ours) else ours
        if (ours is None) != (value is None):
            problems.append(f"{path}: {measure}({a}, {b}) = {value}, expected {ours}")
        elif ours is not None:
            worst = max(worst, abs(ours - value))
            if abs(ours - value) > tol:
                problems.append(f"{path}: {measure}({a}, {b}) = {value!r}, expected {ours!r}")
        if objects is not None and objects != int(table["objects"][index[a], index[b]]):
            problems.append(f"{path}: {measure}({a}, {b}) rests on {objects} roll calls, "
                            f"expected {int(table['objects'][index[a], index[b]])}")
        compared += 1
    print(f"{path}: {compared} scores compared with entente's, largest difference {worst:.3g}")
    if compared == 0:
        problems.append(f"{path}: no score of a known measure found")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data")
    parser.add_argument("--entente", action="append", default=[])
    parser.add_argument("--tolerance", type=float, default=1e-9)
    parser.add_argument("--print-us", action="store_true",
                        help="print every member's measures with the United States")
    args = parser.parse_args()
    problems = hand_cases()
    members, votes = read_votes(f"{args.data}/un_votes.csv")
    table = all_pairs(votes)
    print(f"{len(members)} members, {votes.shape[1]} roll calls, "
          f"{int((~np.isnan(votes)).sum())} votes")
    problems += check_published(members, table, f"{args.data}/us-voting-coincidence-2018.csv")
    for path in args.entente:
        problems += check_entente(members, table, path, args.tolerance)
    if args.print_us:
        us = members.index("United States")
        for i, name in enumerate(members):
            if i != us:
                print(name, *(f"{table[k][i, us]:.6f}" for k in
                              ("identical", "agreement-index", "s", "kappa", "pi")),
                      int(table["objects"][i, us]))
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
