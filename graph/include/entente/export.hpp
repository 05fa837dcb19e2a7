#pragma once
/// @file The graph, or a part of it, in formats other tools read: GraphML, CSV, our own JSON.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "entente/knowledge_graph.hpp"

namespace entente {

/// Which part of the graph to export.
struct SelectOptions {
    std::optional<Index> focus;     ///< Only the ego network of this actor...
    std::size_t depth = 1;          ///< ...up to this many hops.
    std::optional<ActorKind> kind;  ///< Only actors of this kind.
    std::vector<Index> relations;   ///< Only claims of these relations (empty: all).
};

/// A part of the graph: actors, and the claims among them.
struct Selection {
    std::vector<Index> actors;  ///< In dataset order.
    std::vector<Index> claims;  ///< In dataset order; both ends are in `actors`.
    bool whole = false;         ///< True when nothing was filtered out.
};

/// The actors passing the filters and the claims of the chosen relations between them.
Selection select(const KnowledgeGraph& kg, const SelectOptions& options);

/// GraphML (Gephi, yEd, Cytoscape, NetworkX): nodes with name, kind, aliases and holder; edges
/// with claim id, relation, polarity, confidence, source, quote, who asserts it and dates.
std::string to_graphml(const KnowledgeGraph& kg, const Selection& selection);

/// Two CSV files (nodes, edges) with both Kumu's columns (Label, Type; From, To, Type,
/// Direction) and neo4j-admin import's (id:ID, :LABEL; :START_ID, :END_ID, :TYPE).
std::pair<std::string, std::string> to_csv(const KnowledgeGraph& kg, const Selection& selection);

/// The selection as an entente dataset (format version 1) that loads back with nothing lost:
/// the selected actors (and the holders of selected positions), claims, and their sources and
/// relations; for the whole graph, every source and every relation the data defined, cited or
/// not.
std::string to_dataset_json(const KnowledgeGraph& kg, const Selection& selection);

}  // namespace entente
