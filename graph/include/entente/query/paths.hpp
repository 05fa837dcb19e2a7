#pragma once
/// @file Connections between actors: shortest paths and k shortest loopless paths (Yen 1971).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "entente/model/claim_index.hpp"
#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// Which claims a path may follow.
struct PathOptions {
    /// Follow claims from subject to object only (symmetric relations still both ways); false:
    /// every claim both ways.
    bool directed = false;
    /// How many shortest loopless paths to find (Yen's algorithm); 0 finds none.
    std::size_t k = 1;
    std::size_t max_hops = 0;  ///< Longest path allowed, in hops; 0 for no limit.
    /// Only claims of these relations (Dataset::relations indices); empty: every relation.
    std::vector<Index> relations;
    bool positive_only = false;  ///< Only cooperative claims (polarity +1).
};

/// One step of a path: the actors it joins and every claim that joins them that way.
struct Hop {
    Index from = no_index;  ///< Actor the hop leaves (Dataset::actors index).
    Index to = no_index;    ///< Actor the hop reaches (Dataset::actors index).
    /// Every claim the options allow that joins them in the direction followed (Dataset::claims
    /// indices), in dataset order; never empty.
    std::vector<Index> claims;
    /// Sign of the claims' net weight (sum of polarity x confidence x weight): +1, -1, or 0 when
    /// they are structural or cancel.
    int sign = 0;
};

/// A path and its sign: the product of its hops' signs (a friend of an enemy is an enemy; Heider
/// 1946, Cartwright and Harary 1956).
struct Path {
    std::vector<Index> actors;  ///< From the first actor to the last, no actor twice.
    std::vector<Hop> hops;      ///< actors.size() - 1 hops, in order.
    int sign = 0;               ///< Product of the hop signs: +1, -1, or 0 when a hop's is 0.
};

/// Answers path queries on one graph with one set of options; built once, asked many times. The
/// graph must outlive it.
class PathFinder {
  public:
    /// Indexes the graph's claims by their ends (ClaimIndex: O(claims + actors), 32 bytes a
    /// claim); a search walks the simple directed graph of the claims the options allow (an arc
    /// u -> v when one goes that way) straight from that index. Throws std::bad_alloc.
    PathFinder(const KnowledgeGraph& graph, PathOptions options);
    /// A finder over claims indexed elsewhere (the arrays and functions of `data` must outlive
    /// it): builds only a table per relation, O(relations); a search reads the index entries of
    /// the actors it reaches and nothing else. Throws std::bad_alloc.
    PathFinder(PathData data, PathOptions options);
    /// Takes over another finder; the moved-from one may only be destroyed.
    PathFinder(PathFinder&&) noexcept;
    ~PathFinder();
    /// The k shortest loopless paths from `from` to `to` (indices of the graph), fewest hops
    /// first, each at most max_hops long. The first is, among the shortest, the one a
    /// breadth-first search from `from` visiting neighbours in dataset order finds (found by a
    /// bidirectional search that gives the same path); each further one is Yen's (1971) next
    /// candidate, the shortest not yet given, equal lengths in order of their actors' ids. Empty
    /// when the actors are the same, not connected within the limits, or k is 0. Each search is
    /// O(actors + claims) at worst; Yen's algorithm runs up to k x (path length) of them. Throws
    /// std::bad_alloc, and DataError from PathData's functions.
    std::vector<Path> find(Index from, Index to) const;

    /// The indexed graph (defined in paths.cpp).
    struct Walk;

  private:
    PathOptions options_;
    std::unique_ptr<Walk> walk_;
};

/// The k shortest loopless paths from `from` to `to`: PathFinder(graph, options).find(from, to).
/// Throws std::bad_alloc.
std::vector<Path> shortest_paths(const KnowledgeGraph& graph, Index from, Index to,
                                 const PathOptions& options);

}  // namespace entente
