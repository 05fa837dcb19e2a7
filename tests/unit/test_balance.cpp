// Structural balance: hand-checked graphs, Read's highland tribes, and a brute-force comparison.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "entente/query/balance.hpp"
#include "entente/query/balance_series.hpp"
#include "entente/query/generalized_balance.hpp"
#include "fixture.hpp"

using namespace entente;

namespace {

SignedGraph make(std::size_t n, std::vector<SignedEdge> edges) {
    return {n, std::move(edges)};
}

// The fewest frustrated edges over every split of the vertices into two camps.
std::size_t brute_force(const SignedGraph& g) {
    std::size_t best = g.edges.size();
    for (std::size_t mask = 0; mask < (std::size_t{1} << g.vertices); mask += 2) {
        std::size_t f = 0;
        for (const auto& e : g.edges) {
            const bool apart = ((mask >> e.u) & 1) != ((mask >> e.v) & 1);
            f += (e.sign > 0) == apart ? 1 : 0;
        }
        best = std::min(best, f);
    }
    return best;
}

std::size_t recount(const SignedGraph& g, const std::vector<int>& camp) {
    std::size_t f = 0;
    for (const auto& e : g.edges) {
        f += (e.sign > 0) == (camp[e.u] != camp[e.v]) ? 1 : 0;
    }
    return f;
}

}  // namespace

TEST_CASE("hand-checked signed graphs") {
    // A balanced triangle (+ - -): nothing to flip.
    auto f = frustration(make(3, {{0, 1, 1}, {0, 2, -1}, {1, 2, -1}}));
    CHECK(f.index == 0);
    CHECK(f.exact);
    CHECK(f.camp == std::vector<int>{0, 0, 1});
    // Unbalanced triangles: one flip each.
    CHECK(frustration(make(3, {{0, 1, 1}, {0, 2, 1}, {1, 2, -1}})).index == 1);
    CHECK(frustration(make(3, {{0, 1, -1}, {0, 2, -1}, {1, 2, -1}})).index == 1);
    // A square with one negative side, and two disjoint unbalanced triangles.
    CHECK(frustration(make(4, {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {0, 3, -1}})).index == 1);
    const auto two = frustration(
        make(6, {{0, 1, -1}, {0, 2, -1}, {1, 2, -1}, {3, 4, 1}, {3, 5, 1}, {4, 5, -1}}));
    CHECK(two.index == 2);
    CHECK(two.frustrated.size() == 2);
    // K4 with all ties negative needs two flips: no split keeps both camps free of enemies.
    CHECK(frustration(
              make(4, {{0, 1, -1}, {0, 2, -1}, {0, 3, -1}, {1, 2, -1}, {1, 3, -1}, {2, 3, -1}}))
              .index == 2);
    CHECK(frustration(make(0, {})).index == 0);
}

TEST_CASE("triangles are counted by their number of negative edges") {
    const auto g = make(4, {{0, 1, 1}, {0, 2, 1}, {1, 2, -1}, {0, 3, -1}, {1, 3, -1}, {2, 3, -1}});
    const auto triangles = signed_triangles(g);
    REQUIRE(triangles.size() == 4);
    std::array<int, 4> counts{};
    for (const auto& t : triangles) {
        counts[static_cast<std::size_t>(t.negatives)]++;
        CHECK(t.u < t.v);
        CHECK(t.v < t.w);
    }
    // 012: ++-; 013: +--; 023: +--; 123: ---.
    CHECK(counts == std::array<int, 4>{0, 1, 2, 1});
    CHECK(signed_triangle_counts(g) == std::array<std::size_t, 4>{0, 1, 2, 1});
}

TEST_CASE("triangle listing agrees with a brute force over all triples on random graphs") {
    std::mt19937 rng(7);
    for (int round = 0; round < 40; ++round) {
        const std::size_t n = 3 + rng() % 12;
        std::vector<std::vector<int>> sign(n, std::vector<int>(n, 0));
        std::vector<SignedEdge> edges;
        for (std::size_t u = 0; u < n; ++u) {
            for (std::size_t v = u + 1; v < n; ++v) {
                if (rng() % 3 != 0) {
                    sign[u][v] = sign[v][u] = rng() % 2 ? 1 : -1;
                    edges.push_back({u, v, sign[u][v]});
                }
            }
        }
        std::shuffle(edges.begin(), edges.end(), rng);  // the listing must not need sorted input
        const auto g = make(n, edges);
        std::vector<std::array<std::size_t, 4>> expected;
        std::array<std::size_t, 4> counts{};
        for (std::size_t u = 0; u < n; ++u) {
            for (std::size_t v = u + 1; v < n; ++v) {
                for (std::size_t w = v + 1; w < n; ++w) {
                    if (sign[u][v] != 0 && sign[u][w] != 0 && sign[v][w] != 0) {
                        const auto negatives = static_cast<std::size_t>(
                            (sign[u][v] < 0) + (sign[u][w] < 0) + (sign[v][w] < 0));
                        expected.push_back({u, v, w, negatives});
                        counts[negatives]++;
                    }
                }
            }
        }
        std::vector<std::array<std::size_t, 4>> listed;
        for (const auto& t : signed_triangles(g)) {
            listed.push_back({t.u, t.v, t.w, static_cast<std::size_t>(t.negatives)});
            CHECK(g.edges[t.edges[0]].sign * g.edges[t.edges[1]].sign * g.edges[t.edges[2]].sign ==
                  (t.negatives % 2 == 0 ? 1 : -1));
        }
        CHECK(listed == expected);  // same triangles, in (u, v, w) order
        CHECK(signed_triangle_counts(g) == counts);
    }
}

TEST_CASE("Read's highland tribes: frustration index 7, as published") {
    // Read (1954); the index of 7 is reported by Aref, Mason and Wilson. The triangle counts
    // were checked by an independent brute force over all 560 triples of the 16 tribes.
    std::vector<Diagnostic> diagnostics;
    const auto files =
        read_dataset_path(ENTENTE_SOURCE_DIR "/examples/highland-tribes.json", diagnostics);
    REQUIRE(diagnostics.empty());
    const auto result = load_dataset(files);
    REQUIRE(result.graph);
    const KnowledgeGraph& kg = *result.graph;
    const TieTable ties(kg);
    const BalanceReport r = balance(kg, ties);
    CHECK(r.actors.size() == 16);
    CHECK(r.graph.edges.size() == 58);
    std::size_t positive = 0;
    for (const auto& e : r.graph.edges) {
        positive += e.sign > 0 ? 1 : 0;
    }
    CHECK(positive == 29);
    CHECK(r.triangle_counts == std::array<std::size_t, 4>{19, 2, 40, 7});
    CHECK(r.unbalanced.size() == 9);
    CHECK(r.frustration.index == 7);
    CHECK(r.frustration.exact);
    CHECK(r.frustration.lower_bound == 7);
    CHECK(recount(r.graph, r.frustration.camp) == 7);
    CHECK(brute_force(r.graph) == 7);
    // The camps: Gaveve, Kotuni, Nagamidzuha and Gama against the rest, the first of the
    // three alliance groups Hage and Harary describe set against the other two.
    std::vector<std::string> camp_b;
    for (std::size_t v = 0; v < r.actors.size(); ++v) {
        if (r.frustration.camp[v] == 1) {
            camp_b.push_back(kg.actor(r.actors[v]).id);
        }
    }
    CHECK(camp_b == std::vector<std::string>{"gama", "gaveve", "kotuni", "nagamidzuha"});
    // The measures as published: 59 of 68 triangles balanced (the triangle index of signnet's
    // balance_score on this network, 0.8676), and 1 - 2 * 7 / 58 (Aref and Wilson 2018).
    CHECK(r.triangle_index == doctest::Approx(59.0 / 68.0));
    CHECK(std::round(r.triangle_index * 1e4) == 8676);
    CHECK(r.frustration_index == doctest::Approx(1.0 - 14.0 / 58.0));
    // Walk-based index (Estrada and Benzi 2014): tr exp(A) / tr exp(|A|), computed independently
    // with scipy.linalg.expm on the same 16 x 16 matrix: 0.3575761.
    CHECK(r.walk_index == doctest::Approx(0.3575761).epsilon(1e-6));
    REQUIRE(r.components.size() == 1);
    CHECK(r.components[0].ties == 58);
    CHECK(r.components[0].index == 7);
    // The integer program finds the same optimum from the same data.
    FrustrationOptions program;
    program.always_exact = 0;
    const auto solved = frustration(r.graph, program);
    CHECK(solved.index == 7);
    CHECK(solved.exact);
    CHECK(solved.components[0].method == FrustrationMethod::integer_program);
}

TEST_CASE("the walk-based index equals its closed-walk series") {
    // tr exp(A) / tr exp(|A|) summed as closed walks, sum over k of tr(A^k) / k!, by dense matrix
    // powers: independent of the eigenvalue route the library takes.
    std::mt19937 rng(23);
    for (int round = 0; round < 10; ++round) {
        const std::size_t n = 2 + rng() % 9;
        SignedGraph g{n, {}};
        for (std::size_t u = 0; u < n; ++u) {
            for (std::size_t v = u + 1; v < n; ++v) {
                if (rng() % 100 < 50) {
                    g.edges.push_back({u, v, rng() % 2 ? 1 : -1});
                }
            }
        }
        auto series = [&](bool absolute) {
            std::vector<double> a(n * n, 0.0), power(n * n, 0.0);
            for (const auto& e : g.edges) {
                a[e.u * n + e.v] = a[e.v * n + e.u] = absolute ? 1.0 : e.sign;
            }
            for (std::size_t i = 0; i < n; ++i) {
                power[i * n + i] = 1.0;
            }
            double trace = static_cast<double>(n), factorial = 1.0;
            for (int k = 1; k < 60; ++k) {
                std::vector<double> next(n * n, 0.0);
                for (std::size_t i = 0; i < n; ++i) {
                    for (std::size_t j = 0; j < n; ++j) {
                        for (std::size_t l = 0; l < n; ++l) {
                            next[i * n + j] += power[i * n + l] * a[l * n + j];
                        }
                    }
                }
                power = next;
                factorial *= k;
                for (std::size_t i = 0; i < n; ++i) {
                    trace += power[i * n + i] / factorial;
                }
            }
            return trace;
        };
        CAPTURE(round);
        const double expected = g.edges.empty() ? 1.0 : series(false) / series(true);
        CHECK(walk_balance_index(g) == doctest::Approx(expected).epsilon(1e-9));
    }
    // Balanced: 1 exactly (A is |A| up to switching); an all-negative triangle: below 1.
    CHECK(walk_balance_index({3, {{0, 1, 1}, {0, 2, -1}, {1, 2, -1}}}) == doctest::Approx(1.0));
    CHECK(walk_balance_index({3, {{0, 1, -1}, {0, 2, -1}, {1, 2, -1}}}) < 0.99);
}

TEST_CASE("the integer program equals a brute force over all splits on random graphs") {
    std::mt19937 rng(17);
    FrustrationOptions program;
    program.always_exact = 0;  // every component through CBC, none through branch and bound
    for (int round = 0; round < 40; ++round) {
        const std::size_t n = 3 + rng() % 11;  // 3..13 vertices
        SignedGraph g{n, {}};
        for (std::size_t u = 0; u < n; ++u) {
            for (std::size_t v = u + 1; v < n; ++v) {
                if (rng() % 100 < 20 + 10 * static_cast<unsigned>(round % 5)) {
                    g.edges.push_back({u, v, rng() % 100 < 55 ? 1 : -1});
                }
            }
        }
        CAPTURE(round);
        const std::size_t truth = brute_force(g);
        const auto f = frustration(g, program);
        CHECK(f.exact);
        CHECK(f.index == truth);
        CHECK(f.lower_bound == truth);
        CHECK(f.gap() == 0.0);
        CHECK(recount(g, f.camp) == truth);
        std::size_t sum = 0;
        for (const auto& c : f.components) {
            sum += c.index;
            CHECK(c.exact);
            CHECK(f.camp[c.vertices.front()] == 0);
        }
        CHECK(sum == truth);
    }
}

TEST_CASE("components are solved and reported apart; a bound holds under any time limit") {
    // Two unbalanced triangles, unconnected, and an isolated vertex 3.
    const SignedGraph g{7, {{0, 1, -1}, {0, 2, -1}, {1, 2, -1}, {4, 5, 1}, {4, 6, 1}, {5, 6, -1}}};
    const auto f = frustration(g);
    REQUIRE(f.components.size() == 2);
    CHECK(f.components[0].vertices == std::vector<std::size_t>{0, 1, 2});
    CHECK(f.components[1].vertices == std::vector<std::size_t>{4, 5, 6});
    CHECK(f.components[0].index == 1);
    CHECK(f.components[1].index == 1);
    CHECK(f.camp[0] == 0);
    CHECK(f.camp[4] == 0);
    // A planted 120-vertex graph under a tiny time limit: whatever is reached, the bound never
    // exceeds the camps' count and exactness is claimed only when they meet.
    SignedGraph big{120, {}};
    std::mt19937 rng(5);
    for (std::size_t u = 0; u < 120; ++u) {
        for (std::size_t v = u + 1; v < 120; ++v) {
            if (rng() % 100 < 5) {
                const int sign = (u % 2) == (v % 2) ? 1 : -1;
                big.edges.push_back({u, v, rng() % 100 < 15 ? -sign : sign});
            }
        }
    }
    FrustrationOptions limited;
    limited.time_limit = 0.001;
    const auto h = frustration(big, limited);
    CHECK(h.lower_bound <= h.index);
    CHECK(h.exact == (h.lower_bound == h.index));
    CHECK(recount(big, h.camp) == h.index);
    const auto exact = frustration(big);
    CHECK(exact.exact);
    CHECK(exact.index <= h.index);
    CHECK(exact.index >= h.lower_bound);
}

TEST_CASE("exact frustration equals a brute force over all splits on random graphs") {
    std::mt19937 rng(7);
    for (int round = 0; round < 60; ++round) {
        const std::size_t n = 3 + rng() % 11;  // 3..13 vertices
        SignedGraph g{n, {}};
        for (std::size_t u = 0; u < n; ++u) {
            for (std::size_t v = u + 1; v < n; ++v) {
                if (rng() % 100 < 45) {
                    g.edges.push_back({u, v, rng() % 100 < 60 ? 1 : -1});
                }
            }
        }
        CAPTURE(round);
        const std::size_t truth = brute_force(g);
        const auto exact = frustration(g);
        CHECK(exact.exact);
        CHECK(exact.index == truth);
        CHECK(recount(g, exact.camp) == truth);
        // Forced onto the heuristic, the answer may be worse but the bound never lies, and it
        // claims exactness only when the bound proves it.
        FrustrationOptions local{0, 0, 0};
        local.integer_program = false;
        const auto heuristic = frustration(g, local);
        CHECK(heuristic.exact == (heuristic.lower_bound == heuristic.index));
        CHECK(heuristic.index >= truth);
        CHECK(heuristic.lower_bound <= truth);
        CHECK(recount(g, heuristic.camp) == heuristic.index);
    }
}

TEST_CASE("a larger graph beyond the exact limit is solved by local search with a bound") {
    // Two camps of 40 with friendship inside and enmity across, and 5 ties flipped by hand:
    // the heuristic must find at most those 5, and say it is a heuristic.
    SignedGraph g{80, {}};
    std::mt19937 rng(11);
    for (std::size_t u = 0; u < 80; ++u) {
        for (std::size_t v = u + 1; v < 80; ++v) {
            if (rng() % 100 < 10) {
                g.edges.push_back({u, v, (u < 40) == (v < 40) ? 1 : -1});
            }
        }
    }
    for (std::size_t k = 0; k < 5; ++k) {
        g.edges[k * 37].sign = -g.edges[k * 37].sign;
    }
    FrustrationOptions options{30, 48, 1000};
    options.integer_program = false;
    const auto f = frustration(g, options);
    CHECK(!f.exact);
    CHECK(f.components.size() == 1);
    CHECK(f.components[0].method == FrustrationMethod::local_search);
    CHECK(f.index <= 5);
    CHECK(f.lower_bound <= f.index);
    CHECK(recount(g, f.camp) == f.index);
}

TEST_CASE("balance report: the camps by id, and the actors with no signed tie in neither") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const TieTable ties(kg);
    auto ids = [&](const std::vector<Index>& actors) {
        std::vector<std::string> out;
        for (Index a : actors) {
            out.push_back(kg.actor(a).id);
        }
        return out;
    };
    // Edges a-b +, a-c -, a-d +, b-c -, b-d -: {a, b, d} against {c} frustrates b-d only.
    const BalanceReport all = balance(kg, ties);
    CHECK(ids(all.actors) == std::vector<std::string>{"a", "b", "c", "d", "org"});
    CHECK(ids(all.camps[0]) == std::vector<std::string>{"a", "b", "d"});
    CHECK(ids(all.camps[1]) == std::vector<std::string>{"c"});
    CHECK(ids(all.untied) == std::vector<std::string>{"org"});
    // Named actors only; c's one signed tie among them is to a.
    const BalanceReport some =
        balance(kg, ties, {kg.find_actor("org"), kg.find_actor("c"), kg.find_actor("a")});
    CHECK(ids(some.camps[0]) == std::vector<std::string>{"a"});
    CHECK(ids(some.camps[1]) == std::vector<std::string>{"c"});
    CHECK(ids(some.untied) == std::vector<std::string>{"org"});
}

TEST_CASE("balance over time: windows of periods, camps per window, who changed camp") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/balance-time.json");
    auto ids = [&](const std::vector<Index>& actors) {
        std::vector<std::string> out;
        for (Index a : actors) {
            out.push_back(kg.actor(a).id);
        }
        return out;
    };
    // 2018-2019: {a, b} against {c, d}. 2020: b turns on a and befriends c; e and f, enemies,
    // appear as a component of their own.
    const auto years = balance_over_time(kg, PeriodUnit::year, 1, {}, {}, {});
    REQUIRE(years.size() == 3);
    CHECK(years[0].label == "2018");
    CHECK(years[2].label == "2020");
    CHECK(years[0].changed.empty());
    CHECK(years[1].changed.empty());
    CHECK(ids(years[1].report.components[0].camps[0]) == std::vector<std::string>{"a", "b"});
    CHECK(ids(years[1].report.components[0].camps[1]) == std::vector<std::string>{"c", "d"});
    const BalanceReport& last = years[2].report;
    REQUIRE(last.components.size() == 2);
    CHECK(ids(last.components[0].camps[0]) == std::vector<std::string>{"a"});
    CHECK(ids(last.components[0].camps[1]) == std::vector<std::string>{"b", "c", "d"});
    CHECK(ids(last.components[1].camps[0]) == std::vector<std::string>{"e"});
    CHECK(ids(last.components[1].camps[1]) == std::vector<std::string>{"f"});
    CHECK(ids(years[2].changed) == std::vector<std::string>{"b"});
    CHECK(last.frustration.index == 0);
    // Windows of two years: 2018-2019 (as one), then 2020 alone.
    const auto pairs = balance_over_time(kg, PeriodUnit::year, 2, {}, {}, {});
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].label == "2018\u20132019");
    CHECK(pairs[0].report.graph.edges.size() == 4);
    CHECK(ids(pairs[1].changed) == std::vector<std::string>{"b"});
    CHECK_THROWS_AS(balance_over_time(kg, PeriodUnit::year, 0, {}, {}, {}), std::invalid_argument);
}

TEST_CASE("generalised balance equals a brute force over all partitions into K camps") {
    std::mt19937 rng(29);
    for (int round = 0; round < 20; ++round) {
        const std::size_t n = 3 + rng() % 6;  // 3..8 vertices
        const std::size_t k = 2 + rng() % 3;  // 2..4 camps
        SignedGraph g{n, {}};
        for (std::size_t u = 0; u < n; ++u) {
            for (std::size_t v = u + 1; v < n; ++v) {
                if (rng() % 100 < 60) {
                    g.edges.push_back({u, v, rng() % 100 < 40 ? 1 : -1});
                }
            }
        }
        std::size_t truth = g.edges.size();
        std::vector<std::size_t> camp(n, 0);
        for (;;) {
            std::size_t error = 0;
            for (const auto& e : g.edges) {
                error += (e.sign > 0) == (camp[e.u] != camp[e.v]) ? 1 : 0;
            }
            truth = std::min(truth, error);
            std::size_t i = 0;
            while (i < n && ++camp[i] == k) {
                camp[i++] = 0;
            }
            if (i == n) {
                break;
            }
        }
        CAPTURE(round);
        const Partition p = generalized_balance(g, k);
        CHECK(p.exact);
        CHECK(p.error == truth);
        std::size_t recount = 0;
        for (const auto& e : g.edges) {
            recount += (e.sign > 0) == (p.camp[e.u] != p.camp[e.v]) ? 1 : 0;
            CHECK(p.camp[e.u] < k);
        }
        CHECK(recount == truth);
    }
    // Three mutually hostile actors: balanced with three camps, one frustrated tie with two.
    const SignedGraph triangle{3, {{0, 1, -1}, {0, 2, -1}, {1, 2, -1}}};
    CHECK(generalized_balance(triangle, 2).error == 1);
    const Partition three = generalized_balance(triangle, 3);
    CHECK(three.error == 0);
    CHECK(three.camp == std::vector<std::size_t>{0, 1, 2});
    CHECK_THROWS_AS(generalized_balance(triangle, 1), std::invalid_argument);
}
