// Stances with abstention and the field's agreement measures (identical, agreement index, S,
// kappa, pi), their counts and bootstrap intervals, checked by hand, by brute force and against
// an independent implementation of the documented bootstrap.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <sstream>

#include "entente/query/alignment.hpp"
#include "entente/query/alignment_matrix.hpp"
#include "entente/query/alignment_ranking.hpp"
#include "fixture.hpp"

using namespace entente;

namespace {

// Roll calls v1..v6; x, y and z vote on them (docs/queries.md's worked example):
//        v1  v2  v3  v4       v5       v6
//   x    yes yes no  abstain  yes      -
//   y    yes no  no  yes      abstain  yes
//   z    -   -   no  abstain  -        -
const char* const votes = R"({
  "entente": 1,
  "sources": [{"id": "s", "title": "Roll calls", "date": "2018-12-01"}],
  "actors": [
    {"id": "x", "name": "X", "kind": "state"}, {"id": "y", "name": "Y", "kind": "state"},
    {"id": "z", "name": "Z", "kind": "state"},
    {"id": "v1", "name": "V1", "kind": "position"}, {"id": "v2", "name": "V2", "kind": "position"},
    {"id": "v3", "name": "V3", "kind": "position"}, {"id": "v4", "name": "V4", "kind": "position"},
    {"id": "v5", "name": "V5", "kind": "position"}, {"id": "v6", "name": "V6", "kind": "position"}
  ],
  "claims": [
    {"subject": "x", "relation": "supports", "object": "v1", "source": "s"},
    {"subject": "x", "relation": "supports", "object": "v2", "source": "s"},
    {"subject": "x", "relation": "opposes", "object": "v3", "source": "s"},
    {"subject": "x", "relation": "abstains_on", "object": "v4", "source": "s"},
    {"subject": "x", "relation": "supports", "object": "v5", "source": "s"},
    {"subject": "y", "relation": "supports", "object": "v1", "source": "s"},
    {"subject": "y", "relation": "opposes", "object": "v2", "source": "s"},
    {"subject": "y", "relation": "opposes", "object": "v3", "source": "s"},
    {"subject": "y", "relation": "supports", "object": "v4", "source": "s"},
    {"subject": "y", "relation": "abstains_on", "object": "v5", "source": "s"},
    {"subject": "y", "relation": "supports", "object": "v6", "source": "s"},
    {"subject": "z", "relation": "opposes", "object": "v3", "source": "s"},
    {"subject": "z", "relation": "abstains_on", "object": "v4", "source": "s"}
  ]
})";

KnowledgeGraph votes_graph() {
    auto result = test::load_text(votes);
    REQUIRE(result.graph);
    return std::move(*result.graph);
}

double value(const Alignment& al, AlignmentMeasure m) {
    const auto v = al.score(m).value;
    REQUIRE_MESSAGE(v, to_string(m));
    return *v;
}

// The measures by their textbook formulas, O(n^2), on stance values (a missing one as 0).
struct Brute {
    double identical, agreement_index, s;
    std::optional<double> kappa, pi;
};

Brute brute(const std::vector<double>& x, const std::vector<double>& y) {
    const double n = static_cast<double>(x.size());
    auto sign = [](double v) { return v > 0 ? 1 : v < 0 ? -1 : 0; };
    double same = 0, partial = 0, d = 0;
    for (std::size_t k = 0; k < x.size(); ++k) {
        same += sign(x[k]) == sign(y[k]) ? 1 : 0;
        partial += sign(x[k]) != sign(y[k]) && sign(x[k]) * sign(y[k]) == 0 ? 1 : 0;
        d += std::abs(x[k] - y[k]);
    }
    Brute b{same / n, (same + partial / 2) / n, 1 - d / n, std::nullopt, std::nullopt};
    double cohen = 0;
    for (double u : x) {
        for (double v : y) {
            cohen += std::abs(u - v);
        }
    }
    std::vector<double> pooled = x;
    pooled.insert(pooled.end(), y.begin(), y.end());
    double scott = 0;
    for (double u : pooled) {
        for (double v : pooled) {
            scott += std::abs(u - v);
        }
    }
    if (cohen > 0) {
        b.kappa = 1 - (d / n) / (cohen / (n * n));
    }
    if (scott > 0) {
        b.pi = 1 - (d / n) / (scott / (4 * n * n));
    }
    return b;
}

}  // namespace

TEST_CASE("stances: an abstention is a stance held (value 0), one way, no signed tie") {
    const KnowledgeGraph kg = votes_graph();
    const TieTable ties(kg);
    const Tie* t = ties.find(kg.find_actor("x"), kg.find_actor("v4"));
    REQUIRE(t);
    CHECK(t->value == 0.0);
    CHECK(t->sign() == 0);
    REQUIRE(t->evidence.size() == 1);
    CHECK(t->evidence[0].abstention());
    CHECK(ties.find(kg.find_actor("v4"), kg.find_actor("x")) == nullptr);
    // member_of is not a stance.
    auto result = test::load_text(R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
      "actors": [{"id": "a", "name": "A", "kind": "state"},
                 {"id": "o", "name": "O", "kind": "organization"}],
      "claims": [{"subject": "a", "relation": "member_of", "object": "o", "source": "s"}]})");
    REQUIRE(result.graph);
    CHECK(TieTable(*result.graph).find(0, 1) == nullptr);
}

TEST_CASE("measures over the jointly present objects, by hand") {
    const KnowledgeGraph kg = votes_graph();
    const TieTable ties(kg);
    const Alignment al = align(ties, kg.find_actor("x"), kg.find_actor("y"));
    // Joint: v1..v5; same on v1 and v3, opposite on v2, one abstaining on v4 and v5.
    CHECK(al.compared_objects.size() == 5);
    CHECK(value(al, AlignmentMeasure::identical) == doctest::Approx(2.0 / 5));
    CHECK(value(al, AlignmentMeasure::agreement_index) == doctest::Approx(3.0 / 5));
    // S = 1 - mean |x - y| = 1 - (0 + 2 + 0 + 1 + 1) / 5.
    CHECK(value(al, AlignmentMeasure::s) == doctest::Approx(0.2));
    // kappa: expected distance over all 25 pairings of x's and y's values, 24 / 25.
    CHECK(value(al, AlignmentMeasure::kappa) == doctest::Approx(1.0 / 6));
    // pi: pooled values five +1, three -1, two 0: 2 (5x3x2 + 5x2x1 + 3x2x1) / 100 = 0.92.
    CHECK(value(al, AlignmentMeasure::pi) == doctest::Approx(3.0 / 23));
    // entente's agreement: products +1 (v1), -1 (v2), +1 (v3); abstentions add nothing.
    CHECK(al.shared == 3);
    CHECK(value(al, AlignmentMeasure::agreement) == doctest::Approx(1.0 / 3));
    CHECK(value(al, AlignmentMeasure::alignment) == doctest::Approx(1.0 / 3));
    for (AlignmentMeasure m :
         {AlignmentMeasure::identical, AlignmentMeasure::agreement_index, AlignmentMeasure::s,
          AlignmentMeasure::kappa, AlignmentMeasure::pi}) {
        CHECK(al.score(m).objects == 5);
    }
    CHECK(al.score(AlignmentMeasure::agreement).objects == 3);
    CHECK(al.score(AlignmentMeasure::alignment).objects == 3);  // no direct tie
}

TEST_CASE("measures over the union: an absent stance counts as 0") {
    const KnowledgeGraph kg = votes_graph();
    const TieTable ties(kg);
    const Alignment al = align(ties, kg.find_actor("x"), kg.find_actor("y"),
                               AlignOptions{StanceSet::either, true, std::nullopt});
    CHECK(al.compared_objects.size() == 6);  // v6: x absent, y yes
    CHECK(value(al, AlignmentMeasure::identical) == doctest::Approx(2.0 / 6));
    CHECK(value(al, AlignmentMeasure::agreement_index) == doctest::Approx(3.5 / 6));
    CHECK(value(al, AlignmentMeasure::s) == doctest::Approx(1 - 5.0 / 6));
    const Brute b = brute({1, 1, -1, 0, 1, 0}, {1, -1, -1, 1, 0, 1});
    CHECK(value(al, AlignmentMeasure::kappa) == doctest::Approx(*b.kappa));
    CHECK(value(al, AlignmentMeasure::pi) == doctest::Approx(*b.pi));
    CHECK(value(al, AlignmentMeasure::agreement) == doctest::Approx(1.0 / 3));  // unchanged
}

TEST_CASE("agreement index: both abstaining is the same vote, as the State Department counts") {
    const KnowledgeGraph kg = votes_graph();
    const TieTable ties(kg);
    const Alignment al = align(ties, kg.find_actor("x"), kg.find_actor("z"));
    // Joint: v3 (no, no) and v4 (abstain, abstain): identical, coincidence 1, S 1.
    CHECK(al.compared_objects.size() == 2);
    CHECK(value(al, AlignmentMeasure::identical) == 1.0);
    CHECK(value(al, AlignmentMeasure::agreement_index) == 1.0);
    CHECK(value(al, AlignmentMeasure::s) == 1.0);
    // Chance-corrected: x's values -1, 0 and z's -1, 0 paired at random differ half the time.
    CHECK(value(al, AlignmentMeasure::kappa) == 1.0);
    CHECK(value(al, AlignmentMeasure::pi) == 1.0);
    // One shared signed stance (v3): agreement +1 over one object.
    CHECK(al.score(AlignmentMeasure::agreement).objects == 1);
}

TEST_CASE("kappa and pi are undefined when every stance is the same") {
    auto result = test::load_text(R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
      "actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"},
                 {"id": "p", "name": "P", "kind": "position"}, {"id": "q", "name": "Q", "kind": "position"}],
      "claims": [{"subject": "a", "relation": "supports", "object": "p", "source": "s"},
                 {"subject": "b", "relation": "supports", "object": "p", "source": "s"},
                 {"subject": "a", "relation": "supports", "object": "q", "source": "s"},
                 {"subject": "b", "relation": "supports", "object": "q", "source": "s"}]})");
    REQUIRE(result.graph);
    const TieTable ties(*result.graph);
    const Alignment al = align(ties, 0, 1);
    CHECK(value(al, AlignmentMeasure::identical) == 1.0);
    CHECK(value(al, AlignmentMeasure::s) == 1.0);
    CHECK(!al.score(AlignmentMeasure::kappa).value);
    CHECK(!al.score(AlignmentMeasure::pi).value);
    CHECK(!al.score(AlignmentMeasure::kappa).low);
}

TEST_CASE("measures equal their O(n^2) textbook formulas on random stances") {
    std::mt19937 rng(11);
    for (int trial = 0; trial < 200; ++trial) {
        const int objects = 1 + static_cast<int>(rng() % 12);
        std::ostringstream json;
        json
            << R"({"entente": 1, "sources": [{"id": "s", "title": "S"}], "actors": [)"
            << R"({"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"})";
        for (int k = 0; k < objects; ++k) {
            json << R"(, {"id": "p)" << k << R"(", "name": "P)" << k << R"(", "kind": "position"})";
        }
        json << R"(], "claims": [)";
        const char* relations[] = {"supports", "opposes", "abstains_on"};
        bool first = true;
        std::vector<double> x, y;
        for (int k = 0; k < objects; ++k) {
            // Each actor: absent, or one claim of a random relation and confidence.
            double stance[2] = {0, 0};
            bool present[2] = {false, false};
            for (int who = 0; who < 2; ++who) {
                const unsigned pick = rng() % 4;
                if (pick == 3) {
                    continue;
                }
                const double confidence = static_cast<double>(1 + rng() % 4) / 4.0;
                present[who] = true;
                stance[who] = pick == 0 ? confidence : pick == 1 ? -confidence : 0.0;
                json << (first ? "" : ", ") << R"({"subject": ")" << (who == 0 ? "a" : "b")
                     << R"(", "relation": ")" << relations[pick] << R"(", "object": "p)" << k
                     << R"(", "source": "s", "confidence": )" << confidence << "}";
                first = false;
            }
            if (present[0] && present[1]) {
                x.push_back(stance[0]);
                y.push_back(stance[1]);
            }
        }
        json << "]}";
        auto result = test::load_text(json.str());
        REQUIRE(result.graph);
        const TieTable ties(*result.graph);
        const Alignment al = align(ties, 0, 1, AlignOptions{StanceSet::joint, false, std::nullopt});
        REQUIRE(al.compared_objects.size() == x.size());
        if (x.empty()) {
            CHECK(!al.score(AlignmentMeasure::s).value);
            continue;
        }
        const Brute b = brute(x, y);
        CHECK(value(al, AlignmentMeasure::identical) == doctest::Approx(b.identical));
        CHECK(value(al, AlignmentMeasure::agreement_index) == doctest::Approx(b.agreement_index));
        CHECK(value(al, AlignmentMeasure::s) == doctest::Approx(b.s));
        CHECK(al.score(AlignmentMeasure::kappa).value.has_value() == b.kappa.has_value());
        if (b.kappa) {
            CHECK(value(al, AlignmentMeasure::kappa) == doctest::Approx(*b.kappa));
        }
        CHECK(al.score(AlignmentMeasure::pi).value.has_value() == b.pi.has_value());
        if (b.pi) {
            CHECK(value(al, AlignmentMeasure::pi) == doctest::Approx(*b.pi));
        }
    }
}

namespace {

// The bootstrap as docs/queries.md describes it, written independently: the objects' (x, y) pairs
// in ascending order (x: the actor declared first), splitmix64 from the seed "entente", each
// replicate n draws (the high 32 bits of next() times n, shifted right by 32) into that order,
// percentiles by linear interpolation.
std::pair<double, double> documented_interval(std::vector<double> x, std::vector<double> y,
                                              AlignmentMeasure measure) {
    std::vector<std::pair<double, double>> sorted;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sorted.emplace_back(x[i], y[i]);
    }
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < x.size(); ++i) {
        x[i] = sorted[i].first;
        y[i] = sorted[i].second;
    }
    std::uint64_t state = 0x656E74656E7465ULL;
    auto next = [&state] {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    };
    std::vector<double> values;
    for (int r = 0; r < 1000; ++r) {
        std::vector<double> rx, ry;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const std::size_t k = ((next() >> 32) * x.size()) >> 32;
            rx.push_back(x[k]);
            ry.push_back(y[k]);
        }
        const Brute b = brute(rx, ry);
        const std::optional<double> v = measure == AlignmentMeasure::identical ? b.identical
                                        : measure == AlignmentMeasure::agreement_index
                                            ? b.agreement_index
                                        : measure == AlignmentMeasure::s     ? b.s
                                        : measure == AlignmentMeasure::kappa ? b.kappa
                                                                             : b.pi;
        if (v) {
            values.push_back(*v);
        }
    }
    std::sort(values.begin(), values.end());
    auto at = [&](double p) {
        const double h = p * static_cast<double>(values.size() - 1);
        const auto lo = static_cast<std::size_t>(h);
        return values[lo] + (h - static_cast<double>(lo)) * (values[lo + 1] - values[lo]);
    };
    return {at(0.05), at(0.95)};
}

}  // namespace

namespace {

// entente's agreement interval as docs/queries.md describes it, written independently: the
// products x * y of the shared objects in ascending order, the same draws, agreement sum / sum |.|.
std::pair<double, double> documented_agreement_interval(std::vector<double> products) {
    std::sort(products.begin(), products.end());
    std::uint64_t state = 0x656E74656E7465ULL;
    auto next = [&state] {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    };
    std::vector<double> values;
    for (int r = 0; r < 1000; ++r) {
        double agree = 0.0;
        double total = 0.0;
        for (std::size_t i = 0; i < products.size(); ++i) {
            const double p = products[((next() >> 32) * products.size()) >> 32];
            agree += p;
            total += std::abs(p);
        }
        values.push_back(agree / total);
    }
    std::sort(values.begin(), values.end());
    auto at = [&](double q) {
        const double h = q * static_cast<double>(values.size() - 1);
        const auto lo = static_cast<std::size_t>(h);
        return values[lo] + (h - static_cast<double>(lo)) * (values[lo + 1] - values[lo]);
    };
    return {at(0.05), at(0.95)};
}

}  // namespace

TEST_CASE("intervals: the documented bootstrap, the same for a pair in every command") {
    const KnowledgeGraph kg = votes_graph();
    const TieTable ties(kg);
    const Index x = kg.find_actor("x");
    const Index y = kg.find_actor("y");
    const Alignment al = align(ties, x, y);
    // Votes: at most nine distinct (x, y) pairs, resampled as runs of the ascending order.
    for (AlignmentMeasure m :
         {AlignmentMeasure::identical, AlignmentMeasure::agreement_index, AlignmentMeasure::s,
          AlignmentMeasure::kappa, AlignmentMeasure::pi}) {
        CAPTURE(to_string(m));
        const auto [low, high] = documented_interval({1, 1, -1, 0, 1}, {1, -1, -1, 1, 0}, m);
        REQUIRE(al.score(m).low);
        CHECK(*al.score(m).low == doctest::Approx(low).epsilon(1e-12));
        CHECK(*al.score(m).high == doctest::Approx(high).epsilon(1e-12));
    }
    // entente's agreement over the shared objects v1, v2, v3: products +1, -1, +1.
    const auto [agree_low, agree_high] = documented_agreement_interval({1, -1, 1});
    REQUIRE(al.score(AlignmentMeasure::agreement).low);
    CHECK(*al.score(AlignmentMeasure::agreement).low == doctest::Approx(agree_low).epsilon(1e-12));
    CHECK(*al.score(AlignmentMeasure::agreement).high ==
          doctest::Approx(agree_high).epsilon(1e-12));
    const MeasureScore& ai = al.score(AlignmentMeasure::agreement_index);
    CHECK(*ai.low < *ai.value);
    CHECK(*ai.high > *ai.value);
    for (AlignmentMeasure m : all_alignment_measures) {
        const MeasureScore& s = al.score(m);
        REQUIRE(s.low);
        CHECK(*s.low <= *s.high);
    }
    // Same interval from the other side, in the ranking and in the matrix.
    CHECK(align(ties, y, x).score(AlignmentMeasure::agreement_index).low == ai.low);
    const AlignmentRanking ranking =
        alignment_ranking(kg, ties, x, AlignmentMeasure::agreement_index, {}, 3);
    REQUIRE(!ranking.ranked.empty());
    CHECK(ranking.ranked[0].b == y);
    CHECK(ranking.ranked[0].score(AlignmentMeasure::agreement_index).high == ai.high);
    const ScoreMatrix m = score_matrix(ties, {x, y}, AlignmentMeasure::agreement_index);
    CHECK(m.scores[0][1].low == ai.low);
    CHECK(m.scores[1][0].high == ai.high);
    CHECK(m.scores[0][1].objects == 5);
    CHECK(!m.scores[0][0].value);
    // Stances of other strengths take the path over the objects: a and b of queries.json.
    const KnowledgeGraph q = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const TieTable qt(q);
    const Alignment ab = align(qt, q.find_actor("a"), q.find_actor("b"));
    for (AlignmentMeasure measure :
         {AlignmentMeasure::s, AlignmentMeasure::kappa, AlignmentMeasure::pi}) {
        CAPTURE(to_string(measure));
        // Objects c, d, p, q: four distinct pairs, each a run of one.
        const auto [low, high] =
            documented_interval({-3.0 / 13, 1, 1, 1}, {-0.25, -1, -0.5, 1}, measure);
        REQUIRE(ab.score(measure).low);
        CHECK(*ab.score(measure).low == doctest::Approx(low).epsilon(1e-12));
        CHECK(*ab.score(measure).high == doctest::Approx(high).epsilon(1e-12));
    }
    // Only one group's intervals when asked (the matrix's way).
    AlignOptions only;
    only.intervals_for = AlignmentMeasure::kappa;
    const Alignment one = align(ties, x, y, only);
    CHECK(one.score(AlignmentMeasure::kappa).low == al.score(AlignmentMeasure::kappa).low);
    CHECK(!one.score(AlignmentMeasure::agreement).low);
    // Identical share, agreement index and S asked for alone take the three-sum path (no 3 x 3
    // table per resample): the same intervals, exactly, as the full table's.
    for (AlignmentMeasure asked :
         {AlignmentMeasure::identical, AlignmentMeasure::agreement_index, AlignmentMeasure::s}) {
        CAPTURE(to_string(asked));
        AlignOptions alone;
        alone.intervals_for = asked;
        const Alignment three = align(ties, x, y, alone);
        REQUIRE(three.score(asked).low);
        CHECK(*three.score(asked).low == *al.score(asked).low);
        CHECK(*three.score(asked).high == *al.score(asked).high);
        CHECK(!three.score(AlignmentMeasure::kappa).low);
    }
    // Without intervals: none.
    CHECK(!align(ties, x, y, AlignOptions{StanceSet::joint, false, std::nullopt})
               .score(AlignmentMeasure::s)
               .low);
}

TEST_CASE("intervals: kept and streamed resamples give the documented numbers") {
    // 2,000 objects fit a thread's kept schedule, 2,200 do not (their draws are made afresh for
    // each pair): both must be the documented bootstrap.
    for (int objects : {2000, 2200}) {
        CAPTURE(objects);
        std::string text = R"({"entente": 1, "sources": [{"id": "s", "title": "S"}], "actors": [
          {"id": "x", "name": "X", "kind": "state"}, {"id": "y", "name": "Y", "kind": "state"})";
        std::string claims;
        std::vector<double> products;
        for (int k = 0; k < objects; ++k) {
            const std::string id = "p" + std::to_string(k);
            text += R"(, {"id": ")" + id + R"(", "name": ")" + id + R"(", "kind": "position"})";
            // y opposes every third position x supports: products +1, +1, -1, ...
            const bool against = k % 3 == 2;
            claims += std::string(k ? ", " : "") + R"({"subject": "x", "relation": "supports", )" +
                      R"("object": ")" + id +
                      R"(", "source": "s"}, {"subject": "y", "relation": ")" +
                      (against ? "opposes" : "supports") + R"(", "object": ")" + id +
                      R"(", "source": "s"})";
            products.push_back(against ? -1.0 : 1.0);
        }
        text += R"(], "claims": [)" + claims + "]}";
        auto loaded = test::load_text(text);
        REQUIRE(loaded.graph);
        const TieTable ties(*loaded.graph);
        const Alignment al =
            align(ties, loaded.graph->find_actor("x"), loaded.graph->find_actor("y"));
        const auto [low, high] = documented_agreement_interval(products);
        REQUIRE(al.score(AlignmentMeasure::agreement).low);
        CHECK(*al.score(AlignmentMeasure::agreement).low == doctest::Approx(low).epsilon(1e-12));
        CHECK(*al.score(AlignmentMeasure::agreement).high == doctest::Approx(high).epsilon(1e-12));
        CHECK(*al.score(AlignmentMeasure::agreement).low < 1.0 / 3.0);
    }
}

TEST_CASE("intervals: the same whatever order the objects come in") {
    // The roll calls declared in reverse: other object indices, so another order of the compared
    // objects; the resampling runs over the stances in ascending order, so nothing moves.
    std::string reversed = votes;
    const std::string forward =
        R"({"id": "v1", "name": "V1", "kind": "position"}, {"id": "v2", "name": "V2", "kind": "position"},
    {"id": "v3", "name": "V3", "kind": "position"}, {"id": "v4", "name": "V4", "kind": "position"},
    {"id": "v5", "name": "V5", "kind": "position"}, {"id": "v6", "name": "V6", "kind": "position"})";
    const std::string backward =
        R"({"id": "v6", "name": "V6", "kind": "position"}, {"id": "v5", "name": "V5", "kind": "position"},
    {"id": "v4", "name": "V4", "kind": "position"}, {"id": "v3", "name": "V3", "kind": "position"},
    {"id": "v2", "name": "V2", "kind": "position"}, {"id": "v1", "name": "V1", "kind": "position"})";
    const auto at = reversed.find(forward);
    REQUIRE(at != std::string::npos);
    reversed.replace(at, forward.size(), backward);
    auto loaded = test::load_text(reversed);
    REQUIRE(loaded.graph);
    const KnowledgeGraph& other = *loaded.graph;
    const KnowledgeGraph kg = votes_graph();
    REQUIRE(other.find_actor("v1") != kg.find_actor("v1"));
    const TieTable t1(kg);
    const TieTable t2(other);
    const Alignment a1 = align(t1, kg.find_actor("x"), kg.find_actor("y"));
    const Alignment a2 = align(t2, other.find_actor("x"), other.find_actor("y"));
    for (AlignmentMeasure m : all_alignment_measures) {
        CAPTURE(to_string(m));
        REQUIRE(a1.score(m).low);
        CHECK(a1.score(m).low == a2.score(m).low);
        CHECK(a1.score(m).high == a2.score(m).high);
    }
}

TEST_CASE("ranking: scores on fewer than --min-shared objects are listed apart") {
    const KnowledgeGraph kg = votes_graph();
    const TieTable ties(kg);
    const Index x = kg.find_actor("x");
    // y shares 5 objects with x, z 2: z's perfect 1.00 is thin evidence.
    const AlignmentRanking r = alignment_ranking(kg, ties, x, AlignmentMeasure::identical, {}, 3);
    REQUIRE(r.ranked.size() == 1);
    CHECK(r.ranked[0].b == kg.find_actor("y"));
    REQUIRE(r.thin.size() == 1);
    CHECK(r.thin[0].b == kg.find_actor("z"));
    const AlignmentRanking all = alignment_ranking(kg, ties, x, AlignmentMeasure::identical, {}, 2);
    REQUIRE(all.ranked.size() == 2);
    CHECK(all.ranked[0].b == kg.find_actor("z"));
    CHECK(all.thin.empty());
}

TEST_CASE("the dense lookup gives align()'s answer on random graphs, joint and union") {
    std::mt19937 rng(7);
    for (int trial = 0; trial < 30; ++trial) {
        std::ostringstream json;
        const int actors = 8;
        json << R"({"entente": 1, "sources": [{"id": "s", "title": "S"}], "actors": [)";
        for (int i = 0; i < actors; ++i) {
            json << (i ? ", " : "") << R"({"id": "a)" << i << R"(", "name": "A)" << i
                 << R"(", "kind": ")" << (i % 3 == 2 ? "position" : "state") << R"("})";
        }
        json << R"(], "claims": [)";
        const char* relations[] = {"supports", "opposes", "abstains_on", "cooperates_with",
                                   "member_of"};
        for (int c = 0; c < 25; ++c) {
            const unsigned s = rng() % actors;
            unsigned o = rng() % actors;
            if (o == s) {
                o = (o + 1) % actors;
            }
            json << (c ? ", " : "") << R"({"subject": "a)" << s << R"(", "relation": ")"
                 << relations[rng() % 5] << R"(", "object": "a)" << o
                 << R"(", "source": "s", "confidence": 0.)" << 1 + rng() % 9 << "}";
        }
        json << "]}";
        auto result = test::load_text(json.str());
        REQUIRE(result.graph);
        const TieTable ties(*result.graph);
        for (StanceSet over : {StanceSet::joint, StanceSet::either}) {
            DenseStance stance(ties, actors, 0);
            for (Index a = 0; a < actors; ++a) {
                stance.reset(a);
                for (Index b = 0; b < actors; ++b) {
                    if (a == b) {
                        continue;
                    }
                    const Alignment merged =
                        align(ties, a, b, AlignOptions{over, true, std::nullopt});
                    const Alignment dense =
                        align(ties, stance, b, AlignOptions{over, true, std::nullopt});
                    REQUIRE(merged.compared_objects.size() == dense.compared_objects.size());
                    for (std::size_t k = 0; k < merged.compared_objects.size(); ++k) {
                        CHECK(merged.compared_objects[k].object ==
                              dense.compared_objects[k].object);
                    }
                    for (AlignmentMeasure m : all_alignment_measures) {
                        CHECK(merged.score(m).value == dense.score(m).value);
                        CHECK(merged.score(m).objects == dense.score(m).objects);
                        CHECK(merged.score(m).low == dense.score(m).low);
                        CHECK(merged.score(m).high == dense.score(m).high);
                    }
                }
            }
        }
    }
}

TEST_CASE("measure and --over names") {
    for (AlignmentMeasure m : all_alignment_measures) {
        CHECK(parse_alignment_measure(to_string(m)) == m);
    }
    CHECK(to_string(AlignmentMeasure::agreement_index) == "agreement-index");
    CHECK(!parse_alignment_measure("Kappa"));
    CHECK(parse_stance_set("union") == StanceSet::either);
    CHECK(to_string(StanceSet::joint) == "joint");
    CHECK(!parse_stance_set("both"));
}
