#include "entente/query/actor_search.hpp"

#include <algorithm>

#include "entente/model/text.hpp"

namespace entente {

std::vector<ActorMatch> search_actors(const KnowledgeGraph& graph, const ActorSearch& search) {
    const std::string folded = fold_name(search.text);
    auto has = [&](const std::string& name) {
        return fold_name(name).find(folded) != std::string::npos;
    };
    std::vector<ActorMatch> out;
    for (Index i = 0; i < graph.data().actors.size(); ++i) {
        const Actor& a = graph.actor(i);
        if (search.kind && a.kind != *search.kind) {
            continue;
        }
        if (folded.empty() || has(a.id) || has(a.name) ||
            std::any_of(a.aliases.begin(), a.aliases.end(), has)) {
            // Claims are edges, and no claim joins an actor to itself: the degree counts them.
            out.push_back(
                {i, boost::out_degree(i, graph.graph()) + boost::in_degree(i, graph.graph())});
        }
    }
    // By id: stable, and what a reader scans for.
    std::sort(out.begin(), out.end(), [&](const ActorMatch& x, const ActorMatch& y) {
        return graph.actor(x.actor).id < graph.actor(y.actor).id;
    });
    return out;
}

}  // namespace entente
