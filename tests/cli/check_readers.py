#!/usr/bin/python3
"""Feeds entente's exports of a hostile corpus to the real readers and checks what comes back.

  check_readers.py ENTENTE DATASET.json WORKDIR

The dataset (tests/data/good/hostile-text.json) holds controls, noncharacters, CR, tabs, bidi
overrides, backslash sequences, markup, formula-like text, "|" and ";" inside names and ids that
collide when joined with "-". Each export is read back by the reader its users have:
- GraphML: xml.etree (well-formedness), NetworkX (read_graphml, every attribute, undirected
  edges when the selection holds only symmetric relations, directed-only for mixed ones) and
  python-igraph (Graph.Read_GraphML);
- CSV (plain, kumu, neo4j): Python's csv module (RFC 4180), the shapes' documented headers,
  formula neutralisation, Kumu's "|" split and Neo4j's ";" array split.
Text must come back exactly, except characters XML 1.0 cannot carry (U+FFFD in GraphML) and
the documented stand-ins. Exit status 1 on the first difference, with what differed.
"""
import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import igraph
import networkx as nx

entente, dataset, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)
data = json.load(open(dataset, encoding="utf-8"))
actors = {a["id"]: a for a in data["actors"]}
claims = {c["id"]: c for c in data["claims"]}
source = data["sources"][0]
failures = 0


def check(what, got, want):
    global failures
    if got != want:
        failures += 1
        print(f"FAIL: {what}: got {got!r}, want {want!r}")
    else:
        print(f"ok: {what}")


def run(*args):
    r = subprocess.run([entente, *args, "--data", dataset], capture_output=True)
    if r.returncode != 0:
        print("FAIL: entente", *args, r.stderr.decode())
        sys.exit(1)
    return r.stderr.decode()


def xml_safe(text):
    """What GraphML can carry: the characters XML 1.0 forbids as U+FFFD."""
    out = []
    for ch in text:
        o = ord(ch)
        if (o < 0x20 and ch not in "\t\n\r") or o in (0xFFFE, 0xFFFF):
            out.append("\uFFFD")
        else:
            out.append(ch)
    return "".join(out)


# GraphML, mixed: well-formed, igraph reads it, every text exact.
graphml = os.path.join(work, "h.graphml")
stderr = run("export", "-o", graphml)
check("graphml warns of replaced characters", "characters that GraphML (XML 1.0) cannot carry" in stderr, True)
root = ET.parse(graphml).getroot()
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
undirected = [e.get("id") for e in root.iterfind(".//g:edge", ns) if e.get("directed") == "false"]
check("symmetric relations are undirected edges", sorted(undirected), ["h1", "h3", "h5"])
g = igraph.Graph.Read_GraphML(graphml)
check("igraph reads every node", sorted(g.vs["id"]), sorted(actors))
for v in g.vs:
    check(f"igraph node {v['id']} label", v["label"], xml_safe(actors[v["id"]]["name"]))
for e in g.es:
    c = claims[e["claim"]]
    check(f"igraph edge {e['claim']} quote", e["quote"], xml_safe(c.get("quote", "")))
    check(f"igraph edge {e['claim']} asserted_by", e["asserted_by"], xml_safe(c.get("asserted_by", source.get("author", ""))))
    check(f"igraph edge {e['claim']} source_publisher", e["source_publisher"], source["publisher"])
    check(f"igraph edge {e['claim']} source_url", e["source_url"], source["url"])
    check(f"igraph edge {e['claim']} source_date", e["source_date"], source["date"])

# GraphML for NetworkX: directed-only (NetworkX refuses mixed graphs), every attribute typed.
directed = os.path.join(work, "h-directed.graphml")
run("export", "--directed-only", "-o", directed)
G = nx.read_graphml(directed)
check("networkx: a directed graph", G.is_directed(), True)
check("networkx: nodes", sorted(G.nodes), sorted(actors))
for n, attrs in G.nodes(data=True):
    check(f"networkx node {n} label", attrs["label"], xml_safe(actors[n]["name"]))
    check(f"networkx node {n} note", attrs.get("note", ""), xml_safe(actors[n].get("note", "")))
for s, t, attrs in G.edges(data=True):
    c = claims[attrs["claim"]]
    check(f"networkx edge {attrs['claim']} ends", (s, t), (c["subject"], c["object"]))
    check(f"networkx edge {attrs['claim']} confidence", attrs["confidence"], c.get("confidence", 1.0))
    check(f"networkx edge {attrs['claim']} weight", attrs["weight"], c.get("weight", 1.0))
    check(f"networkx edge {attrs['claim']} quote", attrs.get("quote", ""), xml_safe(c.get("quote", "")))
    check(f"networkx edge {attrs['claim']} note", attrs.get("note", ""), c.get("note", ""))
    check(f"networkx edge {attrs['claim']} types", (type(attrs["polarity"]), type(attrs["symmetric"])), (int, bool))

# GraphML of symmetric relations only: an undirected graph NetworkX reads as such.
sym = os.path.join(work, "h-sym.graphml")
run("export", "--relations", "rivals,hostile_to,cooperates_with", "-o", sym)
S = nx.read_graphml(sym)
check("networkx: symmetric relations give an undirected graph", S.is_directed(), False)
check("networkx: undirected edges", sorted(tuple(sorted(e)) for e in S.edges()),
      sorted([("a", "b-c"), ("a", "c"), ("bidi", "legend_kind_0")]))


def read_csv(path):
    raw = open(path, "rb").read()
    lines = raw.split(b"\r\n")
    check(f"{os.path.basename(path)}: every line ends CRLF", raw.endswith(b"\r\n"), True)
    return list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))


def cell(text):
    """A data cell as written by default: a formula-like start gets a leading apostrophe."""
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        try:
            float(text)
            return text
        except ValueError:
            return "'" + text
    return text


for shape in ("csv", "kumu", "neo4j"):
    base = os.path.join(work, f"h-{shape}.csv")
    stderr = run("export", "--format", shape, "-o", base)
    nodes = read_csv(base[:-4] + "-nodes.csv")
    edges = read_csv(base[:-4] + "-edges.csv")
    check(f"{shape}: warns of neutralised cells", "given a leading '" in stderr, True)
    header = nodes[0]
    rows = {r[0]: dict(zip(header, r)) for r in nodes[1:]}
    check(f"{shape}: one row per actor", sorted(rows), sorted(actors))
    ehead = edges[0]
    erows = [dict(zip(ehead, r)) for r in edges[1:]]
    check(f"{shape}: one row per claim", len(erows), len(claims))
    if shape == "csv":
        check("csv: node header", header, ["id", "name", "kind", "aliases", "holder", "note"])
        for i, r in rows.items():
            check(f"csv: {i} name", r["name"], cell(actors[i]["name"]))
        check("csv: '|' inside an alias", rows["a"]["aliases"].split("|"), ["X\u00a6Y", "C;D", "-E"])
        for r in erows:
            c = claims[r["claim"]]
            check(f"csv: {r['claim']} quote", r["quote"], cell(c.get("quote", "")))
            check(f"csv: {r['claim']} source_title", r["source_title"], cell(source["title"]))
    elif shape == "kumu":
        # Kumu: "Label" (or "ID" first) for elements, "From" and "To" first (after "ID") for
        # connections; "|" splits multi-value cells, so From/To are ids without "|".
        check("kumu: element header", header[:4], ["ID", "Label", "Type", "Description"])
        check("kumu: connection header", ehead[:4], ["ID", "From", "To", "Type"])
        for r in erows:
            c = claims[r["ID"]]
            check(f"kumu: {r['ID']} From/To are element ids", (r["From"], r["To"]), (c["subject"], c["object"]))
            check(f"kumu: {r['ID']} no '|' in From/To", "|" in r["From"] + r["To"], False)
        check("kumu: a name with '|' stays one label", rows["b-c"]["Label"], "Beta | Gamma coalition")
        check("kumu: aliases split on '|'", rows["a"]["Aliases"].split("|"), ["X\u00a6Y", "C;D", "-E"])
        check("kumu: symmetric relation is mutual", [r["Direction"] for r in erows if r["ID"] == "h1"], ["mutual"])
    else:
        check("neo4j: node header", header, ["id:ID", "name", "kind", "aliases:string[]", "holder", "note", ":LABEL"])
        check("neo4j: property names have no spaces", [h for h in header + ehead if " " in h], [])
        check("neo4j: relationship header", ehead[:3], [":START_ID", ":END_ID", ":TYPE"])
        check("neo4j: aliases split on ';'", rows["a"]["aliases:string[]"].split(";"), ["X|Y", "C\u037eD", "-E"])
        check("neo4j: labels", sorted({r[":LABEL"] for r in rows.values()}), ["Group", "Organization", "Person", "State"])
        for r in erows:
            check(f"neo4j: {r['claim']} typed polarity", r["polarity:int"] in ("1", "-1", "0"), True)

# --raw: the cells exactly as in the data.
base = os.path.join(work, "h-raw.csv")
run("export", "--format", "csv", "--raw", "-o", base)
nodes = read_csv(base[:-4] + "-nodes.csv")
check("--raw keeps a formula-like name as it is", {r[0]: r[1] for r in nodes[1:]}["formula"], "=1+1")

print(f"{failures} failed")
sys.exit(1 if failures else 0)
