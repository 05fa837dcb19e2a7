#pragma once
/// @file Lint: a dataset's claims checked against their sources' texts and the curation rules
/// (docs/cli.md, entente lint).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/load/diagnostic.hpp"
#include "entente/load/locations.hpp"
#include "entente/model/model.hpp"

namespace entente {

/// What a lint finding is about.
enum class LintCheck : std::uint8_t {
    text_unreadable,    ///< Error: a source's `text` file cannot be read.
    quote_not_found,    ///< Error: a quote does not occur in its source's text.
    no_quote,           ///< Warning: a claim of a source with a text has no quote to check.
    hedged_quote,       ///< Warning: a stated claim's quote holds hedging words.
    shared_quote,       ///< Warning: one quote supports more than the allowed number of claims.
    context_unsourced,  ///< Warning: a context claim without a quote, or whose source has no URL.
    undated_event,      ///< Warning: a claim without dates whose quote or object names a date.
};

/// The check's name as output shows it: "text-unreadable", "quote-not-found", "no-quote",
/// "hedged-quote", "shared-quote", "context-unsourced", "undated-event". Throws nothing.
std::string_view to_string(LintCheck check);

/// One finding, located at the record or member it is about.
struct LintFinding {
    Severity severity = Severity::warning;  ///< Errors make `entente lint` exit with status 2.
    LintCheck check = LintCheck::quote_not_found;  ///< What it is about.
    Location location;                             ///< The claim's (or source's) member or record.
    Index claim = no_index;   ///< Dataset::claims index, or no_index for a source's finding.
    Index source = no_index;  ///< Dataset::sources index of the claim's source, or the source.
    std::string message;      ///< What is wrong; text from the data quoted raw.
};

/// A source's text, read for lint.
struct SourceText {
    Index source = no_index;          ///< Dataset::sources index.
    std::string path;                 ///< The text's path, resolved against its dataset file.
    std::optional<std::string> text;  ///< Its bytes, or nullopt when it could not be read.
    std::string problem;              ///< Why it could not be read; empty when read.
};

/// Reads the text of every source that names one (Source::text): the path resolved against the
/// directory of the file that declares the source (`locations.sources[i].record.file`; a source
/// without a location resolves against the current directory), lexically normalised. A resolved
/// path equal to the name of a file in `bundled` (the embedded texts) is taken from it; any other
/// is read from disk as read_dataset_path reads a file (a regular file of at most `max_bytes`;
/// a directory, FIFO or device is refused). An absolute `text` is refused. Returns one entry per
/// source with a text, in source order. Throws std::bad_alloc.
std::vector<SourceText> read_source_texts(const Dataset& data, const DatasetLocations& locations,
                                          const std::vector<InputFile>& bundled,
                                          std::uint64_t max_bytes);

/// True when a claim states what it says (modality "stated"). Every claim does until claims
/// carry a modality (issue 12, item 1); then this reads it. Throws nothing.
bool is_stated(const Claim& claim);

/// How lint judges.
struct LintOptions {
    /// A quote (folded, from one source) may support at most this many claims before
    /// shared_quote warns: a sentence read into many claims weighs as many times in every tie.
    std::size_t max_claims_per_quote = 3;
};

/// What lint found.
struct LintReport {
    std::vector<LintFinding> findings;  ///< By file (in load order), then by offset in it.
    std::size_t claims = 0;             ///< Claims checked.
    std::size_t texts = 0;              ///< Source texts read.
    std::size_t quotes_checked = 0;     ///< Quotes looked up in a source's text.
    std::size_t quotes_found = 0;       ///< Of those, found.
    /// Findings that are errors. O(findings); throws nothing.
    std::size_t errors() const;
    /// Findings that are warnings. O(findings); throws nothing.
    std::size_t warnings() const;
};

/// Lints `data` (a loaded dataset), whose records are at `locations` (locate_records on the
/// same files; a record without one is reported at "/claims/N" of `fallback_file` with no line),
/// against `texts` (read_source_texts). Errors: a source's text that cannot be read, and a quote
/// of a claim whose source has a text that does not occur in it (QuoteText::find: quote marks,
/// whitespace and case aside, ellipses standing for any text). Warnings: a claim of a source with
/// a text but no quote; hedging words (find_hedging_words) in the quote of a stated claim
/// (is_stated); a quote shared by more than `options.max_claims_per_quote` claims of one source
/// (once, at the first of them); a context claim — one whose source has no text, so nothing can
/// check its quote — without a quote, or whose source has no URL; and an undated claim about a
/// dated event — neither `from` nor `until`, while its quote or its object's name holds a year
/// (a whole number from 1000 to 2099) or its object is an event. O(claims x text length) at
/// worst for the lookups; throws std::bad_alloc.
LintReport lint(const Dataset& data, const DatasetLocations& locations,
                const std::vector<SourceText>& texts, const LintOptions& options = {},
                const std::string& fallback_file = {});

}  // namespace entente
