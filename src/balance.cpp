// `entente balance`: structural balance of the actors that take sides.
#include "entente/query/balance.hpp"
#include "cli.hpp"

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

std::string ids(const KnowledgeGraph& kg, const std::vector<Index>& actors) {
    std::string out;
    for (Index a : actors) {
        out += ' ' + kg.actor(a).id;
    }
    return out;
}

void write_json(const BalanceOptions& options, const KnowledgeGraph& kg, const BalanceReport& r) {
    const Frustration& f = r.frustration;
    JsonAnswer json(kg, options.query.scenario);
    json.key("actors");
    json.actors(r.actors);
    json.field("derived_ties", !options.direct_only);
    auto ends = [&](std::size_t e) {
        json.key("a");
        json.actor(r.actors[r.graph.edges[e].u]);
        json.key("b");
        json.actor(r.actors[r.graph.edges[e].v]);
        json.field("sign", r.graph.edges[e].sign);
    };
    json.key("ties");
    json.start_array();
    for (std::size_t e = 0; e < r.graph.edges.size(); ++e) {
        json.start_object();
        ends(e);
        json.key("tie");
        json.tie(r.edge_ties[e]);
        json.end_object();
    }
    json.end_array();
    json.key("triangles");
    json.start_object();
    for (std::size_t k = 0; k < 4; ++k) {
        json.field(triangle_names[k], r.triangle_counts[k]);
    }
    json.end_object();
    json.key("unbalanced_triangles");
    json.start_array();
    for (const auto& t : r.unbalanced) {
        json.start_object();
        json.key("actors");
        json.actors({r.actors[t.u], r.actors[t.v], r.actors[t.w]});
        json.field("type", triangle_names[t.negatives]);
        json.end_object();
    }
    json.end_array();
    json.key("frustration");
    json.start_object();
    json.field("index", f.index);
    json.field("exact", f.exact);
    json.field("lower_bound", f.lower_bound);
    json.key("camp_a");
    json.actors(r.camps[0]);
    json.key("camp_b");
    json.actors(r.camps[1]);
    json.key("untied");
    json.actors(r.untied);
    json.key("frustrated_ties");
    json.start_array();
    for (std::size_t e : f.frustrated) {
        json.start_object();
        ends(e);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    json.print();
}

int run(const BalanceOptions& options) {
    const KnowledgeGraph& kg = load_scenario(options.query);
    std::vector<Index> actors;
    for (const auto& name : options.actors) {
        actors.push_back(kg.find_actor(name));
    }
    const TieTable ties(kg, TieOptions{options.direct_only});
    const BalanceReport r = balance(kg, ties, actors);
    write_diagram(options.query, balance_diagram(kg, r));
    if (options.query.format == "json") {
        write_json(options, kg, r);
        return exit_ok;
    }
    const Frustration& f = r.frustration;
    const std::size_t unbalanced = r.triangle_counts[1] + r.triangle_counts[3];
    Lines& lines = out();
    lines.line("balance of ", plural(r.actors.size(), "actor", "actors"), " with ",
               plural(r.graph.edges.size(), "signed tie", "signed ties"),
               options.direct_only ? " (direct ties only)" : " (derived ties included)");
    if (const std::string line = scenario_line(options.query.scenario); !line.empty()) {
        lines.line("scenario: ", line);
    }
    lines.line("triangles: +++ ", r.triangle_counts[0], ", ++- ", r.triangle_counts[1], ", +-- ",
               r.triangle_counts[2], ", --- ", r.triangle_counts[3], " (", unbalanced,
               " unbalanced)");
    lines.line(
        "frustration index: ", f.index,
        f.exact ? " (exact)" : " (heuristic; at least " + std::to_string(f.lower_bound) + ")");
    lines.line("camp A:", ids(kg, r.camps[0]));
    lines.line("camp B:", ids(kg, r.camps[1]));
    if (!r.untied.empty()) {
        lines.line("no signed tie:", ids(kg, r.untied));
    }
    if (!f.frustrated.empty()) {
        lines.blank();
        lines.line("frustrated ties (", f.frustrated.size(), ")");
        for (std::size_t e : f.frustrated) {
            lines.line("  ", tie_label(kg, r, e),
                       r.graph.edges[e].sign > 0 ? "  friends in opposite camps"
                                                 : "  enemies in the same camp");
        }
    }
    if (!r.unbalanced.empty()) {
        lines.blank();
        lines.line("unbalanced triangles (", r.unbalanced.size(), ")");
        for (const auto& t : r.unbalanced) {
            lines.line("  ", kg.actor(r.actors[t.u]).id, ", ", kg.actor(r.actors[t.v]).id, ", ",
                       kg.actor(r.actors[t.w]).id, "  ", triangle_names[t.negatives]);
            for (std::size_t e : t.edges) {
                lines.line("    ", tie_label(kg, r, e));
                print_evidence(lines, kg, *r.edge_ties[e], "      ");
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
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
