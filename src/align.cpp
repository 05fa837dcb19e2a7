// `entente align`: how two actors align, who aligns with one actor, or the pairwise matrix.
#include <algorithm>
#include <iostream>

#include "cli.hpp"
#include "entente/draw/diagram.hpp"
#include "entente/query/alignment.hpp"
#include "entente/query/alignment_matrix.hpp"
#include "entente/query/divergence.hpp"

namespace entente::cli {

namespace {

struct AlignOptions {
    QueryOptions query;
    std::vector<std::string> actors;
    bool matrix = false;
    std::string measure;
    bool direct_only = false;
};

std::optional<double> score(const Alignment& a, const std::string& measure) {
    if (measure == "agreement")
        return a.agreement;
    if (measure == "s")
        return a.s_score;
    if (measure == "kappa")
        return a.kappa;
    return a.alignment;
}

std::string shown(const std::optional<double>& v) {
    return v ? signed_number(*v) : "-";
}

void write_alignment_fields(JsonWriter& w, const Alignment& a) {
    w.Key("alignment");
    write_optional(w, a.alignment);
    w.Key("agreement");
    write_optional(w, a.agreement);
    w.Key("shared");
    w.Uint64(a.shared);
    w.Key("direct");
    write_optional(w, a.direct ? std::optional<double>(a.direct->value) : std::nullopt);
    w.Key("s");
    write_optional(w, a.s_score);
    w.Key("kappa");
    write_optional(w, a.kappa);
    w.Key("compared");
    w.Uint64(a.compared);
}

int run_pair(const AlignOptions& options, const KnowledgeGraph& kg, const TieTable& ties, Index a,
             Index b) {
    const Alignment al = align(ties, a, b);
    write_diagram(options.query, alignment_diagram(kg, al));
    if (options.query.format == "json") {
        JsonAnswer answer(options.query);
        JsonWriter& w = answer.writer();
        Citations& citations = answer.citations();
        w.Key("a");
        write_actor_ref(w, kg, a);
        w.Key("b");
        write_actor_ref(w, kg, b);
        write_alignment_fields(w, al);
        w.Key("direct_tie");
        write_tie(w, kg, al.direct, citations);
        w.Key("shared_objects");
        w.StartArray();
        for (const auto& s : al.shared_objects) {
            w.StartObject();
            w.Key("object");
            write_actor_ref(w, kg, s.object);
            w.Key("same_sign");
            w.Bool(s.tie_a->sign() == s.tie_b->sign());
            w.Key("tie_a");
            write_tie(w, kg, s.tie_a, citations);
            w.Key("tie_b");
            write_tie(w, kg, s.tie_b, citations);
            w.EndObject();
        }
        w.EndArray();
        answer.finish(kg);
        return exit_ok;
    }
    const Actor& A = kg.actor(a);
    const Actor& B = kg.actor(b);
    std::cout << "alignment of " << A.name << " and " << B.name << ": " << shown(al.alignment)
              << '\n';
    std::cout << "  agreement   " << shown(al.agreement) << "  over "
              << plural(al.shared, "shared object", "shared objects") << '\n';
    std::cout << "  direct tie  "
              << (al.direct ? signed_number(al.direct->value) : std::string("-")) << "  from "
              << plural(al.direct ? al.direct->evidence.size() : 0, "claim", "claims") << '\n';
    std::cout << "  Signorino-Ritter S " << shown(al.s_score) << ", Cohen's kappa "
              << shown(al.kappa) << "  over " << plural(al.compared, "object", "objects")
              << " either takes a side on\n";
    const std::string line = scenario_line(options.query);
    if (!line.empty()) {
        std::cout << "  scenario: " << line << '\n';
    }
    if (!al.shared_objects.empty()) {
        std::cout << "\nshared objects\n";
        Table table({"  OBJECT", "KIND", A.id, B.id, ""});
        for (const auto& s : al.shared_objects) {
            const bool derived = s.tie_a->derived_only() || s.tie_b->derived_only();
            table.add({"  " + kg.actor(s.object).id,
                       std::string(to_string(kg.actor(s.object).kind)),
                       signed_number(s.tie_a->value), signed_number(s.tie_b->value),
                       std::string(s.tie_a->sign() == s.tie_b->sign() ? "agree" : "DIVERGE") +
                           (derived ? " (derived)" : "")});
        }
        table.print(std::cout);
    }
    std::cout << "\nevidence\n";
    if (al.direct) {
        std::cout << "  " << A.id << " \u2013 " << B.id << " (direct tie "
                  << signed_number(al.direct->value) << ")\n";
        print_evidence(std::cout, kg, *al.direct, "    ");
    }
    for (const auto& s : al.shared_objects) {
        std::cout << "  " << kg.actor(s.object).id << '\n';
        std::cout << "    " << A.id << " " << signed_number(s.tie_a->value) << '\n';
        print_evidence(std::cout, kg, *s.tie_a, "      ");
        std::cout << "    " << B.id << " " << signed_number(s.tie_b->value) << '\n';
        print_evidence(std::cout, kg, *s.tie_b, "      ");
    }
    return exit_ok;
}

std::vector<Index> side_takers(const KnowledgeGraph& kg, ActorKind only_kind, bool any_kind) {
    std::vector<Index> out;
    for (Index i = 0; i < kg.data().actors.size(); ++i) {
        const ActorKind k = kg.actor(i).kind;
        if (any_kind ? takes_sides(k) : k == only_kind) {
            out.push_back(i);
        }
    }
    std::sort(out.begin(), out.end(),
              [&](Index x, Index y) { return kg.actor(x).id < kg.actor(y).id; });
    return out;
}

int run_ranking(const AlignOptions& options, const KnowledgeGraph& kg, const TieTable& ties,
                Index a) {
    std::vector<Alignment> ranking;
    for (Index b : side_takers(kg, ActorKind::state, true)) {
        if (b == a) {
            continue;
        }
        Alignment al = align(ties, a, b);
        if (score(al, options.measure)) {
            ranking.push_back(std::move(al));
        }
    }
    // Equal scores: the one resting on more shared objects first, then by id.
    std::stable_sort(ranking.begin(), ranking.end(), [&](const Alignment& x, const Alignment& y) {
        const double sx = *score(x, options.measure);
        const double sy = *score(y, options.measure);
        if (sx != sy) {
            return sx > sy;
        }
        return x.shared > y.shared;
    });
    std::vector<std::pair<Index, double>> scores;
    for (const auto& al : ranking) {
        scores.emplace_back(al.b, *score(al, options.measure));
    }
    write_diagram(options.query, ranking_diagram(kg, a, scores, options.measure));
    if (options.query.format == "json") {
        JsonAnswer answer(options.query);
        JsonWriter& w = answer.writer();
        Citations& citations = answer.citations();
        w.Key("actor");
        write_actor_ref(w, kg, a);
        write_field(w, "measure", options.measure);
        w.Key("ranking");
        w.StartArray();
        for (const auto& al : ranking) {
            w.StartObject();
            w.Key("actor");
            write_actor_ref(w, kg, al.b);
            w.Key("score");
            write_optional(w, score(al, options.measure));
            write_alignment_fields(w, al);
            // The claim ids each score rests on; the claims themselves are listed once below.
            w.Key("evidence");
            w.StartArray();
            std::set<Index> cited;
            auto note = [&](const Tie* t) {
                if (t) {
                    for (const auto& e : t->evidence)
                        cited.insert(e.claim);
                }
            };
            note(al.direct);
            for (const auto& s : al.shared_objects) {
                note(s.tie_a);
                note(s.tie_b);
            }
            for (Index c : cited) {
                write_string(w, kg.claim(c).id);
                citations.add(c);
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        answer.finish(kg);
        return exit_ok;
    }
    std::cout << "who aligns with " << kg.actor(a).name << " (" << options.measure
              << "), most aligned first\n";
    const std::string line = scenario_line(options.query);
    if (!line.empty()) {
        std::cout << "scenario: " << line << '\n';
    }
    Table table({"RANK", "ACTOR", "KIND", "SCORE", "AGREEMENT", "SHARED", "DIRECT"});
    std::size_t rank = 0;
    for (const auto& al : ranking) {
        table.add({std::to_string(++rank), kg.actor(al.b).id,
                   std::string(to_string(kg.actor(al.b).kind)), shown(score(al, options.measure)),
                   shown(al.agreement), std::to_string(al.shared),
                   al.direct ? signed_number(al.direct->value) : "-"});
    }
    table.print(std::cout);
    std::cout << "`entente align " << kg.actor(a).id
              << " ACTOR` shows the claims behind one score.\n";
    return exit_ok;
}

int run_matrix(const AlignOptions& options, const KnowledgeGraph& kg, const TieTable& ties) {
    std::vector<Index> actors;
    for (const auto& name : options.actors) {
        actors.push_back(kg.find_actor(name));
    }
    if (actors.empty()) {
        // Every state that has a signed tie: the others would fill rows with dashes.
        for (Index s : side_takers(kg, ActorKind::state, false)) {
            const auto& stance = ties.stance(s);
            if (std::any_of(stance.begin(), stance.end(),
                            [](const Tie& t) { return t.sign() != 0; })) {
                actors.push_back(s);
            }
        }
    }
    const std::size_t n = actors.size();
    std::vector<std::vector<std::optional<double>>> m;
    if (options.measure == "alignment" || options.measure == "agreement") {
        m = alignment_matrix(ties, actors, options.measure == "agreement");
    } else {
        m.assign(n, std::vector<std::optional<double>>(n));
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = i + 1; j < n; ++j) {
                m[i][j] = m[j][i] = score(align(ties, actors[i], actors[j]), options.measure);
            }
        }
    }
    write_diagram(options.query, matrix_diagram(kg, actors, m, options.measure));
    const std::string& format = options.query.format;
    if (format == "json") {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        write_scenario(w, options.query);
        write_field(w, "measure", options.measure);
        w.Key("actors");
        w.StartArray();
        for (Index a : actors) {
            write_string(w, kg.actor(a).id);
        }
        w.EndArray();
        w.Key("matrix");
        w.StartArray();
        for (const auto& row : m) {
            w.StartArray();
            for (const auto& v : row) {
                write_optional(w, v);
            }
            w.EndArray();
        }
        w.EndArray();
        w.EndObject();
        print_json(buffer);
        return exit_ok;
    }
    if (format == "csv") {
        std::cout << "actor";
        for (Index a : actors) {
            std::cout << ',' << kg.actor(a).id;
        }
        std::cout << '\n';
        for (std::size_t i = 0; i < n; ++i) {
            std::cout << kg.actor(actors[i]).id;
            for (std::size_t j = 0; j < n; ++j) {
                std::cout << ','
                          << (m[i][j] ? format_number(std::round(*m[i][j] * 1e4) / 1e4) : "");
            }
            std::cout << '\n';
        }
        return exit_ok;
    }
    std::vector<std::string> header{""};
    for (Index a : actors) {
        header.push_back(kg.actor(a).id);
    }
    Table table(header);
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::string> row{kg.actor(actors[i]).id};
        for (std::size_t j = 0; j < n; ++j) {
            row.push_back(i == j ? "." : shown(m[i][j]));
        }
        table.add(row);
    }
    std::cout << "pairwise " << options.measure << " (- where undefined)\n";
    table.print(std::cout);
    return exit_ok;
}

int run(const AlignOptions& options) {
    if (!options.matrix && options.actors.empty()) {
        std::cerr << "entente align: name one actor, two actors, or use --matrix\n";
        return exit_usage;
    }
    if (!options.matrix && options.actors.size() > 2) {
        std::cerr << "entente align: at most two actors without --matrix\n";
        return exit_usage;
    }
    if (!options.matrix && options.query.format == "csv") {
        std::cerr << "entente align: --format csv goes with --matrix\n";
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
        std::cerr << "entente align: \"" << options.actors[0] << "\" and \"" << options.actors[1]
                  << "\" are the same actor\n";
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
    command
        ->add_option("--measure", options->measure,
                     "Score to rank or tabulate: alignment, agreement, s (Signorino-Ritter) or "
                     "kappa (Cohen, after Häge 2011)")
        ->check(CLI::IsMember({"alignment", "agreement", "s", "kappa"}))
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
    command->callback([options] { throw Exit{run(*options)}; });
}

}  // namespace entente::cli
