"""entente for notebooks: the knowledge graph of political actors and sourced claims, in Python.

Three lines from nothing to the states' pairwise alignment as a pandas DataFrame::

    import entente
    ds = entente.embedded()
    ds.alignment_matrix().matrix

The library is the same C++ library the ``entente`` command-line tool runs (the extension
``entente._core``); every query returns a result object with its numbers as attributes and
DataFrames, the claims it rests on (``.evidence``) and their sources (``.sources``), and
``.to_dict()``: exactly the object ``entente COMMAND --format json`` prints (docs/cli.md). Results
draw themselves (``_repr_svg_``, ``Dataset.diagram``). Loads and queries release the GIL.

Errors: ``DataError`` (the data has errors; ``.diagnostics``), ``UnknownName`` (a ``KeyError``;
``.suggestions``), ``AmbiguousName`` (an ``UnknownName``; ``.candidates``), ``ValueError`` for a
bad argument (a date, a measure, an assumption that cannot be read), ``OSError`` when a file
cannot be written, ``RenderError`` when Graphviz fails.
"""

import copy
import datetime
import json

from . import _core
from ._errors import AmbiguousName, DataError, RenderError, UnknownName

__all__ = [
    "AmbiguousName",
    "DataError",
    "Dataset",
    "RenderError",
    "UnknownName",
    "embedded",
    "import_events",
    "import_votes",
    "load",
]

MEASURES = ("alignment", "agreement", "identical", "agreement-index", "s", "kappa", "pi")
"""The alignment measures, as ``measure=`` takes them (docs/queries.md)."""


def _plural(n, one, many):
    return f"{n} {one if n == 1 else many}"


def _data_error(diagnostics, summary):
    lines = [d["text"] for d in diagnostics] + [summary]
    return DataError("\n".join(lines), diagnostics)


def _dataset(loaded):
    graph, diagnostics, errors, warnings, files = loaded
    if graph is None:
        # The lines `entente validate` prints, and its count without the "entente: " prefix.
        summary = (
            f"{_plural(errors, 'error', 'errors')}, {_plural(warnings, 'warning', 'warnings')}"
            + (f" in {_plural(files, 'file', 'files')}" if files else "")
        )
        raise _data_error(diagnostics, summary)
    return Dataset(graph, diagnostics)


def load(*paths, with_embedded=False, limits=None):
    """Loads and validates dataset files into a ``Dataset``.

    ``paths``: files (JSON datasets or compiled ``.entente`` files) or directories (their
    ``*.json`` files in name order), merged in the order given, as ``entente --data``.
    ``with_embedded``: load the embedded curated dataset first and these beside it
    (``entente --with``). ``limits``: a dict of ``max_bytes`` (bytes, all files; default a
    sixteenth of the machine's memory, as the CLI), ``max_records``, ``max_name_length``,
    ``max_text_length`` (characters) — docs/data-format.md, Limits.
    Raises ``DataError`` with every diagnostic when the data has an error (nothing is loaded);
    warnings are kept in ``Dataset.warnings``. ``TypeError`` for an unknown limit.
    """
    if not paths and not with_embedded:
        raise TypeError("load() needs at least one path (or with_embedded=True)")
    return _dataset(_core.load([str(p) for p in paths], with_embedded, dict(limits or {})))


def embedded():
    """The curated dataset compiled into the library (data/), as a ``Dataset``."""
    return _dataset(_core.embedded())


def _imported(graph, diagnostics, counts):
    # An importer's answer: the Dataset with its counts, or DataError with every bad row.
    if graph is None:
        raise _data_error(diagnostics,
                          f"{_plural(len(diagnostics), 'error', 'errors')}; nothing imported")
    ds = Dataset(graph, diagnostics)
    ds.import_counts = dict(counts)
    return ds


def import_votes(*paths, preset="columns", actor_column=None, item_column=None,
                 vote_column=None, date_column=None, yes=None, no=None, abstain=None,
                 absent=None, actor_kind=None, source_title="", source_id=""):
    """Roll-call votes (CSV or TSV, one row per voter per vote) as a ``Dataset``.

    The same importer as ``entente import votes`` (docs/cli.md): ``preset`` is "unvotes" (the
    unvotes package's un_votes.csv, un_roll_calls.csv and un_roll_call_issues.csv, in any order),
    "voeten" (UNVotes.csv), "voteview" (member votes, members, rollcalls) or "columns" (name the
    columns: ``actor_column``, ``item_column``, ``vote_column``, optional ``date_column``).
    ``yes``, ``no``, ``abstain``, ``absent``: lists of vote codes replacing the preset's.
    ``actor_kind``: the voters' kind ("state", "person", ...). ``source_title``/``source_id``:
    the source every claim cites. A ``.tsv`` or ``.tab`` file is read tab-separated.
    Each roll call becomes a position, each vote a supports / opposes / abstains_on claim dated to
    the vote. ``Dataset.import_counts`` gives rows, yes, no, abstain, absent, voters, roll_calls,
    issues. Raises ``DataError`` listing every bad row (FILE:LINE:COLUMN), ``ValueError`` for
    bad arguments or a file that cannot be opened.
    """
    columns = {k: v for k, v in (("actor_column", actor_column), ("item_column", item_column),
                                 ("vote_column", vote_column), ("date_column", date_column))
               if v is not None}
    codes = {k: list(v) for k, v in (("yes", yes), ("no", no), ("abstain", abstain),
                                     ("absent", absent)) if v is not None}
    graph, diagnostics, counts = _core.import_votes(
        [str(p) for p in paths], preset, columns, codes, actor_kind, source_title, source_id)
    return _imported(graph, diagnostics, counts)


def import_events(*paths, preset="icews", polarity="cameo", period="month", actor_map=None,
                  keep_domestic=False, delimiter=None, source_title="", source_id=""):
    """Machine-coded event data as a ``Dataset``: one weighted, dated claim per directed dyad,
    relation class and period.

    The same importer as ``entente import events`` (docs/events.md): ``preset`` is "icews" (the
    Dataverse TSV), "gdelt1" (57 or 58 columns), "gdelt2" (61 columns) or "aggregated" (the CSV
    of ``entente import events --emit-sql``'s query). ``polarity``: "cameo" (root codes 01-08
    cooperative, 09-20 conflictual), "quad" (quad classes) or "goldstein" (the score's sign).
    ``period``: "day", "week", "month" or "year". ``actor_map``: a CSV ``key,id,name,kind``
    replacing the built-in map of country codes and names. ``keep_domestic``: keep events whose
    two sides are one actor. ``delimiter``: "tab" or "comma" (default: the preset's).
    ``source_title``/``source_id``: the source every claim cites. A claim's ``weight`` is its
    events' summed |Goldstein| / 10, its note gives the event count and ids.
    ``Dataset.import_counts`` gives rows, events, duplicates, domestic, unplaced, neutral,
    unmapped, claims. Raises ``DataError`` listing every bad row or actor-map line
    (FILE:LINE:COLUMN), ``ValueError`` for bad arguments or a file that cannot be opened.
    """
    graph, diagnostics, counts = _core.import_events(
        [str(p) for p in paths], preset, polarity, period,
        None if actor_map is None else str(actor_map), bool(keep_domestic), delimiter,
        source_title, source_id)
    return _imported(graph, diagnostics, counts)


def _frame(columns, rows=None):
    import pandas as pd

    if rows is None:
        return pd.DataFrame(columns)
    return pd.DataFrame(rows, columns=columns)


def _tie_value(tie):
    return None if tie is None else tie["value"]


class Result:
    """A query's answer: its numbers, the claims behind it and the CLI's JSON.

    ``to_dict()``: the object ``entente ... --format json`` prints, parsed. ``evidence``: the
    claims the answer cites (a DataFrame, one row per claim, dataset order; the columns of the
    CLI's claim object, actors by id). ``sources``: their sources. ``scenario``: the what-if
    arguments it was asked under. ``diagram``: the ``entente._core.Diagram`` ``--diagram`` would
    draw; ``_repr_svg_()`` draws it for Jupyter.
    """

    def __init__(self, answer):
        self._json = answer.json
        self._data = json.loads(answer.json)
        self.diagram = answer.diagram

    def to_dict(self):
        """The CLI's JSON answer as a dict (a fresh copy)."""
        return copy.deepcopy(self._data)

    def to_json(self):
        """The CLI's JSON answer as text, exactly as ``--format json`` prints it (no newline)."""
        return self._json

    @property
    def scenario(self):
        return dict(self._data["scenario"])

    @property
    def evidence(self):
        rows = []
        for c in self._data["claims"]:
            row = dict(c)
            row["subject"] = c["subject"]["id"]
            row["object"] = c["object"]["id"]
            rows.append(row)
        columns = ["id", "subject", "relation", "object", "polarity", "text", "source", "quote",
                   "asserted_by", "asserted_by_name", "confidence", "hypothetical", "from",
                   "until", "note"]
        return _frame(columns, [[r[k] for k in columns] for r in rows])

    @property
    def sources(self):
        columns = ["id", "title", "author", "publisher", "date", "url", "note"]
        return _frame(columns, [[s[k] for k in columns] for s in self._data["sources"]])

    def _repr_svg_(self):
        if self.diagram is None:
            return None  # a series: one score per period, no drawing (as the CLI)
        return _core_render(self.diagram, "svg").decode("utf-8")


def _core_render(diagram, fmt, layout=""):
    return diagram.render(fmt, layout)


def _measures_frame(measures):
    import pandas as pd

    return pd.DataFrame(
        [[m, s["score"], s["low"], s["high"], s["objects"]] for m, s in measures.items()],
        columns=["measure", "score", "low", "high", "objects"]).set_index("measure")


class Alignment(Result):
    """How two actors align (``entente align A B``).

    ``a``, ``b``: the actors' ids. ``alignment``, ``agreement`` (in [-1, 1] or None), ``shared``
    (objects both are tied to), ``direct`` (their direct tie, or None), ``score`` (the score of
    the ``measure`` asked for), ``measures`` (a DataFrame: score, 90% bootstrap low/high and the
    objects each rests on, one row per measure), ``shared_objects`` (a DataFrame: object, kind,
    tie_a, tie_b, same_sign).
    """

    def __init__(self, answer, measure):
        super().__init__(answer)
        d = self._data
        self.measure = measure
        self.a = d["a"]["id"]
        self.b = d["b"]["id"]
        self.alignment = d["alignment"]
        self.agreement = d["agreement"]
        self.shared = d["shared"]
        self.direct = d["direct"]
        self.score = d["measures"][measure]["score"]

    @property
    def measures(self):
        return _measures_frame(self._data["measures"])

    @property
    def shared_objects(self):
        rows = [[s["object"]["id"], s["object"]["kind"], _tie_value(s["tie_a"]),
                 _tie_value(s["tie_b"]), s["same_sign"]] for s in self._data["shared_objects"]]
        return _frame(["object", "kind", "tie_a", "tie_b", "same_sign"], rows)

    def __repr__(self):
        score = "undefined" if self.score is None else f"{self.score:+.2f}"
        return f"<entente.Alignment {self.a} {self.b}: {self.measure} {score}>"


class Ranking(Result):
    """Who aligns with one actor (``entente align A``): ``actor``, ``measure``, and ``table``, a
    DataFrame of rank (None for thin evidence), actor, name, kind, score, low, high, objects,
    thin, agreement, shared, direct, most aligned first, thin scores last."""

    def __init__(self, answer):
        super().__init__(answer)
        d = self._data
        self.actor = d["actor"]["id"]
        self.measure = d["measure"]

    @property
    def table(self):
        rows = []
        for part, thin in (("ranking", False), ("thin", True)):
            for i, r in enumerate(self._data[part]):
                rows.append([None if thin else i + 1, r["actor"]["id"], r["actor"]["name"],
                             r["actor"]["kind"], r["score"], r["low"], r["high"], r["objects"],
                             thin, r["agreement"], r["shared"], r["direct"]])
        return _frame(["rank", "actor", "name", "kind", "score", "low", "high", "objects", "thin",
                       "agreement", "shared", "direct"], rows)

    def __repr__(self):
        return f"<entente.Ranking of {self.actor} by {self.measure}>"


class AlignmentMatrix(Result):
    """Pairwise scores (``entente align --matrix``): ``actors`` (ids, in order), ``measure``,
    and four n x n DataFrames indexed by actor id both ways: ``matrix`` (scores, NaN where
    undefined and on the diagonal), ``objects`` (the objects each score rests on, the counts
    beside the scores; NaN on the diagonal), ``low`` and ``high`` (90% bootstrap interval)."""

    def __init__(self, answer):
        super().__init__(answer)
        d = self._data
        self.actors = [a["id"] for a in d["actors"]]
        self.measure = d["measure"]
        self.min_shared = d["min_shared"]

    def _table(self, key):
        import pandas as pd

        return pd.DataFrame(self._data[key], index=self.actors, columns=self.actors,
                            dtype="float64")

    @property
    def matrix(self):
        return self._table("matrix")

    @property
    def objects(self):
        return self._table("objects")

    @property
    def low(self):
        return self._table("low")

    @property
    def high(self):
        return self._table("high")

    def __repr__(self):
        return f"<entente.AlignmentMatrix {len(self.actors)} x {len(self.actors)} {self.measure}>"


class Series(Result):
    """A score period by period (``by=``; ``entente align ... --by UNIT``): ``by``, ``measure``,
    and ``table``, a long DataFrame: for a pair, period, from, until, score, low, high, objects;
    for a ranking, period, from, until, rank (None when thin), actor, score, low, high, objects,
    thin; for a matrix, period, from, until, a, b (every ordered pair), score, low, high,
    objects. Periods are calendar years, quarters or months; each period's scores rest on the
    claims holding during it."""

    def __init__(self, answer):
        super().__init__(answer)
        self.by = self._data["by"]
        self.measure = self._data["measure"]

    @property
    def table(self):
        d = self._data
        span = ["period", "from", "until"]
        score = ["score", "low", "high", "objects"]
        rows = []
        if "a" in d:
            for p in d["series"]:
                rows.append([p[k] for k in span + score])
            return _frame(span + score, rows)
        if "actor" in d:
            for p in d["series"]:
                for part, thin in (("ranking", False), ("thin", True)):
                    for i, r in enumerate(p[part]):
                        rows.append([p[k] for k in span] + [None if thin else i + 1,
                                                            r["actor"]["id"]]
                                    + [r[k] for k in score] + [thin])
            return _frame(span + ["rank", "actor"] + score + ["thin"], rows)
        ids = [a["id"] for a in d["actors"]]
        for p in d["series"]:
            for i, a in enumerate(ids):
                for j, b in enumerate(ids):
                    if i != j:
                        rows.append([p[k] for k in span] + [a, b, p["matrix"][i][j],
                                                            p["low"][i][j], p["high"][i][j],
                                                            p["objects"][i][j]])
        return _frame(span + ["a", "b"] + score, rows)

    def __repr__(self):
        return f"<entente.Series by {self.by}: {len(self._data['series'])} periods>"


class Divergence(Result):
    """Where two actors diverge (``entente diverge A B``): ``a``, ``b``, and ``points``, a
    DataFrame of object, name, kind, roadblock, tie_a, tie_b, weight, roadblocks first."""

    def __init__(self, answer):
        super().__init__(answer)
        self.a = self._data["a"]["id"]
        self.b = self._data["b"]["id"]

    @property
    def points(self):
        rows = [[p["object"]["id"], p["object"]["name"], p["object"]["kind"], p["roadblock"],
                 _tie_value(p["tie_a"]), _tie_value(p["tie_b"]), p["weight"]]
                for p in self._data["divergence"]]
        return _frame(["object", "name", "kind", "roadblock", "tie_a", "tie_b", "weight"], rows)

    def __repr__(self):
        return f"<entente.Divergence {self.a} {self.b}: {len(self._data['divergence'])} points>"


class Balance(Result):
    """Structural balance (``entente balance``; Heider, Cartwright-Harary): ``frustration_index``
    (ties to flip for balance), ``exact`` (proven minimum), ``lower_bound``, ``triangles``
    (counts by type "+++", "++-", "+--", "---"), ``measures`` (triangle_index, walk_index,
    frustration_index, frustration_index_upper: shares in [0, 1]), ``camps`` (per component, a
    pair of lists of actor ids), ``ties`` (a DataFrame: a, b, sign, value), ``frustrated`` (a
    DataFrame: a, b, sign)."""

    def __init__(self, answer):
        super().__init__(answer)
        f = self._data["frustration"]
        self.frustration_index = f["index"]
        self.exact = f["exact"]
        self.lower_bound = f["lower_bound"]
        self.triangles = dict(self._data["triangles"])
        self.measures = dict(self._data["measures"])
        self.camps = [([a["id"] for a in c["camp_a"]], [a["id"] for a in c["camp_b"]])
                      for c in f["components"]]

    @property
    def ties(self):
        rows = [[t["a"]["id"], t["b"]["id"], t["sign"], _tie_value(t["tie"])]
                for t in self._data["ties"]]
        return _frame(["a", "b", "sign", "value"], rows)

    @property
    def frustrated(self):
        rows = [[t["a"]["id"], t["b"]["id"], t["sign"]]
                for t in self._data["frustration"]["frustrated_ties"]]
        return _frame(["a", "b", "sign"], rows)

    def __repr__(self):
        return (f"<entente.Balance frustration {self.frustration_index}"
                f"{'' if self.exact else ' (not proven)'}>")


class Paths(Result):
    """How two actors are connected (``entente path``): ``paths``, a list of lists of actor ids
    (shortest first), ``signs`` (each path's sign), and ``steps``, a DataFrame of path (1-based),
    hop (1-based), from, to, sign, claims (list of claim ids)."""

    def __init__(self, answer):
        super().__init__(answer)
        self.paths = [[a["id"] for a in p["actors"]] for p in self._data["paths"]]
        self.signs = [p["sign"] for p in self._data["paths"]]

    @property
    def steps(self):
        rows = []
        for i, p in enumerate(self._data["paths"]):
            for j, h in enumerate(p["steps"]):
                rows.append([i + 1, j + 1, h["from"]["id"], h["to"]["id"], h["sign"],
                             list(h["claims"])])
        return _frame(["path", "hop", "from", "to", "sign", "claims"], rows)

    def __repr__(self):
        return f"<entente.Paths: {len(self.paths)}>"


class Neighbors(Result):
    """An ego network (``entente neighbors``): ``center``, ``depth``, ``actors`` (a DataFrame of
    actor, name, kind, distance in hops), and every claim among them in ``evidence``."""

    def __init__(self, answer):
        super().__init__(answer)
        self.center = self._data["center"]["id"]
        self.depth = self._data["depth"]

    @property
    def actors(self):
        rows = [[a["actor"]["id"], a["actor"]["name"], a["actor"]["kind"], a["distance"]]
                for a in self._data["actors"]]
        return _frame(["actor", "name", "kind", "distance"], rows)

    def __repr__(self):
        return f"<entente.Neighbors of {self.center}, depth {self.depth}>"


def _date(value):
    # A date as the CLI takes it: "YYYY[-MM[-DD]]"; a datetime.date or a year (int) is written so.
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f"a date is a string \"YYYY[-MM[-DD]]\", a datetime.date or a year, "
                    f"not {value!r}")


def _whole(name, value, minimum=0):
    # Whole-number arguments checked here, so a wrong type reads as such, not as the extension's
    # signature.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name}: a whole number, not {value!r}")
    if value < minimum:
        raise ValueError(f"{name}: at least {minimum}, not {value}")
    return value


def _scenario(as_of, from_, until, assume, without, modality=None, roll_up=None):
    def names(value, what):
        if isinstance(value, str):
            raise TypeError(f"{what}: a list of strings, not one string")
        return [str(v) for v in value]

    as_of, from_, until = _date(as_of), _date(from_), _date(until)
    return {"as_of": as_of, "from_": from_, "until": until,
            "assume": names(assume, "assume"), "without": names(without, "without"),
            "modality": None if modality is None else names(modality, "modality"),
            "roll_up": roll_up}


class Dataset:
    """A loaded, validated dataset (from ``load``, ``embedded``, ``import_votes`` or ``import_events``).

    Tables: ``actors()``, ``claims()``, ``sources()``, ``relations()`` (DataFrames).
    Queries (each a result object; names are found as the CLI finds them: ids, names, aliases,
    any case and accents): ``align``, ``ranking``, ``alignment_matrix``, ``diverge``,
    ``balance``, ``paths``, ``neighbors``. Every query takes the what-if arguments of the CLI:
    ``as_of`` (a date "YYYY[-MM[-DD]]", a ``datetime.date`` or a year: only claims holding
    then), ``from_`` and ``until`` (a
    window), ``assume`` (a list of "SUBJECT RELATION OBJECT" hypothetical claims) and
    ``without`` (a list of claim ids to leave out), and ``modality`` (a list of the modalities
    whose claims count, e.g. ``["stated", "hedged"]`` or ``["all"]``; default: stated claims
    only, as the CLI's ``--modality``), and ``roll_up`` (an actor kind, e.g. "state": each
    actor's claims counted as those of the actor of that kind it is ``part_of`` or
    ``member_of``, as the CLI's ``--roll-up``; the result's ``scenario["roll_up"]`` says how
    many claims moved). A what-if result's drawing says its scenario under the title, as the
    CLI's does. ``warnings``: the load's warnings (dicts as in ``DataError.diagnostics``).
    """

    def __init__(self, graph, diagnostics):
        self._graph = graph
        self.warnings = [d for d in diagnostics if d["severity"] == "warning"]
        self._tables = None

    def __repr__(self):
        actors, claims, sources, _ = self._graph.counts()
        return f"<entente.Dataset: {actors} actors, {claims} claims, {sources} sources>"

    def _table(self, name):
        if self._tables is None:
            self._tables = self._graph.tables()
        return _frame(self._tables[name])

    def actors(self):
        """Actors (and positions, projects, ...): id, name, kind, aliases (list), holder (the
        actor holding a position, or None), note; dataset order."""
        return self._table("actors")

    def claims(self):
        """Claims: id, subject, relation, object (actor ids), polarity (+1, 0, -1), text (the
        claim as a sentence), source, quote, asserted_by, confidence (in (0, 1]),
        hypothetical, from, until (dates as written, or None), note; dataset order."""
        return self._table("claims")

    def sources(self):
        """Sources: id, title, author, publisher, date, url, note; dataset order."""
        return self._table("sources")

    def relations(self):
        """Relations: id, label, polarity, symmetric, builtin, note; built-ins first."""
        return self._table("relations")

    def find_actor(self, name):
        """The id of the actor ``name`` finds (id, name or alias, any case). Raises
        ``UnknownName`` / ``AmbiguousName``."""
        return self._graph.find_actor(name)

    def _series(self, names, matrix, measure, over, min_shared, by, direct_only, scenario):
        return Series(self._graph.series(names, matrix, measure, over, min_shared, by,
                                         direct_only, **scenario))

    def align(self, a, b, *, measure="alignment", over="joint", direct_only=False, by=None,
              min_shared=3, as_of=None, from_=None, until=None, assume=(), without=(), modality=None, roll_up=None):
        """How actors ``a`` and ``b`` align, every measure with its 90% bootstrap interval and
        the claims behind it; ``measure`` picks ``.score`` (one of ``entente.MEASURES``);
        ``over``: "joint" (objects both hold a stance on) or "union". Returns ``Alignment``;
        with ``by`` ("year", "quarter" or "month"), the ``measure`` period by period as a
        ``Series``."""
        if measure not in MEASURES:
            raise ValueError(f'measure: unknown measure "{measure}"; one of {", ".join(MEASURES)}')
        if by is not None:
            return self._series([a, b], False, measure, over, min_shared, by, direct_only,
                                _scenario(as_of, from_, until, assume, without, modality, roll_up))
        answer = self._graph.align(a, b, over, direct_only,
                                   **_scenario(as_of, from_, until, assume, without, modality, roll_up))
        return Alignment(answer, measure)

    def ranking(self, a, *, measure="alignment", over="joint", min_shared=3, direct_only=False,
                by=None, as_of=None, from_=None, until=None, assume=(), without=(), modality=None, roll_up=None):
        """Who aligns with ``a`` by ``measure``, most aligned first; scores resting on fewer
        than ``min_shared`` objects are listed apart (thin). Returns ``Ranking``; with ``by``,
        a ``Series``."""
        if by is not None:
            return self._series([a], False, measure, over, min_shared, by, direct_only,
                                _scenario(as_of, from_, until, assume, without, modality, roll_up))
        return Ranking(self._graph.ranking(a, measure, over, _whole("min_shared", min_shared), direct_only,
                                           **_scenario(as_of, from_, until, assume, without, modality, roll_up)))

    def alignment_matrix(self, actors=None, *, measure="alignment", over="joint", min_shared=3,
                         direct_only=False, by=None, as_of=None, from_=None, until=None,
                         assume=(), without=(), modality=None, roll_up=None):
        """Pairwise ``measure`` of ``actors`` (names; default: the actors that take sides and
        hold stances, as ``entente align --matrix``). Returns ``AlignmentMatrix`` (``.matrix``
        the DataFrame, ``.objects`` the counts beside it); with ``by``, a ``Series``."""
        names = None if actors is None else [str(a) for a in actors]
        if by is not None:
            return self._series(names or [], True, measure, over, min_shared, by, direct_only,
                                _scenario(as_of, from_, until, assume, without, modality, roll_up))
        return AlignmentMatrix(self._graph.alignment_matrix(
            names, measure, over, _whole("min_shared", min_shared), direct_only,
            **_scenario(as_of, from_, until, assume, without, modality, roll_up)))

    def diverge(self, a, b, *, direct_only=False, as_of=None, from_=None, until=None, assume=(),
                without=(), modality=None, roll_up=None):
        """Where ``a`` and ``b`` take opposite sides, roadblocks first. Returns
        ``Divergence``."""
        return Divergence(self._graph.diverge(a, b, direct_only,
                                              **_scenario(as_of, from_, until, assume, without, modality, roll_up)))

    def balance(self, actors=None, *, camps=2, direct_only=False, time_limit=0.0, as_of=None,
                from_=None, until=None, assume=(), without=(), modality=None, roll_up=None):
        """Structural balance of ``actors`` (default: every actor that takes sides);
        ``camps`` > 2 adds generalised balance in that many camps; ``time_limit``: seconds for
        the exact frustration index (0: none). Returns ``Balance``."""
        names = None if actors is None else [str(a) for a in actors]
        return Balance(self._graph.balance(names, _whole("camps", camps), direct_only, float(time_limit),
                                           **_scenario(as_of, from_, until, assume, without, modality, roll_up)))

    def paths(self, a, b, *, k=1, max_hops=0, relations=None, directed=False,
              positive_only=False, as_of=None, from_=None, until=None, assume=(), without=(), modality=None, roll_up=None):
        """The ``k`` shortest loopless paths from ``a`` to ``b`` (Yen), at most ``max_hops``
        hops (0: no limit), over ``relations`` (ids) only when given. Returns ``Paths``."""
        rels = None if relations is None else [str(r) for r in relations]
        return Paths(self._graph.paths(a, b, _whole("k", k, 1), _whole("max_hops", max_hops), rels, directed,
                                       positive_only,
                                       **_scenario(as_of, from_, until, assume, without, modality, roll_up)))

    def neighbors(self, a, *, depth=1, as_of=None, from_=None, until=None, assume=(),
                  without=(), modality=None, roll_up=None):
        """``a``'s ego network: actors within ``depth`` hops and every claim among them.
        Returns ``Neighbors``."""
        return Neighbors(self._graph.neighbors(a, _whole("depth", depth),
                                               **_scenario(as_of, from_, until, assume, without, modality, roll_up)))

    def to_networkx(self):
        """The dataset as a ``networkx.MultiDiGraph``: a node per actor (keyed by id; name,
        kind, aliases, holder, note), an edge per claim from subject to object (keyed by claim
        id; every column of ``claims()`` but subject and object); the sources and relations as
        dicts by id in ``G.graph["sources"]`` and ``G.graph["relations"]``."""
        import networkx as nx

        if self._tables is None:
            self._tables = self._graph.tables()
        t = self._tables
        g = nx.MultiDiGraph()
        actors = t["actors"]
        for i, actor_id in enumerate(actors["id"]):
            g.add_node(actor_id, **{k: v[i] for k, v in actors.items() if k != "id"})
        claims = t["claims"]
        keys = [k for k in claims if k not in ("subject", "object")]
        for i in range(len(claims["id"])):
            g.add_edge(claims["subject"][i], claims["object"][i], key=claims["id"][i],
                       **{k: claims[k][i] for k in keys})

        def by_id(table):
            return {table["id"][i]: {k: v[i] for k, v in table.items() if k != "id"}
                    for i in range(len(table["id"]))}

        g.graph["sources"] = by_id(t["sources"])
        g.graph["relations"] = by_id(t["relations"])
        return g

    def diagram(self, result, path, *, layout="", size="", dpi="", aspect="", title="",
                edge_labels=True, per_pair=False, legend=True):
        """Draws a query result into ``path``; the format comes from its extension (.svg, .png,
        .pdf or .dot), as ``--diagram``. ``layout``: a Graphviz engine (default: dot, or sfdp
        for large drawings). The slide options are the CLI's: ``size`` ("10x5.625" inches or
        "1920x1080px"), ``dpi`` (PNG), ``aspect`` ("16:9"; not with ``size``), ``title`` (above
        a what-if's scenario line, which stays), ``edge_labels=False`` (values in the tooltips),
        ``per_pair=True`` (one edge per pair with its claim count), ``legend=False``. Returns the
        path. Raises ``ValueError`` for another extension or a bad option (the CLI's message),
        ``RenderError`` when Graphviz fails, ``OSError`` when the file cannot be written."""
        import os

        ext = os.path.splitext(str(path))[1].lower().lstrip(".")
        if ext not in ("svg", "png", "pdf", "dot"):
            raise ValueError(f'cannot tell the format of "{path}"; name the file .svg, .png, '
                             ".pdf or .dot")
        data = result.diagram.render(ext, layout, size=str(size), dpi=str(dpi),
                                     aspect=str(aspect), title=title, edge_labels=edge_labels,
                                     per_pair=per_pair, legend=legend)
        tmp = f"{path}.tmp-{os.getpid()}"
        with open(tmp, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        return path
