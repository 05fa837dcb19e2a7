#pragma once
/// @file Diagrams of query results, independent of how they are drawn.

#include <optional>
#include <string>
#include <vector>

#include "entente/query/alignment.hpp"
#include "entente/query/alignment_matrix.hpp"
#include "entente/query/balance.hpp"
#include "entente/query/divergence.hpp"
#include "entente/query/ego_network.hpp"
#include "entente/query/paths.hpp"

namespace entente {

/// An actor drawn as a node.
struct DiagramNode {
    std::string name;                   ///< Unique node name: the actor id.
    std::string id;                     ///< Stable id for pages and scripts: "actor-<id>".
    std::string label;                  ///< Text in the node.
    ActorKind kind = ActorKind::state;  ///< Picks the shape.
    std::string tooltip;                ///< Shown on hover: name, kind, aliases.
    std::string cluster;                ///< Cluster name, or empty.
    bool emphasized = false;            ///< The actors the query is about, or roadblocks.
};

/// A claim (or a net tie) drawn as an edge.
struct DiagramEdge {
    std::string tail;           ///< Node name it leaves.
    std::string head;           ///< Node name it reaches.
    std::string id;             ///< Stable id: "claim-<id>" or "tie-<a>-<b>"; unique.
    std::string label;          ///< Relation label, or a tie value.
    int polarity = 0;           ///< Picks the colour: +1, 0, -1.
    double confidence = 1.0;    ///< Picks the width.
    bool directed = true;       ///< Symmetric relations and ties have no arrowhead.
    bool derived = false;       ///< Counts through a position's holder: dashed.
    bool hypothetical = false;  ///< A what-if assumption: dotted.
    bool highlighted = false;   ///< On the first path, or a frustrated tie.
    std::string tooltip;        ///< Quote, source, who asserts it.
};

/// A group of nodes drawn together (the camps of a balance diagram).
struct DiagramCluster {
    std::string name;   ///< Cluster name.
    std::string label;  ///< Caption.
};

/// What a diagram shows.
struct Diagram {
    std::string title;                     ///< Caption of the whole drawing.
    std::vector<DiagramNode> nodes;        ///< In drawing order.
    std::vector<DiagramEdge> edges;        ///< In drawing order.
    std::vector<DiagramCluster> clusters;  ///< Clusters nodes refer to.
    bool legend = true;                    ///< Draw the legend.
};

/// Every given actor and claim (claims whose ends are not given add their ends); `emphasized`
/// actors (an ego network's centre) stand out.
Diagram claims_diagram(const KnowledgeGraph& kg, const std::vector<Index>& actors,
                       const std::vector<Index>& claims, const std::string& title,
                       const std::vector<Index>& emphasized = {});
/// Two actors with the claims behind their direct tie and shared objects; divergences stand out.
Diagram alignment_diagram(const KnowledgeGraph& kg, const Alignment& alignment);
/// One actor's neighbourhood: an edge to each ranked actor, labelled with its score.
Diagram ranking_diagram(const KnowledgeGraph& kg, Index actor,
                        const std::vector<std::pair<Index, double>>& scores,
                        const std::string& measure);
/// Pairwise scores as a signed graph: one edge per pair with a score, labelled with it.
Diagram matrix_diagram(const KnowledgeGraph& kg, const std::vector<Index>& actors,
                       const std::vector<std::vector<std::optional<double>>>& scores,
                       const std::string& measure);
/// Two actors and the objects they diverge on, roadblocks emphasized.
Diagram divergence_diagram(const KnowledgeGraph& kg, Index a, Index b,
                           const std::vector<DivergencePoint>& points);
/// The camps as two clusters, one edge per signed tie, frustrated ties highlighted.
Diagram balance_diagram(const KnowledgeGraph& kg, const BalanceReport& report);
/// The paths' actors and hop claims; the first path highlighted.
Diagram paths_diagram(const KnowledgeGraph& kg, const std::vector<Path>& paths);

/// The tooltip text of a claim: sentence, quote, who asserts it, source, confidence.
std::string claim_tooltip(const KnowledgeGraph& kg, Index claim);

}  // namespace entente
