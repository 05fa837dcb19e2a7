#pragma once
/// @file Roll-call votes into an entente dataset: one `position` per roll call, one supports,
/// opposes or abstains_on claim per vote cast, dated to the vote, all citing one source that names
/// the data set (docs/cli.md, "import votes"; docs/data-format.md, "Roll-call votes").

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "entente/load/diagnostic.hpp"
#include "entente/model/model.hpp"

namespace entente {

/// The shapes of roll-call data the importer knows.
enum class VotePreset {
    columns,   ///< One long table (a row per actor per vote) described by VoteImportOptions'
               ///< columns.
    unvotes,   ///< The unvotes package: un_votes.csv, un_roll_calls.csv, un_roll_call_issues.csv.
    voeten,    ///< E. Voeten's UNVotes.csv (one table, votes coded 1, 2, 3, 8, 9).
    voteview,  ///< Voteview's member votes, members and rollcalls tables (US Congress).
};

/// The values of the vote column that mean each stance. Compared after trimming spaces, ignoring
/// ASCII case. A value in none of the four lists is an error.
struct VoteCodes {
    std::vector<std::string> yes;      ///< Read as `supports`.
    std::vector<std::string> no;       ///< Read as `opposes`.
    std::vector<std::string> abstain;  ///< Read as `abstains_on` (present, took no side).
    std::vector<std::string> absent;   ///< No claim: absent, not voting, not a member.
};

/// What the importer reads and how.
struct VoteImportOptions {
    VotePreset preset = VotePreset::columns;  ///< The shape of the input.
    /// Column naming the voter (its name; its id is the name's slug). Required for `columns`; for a
    /// preset, overrides the preset's column when not empty. Likewise the three below.
    std::string actor_column;
    std::string item_column;  ///< Column naming the roll call (its key).
    std::string vote_column;  ///< Column holding the vote.
    /// Column holding the vote's date (ISO 8601, YYYY, YYYY-MM or YYYY-MM-DD); optional.
    std::string date_column;
    /// Stance codes; each list, when not empty, replaces the preset's (for `columns`, the defaults
    /// are yes/yea/aye/y, no/nay/n, abstain/abstention/present, and absent/not voting/NA/empty).
    VoteCodes codes;
    /// The kind of the voters; default: state for the UN presets and `columns`, person for
    /// voteview.
    std::optional<ActorKind> actor_kind;
    /// The source every claim cites: its title (default: the preset's data set, or for `columns`
    /// the first file's name) and id (default: the title's slug).
    std::string source_title;
    std::string source_id;  ///< See source_title.
};

/// One input table, read as a stream.
struct VoteInput {
    std::string name;        ///< The name diagnostics give (the path as typed).
    std::istream* stream;    ///< Its bytes; read once, from where it stands.
    std::uint64_t size = 0;  ///< Its size in bytes for progress, 0 when unknown.
    char delimiter = ',';    ///< ',' for CSV, '\t' for TSV.
};

/// Called as the input is read: bytes read of all inputs, and their total size. At most about
/// once per 64 KiB, and once at the end.
using ImportProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

/// What an import found and made.
struct VoteImportResult {
    std::optional<Dataset> dataset;  ///< The dataset, when no diagnostic is an error.
    /// Every problem found, in input order: `FILE:LINE:COLUMN` of the field (the column of the
    /// record's first field for a problem with the whole row; line 0 for a problem with a whole
    /// file).
    std::vector<Diagnostic> diagnostics;
    std::size_t rows = 0;        ///< Vote rows read (header lines not counted).
    std::size_t yes = 0;         ///< Votes read as supports.
    std::size_t no = 0;          ///< Votes read as opposes.
    std::size_t abstain = 0;     ///< Votes read as abstains_on.
    std::size_t absent = 0;      ///< Rows read as absent (no claim).
    std::size_t voters = 0;      ///< Actors that vote.
    std::size_t roll_calls = 0;  ///< Roll calls (positions).
    std::size_t issues = 0;      ///< Issue positions the roll calls are `part_of`.
};

/// Reads roll-call votes in long form from `inputs` and builds a dataset (docs/cli.md,
/// "import votes", says what becomes what):
/// - `columns`: one table whose header names the columns of VoteImportOptions;
/// - `unvotes`: the votes (`rcid,country,country_code,vote`), the roll calls
///   (`rcid,session,importantvote,date,unres,amend,para,short,descr`) and optionally the issues
///   (`rcid,short_name,issue`), told apart by their headers, in any order;
/// - `voeten`: `UNVotes.csv` (`rcid`, `ccode`, `Country`, `Countryname`, `vote`, `date`, `unres`,
///   `short`, `descr`, and the issue columns `me`, `nu`, `di`, `hr`, `co`, `ec` when present);
/// - `voteview`: the member votes (`congress,chamber,rollnumber,icpsr,cast_code`), the members
///   (`congress,chamber,icpsr,bioname`, `bioguide_id` as an alias) and the rollcalls
///   (`congress,chamber,rollnumber,date`, `vote_desc`, `vote_question`, `bill_number`), told
///   apart by their headers; cast codes 1-3 yea, 4-6 nay, 7-8 present (abstains_on), 0 and 9
///   absent.
/// Each voter becomes an actor whose id is the ASCII slug of its name (fold_name, then letters and
/// digits joined by "-"; a second actor with the same slug gets its key appended), with its code
/// (country code, bioguide id) as an alias; each roll call a `position` named by its title, its
/// resolution, session, date and description in its note; each vote cast a claim `supports`,
/// `opposes` or `abstains_on` the roll call dated to the vote (from = until = its date); each issue
/// code a `position` that the roll calls on it are `part_of`.
/// Every bad row is reported (a missing column, a vote in no list, a date that is not one, an
/// actor voting twice on a roll call, a roll call missing from the roll-calls table, text that is
/// not UTF-8, a CSV syntax error), then no dataset is given. Streams each input once; memory is
/// the dataset built plus one record. O(bytes + votes). Throws std::bad_alloc, std::runtime_error
/// when ICU's data cannot be loaded (fold_name).
VoteImportResult import_votes(std::span<const VoteInput> inputs, const VoteImportOptions& options,
                              const ImportProgress& progress = {});

/// The ASCII slug of a name, as ids are made: fold_name(name), then runs of ASCII letters and
/// digits joined by "-", anything else a separator ("Côte d'Ivoire" gives "cote-d-ivoire"); empty
/// when no ASCII letter or digit remains. O(length); throws like fold_name.
std::string slug(std::string_view name);

}  // namespace entente
