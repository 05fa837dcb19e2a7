"""Every query: its numbers, evidence, to_dict() equal to the CLI's --format json, scenarios,
names and their errors, diagrams."""
import os
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

import entente
from conftest import DATA, cli, cli_json


def test_align_pair(ds):
    r = ds.align("russia", "pakistan")
    d = cli_json("align", "russia", "pakistan")
    assert r.to_dict() == d
    assert r.a == "russia" and r.b == "pakistan"
    assert r.alignment == d["alignment"] and r.agreement == d["agreement"]
    assert r.shared == d["shared"] == len(r.shared_objects)
    assert r.score == d["measures"]["alignment"]["score"]
    assert list(r.measures.index) == list(entente.MEASURES)
    assert r.measures.loc["kappa", "score"] == d["measures"]["kappa"]["score"]
    assert list(r.evidence["id"]) == [c["id"] for c in d["claims"]]
    assert list(r.sources["id"]) == [s["id"] for s in d["sources"]]
    assert ds.align("russia", "pakistan", measure="kappa").score == d["measures"]["kappa"]["score"]


def test_align_by_any_name_and_over_union(ds):
    r = ds.align("Russia", "Islamabad" if False else "pakistan", over="union", direct_only=True)
    assert r.to_dict() == cli_json("align", "Russia", "pakistan", "--over", "union",
                                   "--direct-only")


def test_scenarios_as_arguments(ds):
    r = ds.align("india", "pakistan", assume=["india cooperates_with pakistan"],
                 without=["ctx-21"], as_of="2024")
    d = cli_json("align", "india", "pakistan", "--assume", "india cooperates_with pakistan",
                 "--without", "ctx-21", "--as-of", "2024")
    assert r.to_dict() == d
    assert r.scenario == d["scenario"]
    assert r.evidence["hypothetical"].any()
    w = ds.balance(from_="2019", until="2023")
    assert w.to_dict() == cli_json("balance", "--from", "2019", "--until", "2023")


def test_ranking(ds):
    r = ds.ranking("russia", measure="agreement", min_shared=2)
    d = cli_json("align", "russia", "--measure", "agreement", "--min-shared", "2")
    assert r.to_dict() == d
    t = r.table
    assert list(t["actor"]) == [x["actor"]["id"] for x in d["ranking"] + d["thin"]]
    assert list(t["thin"]) == [False] * len(d["ranking"]) + [True] * len(d["thin"])
    assert list(t["rank"].dropna()) == list(range(1, len(d["ranking"]) + 1))


def test_alignment_matrix(ds):
    m = ds.alignment_matrix()
    d = cli_json("align", "--matrix")
    assert m.to_dict() == d
    frame = m.matrix
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.index) == list(frame.columns) == [a["id"] for a in d["actors"]]
    n = len(m.actors)
    for i in range(n):
        for j in range(n):
            got, want = frame.iat[i, j], d["matrix"][i][j]
            assert (pd.isna(got) and want is None) or got == want
            count = m.objects.iat[i, j]
            assert (pd.isna(count) and d["objects"][i][j] is None) or count == d["objects"][i][j]
    chosen = ds.alignment_matrix(["russia", "china", "india"], measure="kappa")
    assert chosen.to_dict() == cli_json("align", "--matrix", "russia", "china", "india",
                                        "--measure", "kappa")
    assert chosen.matrix.shape == (3, 3)


def test_diverge(ds):
    r = ds.diverge("russia", "pakistan")
    d = cli_json("diverge", "russia", "pakistan")
    assert r.to_dict() == d
    assert list(r.points["object"]) == [p["object"]["id"] for p in d["divergence"]]
    assert r.points["roadblock"].iloc[0] == d["divergence"][0]["roadblock"]


def test_balance(ds):
    r = ds.balance()
    d = cli_json("balance")
    assert r.to_dict() == d
    assert r.frustration_index == d["frustration"]["index"] == 3
    assert r.exact
    assert r.triangles == d["triangles"]
    assert len(r.ties) == len(d["ties"])
    assert len(r.frustrated) == 3
    three = ds.balance(camps=3)
    assert three.to_dict() == cli_json("balance", "--camps", "3")


def test_paths(ds):
    r = ds.paths("pakistan", "united states", k=3, max_hops=3)
    d = cli_json("path", "pakistan", "united states", "--k", "3", "--max-hops", "3")
    assert r.to_dict() == d
    assert r.paths[0] == ["pakistan", "india", "united-states"]
    assert r.signs == [p["sign"] for p in d["paths"]]
    assert len(r.steps) == sum(p["hops"] for p in d["paths"])
    rel = ds.paths("russia", "china", positive_only=True,
                   relations=["partners_with", "cooperates_with"])
    assert rel.to_dict() == cli_json("path", "russia", "china", "--positive-only",
                                     "--relations", "partners_with,cooperates_with")


def test_neighbors(ds):
    r = ds.neighbors("cpec", depth=2)
    d = cli_json("neighbors", "cpec", "--depth", "2")
    assert r.to_dict() == d
    assert list(r.actors["actor"]) == [a["actor"]["id"] for a in d["actors"]]
    assert r.actors["distance"].max() == 2


def test_to_json_is_the_cli_output_byte_for_byte(ds):
    out, _ = cli("diverge", "russia", "pakistan", "--format", "json")
    assert ds.diverge("russia", "pakistan").to_json() + "\n" == out


def test_unknown_name(ds):
    with pytest.raises(entente.UnknownName) as caught:
        ds.align("rusia", "pakistan")
    e = caught.value
    assert isinstance(e, KeyError)
    assert e.suggestions == ["russia"]
    assert e.kind == "actor" and e.name == "rusia"
    assert str(e) == 'unknown actor "rusia"; did you mean "russia"?'
    _, err = cli("align", "rusia", "pakistan", status=3)
    assert err == "entente: " + str(e) + "\n"
    with pytest.raises(KeyError):
        ds.neighbors("atlantis")
    with pytest.raises(entente.UnknownName) as claim:
        ds.balance(without=["ctx-999"])
    assert claim.value.kind == "claim"
    _, err = cli("balance", "--without", "ctx-999", status=3)
    assert err == "entente: " + str(claim.value) + "\n"
    with pytest.raises(entente.UnknownName) as rel:
        ds.paths("russia", "china", relations=["suports"])
    assert rel.value.kind == "relation" and rel.value.suggestions[0] == "supports"


def test_bad_arguments(ds):
    with pytest.raises(ValueError) as caught:
        ds.align("russia", "pakistan", as_of="2024-13")
    assert str(caught.value) == 'as_of: "2024-13" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)'
    with pytest.raises(ValueError, match='"russia" and "Russia" are the same actor'):
        ds.diverge("russia", "Russia")
    with pytest.raises(ValueError, match='measure: unknown measure "tau"'):
        ds.ranking("russia", measure="tau")
    with pytest.raises(ValueError, match='^assume: '):
        ds.balance(assume=["india pakistan"])
    with pytest.raises(TypeError, match="a list of strings"):
        ds.balance(without="ctx-21")
    with pytest.raises(ValueError, match="from_ 2023 is after until 2019"):
        ds.balance(from_="2023", until="2019")


def test_diagram_is_the_cli_drawing(ds, tmp_path):
    # A dataset whose claims are all stated: no scenario line under the title (the what-if
    # drawing is test_what_if_drawing_says_its_scenario).
    data = os.path.join(DATA, "good", "queries.json")
    small = entente.load(data)
    r = small.align("a", "b")
    path = small.diagram(r, tmp_path / "py.svg")
    cli("align", "a", "b", "--data", data, "--diagram", str(tmp_path / "cli.svg"))
    mine = (tmp_path / "py.svg").read_bytes()
    assert mine == (tmp_path / "cli.svg").read_bytes()
    root = ET.fromstring(mine)
    assert root.tag.endswith("svg")
    assert r._repr_svg_().encode() == mine
    assert os.path.exists(path)
    dot = ds.diagram(ds.balance(), tmp_path / "b.dot")
    assert open(dot).read().startswith(("digraph", "graph", "strict"))
    with pytest.raises(ValueError, match='name the file .svg, .png, .pdf or .dot'):
        ds.diagram(r, tmp_path / "x.jpg")


def test_series_by_period(ds):
    pair = ds.align("russia", "pakistan", by="year", measure="agreement", from_="2015",
                    until="2024")
    d = cli_json("align", "russia", "pakistan", "--by", "year", "--measure", "agreement",
                 "--from", "2015", "--until", "2024")
    assert pair.to_dict() == d
    assert list(pair.table["period"]) == [p["period"] for p in d["series"]]
    assert list(pair.table["period"]) == [str(y) for y in range(2015, 2025)]
    assert pair._repr_svg_() is None
    ranking = ds.ranking("russia", by="year", from_="2020", until="2024")
    assert ranking.to_dict() == cli_json("align", "russia", "--by", "year", "--from", "2020",
                                         "--until", "2024")
    states = ["russia", "china", "india"]
    matrix = ds.alignment_matrix(states, by="year", from_="2022", until="2024")
    d = cli_json("align", "--matrix", *states, "--by", "year", "--from", "2022", "--until",
                 "2024")
    assert matrix.to_dict() == d
    assert len(matrix.table) == 3 * 3 * 2  # periods x ordered pairs
    with pytest.raises(ValueError, match='by: "decade" is not year, quarter or month'):
        ds.align("russia", "pakistan", by="decade")


def test_roll_up_as_the_cli():
    data = os.path.join(DATA, "good", "roll-up.json")
    small = entente.load(data)
    pair = small.align("russia", "pakistan", roll_up="state")
    assert pair.to_dict() == cli_json("align", "russia", "pakistan", "--data", data,
                                      "--roll-up", "state")
    assert pair.scenario["roll_up"]["kind"] == "state"
    assert pair.scenario["roll_up"]["moved"] > 0
    # Without the roll-up the two share no object (tests/cli/cli_tests.cmake, roll-up.none).
    assert small.align("russia", "pakistan").scenario["roll_up"] is None
    b = small.balance(roll_up="state")
    assert b.to_dict() == cli_json("balance", "--data", data, "--roll-up", "state")
    r = small.ranking("russia", roll_up="state", measure="agreement")
    assert r.to_dict() == cli_json("align", "russia", "--data", data, "--roll-up", "state",
                                   "--measure", "agreement")
    with pytest.raises(ValueError) as caught:
        small.align("russia", "pakistan", roll_up="position")
    assert str(caught.value) == ('roll_up: "position" is not a kind actors roll up to; one of '
                                 'state, organization, person, group, project, region, event')


def test_what_if_drawing_says_its_scenario(tmp_path):
    # As the CLI draws it: the scenario under the title, byte for byte.
    data = os.path.join(DATA, "good", "roll-up.json")
    small = entente.load(data)
    r = small.align("russia", "pakistan", roll_up="state")
    mine = small.diagram(r, tmp_path / "py.svg")
    cli("align", "russia", "pakistan", "--data", data, "--roll-up", "state", "--diagram",
        str(tmp_path / "cli.svg"))
    svg = (tmp_path / "py.svg").read_bytes()
    assert svg == (tmp_path / "cli.svg").read_bytes()
    assert b"scenario: rolled up to state" in svg
    w = entente.embedded().balance(without=["ctx-21"])
    dot = entente.embedded().diagram(w, tmp_path / "w.dot")
    assert "scenario: without ctx-21" in open(dot, encoding="utf-8").read()


def test_slide_options_draw_as_the_cli(tmp_path):
    # The CLI's --size, --aspect, --dpi, --title, --no-edge-labels, --per-pair and --legend
    # none, byte for byte; a what-if keeps its scenario line under a new title.
    data = os.path.join(DATA, "good", "roll-up.json")
    small = entente.load(data)
    r = small.align("russia", "pakistan", roll_up="state")
    cases = [
        (dict(size="1920x1080px", title="Slide 3"), ["--size", "1920x1080px", "--title",
                                                     "Slide 3"]),
        (dict(aspect="16:9", edge_labels=False, legend=False),
         ["--aspect", "16:9", "--no-edge-labels", "--legend", "none"]),
        (dict(size="10x5.625", per_pair=True), ["--size", "10x5.625", "--per-pair"]),
    ]
    for i, (options, flags) in enumerate(cases):
        mine = small.diagram(r, tmp_path / f"py{i}.svg", **options)
        cli("align", "russia", "pakistan", "--data", data, "--roll-up", "state", "--diagram",
            str(tmp_path / f"cli{i}.svg"), *flags)
        assert open(mine, "rb").read() == (tmp_path / f"cli{i}.svg").read_bytes(), options
    svg = (tmp_path / "py0.svg").read_text(encoding="utf-8")
    assert ">Slide 3</text>" in svg and "scenario: rolled up to state" in svg
    assert "legend" not in (tmp_path / "py1.svg").read_text(encoding="utf-8")
    png = small.diagram(r, tmp_path / "p.png", size="960x540px", dpi=96)
    assert open(png, "rb").read()[16:24] == (960).to_bytes(4, "big") + (540).to_bytes(4, "big")
    bad = [
        (dict(size="3"), 'size: "3" is not a size: give WIDTHxHEIGHT in inches (10x5.625) or '
                         "pixels (1920x1080px), each above 0 and at most 200 inches or 32767 "
                         "pixels"),
        (dict(dpi="0"), 'dpi: "0" is not a resolution: give dots per inch, above 0 and at most '
                        "1200 (e.g. 192)"),
        (dict(aspect="16/9"), 'aspect: "16/9" is not an aspect ratio: give WIDTH:HEIGHT in '
                              "whole numbers from 1 to 999, e.g. 16:9"),
        (dict(size="4x3", aspect="4:3"), "size and aspect: give one (a size sets the shape "
                                         "itself)"),
    ]
    for options, message in bad:
        with pytest.raises(ValueError) as caught:
            small.diagram(r, tmp_path / "bad.svg", **options)
        assert str(caught.value) == message
    assert not (tmp_path / "bad.svg").exists()


def test_ranking_and_matrix_drawings_are_the_cli(tmp_path):
    # Their tooltips list the claims each score rests on, as the CLI's drawings do.
    data = os.path.join(DATA, "good", "queries.json")
    small = entente.load(data)
    ranked = small.diagram(small.ranking("a"), tmp_path / "rank.svg")
    cli("align", "a", "--data", data, "--diagram", str(tmp_path / "rank-cli.svg"))
    svg = open(ranked, "rb").read()
    assert svg == (tmp_path / "rank-cli.svg").read_bytes()
    assert b"rests on" in svg
    matrix = small.diagram(small.alignment_matrix(), tmp_path / "matrix.svg")
    cli("align", "--matrix", "--data", data, "--diagram", str(tmp_path / "matrix-cli.svg"))
    assert open(matrix, "rb").read() == (tmp_path / "matrix-cli.svg").read_bytes()


def test_arguments_as_a_notebook_gives_them(ds):
    import datetime

    by_text = ds.align("russia", "pakistan", as_of="2020-01-01").to_dict()
    assert ds.align("russia", "pakistan", as_of=datetime.date(2020, 1, 1)).to_dict() == by_text
    assert (ds.balance(from_=2019, until=2023).to_dict() ==
            ds.balance(from_="2019", until="2023").to_dict())
    with pytest.raises(TypeError) as caught:
        ds.align("russia", "pakistan", as_of=2020.5)
    assert str(caught.value) == ('a date is a string "YYYY[-MM[-DD]]", a datetime.date or a '
                                 'year, not 2020.5')
    with pytest.raises(ValueError) as caught:
        ds.paths("russia", "pakistan", k=-1)
    assert str(caught.value) == "k: at least 1, not -1"
    with pytest.raises(TypeError) as caught:
        ds.neighbors("russia", depth="2")
    assert str(caught.value) == "depth: a whole number, not '2'"
    # Scores in a repr as the CLI rounds them.
    assert repr(ds.align("russia", "pakistan")).endswith(": alignment +0.71>")
