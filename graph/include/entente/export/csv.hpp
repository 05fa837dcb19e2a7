#pragma once
/// @file CSV nodes and edges for Kumu and Neo4j.

#include <string>
#include <utility>

#include "entente/model/knowledge_graph.hpp"
#include "entente/query/selection.hpp"

namespace entente {

/// Two CSV files (nodes, edges) with both Kumu's columns (Label, Type; From, To, Type,
/// Direction) and neo4j-admin import's (id:ID, :LABEL; :START_ID, :END_ID, :TYPE).
std::pair<std::string, std::string> to_csv(const KnowledgeGraph& kg, const Selection& selection);

}  // namespace entente
