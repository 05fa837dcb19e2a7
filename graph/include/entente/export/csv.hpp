#pragma once
/// @file CSV nodes and edges for Kumu and Neo4j.

#include <string>
#include <utility>

#include "entente/model/knowledge_graph.hpp"
#include "entente/query/selection.hpp"

namespace entente {

/// Two CSV files, (nodes, edges), in RFC 4180's form: CRLF line ends, a header row, a field
/// quoted when it holds a comma, quote or line break, its quotes doubled. Nodes, one row per
/// selected actor in the selection's order: id:ID (id), Label (name), Type (kind), :LABEL (kind,
/// capitalised), Aliases (joined with "|"), Holder (holder's id), Description (note). Edges, one
/// row per selected claim in the selection's order: :START_ID, :END_ID (ids), :TYPE (relation id
/// in capitals, '-' and '.' as '_'), From, To (names), Type (relation label), Direction
/// ("directed" or "undirected"), Claim (id), Polarity:int, Confidence:double (shortest form that
/// reads back), Source (id), Source title, Quote, Asserted by, Holds from, Holds until (dates).
/// Kumu reads Label, Type, From, To, Type and Direction; neo4j-admin import reads id:ID, :LABEL,
/// :START_ID, :END_ID and :TYPE (docs/diagrams.md). Text is written as it is, control characters
/// included. `selection` must come from `kg`. O(size of the selection's text); throws
/// std::bad_alloc.
std::pair<std::string, std::string> to_csv(const KnowledgeGraph& kg, const Selection& selection);

}  // namespace entente
