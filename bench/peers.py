#!/usr/bin/env python3
"""The peers' side of the benchmark: the same operations as entente_bench, in one library.

  peers.py networkx|igraph|graph-tool|numpy DATA.json [UN.json] [REPEATS]

Each library builds its graph from the same JSON file (parsed with Python's json module) and
prints one JSON object of medians in seconds. Run with Debian's /usr/bin/python3.
"""
import json
import resource
import statistics
import sys
import time
from itertools import islice

SIGN = {"supports": 1, "opposes": -1, "allied_with": 1, "cooperates_with": 1, "partners_with": 1,
        "trades_with": 1, "proposes": 1, "pressures": -1, "objects_to": -1, "sanctions": -1,
        "threatens": -1, "hostile_to": -1, "rivals": -1, "member_of": 0, "part_of": 0}
SIDES = {"state", "organization", "person", "group"}


def median(repeats, work):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ties(data):
    """The same tie rule as entente (docs/queries.md), for the signed graph and the stances."""
    kind = {a["id"]: a["kind"] for a in data["actors"]}
    holder = {a["id"]: a.get("holder") for a in data["actors"]}
    acc = {}

    def add(a, o, w):
        s, m = acc.get((a, o), (0.0, 0.0))
        acc[(a, o)] = (s + w, m + abs(w))

    for c in data["claims"]:
        p = SIGN[c["relation"]]
        if p == 0:
            continue
        w = p * c.get("confidence", 1.0)
        s, o = c["subject"], c["object"]
        add(s, o, w)
        if kind[s] != "position" and kind[o] != "position":
            add(o, s, w)
        h = holder.get(o)
        if kind[o] == "position" and h and h != s:
            add(s, h, w / 2)
            if kind[s] != "position":
                add(h, s, w / 2)
    return {k: s / max(1.0, m) for k, (s, m) in acc.items()}, kind


def signed_edges(tie, kind):
    return [(a, b, 1 if v > 0 else -1) for (a, b), v in tie.items()
            if a < b and v != 0 and kind[a] in SIDES and kind[b] in SIDES]


def run(lib, path, un_path, repeats):
    out = {}
    start = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out["parse"] = time.perf_counter() - start
    n_actors = len(data["actors"])
    a = "a1"
    b = "a%d" % ((n_actors * 9 // 10) // 2)
    tie, kind = ties(data)
    edges = signed_edges(tie, kind)

    if lib == "networkx":
        import networkx as nx

        def build():
            g = nx.MultiDiGraph()
            for x in data["actors"]:
                g.add_node(x["id"], name=x["name"], kind=x["kind"])
            for c in data["claims"]:
                g.add_edge(c["subject"], c["object"], key=c["id"], relation=c["relation"],
                           confidence=c.get("confidence", 1.0), source=c["source"],
                           quote=c.get("quote"))
            return g
        start = time.perf_counter()
        g = build()
        out["build"] = time.perf_counter() - start
        simple = nx.Graph(g.to_undirected(as_view=True))
        out["shortest_path"] = median(repeats, lambda: nx.shortest_path(simple, a, b))
        out["k5_paths"] = median(repeats, lambda: list(islice(nx.shortest_simple_paths(simple, a, b), 5)))
        out["ego_radius_2"] = median(repeats, lambda: nx.ego_graph(simple, b, radius=2))
        s = nx.Graph()
        s.add_weighted_edges_from(edges, weight="sign")

        def triangles():
            counts = [0, 0, 0, 0]
            adj = s.adj
            for u in adj:
                for v in adj[u]:
                    if v <= u:
                        continue
                    for w in set(adj[u]) & set(adj[v]):
                        if w > v:
                            neg = (adj[u][v]["sign"] < 0) + (adj[u][w]["sign"] < 0) + (adj[v][w]["sign"] < 0)
                            counts[neg] += 1
            return counts
        out["signed_triangles"] = median(repeats, triangles)
    elif lib == "igraph":
        import igraph as ig
        ids = [x["id"] for x in data["actors"]]
        index = {x: i for i, x in enumerate(ids)}

        def build():
            g = ig.Graph(n=len(ids), directed=True,
                         edges=[(index[c["subject"]], index[c["object"]]) for c in data["claims"]])
            g.vs["name"] = ids
            g.es["relation"] = [c["relation"] for c in data["claims"]]
            g.es["confidence"] = [c.get("confidence", 1.0) for c in data["claims"]]
            return g
        start = time.perf_counter()
        g = build()
        out["build"] = time.perf_counter() - start
        u = g.as_undirected(mode="collapse")
        out["shortest_path"] = median(repeats, lambda: u.get_shortest_paths(index[a], index[b]))
        out["k5_paths"] = median(repeats, lambda: u.get_k_shortest_paths(index[a], index[b], k=5))
        out["ego_radius_2"] = median(repeats, lambda: u.neighborhood(index[b], order=2))
        s = ig.Graph(n=len(ids), edges=[(index[x], index[y]) for x, y, _ in edges])
        s.es["sign"] = [z for _, _, z in edges]

        def triangles():
            counts = [0, 0, 0, 0]
            sign = s.es["sign"]
            for t in s.list_triangles():
                x, y, z = t
                neg = sum(sign[s.get_eid(p, q)] < 0 for p, q in ((x, y), (x, z), (y, z)))
                counts[neg] += 1
            return counts
        out["signed_triangles"] = median(repeats, triangles)
    elif lib == "graph-tool":
        import graph_tool.all as gt
        ids = [x["id"] for x in data["actors"]]
        index = {x: i for i, x in enumerate(ids)}

        def build():
            g = gt.Graph(directed=True)
            g.add_vertex(len(ids))
            g.add_edge_list([(index[c["subject"]], index[c["object"]]) for c in data["claims"]])
            conf = g.new_edge_property("double")
            conf.a = [c.get("confidence", 1.0) for c in data["claims"]]
            g.edge_properties["confidence"] = conf
            return g
        start = time.perf_counter()
        g = build()
        out["build"] = time.perf_counter() - start
        u = gt.GraphView(g, directed=False)
        out["shortest_path"] = median(repeats, lambda: gt.shortest_path(u, u.vertex(index[a]), u.vertex(index[b])))
        out["ego_radius_2"] = median(repeats, lambda: gt.shortest_distance(u, source=u.vertex(index[b]), max_dist=2))
    elif lib == "numpy":
        import numpy as np
        sides = [x["id"] for x in data["actors"] if x["kind"] in SIDES]
        objects = sorted({o for (_, o) in tie})
        col = {o: j for j, o in enumerate(objects)}
        row = {x: i for i, x in enumerate(sides)}
        T = np.zeros((len(sides), len(objects)))
        for (x, o), v in tie.items():
            if x in row:
                T[row[x], col[o]] = v

        def one_vs_all():
            p = T * T[row[a]]
            return p.sum(1) / np.maximum(np.abs(p).sum(1), 1e-300)
        out["align_one_vs_all"] = median(repeats, one_vs_all)
        if un_path:
            with open(un_path, encoding="utf-8") as f:
                un = json.load(f)
            un_tie, un_kind = ties(un)
            states = [x["id"] for x in un["actors"] if x["kind"] == "state"]
            objs = sorted({o for (_, o) in un_tie})
            r = {x: i for i, x in enumerate(states)}
            c = {o: j for j, o in enumerate(objs)}
            U = np.zeros((len(states), len(objs)))
            for (x, o), v in un_tie.items():
                if x in r:
                    U[r[x], c[o]] = v

            def matrix():
                A = np.abs(U)
                return (U @ U.T) / np.maximum(A @ A.T, 1e-300)
            out["un_matrix"] = median(repeats, matrix)
    out["peak_rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return out


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    lib, path = sys.argv[1], sys.argv[2]
    un_path = sys.argv[3] if len(sys.argv) > 3 else ""
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    print(json.dumps(run(lib, path, un_path, repeats)))
