#pragma once
/// @file The graph, or a part of it, as an entente dataset that loads back.

#include <string>
#include <utility>

#include "entente/model/knowledge_graph.hpp"
#include "entente/query/selection.hpp"

namespace entente {

/// The selection as an entente dataset (format version 1) that loads back with nothing lost:
/// the selected actors (and the holders of selected positions), claims, and their sources and
/// relations; for the whole graph, every source and every relation the data defined, cited or
/// not. Throws std::bad_alloc when memory runs out (nothing is returned then).
std::string to_dataset_json(const KnowledgeGraph& kg, const Selection& selection);

}  // namespace entente
