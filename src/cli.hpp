#pragma once
// Shared pieces of the entente command-line tool: data options, loading, output helpers.

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include <set>

#include "entente/draw/diagram.hpp"
#include "entente/draw/render.hpp"
#include "entente/load/loader.hpp"
#include "entente/model/knowledge_graph.hpp"
#include "entente/query/scenario.hpp"
#include "entente/query/ties.hpp"

namespace entente::cli {

/// Exit statuses, as documented in docs/cli.md.
enum ExitCode : int { exit_ok = 0, exit_usage = 1, exit_data = 2, exit_unknown_name = 3 };

/// Thrown to end the program with a status once the message has been printed.
struct Exit {
    int code;  ///< Process exit status.
};

/// Where the data comes from: the embedded default, replaced by --data, extended by --with.
struct DataOptions {
    std::vector<std::string> data;  ///< --data PATH: load these instead of the embedded dataset.
    std::vector<std::string> with;  ///< --with PATH: load these alongside the chosen dataset.
    LoadLimits limits;              ///< --max-bytes, --max-records, --max-*-length.
};

/// Adds --data, --with and the load limits (--max-bytes, ...) to a subcommand.
void add_data_options(CLI::App& command, DataOptions& options);
/// Adds --format with the given choices (the first is the default).
void add_format_option(CLI::App& command, std::string& format,
                       const std::vector<std::string>& choices = {"table", "json"});

/// JSON writer used for every --format json output: two-space indentation, UTF-8.
class JsonWriter : public rapidjson::PrettyWriter<rapidjson::StringBuffer> {
  public:
    /// Writes into `buffer`.
    explicit JsonWriter(rapidjson::StringBuffer& buffer) : PrettyWriter(buffer) {
        SetIndent(' ', 2);
    }
};

/// Options of every query: data, format, and the what-if scenario.
struct QueryOptions {
    DataOptions data;                  ///< Where the data comes from.
    std::string format;                ///< Output format.
    std::string as_of;                 ///< --as-of DATE, empty for all claims.
    std::vector<std::string> assume;   ///< --assume "SUBJECT RELATION OBJECT".
    std::vector<std::string> without;  ///< --without CLAIM_ID.
    std::string diagram;               ///< --diagram FILE: draw the answer there.
    std::string layout;                ///< --layout ENGINE, empty for automatic.
};

/// Adds --data, --with, --format, --as-of, --assume and --without to a query command.
void add_query_options(CLI::App& command, QueryOptions& options,
                       const std::vector<std::string>& formats = {"table", "json"});
/// Checks --diagram's extension and --layout before any work is done; throws Exit on a bad one.
void check_diagram_options(const QueryOptions& options);
/// Renders the diagram to --diagram's file (format from its extension), written atomically,
/// and says on stderr what was written and with which layout. Does nothing without --diagram.
void write_diagram(const QueryOptions& options, const Diagram& diagram);
/// Renders a diagram into `path` (atomically; "-" or "" for stdout), saying on stderr which
/// layout is used when it is not dot or is expected to be slow, and what was written.
void draw(const std::string& path, const Diagram& diagram, DiagramFormat format,
          const std::string& requested_layout);
/// Writes bytes to a file atomically, or to stdout when the path is "-" or empty.
void write_output(const std::string& path, const std::string& bytes);

/// Loads the data and applies the scenario the options describe.
const KnowledgeGraph& load_scenario(const QueryOptions& options);
/// One line saying what the scenario changed ("as of 2019; assuming ...; without ..."), or "".
std::string scenario_line(const QueryOptions& options);

/// Writes "scenario": {"as_of", "assume", "without"} for a query's JSON answer.
void write_scenario(JsonWriter& w, const QueryOptions& options);
/// A signed number with two decimals: "+0.71", "-1.00", "0.00".
std::string signed_number(double value);
/// Prints the claims behind a tie, one per line with its weight, quote and provenance.
void print_evidence(std::ostream& out, const KnowledgeGraph& kg, const Tie& tie,
                    const std::string& indent);
/// Prints one claim line: "ID  SENTENCE  [hypothetical]" and its quote and provenance.
void print_claim(std::ostream& out, const KnowledgeGraph& kg, Index claim,
                 const std::string& indent, const std::string& suffix = "");

/// Collects the claims a JSON answer cites, to list them (and their sources) once at the end.
class Citations {
  public:
    /// Notes every claim behind a tie.
    void add(const Tie* tie);
    /// Notes one claim.
    void add(Index claim) { claims_.insert(claim); }
    /// Writes "claims": [...] and "sources": [...] for everything noted.
    void write(JsonWriter& w, const KnowledgeGraph& kg) const;

  private:
    std::set<Index> claims_;
};

/// A query's JSON answer: opens the object with its scenario; finish() lists the claims and
/// sources it cited and prints it.
class JsonAnswer {
  public:
    /// Starts {"scenario": ... for the query these options describe.
    explicit JsonAnswer(const QueryOptions& options);
    /// Where the answer's own fields go.
    JsonWriter& writer() { return writer_; }
    /// The claims the answer cites.
    Citations& citations() { return citations_; }
    /// Writes "claims" and "sources", closes the object and prints it to stdout.
    void finish(const KnowledgeGraph& kg);

  private:
    rapidjson::StringBuffer buffer_;
    JsonWriter writer_;
    Citations citations_;
};

/// Writes a tie as {"value", "derived_only", "evidence": [{"claim", "derived", "weight"}]},
/// or null; notes its claims in `citations`.
void write_tie(JsonWriter& w, const KnowledgeGraph& kg, const Tie* tie, Citations& citations);
/// Writes an actor reference {"id", "name", "kind"}.
void write_actor_ref(JsonWriter& w, const KnowledgeGraph& kg, Index actor);
/// Writes a number, or null when absent.
void write_optional(JsonWriter& w, const std::optional<double>& value);

/// A loaded dataset with what loading it reported.
struct Loaded {
    const KnowledgeGraph* graph = nullptr;  ///< Set when the data had no errors; lives until exit.
    std::vector<Diagnostic> diagnostics;    ///< Reading problems, then loader diagnostics.
    std::size_t files = 0;                  ///< Files read.
    std::size_t errors = 0;                 ///< Diagnostics that are errors.
    std::size_t warnings = 0;               ///< Diagnostics that are warnings.
};

/// Reads and validates the data the options name; never prints.
Loaded load(const DataOptions& options);
/// Loads the data for a query: on errors prints them to stderr and throws Exit{exit_data}; on
/// warnings prints a one-line hint to stderr.
const KnowledgeGraph& load_for_query(const DataOptions& options);
/// Prints diagnostics to stderr, one per line, then a count.
void print_diagnostics(const Loaded& loaded);

/// "1 claim" / "3 claims".
std::string plural(std::size_t n, const std::string& singular, const std::string& plural_form);
/// A number in its shortest exact form ("1", "0.85").
std::string format_number(double value);
/// Who asserts a claim, by name when it is an actor of the dataset.
std::string asserted_by_name(const KnowledgeGraph& kg, const Claim& claim);
/// When a claim holds: "from 2019-08", "until 2020", "2019 to 2021".
std::string holds_text(const Claim& claim);

/// Left-aligned text table; widths count characters, not bytes; the last column is not padded.
class Table {
  public:
    /// Starts a table with these column headers.
    explicit Table(std::vector<std::string> headers);
    /// Adds a row; it must have as many cells as there are headers.
    void add(std::vector<std::string> row);
    /// Writes the table, headers first.
    void print(std::ostream& out) const;

  private:
    std::vector<std::vector<std::string>> rows_;
};

/// Writes a string value.
void write_string(JsonWriter& w, std::string_view s);
/// Writes "key": "value".
void write_field(JsonWriter& w, const char* key, std::string_view value);
/// Writes a claim as a JSON object (ids, names, polarity, quote, provenance).
void write_claim(JsonWriter& w, const KnowledgeGraph& kg, Index claim);
/// Writes a source as a JSON object.
void write_source(JsonWriter& w, const Source& source);
/// Writes "sources": [...] for the given sources, in index order.
void write_sources(JsonWriter& w, const KnowledgeGraph& kg, const std::set<Index>& sources);
/// Writes an actor as a JSON object (id, name, kind, aliases, holder).
void write_actor(JsonWriter& w, const KnowledgeGraph& kg, Index actor);
/// Finishes a JSON document: prints it to stdout with a trailing newline.
void print_json(const rapidjson::StringBuffer& buffer);

/// Registers `entente validate`.
void register_validate(CLI::App& app);
/// Registers `entente stats`.
void register_stats(CLI::App& app);
/// Registers `entente actors`.
void register_actors(CLI::App& app);
/// Registers `entente show`.
void register_show(CLI::App& app);
/// Registers `entente align`.
void register_align(CLI::App& app);
/// Registers `entente diverge`.
void register_diverge(CLI::App& app);
/// Registers `entente balance`.
void register_balance(CLI::App& app);
/// Registers `entente path`.
void register_path(CLI::App& app);
/// Registers `entente neighbors`.
void register_neighbors(CLI::App& app);
/// Registers `entente export`.
void register_export(CLI::App& app);
/// Registers `entente compile`.
void register_compile(CLI::App& app);

}  // namespace entente::cli
