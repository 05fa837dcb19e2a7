"""entente.import_votes: the 2018 UN roll calls as the CLI imports them, and bad rows."""
import os

import pytest

import entente
from conftest import DATA, UNGA_FILES, cli, cli_json


def test_unvotes_as_the_cli(unga_json):
    ds = entente.import_votes(*UNGA_FILES, preset="unvotes")
    c = ds.import_counts
    assert (c["yes"] + c["no"] + c["abstain"], c["yes"], c["no"], c["abstain"], c["absent"],
            c["voters"], c["roll_calls"], c["issues"]) == (16933, 13753, 1205, 1975, 0, 193, 95,
                                                           6)
    from_cli = entente.load(unga_json)
    assert ds.claims().equals(from_cli.claims())
    assert ds.actors().equals(from_cli.actors())
    states = ["united-states", "russia", "china", "india", "france"]
    m = ds.alignment_matrix(states, measure="agreement-index")
    want = cli_json("align", "--matrix", *states, "--measure", "agreement-index",
                    "--data", unga_json)
    assert m.to_dict() == want


def test_bad_rows_every_one_with_the_cli_lines():
    cwd = os.getcwd()
    os.chdir(DATA)
    try:
        with pytest.raises(entente.DataError) as caught:
            entente.import_votes("votes/bad.csv", actor_column="member", item_column="bill",
                                 vote_column="vote", date_column="day")
    finally:
        os.chdir(cwd)
    with open(os.path.join(DATA, "votes", "bad.expected"), encoding="utf-8") as f:
        expected = f.read().splitlines()
    lines = str(caught.value).splitlines()
    assert lines[:-1] == expected[:-1]
    assert lines[-1] == "9 errors; nothing imported"
    assert len(caught.value.diagnostics) == 9
    assert caught.value.diagnostics[0]["line"] == 3


def test_bad_arguments():
    with pytest.raises(ValueError, match='preset: "un" is not columns, unvotes, voeten or '
                                         'voteview'):
        entente.import_votes(*UNGA_FILES, preset="un")
    with pytest.raises(ValueError, match="nowhere.csv: cannot open the file for reading"):
        entente.import_votes("nowhere.csv", preset="unvotes")
    _, err = cli("import", "votes", "--preset", "unvotes", "nowhere.csv", "-o", "x.json",
                 status=2)
    assert "nowhere.csv: error: cannot open the file for reading" in err


EVENTS = os.path.join(DATA, "events")


@pytest.mark.parametrize("preset,name", [("icews", "icews.tab"), ("gdelt1", "gdelt1.tsv"),
                                         ("gdelt2", "gdelt2.tsv")])
def test_events_as_the_cli(tmp_path, preset, name):
    path = os.path.join(EVENTS, name)
    ds = entente.import_events(path, preset=preset, period="year")
    out = tmp_path / "events.json"
    summary, _ = cli("import", "events", "--preset", preset, "--period", "year", path, "-o",
                     str(out))
    from_cli = entente.load(str(out))
    assert ds.claims().equals(from_cli.claims())
    assert ds.actors().equals(from_cli.actors())
    c = ds.import_counts
    # The CLI's summary line gives the same counts.
    assert f"imported {c['events']} event" in summary
    assert f"of {c['rows']} row" in summary
    assert f"into {c['claims']} claim" in summary
    assert c["claims"] == len(ds.claims()) > 0
    # Weight: the events' summed |Goldstein| / 10 (0 for events scored 0, signed by CAMEO).
    assert (ds.claims()["weight"] >= 0).all() and ds.claims()["weight"].max() > 0


def test_events_options_reach_the_importer():
    path = os.path.join(EVENTS, "icews.tab")
    by_month = entente.import_events(path)
    by_year = entente.import_events(path, period="year")
    # Coarser periods fold claims of one dyad and class together: never more of them.
    assert len(by_year.claims()) <= len(by_month.claims())
    assert by_month.import_counts["events"] == by_year.import_counts["events"]
    quad = entente.import_events(path, polarity="quad", source_title="ICEWS sample",
                                 source_id="icews-sample")
    # One source per relation class, named from the given id and title.
    assert list(quad.sources()["id"]) == ["icews-sample-cooperation", "icews-sample-conflict"]
    assert list(quad.sources()["title"]) == ["ICEWS sample (cooperative events)",
                                             "ICEWS sample (conflictual events)"]


def test_events_bad_rows_every_one_with_the_cli_lines():
    cwd = os.getcwd()
    os.chdir(DATA)
    try:
        with pytest.raises(entente.DataError) as caught:
            entente.import_events("events/bad-icews.tab")
    finally:
        os.chdir(cwd)
    with open(os.path.join(EVENTS, "bad-icews.expected"), encoding="utf-8") as f:
        expected = f.read().splitlines()
    lines = str(caught.value).splitlines()
    assert lines[:-1] == expected[:-1]
    assert lines[-1] == "5 errors; nothing imported"
    assert [d["line"] for d in caught.value.diagnostics] == [2, 3, 4, 5, 6]


def test_events_bad_arguments(tmp_path):
    path = os.path.join(EVENTS, "icews.tab")
    with pytest.raises(ValueError) as caught:
        entente.import_events(path, preset="phoenix")
    assert str(caught.value) == 'preset: "phoenix" is not icews, gdelt1, gdelt2 or aggregated'
    with pytest.raises(ValueError) as caught:
        entente.import_events(path, period="decade")
    assert str(caught.value) == 'period: "decade" is not day, week, month or year'
    with pytest.raises(ValueError) as caught:
        entente.import_events(path, polarity="sign")
    assert str(caught.value) == 'polarity: "sign" is not cameo, quad or goldstein'
    with pytest.raises(ValueError) as caught:
        entente.import_events(path, delimiter="semicolon")
    assert str(caught.value) == 'delimiter: "semicolon" is not tab or comma'
    with pytest.raises(ValueError, match="nowhere.tab: cannot open the file for reading"):
        entente.import_events("nowhere.tab")
    bad_map = tmp_path / "map.csv"
    bad_map.write_text("key,id,name,kind\nRUS,russia,Russia,planet\n", encoding="utf-8")
    with pytest.raises(entente.DataError) as caught:
        entente.import_events(path, actor_map=str(bad_map))
    assert len(caught.value.diagnostics) == 1
    assert caught.value.diagnostics[0]["line"] == 2
