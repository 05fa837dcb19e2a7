#pragma once
/// @file GraphML for Gephi, yEd, Cytoscape, igraph and NetworkX.

#include <cstddef>
#include <string>
#include <utility>

#include "entente/model/knowledge_graph.hpp"
#include "entente/query/selection.hpp"

namespace entente {

/// How to_graphml writes edges.
struct GraphmlOptions {
    /// True (the default): a claim of a symmetric relation ("rivals") is an undirected edge
    /// (`directed="false"` on the edge, GraphML Primer §2.3) in a directed graph -- a mixed graph,
    /// which Gephi and yEd draw as such; when every selected claim is symmetric the graph itself
    /// is undirected. False: every edge directed from subject to object (with `symmetric` true
    /// where it applies), for readers that refuse mixed graphs, such as NetworkX.
    bool mixed = true;
};

/// What to_graphml had to change in the data's text.
struct GraphmlReport {
    std::size_t replaced = 0;  ///< Characters XML 1.0 cannot carry, written as U+FFFD.
};

/// The selection as one GraphML document (the GraphML 1.0 schema, graphml.graphdrawing.org; XML
/// 1.0 in UTF-8): one node per selected actor (id = actor id; label, kind, aliases joined with
/// "; ", holder's id, note) and one edge per selected claim from subject to object (id = claim
/// id; claim, relation, label, polarity as int, sign as int (the polarity again, under the name
/// signed-network tools look for), weight as double (the claim's weight, >= 0: Gephi's layouts
/// want a non-negative weight, the sign says which way it pulls), symmetric and hypothetical as
/// boolean, confidence as double in its shortest form, the source's id, title, author, publisher,
/// date and url, quote, asserted_by, from, until, note), both in the selection's order; edges
/// directed as `options` says. Text keeps every character a reader gets back: the five XML special
/// characters as entities, carriage return and tab as character references (`&#13;`, `&#9;`: XML
/// parsers normalise a raw CR to LF); the characters XML 1.0 cannot carry at all become U+FFFD
/// (xml_carryable in model/text.hpp), counted in `report`. `selection` must come from `kg`. O(size
/// of the selection's text); throws std::bad_alloc.
std::string to_graphml(const KnowledgeGraph& kg, const Selection& selection,
                       const GraphmlOptions& options = {}, GraphmlReport* report = nullptr);

}  // namespace entente
