#pragma once
/// @file Signed graphs and their balance algorithms (Heider; Cartwright-Harary): triangles and
/// the frustration index.

#include <array>
#include <cstddef>
#include <vector>

namespace entente {

/// A signed edge between vertices u < v of a SignedGraph.
struct SignedEdge {
    std::size_t u = 0;  ///< Smaller endpoint.
    std::size_t v = 0;  ///< Larger endpoint.
    int sign = 1;       ///< +1 or -1.
};

/// A simple undirected signed graph on vertices 0..n-1; the input of the balance algorithms.
struct SignedGraph {
    std::size_t vertices = 0;       ///< Number of vertices.
    std::vector<SignedEdge> edges;  ///< At most one edge per pair, u < v.
};

/// A triangle of a signed graph, by edge indices, with how many of its edges are negative.
struct SignedTriangle {
    std::size_t u = 0, v = 0, w = 0;     ///< Vertices, u < v < w.
    std::array<std::size_t, 3> edges{};  ///< Indices of uv, uw, vw in the graph's edges.
    int negatives = 0;                   ///< 0 (+++), 1 (++-), 2 (+--) or 3 (---).
};

/// Every triangle of the graph, in order of (u, v, w).
std::vector<SignedTriangle> signed_triangles(const SignedGraph& graph);

/// The triangles of a signed graph by type, and the unbalanced ones listed.
struct TriangleCensus {
    std::array<std::size_t, 4> counts{};     ///< +++, ++-, +--, --- (0 to 3 negative edges).
    std::vector<SignedTriangle> unbalanced;  ///< The ++- and --- triangles, in (u, v, w) order.
};

/// Counts every triangle by type and lists the unbalanced ones, in one pass.
TriangleCensus triangle_census(const SignedGraph& graph);

/// How many triangles have 0, 1, 2 and 3 negative edges (+++, ++-, +--, ---), counted without
/// listing them.
std::array<std::size_t, 4> signed_triangle_counts(const SignedGraph& graph);

/// The two camps that frustrate the fewest edges, and how sure we are of it.
struct Frustration {
    std::size_t index = 0;                ///< Edges frustrated by the camps (the best found).
    std::size_t lower_bound = 0;          ///< No split frustrates fewer edges than this.
    bool exact = false;                   ///< True when index is proven minimal (index == bound).
    std::vector<int> camp;                ///< Per vertex: 0 or 1 (isolated vertices: 0).
    std::vector<std::size_t> frustrated;  ///< Indices of the frustrated edges.
};

/// Options for the frustration search.
struct FrustrationOptions {
    std::size_t always_exact = 30;         ///< Components this small are solved with no budget.
    std::size_t exact_limit = 48;          ///< Largest component solved exactly by search.
    std::size_t node_budget = 50'000'000;  ///< Search nodes per component before giving up.
};

/// The frustration index: the fewest edges whose sign must flip (equivalently, that must be
/// deleted) for the graph to split into two camps, positive inside and negative between.
/// Components up to `exact_limit` vertices are solved exactly by branch and bound (with no
/// budget up to `always_exact`); larger ones, or ones exhausting the budget, by local search, with
/// a lower bound from edge-disjoint unbalanced triangles.
Frustration frustration(const SignedGraph& graph, FrustrationOptions options = {});

}  // namespace entente
