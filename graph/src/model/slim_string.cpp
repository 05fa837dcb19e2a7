#include "entente/model/slim_string.hpp"

#include <cstdlib>
#include <new>
#include <ostream>

namespace entente {

void SlimString::construct(std::string_view text) {
    const std::size_t n = text.size();
    if (n <= inline_capacity) {
        // memcpy from a null pointer is undefined even for no bytes: an empty view may have one.
        if (n != 0) {
            std::memcpy(raw_, text.data(), n);
        }
        set_inline(n);
        return;
    }
    // malloc, not new[]: the block is exactly the length, the text and its NUL.
    auto* block = static_cast<char*>(std::malloc(sizeof(std::size_t) + n + 1));
    if (block == nullptr) {
        throw std::bad_alloc();
    }
    if (!fits(block)) {
        std::free(block);
        throw std::bad_alloc();
    }
    std::memcpy(block, &n, sizeof n);
    std::memcpy(block + sizeof n, text.data(), n);
    block[sizeof n + n] = '\0';
    pack(block, 0);
}

SlimString SlimString::borrowing(std::string_view text) {
    SlimString out;
    if (text.size() <= inline_capacity || text.size() > borrowed_capacity || !fits(text.data())) {
        out.construct(text);
    } else {
        out.pack(text.data(), text.size());
    }
    return out;
}

void SlimString::free_owned() noexcept {
    std::free(const_cast<char*>(pointer()));
}

std::ostream& operator<<(std::ostream& out, const SlimString& text) {
    return out << text.view();
}

}  // namespace entente
