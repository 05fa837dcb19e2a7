#include "entente/query/alignment_matrix.hpp"

#include <algorithm>
#include <cmath>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "entente/model/errors.hpp"

namespace entente {

namespace {

// Calls rows(first, step) for first = 0 .. step - 1, step being the machine's cores from 64 rows
// up (1 below): rows interleaved across threads so each gets a fair share of the triangle. A
// thread that cannot start leaves its rows to this one: the answer is the same, only slower, and
// no thread is left unjoined.
template <class Rows>
void run_rows(std::size_t n, const Rows& rows) {
    const std::size_t threads =
        n < 64 ? 1 : std::max<std::size_t>(1, std::thread::hardware_concurrency());
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
}

}  // namespace

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
    run_rows(n, rows);
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
                         AlignmentMeasure measure, AlignOptions options) {
    std::unordered_set<Index> members;
    Index largest = 0;
    for (Index a : actors) {
        if (!members.insert(a).second) {
            throw Error("an actor is listed twice in the matrix");
        }
        largest = std::max(largest, a);
    }
    // Only this measure's interval is kept: the other group's resampling is skipped.
    options.intervals_for = measure;
    ScoreMatrix out;
    out.actors = actors;
    out.measure = measure;
    out.over = options.over;
    const std::size_t n = actors.size();
    out.scores.assign(n, std::vector<MeasureScore>(n));
    // Each row's cited claims, marked per row so threads write apart; merged after.
    std::vector<std::vector<Index>> cited(n);
    auto cite = [](std::vector<Index>& into, const Tie* tie) {
        if (tie != nullptr) {
            for (const Evidence& e : tie->evidence) {
                into.push_back(e.claim);
            }
        }
    };
    auto note = [&](std::vector<Index>& into, const Alignment& al) {
        if (!al.score(measure).value) {
            return;
        }
        if (measure == AlignmentMeasure::alignment || measure == AlignmentMeasure::agreement) {
            for (const auto& s : al.shared_objects) {
                cite(into, s.tie_a);
                cite(into, s.tie_b);
            }
            if (measure == AlignmentMeasure::alignment) {
                cite(into, al.direct);
            }
        } else {
            for (const auto& c : al.compared_objects) {
                cite(into, c.tie_a);
                cite(into, c.tie_b);
            }
        }
    };
    // The stances are looked up by object index: any index past the largest actor's is fine.
    std::size_t objects = largest + 1;
    for (Index a : actors) {
        for (const Tie& t : ties.stance(a)) {
            objects = std::max<std::size_t>(objects, t.object + 1);
        }
    }
    auto rows = [&](std::size_t first, std::size_t step) {
        if (first >= n) {
            return;
        }
        DenseStance stance(ties, objects, actors[first]);
        for (std::size_t i = first; i < n; i += step) {
            stance.reset(actors[i]);
            for (std::size_t j = i + 1; j < n; ++j) {
                const Alignment al = align(ties, stance, actors[j], options);
                out.scores[i][j] = al.score(measure);
                note(cited[i], al);
                const Tie* back = ties.find(actors[j], actors[i]);
                const bool same_direct =
                    (al.direct == nullptr && back == nullptr) ||
                    (al.direct != nullptr && back != nullptr && al.direct->value == back->value);
                if (measure != AlignmentMeasure::alignment || same_direct) {
                    out.scores[j][i] = out.scores[i][j];
                } else {
                    const Alignment reverse = align(ties, actors[j], actors[i], options);
                    out.scores[j][i] = reverse.score(measure);
                    note(cited[i], reverse);
                }
            }
        }
    };
    run_rows(n, rows);
    // Marked, not sorted: the rows cite each claim once per pair, millions of entries for a year
    // of roll calls.
    std::size_t bound = 0;
    for (const auto& row : cited) {
        for (Index c : row) {
            bound = std::max<std::size_t>(bound, std::size_t{c} + 1);
        }
    }
    std::vector<bool> marked(bound, false);
    for (const auto& row : cited) {
        for (Index c : row) {
            marked[c] = true;
        }
    }
    for (std::size_t c = 0; c < bound; ++c) {
        if (marked[c]) {
            out.claims.push_back(static_cast<Index>(c));
        }
    }
    return out;
}

}  // namespace entente
