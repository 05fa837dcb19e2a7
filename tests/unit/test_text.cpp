#include <doctest/doctest.h>

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

TEST_CASE("fold_name keeps invalid UTF-8 bytes rather than dropping them") {
    CHECK(fold_name("a\xff"
                    "b") ==
          "a\xff"
          "b");
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
