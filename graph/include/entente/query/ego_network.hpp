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
    std::vector<std::pair<Index, std::size_t>> actors;  ///< Actor and distance, nearest first.
    std::vector<Index> claims;  ///< Claims whose both ends are in the network, in dataset order.
};

/// The ego network of `center` up to `depth` hops.
EgoNetwork ego_network(const KnowledgeGraph& graph, Index center, std::size_t depth);

}  // namespace entente
