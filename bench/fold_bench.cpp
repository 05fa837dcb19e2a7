// Times name folding and lookup: fold_name on 10^5 names of each kind, building a NameIndex of
// 10^5 actors (as a load does), and suggestions for an unknown name. Never part of the tests.
//   fold_bench [REPEATS]
// Prints one line per measurement: the median of REPEATS runs (default 7), in ns per name or ms.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "entente/model/name_index.hpp"
#include "entente/model/text.hpp"

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

constexpr std::size_t count = 100'000;

// Names like bench/generate.py's: ids, "Actor N", aliases "A-N".
std::vector<std::string> ascii_names() {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i) {
        switch (i % 3) {
            case 0:
                out.push_back("a" + std::to_string(i));
                break;
            case 1:
                out.push_back("Actor " + std::to_string(i));
                break;
            default:
                out.push_back("A-" + std::to_string(i));
        }
    }
    return out;
}

// Names with letters beyond ASCII, in several scripts, each made unique by a number.
std::vector<std::string> unicode_names() {
    const std::vector<std::string> stems = {
        "Việt Nam",      "București",        "ΕΛΛΆΔΑ",
        "Россия",        "Łódź Voivodeship", "Straße des 17. Juni",
        "Türkiye",       "جمهورية مصر",      "中华人民共和国",
        "Côte d'Ivoire", "Azərbaycan",       "Ísland",
        "Hrvatska",      "Србија",           "Øresund Region"};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i) {
        out.push_back(stems[i % stems.size()] + " " + std::to_string(i));
    }
    return out;
}

void report(const char* what, double seconds, std::size_t n) {
    std::printf("%-52s %9.1f ns per name  (%.1f ms for %zu)\n", what, seconds * 1e9 / double(n),
                seconds * 1e3, n);
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::atoi(argv[1]) : 7;
    if (repeats < 1) {
        std::fprintf(stderr, "usage: fold_bench [REPEATS]\n");
        return 1;
    }
    const auto ascii = ascii_names();
    const auto unicode = unicode_names();
    std::size_t sink = 0;
    const auto fold_all = [&](const std::vector<std::string>& names) {
        return [&names, &sink] {
            for (const auto& name : names) {
                sink += fold_name(name).size();
            }
        };
    };
    report("fold_name, ASCII ids and names (a1, Actor 2, A-3)",
           median_seconds(repeats, fold_all(ascii)), count);
    report("fold_name, names in 10 scripts (Việt Nam 1, ...)",
           median_seconds(repeats, fold_all(unicode)), count);

    // A load indexes each actor's id, name and alias.
    std::vector<Actor> actors(count);
    for (std::size_t i = 0; i < count; ++i) {
        actors[i].id = "a" + std::to_string(i);
        actors[i].name = i % 2 == 0 ? unicode[i] : "Actor " + std::to_string(i);
        actors[i].aliases = {"A-" + std::to_string(i)};
    }
    const double index_seconds = median_seconds(repeats, [&] {
        const NameIndex index(actors);
        sink += index.find("a1").size();
    });
    std::printf("%-52s %9.1f ms\n", "NameIndex of 10^5 actors (half of names non-ASCII)",
                index_seconds * 1e3);
    const NameIndex index(actors);
    const double suggest_seconds =
        median_seconds(repeats, [&] { sink += index.suggest("Actr 4242").size(); });
    std::printf("%-52s %9.1f ms\n", "NameIndex::suggest(\"Actr 4242\"), 10^5 actors",
                suggest_seconds * 1e3);
    // An absurdly long name (bug 12 of issue 10) against an index the size of the embedded data.
    const std::vector<Actor> few(actors.begin(), actors.begin() + 150);
    const NameIndex small_index(few);
    const std::string long_name(131'000, 'x');
    const double long_seconds =
        median_seconds(1, [&] { sink += small_index.suggest(long_name).size(); });
    std::printf("%-52s %9.1f ms\n", "NameIndex::suggest(131,000 x), 150 actors",
                long_seconds * 1e3);
    return sink == 0 ? 1 : 0;
}
