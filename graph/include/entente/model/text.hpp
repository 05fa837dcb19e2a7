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
/// fold_name(x). The key is empty for text of nothing but spaces, punctuation, symbols other than
/// "&", and control, format or accent characters. O(length of `text`); the first non-ASCII Latin
/// letter met builds a table once (about 30 ms). Thread-safe. Throws std::bad_alloc when out of
/// memory, std::runtime_error when ICU's data cannot be loaded (a broken installation).
std::string fold_name(std::string_view text);

/// Edit distance between two UTF-8 strings (Levenshtein 1966), counted in code points (a byte
/// that is not well-formed UTF-8 counts as one character), with a swap of two neighbours counting
/// as one edit: the optimal string alignment distance (Damerau 1964). Not folded: compares the
/// strings as given. In [0, max(length of a, length of b)]. O(|a| x |b|) time and O(|a| + |b|)
/// memory, with no budget: for user input use nearest_names. Throws std::bad_alloc.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Number of characters (code points) in a UTF-8 string: the bytes that start a character (any
/// byte but a continuation byte 10xxxxxx). Exact for valid UTF-8, which is all a loaded dataset
/// holds. O(bytes); throws nothing.
std::size_t utf8_length(std::string_view text);

/// The one rule every writer applies to characters its format cannot carry: text for XML 1.0
/// (GraphML, SVG) with the characters XML 1.0 forbids (W3C XML 1.0 §2.2, production Char) --
/// C0 controls other than tab, line feed and carriage return, and the noncharacters U+FFFE and
/// U+FFFF -- replaced by U+FFFD, the replacement character, so the change is visible. `replaced`
/// is increased by the number of characters replaced. Input is UTF-8 (a loaded dataset is valid
/// UTF-8 without NUL); other bytes pass through. Markup is not escaped here. O(bytes); throws
/// std::bad_alloc.
std::string xml_carryable(std::string_view text, std::size_t& replaced);

/// True when a spreadsheet would read `cell` as a formula (OWASP, "CSV Injection"): it starts
/// with '=', '+', '-', '@', a tab or a carriage return and is not a plain decimal number ("-1",
/// "+0.5" and "-1e-3" are numbers, "=1+1" and "-1+2" are not). Throws nothing.
bool starts_formula(std::string_view cell);

/// `cell` neutralised as OWASP advises when starts_formula(cell) -- a leading apostrophe, which
/// spreadsheets show as text and do not evaluate -- else unchanged. Throws std::bad_alloc.
std::string neutralise_formula(std::string_view cell);

/// Most dynamic-programming cells (pairs of characters compared) one suggestion search computes
/// by default: about 0.1 to 0.5 s of work. Past it the search stops and suggests nothing, so that
/// a hostile name or a huge dataset cannot stall a lookup.
inline constexpr std::size_t suggestion_cell_budget = 100'000'000;

/// The work one suggestion search did, and its budget (see nearest_names).
struct SuggestionWork {
    /// In: most DP cells to compute; past it the search gives up with no suggestions.
    std::size_t budget = suggestion_cell_budget;
    /// Out: candidate names looked at.
    std::size_t names = 0;
    /// Out: candidates whose edit distance was computed (not ruled out by their length alone).
    std::size_t compared = 0;
    /// Out: cells of the edit-distance tables computed (each compares two characters).
    std::size_t cells = 0;
    /// Out: bytes of candidates scanned for the query as a substring (Knuth–Morris–Pratt, so at
    /// most two comparisons per byte).
    std::size_t scanned = 0;
    /// Out: true when the budget ran out and nothing was suggested.
    bool budget_spent = false;
};

/// The candidates nearest to `query` by folded edit distance, best first (ties in name order),
/// at most `limit`, only those as near as the nearest: a plausible typo changes at most a third of
/// the folded name (at least 2 edits, never all of it), and a candidate containing the whole
/// folded query (3 or more characters) counts as 1 edit. Candidates whose length alone rules them
/// out are not compared, and distances are computed in a band of that width only (Ukkonen 1985),
/// so the work is bounded by `work->budget` cells whatever the lengths, plus folding every
/// candidate once and scanning its bytes (O(total length of the candidates)). Candidates are
/// returned as given (not folded), each once; empty when none is near enough, when the folded
/// query is empty, or when the budget runs out. `work`, when given, has the counts of what was
/// done added to it. Throws std::bad_alloc when out of memory, std::runtime_error like
/// fold_name.
std::vector<std::string> nearest_names(std::string_view query,
                                       const std::vector<std::string>& candidates,
                                       std::size_t limit = 3, SuggestionWork* work = nullptr);

}  // namespace entente
