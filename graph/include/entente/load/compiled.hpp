#pragma once
/// @file The compiled form: a loaded dataset in a binary file that loads without parsing JSON.
/// The layout (a header, a directory of sections with a checksum per 4 KiB block, then the
/// tables, the claims, the warnings and the claims indexed by their ends; little-endian) is in
/// docs/data-format.md, The compiled form. It is read two ways: whole (from_compiled, as any
/// load), or in place (CompiledView), where a query reads only the parts it needs.

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entente/load/loader.hpp"
#include "entente/model/claim_index.hpp"

namespace entente {

/// Version of the compiled form this build writes and reads; a file of another version is
/// refused with a message to compile it again.
inline constexpr std::uint32_t compiled_format_version = 6;

/// True when `bytes` begin with the compiled form's 12-byte signature ("\x89ENTENTE\r\n\x1a\n",
/// after PNG's). O(1); throws nothing.
bool is_compiled(std::string_view bytes);

/// The compiled form of a loaded dataset: every table, record and field, and the warnings of
/// `loaded` (with their original positions; its errors are left out), its file count and its
/// omitted-warning count. O(size of the dataset); throws std::bad_alloc.
std::string to_compiled(const KnowledgeGraph& graph, const LoadResult& loaded);

/// The compiled form of a graph with the given warnings (diagnostics of severity error are left
/// out), found in `files` files, of which `omitted_warnings` were summed up rather than listed.
/// O(size of the dataset); throws std::bad_alloc.
std::string to_compiled(const KnowledgeGraph& graph, const std::vector<Diagnostic>& warnings,
                        std::size_t files, std::size_t omitted_warnings = 0);

/// Reads a compiled dataset named `name` (the name diagnostics give). A file that is not one, is
/// truncated or damaged (length, a block's checksum, sections out of place, a claim index that
/// does not match the claims), of a foreign version, or with more records than
/// `limits.max_records`, gives one error diagnostic without line and no graph. A valid checksum
/// proves nothing about who wrote the file: every value and record then goes through the rules a
/// JSON file's do (text, ids, lengths against `limits`, polarities, confidences, calendar dates,
/// unique ids, holders, self-claims), each problem an error diagnostic with the record's JSON
/// pointer and no line. On success the diagnostics are the warnings it recorded. `limits.max_bytes`
/// and `limits.max_similar_warnings` are not applied. When `bytes` are `mapping`'s (mapped with
/// MappedReading::sequential), each stretch read is given back as the load goes
/// (MappedFile::release), so the file is never resident whole beside what it decodes to.
/// O(bytes). Throws std::bad_alloc, or std::runtime_error when ICU's data cannot be loaded
/// (building the name index).
LoadResult from_compiled(std::string_view bytes, const std::string& name,
                         const LoadLimits& limits = {}, const MappedFile* mapping = nullptr);

/// How many claims a compiled dataset holds, by modality: what a scenario leaves out can be
/// counted without reading the claims (Scenario::in_scope).
struct ClaimTally {
    std::size_t claims = 0;  ///< All claims.
    /// Claims of each modality (Modality's value as the index) that are not negated.
    std::array<std::size_t, 5> by_modality{};
    std::size_t negated = 0;  ///< Negated claims, whatever their modality.
};

struct OpenedView;

/// A compiled dataset read in place: opening it reads the header, the directory, the relations
/// and actors, the recorded warnings and the index's per-actor starts (O(blocks + actors +
/// warnings), checked as a load checks them), not the sources or the claims. A query then reads the
/// index entries, the claims it needs and the sources they cite, each 4 KiB block checked against
/// its checksum when first read. Damage met then is thrown as DataError (check_entries,
/// signed_weight) or reported as a diagnostic (subset). The checks a full load makes across all
/// claims (unique claim ids, the index matching every claim) are made only by from_compiled
/// (`entente validate` runs them). Not for use from several threads at once (blocks are marked
/// checked as they are read).
class CompiledView {
  public:
    /// Opens `bytes` (8-byte aligned, as a mapping is; they must outlive the view and not change
    /// while it lives), named `name` in diagnostics. Errors as from_compiled's, for what it reads
    /// (and one error on a big-endian machine, where only from_compiled reads the form);
    /// `verify_checksums` false skips the checksums (for the fuzzer). Throws std::bad_alloc, or
    /// std::runtime_error when ICU's data cannot be loaded.
    static OpenedView open(std::string_view bytes, const std::string& name,
                           const LoadLimits& limits = {}, bool verify_checksums = true);
    /// Moves a view; the moved-from one may only be destroyed or assigned to.
    CompiledView(CompiledView&&) noexcept;
    /// Moves a view; the moved-from one may only be destroyed or assigned to.
    CompiledView& operator=(CompiledView&&) noexcept;
    /// Releases the view's tables; the bytes are the caller's.
    ~CompiledView();

    /// The relations and actors as a graph without sources or claims: names are looked up here.
    /// Throws nothing.
    const KnowledgeGraph& tables() const;
    /// Number of claims in the file. Throws nothing.
    std::size_t claim_count() const;
    /// The claims counted by modality, as the file records them. Throws nothing.
    ClaimTally tally() const;
    /// The claims indexed by their ends: the per-actor starts as checked and copied at open, the
    /// entries read in place, which must go through check_entries before they are trusted.
    /// Throws nothing.
    ClaimIndexView index() const;
    /// Checks a range of index() entries (a subspan of its as_subject or as_object): the blocks
    /// they lie in, and every field in range (actor, claim, relation, flags). O(entries).
    /// Throws DataError naming the damage, std::invalid_argument for a range from elsewhere.
    void check_entries(std::span<const ClaimEnd> entries) const;
    /// What a path search over this file reads (PathData): its actors and relations, index(),
    /// the claims in `scope` (ClaimEnd::flags bits), signed_weight and check_entries. The view
    /// (or the one it is moved into) must outlive it. Throws nothing but std::bad_alloc.
    PathData path_data(std::uint32_t scope = 0xffff) const;
    /// Polarity x confidence x weight of claim `claim`, decoded from the file (its blocks
    /// checked). Throws DataError for damage or a claim past the end.
    double signed_weight(Index claim) const;
    /// The relations and actors with only the claims `claims` (file indices, any order, repeats
    /// ignored) and the sources they cite, each in file order (so their indices differ from the
    /// file's), checked as a load checks them and against the index (each claim listed at both
    /// its ends): a graph, or diagnostics pointing at the records' places in the file
    /// (/claims/N, /sources/N); the graph shares tables()'s name index. O(actors + claims given x
    /// (log(degree) + the blocks of their ends' lists)). Throws std::bad_alloc.
    LoadResult subset(std::vector<Index> claims) const;

    /// The view's state (defined in compiled.cpp).
    struct Impl;

  private:
    explicit CompiledView(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// What CompiledView::open gives: a view, or the errors that stopped it.
struct OpenedView {
    std::optional<CompiledView> view;  ///< Present only when no diagnostic is an error.
    /// The one error that stopped it (as from_compiled gives), or else the warnings the file
    /// recorded.
    std::vector<Diagnostic> diagnostics;
    std::size_t files = 0;             ///< JSON files it was compiled from (1 on error).
    std::size_t omitted_warnings = 0;  ///< Warnings summed up rather than listed.
};

}  // namespace entente
