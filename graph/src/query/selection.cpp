#include "entente/query/selection.hpp"

#include <algorithm>

#include "entente/query/ego_network.hpp"

namespace entente {

Selection select(const KnowledgeGraph& kg, const SelectOptions& options) {
    const auto n = kg.data().actors.size();
    std::vector<bool> keep(n, true);
    if (options.focus) {
        std::fill(keep.begin(), keep.end(), false);
        for (const auto& [actor, distance] :
             ego_network(kg, *options.focus, options.depth).actors) {
            keep[actor] = true;
        }
    }
    Selection out;
    out.whole = !options.focus && !options.kind && options.relations.empty();
    for (Index a = 0; a < n; ++a) {
        if (keep[a] && options.kind && kg.actor(a).kind != *options.kind) {
            keep[a] = false;
        }
        if (keep[a]) {
            out.actors.push_back(a);
        }
    }
    for (Index i = 0; i < kg.data().claims.size(); ++i) {
        const Claim& c = kg.claim(i);
        const bool relation_ok = options.relations.empty() ||
                                 std::find(options.relations.begin(), options.relations.end(),
                                           c.relation) != options.relations.end();
        if (relation_ok && keep[c.subject] && keep[c.object]) {
            out.claims.push_back(i);
        }
    }
    return out;
}

}  // namespace entente
