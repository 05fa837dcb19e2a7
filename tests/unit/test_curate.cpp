// Curation: quotes found in source texts, lint's checks, record locations.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "entente/curate/append.hpp"
#include "entente/curate/diff.hpp"
#include "entente/curate/lint.hpp"
#include "entente/curate/quotes.hpp"
#include "entente/load/locations.hpp"
#include "fixture.hpp"

using namespace entente;
namespace fs = std::filesystem;

TEST_CASE("fold_for_quotes: quote marks, whitespace runs and case") {
    CHECK(fold_for_quotes("India\xE2\x80\x99s \xE2\x80\x9CJunior\n\t Partner\xE2\x80\x9D") ==
          "india's 'junior partner'");
    CHECK(fold_for_quotes("  \xC2\xAB"
                          "Da\xC2\xBB  ") == "'da'");  // « » and edge spaces
    CHECK(fold_for_quotes("STRA\xC3\x9F"
                          "E") ==
          "stra\xC3\x9F"
          "e");                                                        // simple folding keeps ß
    CHECK(fold_for_quotes("\xCE\xA3\xCE\x91") == "\xCF\x83\xCE\xB1");  // ΣΑ -> σα
    CHECK(fold_for_quotes("a\xC2\xA0\xC2\xA0"
                          "b") == "a b");  // no-break spaces
    CHECK(fold_for_quotes("bad \xFF byte") == "bad \xFF byte");
}

TEST_CASE("quote_parts: ellipses split a quote") {
    CHECK(quote_parts("one \xE2\x80\xA6 two") == std::vector<std::string>{"one", "two"});
    CHECK(quote_parts("one ... two....three") == std::vector<std::string>{"one", "two", "three"});
    CHECK(quote_parts("one [\xE2\x80\xA6] two (...) three") ==
          std::vector<std::string>{"one", "two", "three"});
    CHECK(quote_parts("\xE2\x80\xA6 tail") == std::vector<std::string>{"tail"});
    CHECK(quote_parts("...").empty());
    CHECK(quote_parts("no dots. here") == std::vector<std::string>{"no dots. here"});
}

TEST_CASE("QuoteText::find: hand cases") {
    const QuoteText text(
        "\xEF\xBB\xBFRussia supports India's annexation and subsequent bifurcation of Jammu & "
        "Kashmir\nwhile Pakistan is adamantly against it. Nevertheless, that isn't seen as an "
        "impediment.");
    SUBCASE("curly apostrophe, other case, line break as a space") {
        CHECK(text.find("russia supports India\xE2\x80\x99s annexation").found);
        CHECK(text.find("Kashmir while Pakistan").found);
        CHECK(text.find("That isn\xE2\x80\x99t   seen").found);
    }
    SUBCASE("an ellipsis stands for any text, in order") {
        const auto m = text.find("Russia supports \xE2\x80\xA6 against it");
        CHECK(m.found);
        CHECK(m.parts == 2);
        CHECK(text.find("Russia ... Kashmir ... impediment").found);
        CHECK(text.find("Kashmir...Kashmir").found == false);  // one occurrence only
        const auto reversed = text.find("impediment ... Russia supports");
        CHECK_FALSE(reversed.found);
        CHECK(reversed.missing == "russia supports");
    }
    SUBCASE("not found") {
        const auto m = text.find("Russia opposes India");
        CHECK_FALSE(m.found);
        CHECK(m.parts == 1);
        CHECK(m.missing == "russia opposes india");
        CHECK_FALSE(text.find("Russia supports India's annexation.").found);  // "." not ","
        const auto empty = text.find(" \xE2\x80\xA6 ");
        CHECK_FALSE(empty.found);
        CHECK(empty.parts == 0);
    }
}

TEST_CASE("find_hedging_words: whole words, case aside but for May") {
    CHECK(find_hedging_words("Russia seems reluctant") == std::vector<std::string>{"seems"});
    CHECK(find_hedging_words("It can  be\nargued that it Might") ==
          std::vector<std::string>{"can be argued", "might"});
    CHECK(find_hedging_words("It's arguably in Moscow's interest; perhaps") ==
          std::vector<std::string>{"arguably", "perhaps"});
    CHECK(find_hedging_words("the mayor said in May that it seemed likely").size() == 2);
    CHECK(find_hedging_words("it may be so") == std::vector<std::string>{"may"});
    CHECK(find_hedging_words("Russia has to resist Indian pressure").empty());
    CHECK(find_hedging_words("unlikelyhood, Couldn't").empty());  // inside longer words
}

namespace {

// A dataset with a source text, one file on disk, its claims exercising every check.
const char* const lint_dataset = R"({
  "entente": 1,
  "sources": [
    {"id": "art", "title": "An article", "date": "2024-05-22", "text": "art.txt"},
    {"id": "ctx", "title": "Context", "url": "https://example.org"},
    {"id": "bare", "title": "Bare"}
  ],
  "actors": [
    {"id": "a", "name": "Alpha", "kind": "state"},
    {"id": "b", "name": "Beta", "kind": "state"},
    {"id": "war", "name": "The 1999 war", "kind": "position"},
    {"id": "summit", "name": "A summit", "kind": "event"}
  ],
  "claims": [
    {"id": "k1", "subject": "a", "relation": "supports", "object": "b", "source": "art",
     "quote": "Alpha \u201Cbacks\u201D Beta", "from": "2024"},
    {"id": "k2", "subject": "a", "relation": "opposes", "object": "war", "source": "art",
     "quote": "Alpha never backed the war"},
    {"id": "k3", "subject": "b", "relation": "supports", "object": "a", "source": "art",
     "quote": "Beta seems to like Alpha", "from": "2024"},
    {"id": "k4", "subject": "b", "relation": "cooperates_with", "object": "a", "source": "art",
     "from": "2024"},
    {"id": "k5", "subject": "a", "relation": "member_of", "object": "summit", "source": "ctx",
     "quote": "Alpha came in 2001"},
    {"id": "k6", "subject": "b", "relation": "member_of", "object": "summit", "source": "bare",
     "from": "2001"}
  ]
})";

const char* const lint_text = "Alpha 'backs' Beta. Beta seems to like Alpha, as it did in 1999.\n";

std::string write_case(const fs::path& dir, const std::string& json, const char* text) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "d.json") << json;
    if (text != nullptr) {
        std::ofstream(dir / "art.txt") << text;
    }
    return (dir / "d.json").string();
}

struct Linted {
    LintReport report;
    std::vector<std::string> lines;
};

Linted run_lint(const std::string& path, LintOptions options = {}) {
    std::vector<Diagnostic> diagnostics;
    auto files = read_dataset_path(path, diagnostics);
    auto loaded = load_dataset(files);
    REQUIRE(loaded.graph);
    const auto locations = locate_records(files);
    const auto texts = read_source_texts(loaded.graph->data(), locations, {}, 1 << 20);
    Linted out;
    out.report = lint(loaded.graph->data(), locations, texts, options);
    for (const auto& f : out.report.findings) {
        Diagnostic d{f.severity,        f.location.file,    f.location.line,
                     f.location.column, f.location.pointer, f.message};
        out.lines.push_back(format_diagnostic(d) + " [" + std::string(to_string(f.check)) + "]");
    }
    return out;
}

}  // namespace

TEST_CASE("lint: every check on a hand dataset, located") {
    const auto dir = fs::temp_directory_path() / "entente-test-lint";
    const std::string path = write_case(dir, lint_dataset, lint_text);
    const std::string f = path;
    const auto linted = run_lint(path);
    CHECK(test::lines(linted.lines) ==
          test::lines({
              f + ":17:5: warning: undated claim \"k2\" about a dated event (its object \"war\" "
                  "names 1999): without \"from\" or \"until\" it holds from its source's date, "
                  "2024-05-22 (at /claims/1) [undated-event]",
              f + ":18:15: error: quote of claim \"k2\" not found in the text of source \"art\" "
                  "(at /claims/1/quote) [quote-not-found]",
              f + ":20:15: warning: quote of stated claim \"k3\" hedges (\"seems\"): the author "
                  "is less than certain (at /claims/2/quote) [hedged-quote]",
              f + ":21:5: warning: claim \"k4\" has no quote to check against the text of source "
                  "\"art\" (at /claims/3) [no-quote]",
              f + ":23:5: warning: undated claim \"k5\" about a dated event (its quote names "
                  "2001): without \"from\" or \"until\" it holds at all times (at /claims/4) "
                  "[undated-event]",
              f + ":25:5: warning: context claim \"k6\" (its source has no text to check it "
                  "against) without a quote, and its source \"bare\" has no URL: a reader cannot "
                  "check it (at /claims/5) [context-unsourced]",
          }));
    CHECK(linted.report.errors() == 1);
    CHECK(linted.report.warnings() == 5);
    CHECK(linted.report.texts == 1);
    CHECK(linted.report.quotes_checked == 3);
    CHECK(linted.report.quotes_found == 2);
    fs::remove_all(dir);
}

TEST_CASE("lint: a quote shared by more claims than allowed, once at the first") {
    const auto dir = fs::temp_directory_path() / "entente-test-lint-shared";
    const std::string path = write_case(dir, R"({"entente": 1,
  "sources": [{"id": "s", "title": "S", "url": "u"}],
  "actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"},
             {"id": "c", "name": "C", "kind": "state"}],
  "claims": [
    {"id": "x1", "subject": "a", "relation": "supports", "object": "b", "source": "s", "quote": "Q q"},
    {"id": "x2", "subject": "a", "relation": "supports", "object": "c", "source": "s", "quote": "q  Q"},
    {"id": "x3", "subject": "b", "relation": "supports", "object": "c", "source": "s", "quote": "Q q"}
  ]})",
                                        nullptr);
    LintOptions two;
    two.max_claims_per_quote = 2;
    CHECK(test::lines(run_lint(path, two).lines) ==
          test::lines({path + ":6:97: warning: one quote supports 3 claims (x1, x2, x3); more "
                              "than 2 weigh one sentence as many times (at /claims/0/quote) "
                              "[shared-quote]"}));
    CHECK(run_lint(path).lines.empty());  // three claims are within the default of 3
    fs::remove_all(dir);
}

TEST_CASE("lint: a source text that cannot be read is an error at its text member") {
    const auto dir = fs::temp_directory_path() / "entente-test-lint-missing";
    const std::string path = write_case(dir, R"({"entente": 1,
  "sources": [{"id": "s", "title": "S", "text": "texts/none.txt"},
              {"id": "t", "title": "T", "text": "/etc/hostname"}],
  "actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
  "claims": [{"subject": "a", "relation": "supports", "object": "b", "source": "s", "quote": "q"}]
})",
                                        nullptr);
    const auto linted = run_lint(path);
    const std::string text_path = (dir / "texts/none.txt").string();
    CHECK(test::lines(linted.lines) ==
          test::lines({path + ":2:49: error: source \"s\": " + text_path +
                           ": cannot read: no such file or directory (at /sources/0/text) "
                           "[text-unreadable]",
                       path + ":3:49: error: source \"t\": \"/etc/hostname\" is an absolute "
                              "path; a source's text is named relative to its dataset file (at "
                              "/sources/1/text) [text-unreadable]"}));
    CHECK(linted.report.quotes_checked == 0);
    fs::remove_all(dir);
}

TEST_CASE("locate_records: records, members and the claims array") {
    const std::string text =
        "\xEF\xBB\xBF{\"entente\": 1, \"actors\": [{\"id\": \"a\"}],\n"
        " \"claims\": [\n  {\"id\": \"c\", \"quote\": \"\xE2\x80\x9Cq\"},\n"
        "  {\"id\": \"d\"}\n ]}";
    const auto at =
        locate_records({InputFile{"f.json", text}, InputFile{"g.json", "{\"claims\": []}"}});
    REQUIRE(at.claims.size() == 2);
    REQUIRE(at.actors.size() == 1);
    CHECK(at.actors[0].record.pointer == "/actors/0");
    CHECK(at.claims[0].record.line == 3);
    CHECK(at.claims[0].record.column == 3);
    CHECK(at.claims[0].member("quote").pointer == "/claims/0/quote");
    CHECK(at.claims[0].member("quote").column == 24);
    CHECK(at.claims[0].member("missing").pointer == "/claims/0");
    CHECK(at.claims[1].record.pointer == "/claims/1");
    CHECK(text[at.claims[1].end - 1] == '}');
    REQUIRE(at.claim_arrays.size() == 2);
    CHECK(at.claim_arrays[0].present);
    CHECK(text[at.claim_arrays[0].open] == '[');
    CHECK(text[at.claim_arrays[0].close] == ']');
    CHECK(at.claim_arrays[1].present);
    CHECK(at.claim_arrays[1].open == 11);
    CHECK(at.files == std::vector<std::string>{"f.json", "g.json"});
}

namespace {

KnowledgeGraph load_curate(const char* name) {
    return test::load_file((std::string(ENTENTE_TEST_DATA) + "/curate/" + name).c_str());
}

}  // namespace

TEST_CASE("diff_datasets: two hand datasets") {
    const KnowledgeGraph before = load_curate("diff-old.json");
    const KnowledgeGraph after = load_curate("diff-new.json");
    const DatasetDiff d = diff_datasets(before, after);
    auto ids = [](const KnowledgeGraph& kg, const std::vector<Index>& claims) {
        std::vector<std::string> out;
        for (Index c : claims) {
            out.push_back(kg.claim(c).id.str());
        }
        return out;
    };
    // x1 is the same; x2 changed in place; x3 became x3b (matched by content); x4 went; x5, x6
    // came.
    CHECK(d.unchanged == 1);
    CHECK(ids(after, d.added) == std::vector<std::string>{"x5", "x6"});
    CHECK(ids(before, d.removed) == std::vector<std::string>{"x4"});
    REQUIRE(d.changed.size() == 2);
    CHECK(before.claim(d.changed[0].before).id == "x2");
    CHECK(after.claim(d.changed[0].after).id == "x2");
    CHECK(d.changed[0].fields == std::vector<std::string>{"relation", "quote", "confidence"});
    CHECK(before.claim(d.changed[1].before).id == "x3");
    CHECK(after.claim(d.changed[1].after).id == "x3b");
    CHECK(d.changed[1].fields == std::vector<std::string>{"id"});

    // By hand (docs/queries.md): before, a and b both support p and cooperate (agreement +1,
    // direct +1: alignment +1); c opposes p (a-c and b-c agreement -1, no direct tie: -1).
    // After, b opposes p and c (agreement over p and c: -1, direct +1: 0); a-c: over b, -1,
    // direct +1: 0; b-c: over a, +1, direct -1: 0. Each moved by 1: kept in pair order.
    REQUIRE(d.alignment.size() == 3);
    CHECK(d.compared_actors == 3);
    CHECK(d.alignment[0].a == "a");
    CHECK(d.alignment[0].b == "b");
    CHECK(*d.alignment[0].before == doctest::Approx(1.0));
    CHECK(*d.alignment[0].after == doctest::Approx(0.0));
    CHECK(d.alignment[0].shared_before == 1);
    CHECK(d.alignment[0].shared_after == 2);
    CHECK(d.alignment[1].b == "c");
    CHECK(*d.alignment[1].before == doctest::Approx(-1.0));
    CHECK(*d.alignment[1].after == doctest::Approx(0.0));
    CHECK(d.alignment[2].a == "b");
    CHECK(*d.alignment[2].before == doctest::Approx(-1.0));
    CHECK(*d.alignment[2].after == doctest::Approx(0.0));

    // Roadblocks: c comes between a and b (a +1, b -1), b between a and c (a +1, c -1); b and c
    // agree on a.
    REQUIRE(d.roadblocks.size() == 2);
    CHECK(d.roadblocks[0].a == "a");
    CHECK(d.roadblocks[0].b == "b");
    CHECK(d.roadblocks[0].before.empty());
    CHECK(d.roadblocks[0].after == std::vector<std::string>{"c"});
    CHECK(d.roadblocks[1].b == "c");
    CHECK(d.roadblocks[1].after == std::vector<std::string>{"b"});

    // Balance: one positive tie (a-b) before; after, the triangle a-b +, a-c +, b-c - frustrates
    // one tie whichever split is taken, and c joins a camp.
    CHECK(d.frustration_before == 0);
    CHECK(d.frustration_after == 1);
    REQUIRE_FALSE(d.camps.empty());
    const auto c_move = std::find_if(d.camps.begin(), d.camps.end(),
                                     [](const CampMove& m) { return m.actor == "c"; });
    REQUIRE(c_move != d.camps.end());
    CHECK(c_move->before.empty());
}

TEST_CASE("diff_datasets: a dataset against itself moves nothing") {
    const KnowledgeGraph a = load_curate("memo.json");
    const KnowledgeGraph b = load_curate("memo.json");
    const DatasetDiff d = diff_datasets(a, b);
    CHECK(d.unchanged == a.data().claims.size());
    CHECK(d.added.empty());
    CHECK(d.removed.empty());
    CHECK(d.changed.empty());
    CHECK(d.alignment.empty());
    CHECK(d.roadblocks.empty());
    CHECK(d.camps.empty());
}

TEST_CASE("next_claim_id: the file's scheme") {
    const auto none = [](const std::string&) { return false; };
    CHECK(next_claim_id({"kor-01", "kor-46", "kor-09"}, none) == "kor-47");
    CHECK(next_claim_id({"ctx-01", "ctx-09"}, none) == "ctx-10");
    CHECK(next_claim_id({"n7", "n12"}, none) == "n13");
    CHECK(next_claim_id({"a-1", "b-5", "a-3"}, none) == "a-4");  // the commonest prefix
    CHECK(next_claim_id({"m-1", "m-2", "r-1"}, none) == "m-3");
    CHECK(next_claim_id({"a-1", "b-5"}, none) == "b-6");  // as common: the latest
    CHECK(next_claim_id({"x-2", "intro"}, none) == "x-3");
    CHECK(next_claim_id({"intro"}, none) == std::nullopt);
    CHECK(next_claim_id({}, none) == std::nullopt);
    CHECK(next_claim_id({"k-1"}, [](const std::string& id) { return id == "k-2"; }) == "k-3");
}

TEST_CASE("append_claim: the file's layout kept, the result loads") {
    NewClaim c;
    c.id = "n-2";
    c.subject = "a";
    c.relation = "supports";
    c.object = "b";
    c.source = "s";
    c.quote = "say \"yes\"\n\\ no";
    c.confidence = 0.7;
    c.from = Date{2019, 8, 0};
    auto run = [&](const std::string& text) {
        const auto at = locate_records({InputFile{"f.json", text}});
        REQUIRE(at.claim_arrays.size() == 1);
        const RecordLocation* last = at.claims.empty() ? nullptr : &at.claims.back();
        return append_claim(text, at.claim_arrays[0], last, c);
    };
    const std::string head =
        "{\"entente\": 1, \"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n"
        " \"actors\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"state\"}, {\"id\": \"b\", "
        "\"name\": \"B\", \"kind\": \"state\"}],\n";
    SUBCASE("one member a line") {
        const std::string text = head +
                                 " \"claims\": [\n"
                                 "    {\n"
                                 "      \"id\": \"n-1\",\n"
                                 "      \"subject\": \"b\", \"relation\": \"supports\", "
                                 "\"object\": \"a\", \"source\": \"s\"\n"
                                 "    }\n"
                                 "  ]\n}\n";
        const std::string out = run(text);
        CHECK(out == head +
                         " \"claims\": [\n"
                         "    {\n"
                         "      \"id\": \"n-1\",\n"
                         "      \"subject\": \"b\", \"relation\": \"supports\", "
                         "\"object\": \"a\", \"source\": \"s\"\n"
                         "    },\n"
                         "    {\n"
                         "      \"id\": \"n-2\",\n"
                         "      \"subject\": \"a\",\n"
                         "      \"relation\": \"supports\",\n"
                         "      \"object\": \"b\",\n"
                         "      \"source\": \"s\",\n"
                         "      \"quote\": \"say \\\"yes\\\"\\n\\\\ no\",\n"
                         "      \"confidence\": 0.7,\n"
                         "      \"from\": \"2019-08\"\n"
                         "    }\n"
                         "  ]\n}\n");
        const auto loaded = test::load_text(out);
        REQUIRE(loaded.graph);
        CHECK(loaded.graph->data().claims.back().quote == c.quote);
        CHECK(loaded.graph->data().claims.back().confidence == 0.7);
    }
    SUBCASE("one record a line, compact separators, CRLF") {
        const std::string text =
            "{\"entente\":1,\"sources\":[{\"id\":\"s\",\"title\":\"S\"}],"
            "\"actors\":[{\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"},"
            "{\"id\":\"b\",\"name\":\"B\",\"kind\":\"state\"}],\r\n"
            "\"claims\":[\r\n"
            "  {\"subject\":\"b\",\"relation\":\"supports\",\"object\":\"a\","
            "\"source\":\"s\"}\r\n]}";
        const std::string out = run(text);
        CHECK(out.substr(text.size() - 4) ==
              ",\r\n  {\"id\":\"n-2\", \"subject\":\"a\", \"relation\":\"supports\", "
              "\"object\":\"b\", \"source\":\"s\", \"quote\":\"say \\\"yes\\\"\\n\\\\ no\", "
              "\"confidence\":0.7, \"from\":\"2019-08\"}\r\n]}");
        CHECK(test::load_text(out).graph);
    }
    SUBCASE("an empty array") {
        const std::string text = head + "  \"claims\": []\n}\n";
        const std::string out = run(text);
        CHECK(out.substr(head.size()) ==
              "  \"claims\": [\n"
              "    {\n"
              "      \"id\": \"n-2\",\n"
              "      \"subject\": \"a\",\n"
              "      \"relation\": \"supports\",\n"
              "      \"object\": \"b\",\n"
              "      \"source\": \"s\",\n"
              "      \"quote\": \"say \\\"yes\\\"\\n\\\\ no\",\n"
              "      \"confidence\": 0.7,\n"
              "      \"from\": \"2019-08\"\n"
              "    }\n"
              "  ]\n}\n");
        CHECK(test::load_text(out).graph);
    }
}
