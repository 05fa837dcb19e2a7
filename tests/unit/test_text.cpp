#include <doctest/doctest.h>

#include <algorithm>
#include <ios>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "entente/model/text.hpp"

using namespace entente;

TEST_CASE("fold_name lowercases, strips accents and collapses punctuation") {
    CHECK(fold_name("Russia") == "russia");
    CHECK(fold_name("  New   Delhi ") == "new delhi");
    CHECK(fold_name("Jammu-Kashmir") == "jammu kashmir");
    CHECK(fold_name("Jammu & Kashmir") == "jammu and kashmir");
    CHECK(fold_name("Jammu and Kashmir") == "jammu and kashmir");
    CHECK(fold_name("Çelik Öztürk") == "celik ozturk");
    CHECK(fold_name("Azərbaycan") == "azerbaycan");
    CHECK(fold_name("Łódź") == "lodz");
    CHECK(fold_name("Straße") == "strasse");
    CHECK(fold_name("N-CPEC+") == "n cpec");
    CHECK(fold_name("North\u2013South Transport Corridor") == "north south transport corridor");
    CHECK(fold_name("India\u2019s position") == "india s position");
    // A combining accent (e + U+0301) folds like the precomposed letter.
    CHECK(fold_name("Pe\u0301rez") == fold_name("P\u00e9rez"));
    CHECK(fold_name("ПУТИН") == fold_name("путин"));
    CHECK(fold_name("") == "");
    CHECK(fold_name("--") == "");
}

TEST_CASE("fold_name drops accents in every script, the way they are typed without them") {
    // The three names of issue 10's bug 7.
    CHECK(fold_name("Vi\u1EC7t Nam") == "viet nam");
    CHECK(fold_name("Viet Nam") == "viet nam");
    CHECK(fold_name("Bucure\u0219ti") == "bucuresti");  // s with comma below, as Romanian writes it
    CHECK(fold_name("Bucure\u015Fti") == "bucuresti");  // s with cedilla, as it is often typed
    CHECK(fold_name("\u0395\u039B\u039B\u0386\u0394\u0391") ==
          "\u03B5\u03BB\u03BB\u03B1\u03B4\u03B1");
    CHECK(fold_name("\u03B5\u03BB\u03BB\u03B1\u03B4\u03B1") ==
          "\u03B5\u03BB\u03BB\u03B1\u03B4\u03B1");
    // Vietnamese: two marks on one letter, and a letter with a stroke.
    CHECK(fold_name("H\u1ED3 Ch\u00ED Minh") == "ho chi minh");
    CHECK(fold_name("\u0110\u00E0 N\u1EB5ng") == "da nang");
    // Cyrillic: case, and the diaeresis of \u0451 (often written \u0435).
    CHECK(fold_name("\u0420\u041E\u0421\u0421\u0418\u042F") ==
          "\u0440\u043E\u0441\u0441\u0438\u044F");
    CHECK(fold_name("\u0421\u0435\u0440\u0431\u0438\u0458\u0430") ==
          fold_name("\u0421\u0415\u0420\u0411\u0418\u0408\u0410"));
    CHECK(fold_name("\u0424\u0451\u0434\u043E\u0440") ==
          fold_name("\u0424\u0435\u0434\u043E\u0440"));
    // Arabic: the short-vowel marks are optional in writing; hamza on alef is kept.
    CHECK(fold_name("\u0645\u0650\u0635\u0652\u0631") == "\u0645\u0635\u0631");
    CHECK(fold_name("\u0623") != fold_name("\u0627"));
    // CJK: kept as they are; full-width Latin and half-width katakana are read as the usual forms.
    CHECK(fold_name("\u4E2D\u534E\u4EBA\u6C11\u5171\u548C\u56FD") ==
          "\u4E2D\u534E\u4EBA\u6C11\u5171\u548C\u56FD");
    CHECK(fold_name("\uFF23\uFF28\uFF29\uFF2E\uFF21") == "china");
    CHECK(fold_name("\uFF86\uFF6F\uFF8E\uFF9F\uFF9D") == fold_name("\u30CB\u30C3\u30DD\u30F3"));
    CHECK(fold_name("\uD55C\uAD6D") == "\uD55C\uAD6D");  // Hangul syllables stay composed
    // Vowel signs of Brahmic scripts are letters, not accents: kumar is not kamar.
    CHECK(fold_name("\u0915\u0941\u092E\u093E\u0930") != fold_name("\u0915\u092E\u093E\u0930"));
    CHECK(fold_name("\u0926\u093F\u0932\u094D\u0932\u0940") == "\u0926\u093F\u0932\u0932\u0940");
    // Digits of any script stay.
    CHECK(fold_name("\u0662\u0660\u0662\u0664") == "\u0662\u0660\u0662\u0664");
}

TEST_CASE("fold_name folds case fully: Turkish i, German sharp s, Greek final sigma") {
    // Dotted capital I loses its dot with the other accents; dotless i is spelt i.
    CHECK(fold_name("\u0130stanbul") == "istanbul");
    CHECK(fold_name("ISTANBUL") == "istanbul");
    CHECK(fold_name("Diyarbak\u0131r") == "diyarbakir");
    CHECK(fold_name("DIYARBAKIR") == "diyarbakir");
    CHECK(fold_name("Stra\u00DFe") == "strasse");
    CHECK(fold_name("STRA\u1E9EE") == "strasse");  // capital sharp s
    CHECK(fold_name("STRASSE") == "strasse");
    // Final and medial sigma fold alike, so the capitals find the lower case.
    CHECK(fold_name("\u039F\u0394\u03A5\u03A3\u03A3\u0395\u03A5\u03A3") ==
          fold_name("\u039F\u03B4\u03C5\u03C3\u03C3\u03B5\u03CD\u03C2"));
    CHECK(fold_name("\u03C2") == "\u03C3");
}

TEST_CASE("fold_name spells Latin letters without a decomposition in ASCII (CLDR Latin-ASCII)") {
    CHECK(fold_name("\u00D8resund") == "oresund");
    CHECK(fold_name("\u0141\u00F3d\u017A") == "lodz");
    CHECK(fold_name("\u00C6gean \u0152uvre") == "aegean oeuvre");
    CHECK(fold_name("\u00DEingvellir") == "thingvellir");
    CHECK(fold_name("Az\u0259rbaycan") == "azerbaycan");
    CHECK(fold_name("AZ\u018FRBAYCAN") == "azerbaycan");
    CHECK(fold_name("K\u0254fi") == "kofi");
    CHECK(fold_name("Hrvatska \u0111") == "hrvatska d");
}

TEST_CASE("fold_name reads combining sequences like precomposed letters, in any mark order") {
    CHECK(fold_name("Pe\u0301rez") == "perez");
    CHECK(fold_name("P\u00E9rez") == "perez");
    // Vietnamese e with circumflex and dot below: precomposed, half and fully decomposed.
    const std::string expected = "viet";
    CHECK(fold_name("Vi\u1EC7t") == expected);
    CHECK(fold_name("Vi\u00EA\u0323t") == expected);
    CHECK(fold_name("Vi\u1EB9\u0302t") == expected);
    CHECK(fold_name("Vie\u0302\u0323t") == expected);
    CHECK(fold_name("Vie\u0323\u0302t") == expected);
    // A mark with nothing to sit on vanishes too.
    CHECK(fold_name("\u0301abc") == "abc");
}

TEST_CASE("fold_name separates words at punctuation, spaces and symbols of any script") {
    CHECK(fold_name("\u4E2D\u56FD\u00B7\u5317\u4EAC") == "\u4E2D\u56FD \u5317\u4EAC");
    CHECK(fold_name("\u0627\u0644\u0642\u062F\u0633\u060C \u0641\u0644\u0633\u0637\u064A\u0646") ==
          "\u0627\u0644\u0642\u062F\u0633 \u0641\u0644\u0633\u0637\u064A\u0646");
    CHECK(fold_name("\u6771\u4EAC\u3000\u90FD") == "\u6771\u4EAC \u90FD");  // ideographic space
    CHECK(fold_name("Jammu \uFF06 Kashmir") == "jammu and kashmir");        // full-width ampersand
    CHECK(fold_name("\u00ABCh\u00E2teau\u00BB \u2192 \u20AC5") == "chateau 5");
    CHECK(fold_name("Ka\u00ADshmir") == "kashmir");  // a soft hyphen is invisible, not a break
    CHECK(fold_name("a&b") == "a and b");
    CHECK(fold_name("&") == "and");
}

TEST_CASE("fold_name's ASCII fast path agrees with the Unicode path for every ASCII character") {
    for (int b = 0; b < 0x80; ++b) {
        const char c = static_cast<char>(b);
        std::string expected;
        if (c >= 'A' && c <= 'Z') {
            expected = std::string("e") + static_cast<char>(c - 'A' + 'a') + "e";
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            expected = std::string("e") + c + "e";
        } else if (c == '&') {
            expected = "e and e";
        } else {
            expected = "e e";
        }
        CAPTURE(b);
        CHECK(fold_name(std::string("e") + c + "e") == expected);            // all ASCII
        CHECK(fold_name(std::string("\u00E9") + c + "\u00E9") == expected);  // through ICU
    }
}

TEST_CASE(
    "fold_name is idempotent on every code point of the used planes: keys fold to themselves") {
    // Also shows that case folding brings back no accent that was dropped before it.
    std::size_t changed = 0;
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp == 0xD800) {
            cp = 0xDFFF;  // surrogates are not characters
            continue;
        }
        if (cp == 0x40000) {
            cp = 0xDFFFF;  // planes 4 to 13: nothing assigned in Unicode 15
            continue;
        }
        std::string text = "x";
        if (cp < 0x80) {
            text += static_cast<char>(cp);
        } else if (cp < 0x800) {
            text += static_cast<char>(0xC0 | (cp >> 6));
            text += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            text += static_cast<char>(0xE0 | (cp >> 12));
            text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            text += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            text += static_cast<char>(0xF0 | (cp >> 18));
            text += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            text += static_cast<char>(0x80 | (cp & 0x3F));
        }
        const std::string once = fold_name(text);
        if (fold_name(once) != once) {
            ++changed;
            if (changed <= 5) {
                FAIL_CHECK("fold_name is not idempotent on U+" << std::hex << unsigned(cp));
            }
        }
    }
    CHECK(changed == 0);
}

TEST_CASE("fold_name keeps invalid UTF-8 bytes rather than dropping them") {
    CHECK(fold_name("a\xff"
                    "b") ==
          "a\xff"
          "b");
    // Between letters that go through ICU, and at either end.
    CHECK(fold_name("\u00C9\xff\u00C9") ==
          "e\xff"
          "e");
    CHECK(fold_name("\xfe\u00C9-") ==
          "\xfe"
          "e");
    CHECK(fold_name("\u00C9 \xc3") == "e \xc3");  // a truncated sequence
    // Overlong forms and encoded surrogates are not UTF-8: kept as bytes, not decoded.
    CHECK(fold_name("A\xc0\xaf"
                    "B") ==
          "a\xc0\xaf"
          "b");
    CHECK(fold_name("\xed\xa0\x80\u00E9") ==
          "\xed\xa0\x80"
          "e");
    // Every lone byte, and every byte after a lead byte, folds without loss.
    for (int b = 0x80; b < 0x100; ++b) {
        const std::string lone(1, static_cast<char>(b));
        CHECK(fold_name(lone).find(lone) != std::string::npos);
        CHECK(!fold_name("\xe2" + lone + "x").empty());
    }
}

TEST_CASE("edit_distance counts code points, with transpositions as one edit") {
    CHECK(edit_distance("russia", "russia") == 0);
    CHECK(edit_distance("rusia", "russia") == 1);
    CHECK(edit_distance("indai", "india") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("é", "e") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("utf8_length counts characters") {
    CHECK(utf8_length("abc") == 3);
    CHECK(utf8_length("Çelik") == 5);
    CHECK(utf8_length("\u2013") == 1);
}

TEST_CASE("nearest_names suggests plausible typos and containing names, best first") {
    const std::vector<std::string> ids = {"russia", "pakistan", "india", "indonesia", "china"};
    CHECK(nearest_names("rusia", ids) == std::vector<std::string>{"russia"});
    CHECK(nearest_names("indai", ids).front() == "india");
    CHECK(nearest_names("paki", ids) == std::vector<std::string>{"pakistan"});
    CHECK(nearest_names("zzzzzzzz", ids).empty());
    CHECK(nearest_names("india", ids, 1).size() == 1);
}

TEST_CASE("nearest_names computes distances only for names a typo away in length, in a band") {
    const std::vector<std::string> ids = {"russia", "pakistan", "india", "indonesia", "china"};
    SuggestionWork work;
    CHECK(nearest_names("rusia", ids, 3, &work) == std::vector<std::string>{"russia"});
    CHECK(work.names == 5);
    // Once "russia" is 1 edit away, "pakistan" and "indonesia" are too long to be as near.
    CHECK(work.compared == 3);
    // Each comparison: at most 5 rows of a band at most 2 * 2 + 1 wide.
    CHECK(work.cells <= 3 * 5 * 5);
    CHECK(!work.budget_spent);
    // 131,000 letters: no candidate is near enough in length, none contains it; nothing computed.
    work = {};
    CHECK(nearest_names(std::string(131'000, 'x'), ids, 3, &work).empty());
    CHECK(work.names == 5);
    CHECK(work.compared == 0);
    CHECK(work.cells == 0);
    CHECK(work.scanned == 0);
}

namespace {

// Optimal string alignment over the whole table, the textbook way (ASCII only).
std::size_t full_table_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                                d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

// nearest_names' rules applied to every candidate with the full table: the reference.
std::vector<std::string> brute_force_nearest(const std::string& query,
                                             const std::vector<std::string>& candidates,
                                             std::size_t limit) {
    const std::size_t most = std::max<std::size_t>(2, query.size() / 3);
    std::vector<std::tuple<std::size_t, std::string>> scored;
    for (const auto& c : candidates) {
        std::size_t score = full_table_distance(query, c);
        if (query.size() >= 3 && c.find(query) != std::string::npos) {
            score = std::min<std::size_t>(score, 1);
        }
        if (score <= most && score < query.size()) {
            scored.emplace_back(score, c);
        }
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (const auto& [score, name] : scored) {
        if (out.size() == limit || score > std::get<0>(scored.front())) {
            break;
        }
        if (std::find(out.begin(), out.end(), name) == out.end()) {
            out.push_back(name);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("edit_distance and nearest_names agree with the full table on random names") {
    // Short words over three letters, so that near misses, swaps and containment are common.
    std::mt19937 random(20240522);
    const auto word = [&random](std::size_t longest) {
        std::string w(random() % (longest + 1), 'a');
        for (char& c : w) {
            c = static_cast<char>('a' + random() % 3);
        }
        return w;
    };
    for (int round = 0; round < 300; ++round) {
        std::vector<std::string> candidates;
        for (int i = 0; i < 30; ++i) {
            candidates.push_back(word(12));
        }
        const std::string query = word(12);
        CAPTURE(query);
        CHECK(nearest_names(query, candidates, 5) == brute_force_nearest(query, candidates, 5));
        for (const auto& c : candidates) {
            CHECK(edit_distance(query, c) == full_table_distance(query, c));
        }
    }
}
