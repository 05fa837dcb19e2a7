#include "query/path_search.hpp"

#include <algorithm>
#include <array>
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
// cost more than the search. Index 0 is the side searching from `from`, 1 the side from `to`.
struct Marks {
    std::array<std::vector<std::uint32_t>, 2> seen, on;  // == generation when set
    std::array<std::vector<std::uint32_t>, 2> depth;     // hops from that side's end
    std::uint32_t generation = 0;

    void prepare(std::size_t n) {
        if (seen[0].size() < n || generation == std::numeric_limits<std::uint32_t>::max()) {
            for (std::size_t s = 0; s < 2; ++s) {
                seen[s].assign(n, 0);
                on[s].assign(n, 0);
                depth[s].assign(n, 0);
            }
            generation = 0;
        }
        ++generation;
    }
};

// One end of the search: the arcs it follows (out-arcs from `from`; in-arcs, against their
// direction, from `to`) and the vertices it has reached, level by level.
struct Side {
    const std::vector<std::size_t>& start;
    const std::vector<Index>& next;
    std::vector<Index> order;              // vertices in the order reached
    std::vector<std::size_t> level{0, 1};  // order[level[j] .. level[j + 1]) are j hops away
    std::uint32_t depth = 0;               // levels complete beyond the end itself

    std::size_t first(Index v) const { return start[v]; }
    std::size_t last(Index v) const { return start[v + 1]; }
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

    std::array<Side, 2> sides{Side{g.out_start, g.out, {from}}, Side{g.in_start, g.in, {to}}};
    m.seen[0][from] = gen;
    m.depth[0][from] = 0;
    m.seen[1][to] = gen;
    m.depth[1][to] = 0;
    // Side s may step from u (reached) to v: v is open, and so is the arc, which the backward
    // side walks from its head to its tail.
    const auto open = [&](std::size_t s, Index u, Index v) {
        return !blocked_vertex(v) && !(s == 0 ? blocked_arc(u, v) : blocked_arc(v, u));
    };

    // Level by level from both ends, always growing the side with the cheaper frontier (the
    // arcs it has to read); the search stops after the level in which the two sides first
    // meet. Then every shortest path has its vertex at position sides[0].depth in both.
    bool met = false;
    while (!met) {
        std::array<std::size_t, 2> cost{0, 0};
        for (std::size_t s = 0; s < 2; ++s) {
            const Side& side = sides[s];
            for (std::size_t i = side.level[side.depth]; i < side.level[side.depth + 1]; ++i) {
                cost[s] += side.last(side.order[i]) - side.first(side.order[i]);
            }
        }
        if (cost[0] == 0 || cost[1] == 0) {
            return {};  // one side has run out: no path
        }
        const std::size_t s = cost[0] <= cost[1] ? 0 : 1;
        Side& side = sides[s];
        for (std::size_t i = side.level[side.depth]; i < side.level[side.depth + 1]; ++i) {
            const Index u = side.order[i];
            for (std::size_t k = side.first(u); k < side.last(u); ++k) {
                const Index v = side.next[k];
                if (m.seen[s][v] == gen || !open(s, u, v)) {
                    continue;
                }
                m.seen[s][v] = gen;
                m.depth[s][v] = side.depth + 1;
                side.order.push_back(v);
                met = met || m.seen[1 - s][v] == gen;
            }
        }
        side.level.push_back(side.order.size());
        ++side.depth;
    }
    const std::uint32_t a = sides[0].depth;
    const std::uint32_t d = a + sides[1].depth;

    // Mark the vertices on some shortest path, on each side: at its last level, those the other
    // side reached at its own last level; below it, vertices with a marked neighbour one level
    // further along the side's arcs.
    for (std::size_t s = 0; s < 2; ++s) {
        const Side& side = sides[s];
        const std::uint32_t other_depth = sides[1 - s].depth;
        for (std::size_t i = side.level[side.depth]; i < side.level[side.depth + 1]; ++i) {
            const Index v = side.order[i];
            if (m.seen[1 - s][v] == gen && m.depth[1 - s][v] == other_depth) {
                m.on[s][v] = gen;
            }
        }
        for (std::uint32_t j = side.depth; j-- > 0;) {
            for (std::size_t i = side.level[j]; i < side.level[j + 1]; ++i) {
                const Index u = side.order[i];
                for (std::size_t k = side.first(u); k < side.last(u); ++k) {
                    const Index v = side.next[k];
                    if (m.on[s][v] == gen && m.seen[s][v] == gen && m.depth[s][v] == j + 1 &&
                        open(s, u, v)) {
                        m.on[s][u] = gen;
                        break;
                    }
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
            if (!open(0, x, y)) {
                continue;
            }
            // Up to position a the forward side's marks say it; past it, the backward side's.
            const std::size_t s = pos <= a ? 0 : 1;
            const std::uint32_t depth = s == 0 ? pos : d - pos;
            const bool on_path = m.seen[s][y] == gen && m.depth[s][y] == depth && m.on[s][y] == gen;
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
