#pragma once
/// @file Actor hierarchy: rolling a ministry's, an official's or a military's claims up to the
/// state (or organisation) it is part of, through `part_of` and `member_of` claims.

#include <cstddef>
#include <vector>

#include "entente/model/model.hpp"

namespace entente {

/// Where each actor's claims go when rolled up to actors of one kind.
struct RollUpPlan {
    /// Per Dataset::actors index: the actor its claims count for; the actor itself when it is of
    /// the kind, or when no part_of/member_of chain from it reaches an actor of the kind.
    std::vector<Index> target;
    /// Actors that reach more than one actor of the kind at the nearest level (a joint body part
    /// of two states), in dataset order; each goes to the parent named first in claim order.
    std::vector<Index> ambiguous;
};

/// The roll-up of `data`'s actors to actors of `kind`: from each actor the chain of its built-in
/// `part_of` and `member_of` claims (subject -> object, negated claims not followed) is searched
/// breadth-first, parents in claim order, and the first actor of `kind` at the nearest level is
/// its target. An actor of `kind` is its own target (a state's membership in an organisation does
/// not move it when rolling up to states). Positions are not moved: their holder is. O(actors +
/// claims); throws std::bad_alloc. Method: the actor hierarchies event coders use (ICEWS sectors
/// roll up to the country; Boschee et al. 2015, ICEWS Coded Event Data, Harvard Dataverse).
RollUpPlan plan_roll_up(const Dataset& data, ActorKind kind);

/// What a roll-up did to a dataset's claims.
struct RollUpReport {
    std::size_t moved = 0;         ///< Claims whose subject or object was replaced by its target.
    std::size_t within = 0;        ///< Claims left out because both ends rolled up to one actor.
    std::vector<Index> ambiguous;  ///< RollUpPlan::ambiguous, by index into the dataset's actors.
};

/// Rolls `data` up to actors of `kind` in place (plan_roll_up): every claim's subject and object
/// replaced by their targets, each moved claim's note starting "rolled up from SUBJECT -> OBJECT"
/// (the original ids), the claims whose two ends become one actor removed (the hierarchy's own
/// part_of claims among them, and a ministry's claims about its own state), and each position's
/// holder replaced by its target. Actors are kept. Returns what it did. O(actors + claims);
/// throws std::bad_alloc.
RollUpReport roll_up(Dataset& data, ActorKind kind);

}  // namespace entente
