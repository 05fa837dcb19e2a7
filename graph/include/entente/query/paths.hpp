#pragma once
/// @file Connections between actors: shortest paths, k shortest loopless paths, ego networks.

#include <cstddef>
#include <memory>
#include <vector>

#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// Which claims a path may follow.
struct PathOptions {
    bool directed = false;         ///< Follow claims from subject to object (symmetric: both ways).
    std::size_t k = 1;             ///< How many shortest loopless paths (Yen's algorithm).
    std::size_t max_hops = 0;      ///< Longest path allowed, in hops; 0 for no limit.
    std::vector<Index> relations;  ///< Only these relations; empty for all.
    bool positive_only = false;    ///< Only cooperative claims (polarity +1).
};

/// One step of a path: the actors it joins and every claim that joins them that way.
struct Hop {
    Index from = no_index;      ///< Actor the hop leaves.
    Index to = no_index;        ///< Actor the hop reaches.
    std::vector<Index> claims;  ///< The claims joining them, in dataset order.
    int sign = 0;               ///< Sign of the claims' net weight: +1, -1, or 0 (structural).
};

/// A path and its sign: the product of its hops' signs (a friend of an enemy is an enemy).
struct Path {
    std::vector<Index> actors;  ///< From the first actor to the last.
    std::vector<Hop> hops;      ///< actors.size() - 1 hops.
    int sign = 0;               ///< Product of the hop signs; 0 when a hop is structural.
};

/// Answers path queries on one graph with one set of options; built once, asked many times.
class PathFinder {
  public:
    /// Indexes the claims the options allow, as a simple graph for breadth-first search.
    PathFinder(const KnowledgeGraph& graph, PathOptions options);
    PathFinder(PathFinder&&) noexcept;
    ~PathFinder();
    /// The k shortest loopless paths from `from` to `to` (fewest hops first; ties in order of
    /// the actors' ids). Empty when the actors are not connected within the limits.
    std::vector<Path> find(Index from, Index to) const;

    /// The indexed graph (defined in paths.cpp).
    struct Walk;

  private:
    const KnowledgeGraph* graph_;
    PathOptions options_;
    std::unique_ptr<Walk> walk_;
};

/// The k shortest loopless paths from `from` to `to`: PathFinder(graph, options).find(from, to).
std::vector<Path> shortest_paths(const KnowledgeGraph& graph, Index from, Index to,
                                 const PathOptions& options);

}  // namespace entente
