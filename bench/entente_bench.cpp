// Times entente's library on one dataset, the same operations bench/peers.py times for
// NetworkX, igraph and graph-tool. Prints one JSON object: medians in seconds.
//   entente_bench DATA.json [UN.json] [REPEATS]
#include <rapidjson/reader.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "entente/load/compiled.hpp"
#include "entente/load/loader.hpp"
#include "entente/query/alignment.hpp"
#include "entente/query/alignment_matrix.hpp"
#include "entente/query/balance.hpp"
#include "entente/query/divergence.hpp"
#include "entente/query/ego_network.hpp"
#include "entente/query/paths.hpp"

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

// The whole file in one read into a string of its size: streaming it through an ostringstream
// copied it three times into fresh memory (the buffer growing by doubling, then str()), which at
// 10^6 claims took 4 s on this host and made "reading the file" the largest in-process figure.
std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    std::string text(static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
    in.seekg(0);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
    return text;
}

long peak_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: entente_bench DATA.json [UN.json] [REPEATS]\n");
        return 1;
    }
    const std::string path = argv[1];
    const std::string un_path = argc > 2 ? argv[2] : "";
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 5;
    std::printf("{\n");

    // The benchmark sizes go past the default limits on purpose.
    LoadLimits unlimited;
    unlimited.max_bytes = UINT64_MAX;
    unlimited.max_records = SIZE_MAX;
    std::string text;
    const double t_read = median_seconds(repeats, [&] { text = read(path); });
    // The floor any JSON loader stands on: RapidJSON's SAX parse with a handler that does nothing.
    const double t_sax = median_seconds(repeats, [&] {
        rapidjson::Reader reader;
        rapidjson::BaseReaderHandler<> handler;
        rapidjson::StringStream stream(text.c_str());
        reader.Parse<rapidjson::kParseValidateEncodingFlag>(stream, handler);
    });
    std::optional<KnowledgeGraph> kg;
    const double t_load = median_seconds(std::max(1, repeats / 2), [&] {
        kg.reset();
        auto result = load_dataset({{path, text}}, unlimited);
        kg = std::move(result.graph);
    });
    const long rss_after_load = peak_rss_kib();
    if (!kg) {
        std::fprintf(stderr, "entente_bench: %s does not load\n", path.c_str());
        return 2;
    }
    const std::size_t claims = kg->data().claims.size();
    std::printf("  \"claims\": %zu,\n  \"actors\": %zu,\n  \"bytes\": %zu,\n", claims,
                kg->data().actors.size(), text.size());
    std::printf("  \"read\": %.6f,\n  \"sax_parse\": %.6f,\n  \"load\": %.6f,\n", t_read, t_sax,
                t_load);
    std::printf("  \"peak_rss_kib_after_load\": %ld,\n", rss_after_load);
    // The compiled form of the same data: written once, then read back as `--data FILE` does.
    const std::string compiled = to_compiled(*kg, {}, 1);
    const double t_compiled = median_seconds(repeats, [&] {
        auto result = load_dataset({{"bench.entente", compiled}}, unlimited);
        if (!result.graph) {
            std::fprintf(stderr, "entente_bench: the compiled form does not load back\n");
            std::exit(2);
        }
    });
    std::printf("  \"compiled_bytes\": %zu,\n  \"load_compiled\": %.6f,\n", compiled.size(),
                t_compiled);
    // The same bytes read in place, as `entente path` reads a compiled --data: the open (tables,
    // index starts), then a path search over the stored index and the answer's claims decoded.
    const double t_open = median_seconds(repeats, [&] {
        if (!CompiledView::open(compiled, "bench.entente", unlimited).view) {
            std::fprintf(stderr, "entente_bench: the compiled form does not open in place\n");
            std::exit(2);
        }
    });
    std::printf("  \"open_in_place\": %.6f,\n", t_open);

    // Two actors of middling degree, the same ones the peers use.
    const Index from = kg->find_actor("a1");
    const Index to = kg->find_actor("a" + std::to_string((kg->data().actors.size() * 9 / 10) / 2));
    // Like the peers, the graph a search walks is built once, outside the timing; its cost is
    // reported on its own, since a whole `entente path` process pays it every time.
    std::printf("  \"path_finder_build\": %.6f,\n",
                median_seconds(repeats, [&] { const PathFinder built(*kg, PathOptions{}); }));
    const PathFinder one(*kg, PathOptions{});
    PathOptions five_options;
    five_options.k = 5;
    const PathFinder five(*kg, five_options);
    std::printf("  \"shortest_path\": %.6f,\n",
                median_seconds(repeats, [&] { (void)one.find(from, to); }));
    {
        OpenedView opened = CompiledView::open(compiled, "bench.entente", unlimited);
        const CompiledView& view = *opened.view;
        std::printf("  \"path_in_place\": %.6f,\n", median_seconds(repeats, [&] {
                        const PathFinder finder(view.path_data(0xffff), PathOptions{});
                        std::vector<Index> cited;
                        for (const Path& p : finder.find(from, to)) {
                            for (const Hop& h : p.hops) {
                                cited.insert(cited.end(), h.claims.begin(), h.claims.end());
                            }
                        }
                        (void)view.subset(cited);
                    }));
    }
    std::printf("  \"k5_paths\": %.6f,\n",
                median_seconds(repeats, [&] { (void)five.find(from, to); }));
    std::printf("  \"ego_radius_2\": %.6f,\n",
                median_seconds(repeats, [&] { (void)ego_network(*kg, to, 2); }));
    std::optional<TieTable> ties;
    std::printf("  \"ties\": %.6f,\n", median_seconds(repeats, [&] { ties.emplace(*kg); }));
    std::printf("  \"signed_triangles\": %.6f,\n", median_seconds(repeats, [&] {
                    // The signed graph of the actors that take sides, then its triangles.
                    SignedGraph g;
                    g.vertices = kg->data().actors.size();
                    for (Index a = 0; a < g.vertices; ++a) {
                        for (const Tie& t : ties->stance(a)) {
                            if (t.object > a && t.sign() != 0 &&
                                takes_sides(kg->actor(t.object).kind) &&
                                takes_sides(kg->actor(a).kind)) {
                                g.edges.push_back({a, t.object, t.sign()});
                            }
                        }
                    }
                    (void)signed_triangle_counts(g);
                }));
    std::printf("  \"align_one_vs_all\": %.6f", median_seconds(repeats, [&] {
                    for (Index b = 0; b < kg->data().actors.size(); ++b) {
                        if (b != from && takes_sides(kg->actor(b).kind)) {
                            (void)align(*ties, from, b,
                                        AlignOptions{StanceSet::joint, false, std::nullopt});
                        }
                    }
                }));
    if (!un_path.empty()) {
        const std::string un_text = read(un_path);
        auto un = load_dataset({{un_path, un_text}}, unlimited);
        const KnowledgeGraph& g = *un.graph;
        const TieTable un_ties(g);
        std::vector<Index> states;
        for (Index i = 0; i < g.data().actors.size(); ++i) {
            if (g.actor(i).kind == ActorKind::state) {
                states.push_back(i);
            }
        }
        std::printf(",\n  \"un_matrix\": %.6f", median_seconds(repeats, [&] {
                        (void)alignment_matrix(un_ties, states, true);
                    }));
    }
    std::printf(",\n  \"peak_rss_kib\": %ld\n}\n", peak_rss_kib());
    return 0;
}
