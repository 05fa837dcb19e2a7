#include "query/path_search.hpp"

namespace entente::detail {

SearchGraph::SearchGraph(std::size_t vertices, const std::vector<std::pair<Index, Index>>& arcs)
    : out_start(vertices + 1, 0), in_start(vertices + 1, 0) {
    for (const auto& [from, to] : arcs) {
        ++out_start[from + 1];
        ++in_start[to + 1];
    }
    for (std::size_t v = 0; v < vertices; ++v) {
        out_start[v + 1] += out_start[v];
        in_start[v + 1] += in_start[v];
    }
    out.resize(arcs.size());
    in.resize(arcs.size());
    std::vector<std::size_t> next_out(out_start.begin(), out_start.end() - 1);
    std::vector<std::size_t> next_in(in_start.begin(), in_start.end() - 1);
    // Arcs come sorted by (from, to): each out-list fills in order of `to`, and each in-list in
    // order of `from`.
    for (const auto& [from, to] : arcs) {
        out[next_out[from]++] = to;
        in[next_in[to]++] = from;
    }
}

}  // namespace entente::detail
