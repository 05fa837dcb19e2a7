// `entente stats`: what the dataset holds, counted.
#include <iostream>
#include <map>

#include "cli.hpp"

namespace entente::cli {

namespace {

struct StatsOptions {
    DataOptions data;
    std::string format;
};

int run(const StatsOptions& options) {
    const KnowledgeGraph& kg = load_for_query(options.data);
    const Dataset& d = kg.data();
    std::vector<std::size_t> by_kind(std::size(all_actor_kinds), 0);
    for (const auto& a : d.actors) {
        by_kind[static_cast<std::size_t>(a.kind)]++;
    }
    std::vector<std::size_t> by_relation(d.relations.size(), 0);
    for (const auto& c : d.claims) {
        by_relation[c.relation]++;
    }
    std::size_t builtin = 0;
    for (const auto& r : d.relations) {
        builtin += r.builtin ? 1 : 0;
    }

    if (options.format == "json") {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        w.Key("sources");
        w.Uint64(d.sources.size());
        w.Key("relations");
        w.StartObject();
        w.Key("total");
        w.Uint64(d.relations.size());
        w.Key("builtin");
        w.Uint64(builtin);
        w.EndObject();
        w.Key("actors");
        w.StartObject();
        w.Key("total");
        w.Uint64(d.actors.size());
        w.Key("by_kind");
        w.StartObject();
        for (ActorKind k : all_actor_kinds) {
            w.Key(std::string(to_string(k)).c_str());
            w.Uint64(by_kind[static_cast<std::size_t>(k)]);
        }
        w.EndObject();
        w.EndObject();
        w.Key("claims");
        w.StartObject();
        w.Key("total");
        w.Uint64(d.claims.size());
        w.Key("by_relation");
        w.StartObject();
        for (std::size_t i = 0; i < d.relations.size(); ++i) {
            if (by_relation[i] != 0) {
                w.Key(d.relations[i].id.c_str());
                w.Uint64(by_relation[i]);
            }
        }
        w.EndObject();
        w.EndObject();
        w.EndObject();
        print_json(buffer);
        return exit_ok;
    }

    std::cout << plural(d.sources.size(), "source", "sources") << '\n';
    std::cout << plural(d.actors.size(), "actor", "actors") << '\n';
    Table kinds({"  KIND", "ACTORS"});
    for (ActorKind k : all_actor_kinds) {
        if (by_kind[static_cast<std::size_t>(k)] != 0) {
            kinds.add({"  " + std::string(to_string(k)),
                       std::to_string(by_kind[static_cast<std::size_t>(k)])});
        }
    }
    kinds.print(std::cout);
    std::cout << plural(d.claims.size(), "claim", "claims") << '\n';
    Table relations({"  RELATION", "POLARITY", "CLAIMS"});
    for (std::size_t i = 0; i < d.relations.size(); ++i) {
        if (by_relation[i] != 0) {
            const int p = d.relations[i].polarity;
            relations.add({"  " + d.relations[i].id,
                           p > 0   ? "+1"
                           : p < 0 ? "-1"
                                   : "0",
                           std::to_string(by_relation[i])});
        }
    }
    relations.print(std::cout);
    std::cout << plural(d.relations.size(), "relation", "relations") << " in the vocabulary ("
              << builtin << " built in)\n";
    return exit_ok;
}

}  // namespace

void register_stats(CLI::App& app) {
    auto options = std::make_shared<StatsOptions>();
    CLI::App* command = app.add_subcommand(
        "stats", "Count what the dataset holds: sources, actors by kind, claims by relation.");
    add_data_options(*command, options->data);
    add_format_option(*command, options->format);
    command->footer(
        "Examples:\n"
        "  entente stats\n"
        "  entente stats --format json | jq .claims.by_relation");
    command->callback([options] { throw Exit{run(*options)}; });
}

}  // namespace entente::cli
