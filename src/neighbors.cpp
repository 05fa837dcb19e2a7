// `entente neighbors`: an actor's ego network with its claims.
#include "answers.hpp"
#include "cli.hpp"
#include "entente/query/ego_network.hpp"

namespace entente::cli {

namespace {

struct NeighborsOptions {
    QueryOptions query;
    std::string actor;
    std::size_t depth = 1;
};

int run(NeighborsOptions& options) {
    const KnowledgeGraph& kg = load_scenario(options.query);
    const Index center = kg.find_actor(options.actor);
    const EgoNetwork ego = ego_network(kg, center, options.depth);
    std::vector<Index> members;
    for (const auto& entry : ego.actors) {
        members.push_back(entry.first);
    }
    write_diagram(options.query, [&] {
        return claims_diagram(
            kg, members, ego.claims,
            "Ego network of " + kg.actor(center).name + ", depth " + std::to_string(options.depth),
            {center});
    });
    if (options.query.format == "json") {
        print_json(neighbors_json(kg, options.query.scenario, center, options.depth, ego));
        return exit_ok;
    }
    Lines& lines = out();
    lines.line("ego network of ", kg.actor(center).name, ", depth ", options.depth, ": ",
               plural(ego.actors.size(), "actor", "actors"), ", ",
               plural(ego.claims.size(), "claim", "claims"));
    if (const std::string line = scenario_line(options.query.scenario); !line.empty()) {
        lines.line("scenario: ", line);
    }
    Table table({"  DISTANCE", "ACTOR", "NAME", "KIND"});
    for (const auto& [actor, distance] : ego.actors) {
        table.add({"  " + std::to_string(distance), kg.actor(actor).id, kg.actor(actor).name,
                   std::string(to_string(kg.actor(actor).kind))});
    }
    table.print(lines);
    lines.blank();
    lines.line("claims");
    for (Index c : ego.claims) {
        print_claim(lines, kg, c, "  ");
    }
    return exit_ok;
}

}  // namespace

std::string neighbors_json(const KnowledgeGraph& kg, const ScenarioText& scenario, Index center,
                           std::size_t depth, const EgoNetwork& ego) {
    JsonAnswer json(kg, scenario);
    json.key("center");
    json.actor(center);
    json.field("depth", depth);
    json.key("actors");
    json.start_array();
    for (const auto& [actor, distance] : ego.actors) {
        json.start_object();
        json.key("actor");
        json.actor(actor);
        json.field("distance", distance);
        json.end_object();
    }
    json.end_array();
    // Every claim among them: in full in the closing "claims".
    for (Index c : ego.claims) {
        json.cite(c);
    }
    return json.text();
}

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
    options->query.slide.narrowing = "a smaller --depth or --per-pair";
    command->footer(
        "Examples:\n"
        "  entente neighbors pakistan\n"
        "  entente neighbors cpec --depth 2 --format json");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
