#!/usr/bin/python3
"""Loading a large dataset from Python (entente.load) against the CLI (issue 18).

    /usr/bin/python3 bench/python_load.py BUILD_DIR [SIZE] [REPEATS]

BUILD_DIR is a Release build configured with -DENTENTE_PYTHON=ON (the module in
BUILD_DIR/python, the tool in BUILD_DIR/src/entente). SIZE claims (default 1e6) come from
bench/generate.py (bench/data/claims-SIZE.json, generated when missing). Each run is its own
process, so every load reads the file cold from the page cache alike:
  - the CLI: `entente stats --data FILE` (load, validate, build the graph, count);
  - Python: `entente.load(FILE)` then the same counts, in /usr/bin/python3 (import time apart);
  - Python, the load and the first DataFrame: `entente.load(FILE).claims()`.
Prints the median wall time of each, in seconds, and the ratio to the CLI. Never part of the
test run.
"""
import os
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))


def timed(cmd, env=None):
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {done.stderr}")
    return elapsed, done.stdout


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build = os.path.abspath(sys.argv[1])
    size = sys.argv[2] if len(sys.argv) > 2 else "1e6"
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    data = os.path.join(here, "data", f"claims-{size}.json")
    if not os.path.exists(data):
        os.makedirs(os.path.dirname(data), exist_ok=True)
        subprocess.run([sys.executable, os.path.join(here, "generate.py"), "claims", size, data],
                       check=True)
    entente = os.path.join(build, "src", "entente")
    env = dict(os.environ, PYTHONPATH=os.path.join(build, "python"))
    load = ("import time, entente; t = time.perf_counter(); ds = entente.load({!r}); "
            "print(time.perf_counter() - t, repr(ds))").format(data)
    frame = ("import time, entente; t = time.perf_counter(); c = entente.load({!r}).claims(); "
             "print(time.perf_counter() - t, len(c))").format(data)
    rows = {"cli": [], "python process": [], "python load": [], "python load + claims()": []}
    for _ in range(repeats):
        rows["cli"].append(timed([entente, "stats", "--data", data])[0])
        elapsed, out = timed([sys.executable, "-c", load], env)
        rows["python process"].append(elapsed)
        rows["python load"].append(float(out.split()[0]))
        rows["python load + claims()"].append(float(timed([sys.executable, "-c", frame],
                                                          env)[1].split()[0]))
    print(f"{size} claims, {os.path.getsize(data) / 1e6:.0f} MB JSON; medians of {repeats}")
    base = statistics.median(rows["cli"])
    for name, times in rows.items():
        m = statistics.median(times)
        print(f"  {name:24s} {m:7.2f} s   x{m / base:.2f} of the CLI")
    print(f"  ({out.strip()})")


if __name__ == "__main__":
    main()
