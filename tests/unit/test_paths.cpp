// Paths and ego networks on tests/data/good/queries.json, checked by hand.
#include <doctest/doctest.h>

#include "entente/query/ego_network.hpp"
#include "entente/query/paths.hpp"
#include "fixture.hpp"

using namespace entente;

namespace {

KnowledgeGraph queries_graph() {
    return test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
}

std::vector<std::string> ids(const KnowledgeGraph& kg, const Path& p) {
    std::vector<std::string> out;
    for (Index a : p.actors) {
        out.push_back(kg.actor(a).id);
    }
    return out;
}

}  // namespace

TEST_CASE("shortest path, undirected, with hop claims and the path's sign") {
    const KnowledgeGraph kg = queries_graph();
    const auto paths = shortest_paths(kg, kg.find_actor("b"), kg.find_actor("c"), {});
    REQUIRE(paths.size() == 1);
    CHECK(ids(kg, paths[0]) == std::vector<std::string>{"b", "a", "c"});
    REQUIRE(paths[0].hops.size() == 2);
    CHECK(paths[0].hops[0].sign == 1);   // q3 cooperates
    CHECK(paths[0].hops[1].sign == -1);  // q4 pressures
    CHECK(kg.claim(paths[0].hops[1].claims.at(0)).id == "q4");
    CHECK(paths[0].sign == -1);  // a friend's enemy
}

TEST_CASE("k shortest loopless paths (Yen), ties broken by the actors' ids") {
    const KnowledgeGraph kg = queries_graph();
    PathOptions options;
    options.k = 3;
    const auto paths = shortest_paths(kg, kg.find_actor("b"), kg.find_actor("c"), options);
    REQUIRE(paths.size() == 3);
    CHECK(ids(kg, paths[0]) == std::vector<std::string>{"b", "a", "c"});
    CHECK(ids(kg, paths[1]) == std::vector<std::string>{"b", "d", "a", "c"});
    CHECK(ids(kg, paths[2]) == std::vector<std::string>{"b", "p", "a", "c"});
    CHECK(paths[1].sign == 1);  // - + -
    CHECK(paths[2].sign == 1);  // - + -
    options.k = 50;
    const auto all = shortest_paths(kg, kg.find_actor("b"), kg.find_actor("c"), options);
    // Every loopless path ends with a - c, the only claim touching c: b reaches a directly,
    // through d, p or q, or through d and org.
    CHECK(all.size() == 5);
    CHECK(ids(kg, all[4]) == std::vector<std::string>{"b", "d", "org", "a", "c"});
    for (std::size_t i = 1; i < all.size(); ++i) {
        CHECK(all[i - 1].actors.size() <= all[i].actors.size());
    }
}

TEST_CASE("path filters: direction, sign, relations, length") {
    const KnowledgeGraph kg = queries_graph();
    PathOptions directed;
    directed.directed = true;
    CHECK(shortest_paths(kg, kg.find_actor("a"), kg.find_actor("c"), directed).empty());
    CHECK(shortest_paths(kg, kg.find_actor("c"), kg.find_actor("a"), directed).size() == 1);
    PathOptions positive;
    positive.positive_only = true;
    CHECK(shortest_paths(kg, kg.find_actor("b"), kg.find_actor("c"), positive).empty());
    PathOptions coop;
    coop.relations = {kg.find_relation("cooperates_with")};
    const auto via_a = shortest_paths(kg, kg.find_actor("b"), kg.find_actor("d"), coop);
    REQUIRE(via_a.size() == 1);
    CHECK(ids(kg, via_a[0]) == std::vector<std::string>{"b", "a", "d"});
    PathOptions short_paths;
    short_paths.max_hops = 1;
    CHECK(shortest_paths(kg, kg.find_actor("b"), kg.find_actor("c"), short_paths).empty());
    CHECK(shortest_paths(kg, kg.find_actor("b"), kg.find_actor("b"), {}).empty());
}

TEST_CASE("ego network by depth") {
    const KnowledgeGraph kg = queries_graph();
    const auto one = ego_network(kg, kg.find_actor("c"), 1);
    REQUIRE(one.actors.size() == 2);
    CHECK(kg.actor(one.actors[0].first).id == "c");
    CHECK(one.actors[0].second == 0);
    CHECK(kg.actor(one.actors[1].first).id == "a");
    REQUIRE(one.claims.size() == 1);
    CHECK(kg.claim(one.claims[0]).id == "q4");
    const auto two = ego_network(kg, kg.find_actor("c"), 2);
    CHECK(two.actors.size() == 7);
    CHECK(two.claims.size() == 10);
    CHECK(ego_network(kg, kg.find_actor("c"), 0).actors.size() == 1);
}

TEST_CASE("ego network claims: every claim among the members, in dataset order") {
    // Small networks walk their members' edges, large ones scan the edge list: both must give
    // exactly the claims a plain scan gives, in order.
    const KnowledgeGraph kg = test::load_file(ENTENTE_SOURCE_DIR "/examples/highland-tribes.json");
    for (Index center = 0; center < kg.data().actors.size(); ++center) {
        for (std::size_t depth = 0; depth <= 3; ++depth) {
            const EgoNetwork ego = ego_network(kg, center, depth);
            std::vector<bool> member(kg.data().actors.size(), false);
            for (const auto& [actor, distance] : ego.actors) {
                member[actor] = true;
            }
            std::vector<Index> expected;
            for (Index i = 0; i < kg.data().claims.size(); ++i) {
                if (member[kg.claim(i).subject] && member[kg.claim(i).object]) {
                    expected.push_back(i);
                }
            }
            CHECK_MESSAGE(ego.claims == expected, "center ", center, " depth ", depth);
        }
    }
}
