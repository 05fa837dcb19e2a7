#include "entente/query/alignment.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace entente {

namespace {

// splitmix64 (Steele, Lea and Flood 2014): a fixed, portable sequence, so an interval is the same
// on every machine and standard library.
class SplitMix64 {
  public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

  private:
    std::uint64_t state_;
};

// "entente" in ASCII: every pair's resampling starts here.
constexpr std::uint64_t bootstrap_seed = 0x656E74656E7465ULL;

int sign_of(double v) {
    return v > 0 ? 1 : v < 0 ? -1 : 0;
}

// The compared objects as value arrays, with what the expected distances need: the values of
// both actors in one ascending order (tag 0: a's value of object k, tag 1: b's).
struct Sample {
    std::vector<double> x;
    std::vector<double> y;
    std::vector<std::pair<double, std::size_t>> pooled;  // (value, 2k + tag), ascending
};

Sample make_sample(std::vector<double> x, std::vector<double> y) {
    Sample s;
    s.x = std::move(x);
    s.y = std::move(y);
    s.pooled.reserve(2 * s.x.size());
    for (std::size_t k = 0; k < s.x.size(); ++k) {
        s.pooled.emplace_back(s.x[k], 2 * k);
        s.pooled.emplace_back(s.y[k], 2 * k + 1);
    }
    std::sort(s.pooled.begin(), s.pooled.end());
    return s;
}

Sample make_sample(const std::vector<ComparedObject>& objects) {
    std::vector<double> x, y;
    x.reserve(objects.size());
    y.reserve(objects.size());
    for (const auto& o : objects) {
        x.push_back(o.tie_a ? o.tie_a->value : 0.0);
        y.push_back(o.tie_b ? o.tie_b->value : 0.0);
    }
    return make_sample(std::move(x), std::move(y));
}

// The five field measures of a weighted sample (weights: how often each object is drawn; all 1
// for the data itself). Indexed like AlignmentMeasure from identical on.
struct FieldScores {
    std::optional<double> identical, agreement_index, s, kappa, pi;
};

FieldScores field_scores(const Sample& s, const std::vector<double>& w) {
    FieldScores out;
    const std::size_t n = s.x.size();
    double total = 0.0;
    double identical = 0.0;
    double partial = 0.0;
    double distance = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        if (w[k] == 0.0) {
            continue;
        }
        total += w[k];
        const int sx = sign_of(s.x[k]);
        const int sy = sign_of(s.y[k]);
        identical += sx == sy ? w[k] : 0.0;
        partial += sx != sy && (sx == 0 || sy == 0) ? w[k] : 0.0;
        distance += w[k] * std::abs(s.x[k] - s.y[k]);
    }
    if (total == 0.0) {
        return out;
    }
    out.identical = identical / total;
    out.agreement_index = (identical + 0.5 * partial) / total;
    const double observed = distance / total;
    out.s = 1.0 - observed;
    // Expected distances by one ascending sweep: every value meets the weight and weighted sum of
    // the smaller values before it. Cohen pairs a's values with b's; Scott pools them.
    double wx = 0.0, sxv = 0.0, wy = 0.0, syv = 0.0;
    double cohen = 0.0;
    double scott = 0.0;
    for (const auto& [v, tag] : s.pooled) {
        const double weight = w[tag / 2];
        if (weight == 0.0) {
            continue;
        }
        scott += weight * (v * (wx + wy) - (sxv + syv));
        if (tag % 2 == 0) {
            cohen += weight * (v * wy - syv);
            wx += weight;
            sxv += weight * v;
        } else {
            cohen += weight * (v * wx - sxv);
            wy += weight;
            syv += weight * v;
        }
    }
    const double expected_cohen = cohen / (total * total);
    // Pairs (i, j) and (j, i) of the 2n pooled values, self-pairs at distance 0.
    const double expected_scott = 2.0 * scott / (4.0 * total * total);
    if (expected_cohen > 1e-12) {
        out.kappa = 1.0 - observed / expected_cohen;
    }
    if (expected_scott > 1e-12) {
        out.pi = 1.0 - observed / expected_scott;
    }
    return out;
}

// One field measure (k: 0 identical, 1 agreement index, 2 S, 3 kappa, 4 pi) from a 3 x 3 table
// of stance signs (cell 3 (sx + 1) + (sy + 1)) of n > 0 objects, when every stance is exactly -1,
// 0 or +1 (roll calls): field_scores' formulas in closed form, O(1); nullopt where undefined.
std::optional<double> table_score(const std::array<double, 9>& c, double n, std::size_t k) {
    const double identical = c[0] + c[4] + c[8];
    // One stance 0, the other not: distance 1; opposite signs: distance 2.
    const double partial = c[1] + c[3] + c[5] + c[7];
    if (k == 0) {
        return identical / n;
    }
    if (k == 1) {
        return (identical + 0.5 * partial) / n;
    }
    const double observed = (partial + 2.0 * (c[2] + c[6])) / n;
    if (k == 2) {
        return 1.0 - observed;
    }
    const double mx[3] = {c[0] + c[1] + c[2], c[3] + c[4] + c[5], c[6] + c[7] + c[8]};
    const double my[3] = {c[0] + c[3] + c[6], c[1] + c[4] + c[7], c[2] + c[5] + c[8]};
    double expected = 0.0;
    if (k == 3) {
        // sum over i, j of mx_i my_j |i - j|: Cohen's a-by-b marginals.
        expected = (mx[0] * my[1] + mx[1] * my[0] + mx[1] * my[2] + mx[2] * my[1] +
                    2.0 * (mx[0] * my[2] + mx[2] * my[0])) /
                   (n * n);
    } else {
        // The same over Scott's pooled marginals, of 2n values.
        const double q[3] = {mx[0] + my[0], mx[1] + my[1], mx[2] + my[2]};
        expected = (2.0 * (q[0] * q[1] + q[1] * q[2]) + 4.0 * q[0] * q[2]) / (4.0 * n * n);
    }
    if (expected > 1e-12) {
        return 1.0 - observed / expected;
    }
    return std::nullopt;
}

std::optional<double> weighted_agreement(const std::vector<SharedObject>& shared,
                                         const std::vector<double>& w) {
    double agree = 0.0;
    double total = 0.0;
    for (std::size_t k = 0; k < shared.size(); ++k) {
        const double product = shared[k].tie_a->value * shared[k].tie_b->value;
        agree += w[k] * product;
        total += w[k] * std::abs(product);
    }
    if (total > 0.0) {
        return agree / total;
    }
    return std::nullopt;
}

std::optional<double> combine(const std::optional<double>& agreement, const Tie* direct) {
    if (agreement && direct != nullptr) {
        return (*agreement + direct->value) / 2.0;
    }
    if (agreement) {
        return agreement;
    }
    if (direct != nullptr) {
        return direct->value;
    }
    return std::nullopt;
}

// Percentile (linear interpolation between order statistics, numpy's default) of `values`,
// reordering them.
double percentile(std::vector<double>& values, double p) {
    const double h = p * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lo),
                     values.end());
    const double at = values[lo];
    if (lo + 1 >= values.size()) {
        return at;
    }
    const double next =
        *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo) + 1, values.end());
    return at + (h - static_cast<double>(lo)) * (next - at);
}

void set_interval(MeasureScore& score, std::vector<double>& replicates) {
    if (!score.value || replicates.empty()) {
        return;
    }
    // The 95th first: its partition leaves every order statistic below it in front, so the 5th
    // is then found among those alone. Same values as two independent percentiles.
    score.high = percentile(replicates, 0.95);
    const double h = 0.95 * static_cast<double>(replicates.size() - 1);
    const auto front = static_cast<std::ptrdiff_t>(std::floor(h));
    std::vector<double>::iterator last = replicates.begin() + front;
    const double h5 = 0.05 * static_cast<double>(replicates.size() - 1);
    const auto lo = static_cast<std::ptrdiff_t>(std::floor(h5));
    if (lo + 1 > front) {
        score.low = percentile(replicates, 0.05);
        return;
    }
    std::nth_element(replicates.begin(), replicates.begin() + lo, last);
    const double at = replicates[static_cast<std::size_t>(lo)];
    // The next order statistic: the least of the rest of the front part and the 95th's own.
    const double next = std::min(*std::min_element(replicates.begin() + lo + 1, last), *last);
    score.low = at + (h5 - static_cast<double>(lo)) * (next - at);
}

// One index in [0, n), n < 2^32: the high 32 bits of a draw scaled by n (Lemire's
// multiply-shift, no division; its bias, under n / 2^32, is far below the bootstrap's own noise).
std::size_t draw(SplitMix64& rng, std::size_t n) {
    return static_cast<std::size_t>(((rng.next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
}

// One resample of n items, as prefix counts: p[k] is how many of its n draws fell below index k,
// k = 0..n (so p[end] - p[begin] draws fell in [begin, end)).
void draw_resample(SplitMix64& rng, std::size_t n, std::uint32_t* p) {
    std::fill(p, p + n + 1, 0U);
    for (std::size_t i = 0; i < n; ++i) {
        ++p[draw(rng, n) + 1];
    }
    for (std::size_t k = 1; k <= n; ++k) {
        p[k] += p[k - 1];
    }
}

// Why a schedule: the resamples depend only on n (the seed restarts for every pair), so every pair
// resting on n objects walks the same draws. A thread keeps the schedules it has drawn, up to this
// many counts (32 MiB); larger n, and any once the budget is spent, are drawn afresh for each pair:
// the same numbers either way.
constexpr std::size_t schedule_budget = std::size_t{1} << 23;
// A kept schedule is column-major: column k holds p[k] of every resample, padded to a whole
// number of cache lines, so a pair reads only the columns at its runs' ends, a line at a time.
constexpr std::size_t schedule_block = 16;
constexpr std::size_t schedule_stride =
    (bootstrap_replicates + schedule_block - 1) / schedule_block * schedule_block;

// The kept schedule of n items (n + 1 columns), or nullptr when it would not fit the budget.
const std::vector<std::uint32_t>* schedule(std::size_t n) {
    const std::size_t entries = (n + 1) * schedule_stride;
    if (entries > schedule_budget / 4) {
        return nullptr;
    }
    thread_local std::unordered_map<std::size_t, std::vector<std::uint32_t>> kept;
    thread_local std::size_t held = 0;
    auto it = kept.find(n);
    if (it != kept.end()) {
        return &it->second;
    }
    // Full: this n is drawn afresh for each pair rather than evicting others, which a ranking
    // over many different n would keep redrawing.
    if (held + entries > schedule_budget) {
        return nullptr;
    }
    std::vector<std::uint32_t> columns(entries, 0U);
    std::vector<std::uint32_t> row(n + 1);
    SplitMix64 rng(bootstrap_seed);
    for (std::size_t r = 0; r < bootstrap_replicates; ++r) {
        draw_resample(rng, n, row.data());
        for (std::size_t k = 0; k <= n; ++k) {
            columns[k * schedule_stride + r] = row[k];
        }
    }
    held += entries;
    return &kept.emplace(n, std::move(columns)).first->second;
}

// Items laid out in ascending order of their values, equal values as one run: run v holds the
// items [end[v - 1], end[v]) (end[-1] = 0), n = end.back(). Calls f(w) for each of the
// bootstrap_replicates resamples of the n items, in order, w[v] being how many of its draws fell
// in run v. A pair thus costs its number of distinct values per resample, not its objects (a
// roll-call pair has at most 9 distinct (x, y) stances, and 2 distinct products).
template <class F>
void for_each_resample(const std::vector<std::size_t>& end, F&& f) {
    const std::size_t n = end.empty() ? 0 : end.back();
    const std::size_t runs = end.size();
    std::vector<double> w(runs);
    const std::vector<std::uint32_t>* columns = schedule(n);
    if (columns == nullptr) {
        std::vector<std::uint32_t> p(n + 1);
        SplitMix64 rng(bootstrap_seed);
        for (std::size_t r = 0; r < bootstrap_replicates; ++r) {
            draw_resample(rng, n, p.data());
            std::size_t begin = 0;
            for (std::size_t v = 0; v < runs; ++v) {
                w[v] = static_cast<double>(p[end[v]] - p[begin]);
                begin = end[v];
            }
            f(w);
        }
        return;
    }
    std::vector<double> block(runs * schedule_block);
    for (std::size_t r0 = 0; r0 < bootstrap_replicates; r0 += schedule_block) {
        const std::size_t m = std::min(schedule_block, bootstrap_replicates - r0);
        const std::uint32_t* before = columns->data() + r0;  // column 0: no draw below index 0
        for (std::size_t v = 0; v < runs; ++v) {
            const std::uint32_t* upto = columns->data() + end[v] * schedule_stride + r0;
            for (std::size_t i = 0; i < m; ++i) {
                block[v * schedule_block + i] = static_cast<double>(upto[i] - before[i]);
            }
            before = upto;
        }
        for (std::size_t i = 0; i < m; ++i) {
            for (std::size_t v = 0; v < runs; ++v) {
                w[v] = block[v * schedule_block + i];
            }
            f(w);
        }
    }
}

void score(Alignment& out, const AlignOptions& options) {
    auto& scores = out.scores;
    auto at = [&](AlignmentMeasure m) -> MeasureScore& {
        return scores[static_cast<std::size_t>(m)];
    };
    // entente's own: over the shared objects, with the direct tie.
    std::vector<double> ones(out.shared_objects.size(), 1.0);
    out.agreement = weighted_agreement(out.shared_objects, ones);
    out.alignment = combine(out.agreement, out.direct);
    at(AlignmentMeasure::agreement).value = out.agreement;
    at(AlignmentMeasure::agreement).objects = out.shared;
    at(AlignmentMeasure::alignment).value = out.alignment;
    at(AlignmentMeasure::alignment).objects = out.shared + (out.direct != nullptr ? 1 : 0);
    // The field's: over the compared objects.
    const Sample sample = make_sample(out.compared_objects);
    const std::size_t n = sample.x.size();
    std::vector<double> all(n, 1.0);
    const FieldScores field = field_scores(sample, all);
    const std::pair<AlignmentMeasure, const std::optional<double>*> fields[] = {
        {AlignmentMeasure::identical, &field.identical},
        {AlignmentMeasure::agreement_index, &field.agreement_index},
        {AlignmentMeasure::s, &field.s},
        {AlignmentMeasure::kappa, &field.kappa},
        {AlignmentMeasure::pi, &field.pi}};
    for (const auto& [m, value] : fields) {
        at(m).value = *value;
        at(m).objects = n;
    }
    if (!options.intervals) {
        return;
    }
    auto wanted = [&](AlignmentMeasure m) {
        return !options.intervals_for || *options.intervals_for == m;
    };
    const bool want_agreement =
        wanted(AlignmentMeasure::agreement) || wanted(AlignmentMeasure::alignment);
    if (!out.shared_objects.empty() && want_agreement) {
        // The products tie(a, o) x tie(b, o) in ascending order, equal ones as runs.
        std::vector<double> products;
        products.reserve(out.shared_objects.size());
        for (const auto& o : out.shared_objects) {
            products.push_back(o.tie_a->value * o.tie_b->value);
        }
        std::sort(products.begin(), products.end());
        std::vector<double> value;
        std::vector<std::size_t> end;
        for (std::size_t k = 0; k < products.size(); ++k) {
            if (k == 0 || products[k] != products[k - 1]) {
                value.push_back(products[k]);
                end.push_back(k + 1);
            } else {
                end.back() = k + 1;
            }
        }
        std::vector<double> agreement;
        std::vector<double> alignment;
        agreement.reserve(bootstrap_replicates);
        alignment.reserve(bootstrap_replicates);
        for_each_resample(end, [&](const std::vector<double>& w) {
            double agree = 0.0;
            double total = 0.0;
            for (std::size_t v = 0; v < value.size(); ++v) {
                agree += w[v] * value[v];
                total += w[v] * std::abs(value[v]);
            }
            // Every shared product is non-zero and every resample draws n of them: total > 0.
            agreement.push_back(agree / total);
            alignment.push_back(*combine(agree / total, out.direct));
        });
        if (wanted(AlignmentMeasure::agreement)) {
            set_interval(at(AlignmentMeasure::agreement), agreement);
        }
        if (wanted(AlignmentMeasure::alignment)) {
            set_interval(at(AlignmentMeasure::alignment), alignment);
        }
    } else if (out.direct != nullptr && wanted(AlignmentMeasure::alignment)) {
        // Resting on the direct tie alone: nothing to resample.
        at(AlignmentMeasure::alignment).low = out.direct->value;
        at(AlignmentMeasure::alignment).high = out.direct->value;
    }
    if (n == 0 || std::none_of(std::begin(fields), std::end(fields),
                               [&](const auto& f) { return wanted(f.first); })) {
        return;
    }
    // The compared objects' stance pairs (x, y) in ascending order, equal pairs as runs: the
    // field's measures of a resample are those of the distinct pairs weighted by their draws.
    // Ordered by the stance of the actor with the lower index first, so that (a, b) and (b, a)
    // lay the objects out alike and get the same interval.
    const bool swap = out.b < out.a;
    std::vector<std::pair<double, double>> pairs(n);
    for (std::size_t k = 0; k < n; ++k) {
        pairs[k] = swap ? std::pair{sample.y[k], sample.x[k]} : std::pair{sample.x[k], sample.y[k]};
    }
    std::sort(pairs.begin(), pairs.end());
    std::vector<double> dx, dy;
    std::vector<std::size_t> end;
    for (std::size_t k = 0; k < n; ++k) {
        if (k == 0 || pairs[k] != pairs[k - 1]) {
            dx.push_back(swap ? pairs[k].second : pairs[k].first);
            dy.push_back(swap ? pairs[k].first : pairs[k].second);
            end.push_back(k + 1);
        } else {
            end.back() = k + 1;
        }
    }
    const Sample runs = make_sample(std::move(dx), std::move(dy));
    std::array<std::vector<double>, 5> values;
    for (auto& v : values) {
        v.reserve(bootstrap_replicates);
    }
    // Votes: every stance -1, 0 or +1, so a resample is a 3 x 3 table of counts.
    std::vector<std::size_t> cell(runs.x.size());
    bool categorical = true;
    for (std::size_t v = 0; v < runs.x.size() && categorical; ++v) {
        const double x = runs.x[v];
        const double y = runs.y[v];
        categorical = (x == 1.0 || x == 0.0 || x == -1.0) && (y == 1.0 || y == 0.0 || y == -1.0);
        cell[v] = static_cast<std::size_t>(3 * (sign_of(x) + 1) + (sign_of(y) + 1));
    }
    bool want[5];
    for (std::size_t k = 0; k < 5; ++k) {
        want[k] = wanted(fields[k].first);
    }
    // Identical share, agreement index and S read only three sums of the table: the objects
    // with identical stances, with one abstaining, and with opposite ones. When no other measure
    // is wanted (a matrix or a ranking asks for one), a resample adds its counts into those three
    // directly. The counts are whole numbers, so the sums, and the scores, are exactly those of
    // the full table.
    const bool three_sums = !want[3] && !want[4];
    if (categorical && three_sums) {
        const double total = static_cast<double>(n);
        std::vector<std::size_t> kind(cell.size());
        for (std::size_t v = 0; v < cell.size(); ++v) {
            const std::size_t c = cell[v];
            kind[v] = (c == 0 || c == 4 || c == 8) ? 0 : (c == 2 || c == 6) ? 2 : 1;
        }
        for_each_resample(end, [&](const std::vector<double>& w) {
            double sums[3] = {0.0, 0.0, 0.0};
            for (std::size_t v = 0; v < w.size(); ++v) {
                sums[kind[v]] += w[v];
            }
            if (want[0]) {
                values[0].push_back(sums[0] / total);
            }
            if (want[1]) {
                values[1].push_back((sums[0] + 0.5 * sums[1]) / total);
            }
            if (want[2]) {
                values[2].push_back(1.0 - (sums[1] + 2.0 * sums[2]) / total);
            }
        });
    } else if (categorical) {
        const double total = static_cast<double>(n);
        for_each_resample(end, [&](const std::vector<double>& w) {
            std::array<double, 9> cells{};
            for (std::size_t v = 0; v < w.size(); ++v) {
                cells[cell[v]] = w[v];
            }
            for (std::size_t k = 0; k < 5; ++k) {
                if (want[k]) {
                    if (const auto value = table_score(cells, total, k)) {
                        values[k].push_back(*value);
                    }
                }
            }
        });
    } else {
        for_each_resample(end, [&](const std::vector<double>& w) {
            const FieldScores f = field_scores(runs, w);
            const std::optional<double>* got[] = {&f.identical, &f.agreement_index, &f.s, &f.kappa,
                                                  &f.pi};
            for (std::size_t k = 0; k < 5; ++k) {
                if (want[k] && *got[k]) {
                    values[k].push_back(**got[k]);
                }
            }
        });
    }
    for (std::size_t k = 0; k < 5; ++k) {
        if (wanted(fields[k].first)) {
            set_interval(at(fields[k].first), values[k]);
        }
    }
}

}  // namespace

std::string_view to_string(AlignmentMeasure measure) {
    switch (measure) {
        case AlignmentMeasure::agreement:
            return "agreement";
        case AlignmentMeasure::identical:
            return "identical";
        case AlignmentMeasure::agreement_index:
            return "agreement-index";
        case AlignmentMeasure::s:
            return "s";
        case AlignmentMeasure::kappa:
            return "kappa";
        case AlignmentMeasure::pi:
            return "pi";
        case AlignmentMeasure::alignment:
            break;
    }
    return "alignment";
}

std::optional<AlignmentMeasure> parse_alignment_measure(std::string_view text) {
    for (AlignmentMeasure m : all_alignment_measures) {
        if (to_string(m) == text) {
            return m;
        }
    }
    return std::nullopt;
}

std::string_view to_string(StanceSet over) {
    return over == StanceSet::joint ? "joint" : "union";
}

std::optional<StanceSet> parse_stance_set(std::string_view text) {
    if (text == "joint") {
        return StanceSet::joint;
    }
    if (text == "union") {
        return StanceSet::either;
    }
    return std::nullopt;
}

std::optional<double> alignment_score(const Alignment& alignment, AlignmentMeasure measure) {
    return alignment.score(measure).value;
}

Alignment align(const TieTable& ties, Index a, Index b, AlignOptions options) {
    Alignment out;
    out.a = a;
    out.b = b;
    out.over = options.over;
    out.direct = ties.find(a, b);
    const auto& sa = ties.stance(a);
    const auto& sb = ties.stance(b);
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
        if (ta != nullptr && tb != nullptr && ta->value != 0.0 && tb->value != 0.0) {
            out.shared_objects.push_back({object, ta, tb});
        }
        if (options.over == StanceSet::either || (ta != nullptr && tb != nullptr)) {
            out.compared_objects.push_back({object, ta, tb});
        }
    }
    out.shared = out.shared_objects.size();
    score(out, options);
    return out;
}

DenseStance::DenseStance(const TieTable& ties, std::size_t actor_count, Index actor)
    : ties_(&ties), actor_(actor), lookup_(actor_count, nullptr) {
    for (const Tie& t : ties.stance(actor)) {
        lookup_[t.object] = &t;
    }
}

void DenseStance::reset(Index actor) {
    for (const Tie& t : ties_->stance(actor_)) {
        lookup_[t.object] = nullptr;
    }
    actor_ = actor;
    for (const Tie& t : ties_->stance(actor)) {
        lookup_[t.object] = &t;
    }
}

Alignment align(const TieTable& ties, const DenseStance& stance, Index b, AlignOptions options) {
    const Index a = stance.actor();
    Alignment out;
    out.a = a;
    out.b = b;
    out.over = options.over;
    out.direct = stance.find(b);
    for (const Tie& tb : ties.stance(b)) {
        if (tb.object == a || tb.object == b) {
            continue;
        }
        const Tie* ta = stance.find(tb.object);
        if (ta != nullptr) {
            if (ta->value != 0.0 && tb.value != 0.0) {
                out.shared_objects.push_back({tb.object, ta, &tb});
            }
            out.compared_objects.push_back({tb.object, ta, &tb});
        } else if (options.over == StanceSet::either) {
            out.compared_objects.push_back({tb.object, nullptr, &tb});
        }
    }
    if (options.over == StanceSet::either) {
        // The first actor's stances b has none on, merged in object order.
        const std::size_t from_b = out.compared_objects.size();
        for (const Tie& ta : ties.stance(a)) {
            if (ta.object != a && ta.object != b && ties.find(b, ta.object) == nullptr) {
                out.compared_objects.push_back({ta.object, &ta, nullptr});
            }
        }
        std::inplace_merge(
            out.compared_objects.begin(),
            out.compared_objects.begin() + static_cast<std::ptrdiff_t>(from_b),
            out.compared_objects.end(),
            [](const ComparedObject& x, const ComparedObject& y) { return x.object < y.object; });
    }
    out.shared = out.shared_objects.size();
    score(out, options);
    return out;
}

}  // namespace entente
