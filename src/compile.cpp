// `entente compile`: load and check a dataset once, write it in the compiled form that later
// commands load with --data without parsing JSON.
#include <algorithm>
#include <filesystem>
#include <optional>

#include "cli.hpp"
#include "entente/export/atomic_write.hpp"
#include "entente/load/compiled.hpp"

namespace entente::cli {

namespace {

struct CompileOptions {
    DataOptions data;
    std::string output;
};

// "12.3 MB" or "40.0 kB": sizes people read, decimal as file managers show them.
std::string file_size(std::size_t bytes) {
    char text[32];
    const double b = static_cast<double>(bytes);
    std::snprintf(text, sizeof text, b < 1e6 ? "%.1f kB" : "%.1f MB", b < 1e6 ? b / 1e3 : b / 1e6);
    return text;
}

// The input -o would overwrite: a file given to --data or --with, or a *.json file a directory
// given there holds. The compiled form is written by renaming over the output, so compiling "into"
// an input would replace the JSON it came from with a binary file.
std::optional<std::string> overwritten_input(const CompileOptions& options) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path output(options.output);
    if (options.output == "-" || !fs::exists(output, error)) {
        return std::nullopt;
    }
    for (const auto* paths : {&options.data.data, &options.data.with}) {
        for (const std::string& input : *paths) {
            const fs::path in(input);
            if (fs::equivalent(in, output, error) ||
                (fs::is_directory(in, error) && output.extension() == ".json" &&
                 fs::equivalent(in, output.has_parent_path() ? output.parent_path() : ".",
                                error))) {
                return input;
            }
        }
    }
    return std::nullopt;
}

int run(const CompileOptions& options) {
    if (const auto input = overwritten_input(options)) {
        print_error("compile", "-o " + options.output + " is an input (" + *input +
                                   "): it would be replaced by the compiled form; write it "
                                   "elsewhere");
        return exit_usage;
    }
    Loaded loaded = load(options.data);
    if (!loaded.graph) {
        print_diagnostics(loaded);
        print_error("nothing written; fix the errors above and compile again");
        return exit_data;
    }
    // Warnings past the per-kind cap were summed up, not listed; the count travels with them.
    const auto listed = static_cast<std::size_t>(
        std::count_if(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::warning; }));
    const std::string bytes =
        to_compiled(*loaded.graph, loaded.diagnostics, loaded.files, loaded.warnings - listed);
    write_file_atomically(options.output, bytes);
    const Dataset& d = loaded.graph->data();
    out().line("compiled ", plural(d.claims.size(), "claim", "claims"), ", ",
               plural(d.actors.size(), "actor", "actors"), " and ",
               plural(d.sources.size(), "source", "sources"), " from ",
               plural(loaded.files, "file", "files"), " into ", options.output, " (",
               file_size(bytes.size()), "); load it with --data ", options.output);
    if (loaded.warnings != 0) {
        print_error("the data has " + plural(loaded.warnings, "warning", "warnings") +
                    ", kept in the compiled file; `entente validate --data " + options.output +
                    "` lists them");
    }
    return exit_ok;
}

}  // namespace

void register_compile(CLI::App& app) {
    auto options = std::make_shared<CompileOptions>();
    CLI::App* command = app.add_subcommand(
        "compile",
        "Check a dataset once and write it in a compiled binary form that later commands load "
        "with --data many times faster than JSON. It keeps every source, relation, actor, claim "
        "and warning; a damaged file or one from another version of entente is refused.");
    add_data_options(*command, options->data);
    command->add_option("-o,--output", options->output, "Write the compiled dataset here")
        ->type_name("FILE")
        ->required();
    command->footer(
        "Examples:\n"
        "  entente compile --data events/ -o events.entente\n"
        "  entente align a1 a2 --data events.entente\n"
        "  entente compile --with my-claims.json -o curated-plus-mine.entente\n"
        "A compiled file is loaded on its own: to add files, compile them together.");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
