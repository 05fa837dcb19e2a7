#pragma once
/// @file Finding actors: by kind and by text in their ids, names and aliases.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// Which actors a search keeps; an empty search keeps every actor.
struct ActorSearch {
    std::optional<ActorKind> kind;  ///< Only actors of this kind.
    std::string text;               ///< Only actors whose id, name or an alias contains this.
};

/// One actor a search found.
struct ActorMatch {
    Index actor = no_index;  ///< The actor.
    std::size_t claims = 0;  ///< Claims touching it, as subject or object.
};

/// The actors of `graph` passing `search`, ordered by id. Text matches when its folded form
/// (fold_name: case, accents and punctuation ignored) occurs as a substring of the folded id,
/// name or an alias; empty text matches every actor. O(actors x names); throws nothing.
std::vector<ActorMatch> search_actors(const KnowledgeGraph& graph, const ActorSearch& search);

}  // namespace entente
