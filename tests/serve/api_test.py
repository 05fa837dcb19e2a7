"""The HTTP API of `entente serve`, through a real server on a free loopback port.

Usage: api_test.py ENTENTE TEST_DATA_DIR

Every query endpoint's JSON must be byte for byte the CLI's `--format json` answer to the same
question; errors are JSON objects with the CLI's messages, pinned here; nothing a request does
stops the server; SIGTERM stops it with status 0.
"""

import csv
import io
import json
import os
import signal
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET

import big_star
from serve_lib import Server, check, cli, failures

entente, data = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])


def q(**params):
    return urllib.parse.urlencode(params, doseq=True)


# (API path, the CLI's arguments for the same question)
questions = [
    ("/api/neighbors?" + q(actor="pakistan"), ["neighbors", "pakistan"]),
    ("/api/neighbors?" + q(actor="CPEC", depth=2), ["neighbors", "CPEC", "--depth", "2"]),
    ("/api/align?" + q(a="russia", b="pakistan"), ["align", "russia", "pakistan"]),
    ("/api/align?" + q(a="russia"), ["align", "russia"]),
    ("/api/align?" + q(a="russia", measure="kappa", min_shared=2),
     ["align", "russia", "--measure", "kappa", "--min-shared", "2"]),
    ("/api/series?" + q(a="russia", b="pakistan"),
     ["align", "russia", "pakistan", "--by", "year"]),
    ("/api/series?" + q(a="india", b="pakistan", by="quarter", **{"from": "2019", "until": "2020"}),
     ["align", "india", "pakistan", "--by", "quarter", "--from", "2019", "--until", "2020"]),
    ("/api/diverge?" + q(a="russia", b="pakistan"), ["diverge", "russia", "pakistan"]),
    ("/api/balance", ["balance"]),
    ("/api/balance?" + q(assume="india cooperates_with pakistan"),
     ["balance", "--assume", "india cooperates_with pakistan"]),
    ("/api/balance?" + q(assume="russia hostile_to india"),
     ["balance", "--assume", "russia hostile_to india"]),
    ("/api/path?" + q(a="pakistan", b="united-states", k=3),
     ["path", "pakistan", "united-states", "--k", "3"]),
    ("/api/align?" + q(a="russia", b="pakistan", as_of="2019"),
     ["align", "russia", "pakistan", "--as-of", "2019"]),
    ("/api/diverge?" + q(a="russia", b="pakistan", without=["kor-41", "kor-45"]),
     ["diverge", "russia", "pakistan", "--without", "kor-41", "--without", "kor-45"]),
    ("/api/neighbors?" + q(actor="india", modality="stated,hedged"),
     ["neighbors", "india", "--modality", "stated,hedged"]),
]

# (API path, status, the JSON error object); the messages are the CLI's where the CLI has one.
errors = [
    ("/api/neighbors?" + q(actor="pakistn"), 404,
     {"error": "unknown actor \"pakistn\"; did you mean \"pakistan\"?", "status": 404,
      "kind": "actor", "name": "pakistn", "suggestions": ["pakistan"]}),
    ("/api/align?" + q(a="russia", b="Russian Federation"), 400,
     {"error": "\"russia\" and \"Russian Federation\" are the same actor", "status": 400}),
    ("/api/align?" + q(a="russia", b="pakistan", as_of="2019-13"), 400,
     {"error": "as_of: \"2019-13\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", "status": 400}),
    ("/api/align?" + q(a="russia", colour="red"), 400,
     {"error": "unknown parameter \"colour\"; align takes a, b, measure, min_shared, as_of, "
               "from, until, assume, without, modality", "status": 400}),
    ("/api/diverge?" + q(a="russia"), 400,
     {"error": "diverge needs the parameter \"b\"", "status": 400}),
    ("/api/neighbors?" + q(actor="india", depth="9"), 400,
     {"error": "depth: \"9\" is not a whole number from 0 to 3", "status": 400}),
    ("/api/path?" + q(a="india", b="china", k="x"), 400,
     {"error": "k: \"x\" is not a whole number from 1 to 20", "status": 400}),
    ("/api/neighbors?" + q(actor=["india", "china"]), 400,
     {"error": "parameter \"actor\" given twice", "status": 400}),
    ("/api/balance?" + q(assume="india adores pakistan"), 400,
     {"error": "assume: cannot read the assumption \"india adores pakistan\"; write it as "
               "\"SUBJECT RELATION OBJECT\", e.g. \"russia sanctions pakistan\"",
      "status": 400}),
    ("/api/balance?" + q(assume="india sanctions pakistn"), 404,
     {"error": "unknown actor \"pakistn\"; did you mean \"pakistan\"?", "status": 404,
      "kind": "actor", "name": "pakistn", "suggestions": ["pakistan"]}),
    ("/api/diverge?" + q(a="india", b="china", without="kor-999"), 404, None),
    ("/api/balance?" + q(modality="certain"), 400,
     {"error": "modality: \"certain\" is not one of stated, predicted, recommended, questioned, "
               "hedged, all", "status": 400}),
    ("/api/align?" + q(a="russia", measure="pearson"), 400,
     {"error": "measure: unknown measure \"pearson\"; one of alignment, agreement, identical, "
               "agreement-index, s, kappa, pi", "status": 400}),
    ("/api/teleport", 404,
     {"error": "no such question \"teleport\"; the API answers catalog, neighbors, align, "
               "series, diverge, balance and path", "status": 404}),
    ("/api/series?" + q(a="russia", b="pakistan", by="decade"), 400,
     {"error": "by: \"decade\" is not year, quarter or month", "status": 400}),
    ("/api/neighbors?" + q(actor="india", per_pair=1), 400,
     {"error": "unknown parameter \"per_pair\"; neighbors takes actor, depth, as_of, from, "
               "until, assume, without, modality", "status": 400}),
    ("/svg/neighbors?" + q(actor="india", per_pair=2), 400,
     {"error": "per_pair: \"2\" is not a whole number from 0 to 1", "status": 400}),
    ("/api/balance?" + q(without=["k%d" % i for i in range(101)]), 400,
     {"error": "at most 100 assume and without items in one request", "status": 400}),
    ("/api/neighbors?actor=%FF%FE", 400, {"error": "actor: not valid UTF-8", "status": 400}),
    ("/api/neighbors?actor=%ED%A0%80", 400, {"error": "actor: not valid UTF-8", "status": 400}),
    ("/api/neighbors?actor=pak%00istan", 400,
     {"error": "actor: contains a NUL character", "status": 400}),
    ("/api/neighbors?actor=india&%C0%AF=1", 400,
     {"error": "a parameter's name is not text (UTF-8 without NUL)", "status": 400}),
    ("/nowhere%FF", 404, {"error": "no such page (its path is not text)", "status": 404}),
    ("/api/neighbors?" + q(actor="Ünïcödé — 北京"), 404, None),
    ("/nowhere", 404, {"error": "no such page \"/nowhere\"", "status": 404}),
    ("/api/neighbors?" + q(actor="x" * 5000), 414,
     {"error": "request too large: 5021 bytes of path and query, at most 4096", "status": 414}),
]

with Server(entente) as server:
    # The page and its files, with a policy that runs no inline script.
    status, ctype, body = server.get("/")
    check("page status", status, 200)
    check("page type", ctype, "text/html; charset=utf-8")
    check("page names its script", b'<script src="/app.js"' in body, True)
    for path, want in [("/app.js", "text/javascript; charset=utf-8"),
                       ("/style.css", "text/css; charset=utf-8")]:
        status, ctype, _ = server.get(path)
        check("file " + path, (status, ctype), (200, want))

    status, ctype, body = server.get("/api/catalog")
    catalog = json.loads(body)
    _, listed, _ = cli(entente, "actors", "--format", "json")
    check("catalog actors are the CLI's", sorted(a["id"] for a in catalog["actors"]),
          sorted(a["actor"]["id"] for a in json.loads(listed)["actors"]))
    check("catalog has the claims", any(c["id"] == "kor-41" for c in catalog["claims"]), True)

    for path, args in questions:
        status, ctype, body = server.get(path)
        code, out, err = cli(entente, *args, "--format", "json")
        check("status " + path, (status, ctype), (200, "application/json"))
        check("CLI answers " + " ".join(args), (code, err), (0, ""))
        check("same JSON as `entente %s --format json`" % " ".join(args), body, out.rstrip(b"\n"))

    # The drawings: SVG that parses, with the CLI's stable ids for the page to click.
    for path in ["/svg/neighbors?" + q(actor="pakistan"), "/svg/balance",
                 "/svg/align?" + q(a="russia", b="pakistan")]:
        status, ctype, body = server.get(path)
        check("drawing " + path, (status, ctype), (200, "image/svg+xml"))
        root = ET.fromstring(body)
        ids = {g.get("id") for g in root.iter("{http://www.w3.org/2000/svg}g")}
        check("drawing has the actor node " + path, "actor-pakistan" in ids, True)
    # One line per pair on request (--per-pair): fewer edges, each pair's id and count.
    _, _, by_claim = server.get("/svg/neighbors?" + q(actor="pakistan"))
    status, _, by_pair = server.get("/svg/neighbors?" + q(actor="pakistan", per_pair=1))
    edges = lambda svg: [g.get("id") for g in ET.fromstring(svg).iter(
        "{http://www.w3.org/2000/svg}g") if g.get("class") == "edge"]
    check("per_pair: fewer edges", (status, len(edges(by_pair)) < len(edges(by_claim))),
          (200, True))
    check("per_pair: pair ids", "pair-russia--pakistan" in edges(by_pair), True)
    status, _, body = server.get("/svg/balance?" + q(assume="india cooperates_with pakistan"))
    check("what-if drawing says its scenario",
          b"scenario: assuming &quot;india cooperates_with pakistan&quot;" in body, True)
    # PNG: the CLI's own `--diagram x.png`, byte for byte.
    status, ctype, png = server.get("/png/diverge?" + q(a="russia", b="pakistan"))
    with tempfile.TemporaryDirectory() as tmp:
        code, _, _ = cli(entente, "diverge", "russia", "pakistan", "--diagram", tmp + "/d.png")
        with open(tmp + "/d.png", "rb") as f:
            check("png: the CLI's drawing", (status, ctype, code, png == f.read()),
                  (200, "image/png", 0, True))
    # CSV: the claims the answer cites, each row as `export --format csv` writes it (the
    # assumed claim too, marked hypothetical).
    what_if = q(assume="india cooperates_with pakistan", without="kor-41")
    status, ctype, body = server.get("/csv/balance?" + what_if)
    cited = [c["id"] for c in json.loads(server.get("/api/balance?" + what_if)[2])["claims"]]
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    check("csv: status and type", (status, ctype), (200, "text/csv; charset=utf-8"))
    check("csv: CRLF line ends (RFC 4180)", body.endswith(b"\r\n") and b"\n" not in
          body.replace(b"\r\n", b""), True)
    check("csv: one row per claim the answer cites", sorted(r[0] for r in rows[1:]),
          sorted(cited))
    check("csv: kor-41 left out", "kor-41" in [r[0] for r in rows], False)
    hypothetical = [r for r in rows[1:] if r[rows[0].index("hypothetical")] == "true"]
    check("csv: the assumed claim, marked", [(r[1], r[3], r[2]) for r in hypothetical],
          [("india", "cooperates_with", "pakistan")])
    with tempfile.TemporaryDirectory() as tmp:
        cli(entente, "export", "--format", "csv", "-o", tmp + "/all.csv")
        with open(tmp + "/all-edges.csv", newline="", encoding="utf-8") as f:
            exported = {r[0]: r for r in csv.reader(f)}
    check("csv: the header and rows are export's",
          [r for r in rows if r[0] in exported] == [exported[r[0]] for r in rows
                                                    if r[0] in exported]
          and len(rows) - len(hypothetical) == len([r for r in rows if r[0] in exported]), True)
    status, _, body = server.get("/png/series?" + q(a="russia", b="pakistan"))
    check("no PNG of a series", (status, json.loads(body)["error"]),
          (404, "no drawing of a series: the page draws /api/series itself"))

    for path, want_status, want in errors:
        status, ctype, body = server.get(path)
        check("error status " + path[:80], (status, ctype), (want_status, "application/json"))
        got = json.loads(body)
        if want is not None:
            check("error body " + path[:80], got, want)
    # The CLI's own messages for the same mistakes, word for word (the option named as the API
    # names its parameter: assume for --assume).
    for path, args in [("/api/neighbors?" + q(actor="pakistn"), ["neighbors", "pakistn"]),
                       ("/api/balance?" + q(assume="india adores pakistan"),
                        ["balance", "--assume", "india adores pakistan"]),
                       ("/api/balance?" + q(assume="india sanctions pakistn"),
                        ["balance", "--assume", "india sanctions pakistn"]),
                       ("/api/diverge?" + q(a="india", b="china", without="kor-999"),
                        ["diverge", "india", "china", "--without", "kor-999"])]:
        _, _, body = server.get(path)
        code, _, err = cli(entente, *args)
        message = json.loads(body)["error"]
        if message.startswith("assume: "):
            message = "--" + message
        check("CLI's message for " + path, "entente: " + message + "\n", err)

    # Past httplib's own request line limit (8 KiB), still a JSON error.
    status, ctype, body = server.get("/api/neighbors?" + q(actor="y" * 9000))
    check("oversize request line", (status, ctype), (414, "application/json"))
    check("oversize request line message", json.loads(body)["error"],
          "request too large: at most 4096 bytes of path and query")
    # Read-only: anything but GET is refused, a body past 1 KiB too.
    status, ctype, body = server.raw("POST", "/api/balance", body=b"{}")
    check("POST refused", (status, json.loads(body)),
          (405, {"error": "method POST not allowed: the page is read-only", "status": 405}))
    status, ctype, body = server.raw("GET", "/api/balance", body=b"z" * 2000)
    check("oversize body", (status, json.loads(body)["error"]),
          (413, "request too large: the API takes no body, only the URL's query"))
    # Another site's name for this address (DNS rebinding) is refused.
    status, _, body = server.get("/api/balance", headers={"Host": "evil.example:%d" % server.port})
    check("foreign Host refused", (status, json.loads(body)["error"]),
          (400, "unexpected Host header; open http://127.0.0.1:%d/" % server.port))
    # A port in use: a clear refusal, status 2.
    code, out, err = cli(entente, "serve", "--port", str(server.port))
    check("port in use", (code, out, err),
          (2, b"", "entente serve: cannot listen on 127.0.0.1:%d (in use, or not an address of "
                   "this machine); try --port 0\n" % server.port))
    # Still serving after all of that.
    status, _, _ = server.get("/api/balance")
    check("still serving", status, 200)
    code, err = server.stop()
    check("SIGTERM stops it cleanly", code, 0)
    # (under LeakSanitizer its table of suppressions follows)
    check("it says so", "entente serve: stopped\n" in err, True)

# A drawing past the layout limits is refused (422); the answer itself is still given.
with tempfile.TemporaryDirectory() as tmp:
    big_star.write(tmp + "/star.json")
    with Server(entente, "--data", tmp + "/star.json") as server:
        status, _, body = server.get("/api/neighbors?actor=hub")
        check("big neighbourhood answered", (status, len(json.loads(body)["actors"])), (200, 2002))
        status, ctype, body = server.get("/svg/neighbors?actor=hub")
        check("big drawing refused", (status, ctype, json.loads(body)),
              (422, "application/json",
               {"error": "cannot draw 2002 actors and 2001 edges: past 2000 actors or 4000 edges "
                         "the layout takes minutes; ask about fewer actors", "status": 422}))
        server.stop()

# Ctrl-C (SIGINT) stops it as cleanly as SIGTERM.
with Server(entente) as server:
    server.process.send_signal(signal.SIGINT)
    code, err = server.stop()
    check("SIGINT stops it cleanly", (code, "entente serve: stopped\n" in err), (0, True))

# Bad data stops it before it listens, with validate's diagnostics and status 2.
code, out, err = cli(entente, "serve", "--port", "0", "--data", "bad/duplicate-ids.json", cwd=data)
_, _, validated = cli(entente, "validate", "--data", "bad/duplicate-ids.json", cwd=data)
check("bad data: status, nothing on stdout", (code, out), (2, b""))
check("bad data: validate's diagnostics", err, validated)

# Hostile names: the answers are the CLI's, the drawing is well-formed SVG with no script.
hostile = data + "/serve/hostile-page.json"
with Server(entente, "--data", hostile) as server:
    for path, args in [("/api/neighbors?" + q(actor="alpha", depth=2),
                        ["neighbors", "alpha", "--depth", "2"]),
                       ("/api/balance", ["balance"])]:
        status, _, body = server.get(path)
        _, out, _ = cli(entente, *args, "--format", "json", "--data", hostile)
        check("hostile: same JSON " + path, (status, body), (200, out.rstrip(b"\n")))
    status, _, body = server.get("/svg/neighbors?" + q(actor="alpha", depth=2))
    root = ET.fromstring(body)
    tags = {e.tag.split("}")[-1] for e in root.iter()}
    check("hostile drawing: no script, no foreign HTML",
          tags & {"script", "foreignObject", "img", "iframe"}, set())
    check("hostile drawing: no event attribute",
          [a for e in root.iter() for a in e.attrib if a.lower().startswith("on")], [])
    # An ambiguous name: 400, the candidates, the CLI's message.
    status, _, body = server.get("/api/neighbors?" + q(actor="Twin"))
    got = json.loads(body)
    _, _, err = cli(entente, "neighbors", "Twin", "--data", hostile)
    check("ambiguous name", (status, got["name"], got["candidates"]), (400, "Twin", ["gamma", "delta"]))
    check("ambiguous name: the CLI's message", "entente: " + got["error"] + "\n",
          err.splitlines(True)[-1])
    status, _, body = server.get("/api/neighbors?" + q(actor="<script>"))
    check("hostile: unknown name is a JSON error", (status, json.loads(body)["name"]),
          (404, "<script>"))
    server.stop()

if failures:
    print("%d failed" % len(failures))
    sys.exit(1)
print("all passed")
