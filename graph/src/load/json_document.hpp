#pragma once
// Internal: a RapidJSON DOM that remembers where in the text each value starts.

#include <rapidjson/document.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace entente::detail {

/// Deepest nesting a data file may have; ours needs 4, and a cap keeps hostile input harmless.
inline constexpr std::size_t max_json_depth = 64;

/// How long a string may be, in characters; a longer one stops the parse before it is stored.
struct StringLimits {
    /// Member names, and strings of every member not in `text_fields`.
    std::size_t max_name_length = std::numeric_limits<std::size_t>::max();
    /// Strings of the members named in `text_fields` (and of arrays they hold).
    std::size_t max_text_length = std::numeric_limits<std::size_t>::max();
    /// Member names whose strings are long texts.
    std::span<const std::string_view> text_fields;
};

/// A line and a column, both 1-based, the column counted in characters.
struct TextPosition {
    std::size_t line = 0;    ///< 1-based line.
    std::size_t column = 0;  ///< 1-based column in code points.
};

/// A problem found while parsing, at a byte offset.
struct ParseProblem {
    std::size_t offset = 0;  ///< Byte offset in the text.
    std::string message;     ///< What is wrong.
    std::string pointer;     ///< JSON pointer where known.
    bool fatal = true;       ///< False for problems after which the DOM is still usable.
};

/// Line and column of any byte offset in a text, as diagnostics give them: 1-based, the column
/// in characters, a UTF-8 byte-order mark not counted.
class TextPositions {
  public:
    /// Indexes `text`, which must outlive this object.
    explicit TextPositions(std::string_view text);
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

/// A parsed JSON text whose values know their byte offsets.
class JsonDocument {
  public:
    /// Parses `text` (UTF-8 validated, iterative, depth- and length-capped); problems go to
    /// problems().
    explicit JsonDocument(std::string_view text, const StringLimits& limits = {});
    /// True when the text parsed (problems() may still hold non-fatal ones such as duplicate keys).
    bool ok() const { return ok_; }
    /// The root value; only meaningful when ok().
    const rapidjson::Value& root() const { return document_; }
    /// Syntax errors and duplicate keys.
    const std::vector<ParseProblem>& problems() const { return problems_; }
    /// Byte offset where `value` (a value or a member name in this document) starts.
    std::size_t offset_of(const rapidjson::Value& value) const;
    /// Line and column of a byte offset.
    TextPosition position_of(std::size_t offset) const { return positions_.at(offset); }

  private:
    rapidjson::Document document_;
    // Where each value starts, sorted by the value's address: a third of a hash map's memory,
    // which matters when a file holds millions of values.
    struct ValueStart {
        const rapidjson::Value* value;
        std::uint32_t offset;
    };
    std::vector<ValueStart> offsets_;
    TextPositions positions_;
    std::vector<ParseProblem> problems_;
    bool ok_ = false;
};

/// Escapes a member name for use in a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_token(std::string_view name);

}  // namespace entente::detail
