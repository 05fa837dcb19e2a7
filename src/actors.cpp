// `entente actors`: list actors, optionally of one kind or matching a search.
#include <iostream>

#include "cli.hpp"
#include "entente/query/actor_search.hpp"

namespace entente::cli {

namespace {

struct ActorsOptions {
    QueryOptions query;
    std::string kind;
    std::string search;
};

int run(ActorsOptions& options) {
    const KnowledgeGraph& kg = load_scenario(options.query);
    ActorSearch search;
    search.text = options.search;
    if (!options.kind.empty()) {
        search.kind = parse_actor_kind(options.kind);
    }
    const std::vector<ActorMatch> found = search_actors(kg, search);
    const std::string& format = options.query.format;
    if (format == "json") {
        JsonAnswer json(kg, options.query.scenario);
        json.key("actors");
        json.start_array();
        for (const ActorMatch& m : found) {
            json.start_object();
            json.key("actor");
            json.actor(m.actor);
            json.field("claims", m.claims);
            json.end_object();
        }
        json.end_array();
        json.print();
        return exit_ok;
    }
    Table table(format == "csv" ? std::vector<std::string>{"id", "name", "kind", "claims"}
                                : std::vector<std::string>{"ID", "NAME", "KIND", "CLAIMS"});
    for (const ActorMatch& m : found) {
        const Actor& a = kg.actor(m.actor);
        table.add({a.id, a.name, std::string(to_string(a.kind)), std::to_string(m.claims)});
    }
    if (format == "csv") {
        table.print_csv(std::cout);
        return exit_ok;
    }
    if (const std::string line = scenario_line(options.query.scenario); !line.empty()) {
        out().line("scenario: ", line);
    }
    table.print(out());
    if (found.empty()) {
        print_error("no actor matches");
    }
    return exit_ok;
}

}  // namespace

void register_actors(CLI::App& app) {
    auto options = std::make_shared<ActorsOptions>();
    CLI::App* command = app.add_subcommand(
        "actors",
        "List actors (id, name, kind, number of claims), ordered by id, optionally of one kind "
        "or matching a search over ids, names and aliases (case and accents ignored).");
    add_query_options(*command, options->query, {"table", "json", "csv"}, false);
    std::vector<std::string> kinds;
    for (ActorKind k : all_actor_kinds) {
        kinds.emplace_back(to_string(k));
    }
    command->add_option("--kind", options->kind, "Only actors of this kind")
        ->type_name("KIND")
        ->check(CLI::IsMember(kinds));
    command->add_option("search", options->search, "Text to look for in ids, names and aliases")
        ->type_name("SEARCH");
    command->footer(
        "Examples:\n"
        "  entente actors --kind state\n"
        "  entente actors kashmir\n"
        "  entente actors --kind position --format csv");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
