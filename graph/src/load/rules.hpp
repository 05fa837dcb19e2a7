#pragma once
// Internal: the rules that span records — duplicate ids, holders, claims that relate an actor to
// itself or end before they start — and the warnings (repeated claims, a source contradicting
// itself, shared names). They run once, here, on the tables a reader built: the JSON reader's
// and the compiled form's alike. Findings name a record and a field; each reader locates them.

#include <array>
#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "entente/load/diagnostic.hpp"
#include "entente/model/model.hpp"
#include "entente/model/name_index.hpp"
#include "load/schema.hpp"

namespace entente::detail {

/// A problem found in the tables, before it is located in a file.
struct Finding {
    Severity severity = Severity::error;  ///< Errors stop the load; warnings do not.
    Table table = Table::claims;          ///< The table of the record it is about.
    Index record = no_index;              ///< The record's index in its table.
    std::optional<Field> field;           ///< The field it is about, or the record as a whole.
    std::string message;                  ///< What is wrong.
};

/// Where records are, for messages that point at another record ("first defined at ...").
class RecordSites {
  public:
    virtual ~RecordSites() = default;
    /// Where record `record` of `table` is, as a message shows it: "FILE:LINE:COLUMN", or
    /// "FILE (at /POINTER)" where a reader has no positions.
    virtual std::string site(Table table, Index record) const = 0;
};

/// The error for a holder given to an actor that is not a position.
std::string holder_on_non_position(const Actor& actor);

/// The record rules, on tables whose references are resolved (or no_index where they could not
/// be, which the reader has reported): ids unique within each table and no dataset relation
/// redefining a built-in one; holders only on positions, and only actors that take sides as
/// holders (so holders cannot loop); no claim relating an actor to itself; no claim whose "from"
/// is after its "until". Empty ids and unresolved references are skipped. `claim_slots`, when
/// given, receives the table of claim ids it checked uniqueness with (make_id_slots/insert_id,
/// every claim with an id, the first of a repeated one), for assign_content_ids and the graph.
void check_records(const Dataset& data, const RecordSites& sites, std::vector<Finding>& out,
                   std::vector<Index>* claim_slots = nullptr);

/// A claim a warning is about: the first claim it repeats (subject, relation, object, source,
/// modality, negation and dates), else the first earlier claim of its source it contradicts, in
/// its own direction ([0]) or, for a symmetric relation, the other ([1]); no_index where none.
struct ClaimWarning {
    Index claim = no_index;                              ///< The claim warned about.
    Index duplicate_of = no_index;                       ///< The first claim it repeats.
    std::array<Index, 2> conflicts{no_index, no_index};  ///< The first claim it contradicts.
};

/// The claims check_warnings warns about, in claim order: repeated claims and sources
/// contradicting themselves, found by sorting each source's claims (O(n log n) in the claims).
/// It reads only the claims' subject, relation, object, source, modality, negation and dates
/// and the relations' symmetry and polarity, never an id or a text, so it may run on another
/// thread while check_records, assign_content_ids and complete_claims write ids and asserters.
/// Throws std::bad_alloc.
std::vector<ClaimWarning> find_claim_warnings(const Dataset& data);

/// find_claim_warnings in steps, for two threads: the constructor buckets the claims by source
/// (O(n)); search() checks sources not yet taken, a batch at a time, until none is left, and
/// may run on several threads at once (the load's second thread starts it, and the loading
/// thread joins in once its own rules are done); found() gives what every search found, in
/// claim order, once all have returned, and frees the buckets (call it once). Reads what
/// find_claim_warnings reads. Throws std::bad_alloc.
class ClaimWarningSearch {
  public:
    explicit ClaimWarningSearch(const Dataset& data);
    void search();
    std::vector<ClaimWarning> found();

  private:
    static constexpr std::size_t batch = 16;  // sources taken at a time
    const Dataset& data_;
    std::vector<Index> start_;      // per source, where its claims start in by_source_
    std::vector<Index> by_source_;  // claim indices, by source, in file order
    std::atomic<std::size_t> next_source_{0};
    std::mutex mutex_;
    std::vector<ClaimWarning> found_;
};

/// The warnings: the same claim twice (subject, relation, object and source) and a source
/// contradicting itself (opposite signs between the same actors at overlapping dates), as
/// find_claim_warnings(data) found them (`found`), and actors whose id, name or alias folds to
/// the same key as an earlier actor's (`names`, the index of data.actors).
void check_warnings(const Dataset& data, const std::vector<ClaimWarning>& found,
                    const NameIndex& names, const RecordSites& sites, std::vector<Finding>& out);

/// Gives every claim without an id a stable one from its content ("c-" and ten hex digits),
/// numbered "-2", "-3", ... on a clash, in time linear in the number of claims. Claims with an
/// unresolved field are left alone. `slots` is check_records' table of the claim ids given; the
/// assigned ones are added to it. Returns how many ids it looked up (for tests of the work).
std::size_t assign_content_ids(Dataset& data, std::vector<Index>& slots);

/// Fills what a file may leave out: who asserts a claim (its source's author, else publisher,
/// else title), and which actor that is when it names one by id. A claim borrows its fallback
/// where the source's bytes are in the dataset's arena; else from `arena` (the dataset's, or
/// null), where the fallback is added once a source; else each claim copies it. Throws
/// std::bad_alloc.
void complete_claims(Dataset& data, TextArena* arena = nullptr);

/// A stable id from a claim's content ("c-" and ten hex digits); fields must be resolved.
std::string content_id(const Claim& claim, const Dataset& data);

/// Keeps the first `max_similar` warnings of each kind (the message without its quoted names and
/// parenthesized places); the rest of a kind become one summing-up warning. Returns how many
/// warnings are no longer listed.
std::size_t cap_similar_warnings(std::vector<Diagnostic>& diagnostics, std::size_t max_similar);

}  // namespace entente::detail
