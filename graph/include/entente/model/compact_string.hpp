#pragma once
/// @file CompactString: an owned, immutable-by-value UTF-8 string in 16 bytes, for the text of a
/// claim (of which a dataset may hold 10^7).

#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iosfwd>
#include <string>
#include <string_view>

#include "entente/model/string_reading.hpp"

namespace entente {

/// A string that owns its bytes in 16 bytes, where std::string takes 32: up to 15 bytes are kept
/// inline, longer text in one heap block of exactly its size (plus a NUL), or, for the texts a
/// loader keeps in a TextArena, borrowed from there (borrowing()). A claim holds four, so
/// a claim is 64 bytes smaller than with std::string (docs/architecture.md, "Memory"). Reads as a
/// std::string_view (implicitly), compares with strings, string views and C strings by bytes, and
/// is always NUL-terminated (c_str). Text is replaced, never edited in place (+= builds a new
/// value). Lengths are in bytes, at most 2^32 - 1 (assigning more throws std::length_error);
/// copying or assigning throws std::bad_alloc when out of memory; moving and reading throw nothing.
/// Like the short-string layout of folly's fbstring (Alexandrescu), the last byte holds 15 minus
/// the inline length, so an inline string of 15 bytes ends in its own NUL.
class CompactString : public StringReading<CompactString> {
  public:
    /// The empty string. Throws nothing.
    CompactString() noexcept { set_inline(0); }
    /// A copy of `text`. Implicit, so a claim's text is assigned as a std::string's was.
    CompactString(std::string_view text) { construct(text); }
    /// A copy of `text` (NUL-terminated).
    CompactString(const char* text) { construct(std::string_view(text)); }
    /// A copy of `text`.
    CompactString(const std::string& text) { construct(std::string_view(text)); }
    /// A copy of `other`'s bytes.
    CompactString(const CompactString& other) { construct(other.view()); }
    /// Takes `other`'s bytes; `other` is left empty. Throws nothing.
    CompactString(CompactString&& other) noexcept {
        std::memcpy(raw_, other.raw_, sizeof raw_);
        other.set_inline(0);
    }
    /// A string that reads `text` in place rather than copying it, for text kept in a
    /// TextArena: `text` must be followed by a NUL, and outlive this string and every string it
    /// is moved to (a dataset keeps its arena in Dataset::texts for that). Text of up to 15
    /// bytes is copied inline all the same. A copy of a borrowing string owns its bytes.
    /// Throws std::length_error past 2^32 - 1 bytes.
    static CompactString borrowing(std::string_view text) {
        CompactString out;
        if (text.size() <= inline_capacity) {
            out.construct(text);
        } else {
            out.point_to(text.data(), checked_size(text.size()));
            out.raw_[inline_capacity] = static_cast<char>(borrowed_tag);
        }
        return out;
    }
    /// Replaces the bytes with a copy of `other`'s.
    CompactString& operator=(const CompactString& other) {
        if (this != &other) {
            CompactString copy(other);
            swap(copy);
        }
        return *this;
    }
    /// Takes `other`'s bytes; `other` is left empty. Throws nothing.
    CompactString& operator=(CompactString&& other) noexcept {
        if (this != &other) {
            release();
            std::memcpy(raw_, other.raw_, sizeof raw_);
            other.set_inline(0);
        }
        return *this;
    }
    /// Replaces the bytes with a copy of `text` (which may point into this string).
    CompactString& operator=(std::string_view text) {
        CompactString copy(text);
        swap(copy);
        return *this;
    }
    /// Replaces the bytes with a copy of `text`.
    CompactString& operator=(const char* text) { return *this = std::string_view(text); }
    /// Replaces the bytes with a copy of `text`.
    CompactString& operator=(const std::string& text) { return *this = std::string_view(text); }
    /// Replaces the bytes with a copy of `text` (which may point into this string), as
    /// std::string::assign does.
    CompactString& assign(std::string_view text) { return *this = text; }
    /// Appends a copy of `text` (which may point into this string): a new value of both, as
    /// std::string's += gives, built anew rather than grown in place. Throws std::bad_alloc,
    /// std::length_error past 2^32 - 1 bytes.
    CompactString& operator+=(std::string_view text);
    /// Makes the string empty, giving back its heap block. Throws nothing.
    void clear() noexcept {
        release();
        set_inline(0);
    }
    ~CompactString() { release(); }

    /// The bytes, followed by a NUL. Throws nothing.
    const char* data() const noexcept { return on_heap() ? heap_data() : raw_; }
    /// The bytes, followed by a NUL. Throws nothing.
    const char* c_str() const noexcept { return data(); }
    /// Length in bytes. Throws nothing.
    std::size_t size() const noexcept {
        if (on_heap()) {
            std::uint32_t n = 0;
            std::memcpy(&n, raw_ + sizeof(char*), sizeof n);
            return n;
        }
        return inline_capacity - static_cast<unsigned char>(raw_[inline_capacity]);
    }
    /// True when the bytes are borrowed (borrowing()), not owned. Throws nothing.
    bool borrows() const noexcept {
        return static_cast<unsigned char>(raw_[inline_capacity]) == borrowed_tag;
    }
    /// Exchanges the bytes of two strings. Throws nothing.
    void swap(CompactString& other) noexcept {
        char tmp[sizeof raw_];
        std::memcpy(tmp, raw_, sizeof raw_);
        std::memcpy(raw_, other.raw_, sizeof raw_);
        std::memcpy(other.raw_, tmp, sizeof raw_);
    }

    /// Longest text kept inline, in bytes.
    static constexpr std::size_t inline_capacity = 15;

  private:
    // Marks a string whose bytes are elsewhere in the last byte: a heap block it owns, or text
    // it borrows; an inline one holds 0..15 there.
    static constexpr unsigned char heap_tag = 0xFF;
    static constexpr unsigned char borrowed_tag = 0xFE;

    // True when the bytes are elsewhere, owned or borrowed.
    bool on_heap() const noexcept {
        return static_cast<unsigned char>(raw_[inline_capacity]) >= borrowed_tag;
    }
    // The length as stored; throws std::length_error past 2^32 - 1 bytes.
    static std::uint32_t checked_size(std::size_t n);
    // Keeps a pointer and a length; the caller sets the tag.
    void point_to(const char* text, std::uint32_t size) noexcept;
    const char* heap_data() const noexcept {
        const char* p = nullptr;
        std::memcpy(&p, raw_, sizeof p);
        return p;
    }
    void set_inline(std::size_t n) noexcept {
        raw_[n] = '\0';
        raw_[inline_capacity] = static_cast<char>(inline_capacity - n);
    }
    void construct(std::string_view text);  // into a string that owns nothing
    void release() noexcept;

    alignas(8) char raw_[16];
};

static_assert(sizeof(CompactString) == 16);

/// Writes the bytes, as a std::string's operator<< does. Throws what the stream throws.
std::ostream& operator<<(std::ostream& out, const CompactString& text);

/// A std::string holding `a` followed by `b`. Throws std::bad_alloc.
std::string operator+(const std::string& a, const CompactString& b);
/// A std::string holding `a` followed by `b`. Throws std::bad_alloc.
std::string operator+(const CompactString& a, const std::string& b);
/// A std::string holding `a` followed by `b`. Throws std::bad_alloc.
std::string operator+(const char* a, const CompactString& b);
/// A std::string holding `a` followed by `b`. Throws std::bad_alloc.
std::string operator+(const CompactString& a, const char* b);

}  // namespace entente
