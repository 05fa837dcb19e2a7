#include "entente/query/dataset_counts.hpp"

namespace entente {

DatasetCounts count_dataset(const Dataset& data) {
    DatasetCounts out;
    out.sources = data.sources.size();
    out.relations = data.relations.size();
    out.actors = data.actors.size();
    out.claims = data.claims.size();
    for (const Relation& r : data.relations) {
        out.builtin_relations += r.builtin ? 1 : 0;
    }
    for (const Actor& a : data.actors) {
        ++out.actors_by_kind[static_cast<std::size_t>(a.kind)];
    }
    out.claims_by_relation.assign(data.relations.size(), 0);
    for (const Claim& c : data.claims) {
        ++out.claims_by_relation[c.relation];
    }
    return out;
}

}  // namespace entente
