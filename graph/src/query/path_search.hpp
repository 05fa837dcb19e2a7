#pragma once
// Internal: shortest paths by bidirectional breadth-first search over compact adjacency arrays.

#include <utility>
#include <vector>

#include "entente/model/model.hpp"

namespace entente::detail {

/// A directed simple graph as sorted adjacency arrays, both ways.
struct SearchGraph {
    std::vector<std::size_t> out_start;  ///< Out-neighbours of v: out[out_start[v] .. v+1).
    std::vector<Index> out;              ///< Targets, sorted within each vertex.
    std::vector<std::size_t> in_start;   ///< In-neighbours of v: in[in_start[v] .. v+1).
    std::vector<Index> in;               ///< Sources, sorted within each vertex.

    /// Builds both arrays from arcs sorted by (from, to), without repeats.
    SearchGraph(std::size_t vertices, const std::vector<std::pair<Index, Index>>& arcs);
    /// Number of vertices.
    std::size_t vertices() const { return out_start.size() - 1; }
};

/// What a search may not use: vertices marked 1 in `vertices` (may be empty: none), and the
/// arcs listed in `arcs` (few: Yen's spur arcs).
struct SearchBlocks {
    const std::vector<char>* vertices = nullptr;                 ///< 1 = may not be entered.
    const std::vector<std::pair<Index, Index>>* arcs = nullptr;  ///< Arcs that may not be used.
};

/// The shortest path from `from` to `to` (both included), empty when there is none. Among
/// shortest paths it is the one whose vertex sequence is smallest, compared from `from`: the
/// path a breadth-first search from `from` visiting neighbours in index order finds.
std::vector<Index> shortest_path(const SearchGraph& graph, Index from, Index to,
                                 const SearchBlocks& blocks);

}  // namespace entente::detail
