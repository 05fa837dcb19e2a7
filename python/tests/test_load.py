"""entente.load, entente.embedded: tables, diagnostics, limits, and the CLI's messages."""
import glob
import os

import pandas as pd
import pytest

import entente
from conftest import DATA, cli, cli_json


def test_embedded_tables_match_the_cli(ds):
    actors = ds.actors()
    assert isinstance(actors, pd.DataFrame)
    listed = cli_json("actors")
    # The CLI lists actors by id; the table keeps dataset order.
    assert sorted(actors["id"]) == [a["actor"]["id"] for a in listed["actors"]]
    assert list(actors.columns) == ["id", "name", "kind", "aliases", "holder", "note"]
    counts = cli_json("stats")["counts"]
    claims, sources = ds.claims(), ds.sources()
    # The table holds every claim, as `entente export` writes them (stats counts those in scope:
    # stated, not negated).
    assert len(claims) == len(cli_json("export")["claims"]) == 90
    assert len(sources) == counts["sources"]
    assert len(actors) == counts["actors"]
    assert len(ds.relations()) == counts["relations"]
    russia = actors.set_index("id").loc["russia"]
    assert russia["name"] == "Russia" and russia["kind"] == "state"
    # One claim's row against the CLI's claim object.
    shown = cli_json("show", "pakistan")
    first = shown["claims"][0]
    row = claims.set_index("id").loc[first["id"]]
    assert row["subject"] == first["subject"]["id"]
    assert row["object"] == first["object"]["id"]
    assert row["relation"] == first["relation"]
    assert row["polarity"] == first["polarity"]
    assert row["text"] == first["text"]
    assert row["quote"] == first["quote"]
    assert row["confidence"] == first["confidence"]


def test_load_files_and_with_embedded():
    ds = entente.load(os.path.join(DATA, "good", "queries.json"))
    both = entente.load(os.path.join(DATA, "good", "queries.json"), with_embedded=True)
    alone = len(ds.claims())
    assert alone > 0
    assert len(both.claims()) == alone + len(entente.embedded().claims())
    assert repr(ds).startswith("<entente.Dataset: ")


def test_load_needs_a_path():
    with pytest.raises(TypeError, match="needs at least one path"):
        entente.load()


# Every bad file of the validator's corpus: the same lines as `entente validate` prints, the
# count without its "entente: " prefix. Two are left out: their expected output is the CLI's
# terminal escaping of the data's bytes, which Python strings carry raw.
BAD = sorted(p for p in glob.glob(os.path.join(DATA, "bad", "*.expected"))
             if os.path.basename(p) not in ("terminal-escapes.expected",
                                            "invalid-utf8.expected"))


@pytest.mark.parametrize("expected", BAD, ids=os.path.basename)
def test_data_errors_carry_the_cli_messages(expected):
    name = os.path.splitext(expected)[0]
    path = name + ".json" if os.path.exists(name + ".json") else name
    relative = os.path.relpath(path, DATA)
    cwd = os.getcwd()
    os.chdir(DATA)
    try:
        with pytest.raises(entente.DataError) as caught:
            entente.load(relative)
    finally:
        os.chdir(cwd)
    with open(expected, encoding="utf-8") as f:
        lines = f.read().splitlines()
    assert lines[-1].startswith("entente: ")
    lines[-1] = lines[-1][len("entente: "):]
    assert str(caught.value).splitlines() == lines
    assert [d["text"] for d in caught.value.diagnostics] == lines[:-1]


def test_diagnostics_are_located():
    cwd = os.getcwd()
    os.chdir(DATA)
    try:
        with pytest.raises(entente.DataError) as caught:
            entente.load("bad/unknown-refs.json")
    finally:
        os.chdir(cwd)
    first = caught.value.diagnostics[0]
    assert first == {
        "severity": "error",
        "file": "bad/unknown-refs.json",
        "line": 10,
        "column": 39,
        "pointer": "/claims/0/relation",
        "message": 'unknown relation "suports"; did you mean "supports"?',
        "text": 'bad/unknown-refs.json:10:39: error: unknown relation "suports"; did you mean '
                '"supports"? (at /claims/0/relation)',
    }
    assert len(caught.value.errors) == 6


def test_limits_as_the_cli():
    path = os.path.join(DATA, "good", "queries.json")
    with pytest.raises(entente.DataError) as caught:
        entente.load(path, limits={"max_bytes": 100})
    _, err = cli("validate", "--data", path, "--max-bytes", "100", status=2)
    lines = err.splitlines()
    lines[-1] = lines[-1][len("entente: "):]
    assert str(caught.value).splitlines() == lines
    with pytest.raises(TypeError, match='unknown limit "max_files"'):
        entente.load(path, limits={"max_files": 1})


def test_warnings_are_kept():
    path = os.path.join(DATA, "warn", "duplicate-and-contradiction.json")
    ds = entente.load(path)
    _, err = cli("validate", "--data", path)
    assert [w["text"] for w in ds.warnings] == err.splitlines()[:-1]
    assert ds.warnings
