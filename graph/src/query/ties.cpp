#include "entente/query/ties.hpp"

#include <algorithm>
#include <cmath>

namespace entente {

bool Tie::derived_only() const {
    return !evidence.empty() && std::all_of(evidence.begin(), evidence.end(),
                                            [](const Evidence& e) { return e.derived; });
}

TieTable::TieTable(const KnowledgeGraph& graph, TieOptions options)
    : stances_(graph.data().actors.size()) {
    const auto& actors = graph.data().actors;
    // Accumulate per actor in a map by object; the vectors are sorted once at the end.
    std::vector<std::unordered_map<Index, Tie>> ties(actors.size());
    auto add = [&](Index actor, Index object, Index claim, bool derived, double weight) {
        Tie& t = ties[actor][object];
        t.actor = actor;
        t.object = object;
        t.evidence.push_back({claim, derived, weight});
    };
    for (Index i = 0; i < graph.data().claims.size(); ++i) {
        const Claim& c = graph.claim(i);
        if (c.negated) {
            continue;  // it says the relation does not hold: no tie of that relation
        }
        const Relation& relation = graph.relation(c.relation);
        const int polarity = relation.polarity;
        if (polarity == 0) {
            // An abstention is a stance held, of weight 0: the subject's own, on the object only.
            if (relation.builtin && relation.id == abstention_relation) {
                add(c.subject, c.object, i, false, 0.0);
            }
            continue;
        }
        const double weight = polarity * c.confidence;
        const bool subject_is_position = actors[c.subject].kind == ActorKind::position;
        const bool object_is_position = actors[c.object].kind == ActorKind::position;
        add(c.subject, c.object, i, false, weight);
        if (!subject_is_position && !object_is_position) {
            add(c.object, c.subject, i, false, weight);
        }
        const Index holder = actors[c.object].holder;
        if (!options.direct_only && object_is_position && holder != no_index &&
            holder != c.subject) {
            add(c.subject, holder, i, true, weight / 2);
            if (!subject_is_position) {
                add(holder, c.subject, i, true, weight / 2);
            }
        }
    }
    for (Index a = 0; a < actors.size(); ++a) {
        auto& out = stances_[a];
        out.reserve(ties[a].size());
        for (auto& [object, tie] : ties[a]) {
            double sum = 0;
            double magnitude = 0;
            std::sort(tie.evidence.begin(), tie.evidence.end(),
                      [](const Evidence& x, const Evidence& y) {
                          return std::tie(x.claim, x.derived) < std::tie(y.claim, y.derived);
                      });
            for (const auto& e : tie.evidence) {
                sum += e.weight;
                magnitude += std::abs(e.weight);
            }
            tie.value = sum / std::max(1.0, magnitude);
            // Opposite claims of equal weight cancel exactly; keep the value an exact zero.
            if (std::abs(tie.value) < 1e-12) {
                tie.value = 0.0;
            }
            out.push_back(std::move(tie));
        }
        std::sort(out.begin(), out.end(),
                  [](const Tie& x, const Tie& y) { return x.object < y.object; });
    }
}

const Tie* TieTable::find(Index actor, Index object) const {
    const auto& list = stances_[actor];
    const auto it = std::lower_bound(list.begin(), list.end(), object,
                                     [](const Tie& t, Index o) { return t.object < o; });
    return it != list.end() && it->object == object ? &*it : nullptr;
}

}  // namespace entente
