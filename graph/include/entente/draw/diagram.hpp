#pragma once
/// @file Diagrams of query results, independent of how they are drawn. Every builder below takes
/// indices and results of `kg` (anything else is undefined behaviour), copies the text it needs,
/// and throws only std::bad_alloc. Ids and conventions: docs/diagrams.md.

#include <optional>
#include <string>
#include <vector>

#include "entente/query/alignment.hpp"
#include "entente/query/alignment_matrix.hpp"
#include "entente/query/balance.hpp"
#include "entente/query/divergence.hpp"
#include "entente/query/ego_network.hpp"
#include "entente/query/paths.hpp"
#include "entente/query/ties.hpp"

namespace entente {

/// An actor drawn as a node.
struct DiagramNode {
    std::string name;                   ///< Unique node name: the actor id.
    std::string id;                     ///< Stable id for pages and scripts: "actor-<id>".
    std::string label;                  ///< Text in the node: the actor's name.
    ActorKind kind = ActorKind::state;  ///< Picks the shape.
    /// Shown on hover: "NAME (KIND)", then "; also ALIAS, ..." and "; held by HOLDER" when it has
    /// them, then the actor's note on a line of its own when it has one.
    std::string tooltip;
    std::string cluster;  ///< Name of the DiagramCluster it is drawn in, or empty.
    /// Stands out: the actors the query is about (an ego network's centre, a path's ends).
    bool emphasized = false;
    /// Stands out apart from `emphasized`: an object the two actors take opposite sides on (align)
    /// or a roadblock (diverge). Diagram::contested_meaning says which in the legend.
    bool contested = false;
};

/// A claim (or a net tie, or a score) drawn as an edge.
struct DiagramEdge {
    std::string tail;  ///< Node name it leaves.
    std::string head;  ///< Node name it reaches.
    /// Stable id: "claim-<claim id>", "derived-<claim id>", "tie-<a>--<b>" or "score-<a>--<b>"
    /// (actor ids). Unique in a diagram: ids never hold "--", so no two pairs join to one id.
    std::string id;
    std::string label;  ///< Relation label, or a tie value or score with two decimals ("+0.50").
    int polarity = 0;   ///< Picks the colour: +1, 0 or -1.
    /// Picks the width, in [0, 1]: a claim's confidence (halved if derived; when any drawn claim
    /// has a weight other than 1, confidence x weight over the heaviest drawn claim's), |tie
    /// value| or |score|.
    double confidence = 1.0;
    bool directed = true;       ///< Symmetric relations, ties between actors and scores have none.
    bool derived = false;       ///< Counts through a position's holder: dashed.
    bool hypothetical = false;  ///< A what-if assumption, or a tie resting on one: dotted.
    /// On the first path, or a frustrated tie. With more than one path, every path's edge ends its
    /// label with the paths it is on ("partners with [1,3]") and its tooltip says so.
    bool highlighted = false;
    /// A score resting on fewer objects than the command's --min-shared (thin evidence): drawn
    /// faintly.
    bool faint = false;
    /// A claim's quote, source and who asserts it (claim_tooltip); a tie's lists every claim
    /// behind it; a score's names the command that shows its claims.
    std::string tooltip;
};

/// A group of nodes drawn together (the camps of a balance diagram).
struct DiagramCluster {
    std::string name;   ///< Cluster name; Graphviz draws it as a box when it starts "cluster".
    std::string label;  ///< Caption.
};

/// What a diagram shows. Text is as in the data, not escaped: render() escapes what Graphviz
/// would otherwise read as markup.
struct Diagram {
    std::string title;               ///< Caption of the whole drawing.
    std::vector<DiagramNode> nodes;  ///< In drawing order, each actor once.
    /// In drawing order. Both ends must be in `nodes` (render() throws RenderError otherwise); the
    /// builders below see to it.
    std::vector<DiagramEdge> edges;
    std::vector<DiagramCluster> clusters;  ///< Clusters nodes refer to.
    bool legend = true;                    ///< Draw a legend of the kinds and edge styles shown.
    /// Drawn, under the title, in place of the graph when there are no nodes: why the answer is
    /// empty ("No path from A to B within the limits given"); render() says "Nothing to draw"
    /// when it is empty too.
    std::string empty_message;
    /// The legend's words for `contested` nodes ("roadblock: ..."), when any are drawn.
    std::string contested_meaning;
    /// The legend's words for `highlighted` edges ("the path", "frustrated tie"), when any are
    /// drawn; "" for "highlighted".
    std::string highlighted_meaning;
};

/// Every given actor and claim (Dataset::actors and Dataset::claims indices; a claim whose ends
/// are not given adds them), each once; the `emphasized` actors (an ego network's centre) come
/// first and stand out.
Diagram claims_diagram(const KnowledgeGraph& kg, const std::vector<Index>& actors,
                       const std::vector<Index>& claims, const std::string& title,
                       const std::vector<Index>& emphasized = {});
/// Two actors, their direct tie and their ties to each shared object (one "tie-" edge per tie);
/// objects they take opposite sides on stand out. The title gives the alignment when defined.
Diagram alignment_diagram(const KnowledgeGraph& kg, const Alignment& alignment);
/// One ranked actor's score for a diagram.
struct RankedScore {
    Index actor = no_index;   ///< The other actor: Dataset::actors index.
    double score = 0.0;       ///< Its score, in [-1, 1] (kappa and pi at most 1).
    std::size_t objects = 0;  ///< How many objects the score rests on.
};

/// How many claim ids a score edge's tooltip lists before "and N more".
inline constexpr std::size_t score_claims_listed = 20;

/// The claims a score of `alignment` by `measure` rests on, each once, in the order the query
/// reads them: alignment, the direct tie's claims then those of both actors' ties to each shared
/// object; agreement, the shared objects' only; the field's measures (identical, agreement index,
/// S, kappa, pi), those of the compared objects' ties (either actor's, for --over union).
/// Dataset::claims indices. Throws std::bad_alloc.
std::vector<Index> score_claims(const Alignment& alignment, AlignmentMeasure measure);

/// The tooltip of a score edge between actors `x` and `y`: "MEASURE of X and Y: +0.90 over 14
/// objects" (", thin evidence" when fewer than `min_shared`), then, when `claims` (Dataset::claims
/// indices) is given, "rests on N claims: ID, ID, ..." listing the first score_claims_listed ids
/// "and M more", then "entente align X Y shows them" (X, Y the actor ids). Without claims, the
/// second line is left out and the last says "shows its claims". Throws std::bad_alloc.
std::string score_tooltip(const KnowledgeGraph& kg, Index x, Index y, double score,
                          std::size_t objects, const std::string& measure, std::size_t min_shared,
                          const std::vector<Index>* claims);

/// One actor's neighbourhood: an undirected edge to each ranked actor, labelled with its score
/// and object count ("+0.90 (n=14)"), in the order given; scores resting on fewer than
/// `min_shared` objects drawn faintly. `measure` names the score in the title and tooltips. When
/// `ties` (the tie table the scores came from) is given, each edge's tooltip lists the claims its
/// score rests on (score_claims of align(ties, actor, other, {over, no intervals}); `measure`
/// must then be a measure's name, else the claims of the alignment measure are listed).
Diagram ranking_diagram(const KnowledgeGraph& kg, Index actor,
                        const std::vector<RankedScore>& scores, const std::string& measure,
                        std::size_t min_shared, const TieTable* ties = nullptr,
                        StanceSet over = StanceSet::joint);
/// Pairwise scores as a signed graph: every actor, and one undirected edge per pair i < j whose
/// score scores[i][j] is defined (n x n, like ScoreMatrix::scores; [j][i] is not read), labelled
/// with it and its object count; scores resting on fewer than `min_shared` objects drawn faintly.
/// With `ties`, each drawn pair's tooltip lists its claims as ranking_diagram's do (one align()
/// per drawn pair, without intervals).
Diagram matrix_diagram(const KnowledgeGraph& kg, const std::vector<Index>& actors,
                       const std::vector<std::vector<MeasureScore>>& scores,
                       const std::string& measure, std::size_t min_shared,
                       const TieTable* ties = nullptr, StanceSet over = StanceSet::joint);
/// Two actors and the objects they diverge on (diverge()'s points), with both actors' ties to
/// each; roadblocks emphasized.
Diagram divergence_diagram(const KnowledgeGraph& kg, Index a, Index b,
                           const std::vector<DivergencePoint>& points);
/// The camps of each connected component as two clusters ("component 1, camp A", ...), one
/// undirected edge per signed tie labelled with its value, frustrated ties highlighted; actors with
/// no signed tie are left out (with none, the diagram has no nodes and its empty_message says so).
/// The title gives the frustration index ("heuristic, at least N" when not exact).
Diagram balance_diagram(const KnowledgeGraph& kg, const BalanceReport& report);
/// The paths' actors and every claim of their hops, each claim once; the first path's claims
/// highlighted, every path's two ends emphasized. The title names the two ends: `from` and `to`
/// (Dataset::actors indices) when given, else the first path's. With no path the diagram has no
/// nodes and its empty_message says there is none between them.
Diagram paths_diagram(const KnowledgeGraph& kg, const std::vector<Path>& paths,
                      Index from = no_index, Index to = no_index);

/// The diagram with one edge per pair of nodes instead of one per claim (for drawings of many
/// claims between few actors): the edges joining two nodes, either way, become one undirected edge
/// "pair-<a>--<b>" (node names in first-drawn order) labelled with its count ("3 claims: 2 +, 1
/// -"), its polarity the sign of (cooperative - hostile) claims, its width the largest
/// confidence, highlighted, hypothetical, derived or faint if any of its claims is; its tooltip
/// gives the count and the first `listed` claims' tooltips, then how many more. A pair with a
/// single edge keeps it as it is. Nodes, clusters and the title are kept. Throws std::bad_alloc.
Diagram one_edge_per_pair(const Diagram& diagram, std::size_t listed = 20);

/// Drawings larger than these are refused by the CLI unless the user insists (--force):
/// Graphviz's time past them runs to minutes. Measured with bench/layout_timing.sh (sfdp, which
/// entente uses past dot_node_limit): docs/diagrams.md, "Large graphs".
inline constexpr std::size_t draw_node_limit = 2000;
/// Largest number of edges drawn without --force (see draw_node_limit).
inline constexpr std::size_t draw_edge_limit = 4000;
/// More edges than this between one pair of nodes (either way), and the CLI folds the drawing
/// to one edge per pair (one_edge_per_pair) unless told otherwise: stacked labels of dozens of
/// parallel edges are unreadable, and Graphviz's time grows fast with them.
inline constexpr std::size_t parallel_edge_limit = 20;

/// The largest number of edges joining one pair of nodes, either way (0 for no edges). O(E log
/// E). Throws std::bad_alloc.
std::size_t most_parallel_edges(const Diagram& diagram);

/// The `n` heaviest of `claims` (Dataset::claims indices) by |polarity x confidence x weight|,
/// heaviest first, ties broken by claim id (ascending), so the same data gives the same drawing;
/// all of them, so ordered, when there are at most `n`. Structural claims (polarity 0) weigh 0.
/// O(C log C). Throws std::bad_alloc.
std::vector<Index> heaviest_claims(const KnowledgeGraph& kg, const std::vector<Index>& claims,
                                   std::size_t n);

/// The tooltip text of claim `claim` (a Dataset::claims index), in lines: "ID: SENTENCE" (and
/// " [hypothetical]" for an assumption), the quote in curly quotes when there is one, "asserted by
/// WHO" (the actor's name when asserted_by is an actor id), "source: CITATION" (source_citation),
/// "confidence C" (six significant digits) with ", holds from ... until ..." when dated. Throws
/// std::bad_alloc.
std::string claim_tooltip(const KnowledgeGraph& kg, Index claim);

}  // namespace entente
