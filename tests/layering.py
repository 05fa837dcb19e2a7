#!/usr/bin/env python3
"""Checks the library's layout (docs/architecture.md): each topic includes only the topics below
it, no file includes a file that includes it back (directly or through others), and the CLI
and the Python module (python/) use only the public headers.

  layering.py REPO_ROOT

Topics, lowest first: model, load, query, draw and export (draw and export stand side by side;
each may use load), import, curate. A file under graph/include/entente/TOPIC/ or graph/src/TOPIC/ belongs to TOPIC.
"""
import pathlib
import re
import sys

ALLOWED = {
    "model": {"model"},
    "load": {"model", "load"},
    "query": {"model", "query"},
    "draw": {"model", "load", "query", "draw"},
    "export": {"model", "load", "query", "export"},
    "import": {"model", "load", "import"},
    "curate": {"model", "load", "query", "export", "curate"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def topic_of(path, root):
    rel = path.relative_to(root).parts
    if rel[:3] == ("graph", "include", "entente") and len(rel) > 4:
        return rel[3]
    if rel[:2] == ("graph", "src") and len(rel) > 3:
        return rel[2]
    return None


def resolve(name, root):
    """The repository file an include names, or None for a generated or outside file."""
    for base in (root / "graph" / "include", root / "graph" / "src"):
        if (base / name).is_file():
            return base / name
    return None


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    files = [p for p in (root / "graph").rglob("*") if p.suffix in (".hpp", ".cpp")]
    problems = []
    graph = {}
    for path in files:
        topic = topic_of(path, root)
        rel = path.relative_to(root)
        if topic is None:
            problems.append(f"{rel}: not in a topic folder (model, load, query, draw, export, import, curate)")
            continue
        if topic not in ALLOWED:
            problems.append(f"{rel}: unknown topic {topic!r}")
            continue
        graph[path] = []
        for name in INCLUDE.findall(path.read_text(encoding="utf-8")):
            target = resolve(name, root)
            if target is None:
                continue
            graph[path].append(target)
            used = topic_of(target, root)
            if used not in ALLOWED[topic]:
                problems.append(f"{rel}: a {topic} file includes {name} ({used})")
    # Include cycles, by depth-first search.
    state = {}

    def visit(node, stack):
        state[node] = "open"
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == "open":
                cycle = stack[stack.index(nxt):] + [nxt]
                problems.append("include cycle: " +
                                " -> ".join(str(p.relative_to(root)) for p in cycle))
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = "done"

    for node in graph:
        if node not in state:
            visit(node, [])
    # The CLI and the Python module stand on the public headers only.
    front_ends = list((root / "src").rglob("*.[ch]pp")) + list((root / "python").rglob("*.[ch]pp"))
    for path in front_ends:
        for name in INCLUDE.findall(path.read_text(encoding="utf-8")):
            if (root / "graph" / "src" / name).is_file():
                problems.append(f"{path.relative_to(root)}: includes the library's internal {name}")
    for p in problems:
        print(p)
    print(f"layering: {len(files)} library files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
