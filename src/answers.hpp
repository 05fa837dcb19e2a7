#pragma once
// The JSON answers of the query commands, built as text: each command prints one with --format
// json, and the Python module (python/) parses the same text for a result's to_dict(), so the two
// cannot drift apart. Every function follows the JSON convention of output.hpp: one object,
// opening with "scenario" and closing with "claims" and "sources"; docs/cli.md shows each one.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "entente/model/knowledge_graph.hpp"
#include "entente/query/alignment.hpp"
#include "entente/query/alignment_matrix.hpp"
#include "entente/query/alignment_ranking.hpp"
#include "entente/query/balance.hpp"
#include "entente/query/divergence.hpp"
#include "entente/query/ego_network.hpp"
#include "entente/query/generalized_balance.hpp"
#include "entente/query/paths.hpp"
#include "output.hpp"

namespace entente::cli {

/// `entente align A B --format json`: the alignment `al` of actors al.a and al.b of `kg` (its
/// measures, direct tie and shared objects), asked under `scenario`. Returns the JSON object as
/// text, no final newline. Throws std::bad_alloc.
std::string align_pair_json(const KnowledgeGraph& kg, const ScenarioText& scenario,
                            const Alignment& al);

/// `entente align A --format json`: who aligns with `actor`, ranked by `measure` (named
/// `measure_name`), over the stance set named `over` ("joint" or "union"), scores resting on
/// fewer than `min_shared` objects listed apart as thin. Returns the JSON text. Throws
/// std::bad_alloc.
std::string align_ranking_json(const KnowledgeGraph& kg, const ScenarioText& scenario,
                               const AlignmentRanking& ranking, Index actor,
                               AlignmentMeasure measure, const std::string& measure_name,
                               const std::string& over, std::size_t min_shared);

/// `entente align --matrix --format json`: the n x n scores `m` of `actors` (n of them) under
/// the measure `measure_name` over `over`, with their object counts and interval ends. Returns
/// the JSON text. Throws std::bad_alloc.
std::string align_matrix_json(const KnowledgeGraph& kg, const ScenarioText& scenario,
                              const std::vector<Index>& actors, const ScoreMatrix& m,
                              const std::string& measure_name, const std::string& over,
                              std::size_t min_shared);

/// `entente align ... --by UNIT --format json`: the score of `measure_name` over `over` period by
/// period (`by`: a unit parse_period_unit reads), for the pair (two `actors`), the ranking of one
/// actor (one), or the matrix (`matrix`: of `actors`, or when empty of matrix_actors), each
/// period's data the claims holding during it; periods span the scenario's window (from/until or
/// as_of) or else the dated claims. Returns the JSON text. Throws Error when the window has no end
/// and no claim is dated, std::bad_alloc; `actors` must be distinct actors of `kg`.
std::string align_series_json(const KnowledgeGraph& kg, const ScenarioText& scenario,
                              const std::vector<Index>& actors, bool matrix,
                              const std::string& measure_name, const std::string& over,
                              std::size_t min_shared, const std::string& by, bool direct_only);

/// `entente diverge A B --format json`: the divergence points of `a` and `b`, in the order
/// given. Returns the JSON text. Throws std::bad_alloc.
std::string diverge_json(const KnowledgeGraph& kg, const ScenarioText& scenario, Index a, Index b,
                         const std::vector<DivergencePoint>& points);

/// `entente path FROM TO --format json`: the paths found from `from` to `to`, shortest first.
/// Returns the JSON text. Throws std::bad_alloc.
std::string paths_json(const KnowledgeGraph& kg, const ScenarioText& scenario, Index from, Index to,
                       const std::vector<Path>& paths);

/// `entente neighbors ACTOR --format json`: the ego network `ego` of `center` within `depth`
/// hops. Returns the JSON text. Throws std::bad_alloc.
std::string neighbors_json(const KnowledgeGraph& kg, const ScenarioText& scenario, Index center,
                           std::size_t depth, const EgoNetwork& ego);

/// `entente balance --format json`: the balance report `r` (`derived_ties`: derived ties were
/// counted), with the generalised balance `partition` when one was asked for (--camps K > 2).
/// Returns the JSON text. Throws std::bad_alloc.
std::string balance_json(const KnowledgeGraph& kg, const ScenarioText& scenario,
                         const BalanceReport& r, bool derived_ties,
                         const std::optional<Partition>& partition);

}  // namespace entente::cli
