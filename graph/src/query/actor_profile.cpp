#include "entente/query/actor_profile.hpp"

#include <map>
#include <set>

namespace entente {

ActorProfile actor_profile(const KnowledgeGraph& graph, Index actor) {
    ActorProfile out;
    out.actor = actor;
    out.claims = graph.claims_of(actor);
    std::map<Index, std::vector<Index>> groups;
    std::set<Index> sources;
    for (Index c : out.claims) {
        groups[graph.claim(c).relation].push_back(c);
        sources.insert(graph.claim(c).source);
    }
    for (auto& [relation, claims] : groups) {
        out.groups.push_back({relation, std::move(claims)});
    }
    out.sources.assign(sources.begin(), sources.end());
    for (Index i = 0; i < graph.data().actors.size(); ++i) {
        if (graph.actor(i).holder == actor) {
            out.positions_held.push_back(i);
        }
    }
    return out;
}

}  // namespace entente
