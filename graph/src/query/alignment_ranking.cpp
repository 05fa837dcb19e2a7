#include "entente/query/alignment_ranking.hpp"

#include <algorithm>

namespace entente {

AlignmentRanking alignment_ranking(const KnowledgeGraph& graph, const TieTable& ties, Index actor,
                                   AlignmentMeasure measure, AlignOptions options,
                                   std::size_t min_shared) {
    std::vector<Index> others;
    for (Index i = 0; i < graph.data().actors.size(); ++i) {
        if (i != actor && takes_sides(graph.actor(i).kind)) {
            others.push_back(i);
        }
    }
    // By id first, so the stable sort below leaves equal scores in id order.
    std::sort(others.begin(), others.end(),
              [&](Index x, Index y) { return graph.actor(x).id < graph.actor(y).id; });
    // Only the ranked measure's interval: the ranking shows no other (a pair's every interval is
    // align()'s), and the resampling is what a ranking costs.
    options.intervals_for = measure;
    AlignmentRanking out;
    out.measure = measure;
    out.min_shared = min_shared;
    const DenseStance stance(ties, graph.data().actors.size(), actor);
    for (Index other : others) {
        Alignment a = align(ties, stance, other, options);
        const MeasureScore& score = a.score(measure);
        if (score.value) {
            (score.objects >= min_shared ? out.ranked : out.thin).push_back(std::move(a));
        }
    }
    auto by_score = [&](const Alignment& x, const Alignment& y) {
        const MeasureScore& sx = x.score(measure);
        const MeasureScore& sy = y.score(measure);
        if (*sx.value != *sy.value) {
            return *sx.value > *sy.value;
        }
        return sx.objects > sy.objects;
    };
    std::stable_sort(out.ranked.begin(), out.ranked.end(), by_score);
    std::stable_sort(out.thin.begin(), out.thin.end(), by_score);
    return out;
}

}  // namespace entente
