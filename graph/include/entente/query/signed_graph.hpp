#pragma once
/// @file Signed graphs and their balance algorithms (Heider 1946; Cartwright and Harary 1956):
/// triangles and the frustration index.

#include <array>
#include <cstddef>
#include <vector>

namespace entente {

/// A signed edge between vertices u < v of a SignedGraph.
struct SignedEdge {
    std::size_t u = 0;  ///< Smaller endpoint, in [0, vertices).
    std::size_t v = 0;  ///< Larger endpoint, in (u, vertices).
    int sign = 1;       ///< +1 or -1; nothing else.
};

/// A simple undirected signed graph on vertices 0..n-1; the input of the balance algorithms,
/// which assume (and do not check) what the fields below say.
struct SignedGraph {
    std::size_t vertices = 0;       ///< Number of vertices, n.
    std::vector<SignedEdge> edges;  ///< At most one edge per pair, u < v; indexed from 0.
};

/// A triangle of a signed graph, by edge indices, with how many of its edges are negative.
struct SignedTriangle {
    std::size_t u = 0, v = 0, w = 0;     ///< Vertices, u < v < w.
    std::array<std::size_t, 3> edges{};  ///< Indices of uv, uw, vw in the graph's edges.
    /// 0 (+++), 1 (++-), 2 (+--) or 3 (---); an odd count is unbalanced (Heider 1946).
    int negatives = 0;
};

/// Every triangle of the graph, in order of (u, v, w). O(sum over edges uv of the degree of v),
/// at most O(edges x largest degree), plus the triangles listed; throws std::bad_alloc.
std::vector<SignedTriangle> signed_triangles(const SignedGraph& graph);

/// The triangles of a signed graph by type, and the unbalanced ones listed.
struct TriangleCensus {
    std::array<std::size_t, 4> counts{};     ///< +++, ++-, +--, --- (0 to 3 negative edges).
    std::vector<SignedTriangle> unbalanced;  ///< The ++- and --- triangles, in (u, v, w) order.
};

/// Counts every triangle by type and lists the unbalanced ones, in one pass; costs like
/// signed_triangles(). Throws std::bad_alloc.
TriangleCensus triangle_census(const SignedGraph& graph);

/// How many triangles have 0, 1, 2 and 3 negative edges (+++, ++-, +--, ---), counted without
/// listing them: costs like signed_triangles() in time, O(vertices + edges) in memory. Throws
/// std::bad_alloc.
std::array<std::size_t, 4> signed_triangle_counts(const SignedGraph& graph);

/// How one connected component's frustration was found.
enum class FrustrationMethod {
    none,              ///< No edge: nothing to solve.
    branch_and_bound,  ///< Exact search of our own (small components).
    integer_program,   ///< Binary linear program (Aref, Mason and Wilson 2018, 2020) by CBC.
    local_search,      ///< Local search only (over the limits, or out of time).
};

/// The frustration of one connected component.
struct ComponentFrustration {
    std::vector<std::size_t> vertices;  ///< Its vertices, ascending; the first is in camp 0.
    std::size_t index = 0;              ///< Edges of this component the camps frustrate.
    std::size_t lower_bound = 0;        ///< Proven: no split of it frustrates fewer.
    bool exact = false;                 ///< index == lower_bound.
    FrustrationMethod method = FrustrationMethod::none;  ///< How index was found.
};

/// The two camps that frustrate the fewest edges, and how sure we are of it.
struct Frustration {
    std::size_t index = 0;        ///< Edges frustrated by the camps (the best found).
    std::size_t lower_bound = 0;  ///< No split frustrates fewer edges than this; <= index.
    bool exact = false;           ///< True when index is proven minimal (index == lower_bound).
    /// Per vertex (n entries): 0 or 1. The lowest vertex of each connected component is in camp
    /// 0, so isolated vertices are too. Camps of different components are unrelated: camp 0
    /// of one component is not camp 0 of another.
    std::vector<int> camp;
    /// Indices (into the graph's edges, ascending) of the frustrated edges: positive edges
    /// between the camps, negative ones inside one.
    std::vector<std::size_t> frustrated;
    /// The connected components with at least one edge, by their lowest vertex; vertices with
    /// no edge are in none.
    std::vector<ComponentFrustration> components;
    /// Relative optimality gap, (index - lower_bound) / index, in [0, 1]; 0 when exact.
    double gap() const {
        return index == 0 ? 0.0
                          : static_cast<double>(index - lower_bound) / static_cast<double>(index);
    }
};

/// Options for the frustration search.
struct FrustrationOptions {
    /// Components of at most this many vertices (and at most exact_limit) are solved exactly
    /// by branch and bound with no node budget.
    std::size_t always_exact = 30;
    /// Largest component, in vertices, solved by branch and bound under node_budget when the
    /// integer program is off; larger ones get the local search only.
    std::size_t exact_limit = 48;
    /// Branch-and-bound nodes one component may take (between always_exact and exact_limit)
    /// before its search gives up and keeps the local-search answer.
    std::size_t node_budget = 50'000'000;
    /// Components above always_exact are solved by the integer program (CBC); off: branch and
    /// bound up to exact_limit, local search above.
    bool integer_program = true;
    /// Seconds of wall-clock time for the whole call (0: no limit). When it runs out, the
    /// components not yet proven keep their best camps and their proven bound.
    double time_limit = 0;
};

/// The frustration index (Harary 1959; Aref and Wilson 2018): the fewest edges whose sign must
/// flip (equivalently, that must be deleted) for the graph to split into two camps, positive
/// inside and negative between (Cartwright and Harary 1956). Each connected component is solved
/// on its own: first by local search (32 restarts from breadth-first spanning-tree camps, then
/// single moves while they help; fixed seed, so the same graph gives the same camps), then up to
/// `always_exact` vertices exactly by branch and bound, and above it by the binary linear
/// program of Aref, Mason and Wilson (2018, 2020) solved by COIN-OR CBC from the local-search
/// camps, which proves the optimum or, out of time, gives its proven bound. A component left
/// unproven contributes the better of the solver's bound and a packing of edge-disjoint
/// unbalanced triangles. Exponential in the worst case (bounded by time_limit); components of
/// hundreds of vertices with sparse ties take seconds (docs/queries.md, bench/RESULTS.md).
/// Recursion depth up to exact_limit. Throws std::bad_alloc.
Frustration frustration(const SignedGraph& graph, FrustrationOptions options = {});

}  // namespace entente
