#pragma once
/// @file Structural balance (Heider 1946; Cartwright and Harary 1956) of the actors of a
/// knowledge graph.

#include <array>
#include <cstddef>
#include <vector>

#include "entente/query/signed_graph.hpp"
#include "entente/query/ties.hpp"

namespace entente {

/// The balance of a set of actors (by default those that take sides), with the ties behind each
/// edge. Actors are Dataset::actors indices; pointers point into the TieTable it was computed
/// from.
struct BalanceReport {
    std::vector<Index> actors;  ///< Vertex i of the signed graph is actors[i]; ordered by id.
    /// One edge per pair of actors with a tie of non-zero sign, signed by it; edges ordered by
    /// (u, v).
    SignedGraph graph;
    std::vector<const Tie*> edge_ties;  ///< The tie behind each edge, indexed like graph.edges.
    std::array<std::size_t, 4> triangle_counts{};  ///< +++, ++-, +--, --- (0 to 3 negatives).
    std::vector<SignedTriangle> unbalanced;        ///< The ++- and --- triangles, (u, v, w) order.
    Frustration frustration;                       ///< Frustration index and camps, per vertex.
    /// The two camps of the best split found (camp A holds each component's first actor by
    /// id), actors by id; an actor with no signed tie is in neither.
    std::array<std::vector<Index>, 2> camps;
    std::vector<Index> untied;  ///< Actors with no signed tie to another actor here, by id.
};

/// Balance (Heider 1946; Cartwright and Harary 1956) of `actors` (empty: every actor that takes
/// sides; duplicates dropped), ordered by id, under the given ties: one signed edge per pair with
/// a tie of non-zero sign, the triangle census, and the frustration index with its camps (see
/// frustration() for the method and docs/queries.md). The edge of a pair is read from the tie of
/// the actor first by id to the other: the same both ways between actors that are not positions
/// (ties are mutual), but a position named in `actors` gets an edge only where that tie exists.
/// Indices must be actors of `graph`, and `ties` built from it. Costs a pass over the actors'
/// stances, the triangle census and frustration(). Throws std::bad_alloc.
BalanceReport balance(const KnowledgeGraph& graph, const TieTable& ties,
                      std::vector<Index> actors = {}, FrustrationOptions options = {});

}  // namespace entente
