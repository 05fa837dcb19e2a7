// `entente diverge`: where two actors take opposite sides, roadblocks first.
#include <iostream>

#include "cli.hpp"
#include "entente/query/alignment.hpp"
#include "entente/query/alignment_matrix.hpp"
#include "entente/query/divergence.hpp"

namespace entente::cli {

namespace {

struct DivergeOptions {
    QueryOptions query;
    std::string a;
    std::string b;
    bool direct_only = false;
};

// Weights are positive: shown with two decimals and no sign.
std::string unsigned_weight(double weight) {
    std::string text = signed_number(weight);
    return text[0] == '+' ? text.substr(1) : text;
}

int run(const DivergeOptions& options) {
    const KnowledgeGraph& kg = load_scenario(options.query);
    const Index a = kg.find_actor(options.a);
    const Index b = kg.find_actor(options.b);
    if (a == b) {
        std::cerr << "entente diverge: \"" << options.a << "\" and \"" << options.b
                  << "\" are the same actor\n";
        return exit_usage;
    }
    const TieTable ties(kg, TieOptions{options.direct_only});
    const auto points = diverge(kg, ties, a, b);
    write_diagram(options.query, divergence_diagram(kg, a, b, points));
    if (options.query.format == "json") {
        JsonAnswer answer(options.query);
        JsonWriter& w = answer.writer();
        Citations& citations = answer.citations();
        w.Key("a");
        write_actor_ref(w, kg, a);
        w.Key("b");
        write_actor_ref(w, kg, b);
        w.Key("divergence");
        w.StartArray();
        for (const auto& p : points) {
            w.StartObject();
            w.Key("object");
            write_actor_ref(w, kg, p.object);
            w.Key("roadblock");
            w.Bool(p.roadblock);
            w.Key("weight");
            w.Double(p.weight);
            w.Key("tie_a");
            write_tie(w, kg, p.tie_a, citations);
            w.Key("tie_b");
            write_tie(w, kg, p.tie_b, citations);
            w.EndObject();
        }
        w.EndArray();
        answer.finish(kg);
        return exit_ok;
    }
    const Actor& A = kg.actor(a);
    const Actor& B = kg.actor(b);
    std::size_t roadblocks = 0;
    for (const auto& p : points) {
        roadblocks += p.roadblock ? 1 : 0;
    }
    std::cout << "where " << A.name << " and " << B.name
              << " diverge: " << plural(points.size(), "point", "points") << ", "
              << plural(roadblocks, "roadblock", "roadblocks") << '\n';
    const std::string line = scenario_line(options.query);
    if (!line.empty()) {
        std::cout << "scenario: " << line << '\n';
    }
    if (points.empty()) {
        std::cout << "they take no opposite sides in the data\n";
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
    table.print(std::cout);
    n = 0;
    for (const auto& p : points) {
        std::cout << '\n'
                  << ++n << ". " << kg.actor(p.object).name << " (" << kg.actor(p.object).id << ")"
                  << (p.roadblock ? ", a roadblock" : "") << '\n';
        std::cout << "   " << A.name << " " << signed_number(p.tie_a->value) << '\n';
        print_evidence(std::cout, kg, *p.tie_a, "     ");
        std::cout << "   " << B.name << " " << signed_number(p.tie_b->value) << '\n';
        print_evidence(std::cout, kg, *p.tie_b, "     ");
    }
    return exit_ok;
}

}  // namespace

void register_diverge(CLI::App& app) {
    auto options = std::make_shared<DivergeOptions>();
    CLI::App* command = app.add_subcommand(
        "diverge",
        "Where two actors diverge: the objects they are tied to with opposite signs, third "
        "parties that take sides (roadblocks) first, then positions, heaviest first, each with "
        "both sides' claims.");
    add_query_options(*command, options->query);
    command->add_option("a", options->a, "First actor")->type_name("ACTOR")->required();
    command->add_option("b", options->b, "Second actor")->type_name("ACTOR")->required();
    command->add_flag("--direct-only", options->direct_only, "Leave out derived ties");
    command->footer(
        "Examples:\n"
        "  entente diverge russia pakistan\n"
        "  entente diverge russia pakistan --format json | jq '.divergence[0].object.id'");
    command->callback([options] { throw Exit{run(*options)}; });
}

}  // namespace entente::cli
