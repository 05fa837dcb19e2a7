#include "entente/query/alignment_ranking.hpp"

#include <algorithm>

namespace entente {

std::vector<Alignment> alignment_ranking(const KnowledgeGraph& graph, const TieTable& ties,
                                         Index actor, AlignmentMeasure measure) {
    std::vector<Index> others;
    for (Index i = 0; i < graph.data().actors.size(); ++i) {
        if (i != actor && takes_sides(graph.actor(i).kind)) {
            others.push_back(i);
        }
    }
    // By id first, so the stable sort below leaves equal scores in id order.
    std::sort(others.begin(), others.end(),
              [&](Index x, Index y) { return graph.actor(x).id < graph.actor(y).id; });
    std::vector<Alignment> ranking;
    for (Index other : others) {
        Alignment a = align(ties, actor, other);
        if (alignment_score(a, measure)) {
            ranking.push_back(std::move(a));
        }
    }
    std::stable_sort(ranking.begin(), ranking.end(), [&](const Alignment& x, const Alignment& y) {
        const double sx = *alignment_score(x, measure);
        const double sy = *alignment_score(y, measure);
        if (sx != sy) {
            return sx > sy;
        }
        return x.shared > y.shared;
    });
    return ranking;
}

}  // namespace entente
