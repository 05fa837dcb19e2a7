#pragma once
/// @file Ties: the net signed weight of the claims between an actor and an object.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// One claim's share in a tie.
struct Evidence {
    Index claim = no_index;  ///< The claim: an index into Dataset::claims.
    bool derived = false;    ///< True when it counts through a position's holder, at half weight.
    /// Signed contribution: polarity x confidence, halved if derived; in [-1, 1]; 0 exactly for
    /// an abstention (abstains_on), never otherwise.
    double weight = 0.0;

    /// True for an abstention (weight 0). Throws nothing.
    bool abstention() const { return weight == 0.0; }
};

/// The net signed weight of the claims between an actor and an object, in [-1, 1].
struct Tie {
    Index actor = no_index;   ///< Whose tie it is: an index into Dataset::actors.
    Index object = no_index;  ///< To what: another actor, or a position (Dataset::actors).
    /// Sum of weights / max(1, sum of |weights|), in [-1, 1]; exactly 0 when the weights cancel
    /// (|value| < 1e-12).
    double value = 0.0;
    std::vector<Evidence> evidence;  ///< The claims it rests on, in dataset order; never empty.

    /// The sign of `value`: -1, 0 or +1. Throws nothing.
    int sign() const { return value > 0 ? 1 : value < 0 ? -1 : 0; }
    /// True when every claim behind the tie counts only through a position's holder. Throws
    /// nothing.
    bool derived_only() const;
};

/// The id of the built-in relation of the neutral stance.
inline constexpr const char* abstention_relation = "abstains_on";

/// How ties are computed.
struct TieOptions {
    bool direct_only = false;  ///< Leave out derived ties (through positions' holders).
};

/// Every tie in a graph, computed once: stance vectors per actor and ties by pair. Immutable once
/// built, and holds no reference to the graph; the Tie pointers queries return point into it and
/// live as long as it does.
///
/// A claim s -> o with polarity p and confidence c adds p*c to the tie of s to o. When neither s
/// nor o is a position it also adds p*c to the tie of o to s, so ties between such actors are
/// mutual; an actor's tie to a position comes only from its own claims about it, and a position
/// has ties only as the subject of claims. A claim on a position that has a holder h (other than
/// s) also adds p*c/2, marked derived, to the tie of s to h, and to the tie of h to s unless s is
/// a position. An abstention (the built-in abstains_on) adds weight 0 to the tie of its subject
/// to its object only: a stance held, taking no side (docs/queries.md, Stances); other
/// structural claims (polarity 0) and negated claims (Claim::negated: the relation does not hold)
/// add nothing. The relation's `symmetric` flag plays
/// no part. A tie's value is the sum of its weights divided by max(1, the sum of their absolute
/// values): the weighted mean sign once there is a claim's worth of evidence, scaled down below
/// that. The definition is entente's own (docs/queries.md, Ties).
class TieTable {
  public:
    /// Computes every tie of the graph (with derived ties unless `options.direct_only`):
    /// O(claims + T log T) for T ties. Throws std::bad_alloc.
    TieTable(const KnowledgeGraph& graph, TieOptions options = {});
    /// The ties of `actor` (an index of the graph), ordered by object index: one per object that
    /// signed claims or its abstentions tie it to, directly or derived, including ties whose
    /// claims cancel to 0 and abstentions (value 0): the actor's stances.
    /// Throws nothing.
    const std::vector<Tie>& stance(Index actor) const { return stances_[actor]; }
    /// The tie of `actor` to `object` (indices of the graph), or nullptr when no signed claim or
    /// abstention joins them that way. O(log stance size); throws nothing.
    const Tie* find(Index actor, Index object) const;

  private:
    std::vector<std::vector<Tie>> stances_;
};

}  // namespace entente
