#pragma once
/// @file Finding a claim's quote in its source's text, as a curator wrote it: quote marks,
/// whitespace and case aside, with ellipses standing for left-out text.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace entente {

/// `text` (UTF-8) in the form quotes are compared in: every quotation mark and apostrophe
/// (' " ‘ ’ ‚ ‛ “ ” „ ‟ « » ‹ › ′ ″) becomes ', every run of white space (Unicode White_Space:
/// spaces, tabs, line ends, no-break spaces) one space, none at either end, and every character
/// its simple case folding (Unicode CaseFolding.txt, status C and S, through ICU's u_foldCase).
/// Bytes that are not well-formed UTF-8 are kept as they are. O(length); throws std::bad_alloc.
std::string fold_for_quotes(std::string_view text);

/// A quote split at its ellipses: "…" (U+2026) or three or more full stops, each with the
/// brackets around it when there are ("[…]", "(...)"). Parts are folded (fold_for_quotes) and
/// empty parts dropped. Throws std::bad_alloc.
std::vector<std::string> quote_parts(std::string_view quote);

/// Whether a quote occurs in a text.
struct QuoteMatch {
    bool found = false;  ///< True when every part occurs, in order, without overlapping.
    /// The number of parts (quote_parts); 0 for a quote with no text besides ellipses, which is
    /// never found.
    std::size_t parts = 0;
    /// When not found: the first part that does not occur after the parts before it (folded);
    /// empty when found or when there are no parts.
    std::string missing;
};

/// A source's text prepared for quote lookups (folded once).
class QuoteText {
  public:
    /// Folds `text` (UTF-8, a byte-order mark skipped). O(length); throws std::bad_alloc.
    explicit QuoteText(std::string_view text);
    /// Whether `quote` occurs in the text: each of its parts (quote_parts), in order, each found
    /// after the end of the one before (an ellipsis stands for any text, possibly none; the
    /// leftmost match of each part is taken, which finds an ordered match whenever one exists).
    /// O(parts x text length) in the worst case of the standard library's search; throws
    /// std::bad_alloc.
    QuoteMatch find(std::string_view quote) const;
    /// The folded text.
    const std::string& folded() const { return folded_; }

  private:
    std::string folded_;
};

/// The hedging words lint looks for, in the order they are reported: words and phrases with
/// which an author marks a statement as less than certain (after Hyland 1998, "Hedging in
/// Scientific Research Articles", and the hedge lexicons built on it): seem, seems, seemed,
/// seemingly, appear to, appears to, apparently, arguably, can be argued, could be argued,
/// may, might, could, perhaps, possibly, probably, likely, unlikely, presumably, reportedly,
/// allegedly, supposedly. Static storage; throws nothing.
std::span<const std::string_view> hedging_words();

/// The hedging words (hedging_words()) in `quote`, in the list's order, each once: matched as
/// whole words (not inside a longer word: "mayor" has no "may"), case aside and whitespace runs
/// read as one space, except "may", which is matched in lower case only (the month "May" is no
/// hedge). Throws std::bad_alloc.
std::vector<std::string> find_hedging_words(std::string_view quote);

}  // namespace entente
