#include "entente/query/roll_up.hpp"

#include <string>

namespace entente {

namespace {

// The built-in structural relations that make the hierarchy.
bool hierarchy_relation(const Relation& r) {
    return r.builtin && (r.id == "part_of" || r.id == "member_of");
}

}  // namespace

RollUpPlan plan_roll_up(const Dataset& data, ActorKind kind) {
    const std::size_t n = data.actors.size();
    // Parents per actor, in claim order, as a flat adjacency (counting sort), so a dataset of
    // millions of imported claims costs two passes.
    std::vector<std::size_t> start(n + 1, 0);
    auto up = [&](const Claim& c) {
        return !c.negated && c.relation < data.relations.size() &&
               hierarchy_relation(data.relations[c.relation]);
    };
    for (const Claim& c : data.claims) {
        if (up(c)) {
            ++start[c.subject + 1];
        }
    }
    for (std::size_t a = 0; a < n; ++a) {
        start[a + 1] += start[a];
    }
    std::vector<Index> parents(start.back());
    {
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (const Claim& c : data.claims) {
            if (up(c)) {
                parents[next[c.subject]++] = c.object;
            }
        }
    }
    RollUpPlan plan;
    plan.target.resize(n);
    std::vector<Index> level;
    std::vector<Index> next_level;
    std::vector<std::size_t> seen(n, n);  // the actor whose search last visited it
    for (Index a = 0; a < n; ++a) {
        plan.target[a] = a;
        if (data.actors[a].kind == kind || data.actors[a].kind == ActorKind::position ||
            start[a] == start[a + 1]) {
            continue;
        }
        // Breadth-first up the chain; the first level holding an actor of `kind` decides.
        level.assign(1, a);
        seen[a] = a;
        bool found = false;
        while (!level.empty() && !found) {
            next_level.clear();
            for (Index x : level) {
                for (std::size_t p = start[x]; p < start[x + 1]; ++p) {
                    const Index parent = parents[p];
                    if (data.actors[parent].kind == kind) {
                        if (!found) {
                            plan.target[a] = parent;
                            found = true;
                        } else if (parent != plan.target[a] &&
                                   (plan.ambiguous.empty() || plan.ambiguous.back() != a)) {
                            plan.ambiguous.push_back(a);
                        }
                    } else if (seen[parent] != a) {
                        seen[parent] = a;  // a cycle or a diamond is walked once
                        next_level.push_back(parent);
                    }
                }
            }
            level.swap(next_level);
        }
    }
    return plan;
}

RollUpReport roll_up(Dataset& data, ActorKind kind) {
    RollUpPlan plan = plan_roll_up(data, kind);
    RollUpReport report;
    report.ambiguous = std::move(plan.ambiguous);
    std::vector<Claim> kept;
    kept.reserve(data.claims.size());
    for (Claim& c : data.claims) {
        const Index subject = plan.target[c.subject];
        const Index object = plan.target[c.object];
        if (subject == object) {
            ++report.within;
            continue;
        }
        if (subject != c.subject || object != c.object) {
            ++report.moved;
            const std::string from =
                "rolled up from " + data.actors[c.subject].id + " -> " + data.actors[c.object].id;
            c.note = c.note.empty() ? from : from + "; " + c.note;
            c.subject = subject;
            c.object = object;
        }
        kept.push_back(std::move(c));
    }
    data.claims = std::move(kept);
    for (Actor& a : data.actors) {
        if (a.holder != no_index) {
            a.holder = plan.target[a.holder];
        }
    }
    return report;
}

}  // namespace entente
