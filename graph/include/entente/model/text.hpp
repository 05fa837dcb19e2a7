#pragma once
/// @file Text helpers for names: folding for lookup, edit distance for suggestions.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace entente {

/// Folds a name for lookup: lowercase, accents removed, punctuation and spaces collapsed to one
/// space ("Jammu & Kashmir" and "jammu-kashmir" fold alike; "Çelik" folds to "celik").
std::string fold_name(std::string_view text);

/// Levenshtein distance between two strings, counted in UTF-8 code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Number of code points in a UTF-8 string (bytes that start a character).
std::size_t utf8_length(std::string_view text);

/// The candidates nearest to `query` by folded edit distance, best first, at most `limit`;
/// only those close enough to be a plausible typo.
std::vector<std::string> nearest_names(std::string_view query,
                                       const std::vector<std::string>& candidates,
                                       std::size_t limit = 3);

}  // namespace entente
