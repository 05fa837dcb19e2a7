#include "entente/model/name_index.hpp"

#include <algorithm>

#include "entente/model/text.hpp"

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

}  // namespace entente
