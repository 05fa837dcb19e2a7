#include "entente/query/balance.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace entente {

namespace {

// The eigenvalues of a symmetric n x n matrix (row-major), by cyclic Jacobi rotations (Golub and
// Van Loan, Matrix Computations, 8.5) until the off-diagonal mass is negligible.
std::vector<double> symmetric_eigenvalues(std::vector<double> a, std::size_t n) {
    auto at = [&](std::size_t i, std::size_t j) -> double& { return a[i * n + j]; };
    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0, total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < n; ++j) {
                total += at(i, j) * at(i, j);
                off += i != j ? at(i, j) * at(i, j) : 0.0;
            }
        }
        if (off <= 1e-22 * std::max(1.0, total)) {
            break;
        }
        for (std::size_t p = 0; p + 1 < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                if (std::abs(at(p, q)) < 1e-300) {
                    continue;
                }
                const double theta = (at(q, q) - at(p, p)) / (2 * at(p, q));
                const double t =
                    (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1));
                const double c = 1 / std::sqrt(t * t + 1), s = t * c;
                for (std::size_t k = 0; k < n; ++k) {  // columns p, q
                    const double akp = at(k, p), akq = at(k, q);
                    at(k, p) = c * akp - s * akq;
                    at(k, q) = s * akp + c * akq;
                }
                for (std::size_t k = 0; k < n; ++k) {  // rows p, q
                    const double apk = at(p, k), aqk = at(q, k);
                    at(p, k) = c * apk - s * aqk;
                    at(q, k) = s * apk + c * aqk;
                }
            }
        }
    }
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = at(i, i);
    }
    return out;
}

}  // namespace

double walk_balance_index(const SignedGraph& g) {
    const std::size_t n = g.vertices;
    if (g.edges.empty()) {
        return 1.0;
    }
    std::vector<double> signed_matrix(n * n, 0.0), absolute(n * n, 0.0);
    for (const SignedEdge& e : g.edges) {
        signed_matrix[e.u * n + e.v] = signed_matrix[e.v * n + e.u] = e.sign;
        absolute[e.u * n + e.v] = absolute[e.v * n + e.u] = 1.0;
    }
    const auto lambda = symmetric_eigenvalues(std::move(signed_matrix), n);
    const auto mu = symmetric_eigenvalues(std::move(absolute), n);
    // Shifted by the largest eigenvalue of |A| (Perron-Frobenius: no eigenvalue of A exceeds
    // it), so no exponential overflows.
    const double shift = *std::max_element(mu.begin(), mu.end());
    double top = 0, bottom = 0;
    for (std::size_t i = 0; i < n; ++i) {
        top += std::exp(lambda[i] - shift);
        bottom += std::exp(mu[i] - shift);
    }
    return top / bottom;
}

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
    for (const ComponentFrustration& c : report.frustration.components) {
        BalanceComponent component;
        for (std::size_t v : c.vertices) {
            component.camps[report.frustration.camp[v] == 0 ? 0 : 1].push_back(actors[v]);
        }
        component.index = c.index;
        component.lower_bound = c.lower_bound;
        component.exact = c.exact;
        component.method = c.method;
        report.components.push_back(std::move(component));
    }
    std::vector<std::size_t> component_of(actors.size(), 0);
    for (std::size_t k = 0; k < report.frustration.components.size(); ++k) {
        for (std::size_t v : report.frustration.components[k].vertices) {
            component_of[v] = k;
        }
    }
    for (const SignedEdge& e : report.graph.edges) {
        report.components[component_of[e.u]].ties++;
    }
    report.walk_index = walk_balance_index(report.graph);
    const auto& t = report.triangle_counts;
    const std::size_t triangles = t[0] + t[1] + t[2] + t[3];
    if (triangles > 0) {
        report.triangle_index = static_cast<double>(t[0] + t[2]) / static_cast<double>(triangles);
    }
    if (const std::size_t m = report.graph.edges.size(); m > 0) {
        const auto dm = static_cast<double>(m);
        report.frustration_index = 1.0 - 2.0 * static_cast<double>(report.frustration.index) / dm;
        report.frustration_index_upper =
            1.0 - 2.0 * static_cast<double>(report.frustration.lower_bound) / dm;
    }
    return report;
}

}  // namespace entente
