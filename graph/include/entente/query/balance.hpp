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
    /// The two camps of the best split found (camp A holds each component's first actor by
    /// id), actors by id; an actor with no signed tie is in neither.
    std::array<std::vector<Index>, 2> camps;
    std::vector<Index> untied;  ///< Actors with no signed tie to another actor here, by id.
};

/// Balance (Heider 1946; Cartwright and Harary 1956) of `actors` (empty: every actor that takes
/// sides; duplicates dropped), ordered by id, under the given ties: one signed edge per pair with
/// a tie of non-zero sign, the triangle census, and the frustration index with its camps (see
/// frustration() for the method and docs/queries.md). Indices must be actors of `graph`; throws
/// nothing else.
BalanceReport balance(const KnowledgeGraph& graph, const TieTable& ties,
                      std::vector<Index> actors = {}, FrustrationOptions options = {});

}  // namespace entente
