#pragma once
/// @file What-if scenarios: the claims holding on a date, without some, with hypothetical ones.

#include <optional>
#include <string>
#include <vector>

#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// Which claims a query sees.
struct Scenario {
    std::optional<Date> as_of;             ///< Keep only claims holding during this date.
    std::vector<std::string> without;      ///< Claim ids to leave out.
    std::vector<std::string> assumptions;  ///< Hypothetical claims, "SUBJECT RELATION OBJECT".

    /// True when the scenario changes nothing.
    bool empty() const { return !as_of && without.empty() && assumptions.empty(); }
};

/// True when the claim holds at some time during `date` (a day, a month or a year); claims
/// without dates hold at all times.
bool holds_during(const Claim& claim, const Date& date);

/// Parses "SUBJECT RELATION OBJECT" into a hypothetical claim: the relation is a relation id
/// (or label), subject and object any actor names. Throws UnknownNameError, AmbiguousNameError,
/// or Error when the text has no relation between two names.
Claim parse_assumption(const KnowledgeGraph& graph, std::string_view text);

/// The graph the scenario describes: claims filtered by date and id, assumptions added (marked
/// hypothetical, ids "assume-1", ..., from a source "what-if"). Throws like parse_assumption, and
/// UnknownNameError for an unknown claim id in `without`.
KnowledgeGraph apply_scenario(const KnowledgeGraph& graph, const Scenario& scenario);

}  // namespace entente
