#include "cli.hpp"

#include <unistd.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <utility>

#include "entente/draw/render.hpp"
#include "entente/export/atomic_write.hpp"
#include "entente/load/compiled.hpp"
#include "entente/load/embedded.hpp"
#include "entente/model/errors.hpp"
#include "entente/query/scenario.hpp"

namespace entente::cli {

void stop(int status) {
    throw CLI::RuntimeError(status);
}

namespace {

// The actions of the commands make_app() is registering; set_action reads it.
Actions registering = Actions::run;

}  // namespace

void set_action(CLI::App& command, std::function<int()> run) {
    // The closure also keeps the command's options alive: CLI11 writes into them.
    command.callback([run = std::move(run), actions = registering] {
        if (actions == Actions::none) {
            return;
        }
        if (const int status = run(); status != exit_ok) {
            stop(status);
        }
    });
}

std::unique_ptr<CLI::App> make_app(Actions actions) {
    auto app = std::make_unique<CLI::App>(
        "entente: a knowledge graph of political actors and the sourced claims between them.\n"
        "Every edge is a claim with its source, quote, who asserts it and a confidence. With no\n"
        "--data it answers from the curated dataset compiled into it.",
        "entente");
    app->set_version_flag("--version", "entente " ENTENTE_VERSION);
    app->require_subcommand(1);
    // CLI11's own messages (a bad option value, a missing argument) can echo what was typed.
    app->failure_message([](const CLI::App*, const CLI::Error& e) {
        return "entente: " + terminal_safe(e.what()) + "\nRun with --help for more information.\n";
    });
    app->footer(
        "Examples:\n"
        "  entente validate\n"
        "  entente show russia\n"
        "  entente align russia pakistan\n"
        "  entente diverge russia pakistan\n"
        "  entente balance\n"
        "  entente path pakistan united-states --k 3\n"
        "  entente diverge russia pakistan --diagram diverge.svg\n"
        "  entente export -o entente.graphml\n"
        "  entente actors --kind position\n"
        "  entente stats --format json\n"
        "  entente compile --data big/ -o big.entente        # then --data big.entente\n"
        "  entente import votes --preset unvotes un_votes.csv un_roll_calls.csv -o un.json\n"
        "  entente lint                                      # quotes against the sources' texts\n"
        "  entente diff embedded data/                       # what a curation change moves\n"
        "  entente serve --open                              # the seminar page, in a browser\n"
        "Run `entente COMMAND --help` for a command's options. Exit status: 0 success, 1 usage\n"
        "error, 2 data error, 3 unknown name.");
    registering = actions;
    register_validate(*app);
    register_stats(*app);
    register_actors(*app);
    register_show(*app);
    register_align(*app);
    register_diverge(*app);
    register_balance(*app);
    register_path(*app);
    register_neighbors(*app);
    register_export(*app);
    register_compile(*app);
    register_import(*app);
    register_lint(*app);
    register_diff(*app);
    register_add(*app);
    register_serve(*app);
    registering = Actions::run;
    return app;
}

CLI::Option* repeatable(CLI::Option* option) {
    // CLI11 gives a vector option an unbounded number of values per use, taking every word that
    // follows: `balance --data F a b c` read files a, b and c. One per use, every use kept.
    return option->expected(1)->allow_extra_args(false)->multi_option_policy(
        CLI::MultiOptionPolicy::TakeAll);
}

void add_data_options(CLI::App& command, DataOptions& options) {
    CLI::App* data = command.add_option_group("Data");
    repeatable(data->add_option("--data", options.data,
                                "Load this dataset (a JSON file, a directory of them, or a "
                                "compiled dataset) instead of the embedded one; repeatable"))
        ->type_name("PATH");
    repeatable(
        data->add_option(
            "--with", options.with,
            "Load this dataset alongside the embedded one (or alongside --data); repeatable"))
        ->type_name("PATH");
    // Bounds on one command's load, so hostile input meets a clear error, not exhaustion. The
    // byte bound follows the machine: the worst-shaped JSON (one long array of small numbers)
    // takes about 19 bytes of memory per byte in the thorough checker, so a sixteenth of the
    // memory keeps even that within reach, and real datasets of that size load on their own.
    const LoadLimits defaults;
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long page_size = sysconf(_SC_PAGESIZE);
    if (pages > 0 && page_size > 0) {
        const auto memory =
            static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size);
        options.limits.max_bytes =
            std::clamp<std::uint64_t>(memory / 16, defaults.max_bytes, std::uint64_t{16} << 30);
    }
    CLI::App* limits = command.add_option_group("Limits");
    limits
        ->add_option("--max-bytes", options.limits.max_bytes,
                     "Load at most this many bytes, all files together (default: a sixteenth of "
                     "this machine's memory, at least 64 MiB)")
        ->type_name("N")
        ->check(CLI::PositiveNumber)
        ->default_str(std::to_string(options.limits.max_bytes));
    limits
        ->add_option("--max-records", options.limits.max_records,
                     "Load at most this many records (sources, relations, actors and claims)")
        ->type_name("N")
        ->check(CLI::PositiveNumber)
        ->default_str(std::to_string(defaults.max_records));
    limits
        ->add_option("--max-name-length", options.limits.max_name_length,
                     "Longest id, name, alias, label or member name, in characters")
        ->type_name("N")
        ->check(CLI::PositiveNumber)
        ->default_str(std::to_string(defaults.max_name_length));
    limits
        ->add_option("--max-text-length", options.limits.max_text_length,
                     "Longest quote, note, title or url, in characters")
        ->type_name("N")
        ->check(CLI::PositiveNumber)
        ->default_str(std::to_string(defaults.max_text_length));
}

void add_format_option(CLI::App& command, std::string& format,
                       const std::vector<std::string>& choices) {
    format = choices.front();
    std::string names;
    for (const auto& c : choices) {
        names += (names.empty() ? "" : "|") + c;
    }
    command.add_option("--format", format, "Output format: " + names)
        ->type_name("FORMAT")
        ->check(CLI::IsMember(choices))
        ->default_str(choices.front());
}

namespace {

// A validator rather than a later check: "" and "-123" are refused like any bad value, not
// taken for "no date".
const CLI::Validator& date_validator() {
    static const CLI::Validator date(
        [](std::string& value) {
            return parse_date(value)
                       ? std::string()
                       : "\"" + value + "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)";
        },
        "");
    return date;
}

}  // namespace

CLI::Option* add_as_of_option(CLI::App& group, std::string& as_of) {
    return group.add_option("--as-of", as_of, "Only claims holding on this date (YYYY[-MM[-DD]])")
        ->type_name("DATE")
        ->check(date_validator());
}

void add_window_options(CLI::App& group, std::string& from, std::string& until) {
    group
        .add_option("--from", from,
                    "Only claims holding on or after this date (YYYY[-MM[-DD]]: its first day)")
        ->type_name("DATE")
        ->check(date_validator());
    group
        .add_option("--until", until,
                    "Only claims holding on or before this date (YYYY[-MM[-DD]]: its last day)")
        ->type_name("DATE")
        ->check(date_validator());
}

CLI::Option* add_modality_option(CLI::App& group, std::vector<std::string>& modality) {
    std::vector<std::string> names;
    for (Modality m : all_modalities) {
        names.emplace_back(to_string(m));
    }
    names.emplace_back("all");
    return repeatable(group.add_option(
                          "--modality", modality,
                          "Count the claims of these modalities: stated, predicted, recommended, "
                          "questioned, hedged, or all (comma-separated; default: stated). Negated "
                          "claims never make ties"))
        ->type_name("LIST")
        ->delimiter(',')
        ->check(CLI::IsMember(names));
}

CLI::Option* add_roll_up_option(CLI::App& group, std::string& kind) {
    std::vector<std::string> kinds;
    for (ActorKind k : all_actor_kinds) {
        if (k != ActorKind::position) {
            kinds.emplace_back(to_string(k));
        }
    }
    return group
        .add_option("--roll-up", kind,
                    "Count each actor's claims as those of the actor of this kind it is part_of or "
                    "member_of (a ministry's as its state's): state, organization, ...")
        ->type_name("KIND")
        ->check(CLI::IsMember(kinds));
}

void add_query_options(CLI::App& command, QueryOptions& options,
                       const std::vector<std::string>& formats, bool diagram) {
    add_data_options(command, options.data);
    add_format_option(command, options.format, formats);
    CLI::App* what_if = command.add_option_group("What-if");
    add_as_of_option(*what_if, options.scenario.as_of);
    add_window_options(*what_if, options.scenario.from, options.scenario.until);
    repeatable(what_if->add_option("--assume", options.scenario.assume,
                                   "Add a hypothetical claim \"SUBJECT RELATION OBJECT\" "
                                   "(repeatable), e.g. \"russia sanctions pakistan\""))
        ->type_name("CLAIM");
    repeatable(what_if->add_option("--without", options.scenario.without,
                                   "Leave out this claim (repeatable)"))
        ->type_name("CLAIM_ID");
    add_modality_option(*what_if, options.scenario.modality);
    add_roll_up_option(*what_if, options.scenario.roll_up);
    if (!diagram) {
        return;
    }
    CLI::App* drawing = command.add_option_group("Diagram");
    drawing
        ->add_option("--diagram", options.diagram,
                     "Draw the answer into FILE: .svg (with tooltips), .png, .pdf or .dot")
        ->type_name("FILE")
        ->check([](const std::string& value) {
            return value.empty() ? std::string("--diagram needs a file name") : std::string();
        });
    drawing
        ->add_option("--layout", options.layout,
                     "Graphviz layout: dot, neato, fdp, sfdp or circo (default: dot, or sfdp for "
                     "large drawings)")
        ->type_name("ENGINE")
        ->check(CLI::IsMember({"dot", "neato", "fdp", "sfdp", "circo"}));
    add_slide_options(*drawing, options.slide);
}

namespace {

// Largest --size side: 200 inches, or 32767 pixels (the most a PNG's renderer, cairo, draws).
constexpr double max_size_inches = 200;
constexpr double max_size_pixels = 32767;
constexpr double max_dpi = 1200;

// A positive decimal number, all of `text` ("10", "5.625"); nullopt otherwise.
std::optional<double> positive_number(const std::string& text) {
    if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos) {
        return std::nullopt;
    }
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !(value > 0)) {
        return std::nullopt;
    }
    return value;
}

struct Size {
    double width = 0;
    double height = 0;
    bool pixels = false;
};

std::optional<Size> parse_size(std::string text) {
    Size size;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, "px") == 0) {
        size.pixels = true;
        text.resize(text.size() - 2);
    }
    const auto x = text.find('x');
    if (x == std::string::npos) {
        return std::nullopt;
    }
    const auto w = positive_number(text.substr(0, x));
    const auto h = positive_number(text.substr(x + 1));
    const double most = size.pixels ? max_size_pixels : max_size_inches;
    if (!w || !h || *w > most || *h > most) {
        return std::nullopt;
    }
    size.width = *w;
    size.height = *h;
    return size;
}

std::optional<std::pair<int, int>> parse_aspect(const std::string& text) {
    const auto colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size() || colon > 3 ||
        text.size() - colon - 1 > 3 || text.find_first_not_of("0123456789:") != std::string::npos ||
        text.find(':', colon + 1) != std::string::npos) {
        return std::nullopt;
    }
    const int w = std::stoi(text.substr(0, colon));
    const int h = std::stoi(text.substr(colon + 1));
    if (w <= 0 || h <= 0) {
        return std::nullopt;
    }
    return std::pair{w, h};
}

}  // namespace

namespace {

std::string size_problem(const std::string& value) {
    return parse_size(value) ? std::string()
                             : "\"" + value +
                                   "\" is not a size: give WIDTHxHEIGHT in inches (10x5.625) or "
                                   "pixels (1920x1080px), each above 0 and at most 200 inches or "
                                   "32767 pixels";
}

std::string dpi_problem(const std::string& value) {
    const auto dpi = positive_number(value);
    return dpi && *dpi <= max_dpi ? std::string()
                                  : "\"" + value +
                                        "\" is not a resolution: give dots per inch, above 0 "
                                        "and at most 1200 (e.g. 192)";
}

std::string aspect_problem(const std::string& value) {
    return parse_aspect(value) ? std::string()
                               : "\"" + value +
                                     "\" is not an aspect ratio: give WIDTH:HEIGHT in whole "
                                     "numbers from 1 to 999, e.g. 16:9";
}

}  // namespace

std::string slide_options_problem(const SlideOptions& options) {
    const std::pair<const char*, std::string> problems[] = {
        {"size", options.size.empty() ? "" : size_problem(options.size)},
        {"dpi", options.dpi.empty() ? "" : dpi_problem(options.dpi)},
        {"aspect", options.aspect.empty() ? "" : aspect_problem(options.aspect)},
        {"legend", options.legend == "auto" || options.legend == "none"
                       ? ""
                       : "\"" + options.legend + "\" is not auto or none"},
    };
    for (const auto& [name, problem] : problems) {
        if (!problem.empty()) {
            return std::string(name) + ": " + problem;
        }
    }
    if (!options.size.empty() && !options.aspect.empty()) {
        return "size and aspect: give one (a size sets the shape itself)";
    }
    return {};
}

void add_slide_options(CLI::App& group, SlideOptions& options) {
    group
        .add_option("--size", options.size,
                    "Make the image exactly WIDTHxHEIGHT: inches (10x5.625), or pixels with px "
                    "(1920x1080px: at --dpi in PNG, CSS pixels in SVG and PDF); the drawing is "
                    "scaled to fit it, its text enlarged if it would be too small to read")
        ->type_name("WxH")
        ->check(CLI::Validator([](std::string& value) { return size_problem(value); }, ""));
    group
        .add_option("--dpi", options.dpi,
                    "PNG resolution in dots per inch (default " +
                        std::to_string(static_cast<int>(default_png_dpi)) +
                        ", sharp on a projector); SVG and PDF are vector drawings and ignore it")
        ->type_name("N")
        ->check(CLI::Validator([](std::string& value) { return dpi_problem(value); }, ""));
    group
        .add_option("--aspect", options.aspect,
                    "Shape the image WIDTH:HEIGHT (16:9 for a slide, 4:3, 1:1); not with --size, "
                    "which sets the shape itself")
        ->type_name("W:H")
        ->check(CLI::Validator([](std::string& value) { return aspect_problem(value); }, ""))
        ->excludes("--size");
    group.add_option("--title", options.title, "Title the drawing TEXT instead of its own title")
        ->type_name("TEXT");
    group.add_flag("--no-edge-labels", options.no_edge_labels,
                   "Draw edges without labels (each label opens the edge's tooltip instead)");
    group.add_flag("--per-pair", options.per_pair,
                   "One edge per pair of actors, labelled with the count of its claims (\"3 "
                   "claims: 2 +, 1 -\"), instead of one edge per claim; the tooltip lists them "
                   "(ranking, matrix and balance drawings have one edge per pair already)");
    group
        .add_option("--legend", options.legend,
                    "auto: a legend of what the drawing uses, beside it (right or below, never "
                    "over it); none: no legend")
        ->type_name("auto|none")
        ->check(CLI::IsMember({"auto", "none"}));
    group.add_flag("--force", options.force,
                   "Draw exactly what was asked: past " + std::to_string(draw_node_limit) +
                       " actors or " + std::to_string(draw_edge_limit) +
                       " edges (refused otherwise: the layout takes minutes), and without "
                       "folding more than " +
                       std::to_string(parallel_edge_limit) +
                       " edges between one pair into one (as --per-pair)");
}

void add_all_flag(CLI::App& command, bool& all) {
    command.add_flag("--all", all,
                     "List every claim, triangle and tie in the text output (by default each "
                     "list shows its first " +
                         std::to_string(text_list_limit) +
                         " and says how many more there are; JSON lists all)");
}

PageOptions page_options(const SlideOptions& options) {
    PageOptions page;
    if (const auto size = parse_size(options.size)) {
        page.width = size->width;
        page.height = size->height;
        page.pixels = size->pixels;
    }
    if (const auto dpi = positive_number(options.dpi)) {
        page.dpi = *dpi;
    }
    if (const auto aspect = parse_aspect(options.aspect)) {
        page.aspect_width = aspect->first;
        page.aspect_height = aspect->second;
    }
    page.edge_labels = !options.no_edge_labels;
    return page;
}

CLI::Option* add_list_option(CLI::App& command, const std::string& name,
                             std::vector<std::string>& values, const std::string& description) {
    // CLI11 drops the empty items of a split, so `--relations ,` leaves nothing and is refused as
    // a missing value; a whole value that is empty reaches this check.
    return repeatable(command.add_option(name, values, description))
        ->type_name("LIST")
        ->delimiter(',')
        ->check([](const std::string& value) {
            return value.empty() ? std::string("an empty item; give names separated by commas")
                                 : std::string();
        });
}

// Graphs live until the process ends: freeing millions of strings one by one at exit costs a
// quarter of a large load and gives back nothing the system would not reclaim anyway. Held
// through a static pointer, they are not leaks to the sanitizers either.
const KnowledgeGraph& keep(KnowledgeGraph graph) {
    static auto* kept = new std::vector<std::unique_ptr<KnowledgeGraph>>();
    kept->push_back(std::make_unique<KnowledgeGraph>(std::move(graph)));
    return *kept->back();
}

ProgressLine::ProgressLine(std::string verb)
    : verb_(std::move(verb)), start_(std::chrono::steady_clock::now()) {
    if (const char* after = std::getenv("ENTENTE_PROGRESS_AFTER_MS")) {
        after_ = std::chrono::milliseconds(std::strtoll(after, nullptr, 10));
    }
}

ProgressLine::~ProgressLine() {
    if (shown_) {
        std::fputs("\r\033[K", stderr);
    }
}

void ProgressLine::update(std::size_t done, std::size_t total) {
    const auto now = std::chrono::steady_clock::now();
    // At most ten updates a second, but the last (100%) always once a line is up.
    const bool last = done == total && shown_;
    if (total == 0 || now - start_ < after_ ||
        (now - last_ < std::chrono::milliseconds(100) && !last)) {
        return;
    }
    last_ = now;
    shown_ = true;
    std::fprintf(stderr, "\rentente: %s %3.0f%% (%.0f of %.0f MB)", verb_.c_str(),
                 100.0 * static_cast<double>(done) / static_cast<double>(total),
                 static_cast<double>(done) / 1e6, static_cast<double>(total) / 1e6);
    std::fflush(stderr);
}

namespace {

// Counts the errors and warnings among the diagnostics, with the warnings summed up unlisted.
void count_diagnostics(Loaded& loaded, std::size_t omitted_warnings) {
    for (const auto& d : loaded.diagnostics) {
        (d.severity == Severity::error ? loaded.errors : loaded.warnings)++;
    }
    loaded.warnings += omitted_warnings;
}

}  // namespace

Loaded load(const DataOptions& options, std::vector<InputFile>* kept_files) {
    ProgressLine line("loading");  // timed from here: reading big files is part of the wait
    Loaded loaded;
    std::vector<InputFile> files;
    if (options.data.empty()) {
        for (const auto& file : embedded_dataset()) {
            files.push_back({std::string(file.name), std::string(file.bytes)});
        }
    }
    // A compiled dataset given alone is decoded from a read-only mapping of its file: copying
    // it into memory first cost a fifth of a whole-process query at 10^6 claims.
    std::optional<MappedFile> mapped;
    if (options.data.size() == 1 && options.with.empty() && kept_files == nullptr) {
        mapped = MappedFile::map(options.data.front(), options.limits.max_bytes, is_compiled,
                                 MappedReading::sequential);
    }
    // JSON files are mapped too, unless the caller keeps them to edit: the load reads each once,
    // front to back, and gives the pages it has parsed back, so a big file's text is never
    // resident all at once (copying it in first also cost a tenth of the load).
    const InputReading reading = kept_files == nullptr ? InputReading::map : InputReading::copy;
    for (const auto& path : options.data) {
        if (mapped) {
            break;
        }
        auto read = read_dataset_path(path, loaded.diagnostics, options.limits, reading);
        std::move(read.begin(), read.end(), std::back_inserter(files));
    }
    for (const auto& path : options.with) {
        auto read = read_dataset_path(path, loaded.diagnostics, options.limits, reading);
        std::move(read.begin(), read.end(), std::back_inserter(files));
    }
    LoadProgress progress;
    if (isatty(STDERR_FILENO) != 0) {
        progress = [&line](std::size_t done, std::size_t total) { line.update(done, total); };
    }
    LoadResult result =
        mapped ? from_compiled(mapped->bytes(), options.data.front(), options.limits, &*mapped)
               : load_dataset(files, options.limits, progress);
    mapped.reset();
    if (kept_files != nullptr) {
        *kept_files = std::move(files);
    }
    std::move(result.diagnostics.begin(), result.diagnostics.end(),
              std::back_inserter(loaded.diagnostics));
    loaded.files = result.files;
    count_diagnostics(loaded, result.omitted_warnings);
    // Files that could not be read are errors too, even if what was read is sound.
    if (loaded.errors == 0) {
        loaded.graph = &keep(std::move(*result.graph));
    }
    return loaded;
}

void print_diagnostics(const Loaded& loaded) {
    for (const auto& d : loaded.diagnostics) {
        // Diagnostics quote what the data holds (an unknown id, a name): escaped, like any text
        // from the data that reaches the terminal.
        std::cerr << terminal_safe(format_diagnostic(d)) << '\n';
    }
    if (!loaded.diagnostics.empty()) {
        print_error(plural(loaded.errors, "error", "errors") + ", " +
                    plural(loaded.warnings, "warning", "warnings") +
                    (loaded.files != 0 ? " in " + plural(loaded.files, "file", "files") : ""));
    }
}

namespace {

// Stops with exit_data when the data had errors (listing them); else, for a user's own files,
// says how many warnings it had. The embedded dataset's warnings are known to its curators.
void stop_on_errors(const Loaded& loaded, bool usable, bool users_files) {
    if (!usable) {
        print_diagnostics(loaded);
        stop(exit_data);
    }
    if (loaded.warnings != 0 && users_files) {
        print_error("the data has " + plural(loaded.warnings, "warning", "warnings") +
                    "; `entente validate` lists them");
    }
}

void check_diagram_option(const QueryOptions& options) {
    if (!options.diagram.empty() && !diagram_format_for(options.diagram)) {
        print_error("--diagram: cannot tell the format of \"" + options.diagram +
                    "\"; name the file .svg, .png, .pdf or .dot");
        stop(exit_usage);
    }
}

}  // namespace

const KnowledgeGraph& load_for_query(const DataOptions& options) {
    Loaded loaded = load(options);
    stop_on_errors(loaded, loaded.graph != nullptr, !options.data.empty() || !options.with.empty());
    return *loaded.graph;
}

Scenario scenario_of(const ScenarioText& text) {
    Scenario scenario;
    if (text.modality.empty()) {
        if (text.every_claim) {
            scenario.modalities.reset();
        }
    } else {
        std::vector<Modality> modalities;
        for (Modality m : all_modalities) {
            const bool given = std::find(text.modality.begin(), text.modality.end(),
                                         to_string(m)) != text.modality.end();
            const bool all =
                std::find(text.modality.begin(), text.modality.end(), "all") != text.modality.end();
            if (given || all) {
                modalities.push_back(m);
            }
        }
        scenario.modalities = std::move(modalities);
    }
    auto date = [](const std::string& t) { return t.empty() ? std::nullopt : parse_date(t); };
    scenario.as_of = date(text.as_of);
    scenario.from = date(text.from);
    scenario.until = date(text.until);
    scenario.without = text.without;
    scenario.assumptions = text.assume;
    if (!text.roll_up.empty()) {
        scenario.roll_up = parse_actor_kind(text.roll_up);  // checked by the option
    }
    return scenario;
}

void count_modality(ScenarioText& text, const Scenario& scenario, const KnowledgeGraph& kg) {
    text.counted.clear();
    if (scenario.modalities) {
        for (Modality m : *scenario.modalities) {
            text.counted.emplace_back(to_string(m));
        }
    }
    const ModalityCount count = left_out_by_modality(kg, scenario);
    text.left_out_by_modality = count.by_modality;
    text.left_out_negated = count.negated;
}

const KnowledgeGraph& load_scenario(QueryOptions& options) {
    check_diagram_option(options);
    Scenario scenario = scenario_of(options.scenario);
    // The dates' validators have refused anything parse_date refuses.
    if (scenario.from && scenario.until && scenario.from->earliest() > scenario.until->latest()) {
        print_error("--from " + options.scenario.from + " is after --until " +
                    options.scenario.until);
        stop(exit_usage);
    }
    const KnowledgeGraph& kg = load_for_query(options.data);
    count_modality(options.scenario, scenario, kg);
    if (scenario.empty_for(kg)) {
        return kg;
    }
    try {
        RollUpReport report;
        const KnowledgeGraph& out = keep(apply_scenario(kg, scenario, &report));
        options.scenario.rolled_up = report.moved;
        options.scenario.rolled_within = report.within;
        for (Index a : report.ambiguous) {
            options.scenario.roll_up_ambiguous.push_back(kg.actor(a).id);
        }
        return out;
    } catch (const UnknownNameError&) {
        throw;
    } catch (const AmbiguousNameError&) {
        throw;
    } catch (const Error& e) {
        print_error(std::string("--assume: ") + e.what());
        stop(exit_usage);
    }
}

InPlace open_in_place(QueryOptions& options) {
    if constexpr (std::endian::native != std::endian::little) {
        return {};  // the form is read in place only where its little-endian arrays are native
    }
    const DataOptions& data = options.data;
    const ScenarioText& text = options.scenario;
    if (data.data.size() != 1 || !data.with.empty() || !text.as_of.empty() || !text.from.empty() ||
        !text.until.empty() || !text.assume.empty() || !text.without.empty() ||
        !text.roll_up.empty()) {
        return {};
    }
    check_diagram_option(options);
    // Not read ahead: a query on a large file reads a few of its pages. Kept mapped until the
    // process ends, as loaded graphs are kept.
    // --max-bytes bounds what is loaded; a file read in place is not, whatever its size.
    auto mapped = MappedFile::map(data.data.front(), std::numeric_limits<std::uint64_t>::max(),
                                  is_compiled, MappedReading::in_place);
    if (!mapped) {
        return {};  // not a compiled file, or unreadable: the usual load says why
    }
    static auto* files = new std::vector<std::unique_ptr<MappedFile>>();
    files->push_back(std::make_unique<MappedFile>(std::move(*mapped)));
    OpenedView opened = CompiledView::open(files->back()->bytes(), data.data.front(), data.limits);
    Loaded loaded;
    loaded.diagnostics = std::move(opened.diagnostics);
    loaded.files = opened.files;
    count_diagnostics(loaded, opened.omitted_warnings);
    stop_on_errors(loaded, opened.view.has_value(), true);
    static auto* views = new std::vector<std::unique_ptr<CompiledView>>();
    views->push_back(std::make_unique<CompiledView>(std::move(*opened.view)));
    // The scenario's modalities as ClaimEnd flags, and what they leave out, from the tally.
    const Scenario scenario = scenario_of(options.scenario);
    InPlace in_place;
    in_place.view = views->back().get();
    const ClaimTally tally = in_place.view->tally();
    options.scenario.counted.clear();
    options.scenario.left_out_by_modality = 0;
    options.scenario.left_out_negated = 0;
    if (scenario.modalities) {
        in_place.scope = 0;
        for (Modality m : all_modalities) {
            const auto bit = static_cast<std::uint32_t>(m);
            if (std::find(scenario.modalities->begin(), scenario.modalities->end(), m) !=
                scenario.modalities->end()) {
                in_place.scope |= 1U << bit;
                options.scenario.counted.emplace_back(to_string(m));
            } else {
                options.scenario.left_out_by_modality += tally.by_modality[bit];
            }
        }
        options.scenario.left_out_negated = tally.negated;
    }
    return in_place;
}

const KnowledgeGraph& in_place_subset(const CompiledView& view, std::vector<Index>& claims) {
    std::sort(claims.begin(), claims.end());
    claims.erase(std::unique(claims.begin(), claims.end()), claims.end());
    LoadResult result = view.subset(claims);
    Loaded loaded;
    loaded.diagnostics = std::move(result.diagnostics);
    loaded.files = 1;
    count_diagnostics(loaded, 0);
    // The file's warnings were counted when it was opened.
    stop_on_errors(loaded, result.graph.has_value(), false);
    return keep(std::move(*result.graph));
}

std::string scenario_line(const ScenarioText& scenario) {
    std::string out;
    auto add = [&](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
    if (!scenario.as_of.empty()) {
        add("as of " + scenario.as_of);
    }
    if (!scenario.from.empty()) {
        add("from " + scenario.from);
    }
    if (!scenario.until.empty()) {
        add("until " + scenario.until);
    }
    for (const auto& a : scenario.assume) {
        add("assuming \"" + a + "\"");
    }
    for (const auto& w : scenario.without) {
        add("without " + w);
    }
    if (!scenario.modality.empty()) {
        std::string counted;
        for (const auto& m : scenario.counted) {
            counted += (counted.empty() ? "" : ", ") + m;
        }
        add("modality " + counted);
    }
    if (scenario.left_out_by_modality != 0) {
        add(plural(scenario.left_out_by_modality, "claim", "claims") + " left out by modality (" +
            (scenario.counted.size() == 1 ? scenario.counted.front() + " claims only"
                                          : std::string("not in the modalities counted")) +
            "; --modality all counts them)");
    }
    if (scenario.left_out_negated != 0) {
        add(plural(scenario.left_out_negated, "negated claim", "negated claims") +
            " left out (a negated claim makes no tie)");
    }
    if (!scenario.roll_up.empty()) {
        std::string part = "rolled up to " + scenario.roll_up + ": " +
                           plural(scenario.rolled_up, "claim", "claims") + " moved, " +
                           std::to_string(scenario.rolled_within) + " within one actor left out";
        if (!scenario.roll_up_ambiguous.empty()) {
            part += " (" + plural(scenario.roll_up_ambiguous.size(), "actor", "actors") +
                    " part of several, first claim's parent kept: ";
            for (std::size_t i = 0; i < scenario.roll_up_ambiguous.size(); ++i) {
                part += (i == 0 ? "" : ", ") + scenario.roll_up_ambiguous[i];
            }
            part += ")";
        }
        add(part);
    }
    return out;
}

std::string drawing_scenario_line(const ScenarioText& scenario) {
    if (!scenario.modality.empty()) {
        return scenario_line(scenario);
    }
    // On a slide the default filter's counts are a second line as wide as the image on every
    // drawing of the embedded data; the text and JSON answers still give them.
    ScenarioText asked = scenario;
    asked.left_out_by_modality = 0;
    asked.left_out_negated = 0;
    return scenario_line(asked);
}

std::string title_with_scenario(const std::string& title, const std::string& line) {
    if (line.empty()) {
        return title;
    }
    return title + (title.empty() ? "" : "\n") + "scenario: " + line;
}

void write_output(const std::string& path, const std::string& bytes) {
    if (path.empty() || path == "-") {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        std::cout.flush();
        return;
    }
    try {
        write_file_atomically(path, bytes);
    } catch (const IoError& e) {
        print_error(e.what());
        stop(exit_data);
    }
}

Diagram adapt_drawing(const Diagram& original, const SlideOptions& slide,
                      const std::string& scenario) {
    Diagram drawn = slide.per_pair ? one_edge_per_pair(original) : original;
    drawn.legend = original.legend && slide.legend != "none";
    if (!slide.title.empty()) {
        drawn.title = slide.title;
    }
    drawn.title = title_with_scenario(drawn.title, scenario);
    return drawn;
}

void draw(const std::string& path, const Diagram& original, DiagramFormat format,
          const std::string& requested_layout, const SlideOptions& slide,
          const std::string& scenario) {
    // --title replaces the query's title; a what-if drawing says its scenario under either, so
    // it is never taken for the data as it stands.
    // Bounded drawings (docs/diagrams.md, "Large graphs"): a laid-out drawing with dozens of
    // claims between one pair is folded per pair, and one past the size limits refused, unless
    // --force; DOT is not laid out and is written as asked at any size.
    const bool laid_out = format != DiagramFormat::dot;
    bool per_pair = slide.per_pair;
    if (laid_out && !per_pair && !slide.force) {
        const std::size_t most = most_parallel_edges(original);
        if (most > parallel_edge_limit) {
            per_pair = true;
            print_error(std::to_string(most) + " edges join one pair of actors (more than " +
                        std::to_string(parallel_edge_limit) +
                        "): drawn one edge per pair, as --per-pair does; --force draws every one");
        }
    }
    Diagram drawn;
    const bool adapted =
        !slide.title.empty() || !scenario.empty() || per_pair || slide.legend == "none";
    if (adapted) {
        SlideOptions as_drawn = slide;
        as_drawn.per_pair = per_pair;
        drawn = adapt_drawing(original, as_drawn, scenario);
    }
    const Diagram& diagram = adapted ? drawn : original;
    if (laid_out && !slide.force &&
        (diagram.nodes.size() > draw_node_limit || diagram.edges.size() > draw_edge_limit)) {
        print_error("cannot draw " + plural(diagram.nodes.size(), "actor", "actors") + " and " +
                    plural(diagram.edges.size(), "edge", "edges") + ": past " +
                    std::to_string(draw_node_limit) + " actors or " +
                    std::to_string(draw_edge_limit) +
                    " edges the layout takes minutes (docs/diagrams.md, \"Large graphs\"); draw "
                    "less with " +
                    slide.narrowing +
                    ", write a .dot file (not laid out), or give --force to draw it anyway");
        stop(exit_data);
    }
    const std::string layout = choose_layout(diagram, requested_layout);
    // Said before the work starts, so a long layout never looks like a hang.
    if (format != DiagramFormat::dot) {
        if (requested_layout.empty() && layout != "dot") {
            print_error(std::to_string(diagram.nodes.size()) + " actors and " +
                        std::to_string(diagram.edges.size()) +
                        " edges are too many for dot (slow past " + std::to_string(dot_node_limit) +
                        " actors or " + std::to_string(dot_edge_limit) +
                        " edges); laying out with " + layout);
        } else if (slow_layout(diagram, layout)) {
            print_error("dot may take minutes for " + std::to_string(diagram.nodes.size()) +
                        " actors and " + std::to_string(diagram.edges.size()) +
                        " edges; --layout sfdp is much faster");
        }
    }
    Rendered rendered;
    try {
        rendered = render(diagram, format, layout, page_options(slide));
    } catch (const RenderError& e) {
        print_error(e.what());
        stop(exit_data);
    }
    // Said, not refused: the drawing is written as asked, and the words say what to change.
    if (rendered.page_text_share > 0 && rendered.page_text_share < small_text_share) {
        print_error("names come out at 1/" +
                    std::to_string(std::lround(1 / rendered.page_text_share)) +
                    " of the page's height (" +
                    std::to_string(static_cast<int>(rendered.page_text_share * 1080)) +
                    " pixels of a 1080-pixel slide), too small to read from the back of a "
                    "room: try " +
                    (layout == "dot" ? std::string() : "--layout dot, ") +
                    "a larger --size, or fewer actors (" + slide.narrowing + ")");
    }
    write_output(path, rendered.bytes);
    if (!path.empty() && path != "-") {
        print_error("wrote " + path + " (" + std::to_string(diagram.nodes.size()) + " actors, " +
                    std::to_string(diagram.edges.size()) + " edges" +
                    (rendered.layout.empty() ? "" : ", " + rendered.layout + " layout") + ")");
    }
    for (const auto& message : rendered.messages) {
        print_error("graphviz: " + message);
    }
}

void write_diagram(const QueryOptions& options, const std::function<Diagram()>& make) {
    if (!options.diagram.empty()) {
        draw(options.diagram, make(), *diagram_format_for(options.diagram), options.layout,
             options.slide, drawing_scenario_line(options.scenario));
    }
}

}  // namespace entente::cli
