#pragma once
// Internal: rules both loaders apply once the tables are built: assigned ids and warnings.

#include <string>
#include <vector>

#include "entente/load/diagnostic.hpp"
#include "entente/model/errors.hpp"

#include "entente/model/knowledge_graph.hpp"
#include "entente/model/model.hpp"

namespace entente::detail {

/// A stable id from a claim's content ("c-" and ten hex digits); fields must be resolved.
std::string content_id(const Claim& claim, const Dataset& data);

/// Where warnings go: each loader knows its own records' positions.
class WarningSink {
  public:
    virtual ~WarningSink() = default;
    /// A warning about claim `claim`, reported at the claim's record.
    virtual void warn_claim(Index claim, std::string message) = 0;
    /// A warning about actor `actor`, reported at the actor's record.
    virtual void warn_actor(Index actor, std::string message) = 0;
    /// "file:line:column" of claim `claim`'s record, for messages that point at another claim.
    virtual std::string claim_location(Index claim) const = 0;
};

/// The same claim twice (subject, relation, object and source), and a source contradicting
/// itself (opposite signs between the same actors at overlapping dates). Claims with an
/// unresolved field are skipped.
void check_claim_warnings(const Dataset& data, WarningSink& sink);

/// Keeps the first `max_similar` warnings of each kind (the message without its quoted names and
/// parenthesized places); the rest of a kind become one summing-up warning. Returns how many
/// warnings are no longer listed.
std::size_t cap_similar_warnings(std::vector<Diagnostic>& diagnostics, std::size_t max_similar);

/// Actors whose id, name or alias folds to the same key as an earlier actor's.
void check_shared_names(const Dataset& data, const NameIndex& names, WarningSink& sink);

}  // namespace entente::detail
