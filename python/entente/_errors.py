"""The errors the entente module raises (raised from the C++ core through its translator)."""


class DataError(Exception):
    """The data has errors: nothing was loaded (or imported).

    ``diagnostics`` is every problem found, in file order, each a dict with ``severity``
    ("error" or "warning"), ``file``, ``line`` and ``column`` (1-based; 0 for the whole file),
    ``pointer`` (the JSON pointer, "" for the whole file), ``message`` and ``text`` (the CLI's
    line, "FILE:LINE:COLUMN: error: MESSAGE (at POINTER)"). ``str()`` is what ``entente
    validate`` prints to stderr: one line per diagnostic, then the count.
    """

    def __init__(self, message, diagnostics):
        super().__init__(message)
        self.diagnostics = diagnostics

    @property
    def errors(self):
        """The diagnostics that are errors."""
        return [d for d in self.diagnostics if d["severity"] == "error"]


class UnknownName(KeyError):
    """A name that matches no actor (or relation, or claim id).

    ``kind`` is "actor", "relation" or "claim"; ``name`` the name as given; ``suggestions`` the
    nearest known ids, best first (at most three, possibly none). ``str()`` is the CLI's
    message: ``unknown actor "rusia"; did you mean "russia"?``.
    """

    def __init__(self, message, kind, name, suggestions):
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.name = name
        self.suggestions = list(suggestions)

    def __str__(self):
        # KeyError shows its argument's repr; the message reads better as it is.
        return self.message


class AmbiguousName(UnknownName):
    """A name that matches several actors equally well (none by its exact id).

    ``candidates`` are the ids it could mean, in dataset order (also given as ``suggestions``).
    """

    def __init__(self, message, name, candidates):
        super().__init__(message, "actor", name, candidates)
        self.candidates = list(candidates)


class RenderError(RuntimeError):
    """Graphviz could not lay out or render a diagram."""
