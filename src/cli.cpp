#include "cli.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "entente/draw/render.hpp"
#include "entente/export/atomic_write.hpp"
#include "entente/load/embedded.hpp"
#include "entente/model/errors.hpp"
#include "entente/model/text.hpp"

namespace entente::cli {

void add_data_options(CLI::App& command, DataOptions& options) {
    command
        .add_option("--data", options.data,
                    "Load this dataset (a JSON file or a directory of them) instead of the "
                    "embedded one; repeatable")
        ->type_name("PATH")
        ->group("Data");
    command
        .add_option("--with", options.with,
                    "Load this dataset alongside the embedded one (or alongside --data); "
                    "repeatable")
        ->type_name("PATH")
        ->group("Data");
    // Bounds on one command's load, so hostile input meets a clear error, not exhaustion. The
    // byte bound follows the machine: the worst-shaped JSON (one long array of small numbers)
    // takes about 19 bytes of memory per byte in the thorough checker, so a sixteenth of the
    // memory keeps even that within reach, and real datasets of that size load on their own.
    const LoadLimits defaults;
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long page_size = sysconf(_SC_PAGESIZE);
    if (pages > 0 && page_size > 0) {
        const auto memory =
            static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size);
        options.limits.max_bytes =
            std::clamp<std::uint64_t>(memory / 16, defaults.max_bytes, std::uint64_t{16} << 30);
    }
    command
        .add_option("--max-bytes", options.limits.max_bytes,
                    "Load at most this many bytes, all files together (default: a sixteenth of "
                    "this machine's memory, at least 64 MiB)")
        ->type_name("N")
        ->check(CLI::PositiveNumber)
        ->default_str(std::to_string(options.limits.max_bytes))
        ->group("Limits");
    command
        .add_option("--max-records", options.limits.max_records,
                    "Load at most this many records (sources, relations, actors and claims)")
        ->type_name("N")
        ->check(CLI::PositiveNumber)
        ->default_str(std::to_string(defaults.max_records))
        ->group("Limits");
    command
        .add_option("--max-name-length", options.limits.max_name_length,
                    "Longest id, name, alias, label or member name, in characters")
        ->type_name("N")
        ->check(CLI::PositiveNumber)
        ->default_str(std::to_string(defaults.max_name_length))
        ->group("Limits");
    command
        .add_option("--max-text-length", options.limits.max_text_length,
                    "Longest quote, note, title or url, in characters")
        ->type_name("N")
        ->check(CLI::PositiveNumber)
        ->default_str(std::to_string(defaults.max_text_length))
        ->group("Limits");
}

void add_format_option(CLI::App& command, std::string& format,
                       const std::vector<std::string>& choices) {
    format = choices.front();
    std::string names;
    for (const auto& c : choices) {
        names += (names.empty() ? "" : "|") + c;
    }
    command.add_option("--format", format, "Output format: " + names)
        ->type_name("FORMAT")
        ->check(CLI::IsMember(choices))
        ->default_str(choices.front());
}

// Graphs live until the process ends: freeing millions of strings one by one at exit costs a
// quarter of a large load and gives back nothing the system would not reclaim anyway. Held
// through a static pointer, they are not leaks to the sanitizers either.
const KnowledgeGraph& keep(KnowledgeGraph graph) {
    static auto* kept = new std::vector<std::unique_ptr<KnowledgeGraph>>();
    kept->push_back(std::make_unique<KnowledgeGraph>(std::move(graph)));
    return *kept->back();
}

namespace {

// A load that takes over a second says how far it has got, on a terminal only: a pipe or a log
// file gets no carriage returns. The line is erased once the load is done.
class ProgressLine {
  public:
    // ENTENTE_PROGRESS_AFTER_MS changes the one-second wait; the tests set it to 0.
    ProgressLine() : start_(std::chrono::steady_clock::now()) {
        if (const char* after = std::getenv("ENTENTE_PROGRESS_AFTER_MS")) {
            after_ = std::chrono::milliseconds(std::strtoll(after, nullptr, 10));
        }
    }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;
    ~ProgressLine() {
        if (shown_) {
            std::fputs("\r\033[K", stderr);
        }
    }
    void update(std::size_t done, std::size_t total) {
        const auto now = std::chrono::steady_clock::now();
        // At most ten updates a second, but the last (100%) always once a line is up.
        const bool last = done == total && shown_;
        if (total == 0 || now - start_ < after_ ||
            (now - last_ < std::chrono::milliseconds(100) && !last)) {
            return;
        }
        last_ = now;
        shown_ = true;
        std::fprintf(stderr, "\rentente: loading %3.0f%% (%.0f of %.0f MB)",
                     100.0 * static_cast<double>(done) / static_cast<double>(total),
                     static_cast<double>(done) / 1e6, static_cast<double>(total) / 1e6);
        std::fflush(stderr);
    }

  private:
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_{};
    std::chrono::milliseconds after_{1000};
    bool shown_ = false;
};

}  // namespace

Loaded load(const DataOptions& options) {
    ProgressLine line;  // timed from here: reading big files is part of the wait
    Loaded loaded;
    std::vector<InputFile> files;
    if (options.data.empty()) {
        for (const auto& file : embedded_dataset()) {
            files.push_back({std::string(file.name), std::string(file.bytes)});
        }
    }
    for (const auto& path : options.data) {
        auto read = read_dataset_path(path, loaded.diagnostics, options.limits);
        std::move(read.begin(), read.end(), std::back_inserter(files));
    }
    for (const auto& path : options.with) {
        auto read = read_dataset_path(path, loaded.diagnostics, options.limits);
        std::move(read.begin(), read.end(), std::back_inserter(files));
    }
    LoadProgress progress;
    if (isatty(STDERR_FILENO) != 0) {
        progress = [&line](std::size_t done, std::size_t total) { line.update(done, total); };
    }
    LoadResult result = load_dataset(files, options.limits, progress);
    std::move(result.diagnostics.begin(), result.diagnostics.end(),
              std::back_inserter(loaded.diagnostics));
    loaded.files = result.files;
    for (const auto& d : loaded.diagnostics) {
        (d.severity == Severity::error ? loaded.errors : loaded.warnings)++;
    }
    loaded.warnings += result.omitted_warnings;
    // Files that could not be read are errors too, even if what was read is sound.
    if (loaded.errors == 0) {
        loaded.graph = &keep(std::move(*result.graph));
    }
    return loaded;
}

void print_diagnostics(const Loaded& loaded) {
    for (const auto& d : loaded.diagnostics) {
        std::cerr << format_diagnostic(d) << '\n';
    }
    if (!loaded.diagnostics.empty()) {
        std::cerr << "entente: " << plural(loaded.errors, "error", "errors") << ", "
                  << plural(loaded.warnings, "warning", "warnings");
        if (loaded.files != 0) {
            std::cerr << " in " << plural(loaded.files, "file", "files");
        }
        std::cerr << '\n';
    }
}

const KnowledgeGraph& load_for_query(const DataOptions& options) {
    Loaded loaded = load(options);
    if (!loaded.graph) {
        print_diagnostics(loaded);
        throw Exit{exit_data};
    }
    // The embedded dataset's warnings are known to its curators; a user's own files get a hint.
    if (loaded.warnings != 0 && (!options.data.empty() || !options.with.empty())) {
        std::cerr << "entente: the data has " << plural(loaded.warnings, "warning", "warnings")
                  << "; `entente validate` lists them\n";
    }
    return *loaded.graph;
}

std::string plural(std::size_t n, const std::string& singular, const std::string& plural_form) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural_form);
}

std::string format_number(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string asserted_by_name(const KnowledgeGraph& kg, const Claim& claim) {
    return claim.asserted_by_actor == no_index ? claim.asserted_by
                                               : kg.actor(claim.asserted_by_actor).name;
}

std::string holds_text(const Claim& claim) {
    if (claim.from && claim.until) {
        return claim.from->to_string() + " to " + claim.until->to_string();
    }
    if (claim.from) {
        return "from " + claim.from->to_string();
    }
    return claim.until ? "until " + claim.until->to_string() : std::string();
}

Table::Table(std::vector<std::string> headers) {
    rows_.push_back(std::move(headers));
}

void Table::add(std::vector<std::string> row) {
    row.resize(rows_.front().size());
    rows_.push_back(std::move(row));
}

void Table::print(std::ostream& out) const {
    std::vector<std::size_t> widths(rows_.front().size(), 0);
    for (const auto& row : rows_) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], utf8_length(row[i]));
        }
    }
    for (const auto& row : rows_) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) {
                line.append(widths[i] - utf8_length(row[i]) + 2, ' ');
            }
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out << line << '\n';
    }
}

void write_string(JsonWriter& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_field(JsonWriter& w, const char* key, std::string_view value) {
    w.Key(key);
    write_string(w, value);
}

namespace {

// Every object has the same fields whether or not they are set, so consumers need no guessing.
void write_note(JsonWriter& w, const std::string& note) {
    w.Key("note");
    note.empty() ? w.Null() : (write_string(w, note), true);
}

}  // namespace

void write_claim(JsonWriter& w, const KnowledgeGraph& kg, Index index) {
    const Claim& c = kg.claim(index);
    const Relation& r = kg.relation(c.relation);
    w.StartObject();
    write_field(w, "id", c.id);
    write_field(w, "subject", kg.actor(c.subject).id);
    write_field(w, "relation", r.id);
    write_field(w, "object", kg.actor(c.object).id);
    w.Key("polarity");
    w.Int(r.polarity);
    write_field(w, "text", claim_sentence(kg, c));
    write_field(w, "source", kg.source(c.source).id);
    w.Key("quote");
    c.quote.empty() ? w.Null() : (write_string(w, c.quote), true);
    write_field(w, "asserted_by", c.asserted_by);
    write_field(w, "asserted_by_name", asserted_by_name(kg, c));
    w.Key("confidence");
    w.Double(c.confidence);
    w.Key("hypothetical");
    w.Bool(c.hypothetical);
    w.Key("from");
    c.from ? (write_string(w, c.from->to_string()), true) : w.Null();
    w.Key("until");
    c.until ? (write_string(w, c.until->to_string()), true) : w.Null();
    write_note(w, c.note);
    w.EndObject();
}

void write_source(JsonWriter& w, const Source& s) {
    w.StartObject();
    write_field(w, "id", s.id);
    write_field(w, "title", s.title);
    auto optional = [&](const char* key, const std::string& value) {
        w.Key(key);
        value.empty() ? w.Null() : (write_string(w, value), true);
    };
    optional("author", s.author);
    optional("publisher", s.publisher);
    optional("date", s.date ? s.date->to_string() : std::string());
    optional("url", s.url);
    w.EndObject();
}

void write_actor(JsonWriter& w, const KnowledgeGraph& kg, Index index) {
    const Actor& a = kg.actor(index);
    w.StartObject();
    write_field(w, "id", a.id);
    write_field(w, "name", a.name);
    write_field(w, "kind", to_string(a.kind));
    w.Key("aliases");
    w.StartArray();
    for (const auto& alias : a.aliases) {
        write_string(w, alias);
    }
    w.EndArray();
    w.Key("holder");
    a.holder == no_index ? w.Null() : (write_string(w, kg.actor(a.holder).id), true);
    write_note(w, a.note);
    w.EndObject();
}

void print_json(const rapidjson::StringBuffer& buffer) {
    std::cout.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    std::cout << '\n';
}

void add_query_options(CLI::App& command, QueryOptions& options,
                       const std::vector<std::string>& formats) {
    add_data_options(command, options.data);
    add_format_option(command, options.format, formats);
    command
        .add_option("--as-of", options.as_of, "Only claims holding on this date (YYYY[-MM[-DD]])")
        ->type_name("DATE")
        ->group("What-if");
    command
        .add_option("--assume", options.assume,
                    "Add a hypothetical claim \"SUBJECT RELATION OBJECT\" (repeatable), e.g. "
                    "\"russia sanctions pakistan\"")
        ->type_name("CLAIM")
        ->group("What-if");
    command.add_option("--without", options.without, "Leave out this claim (repeatable)")
        ->type_name("CLAIM_ID")
        ->group("What-if");
    command
        .add_option("--diagram", options.diagram,
                    "Draw the answer into FILE: .svg (with tooltips), .png, .pdf or .dot")
        ->type_name("FILE")
        ->check([](const std::string& value) {
            return value.empty() ? std::string("--diagram needs a file name") : std::string();
        })
        ->group("Diagram");
    command
        .add_option("--layout", options.layout,
                    "Graphviz layout: dot, neato, fdp, sfdp or circo (default: dot, or sfdp for "
                    "large drawings)")
        ->type_name("ENGINE")
        ->check(CLI::IsMember({"dot", "neato", "fdp", "sfdp", "circo"}))
        ->group("Diagram");
}

void check_diagram_options(const QueryOptions& options) {
    if (!options.diagram.empty() && !diagram_format_for(options.diagram)) {
        std::cerr << "entente: --diagram: cannot tell the format of \"" << options.diagram
                  << "\"; name the file .svg, .png, .pdf or .dot\n";
        throw Exit{exit_usage};
    }
}

void write_output(const std::string& path, const std::string& bytes) {
    if (path.empty() || path == "-") {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        std::cout.flush();
        return;
    }
    try {
        write_file_atomically(path, bytes);
    } catch (const IoError& e) {
        std::cerr << "entente: " << e.what() << '\n';
        throw Exit{exit_data};
    }
}

void draw(const std::string& path, const Diagram& diagram, DiagramFormat format,
          const std::string& requested_layout) {
    const std::string layout = choose_layout(diagram, requested_layout);
    // Said before the work starts, so a long layout never looks like a hang.
    if (format != DiagramFormat::dot) {
        if (requested_layout.empty() && layout != "dot") {
            std::cerr << "entente: " << diagram.nodes.size() << " actors and "
                      << diagram.edges.size() << " edges are too many for dot (slow past "
                      << dot_node_limit << " actors or " << dot_edge_limit
                      << " edges); laying out with " << layout << '\n';
        } else if (slow_layout(diagram, layout)) {
            std::cerr << "entente: dot may take minutes for " << diagram.nodes.size()
                      << " actors and " << diagram.edges.size()
                      << " edges; --layout sfdp is much faster\n";
        }
    }
    Rendered rendered;
    try {
        rendered = render(diagram, format, layout);
    } catch (const RenderError& e) {
        std::cerr << "entente: " << e.what() << '\n';
        throw Exit{exit_data};
    }
    write_output(path, rendered.bytes);
    if (!path.empty() && path != "-") {
        std::cerr << "entente: wrote " << path << " (" << diagram.nodes.size() << " actors, "
                  << diagram.edges.size() << " edges"
                  << (rendered.layout.empty() ? "" : ", " + rendered.layout + " layout") << ")\n";
    }
    for (const auto& message : rendered.messages) {
        std::cerr << "entente: graphviz: " << message << '\n';
    }
}

void write_diagram(const QueryOptions& options, const Diagram& diagram) {
    if (!options.diagram.empty()) {
        draw(options.diagram, diagram, *diagram_format_for(options.diagram), options.layout);
    }
}

const KnowledgeGraph& load_scenario(const QueryOptions& options) {
    check_diagram_options(options);
    Scenario scenario;
    if (!options.as_of.empty()) {
        scenario.as_of = parse_date(options.as_of);
        if (!scenario.as_of) {
            std::cerr << "entente: --as-of: \"" << options.as_of
                      << "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n";
            throw Exit{exit_usage};
        }
    }
    scenario.without = options.without;
    scenario.assumptions = options.assume;
    const KnowledgeGraph& kg = load_for_query(options.data);
    if (scenario.empty()) {
        return kg;
    }
    try {
        return keep(apply_scenario(kg, scenario));
    } catch (const UnknownNameError&) {
        throw;
    } catch (const AmbiguousNameError&) {
        throw;
    } catch (const Error& e) {
        std::cerr << "entente: --assume: " << e.what() << '\n';
        throw Exit{exit_usage};
    }
}

std::string scenario_line(const QueryOptions& options) {
    std::string out;
    auto add = [&](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
    if (!options.as_of.empty()) {
        add("as of " + options.as_of);
    }
    for (const auto& a : options.assume) {
        add("assuming \"" + a + "\"");
    }
    for (const auto& w : options.without) {
        add("without " + w);
    }
    return out;
}

void write_scenario(JsonWriter& w, const QueryOptions& options) {
    w.Key("scenario");
    w.StartObject();
    w.Key("as_of");
    options.as_of.empty() ? w.Null() : (write_string(w, options.as_of), true);
    for (const auto& [key, list] :
         {std::pair{"assume", &options.assume}, std::pair{"without", &options.without}}) {
        w.Key(key);
        w.StartArray();
        for (const auto& item : *list) {
            write_string(w, item);
        }
        w.EndArray();
    }
    w.EndObject();
}

std::string signed_number(double value) {
    char buffer[32];
    if (std::abs(value) < 0.005) {
        return "0.00";
    }
    std::snprintf(buffer, sizeof buffer, "%+.2f", value);
    return buffer;
}

void print_claim(std::ostream& out, const KnowledgeGraph& kg, Index index,
                 const std::string& indent, const std::string& suffix) {
    const Claim& c = kg.claim(index);
    out << indent << c.id << "  " << claim_sentence(kg, c) << suffix
        << (c.hypothetical ? "  [hypothetical]" : "") << '\n';
    const std::string more(indent.size() + c.id.size() + 2, ' ');
    if (!c.quote.empty()) {
        out << more << "\u201c" << c.quote << "\u201d\n";
    }
    out << more << "asserted by " << asserted_by_name(kg, c) << " \u00b7 source "
        << kg.source(c.source).id << " \u00b7 confidence " << format_number(c.confidence);
    if (c.from || c.until) {
        out << " \u00b7 holds " << holds_text(c);
    }
    out << '\n';
}

void print_evidence(std::ostream& out, const KnowledgeGraph& kg, const Tie& tie,
                    const std::string& indent) {
    for (const auto& e : tie.evidence) {
        std::string suffix = "  (" + signed_number(e.weight);
        if (e.derived) {
            suffix += ", derived: " + kg.actor(kg.claim(e.claim).object).id + " is held by " +
                      kg.actor(kg.actor(kg.claim(e.claim).object).holder).name;
        }
        print_claim(out, kg, e.claim, indent, suffix + ")");
    }
}

void Citations::add(const Tie* tie) {
    if (tie != nullptr) {
        for (const auto& e : tie->evidence) {
            claims_.insert(e.claim);
        }
    }
}

void Citations::write(JsonWriter& w, const KnowledgeGraph& kg) const {
    std::set<Index> sources;
    w.Key("claims");
    w.StartArray();
    for (Index c : claims_) {
        write_claim(w, kg, c);
        sources.insert(kg.claim(c).source);
    }
    w.EndArray();
    write_sources(w, kg, sources);
}

void write_sources(JsonWriter& w, const KnowledgeGraph& kg, const std::set<Index>& sources) {
    w.Key("sources");
    w.StartArray();
    for (Index s : sources) {
        write_source(w, kg.source(s));
    }
    w.EndArray();
}

JsonAnswer::JsonAnswer(const QueryOptions& options) : writer_(buffer_) {
    writer_.StartObject();
    write_scenario(writer_, options);
}

void JsonAnswer::finish(const KnowledgeGraph& kg) {
    citations_.write(writer_, kg);
    writer_.EndObject();
    print_json(buffer_);
}

void write_tie(JsonWriter& w, const KnowledgeGraph& kg, const Tie* tie, Citations& citations) {
    if (tie == nullptr) {
        w.Null();
        return;
    }
    citations.add(tie);
    w.StartObject();
    w.Key("value");
    w.Double(tie->value);
    w.Key("derived_only");
    w.Bool(tie->derived_only());
    w.Key("evidence");
    w.StartArray();
    for (const auto& e : tie->evidence) {
        w.StartObject();
        write_field(w, "claim", kg.claim(e.claim).id);
        w.Key("derived");
        w.Bool(e.derived);
        w.Key("weight");
        w.Double(e.weight);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

void write_actor_ref(JsonWriter& w, const KnowledgeGraph& kg, Index actor) {
    w.StartObject();
    write_field(w, "id", kg.actor(actor).id);
    write_field(w, "name", kg.actor(actor).name);
    write_field(w, "kind", to_string(kg.actor(actor).kind));
    w.EndObject();
}

void write_optional(JsonWriter& w, const std::optional<double>& value) {
    value ? w.Double(*value) : w.Null();
}

}  // namespace entente::cli
