// `entente validate`: load the data and report every problem, or a one-line summary.
#include <iostream>

#include "cli.hpp"

namespace entente::cli {

namespace {

struct ValidateOptions {
    DataOptions data;
    std::string format;
};

void write_json(const ValidateOptions&, const Loaded& loaded) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("valid");
    w.Bool(loaded.errors == 0);
    w.Key("files");
    w.Uint64(loaded.files);
    w.Key("errors");
    w.Uint64(loaded.errors);
    w.Key("warnings");
    w.Uint64(loaded.warnings);
    if (loaded.graph) {
        const Dataset& d = loaded.graph->data();
        w.Key("counts");
        w.StartObject();
        w.Key("sources");
        w.Uint64(d.sources.size());
        w.Key("relations");
        w.Uint64(d.relations.size());
        w.Key("actors");
        w.Uint64(d.actors.size());
        w.Key("claims");
        w.Uint64(d.claims.size());
        w.EndObject();
    }
    w.Key("diagnostics");
    w.StartArray();
    for (const auto& diag : loaded.diagnostics) {
        w.StartObject();
        write_field(w, "severity", diag.severity == Severity::error ? "error" : "warning");
        write_field(w, "file", diag.file);
        w.Key("line");
        w.Uint64(diag.line);
        w.Key("column");
        w.Uint64(diag.column);
        write_field(w, "pointer", diag.pointer);
        write_field(w, "message", diag.message);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    print_json(buffer);
}

int run(const ValidateOptions& options) {
    const Loaded loaded = load(options.data);
    if (options.format == "json") {
        write_json(options, loaded);
        return loaded.errors == 0 ? exit_ok : exit_data;
    }
    if (loaded.errors != 0) {
        print_diagnostics(loaded);
        return exit_data;
    }
    print_diagnostics(loaded);  // warnings only, if any
    const Dataset& d = loaded.graph->data();
    const auto own = static_cast<std::size_t>(std::count_if(
        d.relations.begin(), d.relations.end(), [](const Relation& r) { return !r.builtin; }));
    std::cout << "valid: " << plural(loaded.files, "file", "files") << ", "
              << plural(d.sources.size(), "source", "sources") << ", "
              << plural(d.actors.size(), "actor", "actors") << ", "
              << plural(d.claims.size(), "claim", "claims") << ", "
              << plural(d.relations.size(), "relation", "relations") << " (" << own
              << " defined by the data), " << plural(loaded.warnings, "warning", "warnings")
              << '\n';
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
    command->callback([options] { throw Exit{run(*options)}; });
}

}  // namespace entente::cli
