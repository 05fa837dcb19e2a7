#include "entente/query/alignment.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

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

Sample make_sample(const std::vector<ComparedObject>& objects) {
    Sample s;
    s.x.reserve(objects.size());
    s.y.reserve(objects.size());
    for (const auto& o : objects) {
        s.x.push_back(o.tie_a ? o.tie_a->value : 0.0);
        s.y.push_back(o.tie_b ? o.tie_b->value : 0.0);
    }
    s.pooled.reserve(2 * objects.size());
    for (std::size_t k = 0; k < objects.size(); ++k) {
        s.pooled.emplace_back(s.x[k], 2 * k);
        s.pooled.emplace_back(s.y[k], 2 * k + 1);
    }
    std::sort(s.pooled.begin(), s.pooled.end());
    return s;
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
    score.low = percentile(replicates, 0.05);
    score.high = percentile(replicates, 0.95);
}

// One index in [0, n), n < 2^32: the high 32 bits of a draw scaled by n (Lemire's
// multiply-shift, no division; its bias, under n / 2^32, is far below the bootstrap's own noise).
std::size_t draw(SplitMix64& rng, std::size_t n) {
    return static_cast<std::size_t>(((rng.next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
}

// Draws n indices in [0, n) with replacement into counts.
void resample(SplitMix64& rng, std::vector<double>& counts) {
    const std::size_t n = counts.size();
    std::fill(counts.begin(), counts.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        counts[draw(rng, n)] += 1.0;
    }
}

// The field's measures from a 3 x 3 table of stance signs (cell 3 (sx + 1) + (sy + 1)): what
// field_scores gives when every stance is exactly -1, 0 or +1, in O(9) instead of O(n).
FieldScores table_scores(const std::array<double, 9>& cells) {
    FieldScores out;
    double total = 0.0, identical = 0.0, partial = 0.0, distance = 0.0;
    std::array<double, 3> mx{}, my{};
    for (std::size_t c = 0; c < 9; ++c) {
        const std::size_t i = c / 3;
        const std::size_t j = c % 3;
        total += cells[c];
        identical += i == j ? cells[c] : 0.0;
        partial += i != j && (i == 1 || j == 1) ? cells[c] : 0.0;
        distance += cells[c] * std::abs(static_cast<double>(i) - static_cast<double>(j));
        mx[i] += cells[c];
        my[j] += cells[c];
    }
    if (total == 0.0) {
        return out;
    }
    out.identical = identical / total;
    out.agreement_index = (identical + 0.5 * partial) / total;
    const double observed = distance / total;
    out.s = 1.0 - observed;
    double cohen = 0.0, scott = 0.0;
    for (std::size_t i = 0; i < 3; ++i) {
        for (std::size_t j = 0; j < 3; ++j) {
            const double d = std::abs(static_cast<double>(i) - static_cast<double>(j));
            cohen += mx[i] * my[j] * d;
            scott += (mx[i] + my[i]) * (mx[j] + my[j]) * d;
        }
    }
    const double expected_cohen = cohen / (total * total);
    const double expected_scott = scott / (4.0 * total * total);
    if (expected_cohen > 1e-12) {
        out.kappa = 1.0 - observed / expected_cohen;
    }
    if (expected_scott > 1e-12) {
        out.pi = 1.0 - observed / expected_scott;
    }
    return out;
}

bool in_group(const std::optional<AlignmentMeasure>& only, bool field_group) {
    if (!only) {
        return true;
    }
    const bool field = *only != AlignmentMeasure::alignment && *only != AlignmentMeasure::agreement;
    return field == field_group;
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
    const std::size_t replicates = bootstrap_replicates;
    if (!out.shared_objects.empty() && in_group(options.intervals_for, false)) {
        SplitMix64 rng(bootstrap_seed);
        std::vector<double> counts(out.shared_objects.size());
        std::vector<double> agreement;
        std::vector<double> alignment;
        agreement.reserve(replicates);
        alignment.reserve(replicates);
        for (std::size_t r = 0; r < replicates; ++r) {
            resample(rng, counts);
            const auto value = weighted_agreement(out.shared_objects, counts);
            if (value) {
                agreement.push_back(*value);
                alignment.push_back(*combine(value, out.direct));
            }
        }
        set_interval(at(AlignmentMeasure::agreement), agreement);
        set_interval(at(AlignmentMeasure::alignment), alignment);
    } else if (out.direct != nullptr && in_group(options.intervals_for, false)) {
        // Resting on the direct tie alone: nothing to resample.
        at(AlignmentMeasure::alignment).low = out.direct->value;
        at(AlignmentMeasure::alignment).high = out.direct->value;
    }
    if (n != 0 && in_group(options.intervals_for, true)) {
        SplitMix64 rng(bootstrap_seed);
        std::vector<double> counts(n);
        std::array<std::vector<double>, 5> values;
        for (auto& v : values) {
            v.reserve(replicates);
        }
        // Votes: every stance exactly -1, 0 or +1, so a resample is a 3 x 3 table of counts.
        std::vector<std::size_t> cell(n);
        bool categorical = true;
        for (std::size_t k = 0; k < n && categorical; ++k) {
            const double x = sample.x[k];
            const double y = sample.y[k];
            categorical =
                (x == 1.0 || x == 0.0 || x == -1.0) && (y == 1.0 || y == 0.0 || y == -1.0);
            cell[k] = static_cast<std::size_t>(3 * (sign_of(x) + 1) + (sign_of(y) + 1));
        }
        for (std::size_t r = 0; r < replicates; ++r) {
            FieldScores f;
            if (categorical) {
                std::array<double, 9> cells{};
                for (std::size_t i = 0; i < n; ++i) {
                    cells[cell[draw(rng, n)]] += 1.0;
                }
                f = table_scores(cells);
            } else {
                resample(rng, counts);
                f = field_scores(sample, counts);
            }
            const std::optional<double>* got[] = {&f.identical, &f.agreement_index, &f.s, &f.kappa,
                                                  &f.pi};
            for (std::size_t k = 0; k < 5; ++k) {
                if (*got[k]) {
                    values[k].push_back(**got[k]);
                }
            }
        }
        for (std::size_t k = 0; k < 5; ++k) {
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
