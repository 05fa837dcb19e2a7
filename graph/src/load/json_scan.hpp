#pragma once
// Internal: the relay's parsing thread reads JSON with this scanner first, and with RapidJSON
// only from a file's first surprise on. RapidJSON copies every string onto its stack before
// its handler sees it; the relay then hands the loading thread a pointer into the file instead,
// so the copy was wasted, and it was most of the parsing thread's time (a third of a core at
// 10^6 claims, with the prefaulter's page zeroing on the same core). The scanner reads only the
// JSON a well-formed dataset is made of, and gives the same SAX events at the same stream
// positions as RapidJSON 1.1 parsing with kParseStopWhenDoneFlag | kParseNumbersAsStringsFlag.
// At anything else (any syntax error, a number of more digits than RapidJSON reads without a
// check, nesting past the cap or past 64 levels) it stops before the event it is unsure of and says
// how many it gave: the relay then runs RapidJSON from the start, passing over that many events, so
// every error, message and position is RapidJSON's own (the test compares the two event by event on
// the corpora, their one-byte deletions and random texts).

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#ifdef RAPIDJSON_SSE2
#include <emmintrin.h>
#endif

namespace entente::detail {

/// A SAX event of RapidJSON's handler concept, as the relay records it.
enum class SaxKind : std::uint8_t {
    null,
    boolean_false,
    boolean_true,
    number,
    string,
    key,
    start_object,
    start_array,
    end_object,
    end_array
};

/// How a scan ended: the root value read whole (`end` is just past it, as RapidJSON's Tell()
/// is once Parse returns), the scanner unsure (parse again with RapidJSON, passing over the
/// events given), or the sink refused an event.
enum class ScanEnd : std::uint8_t { done, unsure, refused };

/// Scans `text` (with a NUL one past its end, which bounds every read) from `start`, calling
/// `sink(kind, offset, length, decoded, ascii)` for each event: `offset` is RapidJSON's stream
/// Tell() at that handler call (a string's or key's opening quote, a number's first byte, just past
/// a literal or a bracket); `length` the bytes of a string, key or number (0 otherwise);
/// `decoded` null when the text is the file's bytes from the token's start (after the quote),
/// else the string with its escapes decoded; `ascii` true for a string or key without escapes
/// whose bytes are all ASCII (and, as in any string scanned, none below 0x20: no NUL, so its
/// UTF-8 and its NULs need no check). The sink returns false to stop. Containers may
/// open at most `max_depth` deep. Sets `end` to where the scan stopped. Throws what the sink
/// throws, and std::bad_alloc.
namespace scan {

// The four hex digits at `q` (read no further than a non-hex byte, so never past the NUL).
inline bool hex4(const char* q, unsigned& code) {
    code = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = q[i];
        unsigned digit = 0;
        if (c >= '0' && c <= '9') {
            digit = static_cast<unsigned>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            digit = static_cast<unsigned>(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            digit = static_cast<unsigned>(c - 'A' + 10);
        } else {
            return false;
        }
        code = code * 16 + digit;
    }
    return true;
}

// `code` (below 0x110000) appended as UTF-8, as RapidJSON's UTF8::Encode writes it.
inline void append_utf8(std::string& out, unsigned code) {
    auto byte = [&](unsigned b) { out.push_back(static_cast<char>(b)); };
    if (code <= 0x7F) {
        byte(code);
    } else if (code <= 0x7FF) {
        byte(0xC0 | (code >> 6));
        byte(0x80 | (code & 0x3F));
    } else if (code <= 0xFFFF) {
        byte(0xE0 | (code >> 12));
        byte(0x80 | ((code >> 6) & 0x3F));
        byte(0x80 | (code & 0x3F));
    } else {
        byte(0xF0 | (code >> 18));
        byte(0x80 | ((code >> 12) & 0x3F));
        byte(0x80 | ((code >> 6) & 0x3F));
        byte(0x80 | (code & 0x3F));
    }
}

}  // namespace scan

template <class Sink>
ScanEnd scan_json(std::string_view text, std::size_t start, std::size_t max_depth, Sink& sink,
                  std::size_t& end) {
    using scan::append_utf8;
    using scan::hex4;
    const char* const base = text.data();
    const char* p = base + start;
    std::string decoded;
    // One bit a level: 1 for an object. Nesting beyond 64 levels is left to RapidJSON.
    std::uint64_t objects = 0;
    std::size_t depth = 0;
    const std::size_t depth_cap = max_depth < 64 ? max_depth : 64;
    auto at = [&](const char* q) { return static_cast<std::size_t>(q - base); };
    auto finish = [&](ScanEnd how) {
        end = at(p);
        return how;
    };
    auto skip_space = [&] {
        while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') {
            ++p;
        }
    };
    // The first '"', '\\' or byte below 0x20 (the NUL after the text among them) at or after q;
    // `high` gets a nonzero bit if a byte before it is not ASCII.
    auto special = [](const char* q, unsigned& high) {
        const auto plain = [](char c) {
            return c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20;
        };
#ifdef RAPIDJSON_SSE2
        // Byte by byte to a 16-byte boundary, then aligned blocks, as RapidJSON's own scan: a
        // block never reaches into a page past the one holding the terminating NUL.
        for (; (reinterpret_cast<std::uintptr_t>(q) & 15U) != 0; ++q) {
            if (!plain(*q)) {
                return q;
            }
            high |= static_cast<unsigned char>(*q) & 0x80U;
        }
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        const __m128i control = _mm_set1_epi8(0x1F);
        for (;; q += 16) {
            const __m128i x = _mm_load_si128(reinterpret_cast<const __m128i*>(q));
            const __m128i hit =
                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                             _mm_cmpeq_epi8(_mm_max_epu8(x, control), control));
            const auto top = static_cast<unsigned>(_mm_movemask_epi8(x));  // bytes >= 0x80
            if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit)); mask != 0) {
                high |= top & ((mask & (0U - mask)) - 1);  // those before the hit
                return q + __builtin_ctz(mask);
            }
            high |= top;
        }
#else
        while (plain(*q)) {
            high |= static_cast<unsigned char>(*q) & 0x80U;
            ++q;
        }
        return q;
#endif
    };
    auto digits = [&](std::size_t most) {
        const char* first = p;
        while (*p >= '0' && *p <= '9' && static_cast<std::size_t>(p - first) <= most) {
            ++p;
        }
        return static_cast<std::size_t>(p - first);
    };
    auto emit = [&](SaxKind kind, const char* offset, std::size_t length, const char* text_of,
                    bool ascii = false) {
        return sink(kind, at(offset), static_cast<std::uint32_t>(length), text_of, ascii);
    };

    skip_space();
    enum class Next { value, key, after_value } next = Next::value;
    for (;;) {
        switch (next) {
            case Next::value:
                switch (*p) {
                    case '{':
                    case '[': {
                        const bool object = *p == '{';
                        if (depth == depth_cap) {
                            return finish(ScanEnd::unsure);
                        }
                        ++p;
                        if (!emit(object ? SaxKind::start_object : SaxKind::start_array, p, 0,
                                  nullptr)) {
                            return finish(ScanEnd::refused);
                        }
                        objects = (objects & ~(std::uint64_t{1} << depth)) |
                                  (std::uint64_t{object} << depth);
                        ++depth;
                        skip_space();
                        // An empty container closes as one after its last value does.
                        next = *p == (object ? '}' : ']') ? Next::after_value
                               : object                   ? Next::key
                                                          : Next::value;
                        continue;
                    }
                    case '"':
                        break;  // below, with keys
                    case 'n':
                    case 't':
                    case 'f': {
                        const std::string_view word = *p == 'n'   ? std::string_view("null")
                                                      : *p == 't' ? std::string_view("true")
                                                                  : std::string_view("false");
                        for (std::size_t i = 1; i < word.size(); ++i) {
                            if (p[i] != word[i]) {  // stops at the NUL, never past it
                                return finish(ScanEnd::unsure);
                            }
                        }
                        p += word.size();
                        if (!emit(word[0] == 'n'   ? SaxKind::null
                                  : word[0] == 't' ? SaxKind::boolean_true
                                                   : SaxKind::boolean_false,
                                  p, 0, nullptr)) {
                            return finish(ScanEnd::refused);
                        }
                        next = Next::after_value;
                        continue;
                    }
                    default: {
                        // A number RapidJSON reads without a range check: up to 9 integer
                        // digits (it switches to 64 bits at 10), up to 15 of fraction, an
                        // exponent of up to 2 digits.
                        const char* first = p;
                        if (*p == '-') {
                            ++p;
                        }
                        if (*p == '0') {
                            ++p;
                        } else if (*p >= '1' && *p <= '9') {
                            if (digits(9) > 9) {
                                return finish(ScanEnd::unsure);
                            }
                        } else {
                            p = first;
                            return finish(ScanEnd::unsure);
                        }
                        if (*p == '.') {
                            ++p;
                            if (const std::size_t n = digits(15); n == 0 || n > 15) {
                                p = first;
                                return finish(ScanEnd::unsure);
                            }
                        }
                        if (*p == 'e' || *p == 'E') {
                            ++p;
                            if (*p == '+' || *p == '-') {
                                ++p;
                            }
                            if (const std::size_t n = digits(2); n == 0 || n > 2) {
                                p = first;
                                return finish(ScanEnd::unsure);
                            }
                        }
                        if (*p >= '0' && *p <= '9') {  // "01": RapidJSON stops after the 0
                            p = first;
                            return finish(ScanEnd::unsure);
                        }
                        if (!emit(SaxKind::number, first, static_cast<std::size_t>(p - first),
                                  nullptr)) {
                            return finish(ScanEnd::refused);
                        }
                        next = Next::after_value;
                        continue;
                    }
                }
                [[fallthrough]];
            case Next::key: {
                if (*p != '"') {
                    return finish(ScanEnd::unsure);
                }
                const bool key = next == Next::key;
                const char* quote = p;
                const char* from = p + 1;
                unsigned high = 0;
                const char* q = special(from, high);
                const char* decoded_text = nullptr;
                std::size_t length = static_cast<std::size_t>(q - from);
                if (*q == '\\') {
                    decoded.assign(from, q);
                    while (*q == '\\') {
                        char c = q[1];
                        switch (c) {
                            case '"':
                            case '\\':
                            case '/':
                                break;
                            case 'b':
                                c = '\b';
                                break;
                            case 'f':
                                c = '\f';
                                break;
                            case 'n':
                                c = '\n';
                                break;
                            case 'r':
                                c = '\r';
                                break;
                            case 't':
                                c = '\t';
                                break;
                            case 'u': {
                                // As RapidJSON: a high surrogate must be followed by an
                                // escaped low one, and the pair makes one code point; any
                                // other code point (a lone low surrogate, U+0000 too) is
                                // written as UTF-8 as it is, for the reader to judge.
                                unsigned code = 0;
                                if (!hex4(q + 2, code)) {
                                    return finish(ScanEnd::unsure);
                                }
                                const char* rest = q + 6;
                                if (code >= 0xD800 && code <= 0xDBFF) {
                                    unsigned low = 0;
                                    if (rest[0] != '\\' || rest[1] != 'u' || !hex4(rest + 2, low) ||
                                        low < 0xDC00 || low > 0xDFFF) {
                                        return finish(ScanEnd::unsure);
                                    }
                                    code = (((code - 0xD800) << 10) | (low - 0xDC00)) + 0x10000;
                                    rest += 6;
                                }
                                append_utf8(decoded, code);
                                q = special(rest, high);
                                decoded.append(rest, q);
                                continue;
                            }
                            default:  // not an escape
                                return finish(ScanEnd::unsure);
                        }
                        decoded.push_back(c);
                        const char* rest = q + 2;
                        q = special(rest, high);
                        decoded.append(rest, q);
                    }
                    decoded_text = decoded.data();
                    length = decoded.size();
                }
                if (*q != '"' || length > std::numeric_limits<std::uint32_t>::max()) {
                    return finish(ScanEnd::unsure);  // a control byte, a NUL, the text's end
                }
                p = q + 1;
                if (!emit(key ? SaxKind::key : SaxKind::string, quote, length, decoded_text,
                          decoded_text == nullptr && high == 0)) {
                    p = quote;
                    return finish(ScanEnd::refused);
                }
                if (key) {
                    skip_space();
                    if (*p != ':') {
                        return finish(ScanEnd::unsure);
                    }
                    ++p;
                    skip_space();
                    next = Next::value;
                } else {
                    next = Next::after_value;
                }
                continue;
            }
            case Next::after_value: {
                if (depth == 0) {
                    return finish(ScanEnd::done);
                }
                skip_space();
                const bool object = ((objects >> (depth - 1)) & 1U) != 0;
                if (*p == ',') {
                    ++p;
                    skip_space();
                    next = object ? Next::key : Next::value;
                    continue;
                }
                if (*p != (object ? '}' : ']')) {
                    return finish(ScanEnd::unsure);
                }
                ++p;
                --depth;
                if (!emit(object ? SaxKind::end_object : SaxKind::end_array, p, 0, nullptr)) {
                    return finish(ScanEnd::refused);
                }
                continue;
            }
        }
    }
}

}  // namespace entente::detail
