#include "entente/model/name_index.hpp"

#include <algorithm>

#include "entente/model/text.hpp"
#include "model/suggest.hpp"

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

std::vector<std::string> NameIndex::suggest(std::string_view name, std::size_t limit,
                                            SuggestionWork* work) const {
    SuggestionWork own;
    // Suggest by every name an actor has, but answer with ids: ids are what users type next.
    std::vector<std::string_view> keys;
    std::vector<const std::vector<Index>*> actors;
    keys.reserve(by_key_.size());
    actors.reserve(by_key_.size());
    for (const auto& [key, list] : by_key_) {
        keys.emplace_back(key);
        actors.push_back(&list);
    }
    auto found = detail::nearest_keys(fold_name(name), keys, work != nullptr ? *work : own);
    // All found are equally near; key order makes the answer independent of the hash table's.
    std::sort(found.begin(), found.end(),
              [&keys](const auto& a, const auto& b) { return keys[a.second] < keys[b.second]; });
    std::vector<std::string> out;
    for (const auto& [distance, k] : found) {
        for (Index i : *actors[k]) {
            const std::string& id = ids_[i];
            if (out.size() < limit && std::find(out.begin(), out.end(), id) == out.end()) {
                out.push_back(id);
            }
        }
    }
    return out;
}

}  // namespace entente
