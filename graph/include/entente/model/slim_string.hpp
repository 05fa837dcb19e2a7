#pragma once
/// @file SlimString: a text in 8 bytes, for the texts a claim has but rarely reads (quote,
/// asserted_by, note): inline up to 6 bytes, else a pointer and a length packed in one word
/// (docs/architecture.md, "Memory").

#include <bit>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iosfwd>
#include <string>
#include <string_view>

#include "entente/model/compact_string.hpp"
#include "entente/model/string_reading.hpp"

namespace entente {

// The packing below keeps a pointer in the low 48 bits of a little-endian word: user-space
// addresses on x86-64 and AArch64 Linux take at most 48 bits (47 on x86-64 unless a program
// asks mmap for more, which entente does not).
static_assert(sizeof(void*) == 8 && std::endian::native == std::endian::little,
              "SlimString packs a 48-bit pointer into a little-endian 64-bit word");

/// A string of bytes in 8 bytes, with std::string's reading interface (data, size, view, ==,
/// <=>): inline when it has 6 bytes or fewer; else it owns a heap block, or borrows bytes it
/// does not own (borrowing(), for a dataset's TextArena) when they are at most
/// borrowed_capacity long. A CompactString takes 16 bytes and keeps 15 inline: a SlimString is
/// for the texts that are mostly empty or long (a claim's quote, asserted_by and note), where
/// those 8 bytes a text are 24 MB of a 10^6-claim load. The bytes are always followed by a NUL
/// (c_str). A copy owns its bytes; a move passes borrowed ones on. Owning a block at an address
/// past 48 bits (which Linux does not hand out unasked) throws std::bad_alloc.
class SlimString : public StringReading<SlimString> {
  public:
    /// An empty string. Throws nothing.
    SlimString() noexcept { set_inline(0); }
    /// A copy of `text`. Throws std::bad_alloc.
    SlimString(std::string_view text) { construct(text); }
    SlimString(const char* text) { construct(std::string_view(text)); }
    SlimString(const std::string& text) { construct(std::string_view(text)); }
    /// A copy of `text` (explicit: a claim's texts are SlimStrings, a source's CompactStrings).
    explicit SlimString(const CompactString& text) { construct(text.view()); }
    /// A copy that owns its bytes, wherever `other`'s are. Throws std::bad_alloc.
    SlimString(const SlimString& other) { construct(other.view()); }
    /// Takes `other`'s bytes (borrowed ones stay borrowed); `other` is left empty. Throws
    /// nothing.
    SlimString(SlimString&& other) noexcept {
        std::memcpy(raw_, other.raw_, sizeof raw_);
        other.set_inline(0);
    }
    /// A string of `text`: inline when it fits, else borrowing its bytes when they are at most
    /// borrowed_capacity long (they, and the NUL that must follow them, must then outlive it and
    /// every string moved from it), else a copy. Throws std::bad_alloc (for a copy).
    static SlimString borrowing(std::string_view text);

    SlimString& operator=(const SlimString& other) {
        if (this != &other) {
            SlimString copy(other);
            swap(copy);
        }
        return *this;
    }
    SlimString& operator=(SlimString&& other) noexcept {
        if (this != &other) {
            release();
            std::memcpy(raw_, other.raw_, sizeof raw_);
            other.set_inline(0);
        }
        return *this;
    }
    /// Replaces the bytes with a copy of `text`. Throws std::bad_alloc.
    SlimString& operator=(std::string_view text) {
        SlimString copy(text);
        swap(copy);
        return *this;
    }
    SlimString& operator=(const char* text) { return *this = std::string_view(text); }
    SlimString& operator=(const std::string& text) { return *this = std::string_view(text); }
    /// Empties the string. Throws nothing.
    void clear() noexcept {
        release();
        set_inline(0);
    }
    ~SlimString() { release(); }

    /// The bytes, followed by a NUL. Throws nothing.
    const char* data() const noexcept {
        const unsigned t = tag();
        if (t >= inline_tag && t <= inline_tag + inline_capacity) {
            return raw_;
        }
        return owns() ? pointer() + sizeof(std::size_t) : pointer();
    }
    /// The bytes, followed by a NUL. Throws nothing.
    const char* c_str() const noexcept { return data(); }
    /// Length in bytes. Throws nothing.
    std::size_t size() const noexcept {
        const unsigned t = tag();
        if (t >= inline_tag && t <= inline_tag + inline_capacity) {
            return t - inline_tag;
        }
        if (owns()) {
            std::size_t n = 0;
            std::memcpy(&n, pointer(), sizeof n);
            return n;
        }
        return static_cast<std::size_t>(word() >> 48);
    }
    /// True when the bytes are borrowed (borrowing()), not owned nor inline. Throws nothing.
    bool borrows() const noexcept { return tag() < inline_tag && !owns(); }
    /// Exchanges the bytes of two strings. Throws nothing.
    void swap(SlimString& other) noexcept {
        char tmp[sizeof raw_];
        std::memcpy(tmp, raw_, sizeof raw_);
        std::memcpy(raw_, other.raw_, sizeof raw_);
        std::memcpy(other.raw_, tmp, sizeof raw_);
    }

    /// Equal when the bytes are (a claim's text against a source's). Throws nothing.
    friend bool operator==(const SlimString& a, const CompactString& b) noexcept {
        return a.view() == b.view();
    }

    /// A std::string holding `a` followed by `b`. Hidden friends, found only for a SlimString
    /// operand: std::string + std::string_view must not find them by converting the view.
    /// Throw std::bad_alloc.
    friend std::string operator+(const std::string& a, const SlimString& b) {
        return a + std::string(b.view());
    }
    friend std::string operator+(const SlimString& a, const std::string& b) {
        return std::string(a.view()) + b;
    }
    friend std::string operator+(const char* a, const SlimString& b) {
        return a + std::string(b.view());
    }
    friend std::string operator+(const SlimString& a, const char* b) {
        return std::string(a.view()) + b;
    }

    /// Longest text kept inline, in bytes.
    static constexpr std::size_t inline_capacity = 6;
    /// Longest text borrowed; a longer one is copied (the length shares the pointer's word).
    static constexpr std::size_t borrowed_capacity = 0x7FFF;

  private:
    // The word's high 16 bits say what the string is. 0: it owns the block the word points at
    // (its length, a std::size_t, then the bytes and a NUL), a plain pointer, which a leak
    // checker scanning memory for pointers recognizes (LeakSanitizer reported blocks held under
    // a tagged one as leaked). 0x0007 to 0x7FFF: it borrows that many bytes at the 48-bit pointer
    // below. A high byte of 0x80 to 0x86: inline, holding 0 to 6 bytes then NULs.
    static constexpr unsigned inline_tag = 0x80;
    static constexpr std::uint64_t pointer_mask = (std::uint64_t{1} << 48) - 1;

    std::uint64_t word() const noexcept {
        std::uint64_t w = 0;
        std::memcpy(&w, raw_, sizeof w);
        return w;
    }
    unsigned tag() const noexcept { return static_cast<unsigned char>(raw_[7]); }
    bool owns() const noexcept { return (word() >> 48) == 0; }
    const char* pointer() const noexcept {
        return reinterpret_cast<const char*>(static_cast<std::uintptr_t>(word() & pointer_mask));
    }
    // Packs a pointer (which must fit 48 bits) under a high 16 bits.
    void pack(const char* p, std::uint64_t high) noexcept {
        const std::uint64_t w =
            (static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(p))) | (high << 48);
        std::memcpy(raw_, &w, sizeof w);
    }
    static bool fits(const char* p) noexcept {
        return (static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(p)) & ~pointer_mask) ==
               0;
    }
    void set_inline(std::size_t n) noexcept {
        std::memset(raw_ + n, 0, sizeof raw_ - 1 - n);
        raw_[7] = static_cast<char>(inline_tag + n);
    }
    void construct(std::string_view text);  // into a string that owns nothing
    // Borrowed bytes belong to their arena, inline ones to this string: only an owned block is
    // freed. Inline, since a load assigns millions of strings that own nothing.
    void release() noexcept {
        if (owns()) {
            free_owned();
        }
    }
    void free_owned() noexcept;

    alignas(8) char raw_[8];
};

static_assert(sizeof(SlimString) == 8);

/// Writes the bytes, as a std::string's operator<< does. Throws what the stream throws.
std::ostream& operator<<(std::ostream& out, const SlimString& text);

}  // namespace entente
