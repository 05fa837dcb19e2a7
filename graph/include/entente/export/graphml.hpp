#pragma once
/// @file GraphML for Gephi, yEd, Cytoscape and NetworkX.

#include <string>
#include <utility>

#include "entente/model/knowledge_graph.hpp"
#include "entente/query/selection.hpp"

namespace entente {

/// The selection as one GraphML document (the GraphML 1.0 schema, graphml.graphdrawing.org; XML
/// 1.0 in UTF-8) for Gephi, yEd, Cytoscape and NetworkX: a directed graph with one node per
/// selected actor (id = actor id; label, kind, aliases joined with "; ", holder's id, note) and
/// one edge per selected claim from subject to object (id = claim id; claim, relation, label,
/// polarity as int, symmetric and hypothetical as boolean, confidence as double in its shortest
/// form, source, source title, quote, asserted_by, from, until, note), both in the selection's
/// order. The five XML special characters are escaped; control characters XML 1.0 forbids (all
/// below U+0020 but tab, line feed and carriage return) become U+FFFD. `selection` must come from
/// `kg`. O(size of the selection's text); throws std::bad_alloc.
std::string to_graphml(const KnowledgeGraph& kg, const Selection& selection);

}  // namespace entente
