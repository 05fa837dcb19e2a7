// A claim's weight (how much) beside its confidence (how sure): read, kept, written, and counted
// in ties as polarity x confidence x weight (docs/queries.md, Ties).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "entente/curate/diff.hpp"
#include "entente/draw/diagram.hpp"
#include "entente/export/csv.hpp"
#include "entente/export/dataset_json.hpp"
#include "entente/export/graphml.hpp"
#include "entente/load/compiled.hpp"
#include "entente/query/paths.hpp"
#include "entente/query/selection.hpp"
#include "entente/query/ties.hpp"
#include "fixture.hpp"

using namespace entente;

namespace {

// tests/data/good/weighted.json: a and b cooperate heavily (weight 40) and clash a little (2); a
// meets c once, weakly (0.3); c-d has confidence and weight 0.5; b-d weight 0.
KnowledgeGraph weighted_graph() {
    return test::load_file(ENTENTE_TEST_DATA "/good/weighted.json");
}

double tie(const KnowledgeGraph& kg, const TieTable& ties, const char* a, const char* o) {
    const Tie* t = ties.find(kg.find_actor(a), kg.find_actor(o));
    REQUIRE_MESSAGE(t, "no tie " << a << " -> " << o);
    return t->value;
}

}  // namespace

TEST_CASE("weight: read from JSON, 1 by default") {
    const KnowledgeGraph kg = weighted_graph();
    CHECK(kg.claim(0).weight == 40.0);
    CHECK(kg.claim(2).weight == 0.3);
    CHECK(kg.claim(4).weight == 0.0);
    auto plain = test::load_text(test::small_dataset);
    REQUIRE(plain.graph);
    for (const Claim& c : plain.graph->data().claims) {
        CHECK(c.weight == 1.0);
    }
}

TEST_CASE("weight: negative, non-numeric and too-large weights are located errors") {
    auto result = test::load_text(R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
 "actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
 "claims": [{"subject": "a", "relation": "supports", "object": "b", "source": "s", "weight": -0.5},
  {"subject": "b", "relation": "supports", "object": "a", "source": "s", "weight": "3"},
  {"subject": "a", "relation": "opposes", "object": "b", "source": "s", "weight": 1e999}]})");
    CHECK_FALSE(result.graph);
    CHECK(test::located(result.diagnostics) ==
          test::lines({"test.json:3:94: error: weight must be a finite number at least 0, got -0.5 "
                       "(at /claims/0/weight) [/claims/0/weight]",
                       "test.json:4:84: error: expected a number at least 0, got \"3\" "
                       "(at /claims/1/weight) [/claims/1/weight]",
                       "test.json:5:83: error: number too big to be stored as a double (at "
                       "/claims/2/weight) [/claims/2/weight]"}));
}

TEST_CASE("weight: ties add polarity x confidence x weight over max(1, total)") {
    const KnowledgeGraph kg = weighted_graph();
    const TieTable ties(kg);
    // a-b: +40 (cooperates_with, symmetric) and -2 (pressures, mutual for alignment):
    // (40 - 2) / max(1, 42) = 38/42.
    CHECK(tie(kg, ties, "a", "b") == doctest::Approx(38.0 / 42.0).epsilon(1e-15));
    CHECK(tie(kg, ties, "b", "a") == doctest::Approx(38.0 / 42.0).epsilon(1e-15));
    // One weak event stays weak: 0.3 / max(1, 0.3).
    CHECK(tie(kg, ties, "a", "c") == doctest::Approx(0.3));
    // Confidence and weight multiply: 0.5 x 0.5 = 0.25.
    CHECK(tie(kg, ties, "c", "d") == doctest::Approx(0.25));
    // Weight 0: a stance held, of value 0 (like an abstention), not a missing one.
    const Tie* bd = ties.find(kg.find_actor("b"), kg.find_actor("d"));
    REQUIRE(bd);
    CHECK(bd->value == 0.0);
    CHECK(bd->evidence.size() == 1);
}

TEST_CASE("weight: a path's hop sign is the sign of the weighted net") {
    // a -> b: one hostile claim of weight 3 outweighs two cooperative claims of weight 1.
    auto result = test::load_text(R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
 "actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
 "claims": [{"subject": "a", "relation": "supports", "object": "b", "source": "s"},
  {"subject": "a", "relation": "trades_with", "object": "b", "source": "s"},
  {"subject": "a", "relation": "opposes", "object": "b", "source": "s", "weight": 3}]})");
    REQUIRE(result.graph);
    const KnowledgeGraph& kg = *result.graph;
    const auto paths = shortest_paths(kg, kg.find_actor("a"), kg.find_actor("b"), PathOptions{});
    REQUIRE(paths.size() == 1);
    CHECK(paths.front().sign == -1);
}

TEST_CASE("weight: kept by the JSON writer, the compiled form, CSV and GraphML") {
    const KnowledgeGraph kg = weighted_graph();
    Selection all;
    all.whole = true;
    for (Index i = 0; i < kg.data().actors.size(); ++i) {
        all.actors.push_back(i);
    }
    for (Index i = 0; i < kg.data().claims.size(); ++i) {
        all.claims.push_back(i);
    }
    // JSON: written only when not 1, read back equal.
    const std::string json = to_dataset_json(kg, all);
    CHECK(json.find("\"weight\": 40") != std::string::npos);
    auto again = test::load_text(json);
    REQUIRE_MESSAGE(again.graph, test::messages(again));
    CHECK(again.graph->data() == kg.data());
    auto plain = test::load_text(test::small_dataset);
    REQUIRE(plain.graph);
    Selection small;
    small.whole = true;
    for (Index i = 0; i < plain.graph->data().actors.size(); ++i) {
        small.actors.push_back(i);
    }
    for (Index i = 0; i < plain.graph->data().claims.size(); ++i) {
        small.claims.push_back(i);
    }
    CHECK(to_dataset_json(*plain.graph, small).find("weight") == std::string::npos);
    // Compiled: read back equal.
    const auto compiled = from_compiled(to_compiled(kg, std::vector<Diagnostic>{}, 1), "w.entente");
    REQUIRE_MESSAGE(compiled.graph, test::messages(compiled));
    CHECK(compiled.graph->data() == kg.data());
    // CSV: a weight column after confidence.
    const auto [nodes, edges] = to_csv(kg, all);
    CHECK(edges.find("polarity,symmetric,confidence,weight,source,") != std::string::npos);
    CHECK(edges.find("w3,a,c,supports,supports,1,false,1,0.3,ev,") != std::string::npos);
    // GraphML: e_weight is the claim's weight, e_confidence its confidence.
    const std::string graphml = to_graphml(kg, all);
    const auto w4 = graphml.find("<edge id=\"w4\"");
    REQUIRE(w4 != std::string::npos);
    const std::string edge = graphml.substr(w4, graphml.find("</edge>", w4) - w4);
    CHECK(edge.find("<data key=\"e_weight\">0.5</data>") != std::string::npos);
    CHECK(edge.find("<data key=\"e_confidence\">0.5</data>") != std::string::npos);
}

TEST_CASE("weight: a compiled claim with a negative weight is refused") {
    const KnowledgeGraph kg = weighted_graph();
    Dataset changed = kg.data();
    changed.claims[1].weight = -2;
    const KnowledgeGraph bad(std::move(changed));
    auto result = from_compiled(to_compiled(bad, std::vector<Diagnostic>{}, 1), "w.entente");
    CHECK_FALSE(result.graph);
    CHECK(test::located(result.diagnostics) ==
          test::lines({"w.entente: error: weight must be a finite number at least 0, got -2 (at "
                       "/claims/1/weight) [/claims/1/weight]"}));
}

TEST_CASE("weight: diff reports a changed weight") {
    const KnowledgeGraph before = weighted_graph();
    Dataset changed = before.data();
    changed.claims[0].weight = 4;
    const KnowledgeGraph after(std::move(changed));
    const DatasetDiff d = diff_datasets(before, after);
    REQUIRE(d.changed.size() == 1);
    CHECK(d.changed.front().fields == std::vector<std::string>{"weight"});
}

TEST_CASE("weight: claim edges drawn by confidence x weight against the heaviest drawn claim") {
    const KnowledgeGraph kg = weighted_graph();
    auto width = [](const Diagram& d, const std::string& id) {
        for (const DiagramEdge& e : d.edges) {
            if (e.id == id) {
                return e.confidence;
            }
        }
        FAIL("no edge " << id);
        return -1.0;
    };
    // w1 (weight 40) is the heaviest: 1; w2 2/40; w3 0.3/40; w4 0.5 x 0.5 / 40; w5 0.
    const Diagram d = claims_diagram(kg, {}, {0, 1, 2, 3, 4}, "events");
    CHECK(width(d, "claim-w1") == doctest::Approx(1.0));
    CHECK(width(d, "claim-w2") == doctest::Approx(0.05));
    CHECK(width(d, "claim-w3") == doctest::Approx(0.0075));
    CHECK(width(d, "claim-w4") == doctest::Approx(0.00625));
    CHECK(width(d, "claim-w5") == doctest::Approx(0.0));
    // With every weight 1 the width is the confidence, as before weights existed.
    auto plain = test::load_text(test::small_dataset);
    REQUIRE(plain.graph);
    const Diagram p = claims_diagram(*plain.graph, {}, {0, 1, 2, 3}, "plain");
    CHECK(width(p, "claim-c2") == doctest::Approx(0.8));
    CHECK(width(p, "claim-c1") == doctest::Approx(1.0));
}
