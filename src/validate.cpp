// `entente validate`: load the data and report every problem, or a one-line summary.
#include <algorithm>

#include "cli.hpp"

namespace entente::cli {

namespace {

struct ValidateOptions {
    DataOptions data;
    std::string format;
};

void write_json(const Loaded& loaded) {
    Json json;
    json.field("valid", loaded.errors == 0);
    json.field("files", loaded.files);
    json.field("errors", loaded.errors);
    json.field("warnings", loaded.warnings);
    json.key("counts");
    if (loaded.graph) {
        const Dataset& d = loaded.graph->data();
        json.start_object();
        json.field("sources", d.sources.size());
        json.field("relations", d.relations.size());
        json.field("actors", d.actors.size());
        json.field("claims", d.claims.size());
        json.end_object();
    } else {
        json.null();
    }
    json.key("diagnostics");
    json.start_array();
    for (const auto& diag : loaded.diagnostics) {
        json.start_object();
        json.field("severity", diag.severity == Severity::error ? "error" : "warning");
        json.field("file", diag.file);
        json.field("line", diag.line);
        json.field("column", diag.column);
        json.field("pointer", diag.pointer);
        json.field("message", diag.message);
        json.end_object();
    }
    json.end_array();
    json.print();
}

int run(const ValidateOptions& options) {
    const Loaded loaded = load(options.data);
    if (options.format == "json") {
        write_json(loaded);
        return loaded.errors == 0 ? exit_ok : exit_data;
    }
    print_diagnostics(loaded);  // errors, or warnings only
    if (loaded.errors != 0) {
        return exit_data;
    }
    const Dataset& d = loaded.graph->data();
    const auto own = static_cast<std::size_t>(std::count_if(
        d.relations.begin(), d.relations.end(), [](const Relation& r) { return !r.builtin; }));
    out().line("valid: ", plural(loaded.files, "file", "files"), ", ",
               plural(d.sources.size(), "source", "sources"), ", ",
               plural(d.actors.size(), "actor", "actors"), ", ",
               plural(d.claims.size(), "claim", "claims"), ", ",
               plural(d.relations.size(), "relation", "relations"), " (", own,
               " defined by the data), ", plural(loaded.warnings, "warning", "warnings"));
    return exit_ok;
}

}  // namespace

void register_validate(CLI::App& app) {
    auto options = std::make_shared<ValidateOptions>();
    CLI::App* command = app.add_subcommand(
        "validate",
        "Check a dataset: JSON syntax, the schema, references, dates, duplicates. Prints a "
        "one-line summary, or every problem as FILE:LINE:COLUMN: error: MESSAGE (at /POINTER) "
        "and exits with status 2.");
    add_data_options(*command, options->data);
    add_format_option(*command, options->format);
    command->footer(
        "Examples:\n"
        "  entente validate                      # the embedded dataset\n"
        "  entente validate --data my-claims/    # a directory of *.json files\n"
        "  entente validate --with extra.json    # the embedded dataset plus a file");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
