// `entente neighbors`: an actor's ego network with its claims.
#include <iostream>

#include "cli.hpp"
#include "entente/query/ego_network.hpp"
#include "entente/query/paths.hpp"

namespace entente::cli {

namespace {

struct NeighborsOptions {
    QueryOptions query;
    std::string actor;
    std::size_t depth = 1;
};

int run(const NeighborsOptions& options) {
    const KnowledgeGraph& kg = load_scenario(options.query);
    const Index center = kg.find_actor(options.actor);
    const EgoNetwork ego = ego_network(kg, center, options.depth);
    std::vector<Index> members;
    for (const auto& entry : ego.actors) {
        members.push_back(entry.first);
    }
    write_diagram(options.query, claims_diagram(kg, members, ego.claims,
                                                "Ego network of " + kg.actor(center).name +
                                                    ", depth " + std::to_string(options.depth),
                                                {center}));
    if (options.query.format == "json") {
        JsonAnswer answer(options.query);
        JsonWriter& w = answer.writer();
        Citations& citations = answer.citations();
        w.Key("center");
        write_actor_ref(w, kg, center);
        w.Key("depth");
        w.Uint64(options.depth);
        w.Key("actors");
        w.StartArray();
        for (const auto& [actor, distance] : ego.actors) {
            w.StartObject();
            write_field(w, "id", kg.actor(actor).id);
            write_field(w, "name", kg.actor(actor).name);
            write_field(w, "kind", to_string(kg.actor(actor).kind));
            w.Key("distance");
            w.Uint64(distance);
            w.EndObject();
        }
        w.EndArray();
        for (Index c : ego.claims) {
            citations.add(c);
        }
        answer.finish(kg);
        return exit_ok;
    }
    std::cout << "ego network of " << kg.actor(center).name << ", depth " << options.depth << ": "
              << plural(ego.actors.size(), "actor", "actors") << ", "
              << plural(ego.claims.size(), "claim", "claims") << '\n';
    const std::string line = scenario_line(options.query);
    if (!line.empty()) {
        std::cout << "scenario: " << line << '\n';
    }
    Table table({"  DISTANCE", "ACTOR", "NAME", "KIND"});
    for (const auto& [actor, distance] : ego.actors) {
        table.add({"  " + std::to_string(distance), kg.actor(actor).id, kg.actor(actor).name,
                   std::string(to_string(kg.actor(actor).kind))});
    }
    table.print(std::cout);
    std::cout << "\nclaims\n";
    for (Index c : ego.claims) {
        print_claim(std::cout, kg, c, "  ");
    }
    return exit_ok;
}

}  // namespace

void register_neighbors(CLI::App& app) {
    auto options = std::make_shared<NeighborsOptions>();
    CLI::App* command = app.add_subcommand(
        "neighbors",
        "An actor's ego network: the actors within --depth hops over any claim, in either "
        "direction, and every claim among them.");
    add_query_options(*command, options->query);
    command->add_option("actor", options->actor, "The actor at the centre")
        ->type_name("ACTOR")
        ->required();
    command->add_option("--depth", options->depth, "How many hops out")
        ->check(CLI::Range(std::size_t{0}, std::size_t{100}))
        ->default_str("1");
    command->footer(
        "Examples:\n"
        "  entente neighbors pakistan\n"
        "  entente neighbors cpec --depth 2 --format json");
    command->callback([options] { throw Exit{run(*options)}; });
}

}  // namespace entente::cli
