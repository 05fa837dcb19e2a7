// The JSON API of `entente serve`: parameters checked, the library's queries run on the
// scenario's graph, the answer written by the same functions as the CLI's --format json.
#include "serve_api.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include <rapidjson/document.h>

#include "answers.hpp"
#include "cli.hpp"
#include "entente/draw/diagram.hpp"
#include "entente/draw/render.hpp"
#include "entente/export/csv.hpp"
#include "entente/model/errors.hpp"
#include "entente/query/alignment.hpp"
#include "entente/query/alignment_ranking.hpp"
#include "entente/query/balance.hpp"
#include "entente/query/divergence.hpp"
#include "entente/query/ego_network.hpp"
#include "entente/query/paths.hpp"
#include "entente/query/periods.hpp"
#include "entente/query/scenario.hpp"
#include "entente/query/selection.hpp"
#include "entente/query/ties.hpp"
#include "output.hpp"

namespace entente::cli {

namespace {

// A refusal with its HTTP status; caught in api_reply and turned into a JSON error.
struct ApiFailure {
    int status;
    std::string message;
};

[[noreturn]] void fail(int status, std::string message) {
    throw ApiFailure{status, std::move(message)};
}

// The parameters of one request, each checked against what its endpoint takes. Names and values
// are echoed in messages and looked up as names: they must be text (well-formed UTF-8, no NUL),
// else the JSON of an answer or an error would not be.
class Params {
  public:
    Params(const ApiParams& given, const std::string& endpoint,
           const std::vector<std::string>& known)
        : endpoint_(endpoint) {
        static const std::set<std::string> repeatable{"assume", "without", "modality"};
        for (const auto& [name, value] : given) {
            if (!well_formed_utf8(name) || name.find('\0') != std::string::npos) {
                fail(400, "a parameter's name is not text (UTF-8 without NUL)");
            }
            if (!well_formed_utf8(value)) {
                fail(400, name + ": not valid UTF-8");
            }
            if (value.find('\0') != std::string::npos) {
                fail(400, name + ": contains a NUL character");
            }
            if (std::find(known.begin(), known.end(), name) == known.end()) {
                std::string list;
                for (std::size_t i = 0; i < known.size(); ++i) {
                    list += (i == 0 ? "" : ", ") + known[i];
                }
                fail(400, "unknown parameter \"" + name + "\"; " + endpoint + " takes " +
                              (list.empty() ? std::string("none") : list));
            }
            if (repeatable.count(name) == 0 && values_.count(name) != 0) {
                fail(400, "parameter \"" + name + "\" given twice");
            }
            values_[name].push_back(value);
        }
    }

    // The one value of `name`, or nullopt when not given.
    std::optional<std::string> get(const std::string& name) const {
        const auto it = values_.find(name);
        if (it == values_.end()) {
            return std::nullopt;
        }
        return it->second.front();
    }

    std::string required(const std::string& name) const {
        auto v = get(name);
        if (!v) {
            fail(400, endpoint_ + " needs the parameter \"" + name + "\"");
        }
        if (v->empty()) {
            fail(400, name + ": empty; give a name");
        }
        return *v;
    }

    std::vector<std::string> all(const std::string& name) const {
        const auto it = values_.find(name);
        return it == values_.end() ? std::vector<std::string>{} : it->second;
    }

    // A whole number from `least` to `most`, or `fallback` when not given.
    std::size_t number(const std::string& name, std::size_t fallback, std::size_t least,
                       std::size_t most) const {
        const auto text = get(name);
        if (!text) {
            return fallback;
        }
        std::size_t value = 0;
        const char* end = text->data() + text->size();
        const auto [ptr, ec] = std::from_chars(text->data(), end, value);
        if (text->empty() || ec != std::errc() || ptr != end || value < least || value > most) {
            fail(400, name + ": \"" + *text + "\" is not a whole number from " +
                          std::to_string(least) + " to " + std::to_string(most));
        }
        return value;
    }

  private:
    std::string endpoint_;
    std::map<std::string, std::vector<std::string>> values_;
};

const std::vector<std::string> scenario_names{"as_of",  "from",    "until",
                                              "assume", "without", "modality"};

std::vector<std::string> with_scenario(std::vector<std::string> names) {
    names.insert(names.end(), scenario_names.begin(), scenario_names.end());
    return names;
}

// The what-if parameters as the CLI's options take them, with the CLI's messages.
ScenarioText scenario_text(const Params& p, const ServeLimits& limits) {
    ScenarioText text;
    auto date = [&](const char* name, std::string& into) {
        if (const auto v = p.get(name)) {
            if (!parse_date(*v)) {
                fail(400, std::string(name) + ": \"" + *v +
                              "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            }
            into = *v;
        }
    };
    date("as_of", text.as_of);
    date("from", text.from);
    date("until", text.until);
    if (!text.from.empty() && !text.until.empty() &&
        parse_date(text.from)->earliest() > parse_date(text.until)->latest()) {
        fail(400, "from " + text.from + " is after until " + text.until);
    }
    text.assume = p.all("assume");
    text.without = p.all("without");
    for (const auto* list : {&text.assume, &text.without}) {
        for (const auto& item : *list) {
            if (item.empty()) {
                fail(400, std::string(list == &text.assume ? "assume" : "without") +
                              ": empty; give a claim");
            }
        }
    }
    if (text.assume.size() + text.without.size() > limits.max_scenario_items) {
        fail(400, "at most " + std::to_string(limits.max_scenario_items) +
                      " assume and without items in one request");
    }
    for (const auto& given : p.all("modality")) {
        std::size_t start = 0;
        while (start <= given.size()) {
            const auto comma = std::min(given.find(',', start), given.size());
            const std::string m = given.substr(start, comma - start);
            if (m != "all" && !parse_modality(m)) {
                fail(400, "modality: \"" + m +
                              "\" is not one of stated, predicted, recommended, questioned, "
                              "hedged, all");
            }
            text.modality.push_back(m);
            start = comma + 1;
        }
    }
    return text;
}

// The graph a query runs on: `kg` itself, or the scenario's (kept in `holder`); fills in what
// the CLI's load_scenario fills in.
const KnowledgeGraph& scenario_graph(const KnowledgeGraph& kg, ScenarioText& text,
                                     std::optional<KnowledgeGraph>& holder) {
    const Scenario scenario = scenario_of(text);
    count_modality(text, scenario, kg);
    if (scenario.empty_for(kg)) {
        return kg;
    }
    try {
        RollUpReport report;
        holder.emplace(apply_scenario(kg, scenario, &report));
    } catch (const UnknownNameError&) {
        throw;
    } catch (const AmbiguousNameError&) {
        throw;
    } catch (const Error& e) {
        // The CLI's "--assume: ..." for an assumption it cannot read.
        fail(400, std::string("assume: ") + e.what());
    }
    return *holder;
}

void same_actor(Index a, Index b, const std::string& na, const std::string& nb) {
    if (a == b) {
        fail(400, "\"" + na + "\" and \"" + nb + "\" are the same actor");
    }
}

// A query's answer: the CLI's JSON, and its drawing when one was asked for.
struct Answer {
    std::string json;
    std::optional<Diagram> diagram;
};

// The drawing as the CLI's --diagram x.svg draws it: the scenario under the title, folded per
// pair past parallel_edge_limit or when asked (`per_pair`, --per-pair), refused past the drawing
// limits.
std::string drawing_of(Diagram diagram, const ScenarioText& text, bool per_pair,
                       DiagramFormat format) {
    diagram.title = title_with_scenario(diagram.title, drawing_scenario_line(text));
    if (per_pair || most_parallel_edges(diagram) > parallel_edge_limit) {
        diagram = one_edge_per_pair(diagram);
    }
    if (diagram.nodes.size() > draw_node_limit || diagram.edges.size() > draw_edge_limit) {
        fail(422, "cannot draw " + plural(diagram.nodes.size(), "actor", "actors") + " and " +
                      plural(diagram.edges.size(), "edge", "edges") + ": past " +
                      std::to_string(draw_node_limit) + " actors or " +
                      std::to_string(draw_edge_limit) +
                      " edges the layout takes minutes; ask about fewer actors");
    }
    try {
        return render(diagram, format, choose_layout(diagram)).bytes;
    } catch (const RenderError& e) {
        fail(422, e.what());
    }
}

using Query = std::function<Answer(const KnowledgeGraph&, const ScenarioText&, bool)>;

std::string catalog_json(const KnowledgeGraph& kg) {
    Json json(&kg);
    const Dataset& d = kg.data();
    json.key("actors");
    json.start_array();
    for (const Actor& a : d.actors) {
        json.start_object();
        json.field("id", a.id);
        json.field("name", a.name);
        json.field("kind", to_string(a.kind));
        json.field("aliases", a.aliases);
        json.end_object();
    }
    json.end_array();
    json.key("relations");
    json.start_array();
    for (const Relation& r : d.relations) {
        json.start_object();
        json.field("id", r.id);
        json.field("label", r.label);
        json.field("polarity", r.polarity);
        json.end_object();
    }
    json.end_array();
    json.key("claims");
    json.start_array();
    for (const Claim& c : d.claims) {
        json.start_object();
        json.field("id", c.id);
        json.field("text", claim_sentence(kg, c));
        json.end_object();
    }
    json.end_array();
    const auto span = dated_span(kg);
    json.field("first_date",
               span ? std::optional<std::string>(span->first.to_string()) : std::nullopt);
    json.field("last_date",
               span ? std::optional<std::string>(span->second.to_string()) : std::nullopt);
    return json.text();
}

// What a request asks for: the JSON answer, its drawing, or the claims behind it as CSV.
enum class Output { json, svg, png, csv };

// The claims an answer cites (its closing "claims", every --format json answer has one) as the
// edges file of `export --format csv`: one row per claim, in dataset order, formula-safe cells.
std::string claims_csv(const KnowledgeGraph& g, const std::string& json) {
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    Selection selection;
    if (!doc.HasParseError() && doc.IsObject() && doc.HasMember("claims") &&
        doc["claims"].IsArray()) {
        for (const auto& c : doc["claims"].GetArray()) {
            if (c.IsObject() && c.HasMember("id") && c["id"].IsString()) {
                const Index i =
                    g.find_claim(std::string_view(c["id"].GetString(), c["id"].GetStringLength()));
                if (i != no_index) {
                    selection.claims.push_back(i);
                }
            }
        }
    }
    std::sort(selection.claims.begin(), selection.claims.end());
    selection.claims.erase(std::unique(selection.claims.begin(), selection.claims.end()),
                           selection.claims.end());
    std::set<Index> ends;
    for (Index c : selection.claims) {
        ends.insert(g.claim(c).subject);
        ends.insert(g.claim(c).object);
    }
    selection.actors.assign(ends.begin(), ends.end());
    return to_csv(g, selection).second;
}

ApiReply run(const KnowledgeGraph& kg, const std::string& endpoint, Output out,
             const ApiParams& given, const ServeLimits& limits) {
    const bool svg = out == Output::svg || out == Output::png;  // a drawing is asked for
    Query query;
    std::optional<Params> p;
    auto params = [&](std::vector<std::string> names) {
        if (svg) {
            names.emplace_back("per_pair");  // a drawing's own option (--per-pair)
        }
        p.emplace(given, endpoint, with_scenario(std::move(names)));
    };
    if (endpoint == "neighbors") {
        params({"actor", "depth"});
        const Index center = kg.find_actor(p->required("actor"));
        const std::size_t depth = p->number("depth", 1, 0, limits.max_depth);
        query = [center, depth](const KnowledgeGraph& g, const ScenarioText& text, bool draw) {
            const EgoNetwork ego = ego_network(g, center, depth);
            Answer answer{neighbors_json(g, text, center, depth, ego), std::nullopt};
            if (draw) {
                std::vector<Index> members;
                for (const auto& entry : ego.actors) {
                    members.push_back(entry.first);
                }
                answer.diagram = claims_diagram(
                    g, members, ego.claims,
                    "Ego network of " + g.actor(center).name + ", depth " + std::to_string(depth),
                    {center});
            }
            return answer;
        };
    } else if (endpoint == "align") {
        params({"a", "b", "measure", "min_shared"});
        const std::string na = p->required("a");
        const Index a = kg.find_actor(na);
        if (const auto nb = p->get("b")) {
            if (p->get("measure") || p->get("min_shared")) {
                fail(400, "measure and min_shared go with one actor (the ranking), not with b");
            }
            const Index b = kg.find_actor(p->required("b"));
            same_actor(a, b, na, *nb);
            query = [a, b](const KnowledgeGraph& g, const ScenarioText& text, bool draw) {
                const TieTable ties(g, TieOptions{false});
                const Alignment al = align(ties, a, b, AlignOptions{StanceSet::joint, true, {}});
                Answer answer{align_pair_json(g, text, al), std::nullopt};
                if (draw) {
                    answer.diagram = alignment_diagram(g, al);
                }
                return answer;
            };
        } else {
            const std::string name = p->get("measure").value_or("alignment");
            const auto measure = parse_alignment_measure(name);
            if (!measure) {
                std::string known;
                for (AlignmentMeasure each : all_alignment_measures) {
                    known += (known.empty() ? "" : ", ") + std::string(to_string(each));
                }
                fail(400, "measure: unknown measure \"" + name + "\"; one of " + known);
            }
            const std::size_t min_shared = p->number("min_shared", 3, 1, 1000000);
            query = [a, m = *measure, name, min_shared](const KnowledgeGraph& g,
                                                        const ScenarioText& text, bool draw) {
                const TieTable ties(g, TieOptions{false});
                const AlignOptions how{StanceSet::joint, true, {}};
                const AlignmentRanking ranking = alignment_ranking(g, ties, a, m, how, min_shared);
                Answer answer{align_ranking_json(g, text, ranking, a, m, name, "joint", min_shared),
                              std::nullopt};
                if (draw) {
                    std::vector<RankedScore> scores;
                    for (const auto* part : {&ranking.ranked, &ranking.thin}) {
                        for (const auto& al : *part) {
                            scores.push_back({al.b, *al.score(m).value, al.score(m).objects});
                        }
                    }
                    answer.diagram =
                        ranking_diagram(g, a, scores, name, min_shared, &ties, StanceSet::joint);
                }
                return answer;
            };
        }
    } else if (endpoint == "series") {
        params({"a", "b", "by"});
        const std::string na = p->required("a");
        const std::string nb = p->required("b");
        const Index a = kg.find_actor(na);
        const Index b = kg.find_actor(nb);
        same_actor(a, b, na, nb);
        const std::string by = p->get("by").value_or("year");
        if (!parse_period_unit(by)) {
            fail(400, "by: \"" + by + "\" is not year, quarter or month");
        }
        if (svg) {
            fail(404, "no drawing of a series: the page draws /api/series itself");
        }
        query = [a, b, by](const KnowledgeGraph& g, const ScenarioText& text, bool) {
            return Answer{
                align_series_json(g, text, {a, b}, false, "alignment", "joint", 3, by, false),
                std::nullopt};
        };
    } else if (endpoint == "diverge") {
        params({"a", "b"});
        const std::string na = p->required("a");
        const std::string nb = p->required("b");
        const Index a = kg.find_actor(na);
        const Index b = kg.find_actor(nb);
        same_actor(a, b, na, nb);
        query = [a, b](const KnowledgeGraph& g, const ScenarioText& text, bool draw) {
            const TieTable ties(g, TieOptions{false});
            const auto points = diverge(g, ties, a, b);
            Answer answer{diverge_json(g, text, a, b, points), std::nullopt};
            if (draw) {
                answer.diagram = divergence_diagram(g, a, b, points);
            }
            return answer;
        };
    } else if (endpoint == "balance") {
        params({});
        const double seconds = limits.balance_seconds;
        query = [seconds](const KnowledgeGraph& g, const ScenarioText& text, bool draw) {
            const TieTable ties(g, TieOptions{false});
            FrustrationOptions how;
            how.time_limit = seconds;
            const BalanceReport r = balance(g, ties, {}, how);
            Answer answer{balance_json(g, text, r, true, std::nullopt), std::nullopt};
            if (draw) {
                answer.diagram = balance_diagram(g, r);
            }
            return answer;
        };
    } else if (endpoint == "path") {
        // a and b, as the other questions: "from" is the scenario's window.
        params({"a", "b", "k"});
        const std::string nf = p->required("a");
        const std::string nt = p->required("b");
        const Index from = kg.find_actor(nf);
        const Index to = kg.find_actor(nt);
        same_actor(from, to, nf, nt);
        const std::size_t k = p->number("k", 1, 1, limits.max_k);
        query = [from, to, k](const KnowledgeGraph& g, const ScenarioText& text, bool draw) {
            PathOptions po;
            po.k = k;
            const auto paths = shortest_paths(g, from, to, po);
            Answer answer{paths_json(g, text, from, to, paths), std::nullopt};
            if (draw) {
                answer.diagram = paths_diagram(g, paths, from, to);
            }
            return answer;
        };
    } else {
        fail(404, "no such question \"" + endpoint +
                      "\"; the API answers catalog, neighbors, align, series, diverge, balance and "
                      "path");
    }
    const bool per_pair = svg && p->number("per_pair", 0, 0, 1) == 1;
    ScenarioText text = scenario_text(*p, limits);
    std::optional<KnowledgeGraph> holder;
    const KnowledgeGraph& g = scenario_graph(kg, text, holder);
    Answer answer = query(g, text, svg);
    if (out == Output::svg) {
        return ApiReply{200, "image/svg+xml",
                        drawing_of(std::move(*answer.diagram), text, per_pair, DiagramFormat::svg)};
    }
    if (out == Output::png) {
        return ApiReply{200, "image/png",
                        drawing_of(std::move(*answer.diagram), text, per_pair, DiagramFormat::png)};
    }
    if (out == Output::csv) {
        return ApiReply{200, "text/csv; charset=utf-8", claims_csv(g, answer.json)};
    }
    return ApiReply{200, "application/json", std::move(answer.json)};
}

}  // namespace

bool well_formed_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t code = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            code = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            code = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            code = c & 0x07u;
        } else {
            return false;  // a continuation byte first, C0/C1 (overlong) or past U+10FFFF
        }
        if (i + length > text.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto b = static_cast<unsigned char>(text[i + k]);
            if ((b & 0xC0u) != 0x80u) {
                return false;
            }
            code = (code << 6) | (b & 0x3Fu);
        }
        if ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
            (length == 4 && (code < 0x10000 || code > 0x10FFFF))) {
            return false;  // overlong, a surrogate, or past U+10FFFF
        }
        i += length;
    }
    return true;
}

std::string api_error_json(int status, std::string_view message) {
    Json json;
    json.field("error", message);
    json.field("status", status);
    return json.text();
}

ApiReply api_reply(const KnowledgeGraph& kg, std::string_view path, const ApiParams& params,
                   const ServeLimits& limits) {
    try {
        if (path == "/api/catalog") {
            Params p(params, "catalog", {});
            return ApiReply{200, "application/json", catalog_json(kg)};
        }
        for (const auto& [prefix, out] :
             {std::pair<std::string_view, Output>{"/api/", Output::json},
              {"/svg/", Output::svg},
              {"/png/", Output::png},
              {"/csv/", Output::csv}}) {
            if (path.substr(0, prefix.size()) == prefix) {
                return run(kg, std::string(path.substr(prefix.size())), out, params, limits);
            }
        }
        fail(404, "no such page \"" + std::string(path) + "\"");
    } catch (const ApiFailure& f) {
        return ApiReply{f.status, "application/json", api_error_json(f.status, f.message)};
    } catch (const UnknownNameError& e) {
        Json json;
        json.field("error", std::string_view(e.what()));
        json.field("status", 404);
        json.field("kind", e.what_kind());
        json.field("name", e.name());
        json.field("suggestions", e.suggestions());
        return ApiReply{404, "application/json", json.text()};
    } catch (const AmbiguousNameError& e) {
        Json json;
        json.field("error", std::string_view(e.what()));
        json.field("status", 400);
        json.field("name", e.name());
        json.field("candidates", e.candidates());
        return ApiReply{400, "application/json", json.text()};
    } catch (const Error& e) {
        return ApiReply{400, "application/json", api_error_json(400, e.what())};
    }
}

}  // namespace entente::cli

namespace entente::cli {

namespace {

// A query string's percent-decoding ("+" as a space, as forms send it); nullopt for a "%" not
// followed by two hex digits.
std::optional<std::string> percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] != '%') {
            out += text[i];
        } else {
            unsigned value = 0;
            if (i + 2 >= text.size()) {
                return std::nullopt;
            }
            const auto [end, error] =
                std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
            if (error != std::errc() || end != text.data() + i + 3) {
                return std::nullopt;
            }
            out += static_cast<char>(value);
            i += 2;
        }
    }
    return out;
}

// The file's own copy of a page's file (index.html, app.js, style.css).
std::string_view web_file(std::string_view name) {
    for (const auto& file : embedded_web()) {
        if (file.name == name) {
            return file.bytes;
        }
    }
    return {};
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

}  // namespace

std::string lesson_html(const KnowledgeGraph& kg, const std::vector<std::string>& questions,
                        const ServeLimits& limits) {
    // Every request the page makes for a question: its answer, its drawing (one line per claim
    // and per pair), and for a pair's alignment the series it charts.
    struct Request {
        std::string path;
        ApiParams params;
        std::optional<ApiReply> reply;  // answered already (a question's own answer)
    };
    std::vector<Request> requests{{"/api/catalog", {}, std::nullopt}};
    for (const std::string& question : questions) {
        const auto mark = question.find('?');
        const std::string endpoint = question.substr(0, mark);
        ApiParams params;
        if (mark != std::string::npos) {
            std::string_view query(question);
            query.remove_prefix(mark + 1);
            while (!query.empty()) {
                const auto amp = query.find('&');
                const std::string_view pair = query.substr(0, amp);
                query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
                if (pair.empty()) {
                    continue;
                }
                const auto eq = pair.find('=');
                const auto name = percent_decoded(pair.substr(0, eq));
                const auto value = percent_decoded(
                    eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
                if (!name || !value) {
                    throw Error("--question \"" + question +
                                "\": a \"%\" not followed by two hex digits");
                }
                params.emplace_back(*name, *value);
            }
        }
        ApiReply answer = api_reply(kg, "/api/" + endpoint, params, limits);
        if (answer.status != 200) {
            rapidjson::Document doc;
            doc.Parse(answer.body.data(), answer.body.size());
            const std::string message =
                doc.IsObject() && doc.HasMember("error") && doc["error"].IsString()
                    ? doc["error"].GetString()
                    : "refused";
            throw Error("--question \"" + question + "\": " + message);
        }
        // Checked by answering it: the answer is kept, not asked for again below.
        requests.push_back({"/api/" + endpoint, params, std::move(answer)});
        requests.push_back({"/svg/" + endpoint, params, std::nullopt});
        ApiParams by_pair = params;
        by_pair.emplace_back("per_pair", "1");
        requests.push_back({"/svg/" + endpoint, by_pair, std::nullopt});
        const auto has = [&params](const char* name) {
            return std::any_of(params.begin(), params.end(),
                               [name](const auto& p) { return p.first == name; });
        };
        if (endpoint == "align" && has("a") && has("b")) {
            // The page charts a pair's series over a, b and the what-if's claims only.
            ApiParams series;
            for (const auto& p : params) {
                if (p.first == "a" || p.first == "b" || p.first == "assume" ||
                    p.first == "without") {
                    series.push_back(p);
                }
            }
            requests.push_back({"/api/series", series, std::nullopt});
        }
    }
    Json json;  // one object: {"answers": [...]}
    json.key("answers");
    json.start_array();
    for (const Request& r : requests) {
        const ApiReply reply = r.reply ? *r.reply : api_reply(kg, r.path, r.params, limits);
        json.start_object();
        json.field("path", r.path);
        json.key("params");
        json.start_array();
        for (const auto& [name, value] : r.params) {
            json.start_array();
            json.value(name);
            json.value(value);
            json.end_array();
        }
        json.end_array();
        json.field("status", reply.status);
        json.field("type", reply.content_type);
        json.field("body", reply.body);
        json.end_object();
    }
    json.end_array();
    // Inert inside the page: no "<" can end the script element or open a comment; \u003c is
    // the same character to the JSON reader.
    std::string answers = json.text();
    replace_all(answers, "<", "\\u003c");
    std::string script(web_file("app.js"));
    replace_all(script, "</", "<\\/");
    std::string page(web_file("index.html"));
    replace_all(page, "<link rel=\"stylesheet\" href=\"/style.css\">",
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; "
                "base-uri 'none'; form-action 'none'\">\n<style>\n" +
                    std::string(web_file("style.css")) + "</style>");
    replace_all(page, "<script src=\"/app.js\" defer></script>",
                "<script id=\"entente-answers\" type=\"application/json\">" + answers +
                    "</script>\n<script>\n" + script + "</script>");
    return page;
}

}  // namespace entente::cli
