#pragma once
/// @file A part of the graph, chosen by focus, kind and relation: what exports and drawings show.

#include <cstddef>
#include <optional>
#include <vector>

#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// Which part of the graph to export.
struct SelectOptions {
    std::optional<Index> focus;     ///< Only the ego network of this actor...
    std::size_t depth = 1;          ///< ...up to this many hops.
    std::optional<ActorKind> kind;  ///< Only actors of this kind.
    std::vector<Index> relations;   ///< Only claims of these relations (empty: all).
};

/// A part of the graph: actors, and the claims among them.
struct Selection {
    std::vector<Index> actors;  ///< In dataset order.
    std::vector<Index> claims;  ///< In dataset order; both ends are in `actors`.
    bool whole = false;         ///< True when nothing was filtered out.
};

/// The actors passing the filters and the claims of the chosen relations between them.
Selection select(const KnowledgeGraph& kg, const SelectOptions& options);

}  // namespace entente
