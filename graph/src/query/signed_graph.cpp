#include "entente/query/signed_graph.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <tuple>

#include "query/frustration_program.hpp"

namespace entente {

namespace {

struct Neighbor {
    std::size_t vertex;
    std::size_t edge;
    int sign;
};

std::vector<std::vector<Neighbor>> adjacency(const SignedGraph& g) {
    std::vector<std::vector<Neighbor>> adj(g.vertices);
    for (std::size_t e = 0; e < g.edges.size(); ++e) {
        adj[g.edges[e].u].push_back({g.edges[e].v, e, g.edges[e].sign});
        adj[g.edges[e].v].push_back({g.edges[e].u, e, g.edges[e].sign});
    }
    for (auto& list : adj) {
        std::sort(list.begin(), list.end(),
                  [](const Neighbor& a, const Neighbor& b) { return a.vertex < b.vertex; });
    }
    return adj;
}

// An edge is frustrated when a positive tie crosses the camps or a negative one stays inside.
bool is_frustrated(int sign, int camp_u, int camp_v) {
    return (sign > 0) == (camp_u != camp_v);
}

// Local search: start from a camp assignment that satisfies a BFS tree, then move single
// vertices while that lowers the count. Several deterministic restarts from different roots.
std::vector<int> local_search(const std::vector<std::vector<Neighbor>>& adj,
                              const std::vector<std::size_t>& component, std::mt19937& rng,
                              std::size_t restarts) {
    std::vector<int> best(adj.size(), 0);
    std::size_t best_cost = std::numeric_limits<std::size_t>::max();
    std::vector<int> camp(adj.size(), -1);
    for (std::size_t r = 0; r < restarts; ++r) {
        for (std::size_t v : component) {
            camp[v] = -1;
        }
        const std::size_t root = component[r == 0 ? 0 : rng() % component.size()];
        std::vector<std::size_t> queue{root};
        camp[root] = 0;
        for (std::size_t q = 0; q < queue.size(); ++q) {
            const std::size_t u = queue[q];
            auto neighbors = adj[u];
            std::shuffle(neighbors.begin(), neighbors.end(), rng);
            for (const auto& n : neighbors) {
                if (camp[n.vertex] < 0) {
                    camp[n.vertex] = n.sign > 0 ? camp[u] : 1 - camp[u];
                    queue.push_back(n.vertex);
                }
            }
        }
        for (bool improved = true; improved;) {
            improved = false;
            for (std::size_t v : component) {
                long gain = 0;  // frustrated minus satisfied incident edges: moving flips both
                for (const auto& n : adj[v]) {
                    gain += is_frustrated(n.sign, camp[v], camp[n.vertex]) ? 1 : -1;
                }
                if (gain > 0) {
                    camp[v] = 1 - camp[v];
                    improved = true;
                }
            }
        }
        std::size_t cost = 0;
        for (std::size_t v : component) {
            for (const auto& n : adj[v]) {
                if (v < n.vertex && is_frustrated(n.sign, camp[v], camp[n.vertex])) {
                    ++cost;
                }
            }
        }
        if (cost < best_cost) {
            best_cost = cost;
            for (std::size_t v : component) {
                best[v] = camp[v];
            }
        }
    }
    return best;
}

// Exact branch and bound over one component. Vertices are assigned in BFS order so each has
// assigned neighbours early; the bound adds, for every unassigned vertex, the cheaper of its
// two camps against the assigned ones (edges among unassigned vertices cost at least zero).
class BranchAndBound {
  public:
    BranchAndBound(const std::vector<std::vector<Neighbor>>& adj,
                   const std::vector<std::size_t>& component, std::vector<int>& best,
                   std::size_t best_cost, std::size_t budget)
        : adj_(adj), best_(best), best_cost_(best_cost), budget_(budget) {
        // BFS order from the vertex of highest degree.
        std::size_t root = component[0];
        for (std::size_t v : component) {
            if (adj[v].size() > adj[root].size()) {
                root = v;
            }
        }
        std::vector<bool> seen(adj.size(), false);
        order_.push_back(root);
        seen[root] = true;
        for (std::size_t q = 0; q < order_.size(); ++q) {
            for (const auto& n : adj[order_[q]]) {
                if (!seen[n.vertex]) {
                    seen[n.vertex] = true;
                    order_.push_back(n.vertex);
                }
            }
        }
        camp_.assign(adj.size(), -1);
        cost_if_.assign(adj.size(), {0, 0});
    }

    /// Runs the search; false when the budget ran out before it finished.
    bool run() {
        search(0, 0, 0);
        return !exhausted_;
    }
    std::size_t best_cost() const { return best_cost_; }

  private:
    void assign(std::size_t v, int side, std::size_t& bound_rest) {
        camp_[v] = side;
        for (const auto& n : adj_[v]) {
            if (camp_[n.vertex] >= 0) {
                continue;
            }
            auto& c = cost_if_[n.vertex];
            bound_rest -= std::min(c[0], c[1]);
            // The neighbour in the same camp frustrates a negative edge, across a positive one.
            c[static_cast<std::size_t>(side)] += n.sign < 0 ? 1 : 0;
            c[static_cast<std::size_t>(1 - side)] += n.sign > 0 ? 1 : 0;
            bound_rest += std::min(c[0], c[1]);
        }
    }
    void unassign(std::size_t v, std::size_t& bound_rest) {
        const int side = camp_[v];
        for (const auto& n : adj_[v]) {
            if (camp_[n.vertex] >= 0) {
                continue;
            }
            auto& c = cost_if_[n.vertex];
            bound_rest -= std::min(c[0], c[1]);
            c[static_cast<std::size_t>(side)] -= n.sign < 0 ? 1 : 0;
            c[static_cast<std::size_t>(1 - side)] -= n.sign > 0 ? 1 : 0;
            bound_rest += std::min(c[0], c[1]);
        }
        camp_[v] = -1;
    }
    void search(std::size_t depth, std::size_t cost, std::size_t bound_rest) {
        if (nodes_ == budget_) {
            exhausted_ = true;
            return;
        }
        ++nodes_;
        if (cost + bound_rest >= best_cost_) {
            return;
        }
        if (depth == order_.size()) {
            best_cost_ = cost;
            for (std::size_t v : order_) {
                best_[v] = camp_[v];
            }
            return;
        }
        const std::size_t v = order_[depth];
        // The first vertex's camp is arbitrary: swapping camps changes nothing.
        const int sides = depth == 0 ? 1 : 2;
        const auto c = cost_if_[v];
        const int first = c[0] <= c[1] ? 0 : 1;
        for (int k = 0; k < sides; ++k) {
            const int side = k == 0 ? first : 1 - first;
            std::size_t rest = bound_rest - std::min(c[0], c[1]);
            assign(v, side, rest);
            search(depth + 1, cost + c[static_cast<std::size_t>(side)], rest);
            unassign(v, rest);
        }
    }

    const std::vector<std::vector<Neighbor>>& adj_;
    std::vector<int>& best_;
    std::size_t best_cost_;
    std::size_t budget_;
    std::size_t nodes_ = 0;
    bool exhausted_ = false;
    std::vector<std::size_t> order_;
    std::vector<int> camp_;
    std::vector<std::array<std::size_t, 2>> cost_if_;
};

// A lower bound: unbalanced triangles that share no edge each need their own flip.
std::size_t disjoint_unbalanced_triangles(const SignedGraph& g,
                                          const std::vector<SignedTriangle>& triangles) {
    std::vector<bool> used(g.edges.size(), false);
    std::size_t count = 0;
    for (const auto& t : triangles) {
        if (t.negatives % 2 == 0) {
            continue;
        }
        if (!used[t.edges[0]] && !used[t.edges[1]] && !used[t.edges[2]]) {
            used[t.edges[0]] = used[t.edges[1]] = used[t.edges[2]] = true;
            ++count;
        }
    }
    return count;
}

}  // namespace

namespace {

// Calls visit(triangle) for every triangle, in order of (u, v, w).
template <class Visit>
void each_triangle(const SignedGraph& g, Visit&& visit) {
    const auto adj = adjacency(g);
    // u's neighbours are marked once (stamp u + 1, so nothing needs clearing); then for each
    // neighbour v > u only v's neighbours above v are read and looked up in the marks. Merging
    // u's whole list for every v would cost deg(u) per edge, deg(u)^2 at a hub.
    std::vector<std::size_t> stamp(g.vertices, 0);
    std::vector<const Neighbor*> mark(g.vertices, nullptr);
    auto above = [](const std::vector<Neighbor>& list, std::size_t v) {
        return std::upper_bound(list.begin(), list.end(), v,
                                [](std::size_t x, const Neighbor& n) { return x < n.vertex; });
    };
    for (std::size_t u = 0; u < g.vertices; ++u) {
        const auto& au = adj[u];
        for (const auto& nw : au) {
            stamp[nw.vertex] = u + 1;
            mark[nw.vertex] = &nw;
        }
        for (auto nv = above(au, u); nv != au.end(); ++nv) {
            const auto& av = adj[nv->vertex];
            for (auto j = above(av, nv->vertex); j != av.end(); ++j) {
                if (stamp[j->vertex] != u + 1) {
                    continue;
                }
                const Neighbor& uw = *mark[j->vertex];
                SignedTriangle t;
                t.u = u;
                t.v = nv->vertex;
                t.w = j->vertex;
                t.edges = {nv->edge, uw.edge, j->edge};
                t.negatives = (nv->sign < 0) + (uw.sign < 0) + (j->sign < 0);
                visit(t);
            }
        }
    }
}

}  // namespace

std::vector<SignedTriangle> signed_triangles(const SignedGraph& g) {
    std::vector<SignedTriangle> out;
    each_triangle(g, [&](const SignedTriangle& t) { out.push_back(t); });
    return out;
}

TriangleCensus triangle_census(const SignedGraph& g) {
    TriangleCensus out;
    each_triangle(g, [&](const SignedTriangle& t) {
        out.counts[static_cast<std::size_t>(t.negatives)]++;
        if (t.negatives % 2 == 1) {
            out.unbalanced.push_back(t);
        }
    });
    return out;
}

std::array<std::size_t, 4> signed_triangle_counts(const SignedGraph& g) {
    // Counted as they are found: millions of triangles need not be held to be counted.
    std::array<std::size_t, 4> counts{};
    each_triangle(
        g, [&](const SignedTriangle& t) { counts[static_cast<std::size_t>(t.negatives)]++; });
    return counts;
}

Frustration frustration(const SignedGraph& g, FrustrationOptions options) {
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    // Seconds left of the time limit; infinite without one.
    auto remaining = [&] {
        if (options.time_limit <= 0) {
            return std::numeric_limits<double>::infinity();
        }
        return options.time_limit - std::chrono::duration<double>(Clock::now() - started).count();
    };
    Frustration out;
    out.camp.assign(g.vertices, 0);
    const auto adj = adjacency(g);
    // Components are independent: each is solved on its own.
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> ug(g.vertices);
    for (const auto& e : g.edges) {
        boost::add_edge(e.u, e.v, ug);
    }
    std::vector<std::size_t> component_of(g.vertices);
    const std::size_t count = boost::connected_components(ug, component_of.data());
    std::vector<std::vector<std::size_t>> components(count);
    for (std::size_t v = 0; v < g.vertices; ++v) {
        components[component_of[v]].push_back(v);
    }
    std::mt19937 rng(20240522);  // fixed seed: the same input gives the same camps
    std::vector<ComponentFrustration> solved(count);
    for (std::size_t k = 0; k < count; ++k) {
        const auto& component = components[k];
        solved[k].vertices = component;
        if (component.size() < 2) {
            solved[k].exact = true;
            continue;
        }
        std::vector<int> best = local_search(adj, component, rng, 32);
        std::size_t cost = 0;
        for (std::size_t v : component) {
            for (const auto& n : adj[v]) {
                cost += v < n.vertex && is_frustrated(n.sign, best[v], best[n.vertex]) ? 1 : 0;
            }
        }
        bool exact = false;
        std::size_t bound = 0;
        FrustrationMethod method = FrustrationMethod::local_search;
        const bool small = component.size() <= std::min(options.always_exact, options.exact_limit);
        if (small || (!options.integer_program && component.size() <= options.exact_limit &&
                      remaining() > 0)) {
            const std::size_t budget =
                small ? std::numeric_limits<std::size_t>::max() : options.node_budget;
            BranchAndBound search(adj, component, best, cost, budget);
            exact = search.run();
            cost = search.best_cost();
            bound = exact ? cost : 0;
            method = exact ? FrustrationMethod::branch_and_bound : method;
        } else if (options.integer_program && remaining() > 0) {
            // The component as a graph of its own, vertices renumbered from 0.
            std::vector<std::size_t> local(g.vertices, 0);
            for (std::size_t i = 0; i < component.size(); ++i) {
                local[component[i]] = i;
            }
            SignedGraph sub{component.size(), {}};
            for (std::size_t v : component) {
                for (const auto& n : adj[v]) {
                    if (v < n.vertex) {
                        sub.edges.push_back({local[v], local[n.vertex], n.sign});
                    }
                }
            }
            std::sort(sub.edges.begin(), sub.edges.end(),
                      [](const SignedEdge& a, const SignedEdge& b) {
                          return std::tie(a.u, a.v) < std::tie(b.u, b.v);
                      });
            std::vector<std::size_t> start(component.size());
            for (std::size_t i = 0; i < component.size(); ++i) {
                start[i] = static_cast<std::size_t>(best[component[i]]);
            }
            const double seconds = options.time_limit > 0 ? std::max(0.01, remaining()) : 0.0;
            const auto program = detail::solve_frustration_program(sub, {}, start, 2, seconds);
            for (std::size_t i = 0; i < component.size(); ++i) {
                best[component[i]] = static_cast<int>(program.camp[i]);
            }
            cost = static_cast<std::size_t>(std::lround(program.cost));
            // Integral weights: the bound rounds up (less a tolerance for the solver's
            // floating point).
            bound = std::min(cost, static_cast<std::size_t>(
                                       std::max(0.0, std::ceil(program.lower_bound - 1e-6))));
            exact = program.optimal || bound == cost;
            bound = exact ? cost : bound;
            method = FrustrationMethod::integer_program;
        }
        solved[k].index = cost;
        solved[k].lower_bound = bound;
        solved[k].exact = exact;
        solved[k].method = method;
        for (std::size_t v : component) {
            out.camp[v] = best[v];
        }
    }
    // Present camps the same way every time: the lowest vertex of each component in camp 0.
    for (const auto& component : components) {
        if (!component.empty() && out.camp[component.front()] == 1) {
            for (std::size_t v : component) {
                out.camp[v] = 1 - out.camp[v];
            }
        }
    }
    for (std::size_t e = 0; e < g.edges.size(); ++e) {
        if (is_frustrated(g.edges[e].sign, out.camp[g.edges[e].u], out.camp[g.edges[e].v])) {
            out.frustrated.push_back(e);
        }
    }
    out.index = out.frustrated.size();
    // Components left unproven: a packing of their unbalanced triangles bounds each too
    // (triangles never span two components).
    std::vector<std::vector<SignedTriangle>> open_triangles(count);
    bool any_open = false;
    for (const auto& c : solved) {
        any_open = any_open || !c.exact;
    }
    if (any_open) {
        for (const auto& t : signed_triangles(g)) {
            if (!solved[component_of[t.u]].exact) {
                open_triangles[component_of[t.u]].push_back(t);
            }
        }
    }
    out.lower_bound = 0;
    for (std::size_t k = 0; k < count; ++k) {
        auto& c = solved[k];
        if (!c.exact) {
            c.lower_bound = std::min(c.index, std::max(c.lower_bound, disjoint_unbalanced_triangles(
                                                                          g, open_triangles[k])));
            // A heuristic answer that meets its lower bound is proven optimal too.
            c.exact = c.lower_bound == c.index;
        }
        out.lower_bound += c.lower_bound;
        if (c.vertices.size() >= 2) {
            out.components.push_back(std::move(c));
        }
    }
    std::sort(out.components.begin(), out.components.end(),
              [](const ComponentFrustration& a, const ComponentFrustration& b) {
                  return a.vertices.front() < b.vertices.front();
              });
    out.exact = out.lower_bound == out.index;
    return out;
}

}  // namespace entente
