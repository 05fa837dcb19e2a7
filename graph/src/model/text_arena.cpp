#include "entente/model/text_arena.hpp"

#include <cstring>
#include <functional>

#include "model/pages.hpp"

namespace entente {

std::string_view TextArena::add(std::string_view text) {
    const std::size_t need = text.size() + 1;
    char* at = nullptr;
    if (need > block_size / 8) {
        // A long text gets a block of its own, so that it does not strand the current block's
        // free tail; the current block stays current.
        blocks_.push_back({std::unique_ptr<char[]>(new char[need]), need});
        capacity_ += need;
        at = blocks_.back().bytes.get();
    } else {
        if (need > left_) {
            // The bytes are left uninitialized: the pages are not touched, so they take no
            // memory until texts are written to them. The first block is small, so that a small
            // dataset costs little; the later ones are larger, so that a large one (at 10^6
            // claims, 146 MB of quotes) takes few blocks.
            if (!ordinary_) {
                blocks_.push_back({std::unique_ptr<char[]>(new char[block_size]), block_size});
                ordinary_ = true;
                capacity_ += block_size;
                next_ = blocks_.back().bytes.get();
                left_ = block_size;
            } else {
                start_block(large_block_size);
            }
        }
        at = next_;
        next_ += need;
        left_ -= need;
    }
    if (!text.empty()) {
        std::memcpy(at, text.data(), text.size());
    }
    at[text.size()] = '\0';
    return {at, text.size()};
}

void TextArena::reserve(std::size_t bytes) {
    if (bytes <= left_) {
        return;
    }
    // The old block's tail is stranded: give back what of it is whole pages.
    release_unused();
    start_block(bytes);
}

void TextArena::start_block(std::size_t size) {
    std::unique_ptr<char[]> owned(new char[size]);
    char* block = owned.get();
    blocks_.push_back({std::move(owned), size});
    ordinary_ = true;
    capacity_ += size;
    next_ = block;
    left_ = size;
}

void TextArena::release_unused() noexcept {
    // Anonymous memory: pages dropped read as zeros when touched again, and nothing in the tail
    // is read before it is written.
    if (next_ != nullptr) {
        detail::drop_whole_pages(next_, next_ + left_);
    }
}

bool TextArena::holds(const char* p) const noexcept {
    // std::less, not <: pointers into different blocks are not ordered by the language.
    const std::less<const char*> before;
    for (const Block& block : blocks_) {
        const char* first = block.bytes.get();
        if (!before(p, first) && before(p, first + block.size)) {
            return true;
        }
    }
    return false;
}

}  // namespace entente
