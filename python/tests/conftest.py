"""Shared pieces of the module's tests: the built CLI, the source tree, running the CLI."""
import json
import os
import subprocess

import pytest

SOURCE = os.environ.get("ENTENTE_SOURCE_DIR",
                        os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
DATA = os.path.join(SOURCE, "tests", "data")
UNGA = os.path.join(DATA, "unga-2018")
UNGA_FILES = [os.path.join(UNGA, f)
              for f in ("un_votes.csv", "un_roll_calls.csv", "un_roll_call_issues.csv")]


def entente_bin():
    path = os.environ.get("ENTENTE_BIN")
    if not path:
        pytest.skip("ENTENTE_BIN is not set (run through ctest)")
    return path


def cli(*args, cwd=None, status=0):
    """Runs the built `entente` with `args`; returns (stdout, stderr), checking the status."""
    done = subprocess.run([entente_bin(), *args], capture_output=True, text=True, cwd=cwd)
    assert done.returncode == status, done.stderr
    return done.stdout, done.stderr


def cli_json(*args, cwd=None):
    """The parsed `--format json` answer of `entente ARGS`."""
    out, _ = cli(*args, "--format", "json", cwd=cwd)
    return json.loads(out)


@pytest.fixture(scope="session")
def ds():
    import entente

    return entente.embedded()


@pytest.fixture(scope="session")
def unga_json(tmp_path_factory):
    """The 2018 UN roll calls imported by the CLI into a JSON dataset."""
    path = tmp_path_factory.mktemp("unga") / "unga-2018.json"
    cli("import", "votes", "--preset", "unvotes", *UNGA_FILES, "-o", str(path))
    return str(path)
