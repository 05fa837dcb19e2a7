// `entente align`: how two actors align, who aligns with one actor, or the pairwise matrix.
#include <iostream>

#include "cli.hpp"
#include "entente/query/alignment.hpp"
#include "entente/query/alignment_matrix.hpp"
#include "entente/query/alignment_ranking.hpp"

namespace entente::cli {

namespace {

struct AlignOptions {
    QueryOptions query;
    std::vector<std::string> actors;
    bool matrix = false;
    std::string measure;
    bool direct_only = false;
};

void write_alignment_fields(JsonAnswer& json, const Alignment& a) {
    json.field("alignment", a.alignment);
    json.field("agreement", a.agreement);
    json.field("shared", a.shared);
    json.field("direct", a.direct ? std::optional<double>(a.direct->value) : std::nullopt);
    json.field("s", a.s_score);
    json.field("kappa", a.kappa);
    json.field("compared", a.compared);
}

int run_pair(const AlignOptions& options, const KnowledgeGraph& kg, const TieTable& ties, Index a,
             Index b) {
    const Alignment al = align(ties, a, b);
    write_diagram(options.query, alignment_diagram(kg, al));
    if (options.query.format == "json") {
        JsonAnswer json(kg, options.query.scenario);
        json.key("a");
        json.actor(a);
        json.key("b");
        json.actor(b);
        write_alignment_fields(json, al);
        json.key("direct_tie");
        json.tie(al.direct);
        json.key("shared_objects");
        json.start_array();
        for (const auto& s : al.shared_objects) {
            json.start_object();
            json.key("object");
            json.actor(s.object);
            json.field("same_sign", s.tie_a->sign() == s.tie_b->sign());
            json.key("tie_a");
            json.tie(s.tie_a);
            json.key("tie_b");
            json.tie(s.tie_b);
            json.end_object();
        }
        json.end_array();
        json.print();
        return exit_ok;
    }
    const Actor& A = kg.actor(a);
    const Actor& B = kg.actor(b);
    Lines& lines = out();
    lines.line("alignment of ", A.name, " and ", B.name, ": ", shown(al.alignment));
    lines.line("  agreement   ", shown(al.agreement), "  over ",
               plural(al.shared, "shared object", "shared objects"));
    lines.line("  direct tie  ", al.direct ? signed_number(al.direct->value) : std::string("-"),
               "  from ", plural(al.direct ? al.direct->evidence.size() : 0, "claim", "claims"));
    lines.line("  Signorino-Ritter S ", shown(al.s_score), ", Cohen's kappa ", shown(al.kappa),
               "  over ", plural(al.compared, "object", "objects"), " either takes a side on");
    if (const std::string line = scenario_line(options.query.scenario); !line.empty()) {
        lines.line("  scenario: ", line);
    }
    if (!al.shared_objects.empty()) {
        lines.blank();
        lines.line("shared objects");
        Table table({"  OBJECT", "KIND", A.id, B.id, ""});
        for (const auto& s : al.shared_objects) {
            const bool derived = s.tie_a->derived_only() || s.tie_b->derived_only();
            table.add({"  " + kg.actor(s.object).id,
                       std::string(to_string(kg.actor(s.object).kind)),
                       signed_number(s.tie_a->value), signed_number(s.tie_b->value),
                       std::string(s.tie_a->sign() == s.tie_b->sign() ? "agree" : "DIVERGE") +
                           (derived ? " (derived)" : "")});
        }
        table.print(lines);
    }
    lines.blank();
    lines.line("evidence");
    if (al.direct) {
        lines.line("  ", A.id, " \u2013 ", B.id, " (direct tie ", signed_number(al.direct->value),
                   ")");
        print_evidence(lines, kg, *al.direct, "    ");
    }
    for (const auto& s : al.shared_objects) {
        lines.line("  ", kg.actor(s.object).id);
        lines.line("    ", A.id, " ", signed_number(s.tie_a->value));
        print_evidence(lines, kg, *s.tie_a, "      ");
        lines.line("    ", B.id, " ", signed_number(s.tie_b->value));
        print_evidence(lines, kg, *s.tie_b, "      ");
    }
    return exit_ok;
}

int run_ranking(const AlignOptions& options, const KnowledgeGraph& kg, const TieTable& ties,
                Index a) {
    const AlignmentMeasure measure = *parse_alignment_measure(options.measure);
    const std::vector<Alignment> ranking = alignment_ranking(kg, ties, a, measure);
    std::vector<std::pair<Index, double>> scores;
    for (const auto& al : ranking) {
        scores.emplace_back(al.b, *alignment_score(al, measure));
    }
    write_diagram(options.query, ranking_diagram(kg, a, scores, options.measure));
    const std::string& format = options.query.format;
    if (format == "json") {
        JsonAnswer json(kg, options.query.scenario);
        json.key("actor");
        json.actor(a);
        json.field("measure", options.measure);
        json.key("ranking");
        json.start_array();
        for (const auto& al : ranking) {
            json.start_object();
            json.key("actor");
            json.actor(al.b);
            json.field("score", alignment_score(al, measure));
            write_alignment_fields(json, al);
            // The claims each score rests on, by id; the claims themselves close the answer.
            std::set<Index> cited;
            auto note = [&](const Tie* t) {
                if (t != nullptr) {
                    for (const auto& e : t->evidence) {
                        cited.insert(e.claim);
                    }
                }
            };
            note(al.direct);
            for (const auto& s : al.shared_objects) {
                note(s.tie_a);
                note(s.tie_b);
            }
            json.key("evidence");
            json.claims(std::vector<Index>(cited.begin(), cited.end()));
            json.end_object();
        }
        json.end_array();
        json.print();
        return exit_ok;
    }
    const bool csv = format == "csv";
    Table table(csv ? std::vector<std::string>{"rank", "actor", "kind", "score", "agreement",
                                               "shared", "direct"}
                    : std::vector<std::string>{"RANK", "ACTOR", "KIND", "SCORE", "AGREEMENT",
                                               "SHARED", "DIRECT"});
    std::size_t rank = 0;
    for (const auto& al : ranking) {
        const std::optional<double> direct =
            al.direct ? std::optional<double>(al.direct->value) : std::nullopt;
        const auto number = [csv](const std::optional<double>& v) {
            return csv ? csv_number(v) : shown(v);
        };
        table.add({std::to_string(++rank), kg.actor(al.b).id,
                   std::string(to_string(kg.actor(al.b).kind)),
                   number(alignment_score(al, measure)), number(al.agreement),
                   std::to_string(al.shared), number(direct)});
    }
    if (csv) {
        table.print_csv(std::cout);
        return exit_ok;
    }
    Lines& lines = out();
    lines.line("who aligns with ", kg.actor(a).name, " (", options.measure,
               "), most aligned first");
    if (const std::string line = scenario_line(options.query.scenario); !line.empty()) {
        lines.line("scenario: ", line);
    }
    table.print(lines);
    lines.line("`entente align ", kg.actor(a).id, " ACTOR` shows the claims behind one score.");
    return exit_ok;
}

int run_matrix(const AlignOptions& options, const KnowledgeGraph& kg, const TieTable& ties) {
    std::vector<Index> actors;
    for (const auto& name : options.actors) {
        const Index actor = kg.find_actor(name);
        for (std::size_t i = 0; i < actors.size(); ++i) {
            if (actors[i] == actor) {
                print_error("align", "\"" + options.actors[i] + "\" and \"" + name +
                                         "\" are the same actor");
                return exit_usage;
            }
        }
        actors.push_back(actor);
    }
    if (actors.empty()) {
        actors = matrix_actors(kg, ties);
    }
    const ScoreMatrix m = score_matrix(ties, actors, *parse_alignment_measure(options.measure));
    write_diagram(options.query, matrix_diagram(kg, actors, m.scores, options.measure));
    const std::size_t n = actors.size();
    const std::string& format = options.query.format;
    if (format == "json") {
        JsonAnswer json(kg, options.query.scenario);
        json.field("measure", options.measure);
        json.key("actors");
        json.actors(actors);
        json.key("matrix");
        json.start_array();
        for (const auto& row : m.scores) {
            json.start_array();
            for (const auto& v : row) {
                json.value(v);
            }
            json.end_array();
        }
        json.end_array();
        for (Index c : m.claims) {
            json.cite(c);
        }
        json.print();
        return exit_ok;
    }
    const bool csv = format == "csv";
    std::vector<std::string> header{csv ? "actor" : ""};
    for (Index a : actors) {
        header.push_back(kg.actor(a).id);
    }
    Table table(header);
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::string> row{kg.actor(actors[i]).id};
        for (std::size_t j = 0; j < n; ++j) {
            row.push_back(csv ? csv_number(m.scores[i][j]) : i == j ? "." : shown(m.scores[i][j]));
        }
        table.add(row);
    }
    if (csv) {
        table.print_csv(std::cout);
        return exit_ok;
    }
    Lines& lines = out();
    lines.line("pairwise ", options.measure, " (- where undefined)");
    if (const std::string line = scenario_line(options.query.scenario); !line.empty()) {
        lines.line("scenario: ", line);
    }
    table.print(lines);
    return exit_ok;
}

int run(const AlignOptions& options) {
    if (!options.matrix && options.actors.empty()) {
        print_error("align", "name one actor, two actors, or use --matrix");
        return exit_usage;
    }
    if (!options.matrix && options.actors.size() > 2) {
        print_error("align", "at most two actors without --matrix");
        return exit_usage;
    }
    if (!options.matrix && options.actors.size() == 2 && options.query.format == "csv") {
        print_error("align", "--format csv goes with one actor (the ranking) or --matrix");
        return exit_usage;
    }
    const KnowledgeGraph& kg = load_scenario(options.query);
    const TieTable ties(kg, TieOptions{options.direct_only});
    if (options.matrix) {
        return run_matrix(options, kg, ties);
    }
    const Index a = kg.find_actor(options.actors[0]);
    if (options.actors.size() == 1) {
        return run_ranking(options, kg, ties, a);
    }
    const Index b = kg.find_actor(options.actors[1]);
    if (a == b) {
        print_error("align", "\"" + options.actors[0] + "\" and \"" + options.actors[1] +
                                 "\" are the same actor");
        return exit_usage;
    }
    return run_pair(options, kg, ties, a, b);
}

}  // namespace

void register_align(CLI::App& app) {
    auto options = std::make_shared<AlignOptions>();
    CLI::App* command = app.add_subcommand(
        "align",
        "How actors align. With two actors: their alignment, its components (agreement over the "
        "objects both take sides on, and their direct tie) and every claim behind them. With one: "
        "every actor ranked from most aligned to most opposed. With --matrix: the pairwise table.");
    add_query_options(*command, options->query, {"table", "json", "csv"});
    command->add_option("actors", options->actors, "One or two actors (or, with --matrix, any)")
        ->type_name("ACTOR");
    command->add_flag(
        "--matrix", options->matrix,
        "Pairwise table of the named actors (default: every state with a signed tie)");
    options->measure = "alignment";
    std::vector<std::string> measures;
    for (AlignmentMeasure m : all_alignment_measures) {
        measures.emplace_back(to_string(m));
    }
    command
        ->add_option("--measure", options->measure,
                     "Score to rank or tabulate: alignment, agreement, s (Signorino-Ritter) or "
                     "kappa (Cohen, after Häge 2011)")
        ->check(CLI::IsMember(measures))
        ->default_str("alignment");
    command->add_flag("--direct-only", options->direct_only,
                      "Leave out derived ties (support for a position counting toward its holder)");
    command->footer(
        "Examples:\n"
        "  entente align russia pakistan\n"
        "  entente align russia                      # who aligns with Russia\n"
        "  entente align --matrix --format csv       # every state against every state\n"
        "  entente align russia pakistan --assume \"russia sanctions pakistan\"\n"
        "See docs/queries.md for the formulas.");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
