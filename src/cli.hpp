#pragma once
// Shared pieces of the entente command-line tool: the application and its option groups, loading
// the data and the scenario, diagrams and files. Output goes through output.hpp.

#include <CLI/CLI.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "entente/draw/diagram.hpp"
#include "entente/draw/render.hpp"
#include "entente/load/compiled.hpp"
#include "entente/load/loader.hpp"
#include "entente/model/knowledge_graph.hpp"
#include "entente/query/scenario.hpp"
#include "output.hpp"

namespace entente::cli {

/// Exit statuses, as documented in docs/cli.md.
enum ExitCode : int { exit_ok = 0, exit_usage = 1, exit_data = 2, exit_unknown_name = 3 };

/// Ends the command with `status` once its message has been printed: throws CLI11's
/// CLI::RuntimeError, which main() turns into the exit status through CLI::App::exit.
[[noreturn]] void stop(int status);
/// Makes `run` the command's action; a status other than exit_ok stops the program with it.
void set_action(CLI::App& command, std::function<int()> run);

/// What the commands of make_app() do once their command line is parsed.
enum class Actions { run, none };
/// The entente application with every subcommand registered; main() parses with it. With
/// Actions::none the commands do nothing once parsed: the tests walk the parse alone. (Replacing
/// a command's callback instead would free the options its parse writes into: they are held by
/// the callback.)
std::unique_ptr<CLI::App> make_app(Actions actions = Actions::run);

/// Where the data comes from: the embedded default, replaced by --data, extended by --with.
struct DataOptions {
    std::vector<std::string> data;  ///< --data PATH: load these instead of the embedded dataset.
    std::vector<std::string> with;  ///< --with PATH: load these alongside the chosen dataset.
    LoadLimits limits;              ///< --max-bytes, --max-records, --max-*-length.
};

/// The Diagram group's options that fit a drawing to a slide, as typed (their validators have
/// checked them; page_options reads them).
struct SlideOptions {
    std::string size;             ///< --size WxH (inches) or WxHpx (pixels), or "".
    std::string dpi;              ///< --dpi N (PNG dots per inch), or "" for default_png_dpi.
    std::string aspect;           ///< --aspect W:H, or "".
    std::string title;            ///< --title TEXT, or "" for the query's own title.
    bool no_edge_labels = false;  ///< --no-edge-labels.
    bool per_pair = false;        ///< --per-pair: one edge per pair of actors (one_edge_per_pair).
    std::string legend = "auto";  ///< --legend auto|none: a legend beside the drawing, or none.
    /// --force: draw exactly what was asked, past draw_node_limit / draw_edge_limit and without
    /// folding pairs of more than parallel_edge_limit edges.
    bool force = false;
    /// The command's options that make a drawing smaller, named when one is refused as too large
    /// (set by the command, not typed).
    std::string narrowing = "entente export --focus ACTOR --depth N or --top N";
};

/// Options of every query: data, format, the what-if scenario and, for most, a diagram.
struct QueryOptions {
    DataOptions data;       ///< Where the data comes from.
    std::string format;     ///< Output format.
    ScenarioText scenario;  ///< --as-of, --from, --until, --assume, --without.
    std::string diagram;    ///< --diagram FILE: draw the answer there.
    std::string layout;     ///< --layout ENGINE, empty for automatic.
    SlideOptions slide;     ///< --size, --dpi, --aspect, --title, --no-edge-labels.
};

/// Makes a vector option take one value per use and keep every use (`--data a --data b`).
CLI::Option* repeatable(CLI::Option* option);
/// Adds the "Data" group (--data, --with) and the "Limits" group (--max-bytes, ...).
void add_data_options(CLI::App& command, DataOptions& options);
/// Adds --format with the given choices (the first is the default).
void add_format_option(CLI::App& command, std::string& format,
                       const std::vector<std::string>& choices = {"table", "json"});
/// Adds --as-of DATE to `group`, refusing anything parse_date refuses (the empty string too).
CLI::Option* add_as_of_option(CLI::App& group, std::string& as_of);
/// Adds --from DATE and --until DATE (a window of time) to `group`, validated as --as-of is.
void add_window_options(CLI::App& group, std::string& from, std::string& until);
/// Adds the data options, --format, the "What-if" group (--as-of, --assume, --without) and,
/// when `diagram` is set, the "Diagram" group (--diagram, --layout).
void add_query_options(CLI::App& command, QueryOptions& options,
                       const std::vector<std::string>& formats = {"table", "json"},
                       bool diagram = true);
/// Body text under this share of the page's height is warned about when a drawing is fitted to a
/// page (Rendered::page_text_share): 1/90 is 12 pixels on a 1080-pixel slide, where a class at
/// the back of the room stops reading.
inline constexpr double small_text_share = 1.0 / 90;
/// Adds --size, --dpi, --aspect, --title, --no-edge-labels, --per-pair and --force to `group`; bad
/// values are usage errors with the messages pinned in tests/cli/cli_tests.cmake.
void add_slide_options(CLI::App& group, SlideOptions& options);
/// Why `options` cannot be used, naming the option without its dashes ("size: \"3\" is not a
/// size: ..."), or "" when they can: the checks add_slide_options' validators make, for a front
/// end that takes the options otherwise (the Python module). Throws std::bad_alloc.
std::string slide_options_problem(const SlideOptions& options);
/// `original` as the slide options draw it: folded one edge per pair (per_pair), its legend off
/// (legend "none"), retitled (title), with `scenario` (title_with_scenario) under the title.
/// Throws std::bad_alloc.
Diagram adapt_drawing(const Diagram& original, const SlideOptions& slide,
                      const std::string& scenario);
/// The page the slide options describe (inches or pixels, dpi, aspect, edge labels).
PageOptions page_options(const SlideOptions& options);
/// Adds --all: list every item of the text output's long lists (see text_list_limit).
void add_all_flag(CLI::App& command, bool& all);
/// Adds a list option that takes one value per use, split at commas (`--relations a,b`); an
/// empty item (`--relations ,` or `""`) is refused.
CLI::Option* add_list_option(CLI::App& command, const std::string& name,
                             std::vector<std::string>& values, const std::string& description);

/// A loaded dataset with what loading it reported.
struct Loaded {
    const KnowledgeGraph* graph = nullptr;  ///< Set when the data had no errors; lives until exit.
    std::vector<Diagnostic> diagnostics;    ///< Reading problems, then loader diagnostics.
    std::size_t files = 0;                  ///< Files read.
    std::size_t errors = 0;                 ///< Diagnostics that are errors.
    std::size_t warnings = 0;               ///< Diagnostics that are warnings.
};

/// A long task's progress on stderr, on a terminal only (a pipe or a log file gets no carriage
/// returns): "entente: VERB 42% (12 of 30 MB)", shown once the task has taken a second
/// (ENTENTE_PROGRESS_AFTER_MS changes the wait; the tests set it to 0), at most ten times a second,
/// and erased when the line is destroyed. The caller checks isatty before calling update.
class ProgressLine {
  public:
    /// Starts the clock; `verb` says what is done ("loading", "importing").
    explicit ProgressLine(std::string verb);
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;
    /// Erases the line if it was shown.
    ~ProgressLine();
    /// Shows `done` of `total` bytes, when due.
    void update(std::size_t done, std::size_t total);

  private:
    std::string verb_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_{};
    std::chrono::milliseconds after_{1000};
    bool shown_ = false;
};

/// Reads and validates the data the options name; never prints. When `files` is given, it
/// receives the files read (names and bytes, in load order), for commands that look at the
/// files themselves (lint, add).
Loaded load(const DataOptions& options, std::vector<InputFile>* files = nullptr);
/// Prints diagnostics to stderr, one per line (escaped), then a count.
void print_diagnostics(const Loaded& loaded);
/// Loads the data for a query: on errors prints them and stops with exit_data; on warnings in
/// the user's own files prints a one-line hint to stderr.
const KnowledgeGraph& load_for_query(const DataOptions& options);
/// Adds --modality LIST to `group`: modality names or "all", split at commas, repeatable.
CLI::Option* add_modality_option(CLI::App& group, std::vector<std::string>& modality);
/// Adds --roll-up KIND (Scenario::roll_up) to `group`; the value is checked against the actor
/// kinds that take part in hierarchies (every kind but position).
CLI::Option* add_roll_up_option(CLI::App& group, std::string& kind);
/// The library's scenario for the what-if options as given (dates already validated): with no
/// --modality, stated claims only, or every claim when `every_claim` is set.
Scenario scenario_of(const ScenarioText& text);
/// Fills in `text`'s counted modalities and what they leave out of `kg`.
void count_modality(ScenarioText& text, const Scenario& scenario, const KnowledgeGraph& kg);
/// Checks the diagram options, loads the data and applies the scenario the options describe;
/// fills in the scenario's modality counts (ScenarioText::counted, left_out_*).
const KnowledgeGraph& load_scenario(QueryOptions& options);

/// A compiled dataset opened in place, for a query that reads only the part it needs.
struct InPlace {
    const CompiledView* view = nullptr;  ///< Lives until the process ends.
    /// The claims the scenario keeps, by ClaimEnd::flags (bit f for flags f): its modalities.
    std::uint32_t scope = 0xffff;
};
/// The dataset of `--data`, opened in place (CompiledView), when a query may read only what it
/// needs: one compiled file, nothing --with, and a scenario that only picks modalities (no dates,
/// --assume, --without or --roll-up). Checks the diagram options and fills in the scenario's
/// modality counts from the file's tally, as load_scenario does. A null view otherwise (the
/// caller then calls load_scenario); prints the file's errors and stops with exit_data when it
/// cannot be opened.
InPlace open_in_place(QueryOptions& options);
/// The sub-graph of an in-place dataset holding only `claims` (file indices), checked as a load
/// checks them; prints the errors and stops with exit_data when they are damaged. `claims`
/// comes back sorted and without repeats: a claim's index in the sub-graph is its position
/// there.
const KnowledgeGraph& in_place_subset(const CompiledView& view, std::vector<Index>& claims);
/// One line saying what the scenario changed ("as of 2019; assuming ...; without ..."), or "".
std::string scenario_line(const ScenarioText& scenario);
/// The scenario line a drawing carries under its title: scenario_line without the counts of
/// claims the default filter leaves out (claims not stated, negated claims), which the text and
/// JSON answers give; with them when --modality was given. "" when nothing was asked, so a
/// drawing of the data as it stands has no scenario line. Throws std::bad_alloc.
std::string drawing_scenario_line(const ScenarioText& scenario);
/// A drawing's title with the scenario under it ("TITLE\nscenario: LINE"; "scenario: LINE"
/// when the title is empty), so a what-if drawing is never taken for the data as it stands;
/// `title` itself when `line` (scenario_line) is empty. Throws std::bad_alloc.
std::string title_with_scenario(const std::string& title, const std::string& line);

/// Renders the diagram to --diagram's file (format from its extension), written atomically,
/// and says on stderr what was written and with which layout; the slide options apply and the
/// title says the what-if scenario, if any. Does nothing without --diagram: `make` builds the
/// diagram only when one is asked for (a path's diagram at 10^7 claims was 8% of the query's
/// profile).
void write_diagram(const QueryOptions& options, const std::function<Diagram()>& make);
/// Renders a diagram into `path` (atomically; "-" or "" for stdout), saying on stderr which
/// layout is used when it is not dot or is expected to be slow, and what was written; `slide`'s
/// title, when given, replaces the diagram's, and `scenario` (scenario_line's text), when not
/// empty, is added under it as "scenario: ...".
void draw(const std::string& path, const Diagram& diagram, DiagramFormat format,
          const std::string& requested_layout, const SlideOptions& slide = {},
          const std::string& scenario = {});
/// Writes bytes to a file atomically, or to stdout when the path is "-" or empty.
void write_output(const std::string& path, const std::string& bytes);

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
/// Registers `entente import` and its subcommand `votes`.
void register_import(CLI::App& app);
/// Registers `entente import edges` under `import` (src/import_edges.cpp).
void register_import_edges(CLI::App& import);
/// Registers `entente import events` under `import` (src/import_events.cpp).
void register_import_events(CLI::App& import);
/// Registers `entente lint`.
void register_lint(CLI::App& app);
/// Registers `entente diff`.
void register_diff(CLI::App& app);
/// Registers `entente add`.
void register_add(CLI::App& app);
/// Registers `entente serve` (src/serve.cpp).
void register_serve(CLI::App& app);

}  // namespace entente::cli
