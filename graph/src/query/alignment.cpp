#include "entente/query/alignment.hpp"

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

std::string_view to_string(AlignmentMeasure measure) {
    switch (measure) {
        case AlignmentMeasure::agreement:
            return "agreement";
        case AlignmentMeasure::s:
            return "s";
        case AlignmentMeasure::kappa:
            return "kappa";
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

std::optional<double> alignment_score(const Alignment& alignment, AlignmentMeasure measure) {
    switch (measure) {
        case AlignmentMeasure::agreement:
            return alignment.agreement;
        case AlignmentMeasure::s:
            return alignment.s_score;
        case AlignmentMeasure::kappa:
            return alignment.kappa;
        case AlignmentMeasure::alignment:
            break;
    }
    return alignment.alignment;
}

}  // namespace entente
