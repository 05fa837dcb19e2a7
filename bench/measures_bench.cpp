// Times the agreement measures (issue 11): the 193 x 193 matrix of one General Assembly year
// (a synthetic 193 x 95 roll-call record, generated here with a fixed seed) with counts and 90%
// bootstrap intervals, and one actor ranked against all in a claims file (bench/data), dense
// lookup against the old merge per pair. Prints JSON. Never part of the test run.
//
// usage: measures_bench [CLAIMS.json|.entente [ACTOR [REPEATS [--no-intervals]]]]
// (--no-intervals: skip the ranking with intervals, minutes at 10^7 claims)
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "entente/load/loader.hpp"
#include "entente/query/alignment.hpp"
#include "entente/query/alignment_matrix.hpp"
#include "entente/query/alignment_ranking.hpp"

using namespace entente;

namespace {

double median_seconds(int repeats, const std::function<void()>& work) {
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// 193 members, 95 roll calls; each member belongs to one of four blocs whose votes differ, and
// votes its bloc's way 85% of the time (yes, no or abstain otherwise); 8% absent. Written as an
// entente dataset so it goes through the loader like real data (and to bench/data/un-year.json,
// for the CLI). Also written to `csv` (long form: rcid,member,vote) for the numpy peer.
std::string un_year(const std::string& csv_path) {
    std::mt19937 rng(2018);
    std::ostringstream json;
    std::ofstream csv(csv_path);
    csv << "rcid,member,vote\n";
    json
        << R"({"entente": 1, "sources": [{"id": "s", "title": "Synthetic roll calls"}], "actors": [)";
    for (int m = 0; m < 193; ++m) {
        json << (m ? ", " : "") << R"({"id": "m)" << m << R"(", "name": "M)" << m
             << R"(", "kind": "state"})";
    }
    for (int r = 0; r < 95; ++r) {
        json << R"(, {"id": "r)" << r << R"(", "name": "R)" << r << R"(", "kind": "position"})";
    }
    json << R"(], "claims": [)";
    const char* relations[] = {"supports", "opposes", "abstains_on"};
    const char* words[] = {"yes", "no", "abstain"};
    bool first = true;
    for (int r = 0; r < 95; ++r) {
        int bloc_vote[4];
        for (int& v : bloc_vote) {
            v = static_cast<int>(rng() % 3);
        }
        for (int m = 0; m < 193; ++m) {
            if (rng() % 100 < 8) {
                continue;
            }
            int vote = bloc_vote[m % 4];
            if (rng() % 100 >= 85) {
                vote = static_cast<int>(rng() % 3);
            }
            json << (first ? "" : ", ") << R"({"subject": "m)" << m << R"(", "relation": ")"
                 << relations[vote] << R"(", "object": "r)" << r << R"(", "source": "s"})";
            csv << r << ",m" << m << "," << words[vote] << "\n";
            first = false;
        }
    }
    json << "]}";
    return json.str();
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 3;
    LoadLimits unlimited;
    unlimited.max_bytes = UINT64_MAX;
    unlimited.max_records = SIZE_MAX;
    std::printf("{\n");
    {
        const std::string text = un_year("bench/data/un-year-votes.csv");
        std::ofstream("bench/data/un-year.json") << text;
        auto un = load_dataset({{"un-year.json", text}});
        const KnowledgeGraph& g = *un.graph;
        const TieTable ties(g);
        std::vector<Index> states = matrix_actors(g, ties);
        std::printf("  \"un_year_members\": %zu,\n", states.size());
        for (AlignmentMeasure m : {AlignmentMeasure::agreement_index, AlignmentMeasure::kappa}) {
            std::printf("  \"un_year_matrix_%s_intervals\": %.6f,\n",
                        std::string(to_string(m)).c_str(),
                        median_seconds(repeats, [&] { (void)score_matrix(ties, states, m); }));
        }
        std::printf("  \"un_year_matrix_no_intervals\": %.6f,\n", median_seconds(repeats, [&] {
                        (void)score_matrix(ties, states, AlignmentMeasure::agreement_index,
                                           AlignOptions{StanceSet::joint, false, std::nullopt});
                    }));
        std::printf("  \"un_year_ranking_intervals\": %.6f", median_seconds(repeats, [&] {
                        (void)alignment_ranking(g, ties, states[0],
                                                AlignmentMeasure::agreement_index);
                    }));
    }
    if (argc > 1) {
        const std::string text = read(argv[1]);
        auto result = load_dataset({{argv[1], text}}, unlimited);
        if (!result.graph) {
            std::fprintf(stderr, "measures_bench: %s does not load\n", argv[1]);
            return 2;
        }
        const KnowledgeGraph& kg = *result.graph;
        const TieTable ties(kg);
        const Index actor = kg.find_actor(argc > 2 ? argv[2] : "a1");
        std::printf(",\n  \"claims\": %zu,\n  \"actor_stance\": %zu,\n", kg.data().claims.size(),
                    ties.stance(actor).size());
        std::printf("  \"tie_table\": %.6f,\n",
                    median_seconds(repeats, [&] { (void)TieTable(kg).stance(actor).size(); }));
        std::printf("  \"one_vs_all_merge\": %.6f,\n", median_seconds(repeats, [&] {
                        for (Index b = 0; b < kg.data().actors.size(); ++b) {
                            if (b != actor && takes_sides(kg.actor(b).kind)) {
                                (void)align(ties, actor, b,
                                            AlignOptions{StanceSet::joint, false, std::nullopt});
                            }
                        }
                    }));
        std::printf("  \"ranking_dense_no_intervals\": %.6f,\n", median_seconds(repeats, [&] {
                        (void)alignment_ranking(
                            kg, ties, actor, AlignmentMeasure::alignment,
                            AlignOptions{StanceSet::joint, false, std::nullopt});
                    }));
        if (argc > 4 && std::string(argv[4]) == "--no-intervals") {
            std::printf("  \"ranking_dense_intervals\": null");
        } else {
            std::printf("  \"ranking_dense_intervals\": %.6f", median_seconds(repeats, [&] {
                            (void)alignment_ranking(kg, ties, actor, AlignmentMeasure::alignment);
                        }));
        }
    }
    std::printf("\n}\n");
    return 0;
}
