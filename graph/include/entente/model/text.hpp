#pragma once
/// @file Text helpers for names: folding for lookup, edit distance for suggestions.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace entente {

/// Folds a name (UTF-8) into its lookup key (UTF-8), so that names people type alike fold alike,
/// in every script:
/// - compatibility decomposition (NFKD, Unicode UAX #15), then accents dropped: nonspacing marks
///   (general category Mn) that are Diacritic (Unicode PropList) or in a Combining Diacritical
///   Marks block ("Việt Nam" and "Viet Nam", "București" and "Bucuresti", "ΕΛΛΆΔΑ" and "ελλαδα"
///   fold alike; vowel signs of Brahmic scripts, which are letters, stay);
/// - full case folding and recomposition (NFKC_Casefold, Unicode Standard §5.18 and UAX #44):
///   "Straße" folds to "strasse", Greek final sigma to sigma, "ＡＢＣ" to "abc";
/// - Latin letters that do not decompose spelt in ASCII (CLDR's Latin-ASCII transform, plus
///   ə ǝ → e and ɔ → o, which it lacks): "Łódź" folds to "lodz", "Øresund" to "oresund",
///   "ı" (dotless) and "İ" to "i", "Azərbaycan" to "azerbaycan";
/// - "&" reads as the word "and"; spaces, punctuation, symbols and control characters become one
///   space between words, none at either end ("Jammu & Kashmir" and "jammu-and-kashmir" fold
///   alike); invisible format characters (soft hyphen, joiners) vanish; letters, marks and digits
///   of every script stay, as do unassigned and private-use code points.
/// Bytes that are not well-formed UTF-8 are kept as they are, as letters, never dropped.
/// Pure-ASCII text takes a fast path with the same result. Idempotent: fold_name(fold_name(x)) ==
/// fold_name(x). Thread-safe. Throws std::bad_alloc when out of memory, std::runtime_error when
/// ICU's data cannot be loaded (a broken installation).
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
