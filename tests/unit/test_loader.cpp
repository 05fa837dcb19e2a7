#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "entente/load/loader.hpp"
#include "fixture.hpp"

using namespace entente;
using test::lines;
using test::load_text;
using test::messages;

namespace {

// Wraps claims (and extra actors) into a minimal valid dataset.
std::string with_claims(const std::string& claims) {
    return R"({"entente": 1, "sources": [{"id": "s", "title": "S", "author": "Au Thor"}],
"actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
"claims": [)" +
           claims + "]}";
}

}  // namespace

TEST_CASE("the small dataset loads with its defaults filled in") {
    const auto result = load_text(test::small_dataset);
    REQUIRE(result.graph);
    CHECK(result.diagnostics.empty());
    const Dataset& d = result.graph->data();
    CHECK(d.sources.size() == 1);
    CHECK(d.sources[0].date == Date{2024, 5, 22});
    CHECK(d.relations.size() == builtin_relations().size());
    CHECK(d.actors.size() == 4);
    REQUIRE(d.claims.size() == 4);
    CHECK(d.claims[0].confidence == 1.0);
    CHECK(d.claims[1].confidence == 0.8);
    // Without asserted_by, a claim is the source author's.
    CHECK(d.claims[1].asserted_by == "An Author");
    CHECK(d.claims[2].from == Date{2019, 0, 0});
    CHECK(d.claims[2].until == Date{2024, 5, 0});
}

TEST_CASE("claims without an id get a stable id from their content") {
    const auto first = load_text(test::small_dataset);
    REQUIRE(first.graph);
    const std::string id = first.graph->data().claims[2].id.str();
    CHECK(id.rfind("c-", 0) == 0);
    CHECK(id.size() == 12);
    CHECK(first.graph->data().claims[2].id_assigned);
    CHECK(!first.graph->data().claims[0].id_assigned);
    // Reordering the claims leaves the assigned ids alone.
    std::string text = test::small_dataset;
    const std::string moved =
        R"({"subject": "india", "relation": "pressures", "object": "russia", "source": "src"})";
    const std::size_t at = text.find(moved);
    const std::size_t comma = text.rfind(',', at);
    text.erase(comma, at + moved.size() - comma);  // with the comma before it
    text.insert(text.find(R"({"id": "c1")"), moved + ",");
    const auto second = load_text(text);
    REQUIRE(second.graph);
    CHECK(second.graph->data().claims[0].id == first.graph->data().claims[3].id);
    CHECK(second.graph->data().claims[3].id == id);
}

TEST_CASE("files are merged: ids defined in one file are used in another") {
    const auto result = load_dataset({
        {"actors.json", R"({"entente": 1, "actors": [{"id": "a", "name": "A", "kind": "state"},
                            {"id": "b", "name": "B", "kind": "group"}], "claims": []})"},
        {"claims.json", R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
                            "relations": [{"id": "funds", "label": "funds", "polarity": 1}],
                            "actors": [], "claims": [{"subject": "a", "relation": "funds",
                            "object": "b", "source": "s"}]})"},
    });
    REQUIRE(result.graph);
    CHECK(result.files == 2);
    CHECK(result.graph->data().claims.size() == 1);
    CHECK(result.graph->relation(result.graph->data().claims[0].relation).id == "funds");
    CHECK(!result.graph->relation(result.graph->data().claims[0].relation).builtin);
}

TEST_CASE("syntax errors give file, line and column") {
    CHECK(
        messages(load_text("{\n  \"entente\": 1\n  \"actors\": []\n}")) ==
        lines(
            {"test.json:3:3: error: syntax error: missing a comma or '}' after an object member"}));
    CHECK(messages(load_text("")) ==
          lines({"test.json:1:1: error: the file is empty; expected a JSON object"}));
    // A NUL is not the end of the file, though the parser stops at it.
    CHECK(messages(load_text(std::string("\n  \0{}", 5))) ==
          lines({"test.json:2:3: error: syntax error: a NUL byte where the JSON value should "
                 "start"}));
    // The first value is read as any other: what it lacks is reported too.
    CHECK(messages(load_text("{} {}")) ==
          lines({"test.json:1:1: error: missing required field \"entente\"",
                 "test.json:1:1: error: missing required field \"actors\"",
                 "test.json:1:1: error: missing required field \"claims\"",
                 "test.json:1:4: error: syntax error: text after the end of the JSON value"}));
}

TEST_CASE("columns count characters, not bytes, and a byte-order mark is skipped") {
    const auto result = load_text(
        "\xEF\xBB\xBF{\"entente\": 1, \"actors\": [{\"id\": \"é\", \"name\": \"Ü\", \"kind\": "
        "\"state\"}], \"claims\": []}");
    CHECK(
        messages(result) ==
        lines({"test.json:1:34: error: expected an id (lowercase letters and digits, words joined "
               "by '-', '_' or '.'), got \"é\" (at /actors/0/id)"}));
}

TEST_CASE("CRLF line ends count as one line break") {
    const auto result = load_text("{\r\n\"entente\": 1,\r\n\"actors\": [],\r\n\"claims\": 3\r\n}");
    CHECK(messages(result) == lines({"test.json:4:11: error: expected an array, got a number (3) "
                                     "(at /claims)"}));
}

TEST_CASE("invalid UTF-8 is an error located at its string, and reading goes on") {
    const auto result = load_text("{\"entente\": 1, \"actors\": [], \"claims\": [\"\xff\", 7]}");
    CHECK(messages(result) ==
          lines({"test.json:1:41: error: invalid UTF-8 in a string: byte 0xFF (byte 0 of the "
                 "string) does not start a valid character (at /claims/0)",
                 "test.json:1:46: error: expected an object, got a number (7) (at /claims/1)"}));
}

TEST_CASE("deep nesting is refused, not recursed into") {
    std::string text(100000, '[');
    const auto result = load_text(text);
    CHECK(messages(result) == lines({"test.json:1:65: error: nesting deeper than 64 levels; an "
                                     "entente file needs no more than 4"}));
}

TEST_CASE("every problem in a file is reported, not only the first") {
    const auto result = load_text(with_claims(R"(
      {"subject": "a", "relation": "suports", "object": "c", "source": "s", "confidence": 2},
      {"subject": "a", "relation": "supports", "object": "a", "source": "t", "from": "2024-02-30"},
      {"subject": "a", "relation": "supports", "source": "s", "colour": "red", "confidence": "high"}
    )"));
    CHECK(!result.graph);
    CHECK(messages(result) ==
          lines({
              "test.json:4:36: error: unknown relation \"suports\"; did you mean \"supports\"? (at "
              "/claims/0/relation)",
              "test.json:4:57: error: unknown actor \"c\" (at /claims/0/object)",
              "test.json:4:91: error: confidence must be greater than 0 and at most 1, got 2 (at "
              "/claims/0/confidence)",
              "test.json:5:58: error: subject and object are both \"a\"; a claim relates two "
              "different actors (at /claims/1/object)",
              "test.json:5:73: error: unknown source \"t\" (at /claims/1/source)",
              "test.json:5:86: error: \"2024-02-30\" is not a calendar date (at /claims/1/from)",
              "test.json:6:7: error: missing required field \"object\" (at /claims/2)",
              "test.json:6:63: error: unknown field \"colour\" (at /claims/2/colour)",
              "test.json:6:94: error: expected a number in (0, 1], got \"high\" (at "
              "/claims/2/confidence)",
          }));
}

TEST_CASE("from after until is an error; partial dates compare by the period they cover") {
    const auto bad = load_text(with_claims(
        R"({"subject": "a", "relation": "supports", "object": "b", "source": "s", "from": "2024-05", "until": "2023"})"));
    CHECK(messages(bad) == lines({"test.json:3:91: error: \"from\" 2024-05 is after \"until\" 2023 "
                                  "(at /claims/0/from)"}));
    const auto good = load_text(with_claims(
        R"({"subject": "a", "relation": "supports", "object": "b", "source": "s", "from": "2024", "until": "2024-01-01"})"));
    CHECK(good.graph);
}

TEST_CASE("duplicate ids name where the first was defined") {
    const auto result = load_dataset({
        {"one.json",
         R"({"entente": 1, "actors": [{"id": "a", "name": "A", "kind": "state"}], "claims": []})"},
        {"two.json",
         R"({"entente": 1, "relations": [{"id": "supports", "label": "backs", "polarity": 1}],
"actors": [{"id": "a", "name": "A again", "kind": "state"}], "claims": []})"},
    });
    CHECK(messages(result) == lines({
                                  "two.json:1:37: error: relation \"supports\" is built in; a "
                                  "dataset cannot redefine it (at /relations/0/id)",
                                  "two.json:2:19: error: duplicate actor id \"a\" (first defined "
                                  "at one.json:1:27) (at /actors/0/id)",
                              }));
}

TEST_CASE("holders must be actors that take sides, and only positions have one") {
    const auto result = load_text(R"({"entente": 1, "actors": [
  {"id": "s", "name": "S", "kind": "state", "holder": "s"},
  {"id": "p", "name": "P", "kind": "position", "holder": "q"},
  {"id": "q", "name": "Q", "kind": "position", "holder": "sx"}
], "claims": []})");
    CHECK(messages(result) ==
          lines({
              "test.json:2:55: error: \"holder\" is allowed only on positions, and \"s\" is a "
              "state (at /actors/0/holder)",
              "test.json:3:58: error: holder \"q\" is a position; a holder must be a state, "
              "organization, person or group (at /actors/1/holder)",
              "test.json:4:58: error: unknown actor \"sx\"; did you mean \"s\"? (at "
              "/actors/2/holder)",
          }));
}

TEST_CASE("an unknown actor id is matched against names and aliases for the suggestion") {
    const auto result = load_text(R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
"actors": [{"id": "united-states", "name": "United States", "kind": "state", "aliases": ["USA"]},
           {"id": "b", "name": "B", "kind": "state"}],
"claims": [{"subject": "usa", "relation": "supports", "object": "b", "source": "s"}]})");
    CHECK(messages(result) == lines({"test.json:4:24: error: unknown actor \"usa\"; did you mean "
                                     "\"united-states\"? (at /claims/0/subject)"}));
}

TEST_CASE("schema errors: wrong version, wrong types, unknown kinds, duplicate keys") {
    const auto result = load_text(R"({"entente": 2, "actors": [
  {"id": "a", "name": "A", "kind": "organisation", "aliases": "Ay"},
  {"id": "b", "name": "", "kind": "state", "kind": "group"},
  "c"
], "claims": [], "claim": []})");
    CHECK(
        messages(result) ==
        lines({
            "test.json:1:13: error: expected format version 1, got a number (2) (at /entente)",
            "test.json:2:36: error: expected an actor kind (state, organization, person, group, "
            "position, project, region or event), got \"organisation\"; did you mean "
            "\"organization\"? (at /actors/0/kind)",
            "test.json:2:63: error: expected an array, got \"Ay\" (at /actors/0/aliases)",
            "test.json:3:23: error: expected a non-empty string, got \"\" (at /actors/1/name)",
            "test.json:3:44: error: duplicate key \"kind\" (at /actors/1/kind)",
            "test.json:4:3: error: expected an object, got \"c\" (at /actors/2)",
            "test.json:5:18: error: unknown field \"claim\"; did you mean \"claims\"? (at /claim)",
        }));
}

TEST_CASE("duplicate claims and a source contradicting itself are warnings, not errors") {
    const auto result = load_text(with_claims(R"(
      {"id": "x1", "subject": "a", "relation": "supports", "object": "b", "source": "s"},
      {"id": "x2", "subject": "a", "relation": "supports", "object": "b", "source": "s"},
      {"id": "x3", "subject": "b", "relation": "hostile_to", "object": "a", "source": "s", "until": "2000"},
      {"id": "x4", "subject": "a", "relation": "cooperates_with", "object": "b", "source": "s", "from": "2001"},
      {"id": "x5", "subject": "a", "relation": "opposes", "object": "b", "source": "s"}
    )"));
    REQUIRE(result.graph);
    CHECK(result.error_count() == 0);
    CHECK(messages(result) ==
          lines({
              "test.json:5:7: warning: same subject, relation, object and source as claim \"x1\" "
              "(test.json:4:7) (at /claims/1)",
              // hostile_to is symmetric, so x3 meets x1 in either direction; x1 holds at all times.
              "test.json:6:7: warning: source \"s\" contradicts itself: this claim says \"b "
              "hostile_to a\", claim \"x1\" (test.json:4:7) says \"a supports b\" (at /claims/2)",
              // x4 starts after x3 ends, so they do not conflict; x5 contradicts x1.
              "test.json:8:7: warning: source \"s\" contradicts itself: this claim says \"a "
              "opposes b\", claim \"x1\" (test.json:4:7) says \"a supports b\" (at /claims/4)",
          }));
}

TEST_CASE("reading paths: files, directories, and what is not there") {
    std::vector<Diagnostic> diagnostics;
    const auto good = read_dataset_path(ENTENTE_TEST_DATA "/good/dir", diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(good.size() == 2);
    CHECK(good[0].name == ENTENTE_TEST_DATA "/good/dir/actors.json");
    CHECK(good[1].name == ENTENTE_TEST_DATA "/good/dir/claims.json");
    CHECK(load_dataset(good).graph);

    CHECK(read_dataset_path(ENTENTE_TEST_DATA "/no-such-file.json", diagnostics).empty());
    REQUIRE(diagnostics.size() == 1);
    CHECK(format_diagnostic(diagnostics[0]) == ENTENTE_TEST_DATA
          "/no-such-file.json: error: cannot read: no such file or directory");
    diagnostics.clear();
    const auto empty_dir = std::filesystem::temp_directory_path() / "entente-empty-dir-test";
    std::filesystem::create_directories(empty_dir);
    CHECK(read_dataset_path(empty_dir, diagnostics).empty());
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].message == "no *.json files in this directory");
    std::filesystem::remove(empty_dir);
}

TEST_CASE("a mapped file is read as a copied one: the pages a load gives back are read again") {
    // Past many stretches of 2 MiB, so that the load gives pages back while it parses, then
    // reads some again to locate findings at both ends and in the middle.
    const std::string quote(1000, 'q');
    std::string claims;
    const int count = 45'000;
    for (int i = 0; i < count; ++i) {
        const bool first = i == 0;
        const bool middle = i == count / 2;
        const bool last = i == count - 1;
        claims += std::string(i == 0 ? "" : ",\n") + R"({"subject": "a", "relation": ")" +
                  (first ? "suports" : "supports") + R"(", "object": ")" + (middle ? "c" : "b") +
                  R"(", "source": ")" + (last ? "t" : "s") + R"(", "quote": ")" + quote + R"("})";
    }
    const auto path = std::filesystem::temp_directory_path() / "entente-mapped-test.json";
    {
        std::ofstream out(path, std::ios::binary);
        out << with_claims(claims);
    }
    REQUIRE(std::filesystem::file_size(path) > (40u << 20));
    std::vector<Diagnostic> problems;
    const auto mapped = read_dataset_path(path, problems, {}, InputReading::map);
    const auto copied = read_dataset_path(path, problems, {}, InputReading::copy);
    CHECK(problems.empty());
    REQUIRE(mapped.size() == 1);
    REQUIRE(copied.size() == 1);
    CHECK(mapped[0].mapping != nullptr);
    CHECK(mapped[0].text.empty());
    CHECK(copied[0].mapping == nullptr);
    const std::string name = path.string();
    const auto expected = lines({
        name + ":3:41: error: unknown relation \"suports\"; did you mean \"supports\"? (at " +
            "/claims/0/relation)",
        name + ":" + std::to_string(3 + count / 2) +
            ":52: error: unknown actor \"c\" (at /claims/" + std::to_string(count / 2) + "/object)",
        name + ":" + std::to_string(2 + count) + ":67: error: unknown source \"t\" (at /claims/" +
            std::to_string(count - 1) + "/source)",
    });
    // The claims repeat one another (warnings); the errors are what is located across the file.
    const auto errors = [](const LoadResult& result) {
        std::string out;
        for (const auto& d : result.diagnostics) {
            if (d.severity == Severity::error) {
                out += format_diagnostic(d) + "\n";
            }
        }
        return out;
    };
    const LoadResult from_mapping = load_dataset(mapped);
    CHECK(errors(from_mapping) == expected);
    CHECK(errors(load_dataset(copied)) == expected);
    CHECK(messages(from_mapping) == messages(load_dataset(copied)));
    // What was given back reads as the file still.
    CHECK(mapped[0].bytes() == copied[0].text);
    mapped[0].mapping->release(0, std::string_view(copied[0].text).size());
    CHECK(mapped[0].bytes() == copied[0].text);
    std::filesystem::remove(path);
}
