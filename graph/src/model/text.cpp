#include "entente/model/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "model/suggest.hpp"

namespace entente {

namespace {

// The code point at `pos`, moving `pos` past it; a negative value for an ill-formed sequence,
// with `pos` past its maximal subpart. ICU's U8_NEXT is strict UTF-8: no overlong forms, encoded
// surrogates or code points past U+10FFFF.
UChar32 next_code_point(std::string_view s, std::size_t& pos) {
    UChar32 c = 0;
    // The macro's own arithmetic converts int to uint8_t; the values are bytes.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
    U8_NEXT(s.data(), pos, s.size(), c);
#pragma GCC diagnostic pop
    return c;
}

void append_utf8(std::string& out, UChar32 c) {
    char bytes[U8_MAX_LENGTH];
    std::size_t n = 0;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
    U8_APPEND_UNSAFE(bytes, n, c);
#pragma GCC diagnostic pop
    out.append(bytes, n);
}

// ---- Folding -----------------------------------------------------------------------------------

// Each ASCII character folded: a lowercase letter or digit, '&' for itself, 0 for a separator.
constexpr std::array<char, 128> ascii_folding = [] {
    std::array<char, 128> table{};
    for (char c = '0'; c <= '9'; ++c) {
        table[static_cast<std::size_t>(c)] = c;
    }
    for (char c = 'a'; c <= 'z'; ++c) {
        table[static_cast<std::size_t>(c)] = c;
        table[static_cast<std::size_t>(c - 'a' + 'A')] = c;
    }
    table['&'] = '&';
    return table;
}();

// Collects folded words: a separator between two words becomes one space, none at either end.
class Words {
  public:
    explicit Words(std::size_t size_hint) { out_.reserve(size_hint); }
    void letter(char c) {
        start_word();
        out_ += c;
    }
    void letter(UChar32 c) {
        start_word();
        append_utf8(out_, c);
    }
    void separator() { separated_ = true; }
    // "&" reads as the word "and", so "Jammu & Kashmir" finds "Jammu and Kashmir".
    void ampersand() {
        separated_ = true;
        start_word();
        out_ += "and";
        separated_ = true;
    }
    // An ASCII character, folded; the one rule for the fast path and for ICU's output.
    void ascii(char c) {
        const char folded = ascii_folding[static_cast<unsigned char>(c) & 0x7F];
        if (folded == 0) {
            separated_ = true;
        } else if (folded == '&') {
            ampersand();
        } else {
            letter(folded);
        }
    }
    std::string take() { return std::move(out_); }

  private:
    void start_word() {
        if (separated_ && !out_.empty()) {
            out_ += ' ';
        }
        separated_ = false;
    }
    std::string out_;
    bool separated_ = false;
};

void check(UErrorCode status, const char* what) {
    if (status == U_MEMORY_ALLOCATION_ERROR) {
        throw std::bad_alloc();
    }
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU cannot ") + what + ": " + u_errorName(status));
    }
}

struct Normalizers {
    const icu::Normalizer2* nfkd = nullptr;
    const icu::Normalizer2* nfkc_casefold = nullptr;
};

const Normalizers& normalizers() {
    // ICU's shared, immutable singletons: safe to use from any thread.
    static const Normalizers n = [] {
        Normalizers made;
        UErrorCode status = U_ZERO_ERROR;
        made.nfkd = icu::Normalizer2::getNFKDInstance(status);
        check(status, "load the NFKD normalizer");
        made.nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
        check(status, "load the NFKC_Casefold normalizer");
        return made;
    }();
    return n;
}

// CLDR's Latin-ASCII leaves out a few letters of national languages' alphabets: schwa
// (Azerbaijani "Azərbaycan"), turned e, open o (Akan, Ewe). Its rules keep any other letter.
constexpr char16_t to_ascii_rules[] = u"::Latin-ASCII; \u0259 > e; \u01DD > e; \u0254 > o;";

using AsciiSpellings = std::unordered_map<UChar32, std::u32string>;

// The ASCII spelling of every Latin letter beyond ASCII that Latin-ASCII changes (902 of 1,429
// in ICU 72). Made once, when the first such letter is met: loading ICU's transform data and
// parsing the rules takes some 30 ms, running them ~2 us a name, a table lookup nanoseconds.
// Letter by letter is the same as in context here: its rules look at context only for case,
// and the text is case-folded by then. Immutable once made, so no transliterator (which is not
// thread-safe, ICU's translit.h) is shared between threads.
const AsciiSpellings& ascii_spellings() {
    static const AsciiSpellings table = [] {
        UErrorCode status = U_ZERO_ERROR;
        UParseError where{};
        const std::unique_ptr<icu::Transliterator> to_ascii(icu::Transliterator::createFromRules(
            "entente-Latin-ASCII", icu::UnicodeString(to_ascii_rules), UTRANS_FORWARD, where,
            status));
        check(status, "build the Latin-ASCII transliterator");
        const icu::UnicodeSet latin(icu::UnicodeString(u"[[:Latin:]-[\\u0000-\\u007F]]"), status);
        check(status, "list the Latin letters");
        AsciiSpellings made;
        for (int32_t r = 0; r < latin.getRangeCount(); ++r) {
            for (UChar32 c = latin.getRangeStart(r); c <= latin.getRangeEnd(r); ++c) {
                icu::UnicodeString text(c);
                to_ascii->transliterate(text);
                if (text == icu::UnicodeString(c)) {
                    continue;
                }
                std::u32string spelt;
                for (int32_t i = 0; i < text.length();) {
                    const UChar32 x = text.char32At(i);
                    i += U16_LENGTH(x);
                    spelt += static_cast<char32_t>(x);
                }
                made.emplace(c, std::move(spelt));
            }
        }
        return made;
    }();
    return table;
}

// An accent: a nonspacing mark that Unicode calls a diacritic, or any in the blocks of generic
// combining accents. Vowel signs of Brahmic scripts are nonspacing marks too, but letters.
bool is_accent(UChar32 c) {
    if (c < 0x300 || u_charType(c) != U_NON_SPACING_MARK) {  // no mark comes before U+0300
        return false;
    }
    if (u_hasBinaryProperty(c, UCHAR_DIACRITIC)) {
        return true;
    }
    const UBlockCode block = ublock_getCode(c);
    return block == UBLOCK_COMBINING_DIACRITICAL_MARKS ||
           block == UBLOCK_COMBINING_DIACRITICAL_MARKS_EXTENDED ||
           block == UBLOCK_COMBINING_DIACRITICAL_MARKS_SUPPLEMENT ||
           block == UBLOCK_COMBINING_MARKS_FOR_SYMBOLS || block == UBLOCK_COMBINING_HALF_MARKS;
}

bool is_latin(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_LATIN;
}

// One character of folded text: a letter, digit or mark is kept, anything else separates.
void classify(UChar32 c, Words& words) {
    constexpr std::uint32_t separators =
        U_GC_Z_MASK | U_GC_P_MASK | U_GC_S_MASK | U_GC_CC_MASK | U_GC_CF_MASK;
    if (c < 0x80) {
        words.ascii(static_cast<char>(c));
    } else if ((U_GET_GC_MASK(c) & separators) != 0) {
        words.separator();
    } else {
        words.letter(c);
    }
}

// Folds well-formed UTF-8 that has at least one non-ASCII character.
void fold_unicode(std::string_view text, Words& words) {
    const Normalizers& icu = normalizers();
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed;
    icu.nfkd->normalize(icu::UnicodeString::fromUTF8(
                            icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                        decomposed, status);
    check(status, "decompose text");
    // The text without its accents, written unit by unit (appending to a UnicodeString one code
    // point at a time costs a third of the folding).
    std::u16string bare;
    bare.reserve(static_cast<std::size_t>(decomposed.length()));
    const char16_t* from = decomposed.getBuffer();
    const int32_t from_length = decomposed.length();
    for (int32_t i = 0; i < from_length;) {
        const int32_t start = i;
        UChar32 c = 0;
        U16_NEXT(from, i, from_length, c);
        if (!is_accent(c)) {
            bare.append(from + start, from + i);
        }
    }
    // Case folding after the accents are gone: no folded letter brings an accent back (checked
    // for every code point: tests/unit/test_text.cpp), and İ loses its dot rather than folding to
    // i with a combining dot.
    icu::UnicodeString folded;
    // A read-only alias: no copy.
    icu.nfkc_casefold->normalize(
        icu::UnicodeString(false, bare.data(), static_cast<int32_t>(bare.size())), folded, status);
    check(status, "case-fold text");
    const char16_t* units = folded.getBuffer();
    const int32_t length = folded.length();
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U16_NEXT(units, i, length, c);
        if (c >= 0x80 && is_latin(c)) {
            const AsciiSpellings& spellings = ascii_spellings();
            if (const auto it = spellings.find(c); it != spellings.end()) {
                for (const char32_t x : it->second) {
                    classify(static_cast<UChar32>(x), words);
                }
                continue;
            }
        }
        classify(c, words);
    }
}

}  // namespace

std::string fold_name(std::string_view text) {
    Words words(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        // The longest run of ASCII, then of well-formed UTF-8, then of invalid bytes.
        std::size_t end = pos;
        while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80) {
            ++end;
        }
        for (std::size_t i = pos; i < end; ++i) {
            words.ascii(text[i]);
        }
        pos = end;
        if (pos == text.size()) {
            break;
        }
        // Well-formed UTF-8 up to the next invalid sequence.
        std::size_t good_end = pos;
        std::size_t bad_end = pos;
        while (good_end < text.size()) {
            std::size_t next = good_end;
            if (next_code_point(text, next) < 0) {
                bad_end = next;
                break;
            }
            good_end = next;
        }
        if (good_end > pos) {
            fold_unicode(text.substr(pos, good_end - pos), words);
        }
        // An invalid byte is kept as it was rather than lost or read as a letter it is not.
        for (std::size_t i = good_end; i < bad_end; ++i) {
            words.letter(text[i]);
        }
        pos = std::max(good_end, bad_end);
    }
    return words.take();
}

// ---- Edit distance and suggestions -------------------------------------------------------------

namespace {

// Marks an invalid byte: decoded as raw_byte + the byte, above every real code point.
constexpr char32_t raw_byte = 0x110000;

// Decodes UTF-8 into code points; an invalid byte becomes raw_byte + byte, one character.
void decode(std::string_view s, std::u32string& out) {
    out.clear();
    for (std::size_t pos = 0; pos < s.size();) {
        std::size_t next = pos;
        const UChar32 c = next_code_point(s, next);
        if (c < 0) {
            out += raw_byte + static_cast<unsigned char>(s[pos]);
            ++pos;
        } else {
            out += static_cast<char32_t>(c);
            pos = next;
        }
    }
}

// The number of characters decode() finds: code points, and one for each invalid byte.
std::size_t decoded_length(std::string_view s) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < s.size(); ++count) {
        if (static_cast<unsigned char>(s[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        if (next_code_point(s, pos) < 0) {
            pos = start + 1;
        }
    }
    return count;
}

// Reused rows of the edit-distance table.
struct Rows {
    std::vector<std::size_t> before;  // row i - 2
    std::vector<std::size_t> prev;    // row i - 1
    std::vector<std::size_t> cur;     // row i
};

// The optimal-string-alignment distance of x and y when it is at most k, else k + 1; nothing when
// computing it would take `work` past its budget. Only the cells within k of the diagonal are
// computed, and the rows stop once two in a row exceed k (Ukkonen 1985).
std::optional<std::size_t> bounded_distance(std::u32string_view x, std::u32string_view y,
                                            std::size_t k, SuggestionWork& work, Rows& rows) {
    if (x.size() > y.size()) {
        std::swap(x, y);  // rows over the shorter string: fewer cells
    }
    const std::size_t n = x.size();
    const std::size_t m = y.size();
    const std::size_t far = k + 1;  // "more than k", saturating
    if (m - n > k) {
        return far;
    }
    rows.before.assign(m + 1, far);
    rows.prev.assign(m + 1, far);
    rows.cur.assign(m + 1, far);
    for (std::size_t j = 0; j <= std::min(m, k); ++j) {
        rows.prev[j] = j;
    }
    bool prev_far = false;
    for (std::size_t i = 1; i <= n; ++i) {
        const std::size_t lo = i > k ? i - k : 1;
        const std::size_t hi = std::min(m, i + k);
        if (hi - lo + 1 > work.budget - work.cells) {
            return std::nullopt;
        }
        work.cells += hi - lo + 1;
        auto& cur = rows.cur;
        const auto& prev = rows.prev;
        cur[lo - 1] = i <= k ? i : far;
        std::size_t row_min = cur[lo - 1];
        for (std::size_t j = lo; j <= hi; ++j) {
            const std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
            std::size_t d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            // A swap of two neighbours ("indai") costs one edit, like a typo.
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                d = std::min(d, rows.before[j - 2] + 1);
            }
            cur[j] = std::min(d, far);
            row_min = std::min(row_min, cur[j]);
        }
        if (hi < m) {
            cur[hi + 1] = far;  // the next row reads one cell past this row's band
        }
        // Every later cell comes from this row or the one before at a cost of at least one.
        if (row_min > k && prev_far) {
            return far;
        }
        prev_far = row_min > k;
        std::swap(rows.before, rows.prev);
        std::swap(rows.prev, rows.cur);
    }
    return rows.prev[m];
}

// Whether `text` contains `pattern`, given pattern's failure table (Knuth, Morris, Pratt 1977):
// at most 2 |text| comparisons whatever the bytes.
bool kmp_contains(std::string_view text, std::string_view pattern,
                  const std::vector<std::size_t>& failure) {
    std::size_t matched = 0;
    for (const char c : text) {
        while (matched > 0 && pattern[matched] != c) {
            matched = failure[matched - 1];
        }
        if (pattern[matched] == c && ++matched == pattern.size()) {
            return true;
        }
    }
    return false;
}

std::vector<std::size_t> kmp_failure(std::string_view pattern) {
    std::vector<std::size_t> failure(pattern.size(), 0);
    for (std::size_t i = 1, k = 0; i < pattern.size(); ++i) {
        while (k > 0 && pattern[i] != pattern[k]) {
            k = failure[k - 1];
        }
        if (pattern[i] == pattern[k]) {
            ++k;
        }
        failure[i] = k;
    }
    return failure;
}

}  // namespace

std::string xml_carryable(std::string_view text, std::size_t& replaced) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out += "\uFFFD";
            ++replaced;
            continue;
        }
        // U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8.
        if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
             static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
            out += "\uFFFD";
            ++replaced;
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

bool starts_formula(std::string_view cell) {
    if (cell.empty()) {
        return false;
    }
    const char first = cell.front();
    if (first != '=' && first != '+' && first != '-' && first != '@' && first != '\t' &&
        first != '\r') {
        return false;
    }
    if (first == '+' || first == '-') {
        // A plain decimal number: sign, digits with at most one point, an optional exponent.
        std::size_t i = 1;
        std::size_t digits = 0;
        while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9') {
            ++i;
            ++digits;
        }
        if (i < cell.size() && cell[i] == '.') {
            ++i;
            while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9') {
                ++i;
                ++digits;
            }
        }
        if (digits > 0 && i < cell.size() && (cell[i] == 'e' || cell[i] == 'E')) {
            std::size_t j = i + 1;
            if (j < cell.size() && (cell[j] == '+' || cell[j] == '-')) {
                ++j;
            }
            const std::size_t exponent_start = j;
            while (j < cell.size() && cell[j] >= '0' && cell[j] <= '9') {
                ++j;
            }
            if (j > exponent_start) {
                i = j;
            }
        }
        if (digits > 0 && i == cell.size()) {
            return false;
        }
    }
    return true;
}

std::string neutralise_formula(std::string_view cell) {
    return starts_formula(cell) ? "'" + std::string(cell) : std::string(cell);
}

std::size_t utf8_length(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::u32string x;
    std::u32string y;
    decode(a, x);
    decode(b, y);
    SuggestionWork unlimited;
    unlimited.budget = std::numeric_limits<std::size_t>::max();
    Rows rows;
    return *bounded_distance(x, y, std::max(x.size(), y.size()), unlimited, rows);
}

namespace detail {

std::vector<std::pair<std::size_t, std::size_t>> nearest_keys(
    std::string_view query, const std::vector<std::string_view>& keys, SuggestionWork& work) {
    const std::size_t q_length = decoded_length(query);
    if (q_length == 0) {
        return {};
    }
    // A plausible typo changes at most a third of the name (at least two letters), and never
    // every letter ("c" is not a misspelt "a").
    const std::size_t most = std::min(std::max<std::size_t>(2, q_length / 3), q_length - 1);
    // A name that contains what was typed is a good guess even when much longer.
    const bool by_containment = q_length >= 3;
    // Made when first needed: a long query usually needs neither, and it may be looked up many
    // times (one lookup per way of reading an assumption).
    std::vector<std::size_t> failure;
    std::u32string q;
    std::vector<std::pair<std::size_t, std::size_t>> found;  // (distance, key)
    std::size_t best = most + 1;
    std::u32string c;
    Rows rows;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const std::string_view key = keys[i];
        ++work.names;
        // Only names as near as the nearest so far can be among the answers.
        const std::size_t k = std::min(most, best);
        std::size_t distance = k + 1;
        if (by_containment && key.size() >= query.size()) {
            if (failure.empty()) {
                failure = kmp_failure(query);
            }
            work.scanned += key.size();
            if (kmp_contains(key, query, failure)) {
                distance = key == query ? 0 : 1;
            }
        }
        if (distance > k) {
            // The distance is at least the difference in length.
            const std::size_t length = decoded_length(key);
            if ((length > q_length ? length - q_length : q_length - length) > k) {
                continue;
            }
            ++work.compared;
            if (q.empty()) {
                decode(query, q);
            }
            decode(key, c);
            const auto d = bounded_distance(q, c, k, work, rows);
            if (!d) {
                work.budget_spent = true;
                return {};
            }
            distance = *d;
        }
        if (distance > k) {
            continue;
        }
        best = std::min(best, distance);
        found.emplace_back(distance, i);
    }
    std::erase_if(found, [best](const auto& f) { return f.first > best; });
    return found;
}

}  // namespace detail

std::vector<std::string> nearest_names(std::string_view query,
                                       const std::vector<std::string>& candidates,
                                       std::size_t limit, SuggestionWork* work) {
    SuggestionWork own;
    SuggestionWork& w = work != nullptr ? *work : own;
    std::vector<std::string> folded;
    folded.reserve(candidates.size());
    std::vector<std::string_view> keys;
    keys.reserve(candidates.size());
    for (const auto& candidate : candidates) {
        folded.push_back(fold_name(candidate));
    }
    for (const auto& f : folded) {
        keys.emplace_back(f);
    }
    auto found = detail::nearest_keys(fold_name(query), keys, w);
    std::sort(found.begin(), found.end(), [&](const auto& a, const auto& b) {
        return std::tie(a.first, candidates[a.second]) < std::tie(b.first, candidates[b.second]);
    });
    std::vector<std::string> out;
    for (const auto& [distance, i] : found) {
        if (out.size() == limit) {
            break;
        }
        if (std::find(out.begin(), out.end(), candidates[i]) == out.end()) {
            out.push_back(candidates[i]);
        }
    }
    return out;
}

}  // namespace entente
