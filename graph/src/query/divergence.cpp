#include "entente/query/divergence.hpp"

#include <algorithm>
#include <cmath>

#include "entente/query/alignment.hpp"

namespace entente {

std::vector<DivergencePoint> diverge(const KnowledgeGraph& graph, const TieTable& ties, Index a,
                                     Index b) {
    std::vector<DivergencePoint> out;
    for (const auto& shared :
         align(ties, a, b, AlignOptions{StanceSet::joint, false, std::nullopt}).shared_objects) {
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
