// `entente stats`: what the dataset holds, counted.
#include <iostream>

#include "cli.hpp"
#include "entente/query/dataset_counts.hpp"

namespace entente::cli {

namespace {

int run(QueryOptions& options) {
    const KnowledgeGraph& kg = load_scenario(options);
    const Dataset& d = kg.data();
    const DatasetCounts n = count_dataset(d);
    auto by_kind = [&](ActorKind k) { return n.actors_by_kind[static_cast<std::size_t>(k)]; };

    if (options.format == "json") {
        JsonAnswer json(kg, options.scenario);
        json.key("counts");
        json.start_object();
        json.field("sources", n.sources);
        json.field("relations", n.relations);
        json.field("builtin_relations", n.builtin_relations);
        json.field("actors", n.actors);
        json.field("claims", n.claims);
        json.end_object();
        json.key("actors_by_kind");
        json.start_object();
        for (ActorKind k : all_actor_kinds) {
            json.field(to_string(k), by_kind(k));
        }
        json.end_object();
        json.key("claims_by_relation");
        json.start_object();
        for (std::size_t i = 0; i < d.relations.size(); ++i) {
            if (n.claims_by_relation[i] != 0) {
                json.field(d.relations[i].id, n.claims_by_relation[i]);
            }
        }
        json.end_object();
        // Stats cite no claim; their sources are the dataset's.
        for (Index s = 0; s < d.sources.size(); ++s) {
            json.cite_source(s);
        }
        json.print();
        return exit_ok;
    }
    if (options.format == "csv") {
        Table table({"table", "group", "count"});
        table.add({"sources", "", std::to_string(n.sources)});
        table.add({"relations", "", std::to_string(n.relations)});
        table.add({"relations", "builtin", std::to_string(n.builtin_relations)});
        table.add({"actors", "", std::to_string(n.actors)});
        for (ActorKind k : all_actor_kinds) {
            table.add({"actors", std::string(to_string(k)), std::to_string(by_kind(k))});
        }
        table.add({"claims", "", std::to_string(n.claims)});
        for (std::size_t i = 0; i < d.relations.size(); ++i) {
            if (n.claims_by_relation[i] != 0) {
                table.add({"claims", d.relations[i].id, std::to_string(n.claims_by_relation[i])});
            }
        }
        table.print_csv(std::cout);
        return exit_ok;
    }

    Lines& lines = out();
    if (const std::string line = scenario_line(options.scenario); !line.empty()) {
        lines.line("scenario: ", line);
    }
    lines.line(plural(n.sources, "source", "sources"));
    lines.line(plural(n.actors, "actor", "actors"));
    Table kinds({"  KIND", "ACTORS"});
    for (ActorKind k : all_actor_kinds) {
        if (by_kind(k) != 0) {
            kinds.add({"  " + std::string(to_string(k)), std::to_string(by_kind(k))});
        }
    }
    kinds.print(lines);
    lines.line(plural(n.claims, "claim", "claims"));
    Table relations({"  RELATION", "POLARITY", "CLAIMS"});
    for (std::size_t i = 0; i < d.relations.size(); ++i) {
        if (n.claims_by_relation[i] != 0) {
            relations.add({"  " + d.relations[i].id, sign_text(d.relations[i].polarity),
                           std::to_string(n.claims_by_relation[i])});
        }
    }
    relations.print(lines);
    lines.line(plural(n.relations, "relation", "relations"), " in the vocabulary (",
               n.builtin_relations, " built in)");
    return exit_ok;
}

}  // namespace

void register_stats(CLI::App& app) {
    auto options = std::make_shared<QueryOptions>();
    CLI::App* command = app.add_subcommand(
        "stats",
        "Count what the dataset holds: sources, actors by kind, claims by relation (under the "
        "what-if scenario, if any).");
    add_query_options(*command, *options, {"table", "json", "csv"}, false);
    command->footer(
        "Examples:\n"
        "  entente stats\n"
        "  entente stats --as-of 2015\n"
        "  entente stats --format json | jq .claims_by_relation");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
