#pragma once
// The JSON API and the drawings behind `entente serve` (src/serve.cpp), apart from any HTTP
// library: a request is a path and its query parameters, the reply a status, a type and a body.
// Every answer is the CLI's own `--format json` answer (src/answers.hpp) for the same question,
// every drawing the CLI's own `--diagram` drawing rendered to SVG in-process; the page
// (src/web/) never computes an answer itself.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/load/embedded.hpp"
#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// The page's files (src/web/: index.html, app.js, style.css), compiled in by
/// cmake/embed_files.cmake; names relative to src/web/. Throws nothing.
std::span<const EmbeddedFile> embedded_web();

}  // namespace entente

namespace entente::cli {

/// A request's query parameters, name and value (percent-decoded), in the order given; a
/// repeatable parameter (assume, without, modality) appears once per use.
using ApiParams = std::vector<std::pair<std::string, std::string>>;

/// What the server answers: an HTTP status, a media type and the body.
struct ApiReply {
    int status = 200;  ///< 200, or 400/404/422 with a JSON error.
    /// "application/json", "image/svg+xml", "image/png" or "text/csv; charset=utf-8".
    std::string content_type = "application/json";
    std::string body;  ///< The answer, the drawing or the error.
};

/// Bounds on what one request may ask, so no question keeps the server busy for long.
struct ServeLimits {
    std::size_t max_depth = 3;             ///< Largest neighbourhood depth (hops).
    std::size_t max_k = 20;                ///< Most paths asked of `path` (Yen's k).
    std::size_t max_scenario_items = 100;  ///< Most assume + without items in one request.
    /// Seconds for balance's exact frustration search before it answers with its proven bound
    /// (the CLI's --time-limit); 0 for none.
    double balance_seconds = 5;
};

/// Answers GET `path` with `params` over `kg` (the loaded data, before any what-if):
///   /api/catalog                      the actors (id, name, kind, aliases), relations and claims
///                                     (id, sentence) for the page's pickers, and the dated span;
///   /api/neighbors?actor=A&depth=N    `entente neighbors A --depth N --format json`;
///   /api/align?a=A&b=B                `entente align A B --format json`;
///   /api/align?a=A[&measure=M][&min_shared=N]  `entente align A --format json` (the ranking);
///   /api/series?a=A&b=B[&by=UNIT]     `entente align A B --by UNIT --format json` (year by
///                                     default; no drawing: the page charts it);
///   /api/diverge?a=A&b=B              `entente diverge A B --format json`;
///   /api/balance                      `entente balance --format json`;
///   /api/path?a=A&b=B[&k=N]           `entente path A B --k N --format json`;
/// and /svg/QUERY with the same parameters (and per_pair=1 for --per-pair) for the drawing
/// `--diagram x.svg` would write, /png/QUERY for the PNG `--diagram x.png` would (192 dpi), and
/// /csv/QUERY for the claims the answer cites (its "claims") as `export --format csv` writes
/// claims (the edges file: RFC 4180, CRLF, formula-safe cells). Every
/// query takes the what-if parameters as_of, from, until, assume and without (repeatable) and
/// modality (repeatable or comma-separated). Returns 200 with the answer, or a JSON error
/// {"error": MESSAGE, "status": N} (with "kind", "name" and "suggestions" for an unknown name,
/// "candidates" for an ambiguous one): 400 for a bad or missing parameter (a name or value that is
/// not UTF-8 text without NUL included), 404 for an unknown
/// path or name, 422 for a drawing too large to lay out. Not thread-safe (Graphviz keeps one
/// context per process): the caller serialises requests. Throws std::bad_alloc only.
ApiReply api_reply(const KnowledgeGraph& kg, std::string_view path, const ApiParams& params,
                   const ServeLimits& limits = {});

/// True when `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// past U+10FFFF). O(bytes); throws nothing.
bool well_formed_utf8(std::string_view text);

/// The seminar page as one self-contained HTML file (`entente export --format html`): the page's
/// HTML with its script and style inlined, a Content-Security-Policy that lets it reach nothing
/// outside the file, and the answers the page would ask `entente serve` for `questions`: each an
/// API question as the page asks it, QUESTION[?PARAMS] percent-encoded
/// ("align?a=russia&b=pakistan", "balance?assume=india%20cooperates_with%20pakistan"), answered
/// with its drawing (per claim and per pair) and, for a pair's alignment, its series; the catalog
/// always. The answers are the API's (api_reply), embedded as JSON with every "<" escaped. Throws
/// Error naming the question when one is refused (its API message: an unknown name, a bad
/// parameter) or holds a "%" without two hex digits; std::bad_alloc.
std::string lesson_html(const KnowledgeGraph& kg, const std::vector<std::string>& questions,
                        const ServeLimits& limits = {});

/// A JSON error body {"error": message, "status": status}, with the message as given (text from
/// the data stays text: JSON-escaped). Throws std::bad_alloc.
std::string api_error_json(int status, std::string_view message);

}  // namespace entente::cli
