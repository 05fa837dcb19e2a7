#pragma once
/// @file The signed multigraph of actors and claims, with name lookup.

#include <boost/graph/adjacency_list.hpp>
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

/// Bidirectional multigraph: one vertex per actor, one edge per claim. Edges are kept in one
/// vector (the last vecS) rather than a node per edge: a third less memory, faster to build.
using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexProperties,
                          EdgeProperties, boost::no_property, boost::vecS>;
/// A vertex of the graph; equal to the actor's index.
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
/// An edge of the graph.
using Edge = boost::graph_traits<Graph>::edge_descriptor;

/// A validated dataset as a Boost graph, with lookups by name and id.
class KnowledgeGraph {
  public:
    /// Builds the graph; `data` must already be validated (every index in range).
    explicit KnowledgeGraph(Dataset data);
    KnowledgeGraph(KnowledgeGraph&&) noexcept;
    KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;
    ~KnowledgeGraph();

    /// The tables.
    const Dataset& data() const { return data_; }
    /// The signed multigraph; vertex i is actor i, each edge one claim.
    const Graph& graph() const { return *graph_; }
    /// Name lookup over ids, names and aliases.
    const NameIndex& names() const { return names_; }

    /// The actor a user's name means; throws UnknownNameError or AmbiguousNameError.
    Index find_actor(std::string_view name) const;
    /// The relation with this id; throws UnknownNameError.
    Index find_relation(std::string_view id) const;
    /// The claim with this id; throws UnknownNameError.
    Index find_claim(std::string_view id) const;
    /// The claims that touch an actor as subject or object, in dataset order.
    std::vector<Index> claims_of(Index actor) const;

    /// The actor with this index.
    const Actor& actor(Index i) const { return data_.actors[i]; }
    /// The claim with this index.
    const Claim& claim(Index i) const { return data_.claims[i]; }
    /// The relation with this index.
    const Relation& relation(Index i) const { return data_.relations[i]; }
    /// The source with this index.
    const Source& source(Index i) const { return data_.sources[i]; }

  private:
    Dataset data_;
    // Boost's adjacency_list has no move constructor: held by pointer, moving a graph is free.
    std::unique_ptr<Graph> graph_;
    NameIndex names_;
    std::vector<Index> claim_slots_;  // open addressing over claim ids (see id_table.hpp)
    std::unordered_map<std::string, Index> relation_by_id_;
};

/// A claim as a sentence with names: "Russia supports India's position".
std::string claim_sentence(const KnowledgeGraph& graph, const Claim& claim);
/// A source as a citation: "Author, “Title”, Publisher, 2024-05-22" (parts that are known).
std::string source_citation(const Source& source);

}  // namespace entente
