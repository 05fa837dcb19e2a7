#include "entente/alignment.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <thread>
#include <unordered_map>

namespace entente {

namespace {

// Sum over all pairs (x in xs, y in ys) of |x - y|, in O(n log n) by sorting and prefix sums.
double all_pairs_distance(std::vector<double> xs, std::vector<double> ys) {
    std::sort(ys.begin(), ys.end());
    std::vector<double> prefix(ys.size() + 1, 0.0);
    for (std::size_t i = 0; i < ys.size(); ++i) {
        prefix[i + 1] = prefix[i] + ys[i];
    }
    double total = 0.0;
    for (double x : xs) {
        const auto below =
            static_cast<std::size_t>(std::lower_bound(ys.begin(), ys.end(), x) - ys.begin());
        const double n_below = static_cast<double>(below);
        const double n_above = static_cast<double>(ys.size() - below);
        total += x * n_below - prefix[below] + (prefix[ys.size()] - prefix[below]) - x * n_above;
    }
    return total;
}

}  // namespace

Alignment align(const TieTable& ties, Index a, Index b, bool similarity_measures) {
    Alignment out;
    out.a = a;
    out.b = b;
    out.direct = ties.find(a, b);
    const auto& sa = ties.stance(a);
    const auto& sb = ties.stance(b);
    double agree = 0.0;
    double total = 0.0;
    std::vector<double> xa;
    std::vector<double> xb;
    auto ia = sa.begin();
    auto ib = sb.begin();
    // A merge over the two stance vectors, both sorted by object.
    while (ia != sa.end() || ib != sb.end()) {
        const Tie* ta = nullptr;
        const Tie* tb = nullptr;
        if (ib == sb.end() || (ia != sa.end() && ia->object < ib->object)) {
            ta = &*ia++;
        } else if (ia == sa.end() || ib->object < ia->object) {
            tb = &*ib++;
        } else {
            ta = &*ia++;
            tb = &*ib++;
        }
        const Index object = ta ? ta->object : tb->object;
        if (object == a || object == b) {
            continue;
        }
        const double va = ta ? ta->value : 0.0;
        const double vb = tb ? tb->value : 0.0;
        if (va == 0.0 && vb == 0.0) {
            continue;
        }
        xa.push_back(va);
        xb.push_back(vb);
        if (va != 0.0 && vb != 0.0) {
            out.shared_objects.push_back({object, ta, tb});
            agree += va * vb;
            total += std::abs(va * vb);
        }
    }
    out.shared = out.shared_objects.size();
    if (total > 0.0) {
        out.agreement = agree / total;
    }
    out.compared = xa.size();
    if (similarity_measures && !xa.empty()) {
        const double n = static_cast<double>(xa.size());
        double observed = 0.0;
        for (std::size_t k = 0; k < xa.size(); ++k) {
            observed += std::abs(xa[k] - xb[k]);
        }
        observed /= n;
        // S: 1 - 2 d / d_max, with d the mean distance and d_max = 2 on [-1, 1].
        out.s_score = 1.0 - observed;
        // kappa: 1 - observed / expected distance, expected from pairing each actor's own
        // stances at random (Cohen: each actor keeps its own distribution).
        const double expected = all_pairs_distance(xa, xb) / (n * n);
        if (expected > 0.0) {
            out.kappa = 1.0 - observed / expected;
        }
    }
    const bool has_direct = out.direct != nullptr;
    if (out.agreement && has_direct) {
        out.alignment = (*out.agreement + out.direct->value) / 2.0;
    } else if (out.agreement) {
        out.alignment = out.agreement;
    } else if (has_direct) {
        out.alignment = out.direct->value;
    }
    return out;
}

std::vector<std::vector<std::optional<double>>> alignment_matrix(const TieTable& ties,
                                                                 const std::vector<Index>& actors,
                                                                 bool agreement_only) {
    const std::size_t n = actors.size();
    // Columns: every object some actor here has a non-zero tie to.
    std::unordered_map<Index, std::size_t> column;
    for (Index a : actors) {
        for (const Tie& t : ties.stance(a)) {
            if (t.value != 0.0) {
                column.emplace(t.object, column.size());
            }
        }
    }
    const std::size_t m = column.size();
    std::vector<double> x(n * m, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        for (const Tie& t : ties.stance(actors[i])) {
            if (t.value != 0.0) {
                x[i * m + column.at(t.object)] = t.value;
            }
        }
    }
    std::vector<double> magnitude(x.size());
    for (std::size_t k = 0; k < x.size(); ++k) {
        magnitude[k] = std::abs(x[k]);
    }
    // Products over objects either actor has no tie to vanish, and no actor has a tie to
    // itself, so the dot products over all columns equal align()'s sums over shared objects.
    std::vector<std::vector<std::optional<double>>> out(n, std::vector<std::optional<double>>(n));
    auto rows = [&](std::size_t first, std::size_t step) {
        for (std::size_t i = first; i < n; i += step) {
            const double* xi = &x[i * m];
            const double* ai = &magnitude[i * m];
            for (std::size_t j = i + 1; j < n; ++j) {
                const double* xj = &x[j * m];
                const double* aj = &magnitude[j * m];
                double num = 0.0;
                double den = 0.0;
                for (std::size_t k = 0; k < m; ++k) {
                    num += xi[k] * xj[k];
                    den += ai[k] * aj[k];
                }
                std::optional<double> agreement;
                if (den > 0.0) {
                    agreement = num / den;
                }
                // The direct tie is looked up both ways: a position has none toward an actor.
                auto with_direct = [&](Index from, Index to) {
                    const Tie* direct = agreement_only ? nullptr : ties.find(from, to);
                    if (direct == nullptr) {
                        return agreement;
                    }
                    return std::optional<double>(agreement ? (*agreement + direct->value) / 2.0
                                                           : direct->value);
                };
                out[i][j] = with_direct(actors[i], actors[j]);
                out[j][i] = with_direct(actors[j], actors[i]);
            }
        }
    };
    // Rows interleaved across threads so each gets a fair share of the triangle.
    const std::size_t threads =
        n < 64 ? 1 : std::max<std::size_t>(1, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) {
        pool.emplace_back(rows, t, threads);
    }
    rows(0, threads);
    for (auto& thread : pool) {
        thread.join();
    }
    return out;
}

std::vector<DivergencePoint> diverge(const KnowledgeGraph& graph, const TieTable& ties, Index a,
                                     Index b) {
    std::vector<DivergencePoint> out;
    for (const auto& shared : align(ties, a, b, false).shared_objects) {
        if (shared.tie_a->sign() * shared.tie_b->sign() >= 0) {
            continue;
        }
        DivergencePoint point;
        point.object = shared.object;
        point.roadblock = takes_sides(graph.actor(shared.object).kind);
        point.weight = std::abs(shared.tie_a->value * shared.tie_b->value);
        point.tie_a = shared.tie_a;
        point.tie_b = shared.tie_b;
        out.push_back(point);
    }
    std::sort(out.begin(), out.end(), [&](const DivergencePoint& x, const DivergencePoint& y) {
        if (x.roadblock != y.roadblock) {
            return x.roadblock;
        }
        if (x.weight != y.weight) {
            return x.weight > y.weight;
        }
        return graph.actor(x.object).id < graph.actor(y.object).id;
    });
    return out;
}

}  // namespace entente
