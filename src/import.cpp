// `entente import votes`: roll-call votes (CSV or TSV, one row per voter per vote) into an entente
// dataset, JSON or compiled. The reading is the library's (entente/import/votes.hpp); this file
// opens the files, shows progress and writes the result.
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>

#include "cli.hpp"
#include "entente/export/atomic_write.hpp"
#include "entente/export/dataset_json.hpp"
#include "entente/import/votes.hpp"
#include "entente/load/compiled.hpp"
#include "entente/query/selection.hpp"

namespace entente::cli {

namespace {

struct ImportVotesOptions {
    std::vector<std::string> files;
    std::string output;
    std::string preset = "columns";
    std::string kind;
    std::string delimiter;
    VoteImportOptions library;
};

// A file named .tsv or .tab, or whose first line has tabs and no comma, is TSV.
char delimiter_of(const std::string& path, std::istream& in, const std::string& option) {
    if (option == "tab") {
        return '\t';
    }
    if (option == "comma") {
        return ',';
    }
    if (option == "semicolon") {
        return ';';
    }
    const auto dot = path.rfind('.');
    if (dot != std::string::npos) {
        const std::string ext = path.substr(dot + 1);
        if (ext == "tsv" || ext == "tab") {
            return '\t';
        }
        if (ext == "csv") {
            return ',';
        }
    }
    std::string first;
    std::getline(in, first);
    in.clear();
    in.seekg(0);
    return first.find('\t') != std::string::npos && first.find(',') == std::string::npos ? '\t'
                                                                                         : ',';
}

int run(ImportVotesOptions& o) {
    const std::map<std::string, VotePreset> presets = {{"columns", VotePreset::columns},
                                                       {"unvotes", VotePreset::unvotes},
                                                       {"voeten", VotePreset::voeten},
                                                       {"voteview", VotePreset::voteview}};
    o.library.preset = presets.at(o.preset);
    if (!o.kind.empty()) {
        o.library.actor_kind = parse_actor_kind(o.kind);
    }
    const bool compiled = o.output.size() > 8 && o.output.ends_with(".entente");
    std::vector<std::unique_ptr<std::ifstream>> streams;
    std::vector<VoteInput> inputs;
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
        VoteInput input;
        input.name = path;
        input.stream = in.get();
        input.size = size > 0 ? static_cast<std::uint64_t>(size) : 0;
        input.delimiter = delimiter_of(path, *in, o.delimiter);
        inputs.push_back(std::move(input));
        streams.push_back(std::move(in));
    }
    if (unreadable) {
        print_error("nothing written");
        return exit_data;
    }
    VoteImportResult result;
    {
        ProgressLine line("importing");
        ImportProgress progress;
        if (isatty(STDERR_FILENO) != 0) {
            progress = [&line](std::uint64_t done, std::uint64_t total) {
                line.update(static_cast<std::size_t>(done), static_cast<std::size_t>(total));
            };
        }
        try {
            result = import_votes(inputs, o.library, progress);
        } catch (const std::invalid_argument& e) {
            print_error("import votes", e.what());
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
    const auto votes = result.yes + result.no + result.abstain;
    std::string summary = "imported " + plural(votes, "vote", "votes") + " (" +
                          std::to_string(result.yes) + " yes, " + std::to_string(result.no) +
                          " no, " + std::to_string(result.abstain) + " abstaining; " +
                          std::to_string(result.absent) + " absent) of " +
                          plural(result.voters, "voter", "voters") + " on " +
                          plural(result.roll_calls, "roll call", "roll calls");
    if (result.issues != 0) {
        summary += " (" + plural(result.issues, "issue", "issues") + ")";
    }
    if (o.output == "-") {
        print_error(summary);
    } else {
        out().line(summary, " into ", o.output, "; load it with --data ", o.output);
    }
    return exit_ok;
}

}  // namespace

void register_import(CLI::App& app) {
    CLI::App* import = app.add_subcommand(
        "import",
        "Turn other data into an entente dataset (roll-call votes, signed networks, event "
        "data).");
    import->require_subcommand(1);
    register_import_edges(*import);
    auto o = std::make_shared<ImportVotesOptions>();
    CLI::App* votes = import->add_subcommand(
        "votes",
        "Roll-call votes in long form (one row per voter per vote; CSV or TSV) into an entente "
        "dataset: each roll call a position with its date and title, each vote a supports, "
        "opposes or abstains_on claim dated to the vote, one source naming the data set. Every "
        "bad row is reported as FILE:LINE:COLUMN; then nothing is written (status 2).");
    votes
        ->add_option("files", o->files,
                     "The tables to read (a preset tells them apart by their "
                     "headers, in any order)")
        ->required()
        ->type_name("FILE");
    votes
        ->add_option("-o,--output", o->output,
                     "Write the dataset here: FILE.json (JSON), FILE.entente (compiled) or - "
                     "(JSON on stdout)")
        ->type_name("FILE")
        ->required();
    votes
        ->add_option("--preset", o->preset,
                     "The shape of the data: unvotes (un_votes.csv, un_roll_calls.csv and "
                     "optionally un_roll_call_issues.csv), voeten (UNVotes.csv), voteview "
                     "(member votes, members and rollcalls), or columns (the default: name the "
                     "columns below)")
        ->check(CLI::IsMember({"columns", "unvotes", "voeten", "voteview"}))
        ->type_name("NAME");
    CLI::App* columns = votes->add_option_group("Columns");
    columns->add_option("--actor-column", o->library.actor_column, "Column naming the voter")
        ->type_name("NAME");
    columns->add_option("--item-column", o->library.item_column, "Column naming the roll call")
        ->type_name("NAME");
    columns->add_option("--vote-column", o->library.vote_column, "Column holding the vote")
        ->type_name("NAME");
    columns
        ->add_option("--date-column", o->library.date_column,
                     "Column holding the vote's date (YYYY-MM-DD, YYYY-MM or YYYY)")
        ->type_name("NAME");
    columns
        ->add_option("--delimiter", o->delimiter,
                     "comma, tab or semicolon; default: tab for .tsv and .tab files, comma for "
                     ".csv, else what the first line shows")
        ->check(CLI::IsMember({"comma", "tab", "semicolon"}))
        ->type_name("NAME");
    CLI::App* codes = votes->add_option_group("Vote codes");
    const auto list = [&](const char* name, std::vector<std::string>& values, const char* what) {
        codes->add_option(name, values, what)->delimiter(',')->type_name("VALUES");
    };
    list("--yes", o->library.codes.yes,
         "Values read as yes (supports); default yes, yea, aye, y (a preset has its own)");
    list("--no", o->library.codes.no, "Values read as no (opposes); default no, nay, n");
    list("--abstain", o->library.codes.abstain,
         "Values read as abstaining (abstains_on); default abstain, abstention, present");
    list("--absent", o->library.codes.absent,
         "Values read as absent (no claim); default absent, not voting, NA and empty");
    CLI::App* made = votes->add_option_group("Dataset");
    made->add_option("--actor-kind", o->kind,
                     "Kind of the voters: state (default; person for voteview), organization, "
                     "person or group")
        ->check(CLI::IsMember({"state", "organization", "person", "group"}))
        ->type_name("KIND");
    made->add_option("--source-title", o->library.source_title,
                     "Title of the source every claim cites (default: the data set's, or the "
                     "file's name)")
        ->type_name("TEXT");
    made->add_option("--source-id", o->library.source_id,
                     "Id of that source (default: the preset's, or the title's slug)")
        ->type_name("ID");
    votes->footer(
        "Examples:\n"
        "  entente import votes --preset unvotes un_votes.csv un_roll_calls.csv \\\n"
        "      un_roll_call_issues.csv -o unga.json\n"
        "  entente align united-states --data unga.json\n"
        "  entente import votes --preset voeten UNVotes.csv -o unga.entente\n"
        "  entente import votes --preset voteview HSall_votes.csv HSall_members.csv \\\n"
        "      HSall_rollcalls.csv -o congress.entente\n"
        "  entente import votes council.tsv --actor-column country --item-column act \\\n"
        "      --vote-column vote --date-column date --yes Y --no N --abstain A -o council.json\n"
        "Actor ids are the names' ASCII slugs; country codes and bioguide ids become aliases.");
    set_action(*votes, [o] { return run(*o); });
    register_import_events(*import);
}

}  // namespace entente::cli
