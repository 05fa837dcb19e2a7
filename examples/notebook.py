#!/usr/bin/python3
"""entente in a notebook: the 2018 UN General Assembly roll calls, end to end.

Runs as a script (each cell below is a block of a notebook) with Debian's python3 and the
module on the path; the heat map goes into the directory given (default: the current one):

    PYTHONPATH=build/release/python /usr/bin/python3 examples/notebook.py [OUTPUT_DIR]

examples/notebook.md shows this script's output. The data are the unvotes package's tables for
2018 (tests/data/unga-2018, see its README).
"""
import os
import sys

import matplotlib

matplotlib.use("Agg")  # files, not windows
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import entente  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "tests", "data", "unga-2018")
out_dir = sys.argv[1] if len(sys.argv) > 1 else "."
pd.set_option("display.width", 200)
pd.set_option("display.max_columns", None)

# %% Import: one position per roll call, one supports / opposes / abstains_on claim per vote.
votes = entente.import_votes(
    os.path.join(data, "un_votes.csv"),
    os.path.join(data, "un_roll_calls.csv"),
    os.path.join(data, "un_roll_call_issues.csv"),
    preset="unvotes",
)
print(votes)
print(votes.import_counts)

# %% The alignment matrix as a DataFrame: Lijphart's agreement index (the share of roll calls on
# which two states vote alike, an abstention half way), over the roll calls both voted on.
states = ["united-states", "united-kingdom", "france", "germany", "japan", "russia", "china",
          "india", "pakistan", "brazil", "south-africa"]
m = votes.alignment_matrix(states, measure="agreement-index")
print()
print(m.matrix.round(2))
print()
print("roll calls behind each score (the counts beside the matrix), first four states:")
print(m.objects.iloc[:4, :4].astype("Int64"))

# %% A heat map, matplotlib only.
fig, ax = plt.subplots(figsize=(7.5, 6.5))
image = ax.imshow(m.matrix.to_numpy(dtype=float), cmap="RdBu", vmin=0, vmax=1)
ax.set_xticks(range(len(states)), labels=states, rotation=60, ha="right")
ax.set_yticks(range(len(states)), labels=states)
fig.colorbar(image, ax=ax, label="agreement index (Lijphart), UNGA 2018")
ax.set_title("Who votes with whom: UN General Assembly, 2018")
fig.tight_layout()
heat_map = os.path.join(out_dir, "unga-2018-agreement.png")
fig.savefig(heat_map, dpi=100)
print()
print("heat map:", os.path.basename(heat_map))

# %% The article's question: will India be a roadblock between Russia and Pakistan? In the
# General Assembly, Russia and Pakistan vote alike more than Russia and India do ...
pairs = [("russia", "pakistan"), ("russia", "india"), ("pakistan", "india")]
rows = []
for a, b in pairs:
    r = votes.align(a, b, measure="agreement-index")
    rows.append([a, b, r.score, r.measures.loc["agreement-index", "low"],
                 r.measures.loc["agreement-index", "high"],
                 r.measures.loc["agreement-index", "objects"]])
print()
print(pd.DataFrame(rows, columns=["a", "b", "agreement-index", "low", "high", "roll calls"])
      .round(3).to_string(index=False))

scores = {(row[0], row[1]): row[2] for row in rows}
rp, ri, pi = (scores[p] for p in pairs)
print()
print(f"In the 2018 General Assembly Russia votes with Pakistan on {rp:.0%} and with India on "
      f"{ri:.0%} of the roll calls (agreement index):\nin the Assembly's votes India is "
      f"{'no' if abs(rp - ri) < 0.05 else 'a'} wedge between them, and Pakistan and India vote "
      f"alike on {pi:.0%}.")

# ... and who aligns with Russia, most aligned first (the top five).
ranking = votes.ranking("russia", measure="agreement-index")
print()
print(ranking.table.head(5)[["rank", "actor", "score", "objects"]].round(3).to_string(index=False))

# %% The curated claims answer it directly: where Russia and Pakistan diverge, roadblocks first,
# each with the sourced claims behind it.
ds = entente.embedded()
d = ds.diverge("russia", "pakistan")
print()
print(d.points.round(2).to_string(index=False))
print()
print(d.evidence[["id", "text"]].head(4).to_string(index=False))
