#pragma once
// Internal: line and column of byte offsets in a file's text, as diagnostics give them.

#include <cstddef>
#include <string_view>
#include <vector>

namespace entente {
class MappedFile;
}

namespace entente::detail {

/// A line and a column, both 1-based, the column counted in characters.
struct TextPosition {
    std::size_t line = 0;    ///< 1-based line.
    std::size_t column = 0;  ///< 1-based column in code points.
};

/// Line and column of any byte offset in a text, as diagnostics give them: 1-based, the column
/// in characters, a UTF-8 byte-order mark not counted. Built only for files that have a
/// diagnostic: a valid file never pays for it.
class TextPositions {
  public:
    /// Indexes `text`, which must outlive this object. When `mapping` (which holds `text`) is
    /// given, the pages read to build the index are given back as it goes (MappedFile::release).
    explicit TextPositions(std::string_view text, const MappedFile* mapping = nullptr);
    /// Line and column of a byte offset (clamped to the text).
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
    bool bom_ = false;
};

}  // namespace entente::detail
