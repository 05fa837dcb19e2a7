"""How fast `entente serve` starts and answers the lesson's questions (docs/serve.md).

Usage: /usr/bin/python3 bench/serve_timing.py ENTENTE [RUNS]

Start: wall time from spawning `entente serve --port 0` on the embedded data until it has printed
its URL, and until its first GET (the page) has been answered; median of RUNS starts. Requests:
for each question of the lesson, the JSON answer and the SVG drawing, each asked RUNS times over
one keep-alive connection; median and slowest wall time per request, as the browser waits for it.
Not part of the test run (timing depends on the machine and its load).
"""

import http.client
import os
import statistics
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                "serve"))
from serve_lib import Server  # noqa: E402

entente = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15

lesson = [
    ("neighbourhood of Pakistan", "neighbors", {"actor": "Islamabad"}),
    ("neighbourhood of China", "neighbors", {"actor": "china"}),
    ("align Russia Pakistan", "align", {"a": "russia", "b": "pakistan"}),
    ("who aligns with Russia", "align", {"a": "russia"}),
    ("diverge Russia Pakistan", "diverge", {"a": "russia", "b": "pakistan"}),
    ("balance", "balance", {}),
    ("balance, assuming russia hostile_to india", "balance",
     {"assume": "russia hostile_to india"}),
    ("series Russia Pakistan by year (JSON only)", "series", {"a": "russia", "b": "pakistan"}),
    ("align Russia Pakistan as of 2019", "align", {"a": "russia", "b": "pakistan",
                                                  "as_of": "2019"}),
    ("path Pakistan United States, 3 paths", "path", {"a": "pakistan", "b": "united-states",
                                                     "k": "3"}),
    ("diverge without kor-41", "diverge", {"a": "russia", "b": "pakistan", "without": "kor-41"}),
]

starts, firsts = [], []
for _ in range(runs):
    t0 = time.perf_counter()
    server = Server(entente)
    t1 = time.perf_counter()
    status, _, _ = server.get("/")
    t2 = time.perf_counter()
    assert status == 200
    server.stop()
    server.__exit__()
    starts.append(t1 - t0)
    firsts.append(t2 - t0)
print("start (URL printed):     median %.0f ms, slowest %.0f ms" % (
    1000 * statistics.median(starts), 1000 * max(starts)))
print("start (first GET answered): median %.0f ms, slowest %.0f ms" % (
    1000 * statistics.median(firsts), 1000 * max(firsts)))

with Server(entente) as server:
    c = http.client.HTTPConnection(server.host, server.port, timeout=60)
    print("%-44s %10s %10s %10s %10s" % ("question", "JSON med", "JSON max", "SVG med", "SVG max"))
    for name, endpoint, params in lesson:
        row = []
        for kind in ("api", "svg"):
            if endpoint == "series" and kind == "svg":
                row += [float("nan")] * 2
                continue
            times = []
            path = "/%s/%s?%s" % (kind, endpoint, urllib.parse.urlencode(params))
            for _ in range(runs):
                t0 = time.perf_counter()
                c.request("GET", path)
                r = c.getresponse()
                r.read()
                times.append(time.perf_counter() - t0)
                assert r.status == 200, (path, r.status)
            row += [1000 * statistics.median(times), 1000 * max(times)]
        print("%-44s %8.1f ms %7.1f ms %7.1f ms %7.1f ms" % (name, *row))
    c.close()
    server.stop()
