#include "path_search.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

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

namespace {

// Per-thread marks, reset by bumping a generation instead of clearing: a search that meets in
// the middle touches a few hundred vertices, and clearing arrays the size of the graph would
// cost more than the search.
struct Marks {
    std::vector<std::uint32_t> seen_f, seen_b, on_f, on_b;  // == generation when set
    std::vector<std::uint32_t> df, db;                      // hops from `from` / to `to`
    std::uint32_t generation = 0;

    void prepare(std::size_t n) {
        if (seen_f.size() < n || generation == std::numeric_limits<std::uint32_t>::max()) {
            for (auto* v : {&seen_f, &seen_b, &on_f, &on_b, &df, &db}) {
                v->assign(n, 0);
            }
            generation = 0;
        }
        ++generation;
    }
};

}  // namespace

std::vector<Index> shortest_path(const SearchGraph& g, Index from, Index to,
                                 const SearchBlocks& blocks) {
    const auto blocked_vertex = [&](Index v) {
        return blocks.vertices != nullptr && !blocks.vertices->empty() &&
               (*blocks.vertices)[v] != 0;
    };
    const auto blocked_arc = [&](Index a, Index b) {
        if (blocks.arcs == nullptr) {
            return false;
        }
        return std::find(blocks.arcs->begin(), blocks.arcs->end(), std::pair{a, b}) !=
               blocks.arcs->end();
    };
    if (blocked_vertex(from) || blocked_vertex(to)) {
        return {};
    }
    if (from == to) {
        return {from};
    }
    thread_local Marks m;
    m.prepare(g.vertices());
    const std::uint32_t gen = m.generation;

    // Level by level from both ends, always growing the side with the cheaper frontier; the
    // search stops after the level in which the two sides first meet. Then a = hops covered
    // from `from`, b = hops covered from `to`, and every shortest path has its vertex at
    // position a in both searches.
    std::vector<Index> forward{from}, backward{to};
    std::vector<std::size_t> forward_level{0, 1}, backward_level{0, 1};
    m.seen_f[from] = gen;
    m.df[from] = 0;
    m.seen_b[to] = gen;
    m.db[to] = 0;
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    bool met = false;
    while (!met) {
        // The cost of growing a side is the arcs its frontier has to read.
        std::size_t forward_arcs = 0;
        std::size_t backward_arcs = 0;
        for (std::size_t i = forward_level[a]; i < forward_level[a + 1]; ++i) {
            forward_arcs += g.out_start[forward[i] + 1] - g.out_start[forward[i]];
        }
        for (std::size_t i = backward_level[b]; i < backward_level[b + 1]; ++i) {
            backward_arcs += g.in_start[backward[i] + 1] - g.in_start[backward[i]];
        }
        if (forward_arcs == 0 || backward_arcs == 0) {
            return {};  // one side has run out: no path
        }
        if (forward_arcs <= backward_arcs) {
            for (std::size_t i = forward_level[a]; i < forward_level[a + 1]; ++i) {
                const Index x = forward[i];
                for (std::size_t k = g.out_start[x]; k < g.out_start[x + 1]; ++k) {
                    const Index y = g.out[k];
                    if (m.seen_f[y] == gen || blocked_vertex(y) || blocked_arc(x, y)) {
                        continue;
                    }
                    m.seen_f[y] = gen;
                    m.df[y] = a + 1;
                    forward.push_back(y);
                    met = met || m.seen_b[y] == gen;
                }
            }
            forward_level.push_back(forward.size());
            ++a;
        } else {
            for (std::size_t i = backward_level[b]; i < backward_level[b + 1]; ++i) {
                const Index z = backward[i];
                for (std::size_t k = g.in_start[z]; k < g.in_start[z + 1]; ++k) {
                    const Index w = g.in[k];
                    if (m.seen_b[w] == gen || blocked_vertex(w) || blocked_arc(w, z)) {
                        continue;
                    }
                    m.seen_b[w] = gen;
                    m.db[w] = b + 1;
                    backward.push_back(w);
                    met = met || m.seen_f[w] == gen;
                }
            }
            backward_level.push_back(backward.size());
            ++b;
        }
    }
    const std::uint32_t d = a + b;

    // Mark the vertices on some shortest path: at position a, those both searches reached at
    // the right depth; before it, forward vertices with such a successor one level on; after
    // it, backward vertices with such a predecessor one level back.
    for (std::size_t i = forward_level[a]; i < forward_level[a + 1]; ++i) {
        const Index v = forward[i];
        if (m.seen_b[v] == gen && m.db[v] == b) {
            m.on_f[v] = gen;
        }
    }
    for (std::uint32_t j = a; j-- > 0;) {
        for (std::size_t i = forward_level[j]; i < forward_level[j + 1]; ++i) {
            const Index x = forward[i];
            for (std::size_t k = g.out_start[x]; k < g.out_start[x + 1]; ++k) {
                const Index y = g.out[k];
                if (m.on_f[y] == gen && m.seen_f[y] == gen && m.df[y] == j + 1 &&
                    !blocked_vertex(y) && !blocked_arc(x, y)) {
                    m.on_f[x] = gen;
                    break;
                }
            }
        }
    }
    for (std::size_t i = backward_level[b]; i < backward_level[b + 1]; ++i) {
        const Index v = backward[i];
        if (m.seen_f[v] == gen && m.df[v] == a) {
            m.on_b[v] = gen;
        }
    }
    for (std::uint32_t j = b; j-- > 0;) {
        for (std::size_t i = backward_level[j]; i < backward_level[j + 1]; ++i) {
            const Index z = backward[i];
            for (std::size_t k = g.in_start[z]; k < g.in_start[z + 1]; ++k) {
                const Index w = g.in[k];
                if (m.on_b[w] == gen && m.seen_b[w] == gen && m.db[w] == j + 1 &&
                    !blocked_vertex(w) && !blocked_arc(w, z)) {
                    m.on_b[z] = gen;
                    break;
                }
            }
        }
    }

    // The smallest path, one step at a time: the first neighbour (in index order) that lies on
    // a shortest path at the next position. The marks guarantee one exists at every step.
    std::vector<Index> path{from};
    Index x = from;
    for (std::uint32_t pos = 1; pos <= d; ++pos) {
        Index next = no_index;
        for (std::size_t k = g.out_start[x]; k < g.out_start[x + 1] && next == no_index; ++k) {
            const Index y = g.out[k];
            if (blocked_vertex(y) || blocked_arc(x, y)) {
                continue;
            }
            const bool on_path = pos <= a
                                     ? m.seen_f[y] == gen && m.df[y] == pos && m.on_f[y] == gen
                                     : m.seen_b[y] == gen && m.db[y] == d - pos && m.on_b[y] == gen;
            if (on_path) {
                next = y;
            }
        }
        if (next == no_index) {
            return {};  // cannot happen: the marks above leave a step at every position
        }
        path.push_back(next);
        x = next;
    }
    return path;
}

}  // namespace entente::detail
