#include "query/frustration_program.hpp"

#include <coin/Cbc_C_Interface.h>
#include <coin/Clp_C_Interface.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <queue>
#include <string>

namespace entente::detail {

namespace {

// A model in rows, turned into CBC's compressed columns at the end.
struct Model {
    std::vector<double> col_lower, col_upper, objective;
    std::vector<bool> integer;
    std::vector<double> row_lower, row_upper;
    std::vector<std::vector<std::pair<int, double>>> columns;

    int column(double lower, double upper, double cost, bool is_integer) {
        col_lower.push_back(lower);
        col_upper.push_back(upper);
        objective.push_back(cost);
        integer.push_back(is_integer);
        columns.emplace_back();
        return static_cast<int>(columns.size() - 1);
    }
    void row(std::initializer_list<std::pair<int, double>> terms, double lower, double upper) {
        const int r = static_cast<int>(row_lower.size());
        row_lower.push_back(lower);
        row_upper.push_back(upper);
        for (const auto& [c, a] : terms) {
            columns[static_cast<std::size_t>(c)].push_back({r, a});
        }
    }
};

constexpr double inf = std::numeric_limits<double>::infinity();

struct CbcDeleter {
    void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};

// The most triangles whose inequalities go into the model: beyond it the model grows faster
// than the bound improves (dense graphs have n^3/6 triangles).
constexpr std::size_t max_triangles = 20'000;

struct ClpDeleter {
    void operator()(Clp_Simplex* m) const { Clp_deleteModel(m); }
};

// A cut in the edge (frustration) variables: sum of coef * f >= rhs.
struct Cut {
    std::vector<std::pair<int, double>> terms;  // (edge, coefficient), edges ascending
    double rhs = 0;
};

// Odd-cycle inequalities of the cut polytope (Barahona and Mahjoub 1986), separated exactly by
// shortest paths in the doubled graph. With y_e = 1 when an edge's ends are in different camps
// (y = f for a positive edge, 1 - f for a negative one), every closed walk C and odd F within it
// give sum_F y - sum_{C-F} y <= |F| - 1. From each vertex s, a shortest path from (s, 0) to
// (s, 1) where an edge keeps the layer at cost y_e (not in F) or switches it at cost 1 - y_e
// (in F) has length |F| - (sum_F y - sum_{C-F} y): under 1 means violated.
std::vector<Cut> odd_cycle_cuts(const SignedGraph& g, const std::vector<double>& f,
                                std::size_t max_cuts) {
    const std::size_t n = g.vertices;
    struct Arc {
        std::size_t to;
        std::size_t edge;
    };
    std::vector<std::vector<Arc>> adj(n);
    for (std::size_t e = 0; e < g.edges.size(); ++e) {
        adj[g.edges[e].u].push_back({g.edges[e].v, e});
        adj[g.edges[e].v].push_back({g.edges[e].u, e});
    }
    std::vector<double> y(g.edges.size());
    for (std::size_t e = 0; e < g.edges.size(); ++e) {
        y[e] = std::clamp(g.edges[e].sign > 0 ? f[e] : 1.0 - f[e], 0.0, 1.0);
    }
    std::vector<Cut> cuts;
    std::map<std::vector<std::pair<int, double>>, bool> seen;
    std::vector<double> dist(2 * n);
    std::vector<std::size_t> parent_edge(2 * n), parent(2 * n);
    using Item = std::pair<double, std::size_t>;
    for (std::size_t s = 0; s < n && cuts.size() < max_cuts; ++s) {
        std::fill(dist.begin(), dist.end(), inf);
        std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
        dist[2 * s] = 0;
        queue.push({0.0, 2 * s});
        const std::size_t target = 2 * s + 1;
        while (!queue.empty()) {
            const auto [d, node] = queue.top();
            queue.pop();
            if (d > dist[node]) {
                continue;
            }
            if (node == target || d >= 1.0 - 1e-6) {
                break;
            }
            const std::size_t v = node / 2, layer = node % 2;
            for (const Arc& a : adj[v]) {
                for (std::size_t switch_layer = 0; switch_layer < 2; ++switch_layer) {
                    const double w = switch_layer ? 1.0 - y[a.edge] : y[a.edge];
                    const std::size_t next = 2 * a.to + (layer ^ switch_layer);
                    if (dist[node] + w < dist[next] - 1e-12) {
                        dist[next] = dist[node] + w;
                        parent[next] = node;
                        parent_edge[next] = a.edge;
                        queue.push({dist[next], next});
                    }
                }
            }
        }
        if (!(dist[target] < 1.0 - 1e-6)) {
            continue;
        }
        // Walk back: each step is an edge, in F when it switched layers.
        std::map<int, double> coef;  // coefficient of y_e in sum_F y - sum_{C-F} y
        double odd = 0;              // |F|
        for (std::size_t node = target; node != 2 * s;) {
            const std::size_t prev = parent[node];
            const int e = static_cast<int>(parent_edge[node]);
            const bool in_f = (prev % 2) != (node % 2);
            coef[e] += in_f ? 1.0 : -1.0;
            odd += in_f ? 1.0 : 0.0;
            node = prev;
        }
        // In f: y = f (positive) or 1 - f (negative). sum c_e y_e <= |F| - 1 becomes
        // sum c'_e f_e >= rhs with the constants moved over.
        Cut cut;
        double constant = 0;  // from the negative edges' 1
        for (const auto& [e, c] : coef) {
            if (c == 0) {
                continue;
            }
            const bool positive = g.edges[static_cast<std::size_t>(e)].sign > 0;
            // -c * y_e >= 1 - |F|
            if (positive) {
                cut.terms.push_back({e, -c});
            } else {
                cut.terms.push_back({e, c});
                constant += -c;
            }
        }
        cut.rhs = 1.0 - odd - constant;
        if (!cut.terms.empty() && seen.emplace(cut.terms, true).second) {
            cuts.push_back(std::move(cut));
        }
    }
    return cuts;
}

// The root bound of the cycle relaxation: an LP in the frustration variables alone, tightened
// by rounds of odd-cycle cuts until none is violated, the bound meets `target`, or time is up.
// Returns the cuts found and the bound.
struct Relaxation {
    std::vector<Cut> cuts;  // the cuts binding at the end
    double bound = 0;
    std::vector<double> f;  // the last LP solution
};

std::vector<std::size_t> round_relaxation(const SignedGraph& g, const std::vector<double>& f,
                                          const std::vector<double>& w);

// `incumbent` (camps) and `target` (their cost) improve as the relaxation's solutions are
// rounded each round.
Relaxation cycle_relaxation(const SignedGraph& g, const std::vector<double>& weight,
                            std::vector<std::size_t>& incumbent, double& target, double seconds) {
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    const std::size_t m = g.edges.size();
    auto cost_of = [&](const std::vector<std::size_t>& camp) {
        double cost = 0;
        for (std::size_t e = 0; e < m; ++e) {
            const bool apart = camp[g.edges[e].u] != camp[g.edges[e].v];
            cost += (g.edges[e].sign > 0) == apart ? weight[e] : 0.0;
        }
        return cost;
    };
    double previous = -1;
    int stalled = 0;
    std::unique_ptr<Clp_Simplex, ClpDeleter> lp(Clp_newModel());
    Clp_setLogLevel(lp.get(), 0);
    std::vector<CoinBigIndex> start(m + 1, 0);
    std::vector<double> lower(m, 0.0), upper(m, 1.0);
    Clp_loadProblem(lp.get(), static_cast<int>(m), 0, start.data(), nullptr, nullptr, lower.data(),
                    upper.data(), weight.data(), nullptr, nullptr);
    std::vector<Cut> all;
    double bound = 0;
    if (seconds > 0) {
        Clp_setMaximumSeconds(lp.get(), seconds);
    }
    Clp_initialSolve(lp.get());
    for (int round = 0; round < 200; ++round) {
        if (Clp_status(lp.get()) != 0) {
            break;
        }
        bound = Clp_objectiveValue(lp.get());
        const double* sol = Clp_getColSolution(lp.get());
        std::vector<double> f(sol, sol + m);
        if (auto rounded = round_relaxation(g, f, weight); cost_of(rounded) < target) {
            incumbent = std::move(rounded);
            target = cost_of(incumbent);
        }
        if (bound >= target - 1.0 + 1e-6) {  // integral weights: ceil(bound) >= target
            break;
        }
        // Rounds that no longer move the bound are left to the branch and cut.
        stalled = bound < previous + 1e-3 ? stalled + 1 : 0;
        previous = bound;
        if (stalled >= 10) {
            break;
        }
        if (seconds > 0 &&
            std::chrono::duration<double>(Clock::now() - started).count() > seconds) {
            break;
        }
        auto cuts = odd_cycle_cuts(g, f, std::max<std::size_t>(50, g.vertices));
        if (cuts.empty()) {
            break;
        }
        std::vector<CoinBigIndex> row_start{0};
        std::vector<int> columns;
        std::vector<double> elements, row_lower, row_upper;
        for (const auto& cut : cuts) {
            for (const auto& [e, c] : cut.terms) {
                columns.push_back(e);
                elements.push_back(c);
            }
            row_start.push_back(static_cast<CoinBigIndex>(columns.size()));
            row_lower.push_back(cut.rhs);
            row_upper.push_back(inf);
        }
        Clp_addRows(lp.get(), static_cast<int>(cuts.size()), row_lower.data(), row_upper.data(),
                    row_start.data(), columns.data(), elements.data());
        for (auto& cut : cuts) {
            all.push_back(std::move(cut));
        }
        Clp_dual(lp.get(), 0);
    }
    Relaxation out;
    out.bound = bound;
    if (Clp_status(lp.get()) == 0) {
        const double* sol = Clp_getColSolution(lp.get());
        out.f.assign(sol, sol + m);
        const double* activity = Clp_getRowActivity(lp.get());
        for (std::size_t r = 0; r < all.size(); ++r) {
            if (activity[r] <= all[r].rhs + 1e-6) {
                out.cuts.push_back(std::move(all[r]));
            }
        }
    }
    return out;
}

// Camps from a fractional relaxation: a spanning forest of the edges whose y (apart when 1) is
// most decided, camps set along it, then single moves while they lower the weighted count.
std::vector<std::size_t> round_relaxation(const SignedGraph& g, const std::vector<double>& f,
                                          const std::vector<double>& w) {
    const std::size_t n = g.vertices, m = g.edges.size();
    std::vector<std::size_t> order(m);
    for (std::size_t e = 0; e < m; ++e) {
        order[e] = e;
    }
    auto y = [&](std::size_t e) { return g.edges[e].sign > 0 ? f[e] : 1.0 - f[e]; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::abs(y(a) - 0.5) > std::abs(y(b) - 0.5);
    });
    std::vector<std::size_t> root(n);
    for (std::size_t v = 0; v < n; ++v) {
        root[v] = v;
    }
    auto find = [&](std::size_t v) {
        while (root[v] != v) {
            v = root[v] = root[root[v]];
        }
        return v;
    };
    struct Arc {
        std::size_t to, edge;
    };
    std::vector<std::vector<Arc>> tree(n), adj(n);
    for (std::size_t e = 0; e < m; ++e) {
        adj[g.edges[e].u].push_back({g.edges[e].v, e});
        adj[g.edges[e].v].push_back({g.edges[e].u, e});
    }
    for (std::size_t e : order) {
        const std::size_t a = find(g.edges[e].u), b = find(g.edges[e].v);
        if (a != b) {
            root[a] = b;
            tree[g.edges[e].u].push_back({g.edges[e].v, e});
            tree[g.edges[e].v].push_back({g.edges[e].u, e});
        }
    }
    std::vector<std::size_t> camp(n, 2);
    for (std::size_t s = 0; s < n; ++s) {
        if (camp[s] != 2) {
            continue;
        }
        camp[s] = 0;
        std::vector<std::size_t> stack{s};
        while (!stack.empty()) {
            const std::size_t v = stack.back();
            stack.pop_back();
            for (const Arc& a : tree[v]) {
                if (camp[a.to] == 2) {
                    camp[a.to] = y(a.edge) > 0.5 ? 1 - camp[v] : camp[v];
                    stack.push_back(a.to);
                }
            }
        }
    }
    for (bool improved = true; improved;) {
        improved = false;
        for (std::size_t v = 0; v < n; ++v) {
            double gain = 0;  // frustrated minus satisfied incident weight: a move flips both
            for (const Arc& a : adj[v]) {
                const bool apart = camp[v] != camp[a.to];
                gain += (g.edges[a.edge].sign > 0) == apart ? w[a.edge] : -w[a.edge];
            }
            if (gain > 1e-9) {
                camp[v] = 1 - camp[v];
                improved = true;
            }
        }
    }
    return camp;
}

}  // namespace

ProgramResult solve_frustration_program(const SignedGraph& g, const std::vector<double>& weights,
                                        const std::vector<std::size_t>& start, std::size_t camps,
                                        double seconds) {
    const auto started = std::chrono::steady_clock::now();
    const std::size_t n = g.vertices;
    const std::size_t m = g.edges.size();
    auto weight = [&](std::size_t e) { return weights.empty() ? 1.0 : weights[e]; };
    ProgramResult out;
    Model model;
    // The vertex of highest degree is fixed in camp 0: the camps are interchangeable (Aref,
    // Mason and Wilson 2020 fix one vertex and branch on high degrees first).
    std::vector<std::size_t> degree(n, 0);
    for (const auto& e : g.edges) {
        ++degree[e.u];
        ++degree[e.v];
    }
    const std::size_t anchor =
        static_cast<std::size_t>(std::max_element(degree.begin(), degree.end()) - degree.begin());
    // The start, with the anchor's camp swapped to 0, and its frustration.
    out.camp.assign(n, 0);
    const std::size_t anchor_camp = n == 0 ? 0 : start[anchor];
    for (std::size_t v = 0; v < n; ++v) {
        // Swap camp 0 with the anchor's camp so the anchor stands in camp 0.
        const std::size_t c = start[v];
        out.camp[v] = c == anchor_camp ? 0 : (c == 0 ? anchor_camp : c);
    }
    auto cost_of = [&](const std::vector<std::size_t>& camp) {
        double cost = 0;
        for (std::size_t e = 0; e < m; ++e) {
            const bool apart = camp[g.edges[e].u] != camp[g.edges[e].v];
            cost += (g.edges[e].sign > 0) == apart ? weight(e) : 0.0;
        }
        return cost;
    };
    out.cost = cost_of(out.camp);
    std::vector<std::vector<int>> x(n);  // 2 camps: x[v][0] is 1 in camp 1; K: one per camp
    const std::size_t per_vertex = camps == 2 ? 1 : camps;
    for (std::size_t v = 0; v < n; ++v) {
        for (std::size_t c = 0; c < per_vertex; ++c) {
            const bool fixed = v == anchor && (camps == 2 || c != 0);
            const double lower = camps != 2 && v == anchor && c == 0 ? 1.0 : 0.0;
            x[v].push_back(model.column(lower, fixed ? 0.0 : 1.0, 0.0, true));
        }
    }
    std::vector<int> f(m);
    for (std::size_t e = 0; e < m; ++e) {
        // Continuous: at an optimum with integral camps every f is 0 or 1 anyway.
        f[e] = model.column(0.0, 1.0, weight(e), false);
    }
    if (camps == 2) {
        for (std::size_t e = 0; e < m; ++e) {
            const int u = x[g.edges[e].u][0], v = x[g.edges[e].v][0], fe = f[e];
            if (g.edges[e].sign > 0) {  // frustrated when apart: f >= |xu - xv|
                model.row({{fe, 1}, {u, -1}, {v, 1}}, 0, inf);
                model.row({{fe, 1}, {u, 1}, {v, -1}}, 0, inf);
            } else {  // frustrated when together: f >= |xu + xv - 1|
                model.row({{fe, 1}, {u, -1}, {v, -1}}, -1, inf);
                model.row({{fe, 1}, {u, 1}, {v, 1}}, 1, inf);
            }
        }
        // The cycle relaxation first: on sparse graphs the model's own relaxation is weak
        // (every f can be 0 with all x at 1/2), and its cuts often prove the start optimal.
        std::vector<double> w(m);
        for (std::size_t e = 0; e < m; ++e) {
            w[e] = weight(e);
        }
        // Camps rounded from the relaxation each round: often optimal when its bound is tight.
        auto relaxation = cycle_relaxation(g, w, out.camp, out.cost, seconds);
        const auto& cuts = relaxation.cuts;
        const double root_bound = relaxation.bound;
        if (out.camp[anchor] != 0) {  // the model fixes the anchor in camp 0
            for (auto& c : out.camp) {
                c = 1 - c;
            }
        }
        out.root_bound = root_bound;
        out.cuts = cuts.size();
        bool integral = true;
        for (double x_w : w) {
            integral = integral && x_w == std::floor(x_w);
        }
        if ((integral ? std::ceil(root_bound - 1e-6) : root_bound + 1e-9) >= out.cost) {
            out.lower_bound = out.cost;
            out.optimal = true;
            return out;
        }
        for (const auto& cut : cuts) {
            const int r = static_cast<int>(model.row_lower.size());
            model.row_lower.push_back(cut.rhs);
            model.row_upper.push_back(inf);
            for (const auto& [e, c] : cut.terms) {
                model.columns[static_cast<std::size_t>(f[static_cast<std::size_t>(e)])].push_back(
                    {r, c});
            }
        }
        // Triangle inequalities: an unbalanced triangle has an odd number of frustrated edges,
        // a balanced one an even number.
        std::size_t added = 0;
        for (const auto& t : signed_triangles(g)) {
            if (++added > max_triangles) {
                break;
            }
            const int a = f[t.edges[0]], b = f[t.edges[1]], c = f[t.edges[2]];
            if (t.negatives % 2 == 1) {
                model.row({{a, 1}, {b, 1}, {c, 1}}, 1, inf);
                model.row({{a, 1}, {b, 1}, {c, -1}}, -inf, 1);
                model.row({{a, 1}, {b, -1}, {c, 1}}, -inf, 1);
                model.row({{a, -1}, {b, 1}, {c, 1}}, -inf, 1);
            } else {
                model.row({{a, 1}, {b, 1}, {c, 1}}, -inf, 2);
                model.row({{a, 1}, {b, -1}, {c, -1}}, -inf, 0);
                model.row({{a, -1}, {b, 1}, {c, -1}}, -inf, 0);
                model.row({{a, -1}, {b, -1}, {c, 1}}, -inf, 0);
            }
        }
    } else {
        for (std::size_t v = 0; v < n; ++v) {
            const int r = static_cast<int>(model.row_lower.size());
            model.row_lower.push_back(1);
            model.row_upper.push_back(1);
            for (int c : x[v]) {
                model.columns[static_cast<std::size_t>(c)].push_back({r, 1});
            }
        }
        for (std::size_t e = 0; e < m; ++e) {
            for (std::size_t c = 0; c < camps; ++c) {
                const int u = x[g.edges[e].u][c], v = x[g.edges[e].v][c], fe = f[e];
                if (g.edges[e].sign > 0) {  // apart: one of them in c without the other
                    model.row({{fe, 1}, {u, -1}, {v, 1}}, 0, inf);
                    model.row({{fe, 1}, {u, 1}, {v, -1}}, 0, inf);
                } else {  // together in c
                    model.row({{fe, 1}, {u, -1}, {v, -1}}, -1, inf);
                }
            }
        }
    }

    std::vector<CoinBigIndex> col_start{0};
    std::vector<int> index;
    std::vector<double> value;
    for (const auto& column : model.columns) {
        for (const auto& [r, a] : column) {
            index.push_back(r);
            value.push_back(a);
        }
        col_start.push_back(static_cast<CoinBigIndex>(index.size()));
    }
    std::unique_ptr<Cbc_Model, CbcDeleter> cbc(Cbc_newModel());
    Cbc_setLogLevel(cbc.get(), 0);
    Cbc_loadProblem(cbc.get(), static_cast<int>(model.columns.size()),
                    static_cast<int>(model.row_lower.size()), col_start.data(), index.data(),
                    value.data(), model.col_lower.data(), model.col_upper.data(),
                    model.objective.data(), model.row_lower.data(), model.row_upper.data());
    for (std::size_t c = 0; c < model.integer.size(); ++c) {
        if (model.integer[c]) {
            Cbc_setInteger(cbc.get(), static_cast<int>(c));
        }
    }
    Cbc_setParameter(cbc.get(), "threads", "1");
    if (seconds > 0) {
        // Wall-clock seconds, as the caller's limit is: CBC counts CPU time unless told.
        Cbc_setParameter(cbc.get(), "timeMode", "elapsed");
        const double spent =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        Cbc_setMaximumSeconds(cbc.get(), std::max(0.01, seconds - spent));
    }

    {
        std::vector<int> cols;
        std::vector<double> vals;
        for (std::size_t v = 0; v < n; ++v) {
            for (std::size_t c = 0; c < per_vertex; ++c) {
                cols.push_back(x[v][c]);
                vals.push_back(camps == 2 ? static_cast<double>(out.camp[v])
                                          : (out.camp[v] == c ? 1.0 : 0.0));
            }
        }
        for (std::size_t e = 0; e < m; ++e) {
            const bool apart = out.camp[g.edges[e].u] != out.camp[g.edges[e].v];
            cols.push_back(f[e]);
            vals.push_back((g.edges[e].sign > 0) == apart ? 1.0 : 0.0);
        }
        Cbc_setMIPStartI(cbc.get(), static_cast<int>(cols.size()), cols.data(), vals.data());
    }
    Cbc_solve(cbc.get());
    out.nodes = static_cast<std::size_t>(std::max(0, Cbc_getNodeCount(cbc.get())));
    if (const double* best = Cbc_bestSolution(cbc.get()); best != nullptr) {
        std::vector<std::size_t> camp(n, 0);
        for (std::size_t v = 0; v < n; ++v) {
            if (camps == 2) {
                camp[v] = best[x[v][0]] > 0.5 ? 1 : 0;
            } else {
                for (std::size_t c = 0; c < camps; ++c) {
                    if (best[x[v][c]] > 0.5) {
                        camp[v] = c;
                    }
                }
            }
        }
        // Recounted, never read off the solver's objective: the camps are the answer.
        if (const double cost = cost_of(camp); cost < out.cost) {
            out.cost = cost;
            out.camp = std::move(camp);
        }
    }
    out.optimal = Cbc_isProvenOptimal(cbc.get()) != 0;
    const double bound = Cbc_getBestPossibleObjValue(cbc.get());
    out.lower_bound = out.optimal ? out.cost : std::min(out.cost, std::max(0.0, bound));
    return out;
}

}  // namespace entente::detail
