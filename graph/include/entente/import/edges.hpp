#pragma once
/// @file Signed edge lists into an entente dataset: CSV/TSV tables, Pajek `.net` files and GraphML,
/// each vertex an actor and each edge with a non-zero value a claim whose relation has the
/// value's sign (docs/cli.md, "import edges"; docs/data-format.md, "Signed edge lists").

#include <cstdint>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "entente/import/votes.hpp"
#include "entente/load/diagnostic.hpp"
#include "entente/model/model.hpp"

namespace entente {

/// The file formats import_edges reads.
enum class EdgeFormat {
    csv,      ///< A delimited table with a header (CSV per RFC 4180, or TSV), one edge per row.
    pajek,    ///< Pajek's `.net` (Batagelj and Mrvar, Pajek manual, "Network": `*Vertices`,
              ///< `*Arcs`, `*Edges`, `*Arcslist`, `*Edgeslist`).
    graphml,  ///< GraphML 1.0 (graphml.graphdrawing.org), with `<key>` declarations.
};

/// What import_edges reads and how it names what it makes.
struct EdgeImportOptions {
    /// CSV: the header names of the edge's two ends.
    std::string source_column = "source";
    std::string target_column = "target";  ///< See source_column.
    /// CSV: the column holding the edge's signed value; when both this and weight_column are
    /// empty, the column "sign" is used, else "weight". Only one of the two may be given.
    std::string sign_column;
    std::string weight_column;  ///< See sign_column; read the same way (the value's sign).
    bool directed = false;      ///< CSV: rows are arcs (source to target), not edges.
    /// GraphML: the edge attribute (its `attr.name`) holding the value; empty: "sign", else
    /// "weight".
    std::string sign_attribute;
    ActorKind actor_kind = ActorKind::state;  ///< The kind of every actor made.
    /// The title of every file's source; empty: the file's name (without its directory).
    std::string dataset_name;
    /// The relations of positive and negative edges and arcs, by id; each must be a built-in
    /// relation of that polarity (the CLI checks). Defaults: cooperates_with and hostile_to
    /// (symmetric) for edges, supports and opposes (directed) for arcs.
    std::string positive_edge = "cooperates_with";
    std::string negative_edge = "hostile_to";  ///< See positive_edge.
    std::string positive_arc = "supports";     ///< See positive_edge.
    std::string negative_arc = "opposes";      ///< See positive_edge.
};

/// One input file, read as a stream.
struct EdgeInput {
    std::string name;                     ///< The name diagnostics give (the path as typed).
    std::istream* stream;                 ///< Its bytes; read once, from where it stands.
    std::uint64_t size = 0;               ///< Its size in bytes for progress, 0 when unknown.
    EdgeFormat format = EdgeFormat::csv;  ///< How to read it.
    char delimiter = ',';                 ///< CSV only: ',' or '\t' (or ';').
};

/// What an import found and made.
struct EdgeImportResult {
    std::optional<Dataset> dataset;  ///< The dataset, when no diagnostic is an error.
    /// Every problem found, in input order: `FILE:LINE:COLUMN` (line 0 for a problem with a whole
    /// file).
    std::vector<Diagnostic> diagnostics;
    std::size_t actors = 0;    ///< Actors made (vertices, joined across files by name).
    std::size_t positive = 0;  ///< Claims made from positive values.
    std::size_t negative = 0;  ///< Claims made from negative values.
    std::size_t zero = 0;      ///< Edges of value 0, skipped (no claim).
    std::size_t loops = 0;     ///< Edges from a vertex to itself, skipped (no claim).
    std::size_t arcs = 0;      ///< Claims made from directed edges (of positive + negative).
};

/// Reads signed edges from `inputs` and builds one dataset (docs/data-format.md, "Signed edge
/// lists", gives the rules in full):
/// - each vertex becomes an actor named by its label (Pajek's quoted label, GraphML's `label` or
///   `name` attribute, the CSV cell), else by its id; vertices of different files with the same
///   name are one actor. Its id is the name's ASCII slug (slug(); a clash gets "-2", "-3"); the
///   vertex's own id, when it differs from the name, is an alias unless another actor has it too.
/// - each edge of value v != 0 becomes one claim from its first to its second end: relation
///   positive_edge / negative_edge for an undirected edge, positive_arc / negative_arc for a
///   directed one, by the sign of v; |v| goes into the claim's note with the file and line
///   ("value -2 (highland.net:12)"). Edges of value 0 and loops make no claim (counted).
///   Parallel edges make one claim each; ties average them (docs/queries.md).
/// - each file one source, titled dataset_name or the file's name; every claim cites its file's
///   source and is asserted_by that title.
/// Every bad line is reported (a value that is not a finite number, a vertex number out of range,
/// a missing column, an XML error, an edge to an undeclared node, ...), then no dataset is given.
/// Streams each input once; memory is the vertices and edges read. O(bytes + edges log edges).
/// Throws std::bad_alloc, std::invalid_argument for an empty `inputs`, std::runtime_error when
/// ICU's data cannot be loaded (slug).
EdgeImportResult import_edges(std::span<const EdgeInput> inputs, const EdgeImportOptions& options,
                              const ImportProgress& progress = {});

}  // namespace entente
