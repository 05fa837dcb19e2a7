#pragma once
/// @file Structural balance (Heider 1946; Cartwright and Harary 1956) of the actors of a
/// knowledge graph.

#include <array>
#include <cstddef>
#include <vector>

#include "entente/query/signed_graph.hpp"
#include "entente/query/ties.hpp"

namespace entente {

/// One connected component of the signed graph and its two camps.
struct BalanceComponent {
    std::array<std::vector<Index>, 2> camps;  ///< Camp A holds the first actor by id; by id.
    std::size_t ties = 0;                     ///< Signed ties inside it.
    std::size_t index = 0;                    ///< Ties its camps frustrate.
    std::size_t lower_bound = 0;              ///< Proven: no split frustrates fewer.
    bool exact = false;                       ///< index == lower_bound.
    FrustrationMethod method = FrustrationMethod::none;  ///< How index was found.
};

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
    /// The camps of each connected component of the signed graph (by its first actor by id):
    /// camps of different components are unrelated, so each is reported as its own.
    std::vector<BalanceComponent> components;
    /// Triangle index: share of balanced triangles, (+++ plus +--) / all, in [0, 1]; 1 with no
    /// triangle (Cartwright and Harary 1956; as in signnet's balance_score, method "triangles").
    double triangle_index = 1;
    /// Frustration-based index, 1 - 2 L / m with L the frustration index and m the signed ties,
    /// in [0, 1] (Aref and Wilson 2018); 1 with no tie. From the best camps found: when they are
    /// not proven, the true value lies in [this, frustration_index_upper].
    double frustration_index = 1;
    double frustration_index_upper = 1;  ///< 1 - 2 lower_bound / m.
    /// Walk-based index (Estrada and Benzi 2014): tr exp(A) / tr exp(|A|), A the signed
    /// adjacency matrix, in (0, 1]; closed walks weighted by 1/k! for length k, negative ones
    /// counted against. 1 when balanced. From the eigenvalues (Jacobi's method, O(n^3)).
    double walk_index = 1;
};

/// The walk-based balance index of Estrada and Benzi (2014, "Walk-based measure of balance in
/// signed networks", Phys. Rev. E 90): tr exp(A) / tr exp(|A|) for the signed adjacency matrix A
/// of `graph`, in (0, 1], 1 exactly when balanced; 1 with no edge. Eigenvalues by Jacobi's
/// method: O(n^3) time per sweep, O(n^2) memory. Throws std::bad_alloc.
double walk_balance_index(const SignedGraph& graph);

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
