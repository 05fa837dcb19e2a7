#pragma once
/// @file GraphML for Gephi, yEd, Cytoscape and NetworkX.

#include <string>
#include <utility>

#include "entente/model/knowledge_graph.hpp"
#include "entente/query/selection.hpp"

namespace entente {

/// GraphML (Gephi, yEd, Cytoscape, NetworkX): nodes with name, kind, aliases and holder; edges
/// with claim id, relation, polarity, confidence, source, quote, who asserts it and dates.
std::string to_graphml(const KnowledgeGraph& kg, const Selection& selection);

}  // namespace entente
