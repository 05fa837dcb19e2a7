// `entente export`: the whole graph or a part of it, drawn or in another tool's format.
#include <unistd.h>

#include "cli.hpp"
#include "entente/draw/render.hpp"
#include "entente/export/atomic_write.hpp"
#include "entente/export/csv.hpp"
#include "entente/export/dataset_json.hpp"
#include "entente/export/graphml.hpp"
#include "entente/model/errors.hpp"
#include "entente/query/selection.hpp"
#include "serve_api.hpp"

namespace entente::cli {

namespace {

struct ExportOptions {
    DataOptions data;
    std::string output;
    std::string format;
    std::string focus;
    std::size_t depth = 1;
    std::string kind;
    std::vector<std::string> relations;
    std::string as_of;
    std::vector<std::string> modality;  ///< --modality: narrow to these (default: every claim)
    std::string from;
    std::string until;
    std::string layout;
    SlideOptions slide;
    bool raw = false;
    bool directed_only = false;
    std::size_t top = 0;  ///< --top N: draw only the N heaviest claims (0: all).
    /// --question (html): the page's questions answered in the file, as the API asks them.
    std::vector<std::string> questions;
};

// The format: --format, else the output file's extension, else JSON.
std::string pick_format(const ExportOptions& o) {
    if (!o.format.empty()) {
        return o.format;
    }
    const auto dot = o.output.rfind('.');
    if (dot != std::string::npos) {
        const std::string ext = o.output.substr(dot + 1);
        for (const char* known : {"dot", "svg", "png", "pdf", "graphml", "json", "csv", "html"}) {
            if (ext == known) {
                return ext;
            }
        }
        if (ext == "gv") {
            return "dot";
        }
        print_error("export", "cannot tell the format of \"" + o.output +
                                  "\"; give --format or name it .dot, .svg, .png, .pdf, "
                                  ".graphml, .json, .csv or .html (--format kumu or neo4j for "
                                  "those importers' CSV)");
        stop(exit_usage);
    }
    return "json";
}

// "graph.csv" -> "graph-nodes.csv" and "graph-edges.csv".
std::pair<std::string, std::string> csv_names(const std::string& output) {
    std::string base = output;
    if (base.size() > 4 && base.substr(base.size() - 4) == ".csv") {
        base.resize(base.size() - 4);
    }
    return {base + "-nodes.csv", base + "-edges.csv"};
}

// A writer's count of characters its format could not carry, said once on stderr.
void warn_replaced(std::size_t replaced, const std::string& what) {
    if (replaced != 0) {
        print_error("warning: " + std::to_string(replaced) +
                    (replaced == 1 ? " character" : " characters") + " that " + what +
                    " cannot carry written as a stand-in (docs/diagrams.md, \"Text in exports\")");
    }
}

int run(const ExportOptions& o) {
    const std::string format = pick_format(o);
    const bool binary = format == "png" || format == "pdf";
    if (o.focus.empty() && o.depth != 1) {
        print_error("export", "--depth goes with --focus");
        return exit_usage;
    }
    const bool csv = format == "csv" || format == "kumu" || format == "neo4j";
    if (csv && (o.output.empty() || o.output == "-")) {
        print_error("export", format + " writes two files (nodes and edges); give -o BASE.csv");
        return exit_usage;
    }
    if (o.raw && !csv) {
        print_error("export", "--raw goes with --format csv, kumu or neo4j");
        return exit_usage;
    }
    if (o.directed_only && format != "graphml") {
        print_error("export", "--directed-only goes with --format graphml");
        return exit_usage;
    }
    if (!o.questions.empty() && format != "html") {
        print_error("export", "--question goes with --format html");
        return exit_usage;
    }
    if (format == "html") {
        // The seminar page with its answers: the whole data as loaded (what-ifs, dates and the
        // selection are the questions' own parameters).
        if (!o.focus.empty() || !o.kind.empty() || !o.relations.empty() || !o.as_of.empty() ||
            !o.from.empty() || !o.until.empty() || !o.modality.empty() || o.top != 0) {
            print_error("export",
                        "--format html takes the whole dataset; put what-ifs and dates "
                        "in each --question (as_of=, assume=, without=)");
            return exit_usage;
        }
        const KnowledgeGraph& whole = load_for_query(o.data);
        std::string page;
        try {
            page = lesson_html(
                whole, o.questions.empty() ? std::vector<std::string>{"balance"} : o.questions);
        } catch (const Error& e) {
            print_error("export", e.what());
            return exit_data;
        }
        write_output(o.output, page);
        if (!o.output.empty() && o.output != "-") {
            print_error("export", "wrote " + o.output + " (the seminar page with " +
                                      plural(o.questions.empty() ? 1 : o.questions.size(),
                                             "question", "questions") +
                                      " answered; open it in a browser, no server needed)");
        }
        return exit_ok;
    }
    const bool drawing = format == "dot" || format == "svg" || binary;
    if (o.top != 0 && !drawing) {
        print_error("export", "--top goes with a drawing (dot, svg, png or pdf)");
        return exit_usage;
    }
    if (binary && (o.output.empty() || o.output == "-") && ::isatty(STDOUT_FILENO)) {
        print_error("export", "not writing " + format + " to a terminal; give -o FILE");
        return exit_usage;
    }
    QueryOptions query;
    query.data = o.data;
    query.scenario.as_of = o.as_of;
    query.scenario.modality = o.modality;
    // An export writes what the data says, every modality and negation in its columns, unless
    // --modality narrows it to the claims queries would count.
    query.scenario.every_claim = true;
    query.scenario.from = o.from;
    query.scenario.until = o.until;
    const KnowledgeGraph& kg = load_scenario(query);
    SelectOptions select_options;
    if (!o.focus.empty()) {
        select_options.focus = kg.find_actor(o.focus);
    }
    select_options.depth = o.depth;
    if (!o.kind.empty()) {
        select_options.kind = parse_actor_kind(o.kind);
    }
    for (const auto& id : o.relations) {
        select_options.relations.push_back(kg.find_relation(id));
    }
    const Selection selection = select(kg, select_options);
    if (format == "json") {
        write_output(o.output, to_dataset_json(kg, selection));
    } else if (format == "graphml") {
        GraphmlOptions options;
        options.mixed = !o.directed_only;
        GraphmlReport report;
        std::string text = to_graphml(kg, selection, options, &report);
        warn_replaced(report.replaced, "GraphML (XML 1.0)");
        write_output(o.output, text);
    } else if (csv) {
        CsvOptions options;
        options.shape = format == "kumu"    ? CsvShape::kumu
                        : format == "neo4j" ? CsvShape::neo4j
                                            : CsvShape::plain;
        options.raw = o.raw;
        CsvReport report;
        auto [nodes, edges] = to_csv(kg, selection, options, &report);
        const auto [nodes_name, edges_name] = csv_names(o.output);
        try {
            write_files_atomically({{nodes_name, nodes}, {edges_name, edges}});
        } catch (const IoError& e) {
            print_error(e.what());
            return exit_data;
        }
        if (report.neutralised != 0) {
            print_error("warning: " + std::to_string(report.neutralised) +
                        (report.neutralised == 1 ? " cell" : " cells") +
                        " that a spreadsheet would run as a formula (starting with =, +, -, @) "
                        "given a leading ' (--raw writes them as they are)");
        }
        warn_replaced(report.replaced,
                      format == "neo4j" ? "its list separator ';'" : "its list separator '|'");
        print_error("wrote " + nodes_name + " and " + edges_name);
    } else {
        std::vector<Index> actors = selection.actors;
        std::vector<Index> claims = selection.claims;
        if (o.top != 0) {
            // The heaviest claims and the actors they touch (claims_diagram adds each claim's
            // ends), so a whole graph can be drawn readably.
            claims = heaviest_claims(kg, claims, o.top);
            actors.clear();
        }
        std::vector<Index> centre;
        if (select_options.focus) {
            centre.push_back(*select_options.focus);
        }
        Diagram diagram = claims_diagram(kg, actors, claims, "", centre);
        std::string title =
            "entente: " +
            std::to_string(o.top != 0 ? diagram.nodes.size() : selection.actors.size()) +
            " actors, " + std::to_string(claims.size()) + " claims";
        if (o.top != 0) {
            title += " (the heaviest of " + std::to_string(selection.claims.size()) + ")";
        }
        if (select_options.focus) {
            title += " around " + kg.actor(*select_options.focus).name;
        }
        diagram.title = title;
        ScenarioText scenario;
        scenario.as_of = o.as_of;
        scenario.from = o.from;
        scenario.until = o.until;
        draw(o.output, diagram, *parse_diagram_format(format), o.layout, o.slide,
             scenario_line(scenario));
    }
    return exit_ok;
}

}  // namespace

void register_export(CLI::App& app) {
    auto o = std::make_shared<ExportOptions>();
    CLI::App* command = app.add_subcommand(
        "export",
        "Export the graph, or a part of it: drawn (dot, svg with tooltips, png, pdf), as GraphML "
        "for Gephi, yEd, Cytoscape and NetworkX, as CSV nodes and edges for Kumu and Neo4j, or "
        "as an entente dataset (json) that loads back.");
    add_data_options(*command, o->data);
    command->add_option("-o,--output", o->output, "Write here (default: standard output)")
        ->type_name("FILE");
    command
        ->add_option("--format", o->format,
                     "dot, svg, png, pdf, graphml, json, csv, kumu, neo4j or html (default: from "
                     "-o's extension, else json); csv, kumu and neo4j write BASE-nodes.csv and "
                     "BASE-edges.csv; html is the seminar page of `entente serve` as one file "
                     "with the answers to its --question(s)")
        ->type_name("FORMAT")
        ->check(CLI::IsMember(
            {"dot", "svg", "png", "pdf", "graphml", "json", "csv", "kumu", "neo4j", "html"}));
    repeatable(command->add_option(
                   "--question", o->questions,
                   "html: a question the file answers, as the page's API asks it: "
                   "QUESTION?PARAMS with QUESTION neighbors, align, diverge, balance or path "
                   "(\"align?a=russia&b=pakistan\", \"neighbors?actor=pakistan&depth=1\", "
                   "\"balance?assume=india%20cooperates_with%20pakistan\"); repeatable; "
                   "default: balance"))
        ->type_name("QUESTION");
    command->add_flag("--raw", o->raw,
                      "CSV: write cells starting with =, +, -, @ as they are (by default they "
                      "get a leading ', so a spreadsheet does not run them as formulas)");
    command->add_flag("--directed-only", o->directed_only,
                      "GraphML: every edge directed, symmetric relations too (for NetworkX, "
                      "which refuses mixed graphs)");
    command->add_option("--focus", o->focus, "Only the ego network of this actor")
        ->type_name("ACTOR");
    command->add_option("--depth", o->depth, "Hops around --focus")
        ->check(CLI::Range(std::size_t{0}, std::size_t{100}))
        ->default_str("1");
    std::vector<std::string> kinds;
    for (ActorKind k : all_actor_kinds) {
        kinds.emplace_back(to_string(k));
    }
    command->add_option("--kind", o->kind, "Only actors of this kind")
        ->type_name("KIND")
        ->check(CLI::IsMember(kinds));
    add_list_option(*command, "--relations", o->relations,
                    "Only these relations, comma-separated; repeatable");
    add_as_of_option(*command, o->as_of);
    add_window_options(*command, o->from, o->until);
    add_modality_option(*command, o->modality)
        ->description(
            "Write only the non-negated claims of these modalities: stated, predicted, "
            "recommended, questioned, hedged, or all (comma-separated; default: every "
            "claim, with its modality and negation)");
    command
        ->add_option("--layout", o->layout,
                     "Graphviz layout for svg, png, pdf: dot, neato, fdp, sfdp or circo "
                     "(default: dot, or sfdp for large graphs)")
        ->type_name("ENGINE")
        ->check(CLI::IsMember({"dot", "neato", "fdp", "sfdp", "circo"}));
    command
        ->add_option("--top", o->top,
                     "Draw only the N heaviest claims, by |polarity x confidence x weight| (ties "
                     "by claim id), and the actors they touch")
        ->type_name("N")
        ->check(CLI::PositiveNumber);
    add_slide_options(*command->add_option_group("Diagram"), o->slide);
    o->slide.narrowing = "--focus ACTOR --depth N, --top N or --per-pair";
    command->footer(
        "Examples:\n"
        "  entente export -o entente.svg\n"
        "  entente export --focus pakistan --depth 2 -o pakistan.png\n"
        "  entente export --top 40 -o heaviest.svg            # the 40 heaviest claims\n"
        "  entente export -o entente.graphml                  # for Gephi, yEd, NetworkX\n"
        "  entente export -o entente.csv                      # entente-nodes.csv, "
        "entente-edges.csv\n"
        "  entente export --format kumu -o kumu.csv           # Kumu's elements and connections\n"
        "  entente export --format neo4j -o neo.csv           # for neo4j-admin database import\n"
        "  entente export --kind state --relations supports,opposes --format json\n"
        "  entente export -o lesson.html --question \"align?a=russia&b=pakistan\" \\\n"
        "      --question balance                          # the seminar page, no server");
    set_action(*command, [o] { return run(*o); });
}

}  // namespace entente::cli
