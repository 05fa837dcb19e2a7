#pragma once
/// @file Finding actors by any of their names, as people type them.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "entente/model/model.hpp"

namespace entente {

/// Case- and accent-insensitive lookup of actors by id, name or alias.
class NameIndex {
  public:
    /// Indexes every actor's id, name and aliases.
    explicit NameIndex(const std::vector<Actor>& actors);
    /// The actors whose id, name or alias folds to the same key as `name`, without repeats.
    std::vector<Index> find(std::string_view name) const;
    /// The folded keys that name more than one actor, with the actors they name.
    std::vector<std::pair<std::string, std::vector<Index>>> shared_keys() const;
    /// Ids of the actors whose names are nearest to `name`, best first.
    std::vector<std::string> suggest(std::string_view name, std::size_t limit = 3) const;

  private:
    std::vector<std::string> ids_;  // copied, so the index survives moves of the dataset
    std::unordered_map<std::string, std::vector<Index>> by_key_;
};

}  // namespace entente
