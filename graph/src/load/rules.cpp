#include "load/rules.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "model/id_table.hpp"
#include "model/pages.hpp"

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

// A warning's kind: its message with the quoted names and the parenthesized locations left out.
std::string warning_kind(const std::string& message) {
    std::string out;
    char closing = 0;
    for (char c : message) {
        if (closing != 0) {
            if (c == closing) {
                out += "\u2026";
                out += c;
                closing = 0;
            }
            continue;
        }
        out += c;
        if (c == '"' || c == '(') {
            closing = c == '"' ? '"' : ')';
        }
    }
    return out;
}

}  // namespace

// Keeps the first max_similar warnings of each kind; the rest of a kind become one
// warning where the first of them was, saying how many. Returns how many fewer warnings are
// listed than were found.
std::size_t cap_similar_warnings(std::vector<Diagnostic>& diagnostics, std::size_t max_similar) {
    struct Kind {
        std::size_t seen = 0;
        std::size_t summary = 0;  // index of the summing-up warning in `kept`
    };
    std::unordered_map<std::string, Kind> kinds;
    std::vector<Diagnostic> kept;
    std::size_t omitted = 0;
    for (auto& d : diagnostics) {
        if (d.severity != Severity::warning) {
            kept.push_back(std::move(d));
            continue;
        }
        const std::string kind = warning_kind(d.message);
        Kind& k = kinds[kind];
        if (++k.seen <= max_similar) {
            kept.push_back(std::move(d));
            continue;
        }
        if (k.seen == max_similar + 1) {
            k.summary = kept.size();
            kept.push_back({Severity::warning, d.file, 0, 0, "", kind});
        } else {
            ++omitted;
        }
    }
    for (const auto& [kind, k] : kinds) {
        if (k.seen > max_similar) {
            const std::size_t more = k.seen - max_similar;
            kept[k.summary].message = "\u2026 and " + std::to_string(more) + " more warning" +
                                      (more == 1 ? "" : "s") + " like these: " + kind;
        }
    }
    diagnostics = std::move(kept);
    return omitted;
}

// A stable id from a claim's content, so ids survive reordering and edits elsewhere.
std::string content_id(const Claim& claim, const Dataset& data) {
    std::uint64_t hash = 1469598103934665603ULL;
    auto mix = [&](std::string_view text) {
        for (char c : text) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ULL;
        }
        hash ^= 0x1f;
        hash *= 1099511628211ULL;
    };
    mix(data.actors[claim.subject].id);
    mix(data.relations[claim.relation].id);
    mix(data.actors[claim.object].id);
    mix(data.sources[claim.source].id);
    mix(claim.quote);
    static constexpr char digits[] = "0123456789abcdef";
    std::string id = "c-";
    for (int shift = 36; shift >= 0; shift -= 4) {
        id += digits[(hash >> shift) & 0xF];
    }
    return id;
}

// The same claim twice, and a source contradicting itself: found from the claims' immutable
// fields only (rules.hpp says which), so that another thread may run it.
ClaimWarningSearch::ClaimWarningSearch(const Dataset& data) : data_(data) {
    const auto n = static_cast<Index>(data.claims.size());
    // Both warnings compare claims of one source only, so the claims are bucketed by source
    // (a counting sort, in file order within each source) and each bucket sorted on its own:
    // small sorts that stay in cache, even for millions of claims.
    start_.assign(data.sources.size() + 1, 0);
    for (const Claim& c : data.claims) {
        if (resolved(c)) {
            ++start_[c.source + 1];
        }
    }
    for (std::size_t s = 1; s < start_.size(); ++s) {
        start_[s] += start_[s - 1];
    }
    by_source_.resize(start_.back());
    std::vector<Index> next(start_.begin(), start_.end() - 1);
    for (Index i = 0; i < n; ++i) {
        if (resolved(data.claims[i])) {
            by_source_[next[data.claims[i].source]++] = i;
        }
    }
}

void ClaimWarningSearch::search() {
    // What a claim is found to be, per claim of the source being checked (by its place in the
    // source's bucket), then kept only for the claims it names: a dense table over every claim
    // took 12 bytes a claim at the load's peak.
    std::vector<ClaimWarning> found;
    std::vector<ClaimWarning> bucket;
    // Same subject, relation and object (symmetric relations in either order), modality,
    // negation and dates: a prediction of what is also stated is no repeat, nor is the same
    // relation in another period (an event data set's January and February); ties sort by claim
    // index, so "first" means first in the file, as a reader expects.
    struct Key {
        std::array<Index, 7> fields;
        Index member;  // place in the bucket, which is in file order
        auto operator<=>(const Key&) const = default;
    };
    // A source contradicts itself when it gives opposite signs between the same two actors at
    // overlapping dates, in one modality (a recommendation may oppose what is stated; a negated
    // claim contradicts nothing of the other sign). Symmetric claims are filed under both
    // directions, so either reading can conflict; a claim reports the first earlier conflicting
    // claim, its own direction first.
    struct Filing {
        Index modality, from, to, member, reverse;
        auto operator<=>(const Filing&) const = default;
    };
    std::vector<Key> keys;
    std::vector<Filing> filings;
    const std::size_t sources = start_.size() - 1;
    for (std::size_t s = 0;; ++s) {
        // A batch of sources at a time, from wherever the threads searching have got to.
        if (s % batch == 0) {
            s = next_source_.fetch_add(batch, std::memory_order_relaxed);
        }
        if (s >= sources) {
            break;
        }
        if (start_[s + 1] - start_[s] < 2) {
            continue;
        }
        const Index* const members = by_source_.data() + start_[s];
        const Index size = start_[s + 1] - start_[s];
        bucket.assign(size, {no_index, no_index, {no_index, no_index}});
        keys.clear();
        for (Index k = 0; k < size; ++k) {
            const Claim& c = data_.claims[members[k]];
            Index a = c.subject;
            Index b = c.object;
            if (data_.relations[c.relation].symmetric && b < a) {
                std::swap(a, b);
            }
            keys.push_back({{a, c.relation, b, static_cast<Index>(c.modality),
                             static_cast<Index>(c.negated ? 1 : 0),
                             static_cast<Index>(c.from ? c.from->earliest() : 0),
                             static_cast<Index>(c.until ? c.until->latest() : 99999999)},
                            k});
        }
        std::sort(keys.begin(), keys.end());
        for (std::size_t k = 1; k < keys.size(); ++k) {
            if (keys[k].fields == keys[k - 1].fields) {
                const ClaimWarning& previous = bucket[keys[k - 1].member];
                bucket[keys[k].member].duplicate_of = previous.duplicate_of == no_index
                                                          ? members[keys[k - 1].member]
                                                          : previous.duplicate_of;
            }
        }

        filings.clear();
        for (Index k = 0; k < size; ++k) {
            const Claim& c = data_.claims[members[k]];
            if (bucket[k].duplicate_of != no_index || data_.relations[c.relation].polarity == 0 ||
                c.negated) {
                continue;  // a repeated claim is reported as such, not filed again
            }
            const auto modality = static_cast<Index>(c.modality);
            filings.push_back({modality, c.subject, c.object, k, 0});
            if (data_.relations[c.relation].symmetric) {
                filings.push_back({modality, c.object, c.subject, k, 1});
            }
        }
        std::sort(filings.begin(), filings.end());
        for (std::size_t begin = 0; begin < filings.size();) {
            std::size_t end = begin + 1;
            while (end < filings.size() && filings[end].modality == filings[begin].modality &&
                   filings[end].from == filings[begin].from &&
                   filings[end].to == filings[begin].to) {
                ++end;
            }
            // For an undated claim every earlier claim overlaps, so the first of the opposite
            // sign is the answer; only dated claims need the scan.
            Index first_positive = no_index;
            Index first_negative = no_index;
            for (std::size_t p = begin; p < end; ++p) {
                const Index i = members[filings[p].member];
                const Claim& c = data_.claims[i];
                const int polarity = data_.relations[c.relation].polarity;
                Index conflict = no_index;
                if (!c.from && !c.until) {
                    conflict = polarity > 0 ? first_negative : first_positive;
                } else {
                    for (std::size_t q = begin; q < p; ++q) {
                        const Index j = members[filings[q].member];
                        const Claim& other = data_.claims[j];
                        if (data_.relations[other.relation].polarity == -polarity &&
                            overlaps(c, other)) {
                            conflict = j;
                            break;
                        }
                    }
                }
                bucket[filings[p].member].conflicts[filings[p].reverse] = conflict;
                Index& first = polarity > 0 ? first_positive : first_negative;
                if (first == no_index) {
                    first = i;
                }
            }
            begin = end;
        }
        for (Index k = 0; k < size; ++k) {
            ClaimWarning& f = bucket[k];
            if (f.duplicate_of != no_index || f.conflicts[0] != no_index ||
                f.conflicts[1] != no_index) {
                f.claim = members[k];
                found.push_back(f);
            }
        }
    }

    const std::lock_guard<std::mutex> lock(mutex_);
    found_.insert(found_.end(), found.begin(), found.end());
}

std::vector<ClaimWarning> ClaimWarningSearch::found() {
    // The buckets go at once (at 10^6 claims 4 MB, which the load's peak, later, would count),
    // their pages given back first: freed into a heap of malloc's, they stayed resident.
    drop_whole_pages(by_source_.data(), by_source_.data() + by_source_.size());
    by_source_ = std::vector<Index>();
    start_ = std::vector<Index>();
    // Reported in file order, as a reader goes through the file.
    std::sort(found_.begin(), found_.end(),
              [](const ClaimWarning& a, const ClaimWarning& b) { return a.claim < b.claim; });
    return std::move(found_);
}

std::vector<ClaimWarning> find_claim_warnings(const Dataset& data) {
    ClaimWarningSearch search(data);
    search.search();
    return search.found();
}

namespace {

// The claim warnings found, as messages; these read the claims' ids, which the other rules may
// have just assigned.
void report_claim_warnings(const Dataset& data, const std::vector<ClaimWarning>& found,
                           const RecordSites& sites, std::vector<Finding>& out) {
    for (const ClaimWarning& f : found) {
        const Claim& c = data.claims[f.claim];
        if (f.duplicate_of != no_index) {
            const Index first = f.duplicate_of;
            out.push_back({Severity::warning, Table::claims, f.claim, std::nullopt,
                           "same subject, relation, object and source as claim \"" +
                               data.claims[first].id + "\" (" + sites.site(Table::claims, first) +
                               ")"});
            continue;
        }
        const Index other = f.conflicts[0] != no_index ? f.conflicts[0] : f.conflicts[1];
        out.push_back({Severity::warning, Table::claims, f.claim, std::nullopt,
                       "source \"" + data.sources[c.source].id +
                           "\" contradicts itself: this claim says \"" + claim_text(data, c) +
                           "\", claim \"" + data.claims[other].id + "\" (" +
                           sites.site(Table::claims, other) + ") says \"" +
                           claim_text(data, data.claims[other]) + "\""});
    }
}

// Actors whose id, name or alias folds to the same key as an earlier actor's.
void check_shared_names(const Dataset& data, const NameIndex& names, std::vector<Finding>& out) {
    for (const auto& [key, actors] : names.shared_keys()) {
        // The first actor keeps the name; each later one is told who else answers to it.
        for (std::size_t k = 1; k < actors.size(); ++k) {
            if (data.actors[actors[k]].id == data.actors[actors[0]].id) {
                continue;  // a duplicate id, reported as an error already
            }
            out.push_back({Severity::warning, Table::actors, actors[k], std::nullopt,
                           "actor \"" + data.actors[actors[k]].id + "\" shares the name \"" + key +
                               "\" with actor \"" + data.actors[actors[0]].id +
                               "\"; looking it up by that name is ambiguous"});
        }
    }
}

}  // namespace

void check_warnings(const Dataset& data, const std::vector<ClaimWarning>& found,
                    const NameIndex& names, const RecordSites& sites, std::vector<Finding>& out) {
    report_claim_warnings(data, found, sites, out);
    check_shared_names(data, names, out);
}

std::string holder_on_non_position(const Actor& actor) {
    return "\"holder\" is allowed only on positions, and \"" + actor.id + "\" is a " +
           std::string(to_string(actor.kind));
}

namespace {

// Reports every record whose id an earlier record of the same table already has.
template <class Record>
void check_unique_ids(const std::vector<Record>& records, Table table, std::size_t first,
                      const RecordSites& sites, std::vector<Finding>& out) {
    // Open addressing over the records' own ids (id_table.hpp), no node a record: node maps
    // here and in complete_claims were 3 to 5% of `path` at 10^7 claims (10^5 actors).
    std::vector<Index> seen = make_id_slots(records.size() - std::min(first, records.size()));
    const auto id_of = [&](Index i) -> std::string_view { return records[i].id; };
    for (std::size_t i = first; i < records.size(); ++i) {
        const std::string_view id = records[i].id;
        if (id.empty()) {
            continue;  // missing or malformed, reported where it was read
        }
        if (const Index earlier = insert_id(seen, static_cast<Index>(i), id_of);
            earlier != no_index) {
            out.push_back({Severity::error, table, static_cast<Index>(i), Field::id,
                           "duplicate " + std::string(table_spec(table).singular) + " id \"" + id +
                               "\" (first defined at " + sites.site(table, earlier) + ")"});
        }
    }
}

}  // namespace

void check_records(const Dataset& data, const RecordSites& sites, std::vector<Finding>& out,
                   std::vector<Index>* claim_slots) {
    check_unique_ids(data.sources, Table::sources, 0, sites, out);
    check_unique_ids(data.actors, Table::actors, 0, sites, out);

    // A dataset's relations come after the built-in ones, which it may not redefine.
    std::size_t builtins = 0;
    while (builtins < data.relations.size() && data.relations[builtins].builtin) {
        ++builtins;
    }
    std::vector<Relation> own;
    std::vector<Index> own_index;
    for (std::size_t i = builtins; i < data.relations.size(); ++i) {
        const Relation& r = data.relations[i];
        const bool redefines = std::any_of(data.relations.begin(),
                                           data.relations.begin() + static_cast<long>(builtins),
                                           [&](const Relation& b) { return b.id == r.id; });
        if (redefines && !r.id.empty()) {
            out.push_back({Severity::error, Table::relations, static_cast<Index>(i), Field::id,
                           "relation \"" + r.id + "\" is built in; a dataset cannot redefine it"});
        }
    }
    {
        std::unordered_map<std::string_view, Index> seen;
        for (std::size_t i = builtins; i < data.relations.size(); ++i) {
            const std::string& id = data.relations[i].id;
            if (id.empty() || std::any_of(data.relations.begin(),
                                          data.relations.begin() + static_cast<long>(builtins),
                                          [&](const Relation& b) { return b.id == id; })) {
                continue;
            }
            const auto [it, inserted] = seen.emplace(id, static_cast<Index>(i));
            if (!inserted) {
                out.push_back({Severity::error, Table::relations, static_cast<Index>(i), Field::id,
                               "duplicate relation id \"" + id + "\" (first defined at " +
                                   sites.site(Table::relations, it->second) + ")"});
            }
        }
    }

    // Claim ids: open addressing, four bytes a slot, for millions of claims. An insert reads a
    // slot and, when it is taken, the claim there: at 10^6 claims two cache misses (a table of
    // 8 MB, claims of 88 MB), 0.1 s of a load. So the slot of the claim `ahead` on is asked
    // for, and the claim in the slot of the one half as far on, by the time each is inserted.
    {
        const auto claim_id = [&](Index i) -> std::string_view { return data.claims[i].id; };
        std::vector<Index> slots = make_id_slots(data.claims.size());
        const std::size_t mask = slots.size() - 1;
        constexpr Index ahead = 16;
        std::array<std::size_t, ahead> hashes{};  // a ring: claim i's at i % ahead
        const auto n = static_cast<Index>(data.claims.size());
        for (Index i = 0; i < std::min(ahead, n); ++i) {
            hashes[i] = hash_id(claim_id(i));
        }
        for (Index i = 0; i < n; ++i) {
            const std::size_t hash = hashes[i % ahead];
            if (i + ahead < n) {
                hashes[i % ahead] = hash_id(claim_id(i + ahead));
                __builtin_prefetch(&slots[hashes[i % ahead] & mask]);
            }
            if (i + ahead / 2 < n) {
                if (const Index there = slots[hashes[(i + ahead / 2) % ahead] & mask];
                    there != no_index) {
                    __builtin_prefetch(&data.claims[there]);
                }
            }
            if (data.claims[i].id.empty()) {
                continue;
            }
            if (const Index first = insert_id(slots, i, hash, claim_id); first != no_index) {
                out.push_back({Severity::error, Table::claims, i, Field::id,
                               "duplicate claim id \"" + data.claims[i].id +
                                   "\" (first defined at " + sites.site(Table::claims, first) +
                                   ")"});
            }
        }
        if (claim_slots != nullptr) {
            *claim_slots = std::move(slots);
        }
    }

    for (Index i = 0; i < data.actors.size(); ++i) {
        const Actor& a = data.actors[i];
        if (a.holder == no_index) {
            continue;
        }
        if (a.kind != ActorKind::position) {
            out.push_back(
                {Severity::error, Table::actors, i, Field::holder, holder_on_non_position(a)});
            continue;
        }
        const Actor& h = data.actors[a.holder];
        if (!takes_sides(h.kind)) {
            // Holders take sides, so a chain of holders cannot loop back to a position.
            out.push_back({Severity::error, Table::actors, i, Field::holder,
                           "holder \"" + h.id + "\" is a " + std::string(to_string(h.kind)) +
                               "; a holder must be a state, organization, person or group"});
        }
    }

    for (Index i = 0; i < data.claims.size(); ++i) {
        const Claim& c = data.claims[i];
        if (c.subject != no_index && c.subject == c.object) {
            out.push_back({Severity::error, Table::claims, i, Field::object,
                           "subject and object are both \"" + data.actors[c.subject].id +
                               "\"; a claim relates two different actors"});
        }
        if (c.from && c.until && c.from->earliest() > c.until->latest()) {
            out.push_back({Severity::error, Table::claims, i, Field::from,
                           "\"from\" " + c.from->to_string() + " is after \"until\" " +
                               c.until->to_string()});
        }
    }
}

std::size_t assign_content_ids(Dataset& data, std::vector<Index>& slots) {
    if (std::none_of(data.claims.begin(), data.claims.end(),
                     [](const Claim& c) { return c.id.empty(); })) {
        return 0;
    }
    const auto claim_id = [&](Index i) -> std::string_view { return data.claims[i].id; };
    std::size_t lookups = 0;
    // The number a clashing id gets is the smallest free one from 2 up; remembering where each
    // base id's search stopped keeps identical claims linear rather than quadratic.
    std::unordered_map<std::string, int> next_suffix;
    for (Index i = 0; i < data.claims.size(); ++i) {
        Claim& c = data.claims[i];
        if (!c.id.empty() || c.subject == no_index || c.relation == no_index ||
            c.object == no_index || c.source == no_index) {
            continue;
        }
        const std::string base = content_id(c, data);
        std::string id = base;
        ++lookups;
        if (find_id(slots, id, claim_id) != no_index) {
            int& n = next_suffix.try_emplace(base, 2).first->second;
            do {
                id = base + "-" + std::to_string(n++);
                ++lookups;
            } while (find_id(slots, id, claim_id) != no_index);
        }
        c.id = std::move(id);
        c.id_assigned = true;
        insert_id(slots, i, claim_id);
    }
    return lookups;
}

void complete_claims(Dataset& data, TextArena* arena) {
    // Open addressing over the actors' own ids (id_table.hpp): no node an actor.
    std::vector<Index> actor_ids = make_id_slots(data.actors.size());
    const auto actor_id = [&](Index i) -> std::string_view { return data.actors[i].id; };
    for (Index i = 0; i < data.actors.size(); ++i) {
        insert_id(actor_ids, i, actor_id);  // a repeated id keeps its first actor
    }
    // Per source, the copy in `arena` of its fallback when the source keeps that inline: added
    // once, then borrowed by each of its claims rather than copied into a heap block for each.
    std::vector<std::string_view> in_arena(arena != nullptr ? data.sources.size() : 0);
    for (Claim& c : data.claims) {
        if (c.asserted_by.empty() && c.source != no_index) {
            const Source& s = data.sources[c.source];
            const CompactString& fallback = !s.author.empty()      ? s.author
                                            : !s.publisher.empty() ? s.publisher
                                                                   : s.title;
            // A borrowed text is in this dataset's arena (data.texts), so the claim borrows it
            // too; so does a text short enough to be inline in either string.
            if (fallback.borrows() || fallback.size() <= SlimString::inline_capacity) {
                c.asserted_by = SlimString::borrowing(fallback.view());
            } else if (arena != nullptr) {
                std::string_view& kept = in_arena[c.source];
                if (kept.data() == nullptr) {
                    kept = arena->add(fallback.view());
                }
                c.asserted_by = SlimString::borrowing(kept);
            } else {
                c.asserted_by = SlimString(fallback);
            }
        }
        c.asserted_by_actor = find_id(actor_ids, c.asserted_by.view(), actor_id);
    }
}

}  // namespace entente::detail
