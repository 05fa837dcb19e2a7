#pragma once
/// @file What-if scenarios: the claims holding on a date or within a window, without some, with
/// hypothetical ones; and when a claim holds.

#include <optional>
#include <string>
#include <vector>

#include "entente/model/knowledge_graph.hpp"
#include "entente/query/roll_up.hpp"

namespace entente {

/// Which claims a query sees (docs/queries.md, Scenario).
struct Scenario {
    /// Keep only claims holding at some time during this date (holds_during); nullopt: all.
    std::optional<Date> as_of;
    /// Keep only claims holding at some time on or after the first day of this date; nullopt:
    /// no lower bound. With `until`, a window; with `as_of` too, both must hold.
    std::optional<Date> from;
    /// Keep only claims holding at some time on or before the last day of this date; nullopt: no
    /// upper bound.
    std::optional<Date> until;
    std::vector<std::string> without;  ///< Claim ids to leave out, exactly as in the data.
    /// Hypothetical claims, each "SUBJECT RELATION OBJECT" (parse_assumption), added in order.
    std::vector<std::string> assumptions;
    /// The modalities whose claims are kept (docs/queries.md, Modality): by default stated only.
    /// Negated claims are left out whatever the set: they say a relation does not hold and make
    /// no tie. nullopt keeps every claim, negated ones too (an export writes what the data says;
    /// a graph already narrowed is not narrowed again).
    std::optional<std::vector<Modality>> modalities = std::vector<Modality>{Modality::stated};
    /// Roll actors up to actors of this kind (roll_up(): a ministry's claims count as its
    /// state's) after the other filters; nullopt: no roll-up.
    std::optional<ActorKind> roll_up;

    /// True when the scenario keeps `claim` by its modality and negation (the dates and ids are
    /// checked elsewhere). Throws nothing.
    bool in_scope(const Claim& claim) const;
    /// True when the scenario changes nothing in `graph`: no dates, ids, assumptions or roll-up,
    /// and every claim in scope by its modality. O(claims); throws nothing.
    bool empty_for(const KnowledgeGraph& graph) const;
};

/// What a scenario's modalities leave out of a graph: claims out of scope by their modality,
/// and negated claims (counted apart, whatever their modality).
struct ModalityCount {
    std::size_t by_modality = 0;  ///< Claims left out because their modality is not in scope.
    std::size_t negated = 0;      ///< Negated claims left out (never counted as ties).
};

/// Counts what `scenario`'s modalities leave out of `graph`'s claims (before dates and ids are
/// applied). O(claims); throws nothing.
ModalityCount left_out_by_modality(const KnowledgeGraph& graph, const Scenario& scenario);

/// The days a claim holds, inclusive, as sortable day numbers (YYYYMMDD, see Date::earliest):
/// from the first day of its `from` to the last day of its `until`. A claim with neither date
/// holds from its source's date when the source has one (an article's undated claims are the
/// author's reading at the time of writing: `--as-of 1990` leaves a 2024 article out), else at
/// all times; a claim with only one of the two dates is open on the other side.
struct Holding {
    int first = 0;        ///< First day (YYYYMMDD); 0 when open to the past.
    int last = 99991231;  ///< Last day (YYYYMMDD); 99991231 when open to the future.
};

/// When `claim` holds, by the rule above; `sources` is the table its source index points into.
/// Throws nothing.
Holding holding(const Claim& claim, const std::vector<Source>& sources);

/// True when the claim holds at some time during `date` (a day, a month or a year, each covering
/// its whole period), by holding(). Throws nothing.
bool holds_during(const Claim& claim, const std::vector<Source>& sources, const Date& date);

/// True when the claim holds at some time between the first day of `from` and the last day of
/// `until` (either may be absent: open on that side), by holding(). Throws nothing.
bool holds_within(const Claim& claim, const std::vector<Source>& sources,
                  const std::optional<Date>& from, const std::optional<Date>& until);

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
/// dataset)): claims whose id is in `without` left out, then those out of scope by their
/// modality or negated (Scenario::in_scope), then those not holding during `as_of`
/// (holds_during) or within `from`..`until` (holds_within); then the assumptions added in order
/// after every other claim, marked hypothetical, with ids "assume-1", "assume-2", ... (numbered
/// past any claim id of the data) and, when there are any, a source "what-if" ("what-if-2", ...
/// when the data has that id) added after every other source; then, with `roll_up`, every claim
/// (assumptions included) rolled up (roll_up()), what it did written to `report` when given.
/// Sources and actors are kept, cited or not. Throws UnknownNameError (what_kind "claim", with
/// the nearest ids) for an id in `without` that no claim has, whatever parse_assumption throws,
/// std::bad_alloc.
KnowledgeGraph apply_scenario(const KnowledgeGraph& graph, const Scenario& scenario,
                              RollUpReport* report = nullptr);

}  // namespace entente
