// `entente path`: how two actors are connected, hop by hop, each hop with its claims.
#include <algorithm>

#include "answers.hpp"
#include "cli.hpp"
#include "entente/model/errors.hpp"
#include "entente/query/paths.hpp"

namespace entente::cli {

namespace {

struct PathCommandOptions {
    QueryOptions query;
    std::string from;
    std::string to;
    std::size_t k = 1;
    std::size_t max_hops = 0;
    std::vector<std::string> relations;
    bool directed = false;
    bool positive_only = false;
};

// The search's options, relations looked up in `kg` (which may have no claims: only its
// relation table is read).
PathOptions path_options(const KnowledgeGraph& kg, const PathCommandOptions& options) {
    PathOptions po;
    po.directed = options.directed;
    po.k = options.k;
    po.max_hops = options.max_hops;
    po.positive_only = options.positive_only;
    for (const auto& id : options.relations) {
        po.relations.push_back(kg.find_relation(id));
    }
    return po;
}

bool same_actor(Index from, Index to, const PathCommandOptions& options) {
    if (from == to) {
        print_error("path",
                    "\"" + options.from + "\" and \"" + options.to + "\" are the same actor");
        return true;
    }
    return false;
}

int answer(const KnowledgeGraph& kg, PathCommandOptions& options, Index from, Index to,
           const std::vector<Path>& paths);

// From a compiled file read in place: the search reads the index entries of the actors it
// reaches; only the claims of the paths found are decoded, into a graph of their own.
int run_in_place(const InPlace& in_place, PathCommandOptions& options) {
    const CompiledView& view = *in_place.view;
    const KnowledgeGraph& names = view.tables();
    const Index from = names.find_actor(options.from);
    const Index to = names.find_actor(options.to);
    if (same_actor(from, to, options)) {
        return exit_usage;
    }
    std::vector<Path> paths =
        PathFinder(view.path_data(in_place.scope), path_options(names, options)).find(from, to);
    std::vector<Index> claims;
    for (const Path& p : paths) {
        for (const Hop& h : p.hops) {
            claims.insert(claims.end(), h.claims.begin(), h.claims.end());
        }
    }
    const KnowledgeGraph& kg = in_place_subset(view, claims);
    for (Path& p : paths) {
        for (Hop& h : p.hops) {
            for (Index& c : h.claims) {
                c = static_cast<Index>(std::lower_bound(claims.begin(), claims.end(), c) -
                                       claims.begin());
                // The index said this claim joins the hop's actors; the claim must say so too.
                const Claim& claim = kg.claim(c);
                if (!((claim.subject == h.from && claim.object == h.to) ||
                      (claim.subject == h.to && claim.object == h.from))) {
                    throw DataError(options.query.data.data.front() +
                                    ": damaged compiled dataset: the claim index lists claim " +
                                    claim.id + " between actors it does not join");
                }
            }
        }
    }
    return answer(kg, options, from, to, paths);
}

int run(PathCommandOptions& options) {
    if (const InPlace in_place = open_in_place(options.query); in_place.view != nullptr) {
        return run_in_place(in_place, options);
    }
    const KnowledgeGraph& kg = load_scenario(options.query);
    const Index from = kg.find_actor(options.from);
    const Index to = kg.find_actor(options.to);
    if (same_actor(from, to, options)) {
        return exit_usage;
    }
    return answer(kg, options, from, to, shortest_paths(kg, from, to, path_options(kg, options)));
}

int answer(const KnowledgeGraph& kg, PathCommandOptions& options, Index from, Index to,
           const std::vector<Path>& paths) {
    write_diagram(options.query, [&] { return paths_diagram(kg, paths, from, to); });
    if (options.query.format == "json") {
        print_json(paths_json(kg, options.query.scenario, from, to, paths));
        return exit_ok;
    }
    Lines& lines = out();
    if (const std::string line = scenario_line(options.query.scenario); !line.empty()) {
        lines.line("scenario: ", line);
    }
    if (paths.empty()) {
        lines.line("no path from ", kg.actor(from).name, " to ", kg.actor(to).name,
                   " within the limits given");
        return exit_ok;
    }
    std::size_t n = 0;
    for (const auto& p : paths) {
        if (n != 0) {
            lines.blank();
        }
        std::string chain;
        for (std::size_t i = 0; i < p.actors.size(); ++i) {
            chain += (i == 0 ? "" : " \u2192 ") + kg.actor(p.actors[i]).name;
        }
        lines.line("path ", ++n, ": ", chain, "  (", plural(p.hops.size(), "hop", "hops"),
                   ", sign ", sign_text(p.sign), ")");
        for (const auto& h : p.hops) {
            lines.line("  ", kg.actor(h.from).id, " \u2192 ", kg.actor(h.to).id, "  (",
                       sign_text(h.sign), ")");
            for (Index c : h.claims) {
                print_claim(lines, kg, c, "    ");
            }
        }
    }
    return exit_ok;
}

}  // namespace

std::string paths_json(const KnowledgeGraph& kg, const ScenarioText& scenario, Index from, Index to,
                       const std::vector<Path>& paths) {
    JsonAnswer json(kg, scenario);
    json.key("from");
    json.actor(from);
    json.key("to");
    json.actor(to);
    json.key("paths");
    json.start_array();
    for (const auto& p : paths) {
        json.start_object();
        json.field("hops", p.hops.size());
        json.field("sign", p.sign);
        json.key("actors");
        json.actors(p.actors);
        json.key("steps");
        json.start_array();
        for (const auto& h : p.hops) {
            json.start_object();
            json.key("from");
            json.actor(h.from);
            json.key("to");
            json.actor(h.to);
            json.field("sign", h.sign);
            json.key("claims");
            json.claims(h.claims);
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
    return json.text();
}

void register_path(CLI::App& app) {
    auto options = std::make_shared<PathCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "path",
        "How two actors are connected: the shortest chain of claims between them (or the k "
        "shortest loopless ones), each hop with its claims, each path with its sign (the "
        "product of the hops' signs: a friend of an enemy is an enemy).");
    add_query_options(*command, options->query);
    command->add_option("from", options->from, "Where the path starts")
        ->type_name("ACTOR")
        ->required();
    command->add_option("to", options->to, "Where it ends")->type_name("ACTOR")->required();
    command->add_option("--k", options->k, "How many shortest loopless paths (Yen)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000}))
        ->default_str("1");
    command->add_option("--max-hops", options->max_hops, "Longest path allowed (0: no limit)")
        ->default_str("0");
    add_list_option(*command, "--relations", options->relations,
                    "Only these relations, comma-separated (e.g. supports,opposes); repeatable");
    command->add_flag("--directed", options->directed,
                      "Follow claims from subject to object (symmetric relations both ways)");
    command->add_flag("--positive-only", options->positive_only, "Only cooperative claims");
    command->footer(
        "Examples:\n"
        "  entente path pakistan \"united states\"\n"
        "  entente path pakistan united-states --k 3 --max-hops 3\n"
        "  entente path russia china --positive-only --relations partners_with,cooperates_with\n"
        "  entente path a1 a45000 --data big.entente\n"
        "A compiled dataset (entente compile) given alone to --data is read in place: only the\n"
        "index entries the search walks and the claims it prints are read, and --max-bytes does\n"
        "not apply. --as-of, --from, --until, --assume, --without and --roll-up load it whole.");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
