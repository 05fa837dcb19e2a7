// Modality and negation on claims: what the reader accepts, what a scenario counts, what ties
// and the load rules make of them, and the compiled form's round trip.

#include <doctest/doctest.h>

#include <string>

#include "entente/load/compiled.hpp"
#include "entente/query/scenario.hpp"
#include "entente/query/ties.hpp"
#include "fixture.hpp"
#include "load/compiled_format.hpp"

namespace entente::test {

namespace {

// Alpha states its support for p; Beta's opposition is only predicted, its support hedged;
// Alpha and Beta are said NOT to cooperate; Gamma recommends, questions.
const char* const modal_dataset = R"({
  "entente": 1,
  "sources": [{"id": "memo", "title": "A memo", "author": "An Author"}],
  "actors": [
    {"id": "a", "name": "Alpha", "kind": "state"},
    {"id": "b", "name": "Beta", "kind": "state"},
    {"id": "g", "name": "Gamma", "kind": "state"},
    {"id": "p", "name": "A policy", "kind": "position"}
  ],
  "claims": [
    {"id": "s1", "subject": "a", "relation": "supports", "object": "p", "source": "memo"},
    {"id": "s2", "subject": "b", "relation": "opposes", "object": "p", "source": "memo",
     "modality": "predicted"},
    {"id": "s3", "subject": "a", "relation": "cooperates_with", "object": "b", "source": "memo",
     "negated": true},
    {"id": "s4", "subject": "b", "relation": "supports", "object": "p", "source": "memo",
     "modality": "hedged", "confidence": 0.5},
    {"id": "s5", "subject": "g", "relation": "supports", "object": "p", "source": "memo",
     "modality": "recommended"},
    {"id": "s6", "subject": "g", "relation": "opposes", "object": "p", "source": "memo",
     "modality": "questioned", "negated": false}
  ]
})";

KnowledgeGraph modal_graph() {
    auto loaded = load_text(modal_dataset);
    REQUIRE_MESSAGE(loaded.graph, messages(loaded));
    CHECK(loaded.diagnostics.empty());
    return std::move(*loaded.graph);
}

std::vector<std::string> ids(const KnowledgeGraph& kg) {
    std::vector<std::string> out;
    for (const Claim& c : kg.data().claims) {
        out.push_back(c.id.str());
    }
    return out;
}

}  // namespace

TEST_CASE("modality: the reader stores modality and negation, stated and false by default") {
    const KnowledgeGraph kg = modal_graph();
    CHECK(kg.claim(kg.find_claim("s1")).modality == Modality::stated);
    CHECK_FALSE(kg.claim(kg.find_claim("s1")).negated);
    CHECK(kg.claim(kg.find_claim("s2")).modality == Modality::predicted);
    CHECK(kg.claim(kg.find_claim("s3")).negated);
    CHECK(kg.claim(kg.find_claim("s3")).modality == Modality::stated);
    CHECK(kg.claim(kg.find_claim("s4")).modality == Modality::hedged);
    CHECK(kg.claim(kg.find_claim("s5")).modality == Modality::recommended);
    CHECK(kg.claim(kg.find_claim("s6")).modality == Modality::questioned);
    CHECK_FALSE(kg.claim(kg.find_claim("s6")).negated);
    for (Modality m : all_modalities) {
        CHECK(parse_modality(to_string(m)) == m);
    }
    CHECK_FALSE(parse_modality("Stated"));
    CHECK_FALSE(parse_modality("all"));
}

TEST_CASE("modality: by default only stated, non-negated claims count") {
    const KnowledgeGraph kg = modal_graph();
    const Scenario scenario;  // the default: stated only
    CHECK_FALSE(scenario.empty_for(kg));
    const KnowledgeGraph counted = apply_scenario(kg, scenario);
    CHECK(ids(counted) == std::vector<std::string>{"s1"});
    const ModalityCount left = left_out_by_modality(kg, scenario);
    CHECK(left.by_modality == 4);  // s2, s4, s5, s6
    CHECK(left.negated == 1);      // s3
    const TieTable ties(counted);
    REQUIRE(ties.find(counted.find_actor("a"), counted.find_actor("p")));
    CHECK(ties.find(counted.find_actor("a"), counted.find_actor("p"))->value == 1.0);
    CHECK_FALSE(ties.find(counted.find_actor("b"), counted.find_actor("p")));
    CHECK_FALSE(ties.find(counted.find_actor("a"), counted.find_actor("b")));
}

TEST_CASE("modality: a wider scope counts more, negated claims never make a tie") {
    const KnowledgeGraph kg = modal_graph();
    Scenario all;
    all.modalities = std::vector<Modality>(std::begin(all_modalities), std::end(all_modalities));
    const KnowledgeGraph counted = apply_scenario(kg, all);
    CHECK(ids(counted) == std::vector<std::string>{"s1", "s2", "s4", "s5", "s6"});
    CHECK(left_out_by_modality(kg, all).by_modality == 0);
    CHECK(left_out_by_modality(kg, all).negated == 1);
    const TieTable ties(counted);
    // Beta: -1 (predicted) + 0.5 (hedged) over a magnitude of 1.5.
    const Tie* beta = ties.find(counted.find_actor("b"), counted.find_actor("p"));
    REQUIRE(beta);
    CHECK(beta->value == doctest::Approx(-0.5 / 1.5));
    CHECK(beta->evidence.size() == 2);
    // Gamma: +1 recommended, -1 questioned: they cancel exactly.
    CHECK(ties.find(counted.find_actor("g"), counted.find_actor("p"))->value == 0.0);
    CHECK_FALSE(ties.find(counted.find_actor("a"), counted.find_actor("b")));

    Scenario some;
    some.modalities = std::vector<Modality>{Modality::stated, Modality::hedged};
    CHECK(ids(apply_scenario(kg, some)) == std::vector<std::string>{"s1", "s4"});
    CHECK(left_out_by_modality(kg, some).by_modality == 3);

    // Every claim, negated ones too (an export): kept in the graph, and still no tie.
    Scenario every;
    every.modalities.reset();
    CHECK(every.empty_for(kg));
    CHECK(apply_scenario(kg, every).data().claims.size() == 6);
    const TieTable raw(kg);
    CHECK_FALSE(raw.find(kg.find_actor("a"), kg.find_actor("b")));
    CHECK_FALSE(raw.find(kg.find_actor("b"), kg.find_actor("a")));
}

TEST_CASE("modality: a graph without modal claims is unchanged by the default scope") {
    const auto loaded = load_text(small_dataset);
    REQUIRE(loaded.graph);
    CHECK(Scenario{}.empty_for(*loaded.graph));
    CHECK(left_out_by_modality(*loaded.graph, Scenario{}).by_modality == 0);
}

TEST_CASE("modality: a prediction repeats no statement; a negation contradicts nothing") {
    const auto loaded = load_text(R"({
  "entente": 1,
  "sources": [{"id": "memo", "title": "A memo"}],
  "actors": [
    {"id": "a", "name": "Alpha", "kind": "state"},
    {"id": "b", "name": "Beta", "kind": "state"}
  ],
  "claims": [
    {"id": "x1", "subject": "a", "relation": "cooperates_with", "object": "b", "source": "memo"},
    {"id": "x2", "subject": "a", "relation": "cooperates_with", "object": "b", "source": "memo",
     "modality": "predicted"},
    {"id": "x3", "subject": "a", "relation": "pressures", "object": "b", "source": "memo",
     "negated": true},
    {"id": "x4", "subject": "a", "relation": "pressures", "object": "b", "source": "memo",
     "modality": "recommended"},
    {"id": "x5", "subject": "a", "relation": "cooperates_with", "object": "b", "source": "memo",
     "modality": "predicted"},
    {"id": "x6", "subject": "a", "relation": "rivals", "object": "b", "source": "memo",
     "modality": "predicted"}
  ]
})");
    REQUIRE(loaded.graph);
    // x5 repeats x2 (same modality); x6 contradicts x2 (both predicted); x1, x3, x4 are apart.
    CHECK(messages(loaded) ==
          lines({"test.json:16:5: warning: same subject, relation, object and source as claim "
                 "\"x2\" (test.json:10:5) (at /claims/4)",
                 "test.json:18:5: warning: source \"memo\" contradicts itself: this claim says "
                 "\"a rivals b\", claim \"x2\" (test.json:10:5) says \"a cooperates_with b\" "
                 "(at /claims/5)"}));
}

TEST_CASE("modality: the compiled form keeps modality and negation") {
    const auto loaded = load_text(modal_dataset);
    REQUIRE(loaded.graph);
    const std::string bytes = to_compiled(*loaded.graph, loaded);
    const LoadResult back = load_dataset({{"m.entente", bytes}});
    REQUIRE_MESSAGE(back.graph, messages(back));
    CHECK(back.graph->data() == loaded.graph->data());
    CHECK(back.graph->claim(back.graph->find_claim("s2")).modality == Modality::predicted);
    CHECK(back.graph->claim(back.graph->find_claim("s3")).negated);
    // A modality byte past the last modality is refused, naming it.
    std::string forged = bytes;
    // The claim's id is a 64-bit length and its bytes, then the flags and the modality byte.
    const std::size_t at = forged.find(std::string("\x02\0\0\0\0\0\0\0s2", 10));
    REQUIRE(at != std::string::npos);
    forged[at + 10 + 1] = 9;
    const LoadResult refused = detail::decode_compiled(forged, "m.entente", false);
    CHECK_FALSE(refused.graph);
    CHECK(messages(refused).find("a modality 9 that does not exist") != std::string::npos);
}

}  // namespace entente::test
