#pragma once
/// @file Ties: the net signed weight of the claims between an actor and an object.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// One claim's share in a tie.
struct Evidence {
    Index claim = no_index;  ///< The claim.
    bool derived = false;    ///< True when it counts through a position's holder, at half weight.
    double weight = 0.0;     ///< Signed contribution: polarity x confidence, halved if derived.
};

/// The net signed weight of the claims between an actor and an object, in [-1, 1].
struct Tie {
    Index actor = no_index;          ///< Whose tie it is.
    Index object = no_index;         ///< To what: another actor, or a position.
    double value = 0.0;              ///< Sum of weights / max(1, sum of |weights|).
    std::vector<Evidence> evidence;  ///< The claims it rests on, in dataset order.

    /// -1, 0 or +1.
    int sign() const { return value > 0 ? 1 : value < 0 ? -1 : 0; }
    /// True when every claim behind the tie counts only through a position's holder.
    bool derived_only() const;
};

/// How ties are computed.
struct TieOptions {
    bool direct_only = false;  ///< Leave out derived ties (through positions' holders).
};

/// Every tie in a graph, computed once: stance vectors per actor and ties by pair.
///
/// A claim s -> o with polarity p and confidence c adds p*c to the tie of s to o. Ties between
/// two actors that are not positions are mutual, so it also adds to the tie of o to s; a
/// position's ties come only from the actor's own claims about it. A claim on a position that
/// has a holder h (other than s) also adds p*c/2, marked derived, to the mutual tie of s and h.
/// Structural claims (polarity 0) add nothing. A tie's value is the sum of its weights divided
/// by max(1, the sum of their absolute values): the weighted mean sign once there is a claim's
/// worth of evidence, scaled down below that.
class TieTable {
  public:
    /// Computes every tie of the graph.
    TieTable(const KnowledgeGraph& graph, TieOptions options = {});
    /// The actor's non-zero and zero ties (every object it has a signed claim with), by object.
    const std::vector<Tie>& stance(Index actor) const { return stances_[actor]; }
    /// The tie of `actor` to `object`, or nullptr when no signed claim joins them.
    const Tie* find(Index actor, Index object) const;

  private:
    std::vector<std::vector<Tie>> stances_;
};

}  // namespace entente
