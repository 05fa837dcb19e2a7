"""ds.to_networkx(): every actor and claim with every attribute, checked against the tables and
against the CLI's GraphML export read by NetworkX's own reader."""
import networkx as nx

from conftest import cli


def test_round_trip(ds):
    g = ds.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    actors, claims = ds.actors(), ds.claims()
    assert g.number_of_nodes() == len(actors)
    assert g.number_of_edges() == len(claims)
    for row in actors.to_dict("records"):
        attrs = g.nodes[row.pop("id")]
        assert attrs == row
    for row in claims.to_dict("records"):
        attrs = dict(g.edges[row["subject"], row["object"], row["id"]])
        for key in ("subject", "object"):
            row.pop(key)
        assert attrs == row
    assert set(g.graph["sources"]) == set(ds.sources()["id"])
    assert g.graph["relations"]["supports"]["polarity"] == 1


def test_same_graph_as_the_graphml_export(ds, tmp_path):
    # Directed only: NetworkX refuses a GraphML file mixing directed and undirected edges.
    path = tmp_path / "all.graphml"
    cli("export", "--directed-only", "-o", str(path))
    exported = nx.read_graphml(path, force_multigraph=True)
    g = ds.to_networkx()
    assert set(exported.nodes) == set(g.nodes)
    assert exported.number_of_edges() == g.number_of_edges()
    theirs = sorted((u, v, d["claim"], d["confidence"], d["polarity"])
                    for u, v, d in exported.edges(data=True))
    mine = sorted((u, v, k, d["confidence"], d["polarity"])
                  for u, v, k, d in g.edges(keys=True, data=True))
    assert mine == theirs
    for n, d in exported.nodes(data=True):
        assert d["label"] == g.nodes[n]["name"]
