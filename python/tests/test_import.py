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
