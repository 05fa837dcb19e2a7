#pragma once
/// @file The graph, or a part of it, as an entente dataset that loads back.

#include <string>
#include <utility>

#include "entente/model/knowledge_graph.hpp"
#include "entente/query/selection.hpp"

namespace entente {

/// The selection as an entente dataset (format version 1, docs/data-format.md; JSON per RFC 8259,
/// UTF-8, indented by two spaces, ending in a newline): the selected actors and the holders of
/// selected positions, and the sources and dataset-defined relations the selected claims cite;
/// for the whole graph (Selection::whole), every source and relation the data defined, cited or
/// not. Sources, relations and actors in dataset order, claims in the selection's order; built-in
/// relations are not written. Empty fields are left out, as are a confidence of 1 and an
/// asserted_by equal to its default (the loader fills both in again); confidences are written so
/// they read back as the same double. It loads back to the same records except for what the
/// format cannot say: `hypothetical` is not written (an assumption comes back as a claim of its
/// "what-if" source) and every id is written, so `id_assigned` comes back false; a date before
/// the year 1000 is written with fewer than four digits (Date::to_string), which the loader
/// refuses. `selection` must come from `kg`. O(size of the selection's text). Throws
/// std::bad_alloc when memory runs out (nothing is returned then).
std::string to_dataset_json(const KnowledgeGraph& kg, const Selection& selection);

}  // namespace entente
