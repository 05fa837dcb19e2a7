// entente._core: the library for Python (pybind11). This layer only loads, runs the library's
// queries and hands back the CLI's own JSON answers (src/answers.hpp) and the diagrams; the
// package python/entente/ turns them into pandas frames, NetworkX graphs and result objects.
// Every load and query runs with the GIL released: the library never calls back into Python.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "answers.hpp"
#include "cli.hpp"
#include "entente/draw/diagram.hpp"
#include "entente/draw/render.hpp"
#include "entente/import/events.hpp"
#include "entente/import/votes.hpp"
#include "entente/load/embedded.hpp"
#include "entente/load/loader.hpp"
#include "entente/model/errors.hpp"
#include "entente/model/knowledge_graph.hpp"
#include "entente/query/alignment.hpp"
#include "entente/query/alignment_matrix.hpp"
#include "entente/query/alignment_ranking.hpp"
#include "entente/query/balance.hpp"
#include "entente/query/divergence.hpp"
#include "entente/query/ego_network.hpp"
#include "entente/query/generalized_balance.hpp"
#include "entente/query/paths.hpp"
#include "entente/query/periods.hpp"
#include "entente/query/scenario.hpp"
#include "entente/query/ties.hpp"
#include "output.hpp"

namespace py = pybind11;
using namespace entente;

namespace {

// A query's answer: the CLI's JSON text and the diagram the CLI's --diagram would draw.
struct Answer {
    std::string json;
    std::optional<Diagram> diagram;  // none for a series (the CLI draws none either)
};

py::dict diagnostic_dict(const Diagnostic& d) {
    py::dict out;
    out["severity"] = d.severity == Severity::error ? "error" : "warning";
    out["file"] = d.file;
    out["line"] = d.line;
    out["column"] = d.column;
    out["pointer"] = d.pointer;
    out["message"] = d.message;
    out["text"] = format_diagnostic(d);
    return out;
}

py::list diagnostic_list(const std::vector<Diagnostic>& diagnostics) {
    py::list out;
    for (const auto& d : diagnostics) {
        out.append(diagnostic_dict(d));
    }
    return out;
}

std::optional<Date> date_argument(const char* name, const std::optional<std::string>& text) {
    if (!text) {
        return std::nullopt;
    }
    auto date = parse_date(*text);
    if (!date) {
        // The CLI's message for --as-of, --from and --until.
        throw py::value_error(std::string(name) + ": \"" + *text +
                              "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    return date;
}

// The what-if arguments of every query, as the CLI's --as-of, --from, --until, --assume,
// --without, --modality and --roll-up take them.
struct ScenarioArgs {
    std::optional<std::string> as_of;
    std::optional<std::string> from;
    std::optional<std::string> until;
    std::vector<std::string> assume;
    std::vector<std::string> without;
    std::vector<std::string> modality;  // as --modality takes it; empty: stated claims only
    std::string roll_up;                // an actor kind, or empty

    // The CLI's scenario text, before the scenario is applied.
    cli::ScenarioText text() const {
        cli::ScenarioText out;
        out.as_of = as_of.value_or("");
        out.from = from.value_or("");
        out.until = until.value_or("");
        out.assume = assume;
        out.without = without;
        out.modality = modality;
        out.roll_up = roll_up;
        return out;
    }
};

// The graph a query runs on: `kg` itself, or a new one with the scenario applied (kept alive by
// `holder`); `text` receives what the modalities left out and what the roll-up moved, as the
// CLI's load_scenario fills them in. Called with the GIL released, after check_scenario.
const KnowledgeGraph& scenario_graph(const KnowledgeGraph& kg, cli::ScenarioText& text,
                                     std::optional<KnowledgeGraph>& holder) {
    const Scenario scenario = cli::scenario_of(text);
    cli::count_modality(text, scenario, kg);
    if (scenario.empty_for(kg)) {
        return kg;
    }
    try {
        RollUpReport report;
        holder.emplace(apply_scenario(kg, scenario, &report));
        text.rolled_up = report.moved;
        text.rolled_within = report.within;
        for (Index a : report.ambiguous) {
            text.roll_up_ambiguous.push_back(kg.actor(a).id);
        }
    } catch (const UnknownNameError&) {
        throw;
    } catch (const AmbiguousNameError&) {
        throw;
    } catch (const Error& e) {
        // The CLI says "--assume: ..." for an assumption it cannot read.
        throw py::value_error(std::string("assume: ") + e.what());
    }
    return *holder;
}

void check_scenario(const ScenarioArgs& args) {
    date_argument("as_of", args.as_of);
    const auto from = date_argument("from_", args.from);
    const auto until = date_argument("until", args.until);
    if (from && until && from->earliest() > until->latest()) {
        throw py::value_error("from_ " + *args.from + " is after until " + *args.until);
    }
}

AlignmentMeasure measure_argument(const std::string& name) {
    const auto m = parse_alignment_measure(name);
    if (!m) {
        std::string known;
        for (AlignmentMeasure each : all_alignment_measures) {
            known += (known.empty() ? "" : ", ") + std::string(to_string(each));
        }
        throw py::value_error("measure: unknown measure \"" + name + "\"; one of " + known);
    }
    return *m;
}

StanceSet over_argument(const std::string& name) {
    const auto over = parse_stance_set(name);
    if (!over) {
        throw py::value_error("over: \"" + name + "\" is not joint or union");
    }
    return *over;
}

// Runs `query` on the scenario's graph with the GIL released.
template <class Query>
Answer run(const KnowledgeGraph& graph, const ScenarioArgs& args, Query query) {
    check_scenario(args);
    py::gil_scoped_release release;
    cli::ScenarioText text = args.text();
    std::optional<KnowledgeGraph> holder;
    const KnowledgeGraph& kg = scenario_graph(graph, text, holder);
    Answer answer = query(kg, text);
    // As the CLI draws it: a what-if drawing says its scenario under the title.
    if (answer.diagram) {
        answer.diagram->title =
            cli::title_with_scenario(answer.diagram->title, cli::drawing_scenario_line(text));
    }
    return answer;
}

void same_actor_check(Index a, Index b, const std::string& na, const std::string& nb) {
    if (a == b) {
        throw py::value_error("\"" + na + "\" and \"" + nb + "\" are the same actor");
    }
}

py::tuple load_result(LoadResult result, std::vector<Diagnostic> diagnostics) {
    std::move(result.diagnostics.begin(), result.diagnostics.end(),
              std::back_inserter(diagnostics));
    std::size_t errors = 0;
    for (const auto& d : diagnostics) {
        errors += d.severity == Severity::error ? 1 : 0;
    }
    const std::size_t warnings = diagnostics.size() - errors + result.omitted_warnings;
    py::object graph = py::none();
    if (errors == 0 && result.graph) {
        graph = py::cast(std::make_shared<KnowledgeGraph>(std::move(*result.graph)));
    }
    return py::make_tuple(graph, diagnostic_list(diagnostics), errors, warnings, result.files);
}

// The CLI's byte limit: a sixteenth of the machine's memory, within [64 MiB, 16 GiB].
LoadLimits default_limits() {
    LoadLimits limits;
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long page_size = sysconf(_SC_PAGESIZE);
    if (pages > 0 && page_size > 0) {
        const auto memory =
            static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size);
        limits.max_bytes =
            std::clamp<std::uint64_t>(memory / 16, limits.max_bytes, std::uint64_t{16} << 30);
    }
    return limits;
}

py::tuple load(const std::vector<std::string>& paths, bool with_embedded, const py::dict& given) {
    LoadLimits limits = default_limits();
    for (const auto& [key, value] : given) {
        const auto name = key.cast<std::string>();
        if (name == "max_bytes") {
            limits.max_bytes = value.cast<std::uint64_t>();
        } else if (name == "max_records") {
            limits.max_records = value.cast<std::size_t>();
        } else if (name == "max_name_length") {
            limits.max_name_length = value.cast<std::size_t>();
        } else if (name == "max_text_length") {
            limits.max_text_length = value.cast<std::size_t>();
        } else {
            throw py::type_error("limits: unknown limit \"" + name +
                                 "\"; max_bytes, max_records, max_name_length or "
                                 "max_text_length");
        }
    }
    std::vector<Diagnostic> diagnostics;
    LoadResult result;
    {
        py::gil_scoped_release release;
        std::vector<InputFile> files;
        if (with_embedded) {
            for (const auto& file : embedded_dataset()) {
                files.push_back({std::string(file.name), std::string(file.bytes)});
            }
        }
        for (const auto& path : paths) {
            auto read = read_dataset_path(path, diagnostics, limits);
            std::move(read.begin(), read.end(), std::back_inserter(files));
        }
        result = load_dataset(files, limits);
    }
    return load_result(std::move(result), std::move(diagnostics));
}

// A file opened for an importer: its stream, read from the start, and its size in bytes (0 when
// unknown).
struct OpenedFile {
    std::unique_ptr<std::ifstream> stream;
    std::uint64_t size = 0;
};

// Opens every path (binary), in order; ValueError "PATH: cannot open the file for reading" for
// the first that cannot be.
std::vector<OpenedFile> open_files(const std::vector<std::string>& paths) {
    std::vector<OpenedFile> out;
    for (const auto& path : paths) {
        OpenedFile file;
        file.stream = std::make_unique<std::ifstream>(path, std::ios::binary);
        if (!*file.stream) {
            throw py::value_error(path + ": cannot open the file for reading");
        }
        file.stream->seekg(0, std::ios::end);
        const auto size = file.stream->tellg();
        file.stream->seekg(0);
        file.size = size > 0 ? static_cast<std::uint64_t>(size) : 0;
        out.push_back(std::move(file));
    }
    return out;
}

// One of `choices` by name, or ValueError "WHAT: "NAME" is not A, B or C".
template <class T>
T choice(const char* what, const std::string& name,
         const std::vector<std::pair<std::string, T>>& choices) {
    std::string known;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (choices[i].first == name) {
            return choices[i].second;
        }
        known += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i].first;
    }
    throw py::value_error(std::string(what) + ": \"" + name + "\" is not " + known);
}

// Runs an importer with the GIL released; its std::invalid_argument (options that cannot work)
// becomes ValueError.
template <class Import>
auto without_gil(Import run) {
    try {
        py::gil_scoped_release release;
        return run();
    } catch (const std::invalid_argument& e) {
        throw py::value_error(e.what());
    }
}

// A dataset made by an importer, as a graph for the Dataset class (None when there is none).
py::object imported_graph(std::optional<Dataset>& dataset) {
    if (!dataset) {
        return py::none();
    }
    std::shared_ptr<KnowledgeGraph> kg;
    {
        py::gil_scoped_release release;
        kg = std::make_shared<KnowledgeGraph>(std::move(*dataset));
    }
    return py::cast(kg);
}

py::tuple import_events_core(const std::vector<std::string>& paths, const std::string& preset,
                             const std::string& polarity, const std::string& period,
                             const std::optional<std::string>& actor_map, bool keep_domestic,
                             const std::optional<std::string>& delimiter,
                             const std::string& source_title, const std::string& source_id) {
    EventImportOptions options;
    options.preset = choice<EventPreset>("preset", preset,
                                         {{"icews", EventPreset::icews},
                                          {"gdelt1", EventPreset::gdelt1},
                                          {"gdelt2", EventPreset::gdelt2},
                                          {"aggregated", EventPreset::aggregated}});
    options.polarity = choice<PolarityRule>("polarity", polarity,
                                            {{"cameo", PolarityRule::cameo},
                                             {"quad", PolarityRule::quad},
                                             {"goldstein", PolarityRule::goldstein}});
    options.period = choice<EventPeriod>("period", period,
                                         {{"day", EventPeriod::day},
                                          {"week", EventPeriod::week},
                                          {"month", EventPeriod::month},
                                          {"year", EventPeriod::year}});
    std::optional<char> separator;
    if (delimiter) {
        separator = choice<char>("delimiter", *delimiter, {{"tab", '\t'}, {"comma", ','}});
    }
    options.keep_domestic = keep_domestic;
    options.source_title = source_title;
    options.source_id = source_id;
    std::vector<Diagnostic> map_problems;
    if (actor_map) {
        std::ifstream in(*actor_map, std::ios::binary);
        if (!in) {
            throw py::value_error(*actor_map + ": cannot open the file for reading");
        }
        options.actor_map = read_event_actor_map(in, *actor_map, map_problems);
        if (map_problems.empty() && options.actor_map.empty()) {
            throw py::value_error(*actor_map + ": the actor map has no rows");
        }
    }
    py::dict counts;
    if (!map_problems.empty()) {
        return py::make_tuple(py::none(), diagnostic_list(map_problems), counts);
    }
    const std::vector<OpenedFile> files = open_files(paths);
    std::vector<EventInput> inputs;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        EventInput input;
        input.name = paths[i];
        input.stream = files[i].stream.get();
        input.size = files[i].size;
        input.delimiter = separator.value_or(default_event_delimiter(options.preset, paths[i]));
        inputs.push_back(input);
    }
    EventImportResult result = without_gil([&] { return import_events(inputs, options); });
    counts["rows"] = result.rows;
    counts["events"] = result.events;
    counts["duplicates"] = result.duplicates;
    counts["domestic"] = result.domestic;
    counts["unplaced"] = result.unplaced;
    counts["neutral"] = result.neutral;
    counts["unmapped"] = result.unmapped;
    counts["claims"] = result.dataset ? result.dataset->claims.size() : 0;
    py::object graph = imported_graph(result.dataset);
    return py::make_tuple(graph, diagnostic_list(result.diagnostics), counts);
}

py::tuple import_votes_core(const std::vector<std::string>& paths, const std::string& preset,
                            const py::dict& columns, const py::dict& codes,
                            const std::optional<std::string>& actor_kind,
                            const std::string& source_title, const std::string& source_id) {
    VoteImportOptions options;
    options.preset = choice<VotePreset>("preset", preset,
                                        {{"columns", VotePreset::columns},
                                         {"unvotes", VotePreset::unvotes},
                                         {"voeten", VotePreset::voeten},
                                         {"voteview", VotePreset::voteview}});
    for (const auto& [key, value] : columns) {
        const auto name = key.cast<std::string>();
        const auto column = value.cast<std::string>();
        if (name == "actor_column") {
            options.actor_column = column;
        } else if (name == "item_column") {
            options.item_column = column;
        } else if (name == "vote_column") {
            options.vote_column = column;
        } else if (name == "date_column") {
            options.date_column = column;
        }
    }
    for (const auto& [key, value] : codes) {
        const auto name = key.cast<std::string>();
        auto list = value.cast<std::vector<std::string>>();
        if (name == "yes") {
            options.codes.yes = list;
        } else if (name == "no") {
            options.codes.no = list;
        } else if (name == "abstain") {
            options.codes.abstain = list;
        } else if (name == "absent") {
            options.codes.absent = list;
        }
    }
    if (actor_kind) {
        options.actor_kind = parse_actor_kind(*actor_kind);
        if (!options.actor_kind) {
            throw py::value_error("actor_kind: \"" + *actor_kind + "\" is not an actor kind");
        }
    }
    options.source_title = source_title;
    options.source_id = source_id;
    const std::vector<OpenedFile> files = open_files(paths);
    std::vector<VoteInput> inputs;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        VoteInput input;
        input.name = paths[i];
        input.stream = files[i].stream.get();
        input.size = files[i].size;
        const auto dot = paths[i].rfind('.');
        const std::string ext = dot == std::string::npos ? "" : paths[i].substr(dot + 1);
        input.delimiter = ext == "tsv" || ext == "tab" ? '\t' : ',';
        inputs.push_back(input);
    }
    VoteImportResult result = without_gil([&] { return import_votes(inputs, options); });
    py::dict counts;
    counts["rows"] = result.rows;
    counts["yes"] = result.yes;
    counts["no"] = result.no;
    counts["abstain"] = result.abstain;
    counts["absent"] = result.absent;
    counts["voters"] = result.voters;
    counts["roll_calls"] = result.roll_calls;
    counts["issues"] = result.issues;
    py::object graph = imported_graph(result.dataset);
    return py::make_tuple(graph, diagnostic_list(result.diagnostics), counts);
}

py::object optional_text(std::string_view text) {
    return text.empty() ? py::object(py::none()) : py::object(py::str(text.data(), text.size()));
}

py::object optional_date(const std::optional<Date>& date) {
    return date ? py::object(py::str(date->to_string())) : py::object(py::none());
}

// The dataset's tables as columns (dicts of lists), for pandas.
py::dict tables(const KnowledgeGraph& kg) {
    const Dataset& d = kg.data();
    py::dict out;
    {
        py::list id, name, kind, aliases, holder, note;
        for (const Actor& a : d.actors) {
            id.append(a.id);
            name.append(a.name);
            kind.append(std::string(to_string(a.kind)));
            aliases.append(py::cast(a.aliases));
            holder.append(a.holder == no_index ? py::object(py::none())
                                               : py::object(py::str(kg.actor(a.holder).id)));
            note.append(optional_text(a.note));
        }
        py::dict t;
        t["id"] = id;
        t["name"] = name;
        t["kind"] = kind;
        t["aliases"] = aliases;
        t["holder"] = holder;
        t["note"] = note;
        out["actors"] = t;
    }
    {
        py::list id, subject, relation, object, polarity, text, source, quote, asserted_by,
            confidence, weight, hypothetical, from, until, note;
        for (const Claim& c : d.claims) {
            id.append(c.id.view());
            subject.append(kg.actor(c.subject).id);
            relation.append(kg.relation(c.relation).id);
            object.append(kg.actor(c.object).id);
            polarity.append(kg.relation(c.relation).polarity);
            text.append(claim_sentence(kg, c));
            source.append(c.source == no_index ? std::string_view()
                                               : kg.source(c.source).id.view());
            quote.append(optional_text(c.quote));
            asserted_by.append(c.asserted_by.view());
            confidence.append(c.confidence);
            weight.append(c.weight);
            hypothetical.append(c.hypothetical);
            from.append(optional_date(c.from));
            until.append(optional_date(c.until));
            note.append(optional_text(c.note));
        }
        py::dict t;
        t["id"] = id;
        t["subject"] = subject;
        t["relation"] = relation;
        t["object"] = object;
        t["polarity"] = polarity;
        t["text"] = text;
        t["source"] = source;
        t["quote"] = quote;
        t["asserted_by"] = asserted_by;
        t["confidence"] = confidence;
        t["weight"] = weight;
        t["hypothetical"] = hypothetical;
        t["from"] = from;
        t["until"] = until;
        t["note"] = note;
        out["claims"] = t;
    }
    {
        py::list id, title, author, publisher, date, url, note;
        for (const Source& s : d.sources) {
            id.append(s.id.view());
            title.append(s.title.view());
            author.append(optional_text(s.author));
            publisher.append(optional_text(s.publisher));
            date.append(optional_date(s.date));
            url.append(optional_text(s.url));
            note.append(optional_text(s.note));
        }
        py::dict t;
        t["id"] = id;
        t["title"] = title;
        t["author"] = author;
        t["publisher"] = publisher;
        t["date"] = date;
        t["url"] = url;
        t["note"] = note;
        out["sources"] = t;
    }
    {
        py::list id, label, polarity, symmetric, builtin, note;
        for (const Relation& r : d.relations) {
            id.append(r.id);
            label.append(r.label);
            polarity.append(r.polarity);
            symmetric.append(r.symmetric);
            builtin.append(r.builtin);
            note.append(optional_text(r.note));
        }
        py::dict t;
        t["id"] = id;
        t["label"] = label;
        t["polarity"] = polarity;
        t["symmetric"] = symmetric;
        t["builtin"] = builtin;
        t["note"] = note;
        out["relations"] = t;
    }
    return out;
}

ScenarioArgs scenario_args(const py::kwargs& kw) {
    ScenarioArgs args;
    for (const auto& [key, value] : kw) {
        const auto name = key.cast<std::string>();
        if (value.is_none()) {
            continue;
        }
        if (name == "as_of") {
            args.as_of = value.cast<std::string>();
        } else if (name == "from_") {
            args.from = value.cast<std::string>();
        } else if (name == "until") {
            args.until = value.cast<std::string>();
        } else if (name == "assume") {
            args.assume = value.cast<std::vector<std::string>>();
        } else if (name == "without") {
            args.without = value.cast<std::vector<std::string>>();
        } else if (name == "modality") {
            args.modality = value.cast<std::vector<std::string>>();
            for (const auto& m : args.modality) {
                if (m != "all" && !parse_modality(m)) {
                    throw py::value_error("modality: \"" + m +
                                          "\" is not one of stated, predicted, recommended, "
                                          "questioned, hedged, all");
                }
            }
        } else if (name == "roll_up") {
            args.roll_up = value.cast<std::string>();
            const auto kind = parse_actor_kind(args.roll_up);
            if (!kind || *kind == ActorKind::position) {
                std::string kinds;
                for (ActorKind k : all_actor_kinds) {
                    if (k != ActorKind::position) {
                        kinds += (kinds.empty() ? "" : ", ") + std::string(to_string(k));
                    }
                }
                throw py::value_error("roll_up: \"" + args.roll_up +
                                      "\" is not a kind actors roll up to; one of " + kinds);
            }
        } else {
            throw py::type_error("unexpected keyword argument '" + name + "'");
        }
    }
    return args;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
    m.doc() = "entente's library for Python: loading, queries, diagrams (see the entente package)";

    // The library's typed errors, as the package's exception classes (entente/_errors.py).
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) {
                std::rethrow_exception(p);
            }
        } catch (const UnknownNameError& e) {
            auto cls = py::module_::import("entente._errors").attr("UnknownName");
            py::object err = cls(e.what(), e.what_kind(), e.name(), e.suggestions());
            PyErr_SetObject(cls.ptr(), err.ptr());
        } catch (const AmbiguousNameError& e) {
            auto cls = py::module_::import("entente._errors").attr("AmbiguousName");
            py::object err = cls(e.what(), e.name(), e.candidates());
            PyErr_SetObject(cls.ptr(), err.ptr());
        } catch (const IoError& e) {
            PyErr_SetString(PyExc_OSError, e.what());
        } catch (const RenderError& e) {
            auto cls = py::module_::import("entente._errors").attr("RenderError");
            PyErr_SetString(cls.ptr(), e.what());
        } catch (const Error& e) {
            // A what-if assumption that cannot be read, an actor listed twice: bad arguments.
            PyErr_SetString(PyExc_ValueError, e.what());
        }
    });

    py::class_<Diagram>(m, "Diagram")
        .def(
            "render",
            [](const Diagram& d, const std::string& format, const std::string& layout,
               const std::string& size, const std::string& dpi, const std::string& aspect,
               const std::string& title, bool edge_labels, bool per_pair, bool legend) {
                const auto f = parse_diagram_format(format);
                if (!f) {
                    throw py::value_error("format: \"" + format + "\" is not svg, png, pdf or dot");
                }
                cli::SlideOptions slide;
                slide.size = size;
                slide.dpi = dpi;
                slide.aspect = aspect;
                slide.title = title;
                slide.no_edge_labels = !edge_labels;
                slide.per_pair = per_pair;
                slide.legend = legend ? "auto" : "none";
                if (const std::string problem = cli::slide_options_problem(slide);
                    !problem.empty()) {
                    throw py::value_error(problem);
                }
                Rendered r;
                {
                    py::gil_scoped_release release;
                    // A what-if drawing's title ends with its scenario line (as the CLI's): a new
                    // title replaces what is above it, never the line.
                    Diagram base = d;
                    std::string scenario;
                    constexpr std::string_view marker = "\nscenario: ";
                    if (const auto at = base.title.find(marker); at != std::string::npos) {
                        scenario = base.title.substr(at + marker.size());
                        base.title.resize(at);
                    } else if (base.title.starts_with(marker.substr(1))) {
                        scenario = base.title.substr(marker.size() - 1);
                        base.title.clear();
                    }
                    r = render(cli::adapt_drawing(base, slide, scenario), *f, layout,
                               cli::page_options(slide));
                }
                return py::bytes(r.bytes);
            },
            py::arg("format") = "svg", py::arg("layout") = "", py::kw_only(), py::arg("size") = "",
            py::arg("dpi") = "", py::arg("aspect") = "", py::arg("title") = "",
            py::arg("edge_labels") = true, py::arg("per_pair") = false, py::arg("legend") = true)
        .def_readonly("title", &Diagram::title);

    py::class_<Answer>(m, "Answer")
        .def_readonly("json", &Answer::json)
        .def_readonly("diagram", &Answer::diagram);

    py::class_<KnowledgeGraph, std::shared_ptr<KnowledgeGraph>>(m, "Graph")
        .def("tables", [](const KnowledgeGraph& g) { return tables(g); })
        .def("counts",
             [](const KnowledgeGraph& g) {
                 const Dataset& d = g.data();
                 return py::make_tuple(d.actors.size(), d.claims.size(), d.sources.size(),
                                       d.relations.size());
             })
        .def("find_actor", [](const KnowledgeGraph& g,
                              const std::string& name) { return g.actor(g.find_actor(name)).id; })
        .def("align",
             [](const KnowledgeGraph& g, const std::string& a, const std::string& b,
                const std::string& over, bool direct_only, const py::kwargs& kw) {
                 const StanceSet stances = over_argument(over);
                 const Index ia = g.find_actor(a);
                 const Index ib = g.find_actor(b);
                 same_actor_check(ia, ib, a, b);
                 return run(g, scenario_args(kw),
                            [&](const KnowledgeGraph& kg, const cli::ScenarioText& text) {
                                const TieTable ties(kg, TieOptions{direct_only});
                                // Scenario graphs keep the actors' indices.
                                const Alignment al =
                                    align(ties, ia, ib, AlignOptions{stances, true, std::nullopt});
                                return Answer{cli::align_pair_json(kg, text, al),
                                              alignment_diagram(kg, al)};
                            });
             })
        .def(
            "ranking",
            [](const KnowledgeGraph& g, const std::string& a, const std::string& measure,
               const std::string& over, std::size_t min_shared, bool direct_only,
               const py::kwargs& kw) {
                const AlignmentMeasure mm = measure_argument(measure);
                const StanceSet stances = over_argument(over);
                const Index ia = g.find_actor(a);
                return run(
                    g, scenario_args(kw),
                    [&](const KnowledgeGraph& kg, const cli::ScenarioText& text) {
                        const TieTable ties(kg, TieOptions{direct_only});
                        const AlignmentRanking ranking = alignment_ranking(
                            kg, ties, ia, mm, AlignOptions{stances, true, std::nullopt},
                            min_shared);
                        std::vector<RankedScore> scores;
                        for (const auto* part : {&ranking.ranked, &ranking.thin}) {
                            for (const auto& al : *part) {
                                scores.push_back({al.b, *al.score(mm).value, al.score(mm).objects});
                            }
                        }
                        return Answer{
                            cli::align_ranking_json(kg, text, ranking, ia, mm, measure, over,
                                                    min_shared),
                            ranking_diagram(kg, ia, scores, measure, min_shared, &ties, stances)};
                    });
            })
        .def("alignment_matrix",
             [](const KnowledgeGraph& g, const std::optional<std::vector<std::string>>& names,
                const std::string& measure, const std::string& over, std::size_t min_shared,
                bool direct_only, const py::kwargs& kw) {
                 const AlignmentMeasure mm = measure_argument(measure);
                 const StanceSet stances = over_argument(over);
                 std::vector<Index> given;
                 if (names) {
                     for (const auto& name : *names) {
                         given.push_back(g.find_actor(name));
                     }
                 }
                 return run(g, scenario_args(kw),
                            [&](const KnowledgeGraph& kg, const cli::ScenarioText& text) {
                                const TieTable ties(kg, TieOptions{direct_only});
                                const std::vector<Index> actors =
                                    names ? given : matrix_actors(kg, ties);
                                const ScoreMatrix sm = score_matrix(
                                    ties, actors, mm, AlignOptions{stances, true, std::nullopt});
                                return Answer{cli::align_matrix_json(kg, text, actors, sm, measure,
                                                                     over, min_shared),
                                              matrix_diagram(kg, actors, sm.scores, measure,
                                                             min_shared, &ties, stances)};
                            });
             })
        .def("series",
             [](const KnowledgeGraph& g, const std::vector<std::string>& names, bool matrix,
                const std::string& measure, const std::string& over, std::size_t min_shared,
                const std::string& by, bool direct_only, const py::kwargs& kw) {
                 measure_argument(measure);
                 over_argument(over);
                 if (!parse_period_unit(by)) {
                     throw py::value_error("by: \"" + by + "\" is not year, quarter or month");
                 }
                 std::vector<Index> actors;
                 for (const auto& name : names) {
                     const Index a = g.find_actor(name);
                     for (std::size_t i = 0; i < actors.size(); ++i) {
                         same_actor_check(actors[i], a, names[i], name);
                     }
                     actors.push_back(a);
                 }
                 return run(g, scenario_args(kw),
                            [&](const KnowledgeGraph& kg, const cli::ScenarioText& text) {
                                return Answer{
                                    cli::align_series_json(kg, text, actors, matrix, measure, over,
                                                           min_shared, by, direct_only),
                                    std::nullopt};
                            });
             })
        .def("diverge",
             [](const KnowledgeGraph& g, const std::string& a, const std::string& b,
                bool direct_only, const py::kwargs& kw) {
                 const Index ia = g.find_actor(a);
                 const Index ib = g.find_actor(b);
                 same_actor_check(ia, ib, a, b);
                 return run(g, scenario_args(kw),
                            [&](const KnowledgeGraph& kg, const cli::ScenarioText& text) {
                                const TieTable ties(kg, TieOptions{direct_only});
                                const auto points = diverge(kg, ties, ia, ib);
                                return Answer{cli::diverge_json(kg, text, ia, ib, points),
                                              divergence_diagram(kg, ia, ib, points)};
                            });
             })
        .def("balance",
             [](const KnowledgeGraph& g, const std::optional<std::vector<std::string>>& names,
                std::size_t camps, bool direct_only, double time_limit, const py::kwargs& kw) {
                 if (camps < 2) {
                     throw py::value_error("camps: at least 2");
                 }
                 std::vector<Index> given;
                 if (names) {
                     for (const auto& name : *names) {
                         given.push_back(g.find_actor(name));
                     }
                 }
                 return run(g, scenario_args(kw),
                            [&](const KnowledgeGraph& kg, const cli::ScenarioText& text) {
                                const TieTable ties(kg, TieOptions{direct_only});
                                FrustrationOptions fo;
                                fo.time_limit = time_limit;
                                const BalanceReport r = balance(kg, ties, given, fo);
                                std::optional<Partition> partition;
                                if (camps > 2) {
                                    partition = generalized_balance(r.graph, camps, fo);
                                }
                                return Answer{
                                    cli::balance_json(kg, text, r, !direct_only, partition),
                                    balance_diagram(kg, r)};
                            });
             })
        .def("paths",
             [](const KnowledgeGraph& g, const std::string& a, const std::string& b, std::size_t k,
                std::size_t max_hops, const std::optional<std::vector<std::string>>& relations,
                bool directed, bool positive_only, const py::kwargs& kw) {
                 if (k < 1 || k > 1000) {
                     throw py::value_error("k: from 1 to 1000");
                 }
                 const Index ia = g.find_actor(a);
                 const Index ib = g.find_actor(b);
                 same_actor_check(ia, ib, a, b);
                 PathOptions po;
                 po.directed = directed;
                 po.k = k;
                 po.max_hops = max_hops;
                 po.positive_only = positive_only;
                 if (relations) {
                     for (const auto& id : *relations) {
                         po.relations.push_back(g.find_relation(id));
                     }
                 }
                 return run(g, scenario_args(kw),
                            [&](const KnowledgeGraph& kg, const cli::ScenarioText& text) {
                                const auto paths = shortest_paths(kg, ia, ib, po);
                                return Answer{cli::paths_json(kg, text, ia, ib, paths),
                                              paths_diagram(kg, paths)};
                            });
             })
        .def("neighbors", [](const KnowledgeGraph& g, const std::string& a, std::size_t depth,
                             const py::kwargs& kw) {
            if (depth > 100) {
                throw py::value_error("depth: from 0 to 100");
            }
            const Index center = g.find_actor(a);
            return run(g, scenario_args(kw),
                       [&](const KnowledgeGraph& kg, const cli::ScenarioText& text) {
                           const EgoNetwork ego = ego_network(kg, center, depth);
                           std::vector<Index> members;
                           for (const auto& entry : ego.actors) {
                               members.push_back(entry.first);
                           }
                           return Answer{cli::neighbors_json(kg, text, center, depth, ego),
                                         claims_diagram(kg, members, ego.claims,
                                                        "Ego network of " + kg.actor(center).name +
                                                            ", depth " + std::to_string(depth),
                                                        {center})};
                       });
        });

    m.def("load", &load, py::arg("paths"), py::arg("with_embedded"), py::arg("limits"));
    m.def("embedded", [] {
        LoadResult result;
        {
            py::gil_scoped_release release;
            std::vector<InputFile> files;
            for (const auto& file : embedded_dataset()) {
                files.push_back({std::string(file.name), std::string(file.bytes)});
            }
            result = load_dataset(files);
        }
        return load_result(std::move(result), {});
    });
    m.def("import_votes", &import_votes_core);
    m.def("import_events", &import_events_core);
}
