// `entente import events`: machine-coded event data (ICEWS, GDELT 1.0 and 2.0, or the CSV of the
// SQL it emits) aggregated into one weighted, dated claim per directed dyad, relation class and
// period. The reading is the library's (entente/import/events.hpp); this file opens the files,
// shows progress and writes the result, or prints the SQL.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>

#include "cli.hpp"
#include "entente/export/dataset_json.hpp"
#include "entente/import/events.hpp"
#include "entente/load/compiled.hpp"
#include "entente/query/selection.hpp"

namespace entente::cli {

namespace {

struct ImportEventsOptions {
    std::vector<std::string> files;
    std::string output;
    std::string preset = "icews";
    std::string polarity = "cameo";
    std::string period = "month";
    std::string actor_map;
    std::string emit_sql;
    std::string table;
    std::string delimiter;
    EventImportOptions library;
};

char delimiter_for(const std::string& path, const ImportEventsOptions& o) {
    if (o.delimiter == "tab") {
        return '\t';
    }
    if (o.delimiter == "comma") {
        return ',';
    }
    return default_event_delimiter(o.library.preset, path);
}

std::string summary_of(const EventImportResult& r, bool keep_domestic) {
    std::string s =
        "imported " + plural(r.events, "event", "events") + " of " + plural(r.rows, "row", "rows") +
        " into " + plural(r.dataset ? r.dataset->claims.size() : 0, "claim", "claims") +
        " between " + plural(r.dataset ? r.dataset->actors.size() : 0, "actor", "actors");
    std::vector<std::string> dropped;
    if (r.duplicates != 0) {
        dropped.push_back(plural(r.duplicates, "duplicate", "duplicates"));
    }
    if (r.domestic != 0) {
        dropped.push_back(std::to_string(r.domestic) + " domestic" +
                          (keep_domestic ? " (kept)" : ""));
    }
    if (r.unplaced != 0) {
        dropped.push_back(std::to_string(r.unplaced) + " without an actor");
    }
    if (r.neutral != 0) {
        dropped.push_back(std::to_string(r.neutral) + " neutral");
    }
    if (!dropped.empty()) {
        s += " (";
        for (std::size_t i = 0; i < dropped.size(); ++i) {
            s += (i == 0 ? "" : ", ") + dropped[i];
        }
        s += ")";
    }
    return s;
}

int run(ImportEventsOptions& o) {
    const std::map<std::string, EventPreset> presets = {{"icews", EventPreset::icews},
                                                        {"gdelt1", EventPreset::gdelt1},
                                                        {"gdelt2", EventPreset::gdelt2},
                                                        {"aggregated", EventPreset::aggregated}};
    const std::map<std::string, PolarityRule> rules = {{"cameo", PolarityRule::cameo},
                                                       {"quad", PolarityRule::quad},
                                                       {"goldstein", PolarityRule::goldstein}};
    const std::map<std::string, EventPeriod> periods = {{"day", EventPeriod::day},
                                                        {"week", EventPeriod::week},
                                                        {"month", EventPeriod::month},
                                                        {"year", EventPeriod::year}};
    o.library.preset = presets.at(o.preset);
    o.library.polarity = rules.at(o.polarity);
    o.library.period = periods.at(o.period);
    if (!o.emit_sql.empty()) {
        if (o.library.preset != EventPreset::gdelt1 && o.library.preset != EventPreset::gdelt2) {
            print_error("import events",
                        "--emit-sql writes GDELT's aggregation: use it with --preset gdelt2 or "
                        "gdelt1");
            return exit_usage;
        }
        const std::map<std::string, SqlDialect> dialects = {{"sqlite", SqlDialect::sqlite},
                                                            {"bigquery", SqlDialect::bigquery},
                                                            {"spark", SqlDialect::spark}};
        std::string table = o.table;
        if (table.empty()) {
            table = o.emit_sql == "bigquery" ? "`gdelt-bq.gdeltv2.events`" : "events";
        }
        std::cout << events_sql(o.library, dialects.at(o.emit_sql), table);
        return exit_ok;
    }
    if (o.files.empty() || o.output.empty()) {
        print_error("import events", o.files.empty() ? "name the files to import"
                                                     : "--output is required: name the file "
                                                       "to write (FILE.json, FILE.entente or -)");
        return exit_usage;
    }
    if (!o.actor_map.empty()) {
        std::ifstream in(o.actor_map, std::ios::binary);
        if (!in) {
            print_error(o.actor_map + ": error: cannot open the file for reading");
            print_error("nothing written");
            return exit_data;
        }
        std::vector<Diagnostic> problems;
        o.library.actor_map = read_event_actor_map(in, o.actor_map, problems);
        if (!problems.empty()) {
            for (const auto& d : problems) {
                std::cerr << terminal_safe(format_diagnostic(d)) << '\n';
            }
            print_error(plural(problems.size(), "error", "errors") +
                        " in the actor map; nothing written");
            return exit_data;
        }
        if (o.library.actor_map.empty()) {
            print_error(o.actor_map + ": error: the actor map has no rows");
            print_error("nothing written");
            return exit_data;
        }
    }
    const bool compiled = o.output.size() > 8 && o.output.ends_with(".entente");
    std::vector<std::unique_ptr<std::ifstream>> streams;
    std::vector<EventInput> inputs;
    bool unreadable = false;
    for (const auto& path : o.files) {
        auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
        if (!*in) {
            print_error(path + ": error: cannot open the file for reading");
            unreadable = true;
            continue;
        }
        in->seekg(0, std::ios::end);
        const auto size = in->tellg();
        in->seekg(0);
        EventInput input;
        input.name = path;
        input.stream = in.get();
        input.size = size > 0 ? static_cast<std::uint64_t>(size) : 0;
        input.delimiter = delimiter_for(path, o);
        inputs.push_back(std::move(input));
        streams.push_back(std::move(in));
    }
    if (unreadable) {
        print_error("nothing written");
        return exit_data;
    }
    EventImportResult result;
    {
        ProgressLine line("importing");
        ImportProgress progress;
        if (isatty(STDERR_FILENO) != 0) {
            progress = [&line](std::uint64_t done, std::uint64_t total) {
                line.update(static_cast<std::size_t>(done), static_cast<std::size_t>(total));
            };
        }
        try {
            result = import_events(inputs, o.library, progress);
        } catch (const std::invalid_argument& e) {
            print_error("import events", e.what());
            return exit_usage;
        }
    }
    if (!result.dataset) {
        for (const auto& d : result.diagnostics) {
            std::cerr << terminal_safe(format_diagnostic(d)) << '\n';
        }
        print_error(plural(result.diagnostics.size(), "error", "errors") +
                    "; nothing written; fix them and import again");
        return exit_data;
    }
    const std::string summary = summary_of(result, o.library.keep_domestic);
    const KnowledgeGraph graph(std::move(*result.dataset));
    std::string bytes;
    if (compiled) {
        bytes = to_compiled(graph, std::vector<Diagnostic>{}, 1);
    } else {
        Selection whole;
        whole.whole = true;
        whole.actors.resize(graph.data().actors.size());
        for (Index i = 0; i < whole.actors.size(); ++i) {
            whole.actors[i] = i;
        }
        whole.claims.resize(graph.data().claims.size());
        for (Index i = 0; i < whole.claims.size(); ++i) {
            whole.claims[i] = i;
        }
        bytes = to_dataset_json(graph, whole);
    }
    write_output(o.output, bytes);
    if (o.output == "-") {
        print_error(summary);
    } else {
        out().line(summary, " into ", o.output, "; load it with --data ", o.output);
    }
    return exit_ok;
}

}  // namespace

void register_import_events(CLI::App& import) {
    auto o = std::make_shared<ImportEventsOptions>();
    CLI::App* events = import.add_subcommand(
        "events",
        "Machine-coded event data (ICEWS, GDELT 1.0 or 2.0: who did what to whom, coded in CAMEO "
        "with a Goldstein score) into an entente dataset: one claim per directed dyad, relation "
        "class (verbal or material cooperation or conflict) and period, weighted by the summed "
        "intensity, dated to its period, its events' ids in its note. Actors roll up to "
        "countries and international organisations; duplicate codings of an event count once. "
        "Every bad row is reported as FILE:LINE:COLUMN; then nothing is written (status 2). "
        "docs/events.md has the rules and their sources.");
    events->add_option("files", o->files, "The event files to read, in one pass")
        ->type_name("FILE");
    events
        ->add_option("-o,--output", o->output,
                     "Write the dataset here: FILE.json (JSON), FILE.entente (compiled) or - "
                     "(JSON on stdout)")
        ->type_name("FILE");
    events
        ->add_option("--preset", o->preset,
                     "The layout: icews (the Dataverse TSV with its header: Event ID, Event Date, "
                     "Source Name, ..., Target Country, Story ID, ...; the default), gdelt1 (57 "
                     "tab-separated columns, 58 with SOURCEURL, no header), gdelt2 (61 columns, "
                     "no header), aggregated (the CSV of --emit-sql's query)")
        ->check(CLI::IsMember({"icews", "gdelt1", "gdelt2", "aggregated"}))
        ->type_name("NAME");
    CLI::App* rules = events->add_option_group("Aggregation");
    rules
        ->add_option("--polarity", o->polarity,
                     "How an event's sign is read: cameo (root codes 01-08 cooperative, 09-20 "
                     "conflictual; the default), quad (quad classes 1-2 cooperative, 3-4 "
                     "conflictual) or goldstein (the score's sign; 0 is neutral and makes no "
                     "claim). Intensity is |Goldstein| under every rule")
        ->check(CLI::IsMember({"cameo", "quad", "goldstein"}))
        ->type_name("RULE");
    rules
        ->add_option("--period", o->period,
                     "The period of one claim: day, week (ISO, Monday to Sunday), month (the "
                     "default) or year")
        ->check(CLI::IsMember({"day", "week", "month", "year"}))
        ->type_name("PERIOD");
    rules
        ->add_option("--actor-map", o->actor_map,
                     "CSV with the header key,id,name,kind: each country code or name (or "
                     "organisation) the data writes and the actor it rolls up to; replaces the "
                     "built-in map (data/events/actors.csv)")
        ->type_name("FILE");
    rules->add_flag("--keep-domestic", o->library.keep_domestic,
                    "Keep events whose two sides roll up to one actor, as claims of a domestic_* "
                    "relation against that actor's own '<id>-domestic' position (default: drop "
                    "and count them)");
    CLI::App* columns = events->add_option_group("Columns (icews preset: files with a header)");
    const auto column = [&](const char* name, std::string& into, const char* what) {
        columns->add_option(name, into, what)->type_name("NAME");
    };
    column("--id-column", o->library.columns.id, "The event's id (default: Event ID)");
    column("--date-column", o->library.columns.date,
           "Its date, YYYY-MM-DD or YYYYMMDD (default: Event Date)");
    column("--source-column", o->library.columns.source,
           "The source's roll-up key (default: Source Country)");
    column("--target-column", o->library.columns.target,
           "The target's roll-up key (default: Target Country)");
    column("--code-column", o->library.columns.code, "The CAMEO code (default: CAMEO Code)");
    column("--intensity-column", o->library.columns.intensity,
           "The Goldstein score (default: Intensity)");
    column("--story-column", o->library.columns.story,
           "The story duplicates are found by (default: Story ID)");
    columns
        ->add_option(
            "--delimiter", o->delimiter,
            "comma or tab; default: tab for GDELT; for icews comma for .csv files, else tab; "
            "for aggregated tab for .tsv files, else comma")
        ->check(CLI::IsMember({"comma", "tab"}))
        ->type_name("NAME");
    CLI::App* sql = events->add_option_group("Past one machine");
    sql->add_option("--emit-sql", o->emit_sql,
                    "Print the same aggregation as one SQL query for sqlite, bigquery or spark "
                    "(with --preset gdelt2 or gdelt1) instead of reading files; save its result as "
                    "CSV and read it with --preset aggregated")
        ->check(CLI::IsMember({"sqlite", "bigquery", "spark"}))
        ->type_name("ENGINE");
    sql->add_option("--table", o->table,
                    "The table the query reads (default: events; for bigquery "
                    "`gdelt-bq.gdeltv2.events`)")
        ->type_name("NAME");
    CLI::App* made = events->add_option_group("Dataset");
    made->add_option("--source-title", o->library.source_title,
                     "Title of the two sources the claims cite, before \" (cooperative events)\" "
                     "and \" (conflictual events)\" (default: the data set's and the file's name)")
        ->type_name("TEXT");
    made->add_option("--source-id", o->library.source_id,
                     "Id of those sources, before -cooperation and -conflict (default: icews, "
                     "gdelt1, gdelt2 or gdelt-aggregated)")
        ->type_name("ID");
    events->footer(
        "Examples:\n"
        "  entente import events --preset icews events.2018.tab -o icews-2018.entente\n"
        "  entente align russia --by month --data icews-2018.entente\n"
        "  entente import events --preset gdelt2 2024*.export.CSV --period week -o week.json\n"
        "  entente import events --preset gdelt2 --emit-sql bigquery > monthly.sql\n"
        "  entente import events --preset aggregated monthly.csv -o gdelt.entente\n"
        "A claim's weight is its summed |Goldstein| / 10: one event of intensity 10 weighs as one "
        "claim. Its note reads events=N; intensity_sum=S; intensity_mean=M; ids=...; urls=....");
    set_action(*events, [o] { return run(*o); });
}

}  // namespace entente::cli
