// Paths and ego networks on tests/data/good/queries.json, checked by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>

#include "entente/load/compiled.hpp"
#include "entente/model/claim_index.hpp"
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

TEST_CASE("paths and their hops' claims agree with a brute force over every claim") {
    // Random multigraphs with parallel, opposite and symmetric claims: the path is the one a
    // breadth-first search from `from` over the allowed arcs, neighbours in index order, finds,
    // and each hop lists every allowed claim joining its actors that way, in dataset order. The
    // same from the graph, from claims indexed in memory with a scope of modalities, and from
    // the compiled form read in place with that scope.
    std::mt19937 rng(16);
    for (int round = 0; round < 40; ++round) {
        Dataset data;
        const auto builtins = builtin_relations();
        data.relations.assign(builtins.begin(), builtins.end());
        const Index n = 4 + static_cast<Index>(rng() % 9);
        for (Index a = 0; a < n; ++a) {
            data.actors.push_back(Actor{"a" + std::to_string(a),
                                        "A" + std::to_string(a),
                                        ActorKind::state,
                                        {},
                                        no_index,
                                        ""});
        }
        data.sources.push_back(Source{"s", "S", "", "", std::nullopt, "", "", ""});
        const std::size_t claims = rng() % (3 * n);
        for (std::size_t i = 0; i < claims; ++i) {
            Claim c;
            c.id = "c" + std::to_string(i);
            c.subject = static_cast<Index>(rng() % n);
            c.object = static_cast<Index>((c.subject + 1 + rng() % (n - 1)) % n);
            c.relation = static_cast<Index>(rng() % data.relations.size());
            c.source = 0;
            c.confidence = 0.5;
            c.modality = all_modalities[rng() % 5];
            c.negated = rng() % 7 == 0;
            data.claims.push_back(c);
        }
        const KnowledgeGraph kg(data);
        // Every claim, or a random set of modalities (negated claims never then).
        const bool every = rng() % 2 == 0;
        const std::uint32_t scope = every ? 0xffff : static_cast<std::uint32_t>(rng() % 32);
        auto in_scope = [&](const Claim& c) { return ((scope >> claim_end_flags(c)) & 1) != 0; };
        PathOptions options;
        options.directed = rng() % 2 == 0;
        options.positive_only = rng() % 3 == 0;
        if (rng() % 3 == 0) {
            options.relations = {static_cast<Index>(rng() % data.relations.size()),
                                 static_cast<Index>(rng() % data.relations.size())};
        }
        // The allowed arcs, and the claims behind each, straight from the claims.
        std::map<std::pair<Index, Index>, std::vector<Index>> arcs;
        for (Index i = 0; i < data.claims.size(); ++i) {
            const Claim& c = data.claims[i];
            const Relation& r = data.relations[c.relation];
            if (!in_scope(c) || (options.positive_only && r.polarity <= 0) ||
                (!options.relations.empty() &&
                 std::find(options.relations.begin(), options.relations.end(), c.relation) ==
                     options.relations.end())) {
                continue;
            }
            arcs[{c.subject, c.object}].push_back(i);
            if (!options.directed || r.symmetric) {
                arcs[{c.object, c.subject}].push_back(i);
            }
        }
        const ClaimIndex index(data);
        auto weight = [&](Index c) {
            const Claim& claim = data.claims[c];
            return data.relations[claim.relation].polarity * claim.confidence * claim.weight;
        };
        const PathFinder in_memory({data.actors, data.relations, index.view(), scope, weight, {}},
                                   options);
        const std::string bytes = to_compiled(kg, {}, 1);
        OpenedView opened = CompiledView::open(bytes, "r.entente");
        REQUIRE(opened.view);
        const CompiledView& view = *opened.view;
        const PathFinder in_place(view.path_data(scope), options);
        std::optional<PathFinder> graph_finder;
        if (every) {
            graph_finder.emplace(kg, options);
        }
        for (Index from = 0; from < n; ++from) {
            // Breadth-first search from `from`, neighbours in index order (std::map's order).
            std::vector<Index> parent(n, no_index);
            std::vector<char> seen(n, 0);
            std::vector<Index> queue{from};
            seen[from] = 1;
            for (std::size_t q = 0; q < queue.size(); ++q) {
                for (const auto& [arc, on] : arcs) {
                    if (arc.first == queue[q] && !seen[arc.second]) {
                        seen[arc.second] = 1;
                        parent[arc.second] = queue[q];
                        queue.push_back(arc.second);
                    }
                }
            }
            for (Index to = 0; to < n; ++to) {
                std::vector<const PathFinder*> finders{&in_memory, &in_place};
                if (graph_finder) {
                    finders.push_back(&*graph_finder);
                }
                for (const PathFinder* finder : finders) {
                    const auto found = finder->find(from, to);
                    if (from == to || !seen[to]) {
                        CHECK(found.empty());
                        continue;
                    }
                    std::vector<Index> expected{to};
                    while (expected.back() != from) {
                        expected.push_back(parent[expected.back()]);
                    }
                    std::reverse(expected.begin(), expected.end());
                    REQUIRE(found.size() == 1);
                    CHECK(found[0].actors == expected);
                    REQUIRE(found[0].hops.size() == expected.size() - 1);
                    for (const Hop& hop : found[0].hops) {
                        CHECK(hop.claims == arcs.at({hop.from, hop.to}));
                    }
                }
            }
        }
    }
}

TEST_CASE("claims indexed by their ends: each claim once at each end, sorted by the other end") {
    std::mt19937 rng(61);
    for (int round = 0; round < 50; ++round) {
        Dataset data;
        const auto builtins = builtin_relations();
        data.relations.assign(builtins.begin(), builtins.end());
        const Index n = 1 + static_cast<Index>(rng() % 12);
        data.actors.resize(n);
        const std::size_t claims = rng() % (4 * n);
        for (std::size_t i = 0; i < claims; ++i) {
            Claim c;
            c.subject = static_cast<Index>(rng() % n);
            c.object = static_cast<Index>(rng() % n);
            c.relation = static_cast<Index>(rng() % data.relations.size());
            c.modality = all_modalities[rng() % 5];
            c.negated = rng() % 3 == 0;
            data.claims.push_back(c);
        }
        const ClaimIndex index(data);
        const ClaimIndexView view = index.view();
        REQUIRE(view.actors() == n);
        // Brute force: for each actor, its claims as subject in (object, claim) order, and as
        // object in (subject, claim) order.
        for (Index a = 0; a < n; ++a) {
            std::vector<std::pair<Index, Index>> as_subject;
            std::vector<std::pair<Index, Index>> as_object;
            for (Index c = 0; c < data.claims.size(); ++c) {
                if (data.claims[c].subject == a) {
                    as_subject.emplace_back(data.claims[c].object, c);
                }
                if (data.claims[c].object == a) {
                    as_object.emplace_back(data.claims[c].subject, c);
                }
            }
            std::sort(as_subject.begin(), as_subject.end());
            std::sort(as_object.begin(), as_object.end());
            auto listed = [&](std::span<const ClaimEnd> ends) {
                std::vector<std::pair<Index, Index>> out;
                for (const ClaimEnd& e : ends) {
                    const Claim& c = data.claims[e.claim];
                    CHECK(e.relation == c.relation);
                    CHECK(e.flags ==
                          (static_cast<std::uint32_t>(c.modality) | (c.negated ? 8 : 0)));
                    out.emplace_back(e.other, e.claim);
                }
                return out;
            };
            CHECK(listed(view.subject_of(a)) == as_subject);
            CHECK(listed(view.object_of(a)) == as_object);
        }
    }
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
