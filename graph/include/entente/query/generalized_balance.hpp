#pragma once
/// @file Generalised balance (Davis 1967): the partition of a signed graph into K camps that
/// frustrates the fewest ties (Doreian and Mrvar 1996).

#include <cstddef>
#include <vector>

#include "entente/query/signed_graph.hpp"

namespace entente {

/// The best partition into at most K camps found, and how sure we are of it.
struct Partition {
    std::size_t camps = 2;        ///< K, the most camps allowed.
    std::size_t error = 0;        ///< Positive ties between camps plus negative ones within.
    std::size_t lower_bound = 0;  ///< Proven: no partition into K camps does better; <= error.
    bool exact = false;           ///< error == lower_bound.
    /// Per vertex (n entries), in [0, K): camps numbered by their lowest vertex (the lowest
    /// vertex of the graph with an edge is in camp 0); a vertex with no edge is in camp 0.
    std::vector<std::size_t> camp;
};

/// Doreian and Mrvar's (1996) partitioning for generalised balance (Davis 1967): K camps (K >= 2)
/// minimising P = N + P', N the negative ties within camps and P' the positive ties between
/// (their criterion with alpha = 1/2, times 2). Starts from the two-camp frustration() answer,
/// improves it by single moves, then solves the integer program (one binary per vertex and camp,
/// COIN-OR CBC) within `options.time_limit` (0: none), which proves the optimum or gives its
/// bound. K = 2 gives the frustration index. Exponential in the worst case. Throws
/// std::invalid_argument when K < 2, std::bad_alloc.
Partition generalized_balance(const SignedGraph& graph, std::size_t camps,
                              FrustrationOptions options = {});

}  // namespace entente
