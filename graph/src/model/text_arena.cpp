#include "entente/model/text_arena.hpp"

#include <cstring>
#include <functional>

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
            // `new char[]` leaves the bytes uninitialized: the pages are not touched, so they
            // take no memory until texts are written to them.
            blocks_.push_back({std::unique_ptr<char[]>(new char[block_size]), block_size});
            capacity_ += block_size;
            next_ = blocks_.back().bytes.get();
            left_ = block_size;
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
