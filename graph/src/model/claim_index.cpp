#include "entente/model/claim_index.hpp"

namespace entente {

std::uint32_t claim_end_flags(const Claim& claim) {
    return static_cast<std::uint32_t>(claim.modality) | (claim.negated ? 8U : 0U);
}

namespace {

// What the index keeps of a claim, read once in claim order: the sorts below visit claims in an
// order of their own, and reading these 16 bytes there rather than whole claims (a few hundred
// bytes apart) kept a million-claim index from waiting on memory.
struct Ends {
    Index subject;
    Index object;
    Index relation;
    std::uint32_t flags;
};

// Counting sort of the claims by `key`, keeping the order of `order` among equal keys: the
// offsets (keys + 1 of them) and the claims in their new order.
template <class Key>
std::vector<Index> stable_by(const std::vector<Ends>& ends, const std::vector<Index>& order,
                             std::size_t keys, Key key, std::vector<std::uint64_t>& start) {
    start.assign(keys + 1, 0);
    for (Index c : order) {
        ++start[key(ends[c]) + 1];
    }
    for (std::size_t k = 0; k < keys; ++k) {
        start[k + 1] += start[k];
    }
    std::vector<std::uint64_t> next(start.begin(), start.end() - 1);
    std::vector<Index> out(order.size());
    for (Index c : order) {
        out[next[key(ends[c])]++] = c;
    }
    return out;
}

}  // namespace

ClaimIndex::ClaimIndex(const Dataset& data) {
    const auto& claims = data.claims;
    const std::size_t actors = data.actors.size();
    std::vector<Ends> ends;
    ends.reserve(claims.size());
    // A claim with an end past the actors is left out rather than written out of bounds: tests
    // build graphs of forged tables only to encode them, and the decoder must be the one to
    // refuse them.
    std::vector<Index> order;
    order.reserve(claims.size());
    for (Index c = 0; c < claims.size(); ++c) {
        const Claim& claim = claims[c];
        ends.push_back({claim.subject, claim.object, claim.relation, claim_end_flags(claim)});
        if (claim.subject < actors && claim.object < actors) {
            order.push_back(c);
        }
    }
    // Sorted by the other end first, then stably by the actor listed: each actor's list comes
    // out ordered by (other, claim), as a walk merging two lists needs (least significant key
    // first, as in a radix sort).
    auto subject = [](const Ends& e) { return e.subject; };
    auto object = [](const Ends& e) { return e.object; };
    std::vector<std::uint64_t> scratch;
    const auto by_object = stable_by(ends, order, actors, object, scratch);
    const auto subject_order = stable_by(ends, by_object, actors, subject, subject_start_);
    const auto by_subject = stable_by(ends, order, actors, subject, scratch);
    const auto object_order = stable_by(ends, by_subject, actors, object, object_start_);
    subject_.reserve(order.size());
    for (Index c : subject_order) {
        const Ends& e = ends[c];
        subject_.push_back({e.object, c, e.relation, e.flags});
    }
    object_.reserve(order.size());
    for (Index c : object_order) {
        const Ends& e = ends[c];
        object_.push_back({e.subject, c, e.relation, e.flags});
    }
}

}  // namespace entente
