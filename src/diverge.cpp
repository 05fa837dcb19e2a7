// `entente diverge`: where two actors take opposite sides, roadblocks first.
#include <iostream>

#include "answers.hpp"
#include "cli.hpp"
#include "entente/query/divergence.hpp"

namespace entente::cli {

namespace {

struct DivergeOptions {
    QueryOptions query;
    std::string a;
    std::string b;
    bool direct_only = false;
    bool all = false;
};

// Weights are positive: shown with two decimals and no sign.
std::string unsigned_weight(double weight) {
    std::string text = signed_number(weight);
    return text[0] == '+' ? text.substr(1) : text;
}

int run(DivergeOptions& options) {
    const KnowledgeGraph& kg = load_scenario(options.query);
    const Index a = kg.find_actor(options.a);
    const Index b = kg.find_actor(options.b);
    if (a == b) {
        print_error("diverge",
                    "\"" + options.a + "\" and \"" + options.b + "\" are the same actor");
        return exit_usage;
    }
    const TieTable ties(kg, TieOptions{options.direct_only});
    const auto points = diverge(kg, ties, a, b);
    write_diagram(options.query, [&] { return divergence_diagram(kg, a, b, points); });
    const std::string& format = options.query.format;
    if (options.query.format == "json") {
        print_json(diverge_json(kg, options.query.scenario, a, b, points));
        return exit_ok;
    }
    const Actor& A = kg.actor(a);
    const Actor& B = kg.actor(b);
    if (format == "csv") {
        // One row per divergence point, the ties as numbers (4 decimals) rather than for the eye.
        Table table({"rank", "object", "kind", "roadblock", "tie_a", "tie_b", "weight"});
        std::size_t n = 0;
        for (const auto& p : points) {
            table.add({std::to_string(++n), kg.actor(p.object).id,
                       std::string(to_string(kg.actor(p.object).kind)),
                       p.roadblock ? "true" : "false", csv_number(p.tie_a->value),
                       csv_number(p.tie_b->value), csv_number(p.weight)});
        }
        table.print_csv(std::cout);
        return exit_ok;
    }
    std::size_t roadblocks = 0;
    for (const auto& p : points) {
        roadblocks += p.roadblock ? 1 : 0;
    }
    Lines& lines = out();
    lines.line("where ", A.name, " and ", B.name,
               " diverge: ", plural(points.size(), "point", "points"), ", ",
               plural(roadblocks, "roadblock", "roadblocks"));
    if (const std::string line = scenario_line(options.query.scenario); !line.empty()) {
        lines.line("scenario: ", line);
    }
    if (points.empty()) {
        lines.line("they take no opposite sides in the data");
        return exit_ok;
    }
    Table table({"  #", "OBJECT", "KIND", "", A.id, B.id, "WEIGHT"});
    std::size_t n = 0;
    for (const auto& p : points) {
        table.add({"  " + std::to_string(++n), kg.actor(p.object).id,
                   std::string(to_string(kg.actor(p.object).kind)), p.roadblock ? "roadblock" : "",
                   signed_number(p.tie_a->value), signed_number(p.tie_b->value),
                   unsigned_weight(p.weight)});
    }
    table.print(lines);
    n = 0;
    const std::size_t limit = options.all ? no_list_limit : text_list_limit;
    for (const auto& p : points) {
        lines.blank();
        lines.line(++n, ". ", kg.actor(p.object).name, " (", kg.actor(p.object).id, ")",
                   p.roadblock ? ", a roadblock" : "");
        lines.line("   ", A.name, " ", signed_number(p.tie_a->value));
        print_evidence(lines, kg, *p.tie_a, "     ", limit);
        lines.line("   ", B.name, " ", signed_number(p.tie_b->value));
        print_evidence(lines, kg, *p.tie_b, "     ", limit);
    }
    return exit_ok;
}

}  // namespace

std::string diverge_json(const KnowledgeGraph& kg, const ScenarioText& scenario, Index a, Index b,
                         const std::vector<DivergencePoint>& points) {
    JsonAnswer json(kg, scenario);
    json.key("a");
    json.actor(a);
    json.key("b");
    json.actor(b);
    json.key("divergence");
    json.start_array();
    for (const auto& p : points) {
        json.start_object();
        json.key("object");
        json.actor(p.object);
        json.field("roadblock", p.roadblock);
        json.field("weight", p.weight);
        json.key("tie_a");
        json.tie(p.tie_a);
        json.key("tie_b");
        json.tie(p.tie_b);
        json.end_object();
    }
    json.end_array();
    return json.text();
}

void register_diverge(CLI::App& app) {
    auto options = std::make_shared<DivergeOptions>();
    CLI::App* command = app.add_subcommand(
        "diverge",
        "Where two actors diverge: the objects they are tied to with opposite signs, third "
        "parties that take sides (roadblocks) first, then positions, heaviest first, each with "
        "both sides' claims.");
    add_query_options(*command, options->query, {"table", "json", "csv"});
    command->add_option("a", options->a, "First actor")->type_name("ACTOR")->required();
    command->add_option("b", options->b, "Second actor")->type_name("ACTOR")->required();
    command->add_flag("--direct-only", options->direct_only, "Leave out derived ties");
    add_all_flag(*command, options->all);
    command->footer(
        "Examples:\n"
        "  entente diverge russia pakistan\n"
        "  entente diverge russia pakistan --format csv\n"
        "  entente diverge russia pakistan --format json | jq '.divergence[0].object.id'");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
