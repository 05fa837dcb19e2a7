#include "entente/query/balance_series.hpp"

#include <map>
#include <stdexcept>

namespace entente {

namespace {

// Camp per actor (0 or 1) and component per actor, for the actors with a signed tie.
struct Membership {
    std::map<Index, int> camp;
    std::map<Index, std::size_t> component;
};

Membership membership(const BalanceReport& r) {
    Membership m;
    for (std::size_t k = 0; k < r.components.size(); ++k) {
        for (int side = 0; side < 2; ++side) {
            for (Index a : r.components[k].camps[static_cast<std::size_t>(side)]) {
                m.camp[a] = side;
                m.component[a] = k;
            }
        }
    }
    return m;
}

// The actors whose camp changed: per (new component, old component) group of actors tied in
// both, the orientation matching more of them is taken, and the others changed.
std::vector<Index> changed_camp(const BalanceReport& before, const BalanceReport& now) {
    const Membership old_m = membership(before), new_m = membership(now);
    std::map<std::pair<std::size_t, std::size_t>, std::vector<Index>> groups;
    for (const auto& [actor, camp] : new_m.camp) {
        if (auto it = old_m.component.find(actor); it != old_m.component.end()) {
            groups[{new_m.component.at(actor), it->second}].push_back(actor);
        }
    }
    std::vector<Index> out;
    for (const auto& [key, group] : groups) {
        if (group.size() < 2) {
            continue;
        }
        std::size_t same = 0;
        for (Index a : group) {
            same += old_m.camp.at(a) == new_m.camp.at(a) ? 1 : 0;
        }
        // Ties between orientations keep the labels as they are.
        const bool swapped = same * 2 < group.size();
        for (Index a : group) {
            if ((old_m.camp.at(a) == new_m.camp.at(a)) == swapped) {
                out.push_back(a);
            }
        }
    }
    return out;
}

}  // namespace

std::vector<BalanceWindow> balance_over_time(const KnowledgeGraph& graph, PeriodUnit unit,
                                             std::size_t window, const Scenario& base,
                                             const TieOptions& tie_options,
                                             const std::vector<Index>& actors,
                                             FrustrationOptions options) {
    if (window == 0) {
        throw std::invalid_argument("balance_over_time: a window of 0 periods");
    }
    std::optional<Date> from = base.from, until = base.until;
    if (!from || !until) {
        const auto span = dated_span(graph);
        if (!span) {
            if (!from || !until) {
                return {};
            }
        } else {
            from = from ? from : span->first;
            until = until ? until : span->second;
        }
    }
    const std::vector<Period> periods = periods_between(*from, *until, unit);
    std::vector<BalanceWindow> out;
    for (std::size_t i = 0; i < periods.size(); i += window) {
        const std::size_t j = std::min(periods.size(), i + window) - 1;
        BalanceWindow w;
        w.first = periods[i].first;
        w.last = periods[j].last;
        w.label = i == j ? periods[i].label : periods[i].label + "\u2013" + periods[j].label;
        Scenario scenario = base;
        scenario.from = w.first;
        scenario.until = w.last;
        const KnowledgeGraph narrowed = apply_scenario(graph, scenario);
        const TieTable ties(narrowed, tie_options);
        w.report = balance(narrowed, ties, actors, options);
        // The report points into `narrowed`'s ties: keep only what outlives them.
        w.report.edge_ties.clear();
        if (!out.empty()) {
            w.changed = changed_camp(out.back().report, w.report);
            std::sort(w.changed.begin(), w.changed.end(),
                      [&](Index a, Index b) { return graph.actor(a).id < graph.actor(b).id; });
        }
        out.push_back(std::move(w));
    }
    return out;
}

}  // namespace entente
