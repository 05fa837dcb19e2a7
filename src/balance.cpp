// `entente balance`: structural balance of the actors that take sides.
#include "entente/query/balance.hpp"
#include "answers.hpp"
#include "cli.hpp"
#include "entente/query/balance_series.hpp"
#include "entente/query/generalized_balance.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace entente::cli {

namespace {

struct BalanceOptions {
    QueryOptions query;
    std::vector<std::string> actors;
    bool direct_only = false;
    double time_limit = 0;
    std::string by;          // --by UNIT: balance period by period
    std::size_t window = 1;  // --window N: periods per window
    std::size_t camps = 2;   // --camps K: generalised balance
    bool all = false;        // --all: every frustrated tie, triangle and claim in the text
};

// The camps of a partition, actors by id (the report's actors are by id already).
std::vector<std::vector<Index>> partition_camps(const BalanceReport& r, const Partition& p) {
    std::vector<bool> tied(r.actors.size(), false);
    for (const SignedEdge& e : r.graph.edges) {
        tied[e.u] = tied[e.v] = true;
    }
    std::vector<std::vector<Index>> out(p.camps);
    for (std::size_t v = 0; v < r.actors.size(); ++v) {
        if (tied[v]) {
            out[p.camp[v]].push_back(r.actors[v]);
        }
    }
    while (!out.empty() && out.back().empty()) {
        out.pop_back();
    }
    return out;
}

// A share rounded to 4 decimals, for tables and JSON ("0.8676").
double rounded(double x) {
    return std::round(x * 1e4) / 1e4;
}

const char* method_name(FrustrationMethod m) {
    switch (m) {
        case FrustrationMethod::branch_and_bound:
            return "branch_and_bound";
        case FrustrationMethod::integer_program:
            return "integer_program";
        case FrustrationMethod::local_search:
            return "local_search";
        case FrustrationMethod::none:
            break;
    }
    return "none";
}

// "exact" or "not proven: lower bound 10, gap 16.7%".
std::string certainty(std::size_t index, std::size_t lower_bound, bool exact) {
    if (exact) {
        return "exact";
    }
    const double gap =
        index == 0 ? 0.0
                   : 100.0 * static_cast<double>(index - lower_bound) / static_cast<double>(index);
    return "not proven: lower bound " + std::to_string(lower_bound) + ", gap " +
           format_number(std::round(gap * 10) / 10) + "%";
}

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

std::string names(const KnowledgeGraph& kg, const std::vector<Index>& actors) {
    std::string out;
    for (Index a : actors) {
        out += (out.empty() ? "" : " ") + kg.actor(a).id;
    }
    return out;
}

int run_series(BalanceOptions& options, const std::vector<Index>& actors,
               FrustrationOptions frustration_options) {
    if (!options.query.diagram.empty()) {
        print_error("--diagram: not with --by (draw one window with --from and --until)");
        return exit_usage;
    }
    if (options.camps > 2) {
        print_error("--camps: not with --by (partition one window with --from and --until)");
        return exit_usage;
    }
    const KnowledgeGraph& kg = load_for_query(options.query.data);
    const Scenario scenario = scenario_of(options.query.scenario);
    count_modality(options.query.scenario, scenario, kg);
    const auto windows =
        balance_over_time(kg, *parse_period_unit(options.by), options.window, scenario,
                          TieOptions{options.direct_only}, actors, frustration_options);
    const std::string& format = options.query.format;
    if (format == "json") {
        JsonAnswer json(kg, options.query.scenario);
        json.field("by", options.by);
        json.field("window", options.window);
        json.field("derived_ties", !options.direct_only);
        json.key("periods");
        json.start_array();
        for (const BalanceWindow& w : windows) {
            const BalanceReport& r = w.report;
            const Frustration& f = r.frustration;
            json.start_object();
            json.field("period", w.label);
            json.field("from", w.first.to_string());
            json.field("until", w.last.to_string());
            json.field("ties", r.graph.edges.size());
            json.key("triangles");
            json.start_object();
            for (std::size_t k = 0; k < 4; ++k) {
                json.field(triangle_names[k], r.triangle_counts[k]);
            }
            json.end_object();
            json.key("measures");
            json.start_object();
            json.field("triangle_index", rounded(r.triangle_index));
            json.field("walk_index", rounded(r.walk_index));
            json.field("frustration_index", rounded(r.frustration_index));
            json.field("frustration_index_upper", rounded(r.frustration_index_upper));
            json.end_object();
            json.key("frustration");
            json.start_object();
            json.field("index", f.index);
            json.field("exact", f.exact);
            json.field("lower_bound", f.lower_bound);
            json.field("gap", rounded(f.gap()));
            json.end_object();
            json.key("components");
            json.start_array();
            for (const BalanceComponent& c : r.components) {
                json.start_object();
                json.field("ties", c.ties);
                json.field("index", c.index);
                json.field("exact", c.exact);
                json.key("camp_a");
                json.actors(c.camps[0]);
                json.key("camp_b");
                json.actors(c.camps[1]);
                json.end_object();
            }
            json.end_array();
            json.key("untied");
            json.actors(r.untied);
            json.key("changed_camp");
            json.actors(w.changed);
            json.end_object();
        }
        json.end_array();
        json.print();
        return exit_ok;
    }
    if (format == "csv") {
        // Long form: one row per window and actor with a signed tie, the window's measures
        // repeated on each.
        Table table({"period", "from", "until", "actor", "component", "camp", "changed_camp",
                     "frustration_index", "exact", "lower_bound", "triangle_index", "walk_index",
                     "frustration_based_index"});
        for (const BalanceWindow& w : windows) {
            const BalanceReport& r = w.report;
            for (std::size_t k = 0; k < r.components.size(); ++k) {
                for (std::size_t side = 0; side < 2; ++side) {
                    for (Index a : r.components[k].camps[side]) {
                        const bool changed =
                            std::find(w.changed.begin(), w.changed.end(), a) != w.changed.end();
                        table.add({w.label, w.first.to_string(), w.last.to_string(), kg.actor(a).id,
                                   std::to_string(k + 1), side == 0 ? "A" : "B",
                                   changed ? "true" : "false", std::to_string(r.frustration.index),
                                   r.frustration.exact ? "true" : "false",
                                   std::to_string(r.frustration.lower_bound),
                                   csv_number(r.triangle_index), csv_number(r.walk_index),
                                   csv_number(r.frustration_index)});
                    }
                }
            }
        }
        table.print_csv(std::cout);
        return exit_ok;
    }
    Lines& lines = out();
    lines.line("balance by ", options.by,
               options.window > 1 ? " (windows of " + std::to_string(options.window) + ")" : "",
               options.direct_only ? " (direct ties only)" : " (derived ties included)");
    if (const std::string line = scenario_line(options.query.scenario); !line.empty()) {
        lines.line("scenario: ", line);
    }
    if (windows.empty()) {
        lines.line("no dated claim: nothing to cut into periods (give --from and --until)");
    }
    for (const BalanceWindow& w : windows) {
        const BalanceReport& r = w.report;
        const Frustration& f = r.frustration;
        lines.blank();
        lines.line(w.label, ": ", plural(r.graph.edges.size(), "signed tie", "signed ties"),
                   ", frustration index ", f.index, " (",
                   certainty(f.index, f.lower_bound, f.exact), ")");
        lines.line("  triangle index ", format_number(rounded(r.triangle_index)),
                   "; walk-based index ", format_number(rounded(r.walk_index)),
                   "; frustration-based index ", format_number(rounded(r.frustration_index)));
        for (std::size_t k = 0; k < r.components.size(); ++k) {
            lines.line("  camp ", k + 1, "A:", ids(kg, r.components[k].camps[0]));
            lines.line("  camp ", k + 1, "B:", ids(kg, r.components[k].camps[1]));
        }
        if (!w.changed.empty()) {
            lines.line("  changed camp: ", names(kg, w.changed));
        }
    }
    return exit_ok;
}

int run(BalanceOptions& options) {
    if (!options.by.empty()) {
        const KnowledgeGraph& kg = load_for_query(options.query.data);
        std::vector<Index> actors;
        for (const auto& name : options.actors) {
            actors.push_back(kg.find_actor(name));
        }
        FrustrationOptions frustration_options;
        frustration_options.time_limit = options.time_limit;
        return run_series(options, actors, frustration_options);
    }
    if (options.query.format == "csv") {
        print_error("--format csv: only with --by (balance over time, in long form)");
        return exit_usage;
    }
    const KnowledgeGraph& kg = load_scenario(options.query);
    std::vector<Index> actors;
    for (const auto& name : options.actors) {
        actors.push_back(kg.find_actor(name));
    }
    const TieTable ties(kg, TieOptions{options.direct_only});
    FrustrationOptions frustration_options;
    frustration_options.time_limit = options.time_limit;
    const BalanceReport r = balance(kg, ties, actors, frustration_options);
    std::optional<Partition> partition;
    if (options.camps > 2) {
        partition = generalized_balance(r.graph, options.camps, frustration_options);
    }
    write_diagram(options.query, [&] { return balance_diagram(kg, r); });
    if (options.query.format == "json") {
        print_json(balance_json(kg, options.query.scenario, r, !options.direct_only, partition));
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
    lines.line("frustration index: ", f.index, " (", certainty(f.index, f.lower_bound, f.exact),
               ")");
    lines.line(
        "triangle index: ", format_number(rounded(r.triangle_index)),
        "; walk-based index: ", format_number(rounded(r.walk_index)),
        "; frustration-based index: ", format_number(rounded(r.frustration_index)),
        f.exact ? "" : " (at most " + format_number(rounded(r.frustration_index_upper)) + ")");
    for (std::size_t k = 0; k < r.components.size(); ++k) {
        const BalanceComponent& c = r.components[k];
        lines.line("component ", k + 1, ": ",
                   plural(c.camps[0].size() + c.camps[1].size(), "actor", "actors"), ", ",
                   plural(c.ties, "signed tie", "signed ties"), ", frustration ", c.index, " (",
                   certainty(c.index, c.lower_bound, c.exact), ")");
        lines.line("  camp ", k + 1, "A:", ids(kg, c.camps[0]));
        lines.line("  camp ", k + 1, "B:", ids(kg, c.camps[1]));
    }
    if (!r.untied.empty()) {
        lines.line("no signed tie:", ids(kg, r.untied));
    }
    if (partition) {
        lines.line("generalised balance, at most ", partition->camps, " camps: ", partition->error,
                   " ties frustrated (",
                   certainty(partition->error, partition->lower_bound, partition->exact), ")");
        const auto camps = partition_camps(r, *partition);
        for (std::size_t c = 0; c < camps.size(); ++c) {
            lines.line("  camp ", c + 1, ":", ids(kg, camps[c]));
        }
    }
    const std::size_t limit = options.all ? no_list_limit : text_list_limit;
    if (!f.frustrated.empty()) {
        lines.blank();
        lines.line("frustrated ties (", f.frustrated.size(), ")");
        const std::size_t shown = std::min(limit, f.frustrated.size());
        for (std::size_t i = 0; i < shown; ++i) {
            const std::size_t e = f.frustrated[i];
            lines.line("  ", tie_label(kg, r, e),
                       r.graph.edges[e].sign > 0 ? "  friends in opposite camps"
                                                 : "  enemies in the same camp");
        }
        print_more(lines, f.frustrated.size(), shown, "  ");
    }
    if (!r.unbalanced.empty()) {
        lines.blank();
        lines.line("unbalanced triangles (", r.unbalanced.size(), ")");
        const std::size_t shown = std::min(limit, r.unbalanced.size());
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& t = r.unbalanced[i];
            lines.line("  ", kg.actor(r.actors[t.u]).id, ", ", kg.actor(r.actors[t.v]).id, ", ",
                       kg.actor(r.actors[t.w]).id, "  ", triangle_names[t.negatives]);
            for (std::size_t e : t.edges) {
                lines.line("    ", tie_label(kg, r, e));
                print_evidence(lines, kg, *r.edge_ties[e], "      ", limit);
            }
        }
        print_more(lines, r.unbalanced.size(), shown, "  ");
    }
    return exit_ok;
}

}  // namespace

std::string balance_json(const KnowledgeGraph& kg, const ScenarioText& scenario,
                         const BalanceReport& r, bool derived_ties,
                         const std::optional<Partition>& partition) {
    const Frustration& f = r.frustration;
    JsonAnswer json(kg, scenario);
    json.key("actors");
    json.actors(r.actors);
    json.field("derived_ties", derived_ties);
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
    json.key("measures");
    json.start_object();
    json.field("triangle_index", rounded(r.triangle_index));
    json.field("walk_index", rounded(r.walk_index));
    json.field("frustration_index", rounded(r.frustration_index));
    json.field("frustration_index_upper", rounded(r.frustration_index_upper));
    json.end_object();
    json.key("frustration");
    json.start_object();
    json.field("index", f.index);
    json.field("exact", f.exact);
    json.field("lower_bound", f.lower_bound);
    json.field("gap", rounded(f.gap()));
    json.key("components");
    json.start_array();
    for (const BalanceComponent& c : r.components) {
        json.start_object();
        json.field("ties", c.ties);
        json.field("index", c.index);
        json.field("exact", c.exact);
        json.field("lower_bound", c.lower_bound);
        json.field("method", method_name(c.method));
        json.key("camp_a");
        json.actors(c.camps[0]);
        json.key("camp_b");
        json.actors(c.camps[1]);
        json.end_object();
    }
    json.end_array();
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
    if (partition) {
        json.key("generalized_balance");
        json.start_object();
        json.field("camps", partition->camps);
        json.field("error", partition->error);
        json.field("exact", partition->exact);
        json.field("lower_bound", partition->lower_bound);
        json.key("partition");
        json.start_array();
        for (const auto& camp : partition_camps(r, *partition)) {
            json.actors(camp);
        }
        json.end_array();
        json.end_object();
    }
    return json.text();
}

void register_balance(CLI::App& app) {
    auto options = std::make_shared<BalanceOptions>();
    CLI::App* command = app.add_subcommand(
        "balance",
        "Structural balance (Heider; Cartwright-Harary) of the actors that take sides (states, "
        "organizations, persons, groups), with net ties as signed edges: triangle counts, the "
        "unbalanced triangles with their evidence, the frustration index (exact, by integer "
        "programming, or with its proven bound) and the two camps of each connected component, "
        "the triangle and frustration-based balance indices.");
    add_query_options(*command, options->query, {"table", "json", "csv"});
    command
        ->add_option("actors", options->actors, "Only these actors (default: all that take sides)")
        ->type_name("ACTOR");
    command->add_flag("--direct-only", options->direct_only,
                      "Leave out derived ties (support for a position counting toward its holder)");
    add_all_flag(*command, options->all);
    command
        ->add_option("--time-limit", options->time_limit,
                     "Seconds for the exact frustration search; when exceeded, the best camps "
                     "found with their proven lower bound and gap")
        ->type_name("SECONDS")
        ->check(CLI::Validator(
            [](std::string& text) -> std::string {
                try {
                    std::size_t used = 0;
                    const double seconds = std::stod(text, &used);
                    if (used == text.size() && seconds > 0 && std::isfinite(seconds)) {
                        return "";
                    }
                } catch (const std::exception&) {
                }
                return "\"" + text + "\" is not a positive number of seconds";
            },
            "SECONDS"));
    command
        ->add_option("--camps", options->camps,
                     "Also partition into at most K camps (generalised balance, Davis 1967; "
                     "Doreian and Mrvar 1996): negative ties within plus positive ties between")
        ->type_name("K")
        ->check(CLI::Range(std::size_t{2}, std::size_t{20}));
    CLI::Option* by =
        command
            ->add_option("--by", options->by,
                         "Balance period by period (year, quarter or month): per window the "
                         "frustration index, the measures, the camps and who changed camp")
            ->type_name("UNIT")
            ->check(CLI::IsMember({"year", "quarter", "month"}));
    command
        ->add_option("--window", options->window,
                     "Periods per window with --by (consecutive windows; default 1)")
        ->type_name("N")
        ->check(CLI::PositiveNumber)
        ->needs(by);
    command->footer(
        "Examples:\n"
        "  entente balance\n"
        "  entente balance russia pakistan india china united-states\n"
        "  entente balance --assume \"russia sanctions pakistan\"\n"
        "  entente balance --data examples/highland-tribes.json\n"
        "  entente balance --by year --window 3 --format csv");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
