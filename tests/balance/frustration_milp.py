"""An independent check of `entente balance`'s exact frustration index.

Random signed graphs (two planted camps, a share of signs flipped, G(n, p) ties) are written as
datasets and balanced by the real binary; each answer must claim exactness, its camps must
frustrate exactly the ties it reports, and its index must equal the optimum of a separate
integer program: the "AND" model of Aref, Mason and Wilson (2018), one binary per vertex and one
per edge, solved by scipy's milp (HiGHS). entente uses a different model (XOR with odd-cycle
cuts) and a different solver (CBC), so agreement is not by construction.

Usage: /usr/bin/python3 frustration_milp.py ENTENTE WORKDIR [n:degree:noise:seed ...]
Exit status 0 when every graph agrees, 1 otherwise (each disagreement printed).
"""

import json
import os
import random
import subprocess
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix


def random_graph(n, degree, noise, seed):
    rng = random.Random(seed)
    side = [rng.random() < 0.5 for _ in range(n)]
    p = degree / (n - 1)
    edges = []
    for u in range(n):
        for v in range(u + 1, n):
            if rng.random() < p:
                sign = 1 if side[u] == side[v] else -1
                if rng.random() < noise:
                    sign = -sign
                edges.append((u, v, sign))
    return edges


def milp_frustration(n, edges):
    """Aref, Mason and Wilson (2018): min sum_pos (x_i + x_j - 2 x_ij)
    + sum_neg (1 - x_i - x_j + 2 x_ij), x_ij <= x_i, x_ij <= x_j (positive),
    x_ij >= x_i + x_j - 1 (negative)."""
    m = len(edges)
    c = np.zeros(n + m)
    constant = 0.0
    rows = []
    for k, (u, v, s) in enumerate(edges):
        e = n + k
        if s > 0:
            c[u] += 1
            c[v] += 1
            c[e] -= 2
            rows.append(({e: 1, u: -1}, -np.inf, 0))
            rows.append(({e: 1, v: -1}, -np.inf, 0))
        else:
            constant += 1
            c[u] -= 1
            c[v] -= 1
            c[e] += 2
            rows.append(({e: 1, u: -1, v: -1}, -1, np.inf))
    a = lil_matrix((len(rows), n + m))
    lower = np.empty(len(rows))
    upper = np.empty(len(rows))
    for r, (terms, lo, hi) in enumerate(rows):
        for col, coef in terms.items():
            a[r, col] = coef
        lower[r], upper[r] = lo, hi
    ub = np.ones(n + m)
    ub[0] = 0  # the camps are interchangeable: vertex 0 in camp 0
    result = milp(c, integrality=np.ones(n + m), bounds=Bounds(np.zeros(n + m), ub),
                  constraints=LinearConstraint(a.tocsr(), lower, upper))
    if result.status != 0:
        raise RuntimeError("milp: " + result.message)
    return round(result.fun + constant)


def dataset(n, edges):
    return {
        "entente": 1,
        "sources": [{"id": "gen", "title": "Random signed graph", "date": "2024"}],
        "relations": [
            {"id": "friend", "label": "is a friend of", "polarity": 1, "symmetric": True},
            {"id": "enemy", "label": "is an enemy of", "polarity": -1, "symmetric": True},
        ],
        "actors": [{"id": "v%03d" % i, "name": "V%d" % i, "kind": "state"} for i in range(n)],
        "claims": [
            {"id": "c%d" % k, "subject": "v%03d" % u,
             "relation": "friend" if s > 0 else "enemy", "object": "v%03d" % v,
             "source": "gen", "asserted_by": "generator"}
            for k, (u, v, s) in enumerate(edges)
        ],
    }


def main():
    entente, workdir = sys.argv[1], sys.argv[2]
    specs = sys.argv[3:] or ["60:4:0.1:1", "120:3:0.05:2", "200:4:0.03:4", "200:8:0.01:5"]
    os.makedirs(workdir, exist_ok=True)
    failures = 0
    for spec in specs:
        n, degree, noise, seed = spec.split(":")
        n, degree, noise, seed = int(n), float(degree), float(noise), int(seed)
        edges = random_graph(n, degree, noise, seed)
        path = os.path.join(workdir, "signed-%s.json" % spec.replace(":", "-"))
        with open(path, "w", encoding="utf-8") as out:
            json.dump(dataset(n, edges), out)
        run = subprocess.run([entente, "balance", "--data", path, "--format", "json",
                              "--direct-only"], capture_output=True, text=True, check=False)
        if run.returncode != 0:
            print("%s: entente exited %d: %s" % (spec, run.returncode, run.stderr))
            failures += 1
            continue
        answer = json.loads(run.stdout)["frustration"]
        truth = milp_frustration(n, edges)
        camp = {}
        for component in answer["components"]:
            for side, key in ((0, "camp_a"), (1, "camp_b")):
                for actor in component[key]:
                    camp[int(actor["id"][1:])] = side
        recount = sum(1 for u, v, s in edges if (s > 0) == (camp[u] != camp[v]))
        ok = (answer["exact"] and answer["index"] == truth and answer["lower_bound"] == truth
              and recount == truth)
        print("%s: %d ties, milp %d, entente %d (exact %s, bound %d, camps frustrate %d)%s" % (
            spec, len(edges), truth, answer["index"], answer["exact"], answer["lower_bound"],
            recount, "" if ok else "  MISMATCH"))
        failures += 0 if ok else 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
