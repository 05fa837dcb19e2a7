#include "entente/model/text.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>

namespace entente {

namespace {

// Marks an invalid byte: decoded as raw_byte + the byte, above every real code point.
constexpr char32_t raw_byte = 0x110000;

// Decodes one UTF-8 code point at `pos`; an invalid byte comes back as raw_byte + byte so that
// folding keeps it as it was rather than losing it or reading it as a letter.
char32_t decode(std::string_view s, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    auto cont = [&](std::size_t i) {
        return pos + i < s.size() && (static_cast<unsigned char>(s[pos + i]) & 0xC0) == 0x80;
    };
    auto byte = [&](std::size_t i) { return static_cast<char32_t>(s[pos + i] & 0x3F); };
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    if ((b0 & 0xE0) == 0xC0 && cont(1)) {
        const char32_t cp = (static_cast<char32_t>(b0 & 0x1F) << 6) | byte(1);
        pos += 2;
        return cp;
    }
    if ((b0 & 0xF0) == 0xE0 && cont(1) && cont(2)) {
        const char32_t cp = (static_cast<char32_t>(b0 & 0x0F) << 12) | (byte(1) << 6) | byte(2);
        pos += 3;
        return cp;
    }
    if ((b0 & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
        const char32_t cp =
            (static_cast<char32_t>(b0 & 0x07) << 18) | (byte(1) << 12) | (byte(2) << 6) | byte(3);
        pos += 4;
        return cp;
    }
    ++pos;
    return raw_byte + b0;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Base letters for U+00C0..U+00FF; '_' marks a symbol, upper-case letters stand for two-letter
// foldings (A = ae, T = th, S = ss).
constexpr std::string_view latin1 =
    "aaaaaaAceeeeiiiidnooooo_ouuuuyTS"
    "aaaaaaAceeeeiiiidnooooo_ouuuuyTy";
// Base letters for U+0100..U+017F; J = ij, O = oe.
constexpr std::string_view latin_extended_a =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiJJjjkkklllllllllln"
    "nnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

void append_folded_letter(char c, std::string& out) {
    switch (c) {
        case 'A':
            out += "ae";
            break;
        case 'T':
            out += "th";
            break;
        case 'S':
            out += "ss";
            break;
        case 'J':
            out += "ij";
            break;
        case 'O':
            out += "oe";
            break;
        default:
            out += c;
    }
}

// Returns false when the code point is a separator (space, punctuation, symbol).
bool fold_code_point(char32_t cp, std::string& out) {
    if (cp >= raw_byte) {
        out += static_cast<char>(cp - raw_byte);
        return true;
    }
    if (cp < 0x80) {
        const auto c = static_cast<char>(cp);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
            return true;
        }
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
            return true;
        }
        return false;
    }
    if (cp >= 0xC0 && cp <= 0xFF) {
        const char base = latin1[cp - 0xC0];
        if (base == '_') {
            return false;
        }
        append_folded_letter(base, out);
        return true;
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        append_folded_letter(latin_extended_a[cp - 0x100], out);
        return true;
    }
    if (cp == 0x18F || cp == 0x259) {  // schwa, as in Azərbaycan
        out += 'e';
        return true;
    }
    if (cp >= 0x300 && cp <= 0x36F) {  // combining accents vanish without separating
        return true;
    }
    if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F)) {
        return false;  // Latin-1 symbols, general punctuation (dashes, curly quotes), CJK marks
    }
    if (cp >= 0x391 && cp <= 0x3A9) {
        cp += 0x20;  // Greek capitals
    } else if (cp >= 0x410 && cp <= 0x42F) {
        cp += 0x20;  // Cyrillic capitals
    } else if (cp >= 0x400 && cp <= 0x40F) {
        cp += 0x50;
    }
    encode(cp, out);
    return true;
}

}  // namespace

std::string fold_name(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::string piece;
    bool separated = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = decode(text, pos);
        piece.clear();
        if (cp == '&') {
            // "&" reads as the word "and", so "Jammu & Kashmir" finds "Jammu and Kashmir".
            piece = "and";
            separated = true;
        } else if (!fold_code_point(cp, piece)) {
            separated = true;
            continue;
        }
        if (piece.empty()) {
            continue;  // a combining accent
        }
        if (separated && !out.empty()) {
            out += ' ';
        }
        out += piece;
        separated = cp == '&';
    }
    return out;
}

std::size_t utf8_length(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::u32string x;
    std::u32string y;
    for (std::size_t p = 0; p < a.size();) {
        x += decode(a, p);
    }
    for (std::size_t p = 0; p < b.size();) {
        y += decode(b, p);
    }
    // Optimal string alignment: a swap of two neighbours ("indai") costs one edit, like a typo.
    std::vector<std::size_t> prev2(y.size() + 1);
    std::vector<std::size_t> prev(y.size() + 1);
    std::vector<std::size_t> cur(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) {
        prev[j] = j;
    }
    for (std::size_t i = 1; i <= x.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            }
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[y.size()];
}

std::vector<std::string> nearest_names(std::string_view query,
                                       const std::vector<std::string>& candidates,
                                       std::size_t limit) {
    const std::string q = fold_name(query);
    const std::size_t q_len = utf8_length(q);
    // A plausible typo changes at most a third of the name (at least two letters).
    const std::size_t threshold = std::max<std::size_t>(2, q_len / 3);
    std::vector<std::tuple<std::size_t, std::string>> scored;
    for (const auto& candidate : candidates) {
        const std::string c = fold_name(candidate);
        std::size_t score = edit_distance(q, c);
        // A name that contains what was typed is a good guess even when much longer.
        if (q_len >= 3 && c.find(q) != std::string::npos) {
            score = std::min<std::size_t>(score, 1);
        }
        // Replacing every letter is no typo ("c" is not a misspelt "a").
        if (score <= threshold && score < q_len) {
            scored.emplace_back(score, candidate);
        }
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (const auto& [score, name] : scored) {
        // Only the best guesses: a near miss should not be buried under remote ones.
        if (out.size() == limit || score > std::get<0>(scored.front())) {
            break;
        }
        if (std::find(out.begin(), out.end(), name) == out.end()) {
            out.push_back(name);
        }
    }
    return out;
}

}  // namespace entente
