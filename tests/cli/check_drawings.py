#!/usr/bin/python3
"""Draws every query's answer in every layout and checks the drawing's geometry from its SVG.

  check_drawings.py ENTENTE REPO WORKDIR

For each drawing (align pair, ranking, matrix, diverge, balance of the embedded data and of
Read's highland tribes, path, export of the whole graph, an empty answer) and each layout (dot,
neato, fdp, sfdp, circo), at its natural size and on a 1920x1080 slide, the SVG is parsed with xml.etree (it must be well-formed) and:
- the legend is one box (id "legend"), its every sample, end and text inside it, and it
  overlaps no actor and no camp box; an empty answer has none;
- no legend element is an actor (class "actor", id "actor-...");
- each edge sample has arrowheads exactly when the drawing's edges of its colour have them;
- in balance drawings, every camp is a box (class "camp") holding each of its actors (from
  `balance --format json`) and no other camp's, and no two boxes overlap.
Exit status 1 with every failure listed.
"""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ENTENTE, REPO, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(WORK, exist_ok=True)
TRIBES = os.path.join(REPO, "examples", "highland-tribes.json")
SVG = "{http://www.w3.org/2000/svg}"
LAYOUTS = ["dot", "neato", "fdp", "sfdp", "circo"]
DRAWINGS = {
    "align-pair": ["align", "russia", "pakistan"],
    "ranking": ["align", "russia"],
    "matrix": ["align", "--matrix", "russia", "pakistan", "india", "china", "united-states"],
    "diverge": ["diverge", "russia", "pakistan"],
    "balance": ["balance"],
    "balance-tribes": ["balance", "--data", TRIBES],
    "path": ["path", "pakistan", "united-states", "--k", "2"],
    "export": ["export", "-o"],
    "empty": ["path", "pakistan", "united-states", "--max-hops", "1"],
}
failures = []
checks = 0


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)


def numbers(text):
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)]


def box_of(group):
    """The bounding box (x0, y0, x1, y1) of a group's shapes and text anchors."""
    xs, ys = [], []
    for el in group.iter():
        tag = el.tag.replace(SVG, "")
        if tag in ("polygon", "polyline"):
            v = numbers(el.get("points", ""))
            xs += v[0::2]
            ys += v[1::2]
        elif tag == "path":
            v = numbers(el.get("d", ""))
            xs += v[0::2]
            ys += v[1::2]
        elif tag == "ellipse":
            cx, cy = float(el.get("cx")), float(el.get("cy"))
            rx, ry = float(el.get("rx")), float(el.get("ry"))
            xs += [cx - rx, cx + rx]
            ys += [cy - ry, cy + ry]
        elif tag == "text":
            x, y = float(el.get("x")), float(el.get("y"))
            size = float(el.get("font-size", "10"))
            width = 0.5 * size * len(el.text or "")
            anchor = el.get("text-anchor", "start")
            left = x if anchor == "start" else x - width / 2 if anchor == "middle" else x - width
            xs += [left, left + width]
            ys += [y - size * 0.7, y]
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def inside(inner, outer, slack=1.0):
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack and
            inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def classes(el):
    return (el.get("class") or "").split()


def camps_of(args):
    """Actor id -> camp cluster name, from balance --format json."""
    out = subprocess.run([ENTENTE] + args + ["--format", "json"], capture_output=True, text=True)
    report = json.loads(out.stdout)
    camps = {}
    for k, component in enumerate(report["frustration"]["components"]):
        for letter in "ab":
            for actor in component["camp_" + letter]:
                camps[actor["id"]] = "cluster_camp_%d%s" % (k + 1, letter)
    return camps


# Each drawing at its natural size and on a 1920x1080 slide, where a drawing that would shrink
# below reading size is laid out again with larger text (PageOptions, Rendered::font_scale).
PAGES = {"": [], "-slide": ["--size", "1920x1080px"]}
camps_by_drawing = {}
for (name, args), (page, page_args), layout in [
        (d, p, l) for d in DRAWINGS.items() for p in PAGES.items() for l in LAYOUTS]:
    if name.startswith("balance") and name not in camps_by_drawing:
        camps_by_drawing[name] = camps_of(args)
    camps = camps_by_drawing.get(name, {})
    where = "%s --layout %s %s" % (name, layout, " ".join(page_args))
    path = os.path.join(WORK, "%s-%s%s.svg" % (name, layout, page))
    command = [ENTENTE] + args + ([path] if name == "export" else ["--diagram", path])
    run = subprocess.run(command + ["--layout", layout] + page_args, capture_output=True,
                         text=True)
    check(run.returncode == 0, "%s: status %d: %s" % (where, run.returncode, run.stderr))
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        check(False, "%s: not well-formed: %s" % (where, e))
        continue
    groups = [g for g in root.iter(SVG + "g")]
    legends = [g for g in groups if g.get("id") == "legend"]
    actors = [g for g in groups if "actor" in classes(g)]
    camp_boxes = {g.find(SVG + "title").text: g for g in groups if "camp" in classes(g)}
    if name == "empty":
        check(not legends, "%s: an empty answer has a legend" % where)
        check(not actors, "%s: an empty answer draws actors" % where)
        check(any(g.get("id") == "empty-answer" for g in groups), "%s: no message" % where)
        continue
    check(len(legends) == 1, "%s: %d legend boxes" % (where, len(legends)))
    check(actors, "%s: no actor drawn" % where)
    if len(legends) != 1:
        continue
    legend = box_of(legends[0])
    items = [g for g in groups if "legend" in classes(g) and g.get("id") != "legend"]
    check(len(items) >= 3, "%s: the legend has %d items" % (where, len(items)))
    for item in items:
        check(not (item.get("id") or "").startswith("actor-") and "actor" not in classes(item),
              "%s: legend item %s is drawn as an actor" % (where, item.get("id")))
        b = box_of(item)
        if b is not None:
            check(inside(b, legend), "%s: legend item %s %s outside the legend %s" %
                  (where, item.get("id"), b, legend))
    # A ranking's and a matrix's edges are scores: the legend says so, never "hostile".
    words = [t.text or "" for item in items for t in item.iter(SVG + "text")]
    if name in ("ranking", "matrix"):
        check(any(w.startswith("score below 0") for w in words) and
              not any(w.startswith(("hostile", "cooperative")) for w in words),
              "%s: the legend calls scores %s" % (where, words))
    else:
        check(not any(w.startswith("score") for w in words),
              "%s: the legend calls claims scores: %s" % (where, words))
    for actor in actors:
        check(not overlap(box_of(actor), legend),
              "%s: the legend overlaps %s" % (where, actor.get("id")))
    for camp in camp_boxes.values():
        check(not overlap(box_of(camp), legend),
              "%s: the legend overlaps camp %s" % (where, camp.get("id")))
    # Edge samples are drawn as the graph's edges of their colour are: with arrowheads
    # (polygons) exactly when those are.
    graph_edges = [g for g in groups if "edge" in classes(g) and "legend" not in classes(g)]
    for sample in items:
        if "edge" not in classes(sample):
            continue
        line = sample.find(".//" + SVG + "path")
        same = [e for e in graph_edges if e.find(".//" + SVG + "path") is not None and
                e.find(".//" + SVG + "path").get("stroke") == line.get("stroke") and
                e.find(".//" + SVG + "path").get("stroke-dasharray") == line.get("stroke-dasharray")]
        if same:
            heads = sample.find(".//" + SVG + "polygon") is not None
            check(any((e.find(".//" + SVG + "polygon") is not None) == heads for e in same),
                  "%s: legend sample %s %s arrowheads, the graph's edges of its look %s" %
                  (where, sample.get("id"), "has" if heads else "has no",
                   "do not" if heads else "do"))
    if camps:
        check(len(camp_boxes) == len(set(camps.values())),
              "%s: %d camp boxes for %d camps" % (where, len(camp_boxes), len(set(camps.values()))))
        boxes = {n: box_of(g) for n, g in camp_boxes.items()}
        names = sorted(boxes)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                check(not overlap(boxes[a], boxes[b]),
                      "%s: camp boxes %s and %s overlap" % (where, a, b))
        for actor in actors:
            ident = actor.get("id")[len("actor-"):]
            own = camps.get(ident)
            b = box_of(actor)
            check(own in boxes and inside(b, boxes[own]),
                  "%s: %s is not inside its camp %s" % (where, ident, own))
            for other, ob in boxes.items():
                if other != own:
                    check(not overlap(b, ob), "%s: %s is inside camp %s, not its own %s" %
                          (where, ident, other, own))

# --legend none: the drawing without its legend, the actors as they were.
path = os.path.join(WORK, "no-legend.svg")
run = subprocess.run([ENTENTE, "diverge", "russia", "pakistan", "--diagram", path, "--legend",
                      "none"], capture_output=True, text=True)
check(run.returncode == 0, "--legend none: status %d" % run.returncode)
groups = list(ET.parse(path).getroot().iter(SVG + "g"))
check(not [g for g in groups if "legend" in classes(g) or g.get("id") == "legend"],
      "--legend none: a legend is drawn")
check(len([g for g in groups if "actor" in classes(g)]) == 6, "--legend none: not 6 actors")

for f in failures:
    print("FAIL", f)
print("%d checks, %d failures" % (checks, len(failures)))
sys.exit(1 if failures else 0)
