#!/usr/bin/env python3
"""`entente import edges` against the peers that write and read the formats (issue 13, "Done
when"): Read's highland tribes as a Pajek file, read by NetworkX's own Pajek reader, must give the
edges entente imports; the same network written as GraphML by NetworkX and by igraph, imported,
must give the same `entente balance` answer (frustration index, triangles, camps) as the Pajek
file and as examples/highland-tribes.json, entente's own JSON of it; and entente's own GraphML
export of that JSON, read back, must give the same signed ties.

  import_edges_peers.py ENTENTE DATA_DIR EXAMPLES_DIR WORK_DIR

Needs NetworkX and igraph (Debian python3-networkx, python3-igraph): run with /usr/bin/python3.
"""
import collections
import json
import os
import re
import subprocess
import sys

import igraph
import networkx as nx

entente, data, examples, work = sys.argv[1:5]
os.makedirs(work, exist_ok=True)
failures = []


def check(name, got, want):
    if got == want:
        print(f"ok: {name}")
    else:
        print(f"FAIL: {name}\n  got:  {got}\n  want: {want}")
        failures.append(name)


def run(*args):
    p = subprocess.run([entente, *args], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"entente {' '.join(args)} failed ({p.returncode}): {p.stderr}")
    return p.stdout


def import_edges(path, *options):
    out = os.path.join(work, os.path.basename(path) + ".json")
    run("import", "edges", path, "-o", out, *options)
    return out


def polarity(dataset):
    """The polarity of each relation id: the dataset's own and the built-in ones."""
    builtin = {"supports": 1, "opposes": -1, "allied_with": 1, "cooperates_with": 1,
               "partners_with": 1, "trades_with": 1, "proposes": 1, "pressures": -1,
               "objects_to": -1, "sanctions": -1, "threatens": -1, "hostile_to": -1,
               "rivals": -1, "member_of": 0, "part_of": 0, "abstains_on": 0}
    builtin.update({r["id"]: r["polarity"] for r in dataset.get("relations", [])})
    return builtin


def signed_ties(path, values=False):
    """The multiset of (unordered pair of names, sign) of a dataset's claims; with `values`, the
    value kept in the claim's note instead of the sign."""
    d = json.load(open(path))
    names = {a["id"]: a["name"] for a in d["actors"]}
    pol = polarity(d)
    ties = collections.Counter()
    for c in d["claims"]:
        pair = tuple(sorted((names[c["subject"]], names[c["object"]])))
        if values:
            value = float(re.match(r"value (\S+) ", c["note"]).group(1))
            ties[pair, value] += 1
        else:
            ties[pair, pol[c["relation"]]] += 1
    return ties


def balance(path):
    b = json.loads(run("balance", "--data", path, "--format", "json"))
    f = b["frustration"]
    name = lambda actors: frozenset(a["name"] for a in actors)
    camps = frozenset(frozenset((name(c["camp_a"]), name(c["camp_b"]))) for c in f["components"])
    return {"index": f["index"], "exact": f["exact"], "triangles": b["triangles"],
            "ties": len(b["ties"]), "camps": camps}


pajek = os.path.join(examples, "highland-tribes.net")
reference = os.path.join(examples, "highland-tribes.json")

# 1. The Pajek file through NetworkX's reader gives the edges entente imports.
g = nx.read_pajek(pajek)
peer = collections.Counter()
for u, v, attributes in g.edges(data=True):
    peer[tuple(sorted((u, v))), attributes["weight"]] += 1
from_pajek = import_edges(pajek, "--kind", "group")
check("the Pajek file: NetworkX's reader and entente read the same 58 signed edges",
      signed_ties(from_pajek, values=True), peer)
check("58 edges", sum(peer.values()), 58)

# 2. NetworkX and igraph write it as GraphML; entente imports both.
simple = nx.Graph()
for u, v, attributes in g.edges(data=True):
    simple.add_edge(u, v, sign=int(attributes["weight"]))
nx_file = os.path.join(work, "highland-networkx.graphml")
nx.write_graphml(simple, nx_file)
ig = igraph.Graph()
ig.add_vertices(sorted(simple.nodes()))
ig.vs["name"] = sorted(simple.nodes())
ig.add_edges([(u, v) for u, v in simple.edges()])
ig.es["sign"] = [s for _, _, s in simple.edges(data="sign")]
ig_file = os.path.join(work, "highland-igraph.graphml")
ig.write_graphml(ig_file)
from_nx = import_edges(nx_file)
from_ig = import_edges(ig_file)
check("NetworkX's GraphML: the same signed ties as the Pajek file",
      signed_ties(from_nx), signed_ties(from_pajek))
check("igraph's GraphML: the same signed ties as the Pajek file",
      signed_ties(from_ig), signed_ties(from_pajek))

# 3. The same balance answer from every form of the network.
want = balance(reference)
check("the reference answer is Read's: frustration index 7, exact", (want["index"], want["exact"]),
      (7, True))
for name, path in (("Pajek", from_pajek), ("NetworkX GraphML", from_nx),
                   ("igraph GraphML", from_ig)):
    check(f"balance of the {name} import equals balance of entente's JSON", balance(path), want)

# 4. entente's own GraphML export, read back, gives the same signed ties.
own = os.path.join(work, "highland-entente.graphml")
run("export", "--data", reference, "--format", "graphml", "-o", own)
back = import_edges(own)
check("entente's GraphML read back: the same signed ties", signed_ties(back),
      signed_ties(reference))
check("and the same balance", balance(back), want)

if failures:
    sys.exit(f"{len(failures)} failed: {', '.join(failures)}")
print("all passed")
