// The bidirectional search against Boost's breadth-first search: the same path, every time.

#include <doctest/doctest.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <functional>
#include <random>

#include "query/path_search.hpp"

namespace entente::test {

namespace {

using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// A directed simple graph as sorted adjacency arrays, both ways: the plainest graph the
// search runs over (the library runs it over ClaimWalk).
struct SearchGraph {
    std::vector<std::size_t> out_start;  ///< Out-neighbours of v: out[out_start[v] .. v+1).
    std::vector<Index> out;              ///< Targets, sorted within each vertex.
    std::vector<std::size_t> in_start;   ///< In-neighbours of v: in[in_start[v] .. v+1).
    std::vector<Index> in;               ///< Sources, sorted within each vertex.

    /// Builds both arrays from arcs sorted by (from, to), without repeats.
    SearchGraph(std::size_t vertices, const std::vector<std::pair<Index, Index>>& arcs)
        : out_start(vertices + 1, 0), in_start(vertices + 1, 0) {
        for (const auto& [from, to] : arcs) {
            ++out_start[from + 1];
            ++in_start[to + 1];
        }
        for (std::size_t v = 0; v < vertices; ++v) {
            out_start[v + 1] += out_start[v];
            in_start[v + 1] += in_start[v];
        }
        out.resize(arcs.size());
        in.resize(arcs.size());
        std::vector<std::size_t> next_out(out_start.begin(), out_start.end() - 1);
        std::vector<std::size_t> next_in(in_start.begin(), in_start.end() - 1);
        // Arcs come sorted by (from, to): each out-list fills in order of `to`, and each in-list
        // in order of `from`.
        for (const auto& [from, to] : arcs) {
            out[next_out[from]++] = to;
            in[next_in[to]++] = from;
        }
    }
    /// Number of vertices.
    std::size_t vertices() const { return out_start.size() - 1; }
    /// Calls visit(v) for each successor of u in index order until visit returns true.
    template <class Visit>
    void successors(Index u, Visit visit) const {
        for (std::size_t k = out_start[u]; k < out_start[u + 1] && !visit(out[k]); ++k) {
        }
    }
    /// Calls visit(u) for each predecessor of v in index order until visit returns true.
    template <class Visit>
    void predecessors(Index v, Visit visit) const {
        for (std::size_t k = in_start[v]; k < in_start[v + 1] && !visit(in[k]); ++k) {
        }
    }
    /// What listing u's successors reads (its out-degree).
    std::size_t successor_cost(Index u) const { return out_start[u + 1] - out_start[u]; }
    /// What listing v's predecessors reads (its in-degree).
    std::size_t predecessor_cost(Index v) const { return in_start[v + 1] - in_start[v]; }
};

// Boost's BFS from `from`, neighbours in index order (arcs are added sorted), parents on first
// discovery, over what the blocks allow: the path the search must reproduce.
std::vector<Index> boost_path(std::size_t n, const std::vector<std::pair<Index, Index>>& arcs,
                              Index from, Index to, const std::vector<char>& blocked,
                              const std::vector<std::pair<Index, Index>>& blocked_arcs) {
    if (blocked[from] != 0 || blocked[to] != 0) {
        return {};
    }
    Digraph g(n);
    for (const auto& [u, v] : arcs) {
        boost::add_edge(u, v, g);
    }
    const auto keep_vertex = [&](Digraph::vertex_descriptor v) { return blocked[v] == 0; };
    const auto keep_edge = [&](Digraph::edge_descriptor e) {
        const std::pair<Index, Index> arc{static_cast<Index>(boost::source(e, g)),
                                          static_cast<Index>(boost::target(e, g))};
        return std::find(blocked_arcs.begin(), blocked_arcs.end(), arc) == blocked_arcs.end();
    };
    boost::filtered_graph<Digraph, std::function<bool(Digraph::edge_descriptor)>,
                          std::function<bool(Digraph::vertex_descriptor)>>
        view(g, keep_edge, keep_vertex);
    std::vector<std::size_t> parent(n, n);
    parent[from] = from;
    boost::breadth_first_search(
        view, from,
        boost::visitor(boost::make_bfs_visitor(boost::record_predecessors(
            boost::make_iterator_property_map(parent.begin(), boost::get(boost::vertex_index, g)),
            boost::on_tree_edge()))));
    if (parent[to] == n) {
        return {};
    }
    std::vector<Index> path{to};
    while (path.back() != from) {
        path.push_back(static_cast<Index>(parent[path.back()]));
    }
    std::reverse(path.begin(), path.end());
    return path;
}

}  // namespace

TEST_CASE("bidirectional search finds Boost BFS's path on random graphs, with and without blocks") {
    std::mt19937 rng(2024);
    std::size_t found = 0;
    for (int round = 0; round < 3000; ++round) {
        const std::size_t n = 2 + rng() % 40;
        const double density = std::uniform_real_distribution<double>(0.02, 0.4)(rng);
        const bool symmetric = rng() % 2 == 0;  // undirected searches add both arcs
        std::vector<std::pair<Index, Index>> arcs;
        for (Index u = 0; u < n; ++u) {
            for (Index v = 0; v < n; ++v) {
                if (u < v && std::bernoulli_distribution(density)(rng)) {
                    arcs.emplace_back(u, v);
                    if (symmetric) {
                        arcs.emplace_back(v, u);
                    }
                } else if (!symmetric && u > v && std::bernoulli_distribution(density)(rng)) {
                    arcs.emplace_back(u, v);
                }
            }
        }
        std::sort(arcs.begin(), arcs.end());
        const SearchGraph search(n, arcs);
        const auto from = static_cast<Index>(rng() % n);
        const auto to = static_cast<Index>(rng() % n);
        std::vector<char> blocked(n, 0);
        std::vector<std::pair<Index, Index>> blocked_arcs;
        if (round % 3 == 0) {  // as Yen's spur searches do
            for (Index v = 0; v < n; ++v) {
                blocked[v] = v != from && v != to && rng() % 5 == 0 ? 1 : 0;
            }
            for (const auto& arc : arcs) {
                if (rng() % 6 == 0) {
                    blocked_arcs.push_back(arc);
                }
            }
        }
        const auto expected = boost_path(n, arcs, from, to, blocked, blocked_arcs);
        const auto actual = detail::shortest_path(search, from, to, {&blocked, &blocked_arcs});
        REQUIRE_MESSAGE(actual == expected, "round ", round, " n ", n, " from ", from, " to ", to);
        found += expected.size() > 2 ? 1 : 0;
    }
    CHECK(found > 1000);  // most rounds have a real path to find, not a trivial one
}

}  // namespace entente::test
