#include "entente/model/compact_string.hpp"

#include <cstdlib>
#include <limits>
#include <new>
#include <ostream>
#include <stdexcept>

namespace entente {

void CompactString::construct(std::string_view text) {
    const std::size_t n = text.size();
    if (n <= inline_capacity) {
        // memcpy from a null pointer is undefined even for no bytes: an empty view may have one.
        if (n != 0) {
            std::memcpy(raw_, text.data(), n);
        }
        set_inline(n);
        return;
    }
    const std::uint32_t size = checked_size(n);  // before the block, which would leak
    // malloc, not new[]: the block is exactly the text and its NUL, with no array cookie.
    auto* block = static_cast<char*>(std::malloc(n + 1));
    if (block == nullptr) {
        throw std::bad_alloc();
    }
    std::memcpy(block, text.data(), n);
    block[n] = '\0';
    point_to(block, size);
    raw_[inline_capacity] = static_cast<char>(heap_tag);
}

std::uint32_t CompactString::checked_size(std::size_t n) {
    if (n > std::numeric_limits<std::uint32_t>::max()) {
        throw std::length_error("CompactString: text longer than 2^32 - 1 bytes");
    }
    return static_cast<std::uint32_t>(n);
}

void CompactString::point_to(const char* text, std::uint32_t size) noexcept {
    std::memcpy(raw_, &text, sizeof text);
    std::memcpy(raw_ + sizeof text, &size, sizeof size);
}

CompactString& CompactString::operator+=(std::string_view text) {
    std::string joined;
    joined.reserve(size() + text.size());
    joined.append(view()).append(text);
    return *this = std::string_view(joined);
}

void CompactString::release() noexcept {
    // A borrowed text belongs to its arena.
    if (static_cast<unsigned char>(raw_[inline_capacity]) == heap_tag) {
        std::free(const_cast<char*>(heap_data()));
    }
}

std::ostream& operator<<(std::ostream& out, const CompactString& text) {
    return out << text.view();
}

std::string operator+(const std::string& a, const CompactString& b) {
    std::string out;
    out.reserve(a.size() + b.size());
    out.append(a).append(b.view());
    return out;
}

std::string operator+(const CompactString& a, const std::string& b) {
    std::string out;
    out.reserve(a.size() + b.size());
    out.append(a.view()).append(b);
    return out;
}

std::string operator+(const char* a, const CompactString& b) {
    return std::string(a) + b;
}

std::string operator+(const CompactString& a, const char* b) {
    return a + std::string(b);
}

}  // namespace entente
