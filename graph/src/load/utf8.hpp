#pragma once
// Internal: strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates (U+D800 to
// U+DFFF, which a JSON escape such as \udc00 can produce even where the file's bytes are valid),
// nothing past U+10FFFF.

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace entente::detail {

/// What is wrong with `text` as UTF-8 ("byte 0xFF (byte 4 of the string) does not start a valid
/// character", "a lone surrogate U+DC00 (byte 5 of the string), which is not a character"), or
/// nullopt when it is valid.
inline std::optional<std::string> utf8_problem_slow(std::string_view text);

/// True when every byte of `text` is ASCII: most ids, names and quotes, checked eight bytes at a
/// time without a call.
inline bool is_ascii(std::string_view text) {
    const char* s = text.data();
    std::size_t i = 0;
    std::uint64_t high = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, s + i, 8);
        high |= word;
    }
    for (; i < text.size(); ++i) {
        high |= static_cast<unsigned char>(s[i]);
    }
    return (high & 0x8080808080808080ULL) == 0;
}

/// What is wrong with `text` as UTF-8, or nullopt when it is valid (see utf8_problem_slow).
inline std::optional<std::string> utf8_problem(std::string_view text) {
    if (is_ascii(text)) {
        return std::nullopt;
    }
    return utf8_problem_slow(text);
}

inline std::optional<std::string> utf8_problem_slow(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    auto hex = [](unsigned v, int digits) {
        static constexpr char d[] = "0123456789ABCDEF";
        std::string out;
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out += d[(v >> shift) & 0xF];
        }
        return out;
    };
    auto where = [](std::size_t at) { return " (byte " + std::to_string(at) + " of the string)"; };
    auto bad_byte = [&](std::size_t at) {
        return "byte 0x" + hex(s[at], 2) + where(at) + " does not start a valid character";
    };
    while (i < n) {
        // Most text is ASCII: eight bytes at a time while no high bit is set.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if ((word & 0x8080808080808080ULL) != 0) {
                break;
            }
            i += 8;
        }
        if (i >= n) {
            break;
        }
        const unsigned char b = s[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t cp = 0;
        std::uint32_t min = 0;
        if ((b & 0xE0) == 0xC0) {
            length = 2;
            cp = b & 0x1F;
            min = 0x80;
        } else if ((b & 0xF0) == 0xE0) {
            length = 3;
            cp = b & 0x0F;
            min = 0x800;
        } else if ((b & 0xF8) == 0xF0) {
            length = 4;
            cp = b & 0x07;
            min = 0x10000;
        } else {
            return bad_byte(i);
        }
        if (i + length > n) {
            return "a character cut short" + where(i);
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return bad_byte(i);
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min) {
            return "an overlong encoding" + where(i);
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return "a lone surrogate U+" + hex(cp, 4) + where(i) + ", which is not a character";
        }
        if (cp > 0x10FFFF) {
            return "a code point past U+10FFFF" + where(i);
        }
        i += length;
    }
    return std::nullopt;
}

}  // namespace entente::detail
