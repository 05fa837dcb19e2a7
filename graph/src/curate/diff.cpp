#include "entente/curate/diff.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "entente/query/alignment.hpp"
#include "entente/query/balance.hpp"
#include "entente/query/divergence.hpp"
#include "entente/query/scenario.hpp"
#include "entente/query/ties.hpp"

namespace entente {

namespace {

std::string date_text(const std::optional<Date>& date) {
    return date ? date->to_string() : std::string();
}

// The fields of two claims that differ, by name, in the format's order ("id" left to the caller).
std::vector<std::string> changed_fields(const Dataset& a, const Claim& x, const Dataset& b,
                                        const Claim& y) {
    std::vector<std::string> out;
    auto check = [&](const char* name, const auto& u, const auto& v) {
        if (!(u == v)) {
            out.emplace_back(name);
        }
    };
    check("subject", a.actors[x.subject].id, b.actors[y.subject].id);
    check("relation", a.relations[x.relation].id, b.relations[y.relation].id);
    check("object", a.actors[x.object].id, b.actors[y.object].id);
    check("source", a.sources[x.source].id, b.sources[y.source].id);
    check("quote", x.quote, y.quote);
    check("modality", x.modality, y.modality);
    check("negated", x.negated, y.negated);
    check("asserted_by", x.asserted_by, y.asserted_by);
    check("confidence", x.confidence, y.confidence);
    check("weight", x.weight, y.weight);
    check("from", date_text(x.from), date_text(y.from));
    check("until", date_text(x.until), date_text(y.until));
    check("note", x.note, y.note);
    return out;
}

using ContentKey = std::tuple<std::string, std::string, std::string, std::string>;

ContentKey content_key(const Dataset& d, const Claim& c) {
    return {d.actors[c.subject].id, d.relations[c.relation].id, d.actors[c.object].id,
            d.sources[c.source].id.str()};
}

// Roadblock ids of a pair, sorted.
std::vector<std::string> roadblocks(const KnowledgeGraph& kg, const TieTable& ties, Index a,
                                    Index b) {
    std::vector<std::string> out;
    for (const auto& p : diverge(kg, ties, a, b)) {
        if (p.roadblock) {
            out.push_back(kg.actor(p.object).id);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Each actor's camp-mates (actor ids), for the actors of the balance report.
std::unordered_map<std::string, std::vector<std::string>> camp_mates(const KnowledgeGraph& kg,
                                                                     const BalanceReport& r) {
    std::unordered_map<std::string, std::vector<std::string>> out;
    for (const auto& component : r.components) {
        for (const auto& camp : component.camps) {
            std::vector<std::string> ids;
            for (Index a : camp) {
                ids.push_back(kg.actor(a).id);
            }
            std::sort(ids.begin(), ids.end());
            for (const auto& id : ids) {
                auto& mates = out[id];
                for (const auto& other : ids) {
                    if (other != id) {
                        mates.push_back(other);
                    }
                }
            }
        }
    }
    return out;
}

}  // namespace

DatasetDiff diff_datasets(const KnowledgeGraph& before, const KnowledgeGraph& after) {
    const Dataset& a = before.data();
    const Dataset& b = after.data();
    DatasetDiff diff;

    // Claims: by id, then by content.
    std::unordered_map<std::string, Index> old_by_id;
    for (std::size_t i = 0; i < a.claims.size(); ++i) {
        old_by_id.emplace(a.claims[i].id, static_cast<Index>(i));
    }
    std::vector<bool> old_matched(a.claims.size(), false);
    std::vector<Index> new_unmatched;
    std::vector<ClaimChange> changes;
    for (std::size_t j = 0; j < b.claims.size(); ++j) {
        const Claim& y = b.claims[j];
        const auto it = old_by_id.find(y.id.str());
        if (it == old_by_id.end()) {
            new_unmatched.push_back(static_cast<Index>(j));
            continue;
        }
        old_matched[it->second] = true;
        auto fields = changed_fields(a, a.claims[it->second], b, y);
        if (fields.empty()) {
            ++diff.unchanged;
        } else {
            changes.push_back({it->second, static_cast<Index>(j), std::move(fields)});
        }
    }
    std::map<ContentKey, std::vector<Index>> old_by_content;  // unmatched, in file order
    for (std::size_t i = a.claims.size(); i-- > 0;) {
        if (!old_matched[i]) {
            old_by_content[content_key(a, a.claims[i])].push_back(static_cast<Index>(i));
        }
    }
    for (Index j : new_unmatched) {
        auto it = old_by_content.find(content_key(b, b.claims[j]));
        if (it == old_by_content.end() || it->second.empty()) {
            diff.added.push_back(j);
            continue;
        }
        const Index i = it->second.back();  // the earliest left (pushed in reverse)
        it->second.pop_back();
        old_matched[i] = true;
        auto fields = changed_fields(a, a.claims[i], b, b.claims[j]);
        fields.insert(fields.begin(), "id");
        changes.push_back({i, j, std::move(fields)});
    }
    for (std::size_t i = 0; i < a.claims.size(); ++i) {
        if (!old_matched[i]) {
            diff.removed.push_back(static_cast<Index>(i));
        }
    }
    std::sort(changes.begin(), changes.end(),
              [](const ClaimChange& x, const ClaimChange& y) { return x.after < y.after; });
    diff.changed = std::move(changes);

    // The actors compared: taking sides in both, by id.
    std::vector<std::pair<Index, Index>> actors;  // (old index, new index), by id
    {
        std::unordered_map<std::string_view, Index> new_actor;
        for (std::size_t j = 0; j < b.actors.size(); ++j) {
            new_actor.emplace(b.actors[j].id, static_cast<Index>(j));
        }
        std::vector<std::pair<std::string, std::pair<Index, Index>>> by_id;
        for (std::size_t i = 0; i < a.actors.size(); ++i) {
            const Actor& x = a.actors[i];
            const auto found = new_actor.find(x.id);
            if (found == new_actor.end()) {
                continue;
            }
            const Index j = found->second;
            if (takes_sides(x.kind) && takes_sides(b.actors[j].kind)) {
                by_id.push_back({x.id, {static_cast<Index>(i), j}});
            }
        }
        std::sort(by_id.begin(), by_id.end());
        for (const auto& e : by_id) {
            actors.push_back(e.second);
        }
    }
    diff.compared_actors = actors.size();
    // The answers as the queries give them by default: stated, non-negated claims only
    // (docs/queries.md, Modality and negation). The scope keeps every actor where it was.
    const Scenario by_default;
    const KnowledgeGraph old_scope = apply_scenario(before, by_default);
    const KnowledgeGraph new_scope = apply_scenario(after, by_default);
    const TieTable old_ties(old_scope);
    const TieTable new_ties(new_scope);
    AlignOptions no_intervals;
    no_intervals.intervals = false;
    for (std::size_t p = 0; p < actors.size(); ++p) {
        for (std::size_t q = p + 1; q < actors.size(); ++q) {
            const auto [oa, na] = actors[p];
            const auto [ob, nb] = actors[q];
            const Alignment x = align(old_ties, oa, ob, no_intervals);
            const Alignment y = align(new_ties, na, nb, no_intervals);
            const bool moved = x.alignment.has_value() != y.alignment.has_value() ||
                               x.shared != y.shared ||
                               (x.alignment && std::abs(*x.alignment - *y.alignment) > 1e-12);
            if (moved) {
                diff.alignment.push_back({a.actors[oa].id, a.actors[ob].id, x.alignment,
                                          y.alignment, x.shared, y.shared});
            }
            auto rb_old = roadblocks(old_scope, old_ties, oa, ob);
            auto rb_new = roadblocks(new_scope, new_ties, na, nb);
            if (rb_old != rb_new) {
                diff.roadblocks.push_back(
                    {a.actors[oa].id, a.actors[ob].id, std::move(rb_old), std::move(rb_new)});
            }
        }
    }
    auto size_of_move = [](const AlignmentMove& m) {
        return std::abs(m.after.value_or(0.0) - m.before.value_or(0.0));
    };
    std::stable_sort(diff.alignment.begin(), diff.alignment.end(),
                     [&](const AlignmentMove& x, const AlignmentMove& y) {
                         return size_of_move(x) > size_of_move(y);
                     });

    const BalanceReport old_balance = balance(old_scope, old_ties);
    const BalanceReport new_balance = balance(new_scope, new_ties);
    diff.frustration_before = old_balance.frustration.index;
    diff.frustration_after = new_balance.frustration.index;
    const auto old_mates = camp_mates(old_scope, old_balance);
    const auto new_mates = camp_mates(new_scope, new_balance);
    std::set<std::string> compared;
    for (const auto& [o, n] : actors) {
        compared.insert(a.actors[o].id);
    }
    for (const auto& id : compared) {
        auto mates = [&](const auto& table) {
            std::vector<std::string> out;
            if (auto it = table.find(id); it != table.end()) {
                for (const auto& m : it->second) {
                    if (compared.count(m) != 0) {
                        out.push_back(m);
                    }
                }
            }
            return out;
        };
        auto x = mates(old_mates);
        auto y = mates(new_mates);
        if (x != y) {
            diff.camps.push_back({id, std::move(x), std::move(y)});
        }
    }
    return diff;
}

}  // namespace entente
