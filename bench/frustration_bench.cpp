// Frustration index timings: random signed graphs, solved by the integer program (CBC), by the
// pre-existing path (branch and bound to 48 vertices, local search above), or read from a file.
// Usage: frustration_bench MODE N DEGREE NOISE SEED [TIME_LIMIT] [EDGES_OUT]
//   MODE: ilp | heuristic. The graph: N vertices, G(n, p) with mean degree DEGREE, two planted
//   camps of random size, signs agreeing with them, each flipped with probability NOISE.
// Prints: n m index lower_bound exact seconds. EDGES_OUT gets "n m" then "u v sign" lines.
// Or: frustration_bench MODE --file EDGES [TIME_LIMIT], the graph read from such a file.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include "entente/query/signed_graph.hpp"

int main(int argc, char** argv) {
    if (argc >= 4 && std::string(argv[2]) == "--file") {
        std::ifstream in(argv[3]);
        std::size_t n = 0, m = 0;
        in >> n >> m;
        entente::SignedGraph g{n, {}};
        for (std::size_t k = 0; k < m; ++k) {
            entente::SignedEdge e;
            in >> e.u >> e.v >> e.sign;
            g.edges.push_back(e);
        }
        entente::FrustrationOptions options;
        options.time_limit = argc > 4 ? std::stod(argv[4]) : 0.0;
        options.integer_program = std::string(argv[1]) != "heuristic";
        const auto t0 = std::chrono::steady_clock::now();
        const auto f = entente::frustration(g, options);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::printf("%zu %zu %zu %zu %d %.3f\n", n, g.edges.size(), f.index, f.lower_bound,
                    f.exact ? 1 : 0, seconds);
        return 0;
    }
    if (argc < 6) {
        std::fprintf(stderr, "usage: frustration_bench MODE N DEGREE NOISE SEED [LIMIT] [OUT]\n");
        return 2;
    }
    const std::string mode = argv[1];
    const std::size_t n = std::stoul(argv[2]);
    const double degree = std::stod(argv[3]);
    const double noise = std::stod(argv[4]);
    std::mt19937_64 rng(std::stoull(argv[5]));
    const double limit = argc > 6 ? std::stod(argv[6]) : 0.0;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<int> side(n);
    for (auto& s : side) {
        s = unit(rng) < 0.5 ? 0 : 1;
    }
    const double p = degree / static_cast<double>(n - 1);
    entente::SignedGraph g{n, {}};
    for (std::size_t u = 0; u < n; ++u) {
        for (std::size_t v = u + 1; v < n; ++v) {
            if (unit(rng) < p) {
                int sign = side[u] == side[v] ? 1 : -1;
                if (unit(rng) < noise) {
                    sign = -sign;
                }
                g.edges.push_back({u, v, sign});
            }
        }
    }
    if (argc > 7) {
        std::ofstream out(argv[7]);
        out << n << ' ' << g.edges.size() << '\n';
        for (const auto& e : g.edges) {
            out << e.u << ' ' << e.v << ' ' << e.sign << '\n';
        }
    }
    entente::FrustrationOptions options;
    options.time_limit = limit;
    if (mode == "heuristic") {
        options.integer_program = false;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const auto f = entente::frustration(g, options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%zu %zu %zu %zu %d %.3f\n", n, g.edges.size(), f.index, f.lower_bound,
                f.exact ? 1 : 0, seconds);
    return 0;
}
