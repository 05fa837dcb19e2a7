#pragma once
/// @file One actor's profile: its claims grouped by relation, the positions it holds, its sources.

#include <vector>

#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// The claims of one relation in a profile.
struct RelationGroup {
    Index relation = no_index;  ///< The relation.
    std::vector<Index> claims;  ///< Its claims touching the actor, in dataset order.
};

/// Everything the data says about one actor.
struct ActorProfile {
    Index actor = no_index;             ///< The actor.
    std::vector<Index> positions_held;  ///< Positions whose holder it is, in dataset order.
    std::vector<RelationGroup> groups;  ///< Its claims by relation, in vocabulary order.
    std::vector<Index> claims;          ///< Every claim touching it, in dataset order.
    std::vector<Index> sources;         ///< The sources those claims cite, in dataset order.
};

/// The profile of `actor` (an index of `graph`): the claims that touch it as subject or object,
/// grouped by relation in vocabulary order (built-in relations first, then the data's own), the
/// positions it holds and the sources cited. O(claims of the actor + actors); throws nothing.
ActorProfile actor_profile(const KnowledgeGraph& graph, Index actor);

}  // namespace entente
