#pragma once
// Internal: the suggestion search over keys already folded, shared by nearest_names (which folds
// its candidates) and NameIndex::suggest (whose keys are folded when it is built).

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/model/text.hpp"

namespace entente::detail {

/// The keys nearest to `folded_query` (fold_name's output) under nearest_names' rules, as
/// (edit distance, index into `folded_keys`) pairs, all at the smallest distance found, in
/// the order of `folded_keys`. Empty when none is near enough or when `work.budget` ran out (then
/// `work.budget_spent`); `work`'s counts are added to. Throws std::bad_alloc.
std::vector<std::pair<std::size_t, std::size_t>> nearest_keys(
    std::string_view folded_query, const std::vector<std::string_view>& folded_keys,
    SuggestionWork& work);

}  // namespace entente::detail
