#pragma once
/// @file The signed multigraph of actors and claims, with name lookup.

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "entente/model/model.hpp"
#include "entente/model/name_index.hpp"

namespace entente {

/// Vertex bundle: the actor a vertex stands for.
struct VertexProperties {
    Index actor = no_index;  ///< Index into Dataset::actors.
};

/// Edge bundle: the claim an edge stands for (subject -> object).
struct EdgeProperties {
    Index claim = no_index;  ///< Index into Dataset::claims.
};

/// Bidirectional multigraph in compressed sparse row form (Boost.Graph
/// compressed_sparse_row_graph): one vertex per actor, one edge per claim from its subject to its
/// object, symmetric relations included (one edge each). A vertex's out-edges come in claim
/// order, its in-edges by (subject, claim); edges(g) runs by subject. 32-bit vertices and edge
/// indices: 16 bytes a claim in both directions, against 56 for an adjacency_list of vectors.
using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, VertexProperties,
                                                 EdgeProperties, boost::no_property, Index, Index>;
/// A vertex of the graph; equal to the actor's index into Dataset::actors.
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
/// An edge of the graph.
using Edge = boost::graph_traits<Graph>::edge_descriptor;

/// A validated dataset as a Boost graph, with lookups by name and id. Immutable once built: the
/// const members may be called from several threads at once.
class KnowledgeGraph {
  public:
    /// Builds the graph and the id tables: O(claims + actors + relations); the name index is
    /// built when first asked for (names()). `data` must already be validated: every index in
    /// range (anything else is undefined behaviour); a repeated claim id finds its first claim.
    /// Throws std::bad_alloc.
    explicit KnowledgeGraph(Dataset data);
    /// As KnowledgeGraph(data), taking the table of claim ids a loader built while checking them
    /// (an open-addressing table of claim indices, load factor at most 1/2, every claim in it:
    /// src/model/id_table.hpp) instead of building it again. A table that is not one (the wrong
    /// size, an index out of range, more entries than claims) is ignored and built again, in
    /// O(slots); one that leaves claims out makes find_claim miss them, nothing worse. Throws as
    /// the other constructor.
    KnowledgeGraph(Dataset data, std::vector<Index> claim_slots);
    /// Moves a graph in O(1); the moved-from one may only be destroyed or assigned to.
    KnowledgeGraph(KnowledgeGraph&&) noexcept;
    /// Moves a graph in O(1); the moved-from one may only be destroyed or assigned to.
    KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;
    ~KnowledgeGraph();

    /// The tables.
    const Dataset& data() const { return data_; }
    /// The multigraph of claims; vertex i is actor i, edge properties name the claim (an index
    /// into Dataset::claims). A claim whose subject or object is out of range (forged tables,
    /// which only tests build) has no edge.
    const Graph& graph() const { return *graph_; }
    /// Name lookup over ids, names and aliases, built on the first call (O(total length of the
    /// actors' ids, names and aliases), once, also when several threads ask at once): a query
    /// that names its actors by id never folds a name, which at 10^5 actors is a fifth of a
    /// second. Throws std::bad_alloc, or std::runtime_error when ICU's data cannot be loaded
    /// (fold_name).
    const NameIndex& names() const;
    /// The name index (built now if it was not), to keep beyond the graph. Throws as names().
    std::shared_ptr<const NameIndex> shared_names() const;

    /// The index of the actor a user's name means: the actor whose id is `name` exactly, else
    /// the one actor whose id, name or alias folds (fold_name) to the same key as `name` (an
    /// exact id wins over other actors' names and aliases, so it is looked up first, without
    /// the name index). Throws UnknownNameError (what_kind "actor", up to three suggested ids,
    /// found within suggestion_cell_budget) when none matches, AmbiguousNameError (every
    /// matching id) when several match and none by its exact id, std::bad_alloc, and what
    /// names() and fold_name throw. O(length of `name`) on a hit, once the name index is built.
    Index find_actor(std::string_view name) const;
    /// The index of the relation whose id is `id`, exactly (no folding, labels not searched).
    /// Throws UnknownNameError (what_kind "relation", up to three nearest ids), std::bad_alloc,
    /// and on a miss what fold_name throws. O(1) on a hit, O(relations) on a miss.
    Index find_relation(std::string_view id) const;
    /// The index of the claim whose id is `id`, exactly. Throws UnknownNameError (what_kind
    /// "claim", up to three nearest ids), std::bad_alloc, and on a miss what fold_name throws.
    /// O(1) on a hit; a miss folds every claim id to suggest some, O(claims).
    Index find_claim(std::string_view id) const;
    /// The claims (indices into Dataset::claims) that touch `actor` as subject or object, in
    /// dataset order, each once. O(d log d) for an actor on d claims; throws std::bad_alloc.
    std::vector<Index> claims_of(Index actor) const;

    /// The actor with this index (which must be in range). Throws nothing.
    const Actor& actor(Index i) const { return data_.actors[i]; }
    /// The claim with this index (which must be in range). Throws nothing.
    const Claim& claim(Index i) const { return data_.claims[i]; }
    /// The relation with this index (which must be in range). Throws nothing.
    const Relation& relation(Index i) const { return data_.relations[i]; }
    /// The source with this index (which must be in range). Throws nothing.
    const Source& source(Index i) const { return data_.sources[i]; }

  private:
    void build(std::vector<Index> claim_slots);

    Dataset data_;
    // Held by pointer, so that moving a graph never copies it.
    std::unique_ptr<Graph> graph_;
    // The name index, built on first use. Held by pointer: a once_flag does not move.
    struct LazyNames;
    std::unique_ptr<LazyNames> names_;
    std::vector<Index> actor_slots_;  // open addressing over actor ids (see id_table.hpp)
    std::vector<Index> claim_slots_;  // open addressing over claim ids
    std::unordered_map<std::string, Index> relation_by_id_;
};

/// A claim as a sentence: subject's name, relation's label, object's name, joined by spaces
/// ("Russia supports India's position"). `claim`'s indices must be in range for `graph`. Throws
/// std::bad_alloc.
std::string claim_sentence(const KnowledgeGraph& graph, const Claim& claim);
/// A source as a citation: "Author, “Title”, Publisher, 2024-05-22" (author, publisher and date
/// only when known; the title always, in curly quotes). Throws std::bad_alloc.
std::string source_citation(const Source& source);

}  // namespace entente
