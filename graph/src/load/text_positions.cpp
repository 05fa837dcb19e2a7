#include "load/text_positions.hpp"

#include <algorithm>

#include "entente/load/loader.hpp"

namespace entente::detail {

namespace {

// Bytes between two checkpoints of the position index: 1.6% of the text in checkpoints, and a
// lookup reads at most one block.
constexpr std::size_t checkpoint_block = 1024;

// Bytes of a mapped text indexed before they are given back.
constexpr std::size_t release_stretch = 16u << 20;

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

TextPositions::TextPositions(std::string_view text, const MappedFile* mapping)
    : text_(text), bom_(text.substr(0, 3) == "\xEF\xBB\xBF") {
    // Block by block, with counts the compiler vectorizes rather than a branch per byte: the
    // line breaks in the block, then the characters after its last one.
    auto characters = [](const char* from, const char* to) {
        std::size_t n = 0;
        for (const char* c = from; c < to; ++c) {
            n += (static_cast<unsigned char>(*c) & 0xC0) != 0x80 ? 1 : 0;
        }
        return n;
    };
    auto line_breaks = [](const char* from, const char* to) {
        std::size_t n = 0;
        for (const char* c = from; c < to; ++c) {
            n += *c == '\n' ? 1 : 0;
        }
        return n;
    };
    checkpoints_.reserve(text.size() / checkpoint_block + 1);
    Checkpoint at;
    for (std::size_t b = 0; b < text.size(); b += checkpoint_block) {
        checkpoints_.push_back(at);
        const char* first = text.data() + b;
        const char* last = text.data() + std::min(text.size(), b + checkpoint_block);
        const std::size_t breaks = line_breaks(first, last);
        if (breaks == 0) {
            at.column += characters(first, last);
        } else {
            const char* line = last;
            while (line[-1] != '\n') {
                --line;
            }
            at.line += breaks;
            at.column = 1 + characters(line, last);
        }
        if (mapping != nullptr && (b + checkpoint_block) % release_stretch == 0) {
            mapping->release(b + checkpoint_block - release_stretch, b + checkpoint_block);
        }
    }
    if (mapping != nullptr) {
        mapping->release(0, text.size());
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
