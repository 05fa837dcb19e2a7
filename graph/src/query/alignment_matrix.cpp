#include "entente/query/alignment_matrix.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "entente/model/errors.hpp"

namespace entente {

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
    // A thread that cannot start leaves its rows to this one: the answer is the same, only
    // slower, and no thread is left unjoined.
    std::vector<std::thread> pool;
    std::vector<std::size_t> own = {0};
    for (std::size_t t = 1; t < threads; ++t) {
        try {
            pool.emplace_back(rows, t, threads);
        } catch (const std::system_error&) {
            own.push_back(t);
        }
    }
    for (std::size_t first : own) {
        rows(first, threads);
    }
    for (auto& thread : pool) {
        thread.join();
    }
    return out;
}

std::vector<Index> matrix_actors(const KnowledgeGraph& graph, const TieTable& ties) {
    std::vector<Index> out;
    for (Index i = 0; i < graph.data().actors.size(); ++i) {
        const auto& stance = ties.stance(i);
        if (graph.actor(i).kind == ActorKind::state &&
            std::any_of(stance.begin(), stance.end(), [](const Tie& t) { return t.sign() != 0; })) {
            out.push_back(i);
        }
    }
    std::sort(out.begin(), out.end(),
              [&](Index x, Index y) { return graph.actor(x).id < graph.actor(y).id; });
    return out;
}

ScoreMatrix score_matrix(const TieTable& ties, const std::vector<Index>& actors,
                         AlignmentMeasure measure) {
    std::unordered_set<Index> members;
    for (Index a : actors) {
        if (!members.insert(a).second) {
            throw Error("an actor is listed twice in the matrix");
        }
    }
    ScoreMatrix out;
    out.actors = actors;
    out.measure = measure;
    const std::size_t n = actors.size();
    std::set<Index> claims;
    auto cite = [&](const Tie& tie) {
        for (const Evidence& e : tie.evidence) {
            claims.insert(e.claim);
        }
    };
    if (measure == AlignmentMeasure::alignment || measure == AlignmentMeasure::agreement) {
        out.scores = alignment_matrix(ties, actors, measure == AlignmentMeasure::agreement);
        // A tie enters some agreement when another actor here has a non-zero tie to the same
        // object (the object is then shared, and that pair's agreement defined); it enters an
        // alignment also as the direct tie between two actors here (which defines it).
        std::unordered_map<Index, std::size_t> holding;
        for (Index a : actors) {
            for (const Tie& t : ties.stance(a)) {
                holding[t.object] += t.value != 0.0 ? 1 : 0;
            }
        }
        for (Index a : actors) {
            for (const Tie& t : ties.stance(a)) {
                const bool direct =
                    measure == AlignmentMeasure::alignment && members.count(t.object) != 0;
                if (direct || (t.value != 0.0 && holding[t.object] >= 2)) {
                    cite(t);
                }
            }
        }
    } else {
        out.scores.assign(n, std::vector<std::optional<double>>(n));
        // S and kappa compare the union of both stances over third objects: each actor's
        // non-zero ties to anything but its partner enter every defined entry of its row.
        std::vector<std::size_t> defined(n, 0);
        std::vector<Index> partner(n, no_index);
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = i + 1; j < n; ++j) {
                const auto score = alignment_score(align(ties, actors[i], actors[j]), measure);
                out.scores[i][j] = out.scores[j][i] = score;
                if (score) {
                    ++defined[i];
                    ++defined[j];
                    partner[i] = actors[j];
                    partner[j] = actors[i];
                }
            }
        }
        for (std::size_t i = 0; i < n; ++i) {
            for (const Tie& t : ties.stance(actors[i])) {
                if (defined[i] != 0 && t.value != 0.0 &&
                    (defined[i] >= 2 || t.object != partner[i])) {
                    cite(t);
                }
            }
        }
    }
    out.claims.assign(claims.begin(), claims.end());
    return out;
}

}  // namespace entente
