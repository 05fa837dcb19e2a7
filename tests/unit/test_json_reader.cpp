// The one JSON reader: every valid file we ship loads and round-trips; text that no output could
// carry is refused where it comes in; numbers are read to the nearest double; the work a load
// does grows with its input, counted rather than timed.

#include <doctest/doctest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "entente/export/dataset_json.hpp"
#include "entente/load/compiled.hpp"
#include "entente/query/selection.hpp"
#include "fixture.hpp"
#include "load/json_reader.hpp"
#include "load/prefaulter.hpp"
#include "load/rules.hpp"

namespace entente::test {

namespace {

std::vector<InputFile> read(const std::filesystem::path& path) {
    std::vector<Diagnostic> diagnostics;
    auto files = read_dataset_path(path, diagnostics);
    REQUIRE_MESSAGE(diagnostics.empty(), path.string());
    return files;
}

// Written as an entente dataset and read back, a graph must give the same tables.
void require_round_trip(const KnowledgeGraph& kg, const std::string& what) {
    INFO(what);
    const std::string written = to_dataset_json(kg, select(kg, {}));
    const auto again = load_text(written, "again.json");
    REQUIRE_MESSAGE(again.graph, messages(again));
    Dataset expected = kg.data();
    for (auto& c : expected.claims) {
        c.id_assigned = false;  // assigned ids are written out, and come back as given ones
    }
    CHECK(again.graph->data() == expected);
    CHECK(to_dataset_json(*again.graph, select(*again.graph, {})) == written);
}

// A dataset of one actor whose name is `name` (raw JSON string contents).
std::string named(const std::string& name) {
    return R"({"entente": 1, "actors": [{"id": "a", "name": ")" + name +
           R"(", "kind": "state"}], "claims": []})";
}

// Two actors and a claim whose confidence is `number`, as written.
std::string with_confidence(const std::string& number) {
    return R"({"entente": 1, "sources": [{"id": "s", "title": "S"}], "actors": [
{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
"claims": [{"subject": "a", "relation": "supports", "object": "b", "source": "s", "confidence": )" +
           number + "}]}";
}

}  // namespace

TEST_CASE("every valid file we ship loads without a diagnostic and round-trips") {
    const std::filesystem::path root = ENTENTE_SOURCE_DIR;
    const std::filesystem::path data = ENTENTE_TEST_DATA;
    std::vector<std::filesystem::path> inputs = {
        root / "data", root / "examples" / "highland-tribes.json", data / "good" / "dir"};
    for (const auto& entry : std::filesystem::directory_iterator(data / "good")) {
        if (entry.path().extension() == ".json") {
            inputs.push_back(entry.path());
        }
    }
    for (const auto& path : inputs) {
        auto files = read(path);
        if (path.filename() == "extra.json") {
            // It adds to the curated dataset (as --with does) and names actors from it.
            auto curated = read(root / "data");
            files.insert(files.begin(), curated.begin(), curated.end());
        }
        const auto result = load_dataset(files);
        REQUIRE_MESSAGE(result.graph, path.string(), "\n", messages(result));
        CHECK_MESSAGE(result.diagnostics.empty(), path.string());
        require_round_trip(*result.graph, path.string());
    }
}

TEST_CASE("every file of the bad corpus gives an error and no graph") {
    const std::filesystem::path bad = std::filesystem::path(ENTENTE_TEST_DATA) / "bad";
    for (const auto& entry : std::filesystem::directory_iterator(bad)) {
        if (entry.path().extension() == ".expected") {
            continue;
        }
        std::vector<Diagnostic> diagnostics;
        const auto files = read_dataset_path(entry.path(), diagnostics);
        if (files.empty()) {
            continue;
        }
        INFO(entry.path().string());
        const auto result = load_dataset(files);
        CHECK(result.error_count() > 0);
        CHECK_FALSE(result.graph);
    }
}

TEST_CASE("every one-byte deletion and change of a dataset loads or is refused, never half") {
    const std::string text = small_dataset;
    std::size_t valid = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::string deleted = text;
        deleted.erase(i, 1);
        // Letters become digits and punctuation becomes a quote: both change meaning and types.
        std::string changed = text;
        changed[i] = std::isalpha(static_cast<unsigned char>(text[i])) ? '7' : '"';
        for (const std::string* variant : {&deleted, &changed}) {
            const auto result = load_text(*variant);
            INFO("byte ", i, ": ", *variant);
            REQUIRE(result.graph.has_value() == (result.error_count() == 0));
            for (const auto& d : result.diagnostics) {
                CHECK(d.line > 0);  // every problem in the text is located
            }
            if (result.graph) {
                ++valid;
                require_round_trip(*result.graph, "variant");
            }
        }
    }
    // Whitespace and optional text can go without harm: many variants still load.
    CHECK(valid > 100);
}

TEST_CASE("dates of the first millennium load, export and load back, JSON and compiled") {
    const auto result = load_text(R"({"entente": 1,
"sources": [{"id": "s", "title": "Annals", "date": "0800-12-25"}],
"actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
"claims": [{"subject": "a", "relation": "supports", "object": "b", "source": "s",
            "from": "0768", "until": "0814-01"}]})");
    REQUIRE_MESSAGE(result.graph, messages(result));
    require_round_trip(*result.graph, "first millennium");
    const auto back = load_dataset({{"x.entente", to_compiled(*result.graph, result)}});
    REQUIRE_MESSAGE(back.graph, messages(back));
    CHECK(back.graph->data() == result.graph->data());
}

TEST_CASE("references to records in a later file resolve") {
    const auto result = load_dataset({{"claims.json", R"({"entente": 1, "actors": [], "claims": [
            {"subject": "a", "relation": "allies", "object": "b", "source": "s"}]})"},
                                      {"rest.json", R"({"entente": 1,
            "sources": [{"id": "s", "title": "T", "publisher": "P"}],
            "relations": [{"id": "allies", "label": "allies", "polarity": 1, "symmetric": true}],
            "actors": [{"id": "a", "name": "A", "kind": "state"},
                       {"id": "b", "name": "B", "kind": "group"}],
            "claims": []})"}});
    REQUIRE_MESSAGE(result.graph, messages(result));
    const Claim& c = result.graph->data().claims.at(0);
    CHECK(result.graph->actor(c.object).id == "b");
    CHECK(result.graph->relation(c.relation).id == "allies");
    CHECK(c.asserted_by == "P");
    CHECK(c.id_assigned);
}

TEST_CASE(
    "a claim's and a source's long texts are kept in the dataset's arena, and outlive it "
    "in a copy") {
    const std::string quote = "a quote of more than fifteen bytes, with an escape: \\u00e9";
    const auto result = load_text(R"({"entente": 1,
        "sources": [{"id": "s", "title": "A title longer than fifteen bytes", "author": "Short"}],
        "actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B",
                    "kind": "state"}],
        "claims": [{"id": "c1", "subject": "a", "relation": "supports", "object": "b",
                    "source": "s", "quote": ")" +
                                  quote + R"("}]})");
    REQUIRE_MESSAGE(result.graph, messages(result));
    const Dataset& data = result.graph->data();
    REQUIRE(data.texts.arena != nullptr);
    const Claim& c = data.claims.at(0);
    CHECK(c.quote == "a quote of more than fifteen bytes, with an escape: \u00e9");
    CHECK(data.texts.arena->holds(c.quote.data()));
    CHECK(data.texts.arena->holds(data.sources.at(0).title.data()));
    // Short texts stay inline, in the record.
    CHECK_FALSE(data.texts.arena->holds(c.id.data()));
    CHECK_FALSE(data.texts.arena->holds(data.sources.at(0).author.data()));
    CHECK(c.asserted_by == "Short");
    CHECK_FALSE(data.texts.arena->holds(c.asserted_by.data()));  // 6 bytes or fewer: inline

    // Two claims that take their asserted_by from their source's author.
    const auto two_claims_by = [](const std::string& author) {
        return load_text(R"({"entente": 1,
            "sources": [{"id": "s", "title": "T", "author": ")" +
                         author + R"("}],
            "actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B",
                        "kind": "state"}],
            "claims": [{"id": "c1", "subject": "a", "relation": "supports", "object": "b",
                        "source": "s"},
                       {"id": "c2", "subject": "b", "relation": "supports", "object": "a",
                        "source": "s"}]})");
    };

    // An author too long for a claim's inline text but inline in the source is added to the
    // arena once, and each of the source's claims borrows that copy.
    const auto mid_author = two_claims_by("Analyst 7");
    REQUIRE_MESSAGE(mid_author.graph, messages(mid_author));
    const Dataset& by_analyst = mid_author.graph->data();
    CHECK_FALSE(by_analyst.texts.arena->holds(by_analyst.sources.at(0).author.data()));
    for (const Claim& claim : by_analyst.claims) {
        CHECK(claim.asserted_by == "Analyst 7");
        CHECK(claim.asserted_by.borrows());
        CHECK(by_analyst.texts.arena->holds(claim.asserted_by.data()));
    }
    CHECK(by_analyst.claims.at(0).asserted_by.data() == by_analyst.claims.at(1).asserted_by.data());

    // An author long enough to be in the arena already is borrowed from there.
    const auto long_author = two_claims_by("An author of more than fifteen bytes");
    REQUIRE_MESSAGE(long_author.graph, messages(long_author));
    const Dataset& by_author = long_author.graph->data();
    for (const Claim& claim : by_author.claims) {
        CHECK(claim.asserted_by == "An author of more than fifteen bytes");
        CHECK(claim.asserted_by.data() == by_author.sources.at(0).author.data());
    }

    // A copy of the dataset owns its texts: it reads them after the graph is gone (under
    // AddressSanitizer a borrowed text read after its arena would abort).
    std::optional<Dataset> copy;
    {
        auto graph = load_text(R"({"entente": 1,
            "sources": [{"id": "s", "title": "A title longer than fifteen bytes"}],
            "actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B",
                        "kind": "state"}],
            "claims": [{"id": "c1", "subject": "a", "relation": "supports", "object": "b",
                        "source": "s", "quote": "another quote longer than fifteen bytes"}]})");
        REQUIRE(graph.graph);
        copy = graph.graph->data();
        copy->texts = {};
    }
    CHECK(copy->claims.at(0).quote == "another quote longer than fifteen bytes");
    CHECK(copy->sources.at(0).title == "A title longer than fifteen bytes");
}

TEST_CASE("a lone surrogate, high or low, is refused at the door, located") {
    // A low surrogate alone decodes to bytes that are not UTF-8 (ED B0 80).
    CHECK(messages(load_text(named("lone \\udc00 low"))) ==
          lines({"test.json:1:47: error: invalid UTF-8 in a string: a lone surrogate U+DC00 "
                 "(byte 5 of the string), which is not a character (at /actors/0/name)"}));
    // RapidJSON refuses a high surrogate without its low half itself.
    CHECK(messages(load_text(named("lone \\ud800 high"))) ==
          lines({"test.json:1:53: error: syntax error: the surrogate pair in string is invalid"}));
    // A proper pair is one character.
    const auto pair = load_text(named("pair \\ud83d\\ude00"));
    REQUIRE(pair.graph);
    CHECK(pair.graph->actor(0).name == "pair \xF0\x9F\x98\x80");
    // Member names too: they are echoed in messages.
    CHECK(messages(load_text(R"({"entente": 1, "actors": [], "claims": [], "\udfff": 1})")) ==
          lines({"test.json:1:44: error: invalid UTF-8 in a member name: a lone surrogate "
                 "U+DFFF (byte 0 of the string), which is not a character"}));
}

TEST_CASE("a NUL in any string is refused where it comes in, located") {
    CHECK(messages(load_text(named("Ankara\\u0000 Istanbul"))) ==
          lines({"test.json:1:47: error: a string may not contain U+0000 (NUL) (at "
                 "/actors/0/name)"}));
    const auto quote = load_text(
        R"({"entente": 1, "sources": [{"id": "s", "title": "S"}], "actors": [
{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
"claims": [{"subject": "a", "relation": "supports", "object": "b", "source": "s",
"quote": "cut \u0000 here", "note": "\u0000"}]})");
    CHECK(messages(quote) ==
          lines({"test.json:4:10: error: a string may not contain U+0000 (NUL) (at "
                 "/claims/0/quote)",
                 "test.json:4:37: error: a string may not contain U+0000 (NUL) (at "
                 "/claims/0/note)"}));
    // Other control characters are text: kept as they are, and every writer escapes them.
    const auto controls = load_text(named("bell \\u0007 escape \\u001b[2J"));
    REQUIRE(controls.graph);
    CHECK(controls.graph->actor(0).name == "bell \x07 escape \x1b[2J");
}

TEST_CASE("numbers are read to the nearest double, as written") {
    const auto nearly_one = load_text(with_confidence("0.9999999999999999"));
    REQUIRE(nearly_one.graph);
    CHECK(nearly_one.graph->data().claims[0].confidence == 0.9999999999999999);
    CHECK(nearly_one.graph->data().claims[0].confidence < 1.0);
    const KnowledgeGraph& kg = *nearly_one.graph;
    CHECK(to_dataset_json(kg, select(kg, {})).find("\"confidence\": 0.9999999999999999") !=
          std::string::npos);

    // 2,001 random doubles in (0, 1], each written in its shortest round-trip form (as
    // Python's repr writes them), must come back bit for bit, and again after an export.
    std::mt19937_64 rng(20241130);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::string claims;
    std::vector<double> values;
    for (int i = 0; i < 2001; ++i) {
        double v = uniform(rng);
        if (v == 0.0) {
            v = 1.0;
        }
        values.push_back(v);
        char text[32];
        const auto end = std::to_chars(text, text + sizeof text, v).ptr;
        claims += std::string(i == 0 ? "" : ",\n") + R"({"id": "c)" + std::to_string(i) +
                  R"(", "subject": "a", "relation": "supports", "object": "b", "source": "s", )" +
                  R"("confidence": )" + std::string(text, end) + "}";
    }
    const auto result = load_text(R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
"actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
"claims": [)" + claims + "]}");
    REQUIRE_MESSAGE(result.graph, messages(result));
    std::size_t exact = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        exact += result.graph->data().claims[i].confidence == values[i] ? 1 : 0;
    }
    CHECK(exact == values.size());
    require_round_trip(*result.graph, "random confidences");
}

TEST_CASE("a number too big for a double names the value it was for") {
    CHECK(messages(load_text(with_confidence("1e400"))) ==
          lines({"test.json:3:97: error: number too big to be stored as a double (at "
                 "/claims/0/confidence)"}));
    // Numbers in messages are shown as written, not as a double prints them.
    CHECK(messages(load_text(with_confidence("1e-400"))) ==
          lines({"test.json:3:97: error: confidence must be greater than 0 and at most 1, got "
                 "1e-400 (at /claims/0/confidence)"}));
}

TEST_CASE("40,000 identical claims without ids get numbered ids in linear work") {
    std::string claims;
    const std::size_t n = 40'000;
    for (std::size_t i = 0; i < n; ++i) {
        claims += std::string(i == 0 ? "" : ",") +
                  R"({"subject": "a", "relation": "supports", "object": "b", "source": "s"})";
    }
    const std::string text = R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
"actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
"claims": [)" + claims + "]}";
    LoadLimits limits;
    limits.max_similar_warnings = 0;
    detail::LoadWork work;
    const auto result = detail::read_json({{"same.json", text}}, limits, {}, &work);
    REQUIRE(result.graph);
    const auto& c = result.graph->data().claims;
    const std::string base = c[0].id.str();
    CHECK(c[1].id == base + "-2");
    CHECK(c[n - 1].id == base + "-" + std::to_string(n));
    // One lookup for the base id and one for the numbered one each, not one per earlier claim.
    CHECK(work.content_id_lookups <= 3 * n);
    CHECK(result.warning_count() == n - 1);  // the same claim again, each reported
}

TEST_CASE("work is bounded: nesting, repeated keys, shared names, unknown names") {
    detail::LoadWork work;
    // A million levels of nesting stop at the depth cap having read 65 bytes.
    const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
    const auto nested = detail::read_json({{"test.json", deep}}, {}, {}, &work);
    CHECK(messages(nested) == lines({"test.json:1:65: error: nesting deeper than 64 levels; an "
                                     "entente file needs no more than 4"}));
    CHECK(work.bytes_parsed <= 65);

    // 100,000 unknown keys, one repeated: each name looked up once, the repeat found.
    std::string keys = "{";
    for (int i = 0; i < 100'000; ++i) {
        keys += "\"k" + std::to_string(i) + "\": 0, ";
    }
    keys += "\"k7\": 1}";
    const auto repeated = detail::read_json({{"test.json", keys}}, {}, {}, &work);
    // 100,001 unknown fields (k7 twice), 3 missing ones, and the repeated key.
    CHECK(repeated.diagnostics.size() == 100'005);
    CHECK(work.unknown_keys == 100'001);
    const auto k7 =
        std::find_if(repeated.diagnostics.begin(), repeated.diagnostics.end(),
                     [](const Diagnostic& d) { return d.message == "duplicate key \"k7\""; });
    REQUIRE(k7 != repeated.diagnostics.end());
    CHECK(k7->pointer == "/k7");

    // 10,000 unknown actor names and 10,000 unknown relations: suggestions stop at their budget.
    std::string text = R"({"entente": 1, "sources": [{"id": "s", "title": "S"}], "actors": [)";
    for (int i = 0; i < 10'000; ++i) {
        text += std::string(i == 0 ? "" : ",") + R"({"id": "actor-)" + std::to_string(i) +
                R"(", "name": "Actor number )" + std::to_string(i) + R"(", "kind": "state"})";
    }
    text += "], \"claims\": [";
    for (int i = 0; i < 10'000; ++i) {
        text += std::string(i == 0 ? "" : ",") + R"({"subject": "actr-)" + std::to_string(i) +
                R"(", "relation": "suports", "object": "actor-1", "source": "s"})";
    }
    text += "]}";
    const auto unknown = detail::read_json({{"test.json", text}}, {}, {}, &work);
    CHECK(unknown.error_count() == 20'000);
    CHECK(unknown.diagnostics[0].message == "unknown actor \"actr-0\"; did you mean \"actor-0\"?");
    CHECK(unknown.diagnostics.back().message == "unknown relation \"suports\"");
    CHECK(work.suggestion_cost <= 100'000'000);
    CHECK(work.relocated_fields == 20'000);  // each finding located once
}

TEST_CASE("a compiled file whose checksum is right is still held to every rule") {
    // Forged tables, compiled with a valid checksum: the compiled reader must refuse them with
    // the rules a JSON file meets, each named by its pointer.
    const auto loaded = load_text(small_dataset);
    REQUIRE(loaded.graph);
    auto forged = [&](auto&& change) {
        Dataset d = loaded.graph->data();
        change(d);
        const std::string bytes = to_compiled(KnowledgeGraph(std::move(d)), {}, 1);
        return messages(load_dataset({{"f.entente", bytes}}));
    };
    const Index jk = loaded.graph->find_actor("jk");
    const Index india = loaded.graph->find_actor("india");
    CHECK(forged([&](Dataset& d) {
              d.actors[india].kind = ActorKind::position;
              d.actors[india].holder = jk;
          }) == lines({"f.entente: error: holder \"jk\" is a position; a holder must be a "
                       "state, organization, person or group (at /actors/2/holder)",
                       "f.entente: error: holder \"india\" is a position; a holder must be a "
                       "state, organization, person or group (at /actors/3/holder)"}));
    CHECK(forged([&](Dataset& d) { d.claims[0].object = d.claims[0].subject; }) ==
          lines({"f.entente: error: subject and object are both \"russia\"; a claim relates two "
                 "different actors (at /claims/0/object)"}));
    CHECK(forged([&](Dataset& d) { d.actors[1].id = "russia"; }) ==
          lines({"f.entente: error: duplicate actor id \"russia\" (first defined at /actors/0) "
                 "(at /actors/1/id)"}));
    CHECK(forged([&](Dataset& d) { d.claims[1].id = "c1"; }) ==
          lines({"f.entente: error: duplicate claim id \"c1\" (first defined at /claims/0) (at "
                 "/claims/1/id)"}));
    CHECK(forged([&](Dataset& d) { d.actors[0].id = "Russia"; }) ==
          lines({"f.entente: error: expected an id (lowercase letters and digits, words joined "
                 "by '-', '_' or '.'), got \"Russia\" (at /actors/0/id)"}));
    CHECK(forged([&](Dataset& d) { d.actors[0].name = "bad \xff byte"; }) ==
          lines({"f.entente: error: invalid UTF-8 in a string: byte 0xFF (byte 4 of the "
                 "string) does not start a valid character (at /actors/0/name)"}));
    CHECK(forged([&](Dataset& d) { d.claims[0].quote = std::string("nul \0 here", 10); }) ==
          lines({"f.entente: error: a string may not contain U+0000 (NUL) (at "
                 "/claims/0/quote)"}));
    CHECK(forged([&](Dataset& d) { d.claims[0].confidence = 1.5; }) ==
          lines({"f.entente: error: confidence must be greater than 0 and at most 1, got 1.5 "
                 "(at /claims/0/confidence)"}));
    CHECK(forged([&](Dataset& d) {
              d.claims[2].from = Date{2024, 2, 30};
          }) ==
          lines({"f.entente: error: \"2024-02-30\" is not a calendar date (at /claims/2/from)"}));

    // The length limits hold for compiled files as for JSON, and so does the byte limit.
    const std::string bytes = to_compiled(*loaded.graph, loaded);
    LoadLimits small;
    small.max_bytes = bytes.size() - 1;
    CHECK(messages(load_dataset({{"b.entente", bytes}}, small)) ==
          lines({"b.entente: error: file of " + std::to_string(bytes.size()) +
                 " bytes; one command loads at most " + std::to_string(bytes.size() - 1) +
                 " bytes (--max-bytes)"}));
    LoadLimits limits;
    limits.max_name_length = 8;
    CHECK(messages(load_dataset({{"l.entente", bytes}}, limits)) ==
          lines({"l.entente: error: string of 9 characters; a name may have at most 8 "
                 "(--max-name-length) (at /sources/0/author)",
                 "l.entente: error: string of 18 characters; a name may have at most 8 "
                 "(--max-name-length) (at /actors/0/aliases)",
                 "l.entente: error: string of 9 characters; a name may have at most 8 "
                 "(--max-name-length) (at /actors/1/aliases)",
                 "l.entente: error: string of 9 characters; a name may have at most 8 "
                 "(--max-name-length) (at /actors/2/aliases)",
                 "l.entente: error: string of 35 characters; a name may have at most 8 "
                 "(--max-name-length) (at /actors/3/name)"}));
    // (A JSON file also holds member names and references by id, which count as names too; a
    // compiled file holds neither: references are indices into the tables.)
    limits = {};
    limits.max_text_length = 10;
    CHECK(messages(load_dataset({{"l.entente", bytes}}, limits)) ==
          lines({"l.entente: error: string of 19 characters; a quote, note, title or url may "
                 "have at most 10 (--max-text-length) (at /claims/0/quote)"}));
}

namespace {

// Whether this kernel faults pages in on request (madvise MADV_POPULATE_WRITE, Linux 5.14):
// where it does not, the prefaulter does nothing and the loads below fault their own pages.
bool kernel_populates() {
#ifdef MADV_POPULATE_WRITE
    const std::size_t page = 4096;
    void* p = ::mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(p != MAP_FAILED);
    const bool ok = ::madvise(p, page, MADV_POPULATE_WRITE) == 0;
    ::munmap(p, page);
    return ok;
#else
    return false;
#endif
}

// Which 4 KiB pages of [p, p + bytes) are resident, as a string of '1' and '0' per MiB
// (a MiB counts as resident when all its pages are, as absent when none is, else '?').
std::string resident_mib(const char* p, std::size_t bytes) {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    std::vector<unsigned char> in(bytes / page);
    REQUIRE(::mincore(const_cast<char*>(p), bytes, in.data()) == 0);
    std::string out;
    const std::size_t per_mib = (std::size_t{1} << 20) / page;
    for (std::size_t m = 0; m < in.size() / per_mib; ++m) {
        std::size_t n = 0;
        for (std::size_t i = 0; i < per_mib; ++i) {
            n += in[m * per_mib + i] & 1U;
        }
        out += n == per_mib ? '1' : n == 0 ? '0' : '?';
    }
    return out;
}

}  // namespace

// Whether `resident` (from resident_mib) fits `pattern`, where '.' allows either.
bool fits(const std::string& resident, const std::string& pattern) {
    if (resident.size() != pattern.size()) {
        return false;
    }
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '.' && pattern[i] != resident[i]) {
            return false;
        }
    }
    return true;
}

TEST_CASE("the prefaulter faults in the pages from each report up to its lead, never behind") {
    if (!kernel_populates()) {
        MESSAGE("this kernel has no MADV_POPULATE_WRITE: nothing to check");
        return;
    }
    const std::size_t mib = std::size_t{1} << 20;
    const std::size_t bytes = 16 * mib;
    // Watches [first, last) MiB of a fresh 16 MiB mapping with a lead of `ahead` MiB, reports
    // the writer at each of `reports` (MiB) in turn, stops; returns which MiB are resident and
    // the bytes asked for. What the thread saw before the last report depends on when it ran;
    // the last report is always acted on.
    auto run = [&](std::size_t first, std::size_t last, std::size_t ahead,
                   const std::vector<std::size_t>& reports) {
        auto* p = static_cast<char*>(
            ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
        REQUIRE(p != MAP_FAILED);
        // Ordinary pages, so that residence is counted as asked for, not a huge page at a time.
        ::madvise(p, bytes, MADV_NOHUGEPAGE);
        REQUIRE(resident_mib(p, bytes) == std::string(16, '0'));
        detail::Prefaulter prefaulter(ahead * mib);
        prefaulter.watch(0, p + first * mib, p + last * mib);
        prefaulter.start();
        for (std::size_t at : reports) {
            prefaulter.progress(0, p + at * mib);
        }
        prefaulter.stop();
        const auto out = std::make_pair(resident_mib(p, bytes), prefaulter.populated());
        // The bytes were never written: they read as zeros.
        CHECK(std::all_of(p, p + bytes, [](char c) { return c == 0; }));
        ::munmap(p, bytes);
        return out;
    };
    // Written from 1 MiB on, reports at 2 and 4 MiB, a lead of 3: 4 to 7 MiB for certain, 1 to 4
    // if the thread ran before the reports, nothing past 7.
    const auto [steps, steps_bytes] = run(1, 12, 3, {2, 4});
    CHECK_MESSAGE(fits(steps, "0...111000000000"), steps);
    CHECK(steps_bytes >= 3 * mib);
    CHECK(steps_bytes <= 6 * mib);
    // One report far ahead: what lies between the start and the report is never asked for (a
    // reader gives those pages back behind it; bringing them in again would keep them).
    const auto [jump, jump_bytes] = run(0, 16, 2, {10});
    CHECK_MESSAGE(fits(jump, "..00000000110000"), jump);
    CHECK(jump_bytes >= 2 * mib);
    CHECK(jump_bytes <= 4 * mib);
    // Nothing past the range's end, even with the writer reported past it (from where nothing
    // is left to ask for: what the thread did before depends on when it ran).
    const auto [to_end, to_end_bytes] = run(8, 12, 3, {11, 20});
    CHECK_MESSAGE(fits(to_end, "00000000....0000"), to_end);
    CHECK(to_end_bytes <= 4 * mib);

    // A range read, not written (a mapped file's pages): brought in the same way, bytes kept.
    const std::string text(4 * mib, 'x');
    detail::Prefaulter reader(2 * mib);
    reader.watch(0, text.data(), text.data() + text.size(), true);
    reader.start();
    reader.stop();
    CHECK(reader.populated() == 2 * mib);
    CHECK(text == std::string(4 * mib, 'x'));
}

TEST_CASE("a big file of claims under 64 bytes each outgrows the table reserved: still loads") {
    // The claims table is reserved for one claim per 64 bytes of JSON; these take 57 to 59, so
    // it moves part way through, and the thread faulting in its pages is stopped first.
    std::string actors;
    for (int i = 0; i < 1000; ++i) {
        actors += std::string(i == 0 ? "" : ",") + R"({"id":"a)" + std::to_string(i) +
                  R"(","name":"A)" + std::to_string(i) + R"(","kind":"state"})";
    }
    std::string text = R"({"entente":1,"sources":[{"id":"s","title":"S"}],
"relations":[{"id":"r","label":"r","polarity":1,"symmetric":false}],"actors":[)" +
                       actors + R"(],"claims":[)";
    const std::size_t n = 320'000;
    for (std::size_t i = 0; i < n; ++i) {
        // Subject and object from i's two base-1000 digits: every pair once, never an actor
        // with itself.
        const std::size_t subject = i % 1000;
        const std::size_t object = (subject + 1 + i / 1000) % 1000;
        text += std::string(i == 0 ? "" : ",") + R"({"subject":"a)" + std::to_string(subject) +
                R"(","relation":"r","object":"a)" + std::to_string(object) + R"(","source":"s"})";
    }
    text += "]}";
    REQUIRE(text.size() >= (std::size_t{16} << 20));
    REQUIRE(text.size() / 64 < n);
    detail::LoadWork work;
    const auto result = detail::read_json({{"compact.json", text}}, {}, {}, &work);
    REQUIRE_MESSAGE(result.graph, messages(result));
    CHECK(result.warning_count() == 0);
    const auto& claims = result.graph->data().claims;
    REQUIRE(claims.size() == n);
    for (std::size_t i : {std::size_t{0}, n / 2, n - 1}) {
        CHECK(result.graph->actor(claims[i].subject).id == "a" + std::to_string(i % 1000));
        CHECK(result.graph->actor(claims[i].object).id ==
              "a" + std::to_string((i % 1000 + 1 + i / 1000) % 1000));
    }
    if (kernel_populates()) {
        CHECK(work.bytes_prefaulted > 0);  // it ran until the table moved
    }
}

TEST_CASE(
    "a file of 16 MiB and more, its pages faulted in ahead, loads as the same data in pieces") {
    // 60,000 claims with quotes of 200 to 299 bytes: about 21 MB of JSON in one file, against
    // the same records in two files below 16 MiB, which are read without the prefaulter and
    // parsed directly, not on a thread of their own.
    const std::string head = R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
"actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
"claims": [)";
    std::string first;
    std::string second;
    const std::size_t n = 60'000;
    for (std::size_t i = 0; i < n; ++i) {
        std::string& into = i < n / 2 ? first : second;
        const std::string quote(200 + i % 100, static_cast<char>('a' + i % 26));
        into += std::string(into.empty() ? "" : ",\n") + R"({"id": "c)" + std::to_string(i) +
                R"(", "subject": ")" + (i % 3 == 0 ? "b" : "a") +
                R"(", "relation": "supports", "object": ")" + (i % 3 == 0 ? "a" : "b") +
                R"(", "source": "s", "quote": ")" + quote + R"(", "confidence": 0.5})";
    }
    const std::string whole = head + first + ",\n" + second + "]}";
    REQUIRE(whole.size() >= (std::size_t{16} << 20));
    detail::LoadWork work;
    const auto big = detail::read_json({{"big.json", whole}}, {}, {}, &work);
    REQUIRE_MESSAGE(big.graph, messages(big));
    CHECK(big.graph->data().claims.size() == n);
    CHECK(big.graph->data().claims[n - 1].quote ==
          std::string(200 + (n - 1) % 100, 'a' + (n - 1) % 26));
    if (kernel_populates()) {
        CHECK(work.bytes_prefaulted > 0);
    }

    const std::string part_one = head + first + "]}";
    const std::string part_two =
        R"({"entente": 1, "sources": [], "actors": [], "claims": [)" + second + "]}";
    REQUIRE(part_one.size() < (std::size_t{16} << 20));
    REQUIRE(part_two.size() < (std::size_t{16} << 20));
    detail::LoadWork pieces_work;
    const auto pieces =
        detail::read_json({{"one.json", part_one}, {"two.json", part_two}}, {}, {}, &pieces_work);
    REQUIRE_MESSAGE(pieces.graph, messages(pieces));
    CHECK(pieces_work.bytes_prefaulted == 0);
    CHECK(work.events_relayed);
    CHECK(work.files_scanned_whole == 1);  // by the relay's scanner, RapidJSON never called
    CHECK_FALSE(pieces_work.events_relayed);
    CHECK(pieces.graph->data() == big.graph->data());

    // From a file, as the CLI reads it: mapped, its next pages brought in ahead of the parser too.
    const auto path = std::filesystem::temp_directory_path() / "entente-test-prefault.json";
    {
        std::ofstream out(path, std::ios::binary);
        out << whole;
    }
    detail::LoadWork mapped_work;
    std::vector<Diagnostic> unread;
    const auto files = read_dataset_path(path, unread, {}, InputReading::map);
    REQUIRE(unread.empty());
    REQUIRE(files.at(0).mapping);
    const auto mapped = detail::read_json(files, {}, {}, &mapped_work);
    std::filesystem::remove(path);
    REQUIRE_MESSAGE(mapped.graph, messages(mapped));
    CHECK(mapped.graph->data() == big.graph->data());
    // Parsed on a thread of its own, which reads the file's pages ahead of the reader.
    CHECK(mapped_work.events_relayed);
}

TEST_CASE("the warnings of 20,000 claims, found beside the record rules, name the right claims") {
    // Pair p (0 to 4999) of actors a0..a99 is claimed four times, one round of 5,000 claims
    // after another, one claim a line: a repeat in round 1; in rounds 2 and 3 the odd pairs turn
    // to "opposes", a contradiction and then its repeat. 15,000 warnings, found on the other
    // thread while ids are checked and asserters filled in.
    std::string text = R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
"actors": [)";
    for (int a = 0; a < 100; ++a) {
        text += std::string(a == 0 ? "" : ", ") + R"({"id": "a)" + std::to_string(a) +
                R"(", "name": "A)" + std::to_string(a) + R"(", "kind": "state"})";
    }
    text += "],\n\"claims\": [\n";  // claim i is on line 4 + i
    const std::size_t n = 20'000;
    const auto subject = [](std::size_t p) { return "a" + std::to_string(p % 100); };
    const auto object = [](std::size_t p) {
        return "a" + std::to_string((p % 100 + 1 + p / 100) % 100);
    };
    const auto opposes = [](std::size_t i) { return i / 5000 >= 2 && i % 2 == 1; };
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t p = i % 5000;
        text += std::string(i == 0 ? "" : ",\n") + R"({"id": "c)" + std::to_string(i) +
                R"(", "subject": ")" + subject(p) + R"(", "relation": ")" +
                (opposes(i) ? "opposes" : "supports") + R"(", "object": ")" + object(p) +
                R"(", "source": "s"})";
    }
    text += "]}";
    LoadLimits limits;
    limits.max_similar_warnings = n;
    detail::LoadWork work;
    const auto result = detail::read_json({{"w.json", text}}, limits, {}, &work);
    REQUIRE_MESSAGE(result.graph, messages(result));
    CHECK(work.warnings_found_concurrently);
    CHECK(result.error_count() == 0);
    REQUIRE(result.diagnostics.size() == 15'000);
    const auto site = [](std::size_t i) { return "w.json:" + std::to_string(4 + i) + ":1"; };
    const auto repeat = [&](std::size_t i, std::size_t first) {
        return site(i) + ": warning: same subject, relation, object and source as claim \"c" +
               std::to_string(first) + "\" (" + site(first) + ") (at /claims/" + std::to_string(i) +
               ")";
    };
    // In file order: round 1 (5,000 repeats), then round 2 (2,500 repeats of even pairs, 2,500
    // contradictions of odd ones), then round 3 (5,000 repeats).
    for (std::size_t k = 0; k < result.diagnostics.size(); ++k) {
        const std::size_t i = 5000 + k;
        const std::size_t p = i % 5000;
        std::string expected;
        if (i / 5000 == 2 && p % 2 == 1) {
            expected = site(i) + ": warning: source \"s\" contradicts itself: this claim says \"" +
                       subject(p) + " opposes " + object(p) + "\", claim \"c" + std::to_string(p) +
                       "\" (" + site(p) + ") says \"" + subject(p) + " supports " + object(p) +
                       "\" (at /claims/" + std::to_string(i) + ")";
        } else {
            expected = repeat(i, i / 5000 == 3 && p % 2 == 1 ? p + 10000 : p);
        }
        REQUIRE(format_diagnostic(result.diagnostics[k]) == expected);
    }
    // The same claims as found with nothing else running.
    const auto found = detail::find_claim_warnings(result.graph->data());
    REQUIRE(found.size() == 15'000);
    CHECK(found.front().claim == 5000);
    CHECK(found.back().claim == n - 1);

    // Below 16,384 claims, found after the rules, on the loading thread.
    detail::LoadWork small_work;
    const auto small = detail::read_json({{"w.json", with_confidence("0.5")}}, {}, {}, &small_work);
    REQUIRE(small.graph);
    CHECK_FALSE(small_work.warnings_found_concurrently);
}

namespace {

// Loads `files` parsed directly and with each file's events relayed from a second thread
// (SaxRelay): the same diagnostics at the same places, the same data, the same work.
void require_relayed_alike(const std::vector<InputFile>& files, const std::string& what,
                           const LoadLimits& limits = {}) {
    INFO(what);
    detail::LoadWork direct_work;
    const auto direct = detail::read_json(files, limits, {}, &direct_work);
    detail::LoadWork relayed_work;
    detail::ReaderThreads everywhere;
    everywhere.relay_from = 0;
    const auto relayed = detail::read_json(files, limits, {}, &relayed_work, everywhere);
    CHECK_FALSE(direct_work.events_relayed);
    CHECK(relayed_work.events_relayed == !files.empty());
    REQUIRE(located(relayed.diagnostics) == located(direct.diagnostics));
    REQUIRE(relayed.graph.has_value() == direct.graph.has_value());
    if (direct.graph) {
        CHECK(relayed.graph->data() == direct.graph->data());
    }
    CHECK(relayed_work.records == direct_work.records);
    CHECK(relayed_work.unknown_keys == direct_work.unknown_keys);
    // A parse the reader stops (too deep, too many records) ends where each parser had got to;
    // any other ends at the same byte.
    const bool stopped =
        std::any_of(direct.diagnostics.begin(), direct.diagnostics.end(), [](const Diagnostic& d) {
            return d.message.find("nesting deeper") != std::string::npos ||
                   d.message.find("(--max-records)") != std::string::npos;
        });
    if (!stopped) {
        CHECK(relayed_work.bytes_parsed == direct_work.bytes_parsed);
    }
}

}  // namespace

TEST_CASE(
    "parsed directly or relayed from a second thread, every file of the corpora loads alike") {
    const std::filesystem::path root = ENTENTE_SOURCE_DIR;
    const std::filesystem::path data = ENTENTE_TEST_DATA;
    std::vector<std::filesystem::path> inputs = {root / "data",
                                                 root / "examples" / "highland-tribes.json"};
    for (const char* corpus : {"good", "bad", "warn"}) {
        for (const auto& entry : std::filesystem::directory_iterator(data / corpus)) {
            if (entry.path().extension() == ".json") {
                inputs.push_back(entry.path());
            }
        }
    }
    for (const auto& path : inputs) {
        std::vector<Diagnostic> unread;
        const auto files = read_dataset_path(path, unread);
        require_relayed_alike(files, path.string());
    }
    // Every one-byte deletion of a dataset: syntax errors and bad values at every place.
    const std::string text = small_dataset;
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::string deleted = text;
        deleted.erase(i, 1);
        require_relayed_alike({{"test.json", deleted}}, "byte " + std::to_string(i));
    }
}

TEST_CASE("relayed strings, with escapes and without, arrive as parsed directly") {
    // Escapes of every kind, a string ending in an escaped backslash or quote, and texts whose
    // decoded bytes match the file's up to where the escape was.
    const std::string text = R"({"entente": 1, "sources": [{"id": "s", "title": "S \"quoted\""}],
"actors": [{"id": "a", "name": "A\\", "kind": "state", "aliases": ["\u00e9t\u00e9", "\ud83d\ude00", "tab\there", "x\"", "\/", "\\"]},
{"id": "b", "name": "B", "kind": "state", "note": "line\nbreak \\\" and \\\\ end\\"}],
"claims": [{"id": "c1", "subject": "a", "relation": "supports", "object": "b", "source": "s",
"quote": "\"\"", "confidence": 0.25e0, "note": "\u0041BC"},
{"id": "c2", "subject": "b", "relation": "opposes", "object": "a", "source": "s", "quote": "\u00"}]})";
    require_relayed_alike({{"escapes.json", text}}, "escapes");
    detail::ReaderThreads everywhere;
    everywhere.relay_from = 0;
    const auto fixed = std::string(text).replace(text.find(R"("\u00"})"), 7, R"("q"})");
    const auto result = detail::read_json({{"escapes.json", fixed}}, {}, {}, nullptr, everywhere);
    REQUIRE_MESSAGE(result.graph, messages(result));
    const auto& actors = result.graph->data().actors;
    CHECK(actors[0].name == "A\\");
    CHECK(actors[0].aliases.at(0) == "\u00e9t\u00e9");
    CHECK(actors[0].aliases.at(1) == "\U0001F600");
    CHECK(actors[0].aliases.at(2) == "tab\there");
    CHECK(actors[0].aliases.at(3) == "x\"");
    CHECK(actors[0].aliases.at(4) == "/");
    CHECK(actors[0].aliases.at(5) == "\\");
    CHECK(result.graph->data().claims[0].quote == "\"\"");
}

TEST_CASE("a relayed parse the reader stops ends, however far ahead the parsing thread is") {
    // 100,000 claims, but at most 50 records: the reader stops at the 51st while the parsing
    // thread may be thousands of events further; then a nesting too deep at the end of as many.
    std::string claims;
    for (int i = 0; i < 100'000; ++i) {
        claims += std::string(i == 0 ? "" : ",\n") +
                  R"({"subject": "a", "relation": "supports", "object": "b", "source": "s"})";
    }
    const std::string head = R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
"actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
"claims": [)";
    const std::string text = head + claims + "]}";
    LoadLimits few;
    few.max_records = 50;
    require_relayed_alike({{"many.json", text}}, "record limit", few);
    std::string deep = head + claims + ",\n";
    deep += R"({"subject": "a", "relation": "supports", "object": "b", "source": "s", "note": )";
    deep += std::string(70, '[') + std::string(70, ']') + "}]}";
    require_relayed_alike({{"deep.json", deep}}, "nesting");
    // And the whole file read when nothing stops it.
    require_relayed_alike({{"many.json", text}}, "no limit");
}

TEST_CASE("a relayed parse of a million levels of nesting stops the parsing thread at the cap") {
    // The reader stops at the 65th level; the parsing thread, which records a chunk of 16,384
    // events before the reader sees the first, stops one level further by itself rather than
    // recursing through the file (RapidJSON recurses once a level, on that thread's stack).
    const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
    detail::LoadWork work;
    detail::ReaderThreads everywhere;
    everywhere.relay_from = 0;
    const auto nested = detail::read_json({{"test.json", deep}}, {}, {}, &work, everywhere);
    CHECK(work.events_relayed);
    CHECK(messages(nested) == lines({"test.json:1:65: error: nesting deeper than 64 levels; an "
                                     "entente file needs no more than 4"}));
    CHECK(work.bytes_parsed == 66);  // the parsing thread's 66th bracket, past the reader's 65th
    require_relayed_alike({{"test.json", deep}}, "a million levels");
}

TEST_CASE("relayed strings with escapes keep their texts across many chunks of events") {
    // 50,000 claims, each with escapes in its quote and note: some 25 chunks of events, each
    // chunk's copied texts written again as the four chunks are reused.
    std::string claims;
    for (int i = 0; i < 50'000; ++i) {
        const std::string n = std::to_string(i);
        claims += std::string(i == 0 ? "" : ",\n") + R"({"id": "c)" + n +
                  R"(", "subject": "a", "relation": "supports", "object": "b", "source": "s", )" +
                  R"("quote": "say \")" + n + R"(\" \\ \u00e9)" + n + R"(", "note": "n\t)" + n +
                  R"("})";
    }
    const std::string text = R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
"actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
"claims": [)" + claims + "]}";
    LoadLimits limits;
    limits.max_similar_warnings = 0;  // every claim repeats the first: one warning line
    require_relayed_alike({{"escapes.json", text}}, "escapes in every claim", limits);
    detail::ReaderThreads everywhere;
    everywhere.relay_from = 0;
    const auto result =
        detail::read_json({{"escapes.json", text}}, limits, {}, nullptr, everywhere);
    REQUIRE(result.graph);
    const auto& c = result.graph->data().claims;
    REQUIRE(c.size() == 50'000);
    for (const std::size_t i : {std::size_t{0}, std::size_t{12'345}, std::size_t{49'999}}) {
        const std::string n = std::to_string(i);
        CHECK(c[i].quote == "say \"" + n + "\" \\ \u00e9" + n);
        CHECK(c[i].note == "n\t" + n);
    }
}

TEST_CASE("references looked up a few behind resolve as if looked up at once") {
    // 60 claims before the actors and relation they name, in two files (the first file's
    // resolve only in the lookup after every file): every third names an unknown actor, every
    // fifth an id longer than the lookahead holds, one a source missing; the errors come in
    // file order, and the claims that resolve point at the right records. The lookahead ring
    // (8 references) wraps many times.
    const std::string long_id(40, 'l');
    auto claims = [&](int from, int to, bool unknown) {
        std::string out;
        for (int i = from; i < to; ++i) {
            const std::string object =
                unknown && i % 3 == 0 ? "zz" + std::to_string(i) : "a" + std::to_string(i);
            out += std::string(out.empty() ? "" : ",\n") + R"({"id": "c)" + std::to_string(i) +
                   R"(", "subject": ")" + (i % 5 == 0 ? long_id : "b") +
                   R"(", "relation": "mine", "object": ")" + object + R"(", "source": ")" +
                   (unknown && i == 31 ? "t" : "s") + R"("})";
        }
        return out;
    };
    std::string actors = R"({"id": ")" + long_id + R"(", "name": "L", "kind": "state"},
{"id": "b", "name": "B", "kind": "state"})";
    for (int i = 0; i < 60; ++i) {
        actors += R"(, {"id": "a)" + std::to_string(i) + R"(", "name": "A)" + std::to_string(i) +
                  R"(", "kind": "state"})";
    }
    auto files = [&](bool unknown) {
        return std::vector<InputFile>{
            {"one.json",
             R"({"entente": 1, "actors": [], "claims": [)" + claims(0, 30, unknown) + "]}"},
            {"two.json",
             R"({"entente": 1, "sources": [{"id": "s", "title": "S"}], "claims": [)" +
                 claims(30, 60, unknown) + R"(], "actors": [)" + actors +
                 R"(], "relations": [{"id": "mine", "label": "mine", "polarity": -1}]})"}};
    };
    std::vector<std::string> expected;
    for (int i = 0; i < 60; ++i) {
        if (i % 3 == 0) {
            expected.push_back("unknown actor \"zz" + std::to_string(i) + "\" (at /claims/" +
                               std::to_string(i < 30 ? i : i - 30) + "/object)");
        }
        if (i == 31) {
            expected.push_back("unknown source \"t\" (at /claims/1/source)");
        }
    }
    require_relayed_alike(files(true), "references");
    const auto result = detail::read_json(files(true), {}, {}, nullptr);
    std::vector<std::string> got;
    for (const Diagnostic& d : result.diagnostics) {
        // Suggestions ("; did you mean ...") are another test's.
        got.push_back(d.message.substr(0, d.message.find(';')) + " (at " + d.pointer + ")");
    }
    CHECK(got == expected);
    // Without the unknown names, every claim resolves to the records named.
    const auto fixed = detail::read_json(files(false), {}, {}, nullptr);
    REQUIRE_MESSAGE(fixed.graph, messages(fixed));
    const Dataset& d = fixed.graph->data();
    REQUIRE(d.claims.size() == 60);
    for (std::size_t i = 0; i < d.claims.size(); ++i) {
        INFO(i);
        CHECK(d.actors[d.claims[i].subject].id == (i % 5 == 0 ? long_id : "b"));
        CHECK(d.actors[d.claims[i].object].id == "a" + std::to_string(i));
        CHECK(d.relations[d.claims[i].relation].id == "mine");
        CHECK(d.sources[d.claims[i].source].id == "s");
    }
}

}  // namespace entente::test
