// `entente actors`: list actors, optionally of one kind or matching a search.
#include <iostream>

#include "cli.hpp"
#include "entente/model/text.hpp"

namespace entente::cli {

namespace {

struct ActorsOptions {
    DataOptions data;
    std::string format;
    std::string kind;
    std::string search;
};

// A search matches when its folded form occurs in the folded id, name or an alias.
bool matches(const Actor& actor, const std::string& folded_query) {
    if (folded_query.empty()) {
        return true;
    }
    auto has = [&](const std::string& name) {
        return fold_name(name).find(folded_query) != std::string::npos;
    };
    return has(actor.id) || has(actor.name) ||
           std::any_of(actor.aliases.begin(), actor.aliases.end(), has);
}

int run(const ActorsOptions& options) {
    const KnowledgeGraph& kg = load_for_query(options.data);
    const std::optional<ActorKind> kind =
        options.kind.empty() ? std::nullopt : parse_actor_kind(options.kind);
    const std::string query = fold_name(options.search);
    std::vector<Index> selected;
    for (Index i = 0; i < kg.data().actors.size(); ++i) {
        const Actor& a = kg.actor(i);
        if ((!kind || a.kind == *kind) && matches(a, query)) {
            selected.push_back(i);
        }
    }
    // Ordered by id: stable, and what a reader scans for.
    std::sort(selected.begin(), selected.end(),
              [&](Index a, Index b) { return kg.actor(a).id < kg.actor(b).id; });

    if (options.format == "json") {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartArray();
        for (Index i : selected) {
            w.StartObject();
            write_field(w, "id", kg.actor(i).id);
            write_field(w, "name", kg.actor(i).name);
            write_field(w, "kind", to_string(kg.actor(i).kind));
            w.Key("claims");
            w.Uint64(boost::degree(i, kg.graph()));
            w.EndObject();
        }
        w.EndArray();
        print_json(buffer);
        return exit_ok;
    }
    Table table({"ID", "NAME", "KIND", "CLAIMS"});
    for (Index i : selected) {
        const Actor& a = kg.actor(i);
        table.add({a.id, a.name, std::string(to_string(a.kind)),
                   std::to_string(boost::degree(i, kg.graph()))});
    }
    table.print(std::cout);
    if (selected.empty()) {
        std::cerr << "entente: no actor matches\n";
    }
    return exit_ok;
}

}  // namespace

void register_actors(CLI::App& app) {
    auto options = std::make_shared<ActorsOptions>();
    CLI::App* command = app.add_subcommand(
        "actors",
        "List actors (id, name, kind, number of claims), optionally of one kind or matching a "
        "search over ids, names and aliases (case and accents ignored).");
    add_data_options(*command, options->data);
    add_format_option(*command, options->format);
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
        "  entente actors --kind position --format json");
    command->callback([options] { throw Exit{run(*options)}; });
}

}  // namespace entente::cli
