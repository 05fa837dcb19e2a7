#pragma once
// Internal: shortest paths by bidirectional breadth-first search, over any graph that lists a
// vertex's distinct successors and predecessors in index order: claims indexed by their ends
// (ClaimWalk), in memory or in a mapped file, or a test's plain adjacency arrays.

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "entente/model/claim_index.hpp"
#include "entente/model/model.hpp"

namespace entente::detail {

/// Which claims a walk may follow and which way: for each relation, bit 1 from subject to
/// object and bit 2 from object to subject (0: not at all); and which ClaimEnd flags are in
/// scope (bit f set: a claim with flags f may be followed, 16 bits for 5 modalities x negated).
struct WalkRules {
    std::vector<unsigned char> ways;  ///< Per relation (Dataset::relations index).
    std::uint32_t scope = 0xffff;     ///< Bit ClaimEnd::flags set: followed.
    /// The ways claim end `e` may be followed (0 when out of scope); its relation and flags must
    /// be in range (check_entries has seen it).
    unsigned char of(const ClaimEnd& e) const {
        return ((scope >> (e.flags & 15)) & 1) != 0 ? ways[e.relation] : 0;
    }
};

/// Called with the range of index entries a walk is about to read; a mapped file checks the
/// blocks it spans there (and throws DataError on damage). Null for arrays in memory.
struct EntryCheck {
    virtual ~EntryCheck() = default;
    /// Throws DataError when the entries are damaged: a block's checksum, or an index out of
    /// range.
    virtual void check(std::span<const ClaimEnd> entries) const = 0;
};

/// The simple directed graph a path query walks, read straight from claims indexed by their
/// ends: an arc u -> v when some claim allowed by `rules` goes from u to v, as subject to
/// object (bit 1) or object to subject (bit 2). Each list of ends is sorted by the other actor,
/// so merging a vertex's two lists gives its neighbours in index order, each once.
struct ClaimWalk {
    ClaimIndexView index;                     ///< The claims by their ends.
    const WalkRules* rules = nullptr;         ///< Which claims, which way.
    const EntryCheck* entry_check = nullptr;  ///< Null: the entries are trusted.

    /// Number of vertices (actors).
    std::size_t vertices() const { return index.actors(); }
    /// Calls visit(v) for each distinct successor of u in index order until visit returns true;
    /// what entry_check throws.
    template <class Visit>
    void successors(Index u, Visit visit) const {
        merge(index.subject_of(u), 1, index.object_of(u), 2, visit);
    }
    /// Calls visit(u) for each distinct predecessor of v in index order until visit returns
    /// true; what entry_check throws.
    template <class Visit>
    void predecessors(Index v, Visit visit) const {
        merge(index.object_of(v), 1, index.subject_of(v), 2, visit);
    }
    /// What listing u's neighbours reads: its entries both ways.
    std::size_t successor_cost(Index u) const {
        return index.subject_of(u).size() + index.object_of(u).size();
    }
    /// As successor_cost: the same two lists are read.
    std::size_t predecessor_cost(Index v) const { return successor_cost(v); }

    /// The neighbours through `a`'s ends followed by `a_way` and `b`'s by `b_way`, merged.
    template <class Visit>
    void merge(std::span<const ClaimEnd> a, unsigned char a_way, std::span<const ClaimEnd> b,
               unsigned char b_way, Visit visit) const {
        if (entry_check != nullptr) {
            entry_check->check(a);
            entry_check->check(b);
        }
        std::size_t i = 0;
        std::size_t j = 0;
        Index last = no_index;
        for (;;) {
            while (i < a.size() && (rules->of(a[i]) & a_way) == 0) {
                ++i;
            }
            while (j < b.size() && (rules->of(b[j]) & b_way) == 0) {
                ++j;
            }
            if (i == a.size() && j == b.size()) {
                return;
            }
            Index v;
            if (j == b.size() || (i < a.size() && a[i].other <= b[j].other)) {
                v = a[i++].other;
            } else {
                v = b[j++].other;
            }
            if (v != last) {
                last = v;
                if (visit(v)) {
                    return;
                }
            }
        }
    }
};

/// What a search may not use: vertices marked 1 in `vertices` (may be empty: none), and the
/// arcs listed in `arcs` (few: Yen's spur arcs).
struct SearchBlocks {
    const std::vector<char>* vertices = nullptr;                 ///< 1 = may not be entered.
    const std::vector<std::pair<Index, Index>>* arcs = nullptr;  ///< Arcs that may not be used.
};

// Per-thread marks, reset by bumping a generation instead of clearing: a search that meets in
// the middle touches a few hundred vertices, and clearing arrays the size of the graph would
// cost more than the search. Index 0 is the side searching from `from`, 1 the side from `to`.
struct SearchMarks {
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

/// The shortest path from `from` to `to` (both included), empty when there is none. Among
/// shortest paths it is the one whose vertex sequence is smallest, compared from `from`: the
/// path a breadth-first search from `from` visiting neighbours in index order finds.
template <class G>
std::vector<Index> shortest_path(const G& g, Index from, Index to, const SearchBlocks& blocks) {
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
    thread_local SearchMarks m;
    m.prepare(g.vertices());
    const std::uint32_t gen = m.generation;

    // One end of the search: the vertices it has reached, level by level. Side 0 follows arcs
    // from `from`; side 1 follows them backwards from `to`.
    struct Side {
        std::vector<Index> order;              // vertices in the order reached
        std::vector<std::size_t> level{0, 1};  // order[level[j] .. level[j + 1]) are j hops away
        std::uint32_t depth = 0;               // levels complete beyond the end itself
    };
    std::array<Side, 2> sides{Side{{from}}, Side{{to}}};
    const auto neighbours = [&](std::size_t s, Index u, auto visit) {
        if (s == 0) {
            g.successors(u, visit);
        } else {
            g.predecessors(u, visit);
        }
    };
    const auto cost_of = [&](std::size_t s, Index u) {
        return s == 0 ? g.successor_cost(u) : g.predecessor_cost(u);
    };
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
    // entries it has to read); the search stops after the level in which the two sides first
    // meet. Then every shortest path has its vertex at position sides[0].depth in both. A side
    // whose frontier is empty has run out: no path.
    bool met = false;
    while (!met) {
        std::array<std::size_t, 2> cost{0, 0};
        std::array<bool, 2> empty{true, true};
        for (std::size_t s = 0; s < 2; ++s) {
            const Side& side = sides[s];
            for (std::size_t i = side.level[side.depth]; i < side.level[side.depth + 1]; ++i) {
                cost[s] += cost_of(s, side.order[i]);
                empty[s] = false;
            }
        }
        if (empty[0] || empty[1] || cost[0] == 0 || cost[1] == 0) {
            return {};
        }
        const std::size_t s = cost[0] <= cost[1] ? 0 : 1;
        Side& side = sides[s];
        for (std::size_t i = side.level[side.depth]; i < side.level[side.depth + 1]; ++i) {
            const Index u = side.order[i];
            neighbours(s, u, [&](Index v) {
                if (m.seen[s][v] == gen || !open(s, u, v)) {
                    return false;
                }
                m.seen[s][v] = gen;
                m.depth[s][v] = side.depth + 1;
                side.order.push_back(v);
                met = met || m.seen[1 - s][v] == gen;
                return false;
            });
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
                neighbours(s, u, [&](Index v) {
                    if (m.on[s][v] == gen && m.seen[s][v] == gen && m.depth[s][v] == j + 1 &&
                        open(s, u, v)) {
                        m.on[s][u] = gen;
                        return true;
                    }
                    return false;
                });
            }
        }
    }

    // The smallest path, one step at a time: the first neighbour (in index order) that lies on
    // a shortest path at the next position. The marks guarantee one exists at every step.
    std::vector<Index> path{from};
    Index x = from;
    for (std::uint32_t pos = 1; pos <= d; ++pos) {
        Index next = no_index;
        g.successors(x, [&](Index y) {
            if (!open(0, x, y)) {
                return false;
            }
            // Up to position a the forward side's marks say it; past it, the backward side's.
            const std::size_t s = pos <= a ? 0 : 1;
            const std::uint32_t depth = s == 0 ? pos : d - pos;
            if (m.seen[s][y] == gen && m.depth[s][y] == depth && m.on[s][y] == gen) {
                next = y;
                return true;
            }
            return false;
        });
        if (next == no_index) {
            return {};  // cannot happen: the marks above leave a step at every position
        }
        path.push_back(next);
        x = next;
    }
    return path;
}

}  // namespace entente::detail
