"""The README's three lines, as written there, give the states' alignment matrix as a DataFrame;
examples/notebook.py runs as a script."""
import os
import re
import subprocess
import sys

import pandas as pd

from conftest import SOURCE, cli_json


def readme_lines():
    with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
        text = f.read()
    section = text[text.index("## In a notebook (Python)"):]
    block = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    return block.strip().splitlines()


def test_the_three_lines_work_as_written():
    lines = readme_lines()
    assert len(lines) == 3
    scope = {}
    exec("\n".join(lines[:-1]), scope)
    matrix = eval(lines[-1], scope)
    assert isinstance(matrix, pd.DataFrame)
    want = cli_json("align", "--matrix")
    ids = [a["id"] for a in want["actors"]]
    assert list(matrix.index) == ids and list(matrix.columns) == ids
    assert matrix.loc["russia", "pakistan"] == want["matrix"][ids.index("russia")][
        ids.index("pakistan")]


def test_notebook_example_runs(tmp_path):
    script = os.path.join(SOURCE, "examples", "notebook.py")
    done = subprocess.run([sys.executable, script, str(tmp_path)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    png = tmp_path / "unga-2018-agreement.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # The article's question is answered in the output: the three pairs' agreement index.
    # examples/notebook.md shows the output as it is.
    with open(os.path.join(SOURCE, "examples", "notebook.md"), encoding="utf-8") as f:
        md = f.read()
    shown = re.search(r"<!-- notebook output -->\n```text\n(.*?)```\n<!-- end notebook output -->",
                      md, re.S).group(1)
    assert done.stdout == shown
    assert "In the 2018 General Assembly Russia votes with Pakistan on 80% and with India on 81%" \
        in done.stdout
