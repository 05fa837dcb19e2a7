// Actor search, an actor's profile and the dataset counts on tests/data/good/queries.json,
// checked by hand.
#include <doctest/doctest.h>

#include "entente/query/actor_profile.hpp"
#include "entente/query/actor_search.hpp"
#include "entente/query/dataset_counts.hpp"
#include "fixture.hpp"

using namespace entente;

namespace {

KnowledgeGraph queries_graph() {
    return test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
}

// "id:claims" for each match, in order.
std::vector<std::string> found(const KnowledgeGraph& kg, const ActorSearch& search) {
    std::vector<std::string> out;
    for (const ActorMatch& m : search_actors(kg, search)) {
        out.push_back(kg.actor(m.actor).id + ":" + std::to_string(m.claims));
    }
    return out;
}

}  // namespace

TEST_CASE("actor search: folded substring of id, name or alias, by kind, ordered by id") {
    const KnowledgeGraph kg = queries_graph();
    using V = std::vector<std::string>;
    // Claims touching each: a q1 q3 q4 q5 q7 q9; p q1 q2; org q9 q10.
    CHECK(found(kg, {}) == V{"a:6", "b:4", "c:1", "d:3", "org:2", "p:2", "q:2"});
    CHECK(found(kg, {ActorKind::state, ""}) == V{"a:6", "b:4", "c:1", "d:3"});
    // "Gamma" and "Gamma's claim"; case and punctuation ignored.
    CHECK(found(kg, {std::nullopt, "GAMMA"}) == V{"c:1", "p:2"});
    CHECK(found(kg, {ActorKind::position, "gamma's"}) == V{"p:2"});
    CHECK(found(kg, {std::nullopt, "organisation"}) == V{"org:2"});
    CHECK(found(kg, {std::nullopt, "open question"}) == V{"q:2"});
    CHECK(found(kg, {ActorKind::group, ""}).empty());
    CHECK(found(kg, {std::nullopt, "zeta"}).empty());
}

TEST_CASE("actor search looks in aliases, accents ignored") {
    const auto result = test::load_text(test::small_dataset);
    REQUIRE(result.graph);
    const auto matches = search_actors(*result.graph, {std::nullopt, "bharat"});
    REQUIRE(matches.size() == 1);
    CHECK(result.graph->actor(matches[0].actor).id == "india");
}

TEST_CASE("profile: claims grouped by relation in vocabulary order, positions held, sources") {
    const KnowledgeGraph kg = queries_graph();
    auto claim_ids = [&](const std::vector<Index>& claims) {
        std::vector<std::string> out;
        for (Index c : claims) {
            out.push_back(kg.claim(c).id.str());
        }
        return out;
    };
    using V = std::vector<std::string>;
    const ActorProfile a = actor_profile(kg, kg.find_actor("a"));
    CHECK(claim_ids(a.claims) == V{"q1", "q3", "q4", "q5", "q7", "q9"});
    std::vector<std::string> groups;
    for (const RelationGroup& g : a.groups) {
        groups.push_back(kg.relation(g.relation).id + " " + claim_ids(g.claims).front() + " " +
                         std::to_string(g.claims.size()));
    }
    // supports, cooperates_with, pressures, member_of: the built-in vocabulary's order.
    CHECK(groups == V{"supports q1 2", "cooperates_with q3 2", "pressures q4 1", "member_of q9 1"});
    CHECK(a.positions_held.empty());
    REQUIRE(a.sources.size() == 1);
    CHECK(kg.source(a.sources[0]).id == "memo");
    const ActorProfile c = actor_profile(kg, kg.find_actor("c"));
    REQUIRE(c.positions_held.size() == 1);
    CHECK(kg.actor(c.positions_held[0]).id == "p");
    CHECK(claim_ids(c.claims) == V{"q4"});
}

TEST_CASE("dataset counts: tables, actors by kind, claims by relation") {
    const KnowledgeGraph kg = queries_graph();
    const DatasetCounts n = count_dataset(kg.data());
    CHECK(n.sources == 1);
    CHECK(n.relations == 16);
    CHECK(n.builtin_relations == 16);
    CHECK(n.actors == 7);
    CHECK(n.claims == 10);
    auto kind = [&](ActorKind k) { return n.actors_by_kind[static_cast<std::size_t>(k)]; };
    CHECK(kind(ActorKind::state) == 4);
    CHECK(kind(ActorKind::organization) == 1);
    CHECK(kind(ActorKind::position) == 2);
    CHECK(kind(ActorKind::person) == 0);
    auto relation = [&](const char* id) { return n.claims_by_relation[kg.find_relation(id)]; };
    REQUIRE(n.claims_by_relation.size() == 16);
    CHECK(relation("supports") == 3);
    CHECK(relation("opposes") == 1);
    CHECK(relation("cooperates_with") == 2);
    CHECK(relation("pressures") == 1);
    CHECK(relation("hostile_to") == 1);
    CHECK(relation("member_of") == 2);
    CHECK(relation("sanctions") == 0);
}
