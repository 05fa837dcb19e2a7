// `entente show`: every claim touching one actor, grouped by relation, with quote and source.
#include <iostream>
#include <map>
#include <set>

#include "cli.hpp"

namespace entente::cli {

namespace {

struct ShowOptions {
    DataOptions data;
    std::string format;
    std::string actor;
};

int run(const ShowOptions& options) {
    const KnowledgeGraph& kg = load_for_query(options.data);
    const Index actor = kg.find_actor(options.actor);
    const Actor& a = kg.actor(actor);
    const std::vector<Index> claims = kg.claims_of(actor);
    // Groups in vocabulary order (built-in relations first), claims in dataset order.
    std::map<Index, std::vector<Index>> groups;
    std::set<Index> sources;
    for (Index c : claims) {
        groups[kg.claim(c).relation].push_back(c);
        sources.insert(kg.claim(c).source);
    }
    std::vector<Index> positions_held;
    for (Index i = 0; i < kg.data().actors.size(); ++i) {
        if (kg.actor(i).holder == actor) {
            positions_held.push_back(i);
        }
    }

    if (options.format == "json") {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        w.Key("actor");
        write_actor(w, kg, actor);
        w.Key("positions_held");
        w.StartArray();
        for (Index p : positions_held) {
            write_string(w, kg.actor(p).id);
        }
        w.EndArray();
        w.Key("groups");
        w.StartArray();
        for (const auto& [relation, list] : groups) {
            w.StartObject();
            write_field(w, "relation", kg.relation(relation).id);
            write_field(w, "label", kg.relation(relation).label);
            w.Key("polarity");
            w.Int(kg.relation(relation).polarity);
            w.Key("claims");
            w.StartArray();
            for (Index c : list) {
                write_claim(w, kg, c);
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        write_sources(w, kg, sources);
        w.EndObject();
        print_json(buffer);
        return exit_ok;
    }

    std::cout << a.name << " (" << a.id << "), " << to_string(a.kind);
    if (a.holder != no_index) {
        std::cout << ", held by " << kg.actor(a.holder).name;
    }
    std::cout << '\n';
    if (!a.aliases.empty()) {
        std::cout << "also known as: ";
        for (std::size_t i = 0; i < a.aliases.size(); ++i) {
            std::cout << (i == 0 ? "" : ", ") << a.aliases[i];
        }
        std::cout << '\n';
    }
    if (!a.note.empty()) {
        std::cout << "note: " << a.note << '\n';
    }
    if (!positions_held.empty()) {
        std::cout << "positions held: ";
        for (std::size_t i = 0; i < positions_held.size(); ++i) {
            std::cout << (i == 0 ? "" : ", ") << kg.actor(positions_held[i]).id;
        }
        std::cout << '\n';
    }
    std::cout << plural(claims.size(), "claim", "claims") << '\n';
    for (const auto& [relation, list] : groups) {
        const Relation& r = kg.relation(relation);
        std::cout << '\n'
                  << r.id << " ("
                  << (r.polarity > 0   ? "+1"
                      : r.polarity < 0 ? "-1"
                                       : "0")
                  << ")\n";
        for (Index ci : list) {
            const Claim& c = kg.claim(ci);
            std::cout << "  " << c.id << "  " << claim_sentence(kg, c) << '\n';
            if (!c.quote.empty()) {
                std::cout << "      \u201c" << c.quote << "\u201d\n";
            }
            std::cout << "      asserted by " << asserted_by_name(kg, c) << " \u00b7 source "
                      << kg.source(c.source).id << " \u00b7 confidence "
                      << format_number(c.confidence);
            if (c.from || c.until) {
                std::cout << " \u00b7 holds " << holds_text(c);
            }
            std::cout << '\n';
            if (!c.note.empty()) {
                std::cout << "      note: " << c.note << '\n';
            }
        }
    }
    if (!sources.empty()) {
        std::cout << "\nsources\n";
        for (Index s : sources) {
            std::cout << "  " << kg.source(s).id << "  " << source_citation(kg.source(s));
            if (!kg.source(s).url.empty()) {
                std::cout << "  " << kg.source(s).url;
            }
            std::cout << '\n';
        }
    }
    return exit_ok;
}

}  // namespace

void register_show(CLI::App& app) {
    auto options = std::make_shared<ShowOptions>();
    CLI::App* command = app.add_subcommand(
        "show",
        "Show every claim that touches an actor, grouped by relation, each with its quote, who "
        "asserts it, its confidence and its source. The actor may be given by id, name or alias; "
        "case and accents are ignored.");
    add_data_options(*command, options->data);
    add_format_option(*command, options->format);
    command->add_option("actor", options->actor, "Actor id, name or alias")
        ->type_name("ACTOR")
        ->required();
    command->footer(
        "Examples:\n"
        "  entente show russia\n"
        "  entente show \"New Delhi\"\n"
        "  entente show india-jk-reorganisation --format json");
    command->callback([options] { throw Exit{run(*options)}; });
}

}  // namespace entente::cli
