#include "entente/model/knowledge_graph.hpp"

#include <algorithm>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/filter_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <mutex>
#include <set>

#include "entente/model/errors.hpp"
#include "entente/model/text.hpp"
#include "model/id_table.hpp"

namespace entente {

namespace {

// Actor i's id, as the id table's insertions and lookups ask for it.
auto actor_ids(const std::vector<Actor>& actors) {
    return [&actors](Index i) -> std::string_view { return actors[i].id; };
}

}  // namespace

struct KnowledgeGraph::LazyNames {
    std::once_flag built;
    std::shared_ptr<const NameIndex> index;  // set once, under `built`
};

KnowledgeGraph::KnowledgeGraph(Dataset data)
    : data_(std::move(data)), names_(std::make_unique<LazyNames>()) {
    build({});
}

KnowledgeGraph::KnowledgeGraph(Dataset data, std::vector<Index> claim_slots)
    : data_(std::move(data)), names_(std::make_unique<LazyNames>()) {
    build(std::move(claim_slots));
}

const NameIndex& KnowledgeGraph::names() const {
    // call_once: several threads (a server's) may ask first at once; one builds, the others
    // wait, and a build that throws leaves the next call to try again.
    std::call_once(names_->built,
                   [this] { names_->index = std::make_shared<const NameIndex>(data_.actors); });
    return *names_->index;
}

std::shared_ptr<const NameIndex> KnowledgeGraph::shared_names() const {
    names();
    return names_->index;
}

void KnowledgeGraph::build(std::vector<Index> claim_slots) {
    // Built in one pass from the claims (a stable counting sort by subject, then by object):
    // no edge list grows. Guarded though `data` must be valid: tests build graphs of forged
    // tables only to encode them.
    const auto actors = static_cast<Index>(data_.actors.size());
    const auto in_range = [this, actors](Index i) {
        return data_.claims[i].subject < actors && data_.claims[i].object < actors;
    };
    const auto ends = [this](Index i) {
        return std::pair<Index, Index>(data_.claims[i].subject, data_.claims[i].object);
    };
    const auto property = [](Index i) { return EdgeProperties{i}; };
    const boost::counting_iterator<Index> first(0);
    const boost::counting_iterator<Index> last(static_cast<Index>(data_.claims.size()));
    const auto begin = boost::make_filter_iterator(in_range, first, last);
    const auto end = boost::make_filter_iterator(in_range, last, last);
    graph_ = std::make_unique<Graph>(boost::edges_are_unsorted_multi_pass,
                                     boost::make_transform_iterator(begin, ends),
                                     boost::make_transform_iterator(end, ends),
                                     boost::make_transform_iterator(begin, property), actors);
    for (Index i = 0; i < actors; ++i) {
        (*graph_)[i].actor = i;
    }
    // The loader's table, when it can be one (checked below): inserting a million ids again, a
    // cache miss each, cost as much as the edges.
    const auto usable = [&] {
        if (claim_slots.size() != detail::id_slot_count(data_.claims.size())) {
            return false;
        }
        // Indices in range, and at most one entry a claim: so lookups read only claims, and
        // at least half the slots stay empty, which ends every probe.
        std::size_t filled = 0;
        for (const Index i : claim_slots) {
            if (i != no_index && (i >= data_.claims.size() || ++filled > data_.claims.size())) {
                return false;
            }
        }
        return true;
    };
    if (!usable()) {
        claim_slots = detail::make_id_slots(data_.claims.size());
        const auto claim_id = [this](Index i) -> std::string_view { return data_.claims[i].id; };
        for (Index i = 0; i < data_.claims.size(); ++i) {
            detail::insert_id(claim_slots, i, claim_id);  // a repeated id keeps its first claim
        }
    }
    claim_slots_ = std::move(claim_slots);
    actor_slots_ = detail::make_id_slots(data_.actors.size());
    const auto ids = actor_ids(data_.actors);
    for (Index i = 0; i < actors; ++i) {
        detail::insert_id(actor_slots_, i, ids);  // ids are unique in a valid dataset
    }
    for (Index i = 0; i < data_.relations.size(); ++i) {
        relation_by_id_.emplace(data_.relations[i].id, i);
    }
}

KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph::~KnowledgeGraph() = default;

Index KnowledgeGraph::find_actor(std::string_view name) const {
    // An exact id is the answer whatever other actors' names and aliases fold to, so it needs no
    // folding, and a query that names its actors by id never builds the name index.
    if (const Index i = detail::find_id(actor_slots_, name, actor_ids(data_.actors));
        i != no_index) {
        return i;
    }
    const NameIndex& index = names();
    const auto found = index.find(name);
    if (found.size() == 1) {
        return found.front();
    }
    if (found.empty()) {
        throw UnknownNameError("actor", std::string(name), index.suggest(name));
    }
    // Several, none of them by its exact id (that was looked up first).
    std::vector<std::string> ids;
    for (Index i : found) {
        ids.push_back(data_.actors[i].id);
    }
    throw AmbiguousNameError(std::string(name), std::move(ids));
}

Index KnowledgeGraph::find_relation(std::string_view id) const {
    if (const auto it = relation_by_id_.find(std::string(id)); it != relation_by_id_.end()) {
        return it->second;
    }
    std::vector<std::string> ids;
    for (const auto& r : data_.relations) {
        ids.push_back(r.id);
    }
    throw UnknownNameError("relation", std::string(id), nearest_names(id, ids));
}

Index KnowledgeGraph::find_claim(std::string_view id) const {
    const auto claim_id = [this](Index i) -> std::string_view { return data_.claims[i].id; };
    if (const Index i = detail::find_id(claim_slots_, id, claim_id); i != no_index) {
        return i;
    }
    std::vector<std::string> ids;
    for (const auto& c : data_.claims) {
        ids.push_back(c.id.str());
    }
    throw UnknownNameError("claim", std::string(id), nearest_names(id, ids));
}

std::vector<Index> KnowledgeGraph::claims_of(Index actor) const {
    std::vector<Index> out;
    for (auto [it, end] = boost::out_edges(actor, *graph_); it != end; ++it) {
        out.push_back((*graph_)[*it].claim);
    }
    for (auto [it, end] = boost::in_edges(actor, *graph_); it != end; ++it) {
        out.push_back((*graph_)[*it].claim);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string claim_sentence(const KnowledgeGraph& graph, const Claim& claim) {
    return graph.actor(claim.subject).name + " " + graph.relation(claim.relation).label + " " +
           graph.actor(claim.object).name;
}

std::string source_citation(const Source& source) {
    std::string out;
    if (!source.author.empty()) {
        out += source.author + ", ";
    }
    out += "\u201c" + source.title + "\u201d";
    if (!source.publisher.empty()) {
        out += ", " + source.publisher;
    }
    if (source.date) {
        out += ", " + source.date->to_string();
    }
    return out;
}

}  // namespace entente
