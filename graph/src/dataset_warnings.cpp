#include "dataset_warnings.hpp"

#include <algorithm>
#include <array>
#include <tuple>
#include <vector>

namespace entente::detail {

namespace {

bool overlaps(const Claim& a, const Claim& b) {
    const int a_from = a.from ? a.from->earliest() : 0;
    const int a_until = a.until ? a.until->latest() : 99999999;
    const int b_from = b.from ? b.from->earliest() : 0;
    const int b_until = b.until ? b.until->latest() : 99999999;
    return a_from <= b_until && b_from <= a_until;
}

std::string claim_text(const Dataset& data, const Claim& c) {
    return data.actors[c.subject].id + " " + data.relations[c.relation].id + " " +
           data.actors[c.object].id;
}

bool resolved(const Claim& c) {
    return c.subject != no_index && c.relation != no_index && c.object != no_index &&
           c.source != no_index;
}

}  // namespace

void check_claim_warnings(const Dataset& data, WarningSink& sink) {
    const auto n = static_cast<Index>(data.claims.size());
    // Sorting keys rather than filling ordered maps keeps this linear-ish on millions of claims;
    // ties sort by claim index, so "first" means first in the file, as a reader expects.
    struct Key {
        std::array<Index, 4> fields;
        Index claim;
        auto operator<=>(const Key&) const = default;
    };
    std::vector<Key> keys;
    keys.reserve(n);
    for (Index i = 0; i < n; ++i) {
        const Claim& c = data.claims[i];
        if (!resolved(c)) {
            continue;
        }
        Index a = c.subject;
        Index b = c.object;
        if (data.relations[c.relation].symmetric && b < a) {
            std::swap(a, b);
        }
        keys.push_back({{a, c.relation, b, c.source}, i});
    }
    std::sort(keys.begin(), keys.end());
    std::vector<Index> duplicate_of(n, no_index);
    for (std::size_t k = 1; k < keys.size(); ++k) {
        if (keys[k].fields == keys[k - 1].fields) {
            const Index first = duplicate_of[keys[k - 1].claim] == no_index
                                    ? keys[k - 1].claim
                                    : duplicate_of[keys[k - 1].claim];
            duplicate_of[keys[k].claim] = first;
        }
    }
    keys = {};

    // A source contradicts itself when it gives opposite signs between the same two actors at
    // overlapping dates. Symmetric claims are filed under both directions, so either reading
    // can conflict; a claim reports the first earlier conflicting claim, its own direction first.
    struct Filing {
        Index source, from, to, claim, reverse;
        auto operator<=>(const Filing&) const = default;
    };
    std::vector<Filing> filings;
    for (Index i = 0; i < n; ++i) {
        const Claim& c = data.claims[i];
        if (!resolved(c) || duplicate_of[i] != no_index ||
            data.relations[c.relation].polarity == 0) {
            continue;
        }
        filings.push_back({c.source, c.subject, c.object, i, 0});
        if (data.relations[c.relation].symmetric) {
            filings.push_back({c.source, c.object, c.subject, i, 1});
        }
    }
    std::sort(filings.begin(), filings.end());
    std::vector<std::array<Index, 2>> conflict(n, {no_index, no_index});
    for (std::size_t begin = 0; begin < filings.size();) {
        std::size_t end = begin + 1;
        while (end < filings.size() && filings[end].source == filings[begin].source &&
               filings[end].from == filings[begin].from && filings[end].to == filings[begin].to) {
            ++end;
        }
        // For an undated claim every earlier claim overlaps, so the first of the opposite sign
        // is the answer; only dated claims need the scan.
        Index first_positive = no_index;
        Index first_negative = no_index;
        for (std::size_t p = begin; p < end; ++p) {
            const Claim& c = data.claims[filings[p].claim];
            const int polarity = data.relations[c.relation].polarity;
            Index found = no_index;
            if (!c.from && !c.until) {
                found = polarity > 0 ? first_negative : first_positive;
            } else {
                for (std::size_t q = begin; q < p; ++q) {
                    const Claim& other = data.claims[filings[q].claim];
                    if (data.relations[other.relation].polarity == -polarity &&
                        overlaps(c, other)) {
                        found = filings[q].claim;
                        break;
                    }
                }
            }
            conflict[filings[p].claim][filings[p].reverse] = found;
            Index& first = polarity > 0 ? first_positive : first_negative;
            if (first == no_index) {
                first = filings[p].claim;
            }
        }
        begin = end;
    }
    filings = {};

    for (Index i = 0; i < n; ++i) {
        const Claim& c = data.claims[i];
        if (duplicate_of[i] != no_index) {
            const Index first = duplicate_of[i];
            sink.warn_claim(i, "same subject, relation, object and source as claim \"" +
                                   data.claims[first].id + "\" (" + sink.claim_location(first) +
                                   ")");
            continue;
        }
        const Index other = conflict[i][0] != no_index ? conflict[i][0] : conflict[i][1];
        if (other == no_index) {
            continue;
        }
        sink.warn_claim(i, "source \"" + data.sources[c.source].id +
                               "\" contradicts itself: this claim says \"" + claim_text(data, c) +
                               "\", claim \"" + data.claims[other].id + "\" (" +
                               sink.claim_location(other) + ") says \"" +
                               claim_text(data, data.claims[other]) + "\"");
    }
}

void check_shared_names(const Dataset& data, const NameIndex& names, WarningSink& sink) {
    for (const auto& [key, actors] : names.shared_keys()) {
        // The first actor keeps the name; each later one is told who else answers to it.
        for (std::size_t k = 1; k < actors.size(); ++k) {
            if (data.actors[actors[k]].id == data.actors[actors[0]].id) {
                continue;  // a duplicate id, reported as an error already
            }
            sink.warn_actor(actors[k], "actor \"" + data.actors[actors[k]].id +
                                           "\" shares the name \"" + key + "\" with actor \"" +
                                           data.actors[actors[0]].id +
                                           "\"; looking it up by that name is ambiguous");
        }
    }
}

}  // namespace entente::detail
