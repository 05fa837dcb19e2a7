#include "entente/query/balance.hpp"

#include <algorithm>
#include <tuple>

namespace entente {

BalanceReport balance(const KnowledgeGraph& graph, const TieTable& ties, std::vector<Index> actors,
                      FrustrationOptions options) {
    BalanceReport report;
    if (actors.empty()) {
        for (Index i = 0; i < graph.data().actors.size(); ++i) {
            if (takes_sides(graph.actor(i).kind)) {
                actors.push_back(i);
            }
        }
    }
    std::sort(actors.begin(), actors.end(),
              [&](Index x, Index y) { return graph.actor(x).id < graph.actor(y).id; });
    actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
    report.actors = actors;
    report.graph.vertices = actors.size();
    // Walk each actor's stance rather than every pair: ties are sparse.
    std::vector<std::size_t> vertex_of(graph.data().actors.size(), actors.size());
    for (std::size_t i = 0; i < actors.size(); ++i) {
        vertex_of[actors[i]] = i;
    }
    std::vector<std::pair<SignedEdge, const Tie*>> edges;
    for (std::size_t i = 0; i < actors.size(); ++i) {
        for (const Tie& tie : ties.stance(actors[i])) {
            const std::size_t j = vertex_of[tie.object];
            if (j < actors.size() && j > i && tie.sign() != 0) {
                edges.push_back({{i, j, tie.sign()}, &tie});
            }
        }
    }
    std::sort(edges.begin(), edges.end(), [](const auto& x, const auto& y) {
        return std::tie(x.first.u, x.first.v) < std::tie(y.first.u, y.first.v);
    });
    for (const auto& [edge, tie] : edges) {
        report.graph.edges.push_back(edge);
        report.edge_ties.push_back(tie);
    }
    TriangleCensus census = triangle_census(report.graph);
    report.triangle_counts = census.counts;
    report.unbalanced = std::move(census.unbalanced);
    report.frustration = frustration(report.graph, options);
    // The frustration search puts untied vertices in camp 0; they belong to neither.
    std::vector<bool> tied(actors.size(), false);
    for (const SignedEdge& e : report.graph.edges) {
        tied[e.u] = tied[e.v] = true;
    }
    for (std::size_t v = 0; v < actors.size(); ++v) {
        if (!tied[v]) {
            report.untied.push_back(actors[v]);
        } else {
            report.camps[report.frustration.camp[v] == 0 ? 0 : 1].push_back(actors[v]);
        }
    }
    return report;
}

}  // namespace entente
