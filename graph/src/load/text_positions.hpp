#pragma once
// Internal: line and column of byte offsets in a file's text, as diagnostics give them.

#include <cstddef>
#include <string_view>
#include <vector>

namespace entente::detail {

/// A line and a column, both 1-based, the column counted in characters.
struct TextPosition {
    std::size_t line = 0;    ///< 1-based line.
    std::size_t column = 0;  ///< 1-based column in code points.
};

/// Line and column of any byte offset in a text, as diagnostics give them: 1-based, the column
/// in characters, a UTF-8 byte-order mark not counted. Indexed in one pass, all at once or as a
/// reader goes (extend), 16 bytes per KiB of text.
class TextPositions {
  public:
    /// Indexes all of `text`, which must outlive this object.
    explicit TextPositions(std::string_view text);
    /// Indexes none of `text` yet (which must outlive this object): extend() does, as the text
    /// is read, while its bytes are still in the cache.
    struct Deferred {};
    TextPositions(std::string_view text, Deferred);
    /// Indexes the text up to byte `to` (whole blocks below it; all of it when `to` reaches the
    /// end). O(bytes newly indexed); throws std::bad_alloc.
    void extend(std::size_t to);
    /// Line and column of a byte offset (clamped to the text), which must be indexed. Throws
    /// nothing.
    TextPosition at(std::size_t offset) const;

  private:
    // Line and column where each block of text starts, so that finding a position reads at
    // most one block however long the lines are (minified files are one line).
    struct Checkpoint {
        std::size_t line = 1;
        std::size_t column = 1;
    };
    static void advance(Checkpoint& at, char c);
    std::string_view text_;
    std::vector<Checkpoint> checkpoints_;
    Checkpoint next_;          // where the first block not indexed yet starts
    std::size_t indexed_ = 0;  // bytes indexed: whole blocks, or the whole text
    bool bom_ = false;
};

}  // namespace entente::detail
