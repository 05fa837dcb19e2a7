// `entente path`: how two actors are connected, hop by hop, each hop with its claims.
#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "entente/query/ego_network.hpp"
#include "entente/query/paths.hpp"

namespace entente::cli {

namespace {

struct PathCommandOptions {
    QueryOptions query;
    std::string from;
    std::string to;
    std::size_t k = 1;
    std::size_t max_hops = 0;
    std::string relations;
    bool directed = false;
    bool positive_only = false;
};

std::string sign_text(int sign) {
    return sign > 0 ? "+1" : sign < 0 ? "-1" : "0";
}

int run(const PathCommandOptions& options) {
    const KnowledgeGraph& kg = load_scenario(options.query);
    const Index from = kg.find_actor(options.from);
    const Index to = kg.find_actor(options.to);
    if (from == to) {
        std::cerr << "entente path: \"" << options.from << "\" and \"" << options.to
                  << "\" are the same actor\n";
        return exit_usage;
    }
    PathOptions po;
    po.directed = options.directed;
    po.k = options.k;
    po.max_hops = options.max_hops;
    po.positive_only = options.positive_only;
    std::stringstream list(options.relations);
    for (std::string id; std::getline(list, id, ',');) {
        if (!id.empty()) {
            po.relations.push_back(kg.find_relation(id));
        }
    }
    const auto paths = shortest_paths(kg, from, to, po);
    write_diagram(options.query, paths_diagram(kg, paths));
    if (options.query.format == "json") {
        JsonAnswer answer(options.query);
        JsonWriter& w = answer.writer();
        Citations& citations = answer.citations();
        w.Key("from");
        write_actor_ref(w, kg, from);
        w.Key("to");
        write_actor_ref(w, kg, to);
        w.Key("paths");
        w.StartArray();
        for (const auto& p : paths) {
            w.StartObject();
            w.Key("hops");
            w.Uint64(p.hops.size());
            w.Key("sign");
            w.Int(p.sign);
            w.Key("actors");
            w.StartArray();
            for (Index a : p.actors) {
                write_string(w, kg.actor(a).id);
            }
            w.EndArray();
            w.Key("steps");
            w.StartArray();
            for (const auto& h : p.hops) {
                w.StartObject();
                write_field(w, "from", kg.actor(h.from).id);
                write_field(w, "to", kg.actor(h.to).id);
                w.Key("sign");
                w.Int(h.sign);
                w.Key("claims");
                w.StartArray();
                for (Index c : h.claims) {
                    write_string(w, kg.claim(c).id);
                    citations.add(c);
                }
                w.EndArray();
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        answer.finish(kg);
        return exit_ok;
    }
    const std::string line = scenario_line(options.query);
    if (!line.empty()) {
        std::cout << "scenario: " << line << '\n';
    }
    if (paths.empty()) {
        std::cout << "no path from " << kg.actor(from).name << " to " << kg.actor(to).name
                  << " within the limits given\n";
        return exit_ok;
    }
    std::size_t n = 0;
    for (const auto& p : paths) {
        if (n != 0) {
            std::cout << '\n';
        }
        std::cout << "path " << ++n << ": ";
        for (std::size_t i = 0; i < p.actors.size(); ++i) {
            std::cout << (i == 0 ? "" : " \u2192 ") << kg.actor(p.actors[i]).name;
        }
        std::cout << "  (" << plural(p.hops.size(), "hop", "hops") << ", sign " << sign_text(p.sign)
                  << ")\n";
        for (const auto& h : p.hops) {
            std::cout << "  " << kg.actor(h.from).id << " \u2192 " << kg.actor(h.to).id << "  ("
                      << sign_text(h.sign) << ")\n";
            for (Index c : h.claims) {
                print_claim(std::cout, kg, c, "    ");
            }
        }
    }
    return exit_ok;
}

}  // namespace

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
    command
        ->add_option("--relations", options->relations,
                     "Only these relations, comma-separated (e.g. supports,opposes)")
        ->type_name("LIST");
    command->add_flag("--directed", options->directed,
                      "Follow claims from subject to object (symmetric relations both ways)");
    command->add_flag("--positive-only", options->positive_only, "Only cooperative claims");
    command->footer(
        "Examples:\n"
        "  entente path pakistan \"united states\"\n"
        "  entente path pakistan united-states --k 3 --max-hops 3\n"
        "  entente path russia china --positive-only --relations partners_with,cooperates_with");
    command->callback([options] { throw Exit{run(*options)}; });
}

}  // namespace entente::cli
