#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "entente/load/embedded.hpp"
#include "entente/model/errors.hpp"
#include "entente/model/name_index.hpp"
#include "entente/model/text.hpp"
#include "fixture.hpp"

using namespace entente;

TEST_CASE("the graph has one vertex per actor and one edge per claim") {
    const auto result = test::load_text(test::small_dataset);
    REQUIRE(result.graph);
    const KnowledgeGraph& kg = *result.graph;
    CHECK(boost::num_vertices(kg.graph()) == 4);
    CHECK(boost::num_edges(kg.graph()) == 4);
    // Edges run subject -> object and carry their claim.
    const Index russia = kg.find_actor("russia");
    const Index jk = kg.find_actor("jk");
    CHECK(boost::out_degree(russia, kg.graph()) == 2);
    CHECK(boost::in_degree(russia, kg.graph()) == 1);
    CHECK(boost::in_degree(jk, kg.graph()) == 2);
    for (auto [it, end] = boost::out_edges(russia, kg.graph()); it != end; ++it) {
        CHECK(kg.claim(kg.graph()[*it].claim).subject == russia);
    }
    CHECK(kg.claims_of(russia).size() == 3);
    CHECK(kg.actor(jk).holder == kg.find_actor("india"));
}

TEST_CASE("a multigraph: parallel claims between the same actors are kept") {
    std::string text = test::small_dataset;
    const std::string extra =
        R"({"subject": "russia", "relation": "partners_with", "object": "pakistan", "source": "src"},)";
    text.insert(text.find(R"({"subject": "russia", "relation": "cooperates_with")"), extra);
    const auto result = test::load_text(text);
    REQUIRE(result.graph);
    const Index russia = result.graph->find_actor("russia");
    const Index pakistan = result.graph->find_actor("pakistan");
    int parallel = 0;
    for (auto [it, end] = boost::out_edges(russia, result.graph->graph()); it != end; ++it) {
        parallel += boost::target(*it, result.graph->graph()) == pakistan ? 1 : 0;
    }
    CHECK(parallel == 2);
}

TEST_CASE("actors are found by id, name or alias, ignoring case and accents") {
    const auto result = test::load_text(test::small_dataset);
    REQUIRE(result.graph);
    const KnowledgeGraph& kg = *result.graph;
    const Index russia = kg.find_actor("russia");
    CHECK(kg.find_actor("Russia") == russia);
    CHECK(kg.find_actor("MOSCOW") == russia);
    CHECK(kg.find_actor("russian  federation") == russia);
    CHECK(kg.find_actor("new-delhi") == kg.find_actor("india"));
    CHECK(kg.find_actor("Bharat") == kg.find_actor("india"));
    CHECK(kg.find_actor("india's position on jammu and kashmir") == kg.find_actor("jk"));
}

TEST_CASE("an unknown name is an error that suggests the nearest known names") {
    const auto result = test::load_text(test::small_dataset);
    REQUIRE(result.graph);
    try {
        (void)result.graph->find_actor("rusia");
        FAIL("no exception");
    } catch (const UnknownNameError& e) {
        CHECK(std::string(e.what()) == "unknown actor \"rusia\"; did you mean \"russia\"?");
        CHECK(e.suggestions() == std::vector<std::string>{"russia"});
    }
    try {
        (void)result.graph->find_actor("Islamabd");
        FAIL("no exception");
    } catch (const UnknownNameError& e) {
        CHECK(e.suggestions() == std::vector<std::string>{"pakistan"});
    }
    CHECK_THROWS_WITH_AS((void)result.graph->find_actor("zzzzzz"), "unknown actor \"zzzzzz\"",
                         UnknownNameError);
    CHECK_THROWS_WITH_AS((void)result.graph->find_relation("suports"),
                         "unknown relation \"suports\"; did you mean \"supports\"?",
                         UnknownNameError);
    CHECK(result.graph->find_claim("c2") == 1);
    CHECK_THROWS_AS((void)result.graph->find_claim("c9"), UnknownNameError);
}

TEST_CASE("a name shared by two actors is ambiguous unless it is an exact id") {
    const auto result = test::load_text(R"({"entente": 1,
      "sources": [{"id": "s", "title": "S"}],
      "actors": [{"id": "georgia", "name": "Georgia", "kind": "state"},
                 {"id": "georgia-us", "name": "Georgia, U.S. state", "kind": "region", "aliases": ["Georgia"]}],
      "claims": []})");
    REQUIRE(result.graph);
    CHECK(result.graph->find_actor("georgia") == 0);
    CHECK_THROWS_WITH_AS((void)result.graph->find_actor("GEORGIA"),
                         "\"GEORGIA\" names 2 actors: georgia georgia-us; use an id",
                         AmbiguousNameError);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(format_diagnostic(result.diagnostics[0]) ==
          "test.json:4:18: warning: actor \"georgia-us\" shares the name \"georgia\" with actor "
          "\"georgia\"; looking it up by that name is ambiguous (at /actors/1)");
}

TEST_CASE("the name index is built once, on first use, however many threads ask at once") {
    const auto result = test::load_text(test::small_dataset);
    REQUIRE(result.graph);
    const KnowledgeGraph kg(result.graph->data());  // a graph of its own, its index not built
    // By exact id, no name index is needed; by name, it is built, once, whoever asks first.
    CHECK(kg.find_actor("russia") == 0);
    std::vector<const NameIndex*> seen(8, nullptr);
    std::vector<Index> found(8, no_index);
    {
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < seen.size(); ++t) {
            threads.emplace_back([&, t] {
                seen[t] = &kg.names();
                found[t] = kg.find_actor(t % 2 == 0 ? "MOSCOW" : "Russian Federation");
            });
        }
        for (std::thread& thread : threads) {
            thread.join();
        }
    }
    for (std::size_t t = 0; t < seen.size(); ++t) {
        CHECK(seen[t] == seen.front());
        CHECK(found[t] == 0);
    }
    CHECK(kg.shared_names().get() == seen.front());
    // A moved graph keeps its index.
    const KnowledgeGraph moved = std::move(*test::load_text(test::small_dataset).graph);
    CHECK(moved.find_actor("moscow") == 0);
    CHECK(&moved.names() == moved.shared_names().get());
}

TEST_CASE("names in any script are found without their accents and in any case") {
    const auto result = test::load_text(R"({"entente": 1,
      "sources": [{"id": "s", "title": "S"}],
      "actors": [{"id": "vn", "name": "Vi\u1ec7t Nam", "kind": "state"},
                 {"id": "ro", "name": "Rom\u00e2nia", "kind": "state", "aliases": ["Bucure\u0219ti"]},
                 {"id": "gr", "name": "\u0395\u039b\u039b\u0386\u0394\u0391", "kind": "state"},
                 {"id": "tr", "name": "T\u00fcrkiye", "kind": "state", "aliases": ["\u0130stanbul"]},
                 {"id": "ru", "name": "\u0420\u043e\u0441\u0441\u0438\u044f", "kind": "state"}],
      "claims": []})");
    REQUIRE(result.graph);
    const KnowledgeGraph& kg = *result.graph;
    CHECK(kg.find_actor("Viet Nam") == 0);
    CHECK(kg.find_actor("VIET-NAM") == 0);
    CHECK(kg.find_actor("Romania") == 1);
    CHECK(kg.find_actor("Bucuresti") == 1);
    CHECK(kg.find_actor("\u03b5\u03bb\u03bb\u03b1\u03b4\u03b1") == 2);
    CHECK(kg.find_actor("turkiye") == 3);
    CHECK(kg.find_actor("istanbul") == 3);
    CHECK(kg.find_actor("\u0420\u041e\u0421\u0421\u0418\u042f") == 4);
    // A typo in an accented name gets the accented actor suggested.
    CHECK_THROWS_WITH_AS((void)kg.find_actor("Bucurest"),
                         "unknown actor \"Bucurest\"; did you mean \"ro\"?", UnknownNameError);
}

namespace {

const KnowledgeGraph& embedded() {
    static const LoadResult result = [] {
        std::vector<InputFile> files;
        for (const auto& f : embedded_dataset()) {
            files.push_back({std::string(f.name), std::string(f.bytes)});
        }
        return load_dataset(files);
    }();
    REQUIRE_MESSAGE(result.graph, "the embedded dataset does not load");
    return *result.graph;
}

}  // namespace

TEST_CASE("suggestions for typos on the embedded data compare few names, in a narrow band") {
    const NameIndex& names = embedded().names();
    SuggestionWork work;
    CHECK(names.suggest("pakistn", 3, &work) == std::vector<std::string>{"pakistan"});
    const std::size_t keys = work.names;
    CHECK(keys > 100);  // every id, name and alias of the embedded data, folded
    // Names whose length differs from the 7 letters typed by more than 2 are not compared; those
    // compared cost at most 7 rows of a band 2 * 2 + 1 wide.
    CHECK(work.compared < keys / 2);
    CHECK(work.cells <= work.compared * 7 * 5);
    CHECK(!work.budget_spent);
    work = {};
    CHECK(names.suggest("indai", 3, &work) == std::vector<std::string>{"india"});
    CHECK(work.cells <= work.compared * 5 * 5);
    work = {};
    CHECK(names.suggest("rusia", 3, &work) == std::vector<std::string>{"russia"});
    CHECK(work.cells <= work.compared * 5 * 5);
}

TEST_CASE("an actor name of 131,000 characters costs no edit-distance work (issue 10, bug 12)") {
    // The longest argument Linux passes to a program is 131,072 bytes.
    const std::string name(131'000, 'x');
    SuggestionWork work;
    CHECK(embedded().names().suggest(name, 3, &work).empty());
    CHECK(work.names > 100);
    // No name of the data is within a third of 131,000 letters of it, nor contains it.
    CHECK(work.compared == 0);
    CHECK(work.cells == 0);
    CHECK(work.scanned == 0);
    CHECK(!work.budget_spent);
    try {
        (void)embedded().find_actor(name);
        FAIL("no exception");
    } catch (const UnknownNameError& e) {
        CHECK(std::string(e.what()) == "unknown actor \"" + name + "\"");
        CHECK(e.suggestions().empty());
    }
    // A long name next to a long one is compared, still within the band: 2,000 letters, one
    // changed, against an actor of 1,990.
    std::string long_a(2000, 'a');
    std::string long_b(1990, 'a');
    long_a[1000] = 'b';
    const NameIndex index(
        std::vector<Actor>{Actor{"long", long_b, ActorKind::state, {}, no_index, ""},
                           Actor{"other", "Other", ActorKind::state, {}, no_index, ""}});
    work = {};
    CHECK(index.suggest(long_a, 3, &work) == std::vector<std::string>{"long"});
    CHECK(work.compared == 1);
    // At most 1,990 rows of a band 2 * 666 + 1 wide, where the full table has 3,980,000 cells.
    CHECK(work.cells <= 1990 * (2 * 666 + 1));
}

TEST_CASE("many long names exhaust the suggestion budget: nothing is suggested, work is bounded") {
    // 1,000 actors of 1,000 letters and a name of 1,400 other letters: each pair is within the
    // length of a typo (a third of 1,400), so each is compared, and each costs some 3 * 10^5 cells
    // before its band exceeds the threshold: 3 * 10^8 in all, past the budget.
    std::vector<Actor> actors;
    for (int i = 0; i < 1000; ++i) {
        actors.push_back(Actor{"a" + std::to_string(i),
                               std::string(1000, 'y') + std::to_string(i),
                               ActorKind::state,
                               {},
                               no_index,
                               ""});
    }
    const NameIndex index(actors);
    const std::string name(1400, 'x');
    SuggestionWork work;
    work.budget = 2'000'000;
    CHECK(index.suggest(name, 3, &work).empty());
    CHECK(work.budget_spent);
    CHECK(work.cells <= 2'000'000);
    CHECK(work.compared < 10);
    CHECK(SuggestionWork{}.budget == suggestion_cell_budget);
    CHECK(suggestion_cell_budget == 100'000'000);
}

TEST_CASE("a name contained in long names is found by a linear scan, whatever its letters") {
    // "aaa...ab" in "aaa...a": a naive search compares up to 500 bytes at each of 500 places.
    std::vector<std::string> candidates(100, std::string(1000, 'a'));
    candidates.push_back(std::string(999, 'a') + "b");
    const std::string query = std::string(500, 'a') + "b";
    SuggestionWork work;
    CHECK(nearest_names(query, candidates, 3, &work) ==
          std::vector<std::string>{std::string(999, 'a') + "b"});
    CHECK(work.scanned == 101 * 1000);  // each candidate's bytes once
    CHECK(work.compared == 0);          // 1000 letters against 501: too far apart for a typo
}
