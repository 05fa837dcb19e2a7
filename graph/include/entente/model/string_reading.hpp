#pragma once
/// @file StringReading: the read-only interface CompactString and SlimString share (views,
/// copies, iteration, comparison), written once over their data() and size().

#include <compare>
#include <cstddef>
#include <string>
#include <string_view>

namespace entente {

/// What a string of bytes that keeps them its own way (`Text`, which must provide
/// `const char* data() const noexcept` and `std::size_t size() const noexcept`) reads as:
/// a std::string_view, implicitly; a std::string, by name; and compared by bytes with its own
/// kind, string views, strings and C strings. Curiously recurring template: no virtual calls,
/// no storage.
template <class Text>
class StringReading {
  public:
    /// Same as size(). Throws nothing.
    std::size_t length() const noexcept { return text().size(); }
    /// True when there are no bytes. Throws nothing.
    bool empty() const noexcept { return text().size() == 0; }
    /// The bytes as a view, valid until the string is assigned to, moved from or destroyed.
    std::string_view view() const noexcept { return {text().data(), text().size()}; }
    /// Same as view(): reads wherever a std::string_view is taken. Throws nothing.
    operator std::string_view() const noexcept { return view(); }
    /// A std::string copy of the bytes. Throws std::bad_alloc.
    std::string str() const { return std::string(view()); }
    /// Same as str(). Explicit: an implicit copy bound to a `const std::string&` dies at the
    /// end of the statement, and a view kept of it dangles (a duplicate-id check did so).
    explicit operator std::string() const { return str(); }
    /// Iterators over the bytes. Throw nothing.
    const char* begin() const noexcept { return text().data(); }
    const char* end() const noexcept { return text().data() + text().size(); }
    /// The byte at `i` (< size()). Throws nothing.
    char operator[](std::size_t i) const noexcept { return text().data()[i]; }

    /// Equal when the bytes are. Throw nothing.
    friend bool operator==(const Text& a, const Text& b) noexcept { return a.view() == b.view(); }
    friend bool operator==(const Text& a, std::string_view b) noexcept { return a.view() == b; }
    friend bool operator==(const Text& a, const std::string& b) noexcept {
        return a.view() == std::string_view(b);
    }
    friend bool operator==(const Text& a, const char* b) noexcept {
        return a.view() == std::string_view(b);
    }
    /// Byte-wise (lexicographic) order, as std::string's. Throw nothing.
    friend std::strong_ordering operator<=>(const Text& a, const Text& b) noexcept {
        return a.view() <=> b.view();
    }
    friend std::strong_ordering operator<=>(const Text& a, std::string_view b) noexcept {
        return a.view() <=> b;
    }
    friend std::strong_ordering operator<=>(const Text& a, const std::string& b) noexcept {
        return a.view() <=> std::string_view(b);
    }
    friend std::strong_ordering operator<=>(const Text& a, const char* b) noexcept {
        return a.view() <=> std::string_view(b);
    }

  private:
    const Text& text() const noexcept { return static_cast<const Text&>(*this); }
};

}  // namespace entente
