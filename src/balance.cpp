// `entente balance`: structural balance of the actors that take sides.
#include <iostream>

#include "cli.hpp"
#include "entente/query/balance.hpp"

namespace entente::cli {

namespace {

struct BalanceOptions {
    QueryOptions query;
    std::vector<std::string> actors;
    bool direct_only = false;
};

constexpr const char* triangle_names[] = {"+++", "++-", "+--", "---"};

std::string tie_label(const KnowledgeGraph& kg, const BalanceReport& r, std::size_t edge) {
    const auto& e = r.graph.edges[edge];
    return kg.actor(r.actors[e.u]).id + " \u2013 " + kg.actor(r.actors[e.v]).id + " " +
           signed_number(r.edge_ties[edge]->value);
}

// Per vertex: 0 or 1 for the camps, 2 for an actor with no signed tie (in neither camp).
// One pass over the edges, rather than one per vertex.
std::vector<int> camps_of(const BalanceReport& r) {
    std::vector<int> camps(r.actors.size(), 2);
    for (const auto& e : r.graph.edges) {
        camps[e.u] = r.frustration.camp[e.u];
        camps[e.v] = r.frustration.camp[e.v];
    }
    return camps;
}

int run(const BalanceOptions& options) {
    const KnowledgeGraph& kg = load_scenario(options.query);
    std::vector<Index> actors;
    for (const auto& name : options.actors) {
        actors.push_back(kg.find_actor(name));
    }
    const TieTable ties(kg, TieOptions{options.direct_only});
    const BalanceReport r = balance(kg, ties, actors);
    const std::vector<int> camps = camps_of(r);
    write_diagram(options.query, balance_diagram(kg, r));
    const Frustration& f = r.frustration;
    std::size_t unbalanced = r.triangle_counts[1] + r.triangle_counts[3];
    if (options.query.format == "json") {
        JsonAnswer answer(options.query);
        JsonWriter& w = answer.writer();
        Citations& citations = answer.citations();
        w.Key("actors");
        w.StartArray();
        for (Index a : r.actors) {
            write_string(w, kg.actor(a).id);
        }
        w.EndArray();
        w.Key("derived_ties");
        w.Bool(!options.direct_only);
        w.Key("ties");
        w.StartArray();
        for (std::size_t e = 0; e < r.graph.edges.size(); ++e) {
            w.StartObject();
            write_field(w, "a", kg.actor(r.actors[r.graph.edges[e].u]).id);
            write_field(w, "b", kg.actor(r.actors[r.graph.edges[e].v]).id);
            w.Key("sign");
            w.Int(r.graph.edges[e].sign);
            w.Key("tie");
            write_tie(w, kg, r.edge_ties[e], citations);
            w.EndObject();
        }
        w.EndArray();
        w.Key("triangles");
        w.StartObject();
        for (std::size_t k = 0; k < 4; ++k) {
            w.Key(triangle_names[k]);
            w.Uint64(r.triangle_counts[k]);
        }
        w.EndObject();
        w.Key("unbalanced_triangles");
        w.StartArray();
        for (const auto& t : r.unbalanced) {
            w.StartObject();
            w.Key("actors");
            w.StartArray();
            for (std::size_t v : {t.u, t.v, t.w}) {
                write_string(w, kg.actor(r.actors[v]).id);
            }
            w.EndArray();
            write_field(w, "type", triangle_names[t.negatives]);
            w.EndObject();
        }
        w.EndArray();
        w.Key("frustration");
        w.StartObject();
        w.Key("index");
        w.Uint64(f.index);
        w.Key("exact");
        w.Bool(f.exact);
        w.Key("lower_bound");
        w.Uint64(f.lower_bound);
        for (int side = 0; side < 3; ++side) {
            w.Key(side == 0 ? "camp_a" : side == 1 ? "camp_b" : "untied");
            w.StartArray();
            for (std::size_t v = 0; v < r.actors.size(); ++v) {
                if (camps[v] == side) {
                    write_string(w, kg.actor(r.actors[v]).id);
                }
            }
            w.EndArray();
        }
        w.Key("frustrated_ties");
        w.StartArray();
        for (std::size_t e : f.frustrated) {
            w.StartObject();
            write_field(w, "a", kg.actor(r.actors[r.graph.edges[e].u]).id);
            write_field(w, "b", kg.actor(r.actors[r.graph.edges[e].v]).id);
            w.Key("sign");
            w.Int(r.graph.edges[e].sign);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        answer.finish(kg);
        return exit_ok;
    }
    std::cout << "balance of " << plural(r.actors.size(), "actor", "actors") << " with "
              << plural(r.graph.edges.size(), "signed tie", "signed ties")
              << (options.direct_only ? " (direct ties only)" : " (derived ties included)") << '\n';
    const std::string line = scenario_line(options.query);
    if (!line.empty()) {
        std::cout << "scenario: " << line << '\n';
    }
    std::cout << "triangles: +++ " << r.triangle_counts[0] << ", ++- " << r.triangle_counts[1]
              << ", +-- " << r.triangle_counts[2] << ", --- " << r.triangle_counts[3] << " ("
              << unbalanced << " unbalanced)\n";
    std::cout << "frustration index: " << f.index
              << (f.exact ? " (exact)"
                          : " (heuristic; at least " + std::to_string(f.lower_bound) + ")")
              << '\n';
    for (int side = 0; side < 3; ++side) {
        std::string members;
        for (std::size_t v = 0; v < r.actors.size(); ++v) {
            if (camps[v] == side) {
                members += ' ' + kg.actor(r.actors[v]).id;
            }
        }
        if (side < 2 || !members.empty()) {
            std::cout << (side == 0   ? "camp A:"
                          : side == 1 ? "camp B:"
                                      : "no signed tie:")
                      << members << '\n';
        }
    }
    if (!f.frustrated.empty()) {
        std::cout << "\nfrustrated ties (" << f.frustrated.size() << ")\n";
        for (std::size_t e : f.frustrated) {
            std::cout << "  " << tie_label(kg, r, e)
                      << (r.graph.edges[e].sign > 0 ? "  friends in opposite camps"
                                                    : "  enemies in the same camp")
                      << '\n';
        }
    }
    if (!r.unbalanced.empty()) {
        std::cout << "\nunbalanced triangles (" << r.unbalanced.size() << ")\n";
        for (const auto& t : r.unbalanced) {
            std::cout << "  " << kg.actor(r.actors[t.u]).id << ", " << kg.actor(r.actors[t.v]).id
                      << ", " << kg.actor(r.actors[t.w]).id << "  " << triangle_names[t.negatives]
                      << '\n';
            for (std::size_t e : t.edges) {
                std::cout << "    " << tie_label(kg, r, e) << '\n';
                print_evidence(std::cout, kg, *r.edge_ties[e], "      ");
            }
        }
    }
    return exit_ok;
}

}  // namespace

void register_balance(CLI::App& app) {
    auto options = std::make_shared<BalanceOptions>();
    CLI::App* command = app.add_subcommand(
        "balance",
        "Structural balance (Heider; Cartwright-Harary) of the actors that take sides (states, "
        "organizations, persons, groups), with net ties as signed edges: triangle counts, the "
        "unbalanced triangles with their evidence, the frustration index and the two camps.");
    add_query_options(*command, options->query);
    command
        ->add_option("actors", options->actors, "Only these actors (default: all that take sides)")
        ->type_name("ACTOR");
    command->add_flag("--direct-only", options->direct_only,
                      "Leave out derived ties (support for a position counting toward its holder)");
    command->footer(
        "Examples:\n"
        "  entente balance\n"
        "  entente balance russia pakistan india china united-states\n"
        "  entente balance --assume \"russia sanctions pakistan\"\n"
        "  entente balance --data examples/highland-tribes.json");
    command->callback([options] { throw Exit{run(*options)}; });
}

}  // namespace entente::cli
