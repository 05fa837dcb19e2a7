#include "load/text_positions.hpp"

#include <algorithm>
#include <cstring>

namespace entente::detail {

namespace {

// Bytes between two checkpoints of the position index: 1.6% of the text in checkpoints, and a
// lookup reads at most one block.
constexpr std::size_t checkpoint_block = 1024;

}  // namespace

// Moves a position past one byte: columns count the bytes that start a UTF-8 character.
void TextPositions::advance(Checkpoint& at, char c) {
    if (c == '\n') {
        ++at.line;
        at.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++at.column;
    }
}

TextPositions::TextPositions(std::string_view text) : TextPositions(text, Deferred{}) {
    extend(text.size());
}

TextPositions::TextPositions(std::string_view text, Deferred)
    : text_(text), bom_(text.substr(0, 3) == "\xEF\xBB\xBF") {}

void TextPositions::extend(std::size_t to) {
    // Block by block: the line breaks in the block found with memchr (lines are tens to
    // hundreds of bytes; a count the compiler vectorizes for baseline x86-64 widens every byte
    // and was slower), then the characters after the last one counted.
    auto characters = [](const char* from, const char* last) {
        std::size_t n = 0;
        for (const char* c = from; c < last; ++c) {
            n += (static_cast<unsigned char>(*c) & 0xC0) != 0x80 ? 1 : 0;
        }
        return n;
    };
    // The number of line breaks in [from, last), and where the line after the last one starts
    // (null when there is none).
    auto line_breaks = [](const char* from, const char* last, const char*& line) {
        std::size_t n = 0;
        line = nullptr;
        for (const void* p = std::memchr(from, '\n', static_cast<std::size_t>(last - from));
             p != nullptr;) {
            ++n;
            line = static_cast<const char*>(p) + 1;
            p = std::memchr(line, '\n', static_cast<std::size_t>(last - line));
        }
        return n;
    };
    to = std::min(to, text_.size());
    if (checkpoints_.empty()) {
        checkpoints_.reserve(text_.size() / checkpoint_block + 1);
    }
    while (indexed_ < text_.size() && (indexed_ + checkpoint_block <= to || to == text_.size())) {
        checkpoints_.push_back(next_);
        const char* first = text_.data() + indexed_;
        const std::size_t end = std::min(text_.size(), indexed_ + checkpoint_block);
        const char* last = text_.data() + end;
        const char* line = nullptr;
        const std::size_t breaks = line_breaks(first, last, line);
        if (breaks == 0) {
            next_.column += characters(first, last);
        } else {
            next_.line += breaks;
            next_.column = 1 + characters(line, last);
        }
        indexed_ = end;
    }
}

TextPosition TextPositions::at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    if (checkpoints_.empty()) {
        return {1, 1};
    }
    const std::size_t block = std::min(offset / checkpoint_block, checkpoints_.size() - 1);
    Checkpoint at = checkpoints_[block];
    for (std::size_t i = block * checkpoint_block; i < offset; ++i) {
        advance(at, text_[i]);
    }
    if (bom_ && at.line == 1 && offset >= 3) {
        --at.column;  // the byte-order mark is not a column
    }
    return {at.line, at.column};
}

}  // namespace entente::detail
