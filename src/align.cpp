// `entente align`: how two actors align, who aligns with one actor, or the pairwise matrix.
#include <iostream>

#include "answers.hpp"
#include "cli.hpp"
#include "entente/query/alignment.hpp"
#include "entente/query/alignment_matrix.hpp"
#include "entente/query/alignment_ranking.hpp"
#include "entente/query/periods.hpp"
#include "entente/query/scenario.hpp"

namespace entente::cli {

namespace {

struct AlignCommand {
    QueryOptions query;
    std::vector<std::string> actors;
    bool matrix = false;
    std::string measure;
    std::string over;
    std::size_t min_shared = 3;
    std::string by;
    bool direct_only = false;
    bool no_intervals = false;
    bool all = false;
};

AlignOptions align_options(const AlignCommand& o) {
    return AlignOptions{*parse_stance_set(o.over), !o.no_intervals, std::nullopt};
}

// "score", "objects", "low", "high" of one measure.
void write_score(JsonAnswer& json, const MeasureScore& s) {
    json.field("score", s.value);
    json.field("objects", s.objects);
    json.field("low", s.low);
    json.field("high", s.high);
}

void write_alignment_fields(JsonAnswer& json, const Alignment& a) {
    json.field("alignment", a.alignment);
    json.field("agreement", a.agreement);
    json.field("shared", a.shared);
    json.field("direct", a.direct ? std::optional<double>(a.direct->value) : std::nullopt);
    json.field("over", to_string(a.over));
    json.field("compared", a.compared_objects.size());
    json.key("measures");
    json.start_object();
    for (AlignmentMeasure m : all_alignment_measures) {
        json.key(to_string(m));
        json.start_object();
        write_score(json, a.score(m));
        json.end_object();
    }
    json.end_object();
}

// "[-0.12, +0.40]", or "-" when there is no interval.
std::string interval_text(const MeasureScore& s) {
    if (!s.low || !s.high) {
        return "-";
    }
    return "[" + signed_number(*s.low) + ", " + signed_number(*s.high) + "]";
}

int run_pair(const AlignCommand& options, const KnowledgeGraph& kg, const TieTable& ties, Index a,
             Index b) {
    const Alignment al = align(ties, a, b, align_options(options));
    write_diagram(options.query, [&] { return alignment_diagram(kg, al); });
    if (options.query.format == "json") {
        print_json(align_pair_json(kg, options.query.scenario, al));
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
    if (const std::string line = scenario_line(options.query.scenario); !line.empty()) {
        lines.line("  scenario: ", line);
    }
    lines.blank();
    lines.line(
        "measures (the field's over the ", plural(al.compared_objects.size(), "object", "objects"),
        al.over == StanceSet::joint ? " both hold a stance on" : " either holds a stance on",
        options.no_intervals ? "; no intervals: --no-intervals)" : "; 90% bootstrap intervals)");
    {
        Table table({"  MEASURE", "SCORE", "90% INTERVAL", "OBJECTS", ""});
        for (AlignmentMeasure m : all_alignment_measures) {
            const MeasureScore& score = al.score(m);
            table.add({"  " + std::string(to_string(m)), shown(score.value), interval_text(score),
                       std::to_string(score.objects),
                       score.value && score.objects < options.min_shared ? "thin evidence" : ""});
        }
        table.print(lines);
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
    const std::size_t limit = options.all ? no_list_limit : text_list_limit;
    if (al.direct) {
        lines.line("  ", A.id, " \u2013 ", B.id, " (direct tie ", signed_number(al.direct->value),
                   ")");
        print_evidence(lines, kg, *al.direct, "    ", limit);
    }
    for (const auto& s : al.shared_objects) {
        lines.line("  ", kg.actor(s.object).id);
        lines.line("    ", A.id, " ", signed_number(s.tie_a->value));
        print_evidence(lines, kg, *s.tie_a, "      ", limit);
        lines.line("    ", B.id, " ", signed_number(s.tie_b->value));
        print_evidence(lines, kg, *s.tie_b, "      ", limit);
    }
    return exit_ok;
}

int run_ranking(const AlignCommand& options, const KnowledgeGraph& kg, const TieTable& ties,
                Index a) {
    const AlignmentMeasure measure = *parse_alignment_measure(options.measure);
    const AlignmentRanking ranking =
        alignment_ranking(kg, ties, a, measure, align_options(options), options.min_shared);
    std::vector<RankedScore> scores;
    for (const auto* part : {&ranking.ranked, &ranking.thin}) {
        for (const auto& al : *part) {
            scores.push_back({al.b, *al.score(measure).value, al.score(measure).objects});
        }
    }
    // Built only when asked for: each drawn score's claims cost one more alignment.
    write_diagram(options.query, [&] {
        return ranking_diagram(kg, a, scores, options.measure, options.min_shared, &ties,
                               align_options(options).over);
    });
    const std::string& format = options.query.format;
    if (format == "json") {
        print_json(align_ranking_json(kg, options.query.scenario, ranking, a, measure,
                                      options.measure, options.over, options.min_shared));
        return exit_ok;
    }
    const bool csv = format == "csv";
    const auto number = [csv](const std::optional<double>& v) {
        return csv ? csv_number(v) : shown(v);
    };
    auto row = [&](const std::string& rank, const Alignment& al, bool thin) {
        const std::optional<double> direct =
            al.direct ? std::optional<double>(al.direct->value) : std::nullopt;
        const MeasureScore& score = al.score(measure);
        std::vector<std::string> cells{rank, kg.actor(al.b).id,
                                       std::string(to_string(kg.actor(al.b).kind)),
                                       number(score.value)};
        if (csv) {
            cells.push_back(number(score.low));
            cells.push_back(number(score.high));
        } else {
            cells.push_back(interval_text(score));
        }
        cells.push_back(std::to_string(score.objects));
        if (csv) {
            cells.push_back(thin ? "true" : "false");
        }
        cells.push_back(number(al.agreement));
        cells.push_back(std::to_string(al.shared));
        cells.push_back(number(direct));
        return cells;
    };
    if (csv) {
        Table table({"rank", "actor", "kind", "score", "low", "high", "objects", "thin",
                     "agreement", "shared", "direct"});
        std::size_t rank = 0;
        for (const auto& al : ranking.ranked) {
            table.add(row(std::to_string(++rank), al, false));
        }
        for (const auto& al : ranking.thin) {
            table.add(row("", al, true));
        }
        table.print_csv(std::cout);
        return exit_ok;
    }
    const std::vector<std::string> header{"RANK",    "ACTOR",     "KIND",   "SCORE", "90% INTERVAL",
                                          "OBJECTS", "AGREEMENT", "SHARED", "DIRECT"};
    Lines& lines = out();
    lines.line("who aligns with ", kg.actor(a).name, " (", options.measure,
               options.over == "union" ? ", over the union" : "", "), most aligned first");
    if (const std::string line = scenario_line(options.query.scenario); !line.empty()) {
        lines.line("scenario: ", line);
    }
    if (ranking.ranked.empty()) {
        lines.line("no score rests on ", plural(options.min_shared, "object", "objects"),
                   " or more");
    } else {
        Table table(header);
        std::size_t rank = 0;
        for (const auto& al : ranking.ranked) {
            table.add(row(std::to_string(++rank), al, false));
        }
        table.print(lines);
    }
    if (!ranking.thin.empty()) {
        lines.blank();
        lines.line("thin evidence, not ranked: fewer than ",
                   plural(options.min_shared, "object", "objects"), " (--min-shared)");
        Table table(header);
        for (const auto& al : ranking.thin) {
            table.add(row("-", al, true));
        }
        table.print(lines);
    }
    lines.line("`entente align ", kg.actor(a).id, " ACTOR` shows the claims behind one score.");
    return exit_ok;
}

int run_matrix(const AlignCommand& options, const KnowledgeGraph& kg, const TieTable& ties) {
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
    const ScoreMatrix m = score_matrix(ties, actors, *parse_alignment_measure(options.measure),
                                       align_options(options));
    write_diagram(options.query, [&] {
        return matrix_diagram(kg, actors, m.scores, options.measure, options.min_shared, &ties,
                              align_options(options).over);
    });
    const std::size_t n = actors.size();
    const std::string& format = options.query.format;
    if (format == "json") {
        print_json(align_matrix_json(kg, options.query.scenario, actors, m, options.measure,
                                     options.over, options.min_shared));
        return exit_ok;
    }
    const bool csv = format == "csv";
    std::vector<std::string> header{csv ? "actor" : ""};
    for (Index a : actors) {
        header.push_back(kg.actor(a).id);
        if (csv) {
            header.push_back(kg.actor(a).id + " objects");
        }
    }
    Table table(header);
    bool any_thin = false;
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::string> row{kg.actor(actors[i]).id};
        for (std::size_t j = 0; j < n; ++j) {
            const MeasureScore& s = m.scores[i][j];
            if (csv) {
                row.push_back(csv_number(s.value));
                row.push_back(i == j ? "" : std::to_string(s.objects));
            } else if (i == j) {
                row.push_back(".");
            } else if (s.value && s.objects < options.min_shared) {
                any_thin = true;
                row.push_back("(" + shown(s.value) + ")");
            } else {
                row.push_back(shown(s.value));
            }
        }
        table.add(row);
    }
    if (csv) {
        table.print_csv(std::cout);
        return exit_ok;
    }
    Lines& lines = out();
    lines.line("pairwise ", options.measure, options.over == "union" ? " over the union" : "",
               " (- where undefined)");
    if (const std::string line = scenario_line(options.query.scenario); !line.empty()) {
        lines.line("scenario: ", line);
    }
    table.print(lines);
    if (any_thin) {
        lines.line("(in brackets: thin evidence, fewer than ",
                   plural(options.min_shared, "object", "objects"), ")");
    }
    return exit_ok;
}

// The periods of --by: from --from (or --as-of) when given, else the first day the dated claims
// hold, to --until (or --as-of) when given, else the last day they hold; nullopt (after an error)
// when an end is missing and nothing is dated.
std::optional<std::vector<Period>> series_periods(const AlignCommand& options,
                                                  const KnowledgeGraph& kg) {
    const ScenarioText& w = options.query.scenario;
    std::optional<Date> first = parse_date(!w.from.empty() ? w.from : w.as_of);
    std::optional<Date> last = parse_date(!w.until.empty() ? w.until : w.as_of);
    if (!first || !last) {
        const auto span = dated_span(kg);
        if (!span) {
            print_error("align",
                        "--by needs dated claims, and no claim here has a date of its "
                        "own or from its source");
            return std::nullopt;
        }
        first = first ? first : span->first;
        last = last ? last : span->second;
    }
    return periods_between(*first, *last, *parse_period_unit(options.by));
}

// One period's data: the claims holding at some time during it, and their ties.
struct PeriodData {
    KnowledgeGraph graph;
    TieTable ties;
};

PeriodData period_data(const AlignCommand& options, const KnowledgeGraph& kg, const Period& p) {
    Scenario window;
    window.from = p.first;
    window.until = p.last;
    window.modalities.reset();  // `kg` is already the scenario's: its modalities are applied
    KnowledgeGraph graph = apply_scenario(kg, window);
    TieTable ties(graph, TieOptions{options.direct_only});
    return PeriodData{std::move(graph), std::move(ties)};
}

// Cites, in the answer over `kg`, the claims of a period's graph behind a tie (by claim id: the
// period's graph numbers its claims apart).
void cite_from(JsonAnswer& json, const KnowledgeGraph& kg, const KnowledgeGraph& period,
               const Tie* tie) {
    if (tie != nullptr) {
        for (const Evidence& e : tie->evidence) {
            json.cite(kg.find_claim(period.claim(e.claim).id));
        }
    }
}

void cite_score(JsonAnswer& json, const KnowledgeGraph& kg, const KnowledgeGraph& period,
                const Alignment& al, AlignmentMeasure measure) {
    if (!al.score(measure).value) {
        return;
    }
    if (measure == AlignmentMeasure::alignment || measure == AlignmentMeasure::agreement) {
        if (measure == AlignmentMeasure::alignment) {
            cite_from(json, kg, period, al.direct);
        }
        for (const auto& s : al.shared_objects) {
            cite_from(json, kg, period, s.tie_a);
            cite_from(json, kg, period, s.tie_b);
        }
    } else {
        for (const auto& c : al.compared_objects) {
            cite_from(json, kg, period, c.tie_a);
            cite_from(json, kg, period, c.tie_b);
        }
    }
}

void write_period(JsonAnswer& json, const Period& p) {
    json.field("period", p.label);
    json.field("from", p.first.to_string());
    json.field("until", p.last.to_string());
}

// With `json_text` set (and --format json), the answer goes there instead of to stdout.
int run_series(const AlignCommand& options, const KnowledgeGraph& kg, const TieTable& ties,
               std::string* json_text = nullptr) {
    const auto periods = series_periods(options, kg);
    if (!periods) {
        return exit_data;
    }
    const AlignmentMeasure measure = *parse_alignment_measure(options.measure);
    const AlignOptions how = align_options(options);
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
    if (options.matrix && actors.empty()) {
        actors = matrix_actors(kg, ties);
    }
    const std::string& format = options.query.format;
    const bool csv = format == "csv";
    const auto number = [csv](const std::optional<double>& v) {
        return csv ? csv_number(v) : shown(v);
    };
    const std::string by_what = std::string(" by ") + options.by + " (" + options.measure +
                                (options.over == "union" ? ", over the union" : "") + ")";
    std::optional<JsonAnswer> json;
    if (format == "json") {
        json.emplace(kg, options.query.scenario);
        if (options.matrix) {
            json->key("actors");
            json->actors(actors);
        } else if (actors.size() == 2) {
            json->key("a");
            json->actor(actors[0]);
            json->key("b");
            json->actor(actors[1]);
        } else {
            json->key("actor");
            json->actor(actors[0]);
        }
        json->field("measure", options.measure);
        json->field("over", options.over);
        json->field("min_shared", options.min_shared);
        json->field("by", options.by);
        json->key("series");
        json->start_array();
    }
    Lines& lines = out();
    std::optional<Table> table;
    if (!options.matrix && actors.size() == 2) {
        // The pair: one row per period.
        if (!json) {
            table.emplace(
                csv ? std::vector<std::string>{"period", "from", "until", "score", "low", "high",
                                               "objects"}
                    : std::vector<std::string>{"PERIOD", "SCORE", "90% INTERVAL", "OBJECTS", ""});
        }
        for (const Period& p : *periods) {
            const PeriodData d = period_data(options, kg, p);
            const Alignment al = align(d.ties, actors[0], actors[1], how);
            const MeasureScore& score = al.score(measure);
            if (json) {
                json->start_object();
                write_period(*json, p);
                write_score(*json, score);
                json->end_object();
                cite_score(*json, kg, d.graph, al, measure);
            } else if (csv) {
                table->add({p.label, p.first.to_string(), p.last.to_string(), number(score.value),
                            number(score.low), number(score.high), std::to_string(score.objects)});
            } else {
                table->add(
                    {p.label, shown(score.value), interval_text(score),
                     std::to_string(score.objects),
                     score.value && score.objects < options.min_shared ? "thin evidence" : ""});
            }
        }
        if (!json && !csv) {
            lines.line(kg.actor(actors[0]).name, " and ", kg.actor(actors[1]).name, by_what);
        }
    } else if (!options.matrix) {
        // The ranking: long form, one row per period and actor.
        if (csv) {
            table.emplace(std::vector<std::string>{"period", "rank", "actor", "kind", "score",
                                                   "low", "high", "objects", "thin"});
        } else if (!json) {
            lines.line("who aligns with ", kg.actor(actors[0]).name, by_what,
                       ", most aligned first");
        }
        for (const Period& p : *periods) {
            const PeriodData d = period_data(options, kg, p);
            const AlignmentRanking r =
                alignment_ranking(d.graph, d.ties, actors[0], measure, how, options.min_shared);
            if (json) {
                json->start_object();
                write_period(*json, p);
                for (const auto& [name, part] :
                     {std::pair<const char*, const std::vector<Alignment>*>{"ranking", &r.ranked},
                      {"thin", &r.thin}}) {
                    json->key(name);
                    json->start_array();
                    for (const auto& al : *part) {
                        json->start_object();
                        json->key("actor");
                        json->actor(al.b);
                        write_score(*json, al.score(measure));
                        json->end_object();
                        cite_score(*json, kg, d.graph, al, measure);
                    }
                    json->end_array();
                }
                json->end_object();
                continue;
            }
            Table part(std::vector<std::string>{"  RANK", "ACTOR", "KIND", "SCORE", "90% INTERVAL",
                                                "OBJECTS", ""});
            std::size_t rank = 0;
            for (const auto* list : {&r.ranked, &r.thin}) {
                const bool thin = list == &r.thin;
                for (const auto& al : *list) {
                    const MeasureScore& score = al.score(measure);
                    const std::string rank_text = thin ? "" : std::to_string(++rank);
                    if (csv) {
                        table->add({p.label, rank_text, kg.actor(al.b).id,
                                    std::string(to_string(kg.actor(al.b).kind)),
                                    number(score.value), number(score.low), number(score.high),
                                    std::to_string(score.objects), thin ? "true" : "false"});
                    } else {
                        part.add({"  " + (thin ? std::string("-") : rank_text), kg.actor(al.b).id,
                                  std::string(to_string(kg.actor(al.b).kind)), shown(score.value),
                                  interval_text(score), std::to_string(score.objects),
                                  thin ? "thin evidence" : ""});
                    }
                }
            }
            if (!csv) {
                lines.line(p.label);
                if (rank == 0 && r.thin.empty()) {
                    lines.line("  no score");
                } else {
                    part.print(lines);
                }
            }
        }
    } else {
        // The matrix: long form, one row per period and ordered pair.
        if (csv) {
            table.emplace(std::vector<std::string>{"period", "actor_a", "actor_b", "score", "low",
                                                   "high", "objects"});
        } else if (!json) {
            lines.line("pairwise", by_what, " (- where undefined, in brackets: fewer than ",
                       plural(options.min_shared, "object", "objects"), ")");
        }
        for (const Period& p : *periods) {
            const PeriodData d = period_data(options, kg, p);
            const ScoreMatrix m = score_matrix(d.ties, actors, measure, how);
            const std::size_t n = actors.size();
            if (json) {
                json->start_object();
                write_period(*json, p);
                auto grid = [&](const char* name, auto get) {
                    json->key(name);
                    json->start_array();
                    for (std::size_t i = 0; i < n; ++i) {
                        json->start_array();
                        for (std::size_t j = 0; j < n; ++j) {
                            json->value(get(m.scores[i][j], i == j));
                        }
                        json->end_array();
                    }
                    json->end_array();
                };
                grid("matrix", [](const MeasureScore& s, bool) { return s.value; });
                grid("objects", [](const MeasureScore& s, bool diagonal) {
                    return diagonal ? std::nullopt : std::optional<std::size_t>(s.objects);
                });
                grid("low", [](const MeasureScore& s, bool) { return s.low; });
                grid("high", [](const MeasureScore& s, bool) { return s.high; });
                json->end_object();
                for (Index c : m.claims) {
                    json->cite(kg.find_claim(d.graph.claim(c).id));
                }
                continue;
            }
            if (csv) {
                for (std::size_t i = 0; i < n; ++i) {
                    for (std::size_t j = 0; j < n; ++j) {
                        if (i != j) {
                            const MeasureScore& s = m.scores[i][j];
                            table->add({p.label, kg.actor(actors[i]).id, kg.actor(actors[j]).id,
                                        number(s.value), number(s.low), number(s.high),
                                        std::to_string(s.objects)});
                        }
                    }
                }
                continue;
            }
            std::vector<std::string> header{"  " + p.label};
            for (Index a : actors) {
                header.push_back(kg.actor(a).id);
            }
            Table grid(header);
            for (std::size_t i = 0; i < n; ++i) {
                std::vector<std::string> row{"  " + kg.actor(actors[i]).id};
                for (std::size_t j = 0; j < n; ++j) {
                    const MeasureScore& s = m.scores[i][j];
                    row.push_back(i == j ? "."
                                  : s.value && s.objects < options.min_shared
                                      ? "(" + shown(s.value) + ")"
                                      : shown(s.value));
                }
                grid.add(row);
            }
            grid.print(lines);
        }
    }
    if (json) {
        json->end_array();
        if (json_text != nullptr) {
            *json_text = json->text();
        } else {
            json->print();
        }
        return exit_ok;
    }
    if (csv) {
        table->print_csv(std::cout);
        return exit_ok;
    }
    if (table) {
        table->print(lines);
    }
    return exit_ok;
}

int run(AlignCommand& options) {
    if (!options.matrix && options.actors.empty()) {
        print_error("align", "name one actor, two actors, or use --matrix");
        return exit_usage;
    }
    if (!options.matrix && options.actors.size() > 2) {
        print_error("align", "at most two actors without --matrix");
        return exit_usage;
    }
    if (!options.matrix && options.actors.size() == 2 && options.query.format == "csv" &&
        options.by.empty()) {
        print_error("align", "--format csv goes with one actor (the ranking) or --matrix");
        return exit_usage;
    }
    if (!options.by.empty() && !options.query.diagram.empty()) {
        print_error(
            "align",
            "--diagram draws one score per pair and --by gives a series: use one or the other");
        return exit_usage;
    }
    const KnowledgeGraph& kg = load_scenario(options.query);
    const TieTable ties(kg, TieOptions{options.direct_only});
    if (!options.by.empty()) {
        return run_series(options, kg, ties);
    }
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

std::string align_pair_json(const KnowledgeGraph& kg, const ScenarioText& scenario,
                            const Alignment& al) {
    JsonAnswer json(kg, scenario);
    json.key("a");
    json.actor(al.a);
    json.key("b");
    json.actor(al.b);
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
    return json.text();
}

std::string align_ranking_json(const KnowledgeGraph& kg, const ScenarioText& scenario,
                               const AlignmentRanking& ranking, Index actor,
                               AlignmentMeasure measure, const std::string& measure_name,
                               const std::string& over, std::size_t min_shared) {
    JsonAnswer json(kg, scenario);
    json.key("actor");
    json.actor(actor);
    json.field("measure", measure_name);
    json.field("over", over);
    json.field("min_shared", min_shared);
    auto write_part = [&](const std::vector<Alignment>& part) {
        json.start_array();
        for (const auto& al : part) {
            json.start_object();
            json.key("actor");
            json.actor(al.b);
            write_score(json, al.score(measure));
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
            if (measure == AlignmentMeasure::alignment || measure == AlignmentMeasure::agreement) {
                if (measure == AlignmentMeasure::alignment) {
                    note(al.direct);
                }
                for (const auto& s : al.shared_objects) {
                    note(s.tie_a);
                    note(s.tie_b);
                }
            } else {
                for (const auto& c : al.compared_objects) {
                    note(c.tie_a);
                    note(c.tie_b);
                }
            }
            json.key("evidence");
            json.claims(std::vector<Index>(cited.begin(), cited.end()));
            json.end_object();
        }
        json.end_array();
    };
    json.key("ranking");
    write_part(ranking.ranked);
    json.key("thin");
    write_part(ranking.thin);
    return json.text();
}

std::string align_matrix_json(const KnowledgeGraph& kg, const ScenarioText& scenario,
                              const std::vector<Index>& actors, const ScoreMatrix& m,
                              const std::string& measure_name, const std::string& over,
                              std::size_t min_shared) {
    JsonAnswer json(kg, scenario);
    json.field("measure", measure_name);
    json.field("over", over);
    json.field("min_shared", min_shared);
    json.key("actors");
    json.actors(actors);
    // Four n x n tables: the scores, their object counts, their interval ends.
    const std::size_t n = actors.size();
    auto table = [&](const char* name, auto get) {
        json.key(name);
        json.start_array();
        for (std::size_t i = 0; i < n; ++i) {
            json.start_array();
            for (std::size_t j = 0; j < n; ++j) {
                json.value(get(m.scores[i][j], i == j));
            }
            json.end_array();
        }
        json.end_array();
    };
    table("matrix", [](const MeasureScore& s, bool) { return s.value; });
    table("objects", [](const MeasureScore& s, bool diagonal) {
        return diagonal ? std::nullopt : std::optional<std::size_t>(s.objects);
    });
    table("low", [](const MeasureScore& s, bool) { return s.low; });
    table("high", [](const MeasureScore& s, bool) { return s.high; });
    for (Index c : m.claims) {
        json.cite(c);
    }
    return json.text();
}

std::string align_series_json(const KnowledgeGraph& kg, const ScenarioText& scenario,
                              const std::vector<Index>& actors, bool matrix,
                              const std::string& measure_name, const std::string& over,
                              std::size_t min_shared, const std::string& by, bool direct_only) {
    AlignCommand options;
    options.query.format = "json";
    options.query.scenario = scenario;
    for (Index a : actors) {
        options.actors.push_back(kg.actor(a).id);  // found again by id, exactly
    }
    options.matrix = matrix;
    options.measure = measure_name;
    options.over = over;
    options.min_shared = min_shared;
    options.by = by;
    options.direct_only = direct_only;
    // The one refusal run_series would print: checked here, so nothing is printed.
    const bool ends = (!scenario.from.empty() || !scenario.as_of.empty()) &&
                      (!scenario.until.empty() || !scenario.as_of.empty());
    if (!ends && !dated_span(kg)) {
        throw Error(
            "by needs dated claims, and no claim here has a date of its own or from its source");
    }
    const TieTable ties(kg, TieOptions{direct_only});
    std::string text;
    run_series(options, kg, ties, &text);
    return text;
}

void register_align(CLI::App& app) {
    auto options = std::make_shared<AlignCommand>();
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
                     "Score to rank or tabulate: alignment, agreement (entente's), identical, "
                     "agreement-index (Lijphart), s (Signorino-Ritter), kappa (Cohen) or pi "
                     "(Scott), after Häge 2011")
        ->check(CLI::IsMember(measures))
        ->default_str("alignment");
    options->over = "joint";
    command
        ->add_option("--over", options->over,
                     "Objects the field's measures run over: joint (both hold a stance on them, "
                     "the convention) or union (either does; an absent stance counts as 0)")
        ->check(CLI::IsMember({"joint", "union"}))
        ->default_str("joint");
    command
        ->add_option("--min-shared", options->min_shared,
                     "Fewest objects a score must rest on to be ranked; thinner ones are listed "
                     "apart and drawn faintly")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
        ->default_str("3");
    command
        ->add_option("--by", options->by,
                     "One score per period, as a series: year, quarter or month (from the first to "
                     "the last day the dated claims hold, within --from/--until/--as-of)")
        ->check(CLI::IsMember({"year", "quarter", "month"}));
    command->add_flag("--direct-only", options->direct_only,
                      "Leave out derived ties (support for a position counting toward its holder)");
    command->add_flag("--no-intervals", options->no_intervals,
                      "Skip the 90% bootstrap intervals (1,000 resamples per pair: what a ranking "
                      "or matrix of a large dataset costs); counts and scores stay");
    add_all_flag(*command, options->all);
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
