"""Times of the exact frustration index: entente's integer program (through frustration_bench)
against the independent scipy milp model (tests/balance/frustration_milp.py) and against
entente's local search, on random signed graphs (two planted camps, flipped signs).

Usage: /usr/bin/python3 bench/frustration_sweep.py FRUSTRATION_BENCH [n:degree:noise ...]
Prints a Markdown table of medians over three seeds per row.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "balance"))
import frustration_milp  # noqa: E402


def run_bench(binary, mode, path, limit):
    out = subprocess.run([binary, mode, "--file", path, str(limit)], capture_output=True,
                         text=True, check=True).stdout.split()
    return int(out[2]), int(out[3]), out[4] == "1", float(out[5])


def main():
    binary = sys.argv[1]
    specs = sys.argv[2:] or ["60:4:0.1", "120:3:0.05", "200:3:0.05", "200:4:0.03",
                             "200:3:0.1", "200:6:0.05", "200:6:0.1"]
    print("| actors | mean degree | flipped | ties | L (milp) | entente exact s | proven |"
          " scipy milp s | local search s | local search L |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for spec in specs:
            n, degree, noise = spec.split(":")
            rows = []
            for seed in (1, 2, 3):
                edges = frustration_milp.random_graph(int(n), float(degree), float(noise), seed)
                path = os.path.join(tmp, "g.txt")
                with open(path, "w", encoding="utf-8") as out:
                    out.write("%s %d\n" % (n, len(edges)))
                    for u, v, s in edges:
                        out.write("%d %d %d\n" % (u, v, s))
                index, _, exact, t_ilp = run_bench(binary, "ilp", path, 120)
                h_index, _, _, t_h = run_bench(binary, "heuristic", path, 0)
                t0 = time.time()
                truth = frustration_milp.milp_frustration(int(n), edges)
                t_milp = time.time() - t0
                assert not exact or index == truth, (spec, seed, index, truth)
                rows.append((len(edges), truth, t_ilp, exact, t_milp, t_h, h_index))
            med = lambda k: statistics.median(r[k] for r in rows)  # noqa: E731
            print("| %s | %s | %s | %d | %d | %.2f | %d/3 | %.2f | %.3f | %d |" % (
                n, degree, noise, med(0), med(1), med(2), sum(r[3] for r in rows), med(4),
                med(5), med(6)))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
