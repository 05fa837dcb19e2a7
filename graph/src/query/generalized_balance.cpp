#include "entente/query/generalized_balance.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "query/frustration_program.hpp"

namespace entente {

namespace {

std::size_t error_of(const SignedGraph& g, const std::vector<std::size_t>& camp) {
    std::size_t error = 0;
    for (const auto& e : g.edges) {
        error += (e.sign > 0) == (camp[e.u] != camp[e.v]) ? 1 : 0;
    }
    return error;
}

}  // namespace

Partition generalized_balance(const SignedGraph& g, std::size_t camps, FrustrationOptions options) {
    if (camps < 2) {
        throw std::invalid_argument("generalized_balance: fewer than 2 camps");
    }
    Partition out;
    out.camps = camps;
    const Frustration two = frustration(g, options);
    out.camp.assign(g.vertices, 0);
    for (std::size_t v = 0; v < g.vertices; ++v) {
        out.camp[v] = static_cast<std::size_t>(two.camp[v]);
    }
    if (camps == 2) {
        out.error = two.index;
        out.lower_bound = two.lower_bound;
        out.exact = two.exact;
    } else {
        // Single moves to any camp while they help: a third camp takes negative cliques apart.
        std::vector<std::vector<std::pair<std::size_t, int>>> adj(g.vertices);
        for (const auto& e : g.edges) {
            adj[e.u].push_back({e.v, e.sign});
            adj[e.v].push_back({e.u, e.sign});
        }
        for (bool improved = true; improved;) {
            improved = false;
            for (std::size_t v = 0; v < g.vertices; ++v) {
                auto cost = [&](std::size_t c) {
                    std::size_t k = 0;
                    for (const auto& [w, sign] : adj[v]) {
                        k += (sign > 0) == (c != out.camp[w]) ? 1 : 0;
                    }
                    return k;
                };
                std::size_t best = out.camp[v], best_cost = cost(best);
                for (std::size_t c = 0; c < camps; ++c) {
                    if (const std::size_t k = cost(c); k < best_cost) {
                        best = c;
                        best_cost = k;
                    }
                }
                if (best != out.camp[v]) {
                    out.camp[v] = best;
                    improved = true;
                }
            }
        }
        const auto program =
            detail::solve_frustration_program(g, {}, out.camp, camps, options.time_limit);
        out.camp = program.camp;
        out.error = error_of(g, out.camp);
        out.lower_bound = std::min(out.error, static_cast<std::size_t>(std::max(
                                                  0.0, std::ceil(program.lower_bound - 1e-6))));
        out.exact = program.optimal || out.lower_bound == out.error;
        out.lower_bound = out.exact ? out.error : out.lower_bound;
    }
    // Camps renumbered by first vertex with an edge, so the same partition reads the same.
    std::vector<bool> tied(g.vertices, false);
    for (const auto& e : g.edges) {
        tied[e.u] = tied[e.v] = true;
    }
    std::vector<std::size_t> rename(camps, camps);
    std::size_t next = 0;
    for (std::size_t v = 0; v < g.vertices; ++v) {
        if (tied[v] && rename[out.camp[v]] == camps) {
            rename[out.camp[v]] = next++;
        }
    }
    for (std::size_t v = 0; v < g.vertices; ++v) {
        out.camp[v] = tied[v] ? rename[out.camp[v]] : 0;
    }
    return out;
}

}  // namespace entente
