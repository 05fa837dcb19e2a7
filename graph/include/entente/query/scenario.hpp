#pragma once
/// @file What-if scenarios: the claims holding on a date, without some, with hypothetical ones.

#include <optional>
#include <string>
#include <vector>

#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// Which claims a query sees (docs/queries.md, Scenario).
struct Scenario {
    /// Keep only claims holding at some time during this date (holds_during); nullopt: all.
    std::optional<Date> as_of;
    std::vector<std::string> without;  ///< Claim ids to leave out, exactly as in the data.
    /// Hypothetical claims, each "SUBJECT RELATION OBJECT" (parse_assumption), added in order.
    std::vector<std::string> assumptions;

    /// True when the scenario changes nothing. Throws nothing.
    bool empty() const { return !as_of && without.empty() && assumptions.empty(); }
};

/// True when the claim holds at some time during `date` (a day, a month or a year, each covering
/// its whole period): false only when its `from` begins after `date` ends or its `until` ends
/// before `date` begins, so claims without dates hold at all times. Throws nothing.
bool holds_during(const Claim& claim, const Date& date);

/// Parses "SUBJECT RELATION OBJECT" into a hypothetical claim. The text is split into words at
/// whitespace (at most 64 words); the relation is the first word, neither first nor last, that
/// is a relation id exactly (labels are not read) and splits the text into two names that each
/// find an actor (find_actor: ids, names, aliases, folded), so multi-word names need no quotes.
/// The claim has subject, relation and object set, `hypothetical` true, asserted_by "what-if
/// assumption", confidence 1, and no id or source (apply_scenario gives them). Throws
/// AmbiguousNameError when a name means several actors, UnknownNameError when a name is unknown
/// (what_kind "actor") or no word is a relation id but one is near one ("relation"), Error when
/// there are more than 64 words, subject and object are one actor, or the text has no relation
/// between two names; std::bad_alloc. O(words x (relations + length of `text`)), plus
/// suggestions within their budget when a name is unknown.
Claim parse_assumption(const KnowledgeGraph& graph, std::string_view text);

/// The graph the scenario describes, as a new graph (the dataset is copied: O(size of the
/// dataset)): claims whose id is in `without` left out, then those not holding during `as_of`
/// (holds_during); then the assumptions added in order after every other claim, marked
/// hypothetical, with ids "assume-1", "assume-2", ... (not checked against the data's claim ids)
/// and, when there are any, a source "what-if" ("what-if-2", ... when the data has that id)
/// added after every other source. Sources and actors are kept, cited or not. Throws
/// UnknownNameError (what_kind "claim", with the nearest ids) for an id in `without` that no claim
/// has, whatever parse_assumption throws, std::bad_alloc.
KnowledgeGraph apply_scenario(const KnowledgeGraph& graph, const Scenario& scenario);

}  // namespace entente
