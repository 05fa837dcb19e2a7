#include "entente/curate/quotes.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

namespace entente {

namespace {

bool is_quote_mark(UChar32 c) {
    switch (c) {
        case '\'':
        case '"':
        case 0x2018:  // ‘
        case 0x2019:  // ’
        case 0x201A:  // ‚
        case 0x201B:  // ‛
        case 0x201C:  // “
        case 0x201D:  // ”
        case 0x201E:  // „
        case 0x201F:  // ‟
        case 0x00AB:  // «
        case 0x00BB:  // »
        case 0x2039:  // ‹
        case 0x203A:  // ›
        case 0x2032:  // ′
        case 0x2033:  // ″
            return true;
        default:
            return false;
    }
}

void append_utf8(std::string& out, UChar32 c) {
    char buffer[4];
    std::int32_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, 4, c, error);
    if (error) {
        out += "\xEF\xBF\xBD";  // cannot happen for a decoded code point; U+FFFD if it did
        return;
    }
    out.append(buffer, static_cast<std::size_t>(length));
}

constexpr std::array<std::string_view, 22> hedges = {
    "seem",       "seems",      "seemed",        "seemingly",       "appear to", "appears to",
    "apparently", "arguably",   "can be argued", "could be argued", "may",       "might",
    "could",      "perhaps",    "possibly",      "probably",        "likely",    "unlikely",
    "presumably", "reportedly", "allegedly",     "supposedly",
};

bool ascii_word_char(char c) {
    // Bytes of multi-byte characters count as letters: a word next to one is not whole.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (static_cast<unsigned char>(c) & 0x80) != 0;
}

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string fold_for_quotes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    while (i < length) {
        const std::int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            // Not well-formed: the bytes stand for themselves.
            if (space && !out.empty()) {
                out += ' ';
            }
            space = false;
            out.append(
                text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
            continue;
        }
        if (u_isUWhiteSpace(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty()) {
            out += ' ';
        }
        space = false;
        append_utf8(out, is_quote_mark(c) ? UChar32{'\''} : u_foldCase(c, U_FOLD_CASE_DEFAULT));
    }
    return out;
}

std::vector<std::string> quote_parts(std::string_view quote) {
    std::vector<std::string> parts;
    auto add = [&](std::string_view part) {
        std::string folded = fold_for_quotes(part);
        if (!folded.empty()) {
            parts.push_back(std::move(folded));
        }
    };
    std::size_t begin = 0;
    std::size_t i = 0;
    while (i < quote.size()) {
        std::size_t end = 0;  // past the ellipsis, when one starts at i
        if (quote.compare(i, 3, "\xE2\x80\xA6") == 0) {
            end = i + 3;
        } else if (quote.compare(i, 3, "...") == 0) {
            end = i + 3;
            while (end < quote.size() && quote[end] == '.') {
                ++end;
            }
        }
        if (end == 0) {
            ++i;
            continue;
        }
        std::size_t cut = i;
        if (cut > begin && (quote[cut - 1] == '[' || quote[cut - 1] == '(') && end < quote.size() &&
            (quote[end] == ']' || quote[end] == ')')) {
            --cut;
            ++end;
        }
        add(quote.substr(begin, cut - begin));
        begin = end;
        i = end;
    }
    add(quote.substr(begin));
    return parts;
}

QuoteText::QuoteText(std::string_view text)
    : folded_(fold_for_quotes(text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text)) {}

QuoteMatch QuoteText::find(std::string_view quote) const {
    QuoteMatch match;
    const std::vector<std::string> parts = quote_parts(quote);
    match.parts = parts.size();
    std::size_t from = 0;
    for (const std::string& part : parts) {
        const std::size_t at = folded_.find(part, from);
        if (at == std::string::npos) {
            match.missing = part;
            return match;
        }
        from = at + part.size();
    }
    match.found = !parts.empty();
    return match;
}

std::span<const std::string_view> hedging_words() {
    return hedges;
}

std::vector<std::string> find_hedging_words(std::string_view quote) {
    // Whitespace runs as one space; case kept, so that "may" can be told from "May".
    std::string text;
    bool space = false;
    for (char c : quote) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !text.empty()) {
            text += ' ';
        }
        space = false;
        text += c;
    }
    std::vector<std::string> found;
    for (std::string_view hedge : hedges) {
        const bool exact_case = hedge == "may";
        for (std::size_t at = 0; at + hedge.size() <= text.size(); ++at) {
            bool same = true;
            for (std::size_t k = 0; k < hedge.size() && same; ++k) {
                const char c = text[at + k];
                same = (exact_case ? c : ascii_lower(c)) == hedge[k];
            }
            if (same && (at == 0 || !ascii_word_char(text[at - 1])) &&
                (at + hedge.size() == text.size() || !ascii_word_char(text[at + hedge.size()]))) {
                found.emplace_back(hedge);
                break;
            }
        }
    }
    return found;
}

}  // namespace entente
