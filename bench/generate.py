#!/usr/bin/env python3
"""Deterministic synthetic entente datasets for the benchmarks.

  generate.py claims N OUT.json   power-law graph of N claims (actors ~ N/100, at least 200)
  generate.py un OUT.json         UN-like stance matrix: 193 states x 6,200 positions

Same arguments, same bytes: a fixed seed and no dependence on the Python version's hash order.
"""
import json
import random
import sys

WORDS = ("the government said it would support closer cooperation with its neighbours on trade "
         "security energy and transport while opposing any unilateral measures that undermine "
         "regional stability and the sovereignty of states in the region according to officials "
         "quoted by the agency on condition of anonymity after talks in the capital").split()

SIGNED = [("supports", 1), ("opposes", -1), ("cooperates_with", 1), ("partners_with", 1),
          ("trades_with", 1), ("allied_with", 1), ("pressures", -1), ("sanctions", -1),
          ("hostile_to", -1), ("threatens", -1)]
POSITIVE = [r for r, p in SIGNED if p > 0]
NEGATIVE = [r for r, p in SIGNED if p < 0]


def quote(rng):
    n = rng.randint(14, 30)  # 80-200 characters, like a sentence quoted from a news story
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def write(out, dataset_parts):
    # Streamed so that 10^7 claims need no 4 GB string in memory.
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"entente": 1,\n')
        for i, (key, items) in enumerate(dataset_parts):
            f.write('"%s": [\n' % key)
            first = True
            for item in items:
                if not first:
                    f.write(",\n")
                f.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
                first = False
            f.write("\n]" + (",\n" if i + 1 < len(dataset_parts) else "\n"))
        f.write("}\n")


def claims_dataset(n, out):
    rng = random.Random(20240522)
    n_actors = max(200, n // 100)
    n_positions = n_actors // 10
    n_sides = n_actors - n_positions
    # About ten claims per source, each a news report: a source repeating or contradicting
    # itself is then as rare as in curated data, and validation warnings stay few.
    n_sources = max(10, n // 10)
    kinds = ["state"] * 6 + ["organization", "person", "group"]
    actors = []
    for i in range(n_sides):
        actors.append({"id": "a%d" % i, "name": "Actor %d" % i, "kind": kinds[i % len(kinds)],
                       "aliases": ["A-%d" % i]})
    for i in range(n_positions):
        actors.append({"id": "p%d" % i, "name": "Position %d" % i, "kind": "position",
                       "holder": "a%d" % rng.randrange(n_sides)})
    sources = [{"id": "s%d" % i, "title": "Report %d on regional affairs" % i,
                "author": "Analyst %d" % (i % 97), "publisher": "Agency %d" % (i % 13),
                "date": "20%02d-%02d-%02d" % (10 + i % 14, 1 + i % 12, 1 + i % 28)}
               for i in range(n_sources)]

    # Power-law degrees: endpoints drawn with probability ~ 1 / rank^0.9.
    weights = [1.0 / (r + 1) ** 0.9 for r in range(n_sides)]
    cumulative, total = [], 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    import bisect

    def pick():
        return bisect.bisect_left(cumulative, rng.random() * total)

    def claims():
        for i in range(n):
            s = pick()
            c = {"id": "c%d" % i}
            if rng.random() < 0.3:  # a stance on a position
                c["subject"] = "a%d" % s
                c["relation"] = "supports" if rng.random() < 0.8 else "opposes"
                c["object"] = "p%d" % rng.randrange(n_positions)
            else:
                o = pick()
                while o == s:
                    o = rng.randrange(n_sides)
                c["subject"] = "a%d" % s
                c["relation"] = rng.choice(POSITIVE) if rng.random() < 0.8 else rng.choice(NEGATIVE)
                c["object"] = "a%d" % o
            c["source"] = "s%d" % min(n_sources - 1, i // 10)
            c["quote"] = quote(rng)
            c["confidence"] = round(rng.uniform(0.5, 1.0), 2)
            yield c

    write(out, [("sources", sources), ("actors", actors), ("claims", claims())])


def un_dataset(out):
    rng = random.Random(1945)
    states = ["state%d" % i for i in range(193)]
    n_positions = 6200
    actors = [{"id": s, "name": "Member State %d" % i, "kind": "state"}
              for i, s in enumerate(states)]
    actors += [{"id": "res%d" % j, "name": "Resolution %d" % j, "kind": "position"}
               for j in range(n_positions)]
    # Each state leans to a bloc; it votes on ~90% of resolutions, mostly with its bloc.
    bloc = [rng.randrange(3) for _ in states]
    stance = [[1 if rng.random() < 0.75 else -1 for _ in range(3)] for _ in range(n_positions)]

    def claims():
        k = 0
        for j in range(n_positions):
            for i, s in enumerate(states):
                if rng.random() < 0.9:
                    vote = stance[j][bloc[i]] if rng.random() < 0.85 else -stance[j][bloc[i]]
                    yield {"id": "v%d" % k, "subject": s,
                           "relation": "supports" if vote > 0 else "opposes",
                           "object": "res%d" % j, "source": "unga"}
                    k += 1

    write(out, [("sources", [{"id": "unga", "title": "Synthetic General Assembly votes"}]),
                ("actors", actors), ("claims", claims())])


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "claims":
        claims_dataset(int(float(sys.argv[2])), sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "un":
        un_dataset(sys.argv[2])
    else:
        sys.exit(__doc__)
