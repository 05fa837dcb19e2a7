#pragma once
/// @file Structural balance (Heider; Cartwright-Harary) of the actors of a knowledge graph.

#include <array>
#include <cstddef>
#include <vector>

#include "entente/query/signed_graph.hpp"
#include "entente/query/ties.hpp"

namespace entente {

/// The balance of the actors that take sides, with the ties behind each edge.
struct BalanceReport {
    std::vector<Index> actors;                     ///< Vertex i of the signed graph is actors[i].
    SignedGraph graph;                             ///< One edge per non-zero tie.
    std::vector<const Tie*> edge_ties;             ///< The tie behind each edge.
    std::array<std::size_t, 4> triangle_counts{};  ///< +++, ++-, +--, ---.
    std::vector<SignedTriangle> unbalanced;        ///< The ++- and --- triangles.
    Frustration frustration;                       ///< Frustration index and camps.
};

/// Balance of `actors` (empty: every actor that takes sides) under the given ties.
BalanceReport balance(const KnowledgeGraph& graph, const TieTable& ties,
                      std::vector<Index> actors = {}, FrustrationOptions options = {});

}  // namespace entente
