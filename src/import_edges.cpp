// `entente import edges`: signed networks (CSV/TSV edge lists, Pajek .net, GraphML) into an entente
// dataset, JSON or compiled. The reading is the library's (entente/import/edges.hpp); this file
// picks each file's format, opens the files, shows progress and writes the result.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>

#include "cli.hpp"
#include "entente/export/dataset_json.hpp"
#include "entente/import/edges.hpp"
#include "entente/load/compiled.hpp"
#include "entente/query/selection.hpp"

namespace entente::cli {

namespace {

struct ImportEdgesOptions {
    std::vector<std::string> files;
    std::string output;
    std::string format;
    std::string kind;
    std::string delimiter;
    std::string positive;
    std::string negative;
    EdgeImportOptions library;
};

std::string extension_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
        return "";
    }
    std::string ext = path.substr(dot + 1);
    for (char& c : ext) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return ext;
}

// A file named .tsv or .tab, or whose first line has tabs and no comma, is TSV (as import votes).
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
    const std::string ext = extension_of(path);
    if (ext == "tsv" || ext == "tab") {
        return '\t';
    }
    if (ext == "csv") {
        return ',';
    }
    std::string first;
    std::getline(in, first);
    in.clear();
    in.seekg(0);
    return first.find('\t') != std::string::npos && first.find(',') == std::string::npos ? '\t'
                                                                                         : ',';
}

// The built-in relation `id` of `polarity`, or a usage error naming the ones there are.
void check_relation(const std::string& id, int polarity, const char* option) {
    std::string names;
    for (const Relation& r : builtin_relations()) {
        if (r.polarity == polarity) {
            if (r.id == id) {
                return;
            }
            names += (names.empty() ? "" : ", ") + r.id;
        }
    }
    throw std::invalid_argument(std::string(option) + " \"" + id + "\" is not a built-in " +
                                (polarity > 0 ? "cooperative" : "hostile") +
                                " relation; use one of " + names);
}

int run(ImportEdgesOptions& o) {
    if (!o.kind.empty()) {
        o.library.actor_kind = *parse_actor_kind(o.kind);
    }
    try {
        if (!o.library.sign_column.empty() && !o.library.weight_column.empty()) {
            throw std::invalid_argument(
                "--sign-column and --weight-column both name the value's column; give one");
        }
        // --positive/--negative replace the relation of both edges and arcs.
        if (!o.positive.empty()) {
            check_relation(o.positive, 1, "--positive");
            o.library.positive_edge = o.library.positive_arc = o.positive;
        }
        if (!o.negative.empty()) {
            check_relation(o.negative, -1, "--negative");
            o.library.negative_edge = o.library.negative_arc = o.negative;
        }
    } catch (const std::invalid_argument& e) {
        print_error("import edges", e.what());
        return exit_usage;
    }
    const std::map<std::string, EdgeFormat> formats = {
        {"csv", EdgeFormat::csv},    {"tsv", EdgeFormat::csv},     {"tab", EdgeFormat::csv},
        {"net", EdgeFormat::pajek},  {"pajek", EdgeFormat::pajek}, {"graphml", EdgeFormat::graphml},
        {"xml", EdgeFormat::graphml}};
    std::vector<EdgeFormat> chosen;
    for (const auto& path : o.files) {
        const std::string key = o.format.empty() ? extension_of(path) : o.format;
        const auto at = formats.find(key);
        if (at == formats.end()) {
            print_error("import edges",
                        "cannot tell the format of " + path +
                            " from its name (.csv, .tsv, .net, .graphml or .xml); give --format "
                            "csv, pajek or graphml");
            return exit_usage;
        }
        chosen.push_back(at->second);
    }
    const bool compiled = o.output.size() > 8 && o.output.ends_with(".entente");
    std::vector<std::unique_ptr<std::ifstream>> streams;
    std::vector<EdgeInput> inputs;
    bool unreadable = false;
    for (std::size_t i = 0; i < o.files.size(); ++i) {
        const auto& path = o.files[i];
        auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
        if (!*in) {
            print_error(path + ": error: cannot open the file for reading");
            unreadable = true;
            continue;
        }
        in->seekg(0, std::ios::end);
        const auto size = in->tellg();
        in->seekg(0);
        EdgeInput input;
        input.name = path;
        input.stream = in.get();
        input.size = size > 0 ? static_cast<std::uint64_t>(size) : 0;
        input.format = chosen[i];
        if (input.format == EdgeFormat::csv) {
            input.delimiter = delimiter_of(path, *in, o.delimiter);
        }
        inputs.push_back(std::move(input));
        streams.push_back(std::move(in));
    }
    if (unreadable) {
        print_error("nothing written");
        return exit_data;
    }
    EdgeImportResult result;
    {
        ProgressLine line("importing");
        ImportProgress progress;
        if (isatty(STDERR_FILENO) != 0) {
            progress = [&line](std::uint64_t done, std::uint64_t total) {
                line.update(static_cast<std::size_t>(done), static_cast<std::size_t>(total));
            };
        }
        result = import_edges(inputs, o.library, progress);
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
    const std::size_t claims = result.positive + result.negative;
    std::string summary = "imported " + plural(claims, "signed edge", "signed edges") + " (" +
                          std::to_string(result.positive) + " positive, " +
                          std::to_string(result.negative) + " negative";
    if (result.arcs != 0) {
        summary += "; " + std::to_string(result.arcs) + " directed";
    }
    summary += ") among " + plural(result.actors, "actor", "actors");
    if (result.zero + result.loops != 0) {
        summary += ", skipping ";
        if (result.zero != 0) {
            summary += plural(result.zero, "edge", "edges") + " of value 0";
        }
        if (result.loops != 0) {
            summary += std::string(result.zero != 0 ? " and " : "") +
                       plural(result.loops, "loop", "loops");
        }
    }
    if (result.zero + result.loops != 0 && o.output != "-") {
        summary += ",";
    }
    if (o.output == "-") {
        print_error(summary);
    } else {
        out().line(summary, " into ", o.output, "; load it with --data ", o.output);
    }
    return exit_ok;
}

}  // namespace

void register_import_edges(CLI::App& import) {
    auto o = std::make_shared<ImportEdgesOptions>();
    CLI::App* edges = import.add_subcommand(
        "edges",
        "Signed networks (CSV/TSV edge lists, Pajek .net, GraphML) into an entente dataset: each "
        "vertex an actor, each edge of non-zero value a claim whose relation has the value's sign "
        "(positive: cooperates_with, or supports for an arc; negative: hostile_to, or opposes for "
        "an arc), one source per file. Every bad line is reported as FILE:LINE:COLUMN; then "
        "nothing is written (status 2).");
    edges
        ->add_option("files", o->files,
                     "The networks to read; vertices of the same name are one actor")
        ->required()
        ->type_name("FILE");
    edges
        ->add_option("-o,--output", o->output,
                     "Write the dataset here: FILE.json (JSON), FILE.entente (compiled) or - "
                     "(JSON on stdout)")
        ->type_name("FILE")
        ->required();
    edges
        ->add_option("--format", o->format,
                     "csv (also TSV), pajek or graphml; default: by each file's extension (.csv, "
                     ".tsv, .tab, .net, .graphml, .xml)")
        ->check(CLI::IsMember({"csv", "pajek", "graphml"}))
        ->type_name("NAME");
    CLI::App* columns = edges->add_option_group("CSV columns");
    columns
        ->add_option("--source-column", o->library.source_column,
                     "Column naming the edge's first end (default: source)")
        ->type_name("NAME");
    columns
        ->add_option("--target-column", o->library.target_column,
                     "Column naming its second end (default: target)")
        ->type_name("NAME");
    columns
        ->add_option("--sign-column", o->library.sign_column,
                     "Column holding the edge's sign or signed value (default: sign, else weight)")
        ->type_name("NAME");
    columns
        ->add_option("--weight-column", o->library.weight_column,
                     "Column holding a signed weight; its sign is the edge's sign")
        ->type_name("NAME");
    columns->add_flag("--directed", o->library.directed,
                      "Rows are arcs, source to target (default: undirected edges)");
    columns
        ->add_option("--delimiter", o->delimiter,
                     "comma, tab or semicolon; default: tab for .tsv and .tab files, comma for "
                     ".csv, else what the first line shows")
        ->check(CLI::IsMember({"comma", "tab", "semicolon"}))
        ->type_name("NAME");
    CLI::App* graphml = edges->add_option_group("GraphML");
    graphml
        ->add_option("--sign-attribute", o->library.sign_attribute,
                     "The edge attribute (its attr.name) holding the sign or signed value "
                     "(default: sign, else weight)")
        ->type_name("NAME");
    CLI::App* made = edges->add_option_group("Dataset");
    made->add_option("--kind", o->kind,
                     "Kind of every actor: state (default), organization, "
                     "person or group")
        ->check(CLI::IsMember({"state", "organization", "person", "group"}))
        ->type_name("KIND");
    made->add_option("--dataset-name", o->library.dataset_name,
                     "Title of the source every claim cites (default: Pajek's *Network name, "
                     "else the file's name)")
        ->type_name("TEXT");
    made->add_option("--positive", o->positive,
                     "Built-in cooperative relation for positive edges and arcs (allied_with, "
                     "cooperates_with, partners_with, ...)")
        ->type_name("RELATION");
    made->add_option("--negative", o->negative,
                     "Built-in hostile relation for negative edges and arcs (hostile_to, rivals, "
                     "opposes, ...)")
        ->type_name("RELATION");
    edges->footer(
        "The sign picks the relation (1 and -1, or any signed number); its size is the claim's\n"
        "weight, which ties add up (docs/queries.md). Edges of value 0 and loops make no claim.\n"
        "Examples:\n"
        "  entente import edges highland-tribes.net --kind group -o tribes.json\n"
        "  entente balance --data tribes.json\n"
        "  entente import edges alliances.csv --source-column state1 --target-column state2 \\\n"
        "      --sign-column sign --positive allied_with -o alliances.entente\n"
        "  entente import edges network.graphml --sign-attribute polarity -o network.json\n"
        "Actor ids are the names' ASCII slugs; a vertex's own id becomes an alias.");
    set_action(*edges, [o] { return run(*o); });
}

}  // namespace entente::cli
