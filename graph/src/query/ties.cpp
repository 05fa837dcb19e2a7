#include "entente/query/ties.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace entente {

bool Tie::derived_only() const {
    return !evidence.empty() && std::all_of(evidence.begin(), evidence.end(),
                                            [](const Evidence& e) { return e.derived; });
}

TieTable::TieTable(const KnowledgeGraph& graph, TieOptions options)
    : stances_(graph.data().actors.size()) {
    const auto& actors = graph.data().actors;
    // Every claim's contributions, visited twice: once to count them per actor, once to place
    // them in one flat array grouped by actor (a counting sort). Why not a hash map per actor:
    // at 10^7 claims the maps' nodes and rehashes cost more than the whole ranking.
    auto visit = [&](auto&& add) {
        for (Index i = 0; i < graph.data().claims.size(); ++i) {
            const Claim& c = graph.claim(i);
            if (c.negated) {
                continue;  // it says the relation does not hold: no tie of that relation
            }
            const Relation& relation = graph.relation(c.relation);
            const int polarity = relation.polarity;
            if (polarity == 0) {
                // An abstention is a stance held, of weight 0: the subject's own, on the object
                // only.
                if (relation.builtin && relation.id == abstention_relation) {
                    add(c.subject, c.object, i, false, 0.0);
                }
                continue;
            }
            const double weight = polarity * c.confidence * c.weight;
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
    };
    struct Entry {
        Index object;
        Evidence evidence;
    };
    std::vector<std::size_t> start(actors.size() + 1, 0);
    visit([&](Index actor, Index, Index, bool, double) { ++start[actor + 1]; });
    for (std::size_t a = 0; a < actors.size(); ++a) {
        start[a + 1] += start[a];
    }
    std::vector<Entry> entries(start.back());
    {
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        visit([&](Index actor, Index object, Index claim, bool derived, double weight) {
            entries[next[actor]++] = {object, {claim, derived, weight}};
        });
    }
    for (Index a = 0; a < actors.size(); ++a) {
        const auto first = entries.begin() + static_cast<std::ptrdiff_t>(start[a]);
        const auto last = entries.begin() + static_cast<std::ptrdiff_t>(start[a + 1]);
        // By object, then the evidence in dataset order.
        std::sort(first, last, [](const Entry& x, const Entry& y) {
            return std::tie(x.object, x.evidence.claim, x.evidence.derived) <
                   std::tie(y.object, y.evidence.claim, y.evidence.derived);
        });
        auto& out = stances_[a];
        for (auto it = first; it != last;) {
            Tie tie;
            tie.actor = a;
            tie.object = it->object;
            double sum = 0;
            double magnitude = 0;
            for (; it != last && it->object == tie.object; ++it) {
                tie.evidence.push_back(it->evidence);
                sum += it->evidence.weight;
                magnitude += std::abs(it->evidence.weight);
            }
            tie.value = sum / std::max(1.0, magnitude);
            // Opposite claims of equal weight cancel exactly; keep the value an exact zero.
            if (std::abs(tie.value) < 1e-12) {
                tie.value = 0.0;
            }
            out.push_back(std::move(tie));
        }
    }
}

const Tie* TieTable::find(Index actor, Index object) const {
    const auto& list = stances_[actor];
    const auto it = std::lower_bound(list.begin(), list.end(), object,
                                     [](const Tie& t, Index o) { return t.object < o; });
    return it != list.end() && it->object == object ? &*it : nullptr;
}

}  // namespace entente
