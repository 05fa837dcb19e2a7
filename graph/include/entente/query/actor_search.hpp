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
    std::optional<ActorKind> kind;  ///< Only actors of this kind; nullopt: every kind.
    /// Only actors whose id, name or an alias contains this (UTF-8), once both are folded.
    std::string text;
};

/// One actor a search found.
struct ActorMatch {
    Index actor = no_index;  ///< The actor: a Dataset::actors index.
    std::size_t claims = 0;  ///< Claims touching it, as subject or object (its degree).
};

/// The actors of `graph` passing `search`, ordered by id. Text matches when its folded form
/// (fold_name: case, accents and punctuation ignored) occurs as a substring (bytewise) of the
/// folded id, name or an alias; text that folds to nothing (empty, or only punctuation) matches
/// every actor. Folds every name of every actor kept by kind: O(total length of their names x
/// length of the folded text) at worst. Throws std::bad_alloc, or std::runtime_error like
/// fold_name.
std::vector<ActorMatch> search_actors(const KnowledgeGraph& graph, const ActorSearch& search);

}  // namespace entente
