#pragma once
/// @file Finding actors by any of their names, as people type them.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "entente/model/model.hpp"
#include "entente/model/text.hpp"

namespace entente {

/// Case- and accent-insensitive lookup of actors by id, name or alias, in every script (keys
/// are fold_name's).
class NameIndex {
  public:
    /// Indexes every actor's id, name and aliases: one fold_name each. Throws std::bad_alloc.
    explicit NameIndex(const std::vector<Actor>& actors);
    /// The actors (indices into the actors indexed) whose id, name or alias folds to the same key
    /// as `name`, in index order, without repeats; empty when none.
    std::vector<Index> find(std::string_view name) const;
    /// The folded keys that name more than one actor, with the actors they name, by key.
    std::vector<std::pair<std::string, std::vector<Index>>> shared_keys() const;
    /// Ids of at most `limit` actors whose id, name or alias is nearest to `name` by nearest_names'
    /// rules (the nearest keys in key order, each key's actors in index order); empty when no
    /// name is near enough or the search spends `work->budget` (suggestion_cell_budget when
    /// `work` is null). `work`, when given, receives the counts of what was done.
    std::vector<std::string> suggest(std::string_view name, std::size_t limit = 3,
                                     SuggestionWork* work = nullptr) const;

  private:
    std::vector<std::string> ids_;  // copied, so the index survives moves of the dataset
    std::unordered_map<std::string, std::vector<Index>> by_key_;
};

}  // namespace entente
