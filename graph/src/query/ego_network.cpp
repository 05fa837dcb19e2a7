#include "entente/query/ego_network.hpp"

#include <algorithm>
#include <tuple>

namespace entente {

EgoNetwork ego_network(const KnowledgeGraph& kg, Index center, std::size_t depth) {
    EgoNetwork out;
    const Graph& g = kg.graph();
    const std::size_t n = boost::num_vertices(g);
    std::vector<std::size_t> distance(n, n);
    distance[center] = 0;
    std::vector<Index> queue{center};
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const Index u = queue[q];
        if (distance[u] == depth) {
            continue;
        }
        std::vector<Index> next;
        for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
            next.push_back(static_cast<Index>(boost::target(*it, g)));
        }
        for (auto [it, end] = boost::in_edges(u, g); it != end; ++it) {
            next.push_back(static_cast<Index>(boost::source(*it, g)));
        }
        std::sort(next.begin(), next.end());
        for (Index v : next) {
            if (distance[v] == n) {
                distance[v] = distance[u] + 1;
                queue.push_back(v);
            }
        }
    }
    for (Index v : queue) {
        out.actors.emplace_back(v, distance[v]);
    }
    std::stable_sort(out.actors.begin(), out.actors.end(), [&](const auto& x, const auto& y) {
        return std::tie(x.second, kg.actor(x.first).id) < std::tie(y.second, kg.actor(y.first).id);
    });
    // Each claim among the network leaves one member. A small network's members' out-edges
    // are few; a large one (two hops from a hub reach most actors) is faster read from the
    // graph's edge array in one pass (by subject, so sorted after).
    std::size_t member_edges = 0;
    for (Index u : queue) {
        member_edges += boost::out_degree(u, g);
    }
    if (member_edges * 8 < boost::num_edges(g)) {
        for (Index u : queue) {
            for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
                if (distance[boost::target(*it, g)] != n) {
                    out.claims.push_back(g[*it].claim);
                }
            }
        }
        std::sort(out.claims.begin(), out.claims.end());
    } else {
        for (auto [it, end] = boost::edges(g); it != end; ++it) {
            if (distance[boost::source(*it, g)] != n && distance[boost::target(*it, g)] != n) {
                out.claims.push_back(g[*it].claim);
            }
        }
        std::sort(out.claims.begin(), out.claims.end());
    }
    return out;
}

}  // namespace entente
