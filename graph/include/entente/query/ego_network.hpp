#pragma once
/// @file An actor's ego network: the actors within some hops of it and the claims among them.

#include <cstddef>
#include <utility>
#include <vector>

#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// An actor's ego network: the actors within `depth` hops (any claim, either direction) and the
/// claims among them.
struct EgoNetwork {
    /// Actor (Dataset::actors index) and its distance in hops, in [0, depth]; nearest first, then
    /// by id. The centre comes first, at distance 0.
    std::vector<std::pair<Index, std::size_t>> actors;
    /// Claims (Dataset::claims indices) whose both ends are in the network, in dataset order.
    std::vector<Index> claims;
};

/// The ego network of `center` (an index of `graph`) up to `depth` hops (0: the centre alone),
/// by breadth-first search over every claim, either direction, hypothetical ones included.
/// O(actors + claims log claims) at most; throws std::bad_alloc.
EgoNetwork ego_network(const KnowledgeGraph& graph, Index center, std::size_t depth);

}  // namespace entente
