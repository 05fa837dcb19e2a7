"""Writes a dataset whose neighbourhood of "hub" is past the drawing limits (draw_node_limit,
2000 actors): its answer is given, its drawing refused. Usage: big_star.py FILE."""

import json
import sys


def write(path, spokes=2001):
    data = {
        "entente": 1,
        "sources": [{"id": "s", "title": "Generated for the tests"}],
        "actors": [{"id": "hub", "name": "Hub", "kind": "state"}] +
                  [{"id": "a%d" % i, "name": "Actor %d" % i, "kind": "state"} for i in range(spokes)],
        "claims": [{"id": "c%d" % i, "subject": "hub", "relation": "supports",
                    "object": "a%d" % i, "source": "s"} for i in range(spokes)],
    }
    with open(path, "w") as f:
        json.dump(data, f)


if __name__ == "__main__":
    write(sys.argv[1])
