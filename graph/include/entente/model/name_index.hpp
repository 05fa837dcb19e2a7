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
/// are fold_name's: Unicode normalization and case folding, UAX #15 and §5.18, as ICU does them).
/// Holds its own copy of the ids, so it stays valid when the actors move or go.
class NameIndex {
  public:
    /// Indexes every actor's id, name and aliases: one fold_name each, O(total length). Throws
    /// std::bad_alloc, or std::runtime_error when ICU's data cannot be loaded.
    explicit NameIndex(const std::vector<Actor>& actors);
    /// The actors (indices into the actors indexed) whose id, name or alias folds to the same key
    /// as `name`, in index order, without repeats; empty when none. O(length of `name`) plus the
    /// matches; throws like fold_name.
    std::vector<Index> find(std::string_view name) const;
    /// The folded keys that name more than one actor, with the actors they name (indices in index
    /// order), ordered by key (bytewise). O(keys log keys); throws std::bad_alloc.
    std::vector<std::pair<std::string, std::vector<Index>>> shared_keys() const;
    /// Ids of at most `limit` actors whose id, name or alias is nearest to `name` by nearest_names'
    /// rules (the nearest keys in key order, each key's actors in index order, each id once);
    /// empty when no name is near enough or the search spends `work->budget` DP cells
    /// (suggestion_cell_budget when `work` is null). `work`, when given, has the counts of what
    /// was done added to it. Cost: at most the budget in cells, plus one pass over the keys.
    /// Throws like fold_name.
    std::vector<std::string> suggest(std::string_view name, std::size_t limit = 3,
                                     SuggestionWork* work = nullptr) const;

  private:
    std::vector<std::string> ids_;  // copied, so the index survives moves of the dataset
    std::unordered_map<std::string, std::vector<Index>> by_key_;
};

}  // namespace entente
