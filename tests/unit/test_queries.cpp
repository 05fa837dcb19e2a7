// Ties, alignment and divergence on tests/data/good/queries.json, checked by hand.
#include <doctest/doctest.h>

#include <cmath>

#include "entente/model/errors.hpp"
#include "entente/query/alignment.hpp"
#include "entente/query/alignment_matrix.hpp"
#include "entente/query/alignment_ranking.hpp"
#include "entente/query/divergence.hpp"
#include "entente/query/scenario.hpp"
#include "fixture.hpp"

using namespace entente;

namespace {

KnowledgeGraph queries_graph() {
    return test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
}

double tie_value(const KnowledgeGraph& kg, const TieTable& ties, const char* a, const char* o) {
    const Tie* t = ties.find(kg.find_actor(a), kg.find_actor(o));
    REQUIRE_MESSAGE(t, "no tie " << a << " -> " << o);
    return t->value;
}

}  // namespace

TEST_CASE("ties: net signed weight over max(1, total weight), mutual between actors") {
    const KnowledgeGraph kg = queries_graph();
    const TieTable ties(kg);
    CHECK(tie_value(kg, ties, "a", "p") == doctest::Approx(1.0));   // q1
    CHECK(tie_value(kg, ties, "b", "p") == doctest::Approx(-0.5));  // q2, confidence 0.5
    CHECK(tie_value(kg, ties, "a", "b") == doctest::Approx(1.0));   // q3
    CHECK(tie_value(kg, ties, "b", "a") == doctest::Approx(1.0));   // mutual
    // a-c: c pressures a (-0.8) and, derived, a supports c's position p (+1/2): -0.3 / 1.3.
    CHECK(tie_value(kg, ties, "a", "c") == doctest::Approx(-0.3 / 1.3));
    CHECK(tie_value(kg, ties, "c", "a") == doctest::Approx(-0.3 / 1.3));
    // b-c rests only on b opposing c's position, at half weight: -0.25 / max(1, 0.25).
    const Tie* bc = ties.find(kg.find_actor("b"), kg.find_actor("c"));
    REQUIRE(bc);
    CHECK(bc->value == doctest::Approx(-0.25));
    CHECK(bc->derived_only());
    REQUIRE(bc->evidence.size() == 1);
    CHECK(kg.claim(bc->evidence[0].claim).id == "q2");
    CHECK(bc->evidence[0].derived);
    CHECK(bc->evidence[0].weight == doctest::Approx(-0.25));
}

TEST_CASE("ties: positions get no ties from others' claims; structural claims make no tie") {
    const KnowledgeGraph kg = queries_graph();
    const TieTable ties(kg);
    CHECK(ties.find(kg.find_actor("p"), kg.find_actor("a")) == nullptr);
    CHECK(ties.find(kg.find_actor("a"), kg.find_actor("org")) == nullptr);  // q9 member_of
    CHECK(ties.find(kg.find_actor("d"), kg.find_actor("org")) == nullptr);
}

TEST_CASE("ties: --direct-only leaves derived ties out") {
    const KnowledgeGraph kg = queries_graph();
    const TieTable ties(kg, TieOptions{true});
    CHECK(ties.find(kg.find_actor("b"), kg.find_actor("c")) == nullptr);
    CHECK(tie_value(kg, ties, "a", "c") == doctest::Approx(-0.8));
}

TEST_CASE("ties: opposite claims of equal weight cancel to an exact zero") {
    const auto result = test::load_text(R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
      "actors": [{"id": "x", "name": "X", "kind": "state"}, {"id": "y", "name": "Y", "kind": "state"}],
      "claims": [{"subject": "x", "relation": "cooperates_with", "object": "y", "source": "s"},
                 {"subject": "y", "relation": "threatens", "object": "x", "source": "s"}]})");
    REQUIRE(result.graph);
    const TieTable ties(*result.graph);
    const Tie* t = ties.find(0, 1);
    REQUIRE(t);
    CHECK(t->value == 0.0);
    CHECK(t->sign() == 0);
    CHECK(t->evidence.size() == 2);
}

TEST_CASE("agreement, direct tie and alignment of a and b") {
    const KnowledgeGraph kg = queries_graph();
    const TieTable ties(kg);
    const Alignment al = align(ties, kg.find_actor("a"), kg.find_actor("b"));
    // Shared objects c, d, p, q; products 3/52, -1, -1/2, 1: agreement -23/52 / (133/52).
    CHECK(al.shared == 4);
    REQUIRE(al.agreement);
    CHECK(*al.agreement == doctest::Approx(-23.0 / 133.0));
    REQUIRE(al.direct);
    CHECK(al.direct->value == doctest::Approx(1.0));
    REQUIRE(al.alignment);
    CHECK(*al.alignment == doctest::Approx((1.0 - 23.0 / 133.0) / 2.0));
    // S: 1 - mean |x - y| over c, d, p, q = 1 - (1/52 + 2 + 1.5 + 0) / 4.
    const auto s_score = al.score(AlignmentMeasure::s).value;
    REQUIRE(s_score);
    CHECK(*s_score == doctest::Approx(1.0 - (1.0 / 52 + 3.5) / 4));
    // kappa: 1 - observed / expected mean distance, the expected one over all pairings.
    const double xa[] = {-3.0 / 13, 1, 1, 1};
    const double xb[] = {-0.25, -1, -0.5, 1};
    double expected = 0;
    for (double x : xa) {
        for (double y : xb) {
            expected += std::abs(x - y);
        }
    }
    expected /= 16;
    const auto kappa = al.score(AlignmentMeasure::kappa).value;
    REQUIRE(kappa);
    CHECK(*kappa == doctest::Approx(1.0 - ((1.0 / 52 + 3.5) / 4) / expected));
    // Both hold a stance on all four: joint and union agree here.
    CHECK(al.compared_objects.size() == 4);
    CHECK(align(ties, kg.find_actor("a"), kg.find_actor("b"),
                AlignOptions{StanceSet::either, true, std::nullopt})
              .compared_objects.size() == 4);
}

TEST_CASE("alignment with no shared object rests on the direct tie alone; none at all is none") {
    const KnowledgeGraph kg = queries_graph();
    const TieTable ties(kg);
    const Alignment cd = align(ties, kg.find_actor("c"), kg.find_actor("d"));
    // c is tied to a (-3/13) and, through its position, to b (-1/4); d to a (+1) and b (-1).
    // Products -3/13 and +1/4: agreement (1/52) / (25/52) = 1/25, and no direct tie.
    CHECK(cd.shared == 2);
    CHECK(cd.direct == nullptr);
    REQUIRE(cd.alignment);
    CHECK(*cd.alignment == doctest::Approx(1.0 / 25));
    const Alignment org = align(ties, kg.find_actor("org"), kg.find_actor("a"));
    CHECK(!org.alignment);
    CHECK(!org.agreement);
    CHECK(org.shared == 0);
}

TEST_CASE("divergence: roadblocks first, then positions, by weight") {
    const KnowledgeGraph kg = queries_graph();
    const TieTable ties(kg);
    const auto points = diverge(kg, ties, kg.find_actor("a"), kg.find_actor("b"));
    REQUIRE(points.size() == 2);
    CHECK(kg.actor(points[0].object).id == "d");
    CHECK(points[0].roadblock);
    CHECK(points[0].weight == doctest::Approx(1.0));
    CHECK(kg.actor(points[1].object).id == "p");
    CHECK(!points[1].roadblock);
    CHECK(points[1].weight == doctest::Approx(0.5));
}

TEST_CASE("scenario: --as-of drops claims that no longer hold") {
    const KnowledgeGraph kg = queries_graph();
    Scenario scenario;
    // q7 held until 2020; the others, undated, hold from their memo's date (2024-01-15).
    scenario.as_of = parse_date("2024");
    const KnowledgeGraph later = apply_scenario(kg, scenario);
    CHECK(later.data().claims.size() == 9);
    const TieTable ties(later);
    const auto points = diverge(later, ties, later.find_actor("a"), later.find_actor("b"));
    REQUIRE(points.size() == 1);
    CHECK(later.actor(points[0].object).id == "p");
    scenario.as_of = parse_date("2020-12");
    CHECK(apply_scenario(kg, scenario).data().claims.size() == 1);
    scenario.as_of = parse_date("2024-01-15");
    CHECK(apply_scenario(kg, scenario).data().claims.size() == 9);
}

TEST_CASE("scenario: --without leaves claims out, --assume adds hypothetical ones") {
    const KnowledgeGraph kg = queries_graph();
    Scenario scenario;
    scenario.without = {"q8"};
    scenario.assumptions = {"Beta  sanctions   Delta", "gamma supports q"};
    const KnowledgeGraph what_if = apply_scenario(kg, scenario);
    REQUIRE(what_if.data().claims.size() == 11);
    const Claim& first = what_if.claim(what_if.find_claim("assume-1"));
    CHECK(first.hypothetical);
    CHECK(what_if.actor(first.subject).id == "b");
    CHECK(what_if.relation(first.relation).id == "sanctions");
    CHECK(what_if.actor(first.object).id == "d");
    CHECK(what_if.source(first.source).id == "what-if");
    CHECK(what_if.actor(what_if.claim(what_if.find_claim("assume-2")).subject).id == "c");
    CHECK_THROWS_AS((void)what_if.find_claim("q8"), UnknownNameError);

    // Assumptions never take an id the data already has.
    Dataset data = kg.data();
    data.claims[0].id = "assume-1";
    const KnowledgeGraph taken(std::move(data));
    Scenario one;
    one.assumptions = {"beta sanctions delta"};
    const KnowledgeGraph assumed = apply_scenario(taken, one);
    CHECK_FALSE(assumed.claim(assumed.find_claim("assume-1")).hypothetical);
    CHECK(assumed.claim(assumed.find_claim("assume-2")).hypothetical);
}

TEST_CASE("scenario: bad assumptions and unknown claim ids are typed errors") {
    const KnowledgeGraph kg = queries_graph();
    Scenario s;
    s.assumptions = {"alpah supports q"};
    CHECK_THROWS_WITH_AS(apply_scenario(kg, s), "unknown actor \"alpah\"; did you mean \"a\"?",
                         UnknownNameError);
    s.assumptions = {"alpha suports q"};
    CHECK_THROWS_WITH_AS(apply_scenario(kg, s),
                         "unknown relation \"suports\"; did you mean \"supports\"?",
                         UnknownNameError);
    s.assumptions = {"alpha supports alpha"};
    CHECK_THROWS_WITH_AS(apply_scenario(kg, s),
                         "the assumption \"alpha supports alpha\" relates an actor to itself",
                         Error);
    s.assumptions = {"alpha"};
    CHECK_THROWS_AS(apply_scenario(kg, s), Error);
    // A pasted paragraph is refused at once rather than split at each of its relation words.
    std::string long_text = "alpha";
    for (int i = 0; i < 14'000; ++i) {
        long_text += " supports";
    }
    s.assumptions = {long_text + " beta"};
    CHECK_THROWS_WITH_AS(apply_scenario(kg, s),
                         "the assumption has 14002 words; an assumption is \"SUBJECT RELATION "
                         "OBJECT\" in at most 64 words",
                         Error);
    // Within the bound, the first split that names no actor says which name is unknown.
    s.assumptions = {"alpha supports beta supports zzz"};
    CHECK_THROWS_AS(apply_scenario(kg, s), UnknownNameError);
    s.assumptions.clear();
    s.without = {"q99"};
    CHECK_THROWS_AS(apply_scenario(kg, s), UnknownNameError);
}

TEST_CASE("the dense alignment matrix equals align() pair by pair") {
    for (const char* path : {ENTENTE_TEST_DATA "/good/queries.json",
                             ENTENTE_SOURCE_DIR "/examples/highland-tribes.json"}) {
        CAPTURE(path);
        const KnowledgeGraph kg = test::load_file(path);
        const TieTable ties(kg);
        std::vector<Index> actors;
        for (Index i = 0; i < kg.data().actors.size(); ++i) {
            actors.push_back(i);
        }
        for (bool agreement_only : {false, true}) {
            const auto m = alignment_matrix(ties, actors, agreement_only);
            for (std::size_t i = 0; i < actors.size(); ++i) {
                CHECK(!m[i][i]);
                for (std::size_t j = 0; j < actors.size(); ++j) {
                    if (i == j) {
                        continue;
                    }
                    const Alignment al = align(ties, actors[i], actors[j],
                                               AlignOptions{StanceSet::joint, false, std::nullopt});
                    const auto expected = agreement_only ? al.agreement : al.alignment;
                    REQUIRE(m[i][j].has_value() == expected.has_value());
                    if (expected) {
                        CHECK(*m[i][j] == doctest::Approx(*expected));
                    }
                }
            }
        }
    }
}

namespace {

std::vector<std::string> ids(const KnowledgeGraph& kg, const std::vector<Index>& items) {
    std::vector<std::string> out;
    for (Index i : items) {
        out.push_back(kg.actor(i).id);
    }
    return out;
}

std::vector<std::string> claim_ids(const KnowledgeGraph& kg, const std::vector<Index>& items) {
    std::vector<std::string> out;
    for (Index i : items) {
        out.push_back(kg.claim(i).id.str());
    }
    return out;
}

std::vector<std::string> ranked(const KnowledgeGraph& kg, const std::vector<Alignment>& ranking) {
    std::vector<Index> others;
    for (const Alignment& al : ranking) {
        others.push_back(al.b);
    }
    return ids(kg, others);
}

}  // namespace

TEST_CASE("measures by name, and the score each picks") {
    for (AlignmentMeasure m : all_alignment_measures) {
        CHECK(parse_alignment_measure(to_string(m)) == m);
    }
    CHECK(!parse_alignment_measure("cosine"));
    CHECK(!parse_alignment_measure(""));
    Alignment al;
    al.scores[static_cast<std::size_t>(AlignmentMeasure::alignment)].value = 0.5;
    al.scores[static_cast<std::size_t>(AlignmentMeasure::agreement)].value = -0.25;
    al.scores[static_cast<std::size_t>(AlignmentMeasure::s)].value = 0.75;
    CHECK(alignment_score(al, AlignmentMeasure::alignment) == 0.5);
    CHECK(alignment_score(al, AlignmentMeasure::agreement) == -0.25);
    CHECK(alignment_score(al, AlignmentMeasure::s) == 0.75);
    CHECK(!alignment_score(al, AlignmentMeasure::kappa));
}

TEST_CASE("ranking: every side-taker with a defined score, highest first") {
    const KnowledgeGraph kg = queries_graph();
    const TieTable ties(kg);
    const Index a = kg.find_actor("a");
    // b (1 - 23/133) / 2, d (-1 + 1) / 2 = 0, c (-1 - 3/13) / 2; org has no score, and the
    // positions p and q do not take sides.
    const auto by_alignment =
        alignment_ranking(kg, ties, a, AlignmentMeasure::alignment, {}, 1).ranked;
    CHECK(ranked(kg, by_alignment) == std::vector<std::string>{"b", "d", "c"});
    CHECK(*by_alignment[0].alignment == doctest::Approx((1.0 - 23.0 / 133.0) / 2.0));
    CHECK(*by_alignment[1].alignment == doctest::Approx(0.0));
    CHECK(*by_alignment[2].alignment == doctest::Approx(-8.0 / 13.0));
    for (const Alignment& al : by_alignment) {
        CHECK(al.a == a);
    }
    // By agreement, c and d both score -1 over one shared object: in id order.
    CHECK(ranked(kg, alignment_ranking(kg, ties, a, AlignmentMeasure::agreement, {}, 1).ranked) ==
          std::vector<std::string>{"b", "c", "d"});
    // By default (--min-shared 3) c and d, each on one shared object and a direct tie, are thin.
    const auto split = alignment_ranking(kg, ties, a, AlignmentMeasure::alignment);
    CHECK(ranked(kg, split.ranked) == std::vector<std::string>{"b"});
    CHECK(ranked(kg, split.thin) == std::vector<std::string>{"d", "c"});
    CHECK(split.ranked[0].score(AlignmentMeasure::alignment).objects == 5);
    CHECK(split.thin[0].score(AlignmentMeasure::alignment).objects == 2);
}

TEST_CASE("ranking: equal scores put more shared objects first, then ids") {
    const auto result = test::load_text(R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
      "actors": [{"id": "s1", "name": "S1", "kind": "state"},
                 {"id": "m1", "name": "M1", "kind": "state"},
                 {"id": "m2", "name": "M2", "kind": "group"},
                 {"id": "m3", "name": "M3", "kind": "person"},
                 {"id": "o1", "name": "O1", "kind": "position"},
                 {"id": "o2", "name": "O2", "kind": "position"}],
      "claims": [{"subject": "s1", "relation": "supports", "object": "o1", "source": "s"},
                 {"subject": "s1", "relation": "supports", "object": "o2", "source": "s"},
                 {"subject": "m1", "relation": "supports", "object": "o1", "source": "s"},
                 {"subject": "m2", "relation": "supports", "object": "o1", "source": "s"},
                 {"subject": "m2", "relation": "supports", "object": "o2", "source": "s"},
                 {"subject": "m3", "relation": "supports", "object": "o2", "source": "s"}]})");
    REQUIRE(result.graph);
    const KnowledgeGraph& kg = *result.graph;
    const TieTable ties(kg);
    const auto ranking =
        alignment_ranking(kg, ties, kg.find_actor("s1"), AlignmentMeasure::agreement, {}, 1).ranked;
    // All agree fully (1); m2 shares two objects, m1 and m3 one each.
    CHECK(ranked(kg, ranking) == std::vector<std::string>{"m2", "m1", "m3"});
    CHECK(ranking[0].shared == 2);
}

TEST_CASE("matrix: by default every state with a signed tie, by id") {
    const KnowledgeGraph kg = queries_graph();
    const TieTable ties(kg);
    CHECK(ids(kg, matrix_actors(kg, ties)) == std::vector<std::string>{"a", "b", "c", "d"});
    // Without q7 and q8, d has no claim of non-zero sign left.
    Scenario scenario;
    scenario.without = {"q7", "q8"};
    const KnowledgeGraph fewer = apply_scenario(kg, scenario);
    CHECK(ids(fewer, matrix_actors(fewer, TieTable(fewer))) ==
          std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("matrix: every measure's entries equal align()'s, and cite the claims they rest on") {
    const KnowledgeGraph kg = queries_graph();
    const TieTable ties(kg);
    auto actors = [&](std::initializer_list<const char*> names) {
        std::vector<Index> out;
        for (const char* n : names) {
            out.push_back(kg.find_actor(n));
        }
        return out;
    };
    const auto all = actors({"a", "b", "c", "d", "org", "p"});
    for (AlignmentMeasure m : all_alignment_measures) {
        CAPTURE(to_string(m));
        const ScoreMatrix sm = score_matrix(ties, all, m);
        CHECK(sm.actors == all);
        CHECK(sm.measure == m);
        for (std::size_t i = 0; i < all.size(); ++i) {
            CHECK(!sm.scores[i][i].value);
            for (std::size_t j = 0; j < all.size(); ++j) {
                if (i != j) {
                    const MeasureScore expected = align(ties, all[i], all[j]).score(m);
                    REQUIRE(sm.scores[i][j].value.has_value() == expected.value.has_value());
                    if (expected.value) {
                        CHECK(*sm.scores[i][j].value == *expected.value);
                        CHECK(sm.scores[i][j].objects == expected.objects);
                        CHECK(sm.scores[i][j].low == expected.low);
                        CHECK(sm.scores[i][j].high == expected.high);
                    }
                }
            }
        }
    }
    // a and b: agreement over c, d, p, q rests on every signed claim but q3, their direct tie.
    CHECK(
        claim_ids(kg, score_matrix(ties, actors({"a", "b"}), AlignmentMeasure::agreement).claims) ==
        std::vector<std::string>{"q1", "q2", "q4", "q5", "q6", "q7", "q8"});
    CHECK(
        claim_ids(kg, score_matrix(ties, actors({"a", "b"}), AlignmentMeasure::alignment).claims) ==
        std::vector<std::string>{"q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"});
    // S compares the stances over third objects: not the direct tie either.
    CHECK(claim_ids(kg, score_matrix(ties, actors({"a", "b"}), AlignmentMeasure::s).claims) ==
          std::vector<std::string>{"q1", "q2", "q4", "q5", "q6", "q7", "q8"});
    // c and d: no direct tie; shared a (q4, q1 derived; q7) and b (q2 derived; q8).
    CHECK(
        claim_ids(kg, score_matrix(ties, actors({"c", "d"}), AlignmentMeasure::alignment).claims) ==
        std::vector<std::string>{"q1", "q2", "q4", "q7", "q8"});
    // org has no tie: nothing defined, nothing cited.
    const ScoreMatrix lone = score_matrix(ties, actors({"a", "org"}), AlignmentMeasure::alignment);
    CHECK(!lone.scores[0][1].value);
    CHECK(lone.claims.empty());
    // S over the joint objects: none, so nothing cited; over the union, a's five stances.
    CHECK(score_matrix(ties, actors({"a", "org"}), AlignmentMeasure::s).claims.empty());
    CHECK(score_matrix(ties, actors({"a", "org"}), AlignmentMeasure::s,
                       AlignOptions{StanceSet::either, true, std::nullopt})
              .claims.size() == 5);
    CHECK_THROWS_WITH_AS(score_matrix(ties, actors({"a", "b", "a"}), AlignmentMeasure::alignment),
                         "an actor is listed twice in the matrix", Error);
}
