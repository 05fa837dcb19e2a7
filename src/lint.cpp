// `entente lint`: the claims checked against their sources' texts and the curation rules.
#include "entente/curate/lint.hpp"
#include "cli.hpp"
#include "entente/load/embedded.hpp"

namespace entente::cli {

namespace {

struct LintCommandOptions {
    DataOptions data;
    std::string format;
    std::size_t max_shared = LintOptions{}.max_claims_per_quote;
};

Diagnostic as_diagnostic(const LintFinding& f) {
    Diagnostic d;
    d.severity = f.severity;
    d.file = f.location.file;
    d.line = f.location.line;
    d.column = f.location.column;
    d.pointer = f.location.pointer;
    d.message = f.message;
    return d;
}

int run(const LintCommandOptions& options) {
    std::vector<InputFile> files;
    const Loaded loaded = load(options.data, &files);
    if (!loaded.graph) {
        print_diagnostics(loaded);
        return exit_data;
    }
    const Dataset& data = loaded.graph->data();
    const DatasetLocations locations = locate_records(files);
    // The embedded dataset's texts are built in beside it; they are looked up only for it.
    std::vector<InputFile> bundled;
    if (options.data.data.empty()) {
        for (const auto& text : embedded_source_texts()) {
            bundled.push_back({std::string(text.name), std::string(text.bytes)});
        }
    }
    const auto texts = read_source_texts(data, locations, bundled, options.data.limits.max_bytes);
    LintOptions lint_options;
    lint_options.max_claims_per_quote = options.max_shared;
    const LintReport report =
        lint(data, locations, texts, lint_options, files.empty() ? "" : files.front().name);
    const int status = report.errors() == 0 ? exit_ok : exit_data;
    if (options.format == "json") {
        Json json;
        json.field("valid", report.errors() == 0);
        json.field("files", loaded.files);
        json.field("claims", report.claims);
        json.key("texts");
        json.start_array();
        for (const SourceText& t : texts) {
            json.start_object();
            json.field("source", data.sources[t.source].id);
            json.field("path", t.path);
            json.field("read", t.text.has_value());
            json.end_object();
        }
        json.end_array();
        json.field("quotes_checked", report.quotes_checked);
        json.field("quotes_found", report.quotes_found);
        json.field("errors", report.errors());
        json.field("warnings", report.warnings());
        json.key("findings");
        json.start_array();
        for (const LintFinding& f : report.findings) {
            json.start_object();
            json.field("severity", f.severity == Severity::error ? "error" : "warning");
            json.field("check", to_string(f.check));
            json.field("file", f.location.file);
            json.field("line", f.location.line);
            json.field("column", f.location.column);
            json.field("pointer", f.location.pointer);
            json.key("claim");
            if (f.claim != no_index) {
                json.value(data.claims[f.claim].id);
            } else {
                json.null();
            }
            json.key("source");
            if (f.source != no_index) {
                json.value(data.sources[f.source].id);
            } else {
                json.null();
            }
            json.field("message", f.message);
            json.end_object();
        }
        json.end_array();
        json.print();
        return status;
    }
    Lines& lines = out();
    for (const LintFinding& f : report.findings) {
        lines.line(format_diagnostic(as_diagnostic(f)), " [", to_string(f.check), "]");
    }
    lines.line("lint: ", plural(loaded.files, "file", "files"), ", ",
               plural(report.claims, "claim", "claims"), ", ",
               plural(report.texts, "source text", "source texts"), ", ", report.quotes_found,
               " of ", plural(report.quotes_checked, "quote", "quotes"), " found; ",
               plural(report.errors(), "error", "errors"), ", ",
               plural(report.warnings(), "warning", "warnings"));
    return status;
}

}  // namespace

void register_lint(CLI::App& app) {
    auto options = std::make_shared<LintCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "lint",
        "Check the claims against their sources' texts and the curation rules. Errors: a "
        "source's text that cannot be read, a quote not found in its source's text (quote marks, "
        "whitespace and case aside; an ellipsis stands for left-out text). Warnings: a claim "
        "with no quote to check, hedging words in a stated claim's quote, one quote behind many "
        "claims, a context claim without a quote or URL, an undated claim about a dated event. "
        "Each finding as FILE:LINE:COLUMN: SEVERITY: MESSAGE (at /POINTER) [CHECK]; exit status "
        "2 on errors, 0 with warnings only.");
    add_data_options(*command, options->data);
    add_format_option(*command, options->format);
    command
        ->add_option("--max-shared", options->max_shared,
                     "Warn when one quote supports more than N claims")
        ->type_name("N")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}))
        ->default_str(std::to_string(options->max_shared));
    command->footer(
        "Examples:\n"
        "  entente lint                          # the embedded dataset and its source texts\n"
        "  entente lint --data my-claims/        # a directory of *.json files\n"
        "  entente lint --format json | jq '.findings[] | select(.severity == \"error\")'");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
