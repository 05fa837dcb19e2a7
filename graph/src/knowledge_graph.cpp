#include "entente/knowledge_graph.hpp"

#include <algorithm>
#include <set>

#include "entente/errors.hpp"
#include "entente/text.hpp"
#include "id_table.hpp"

namespace entente {

NameIndex::NameIndex(const std::vector<Actor>& actors) {
    ids_.reserve(actors.size());
    for (Index i = 0; i < actors.size(); ++i) {
        const Actor& actor = actors[i];
        ids_.push_back(actor.id);
        auto add = [&](std::string_view name) {
            auto& list = by_key_[fold_name(name)];
            if (list.empty() || list.back() != i) {
                list.push_back(i);
            }
        };
        add(actor.id);
        add(actor.name);
        for (const auto& alias : actor.aliases) {
            add(alias);
        }
    }
}

std::vector<Index> NameIndex::find(std::string_view name) const {
    const auto it = by_key_.find(fold_name(name));
    return it == by_key_.end() ? std::vector<Index>{} : it->second;
}

std::vector<std::pair<std::string, std::vector<Index>>> NameIndex::shared_keys() const {
    std::vector<std::pair<std::string, std::vector<Index>>> out;
    for (const auto& [key, list] : by_key_) {
        if (list.size() > 1) {
            out.emplace_back(key, list);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> NameIndex::suggest(std::string_view name, std::size_t limit) const {
    // Suggest by every name an actor has, but answer with ids: ids are what users type next.
    std::vector<std::string> keys;
    keys.reserve(by_key_.size());
    for (const auto& entry : by_key_) {
        keys.push_back(entry.first);
    }
    std::vector<std::string> out;
    for (const auto& key : nearest_names(name, keys, keys.size())) {
        for (Index i : by_key_.at(key)) {
            const std::string& id = ids_[i];
            if (std::find(out.begin(), out.end(), id) == out.end()) {
                out.push_back(id);
            }
        }
        if (out.size() >= limit) {
            break;
        }
    }
    if (out.size() > limit) {
        out.resize(limit);
    }
    return out;
}

KnowledgeGraph::KnowledgeGraph(Dataset data)
    : data_(std::move(data)),
      graph_(std::make_unique<Graph>(data_.actors.size())),
      names_(data_.actors) {
    for (Index i = 0; i < data_.actors.size(); ++i) {
        (*graph_)[i].actor = i;
    }
    claim_slots_ = detail::make_id_slots(data_.claims.size());
    const auto claim_id = [this](Index i) -> std::string_view { return data_.claims[i].id; };
    for (Index i = 0; i < data_.claims.size(); ++i) {
        const Claim& c = data_.claims[i];
        boost::add_edge(c.subject, c.object, EdgeProperties{i}, *graph_);
        detail::insert_id(claim_slots_, i, claim_id);  // a repeated id keeps its first claim
    }
    for (Index i = 0; i < data_.relations.size(); ++i) {
        relation_by_id_.emplace(data_.relations[i].id, i);
    }
}

KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph::~KnowledgeGraph() = default;

Index KnowledgeGraph::find_actor(std::string_view name) const {
    const auto found = names_.find(name);
    if (found.size() == 1) {
        return found.front();
    }
    if (found.empty()) {
        throw UnknownNameError("actor", std::string(name), names_.suggest(name));
    }
    // An exact id wins over a shared name or alias.
    for (Index i : found) {
        if (data_.actors[i].id == name) {
            return i;
        }
    }
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
        ids.push_back(c.id);
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
