// Signed edge lists into a dataset. Each reader (CSV, Pajek, GraphML) turns its file into vertices
// (named, with their own ids) and edges (two vertices, a value, directed or not, a line); the
// dataset is built once every file is read and found sound, so a bad file gives every problem and
// no dataset.
#include "entente/import/edges.hpp"

#include <expat.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "entente/import/csv.hpp"
#include "entente/model/text.hpp"
#include "load/utf8.hpp"

namespace entente {

namespace {

constexpr std::size_t npos = std::string::npos;

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

// Data quoted in a message: at most 80 characters, so one long field cannot flood a terminal.
std::string quoted(std::string_view text) {
    std::size_t chars = 0;
    std::size_t i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++chars > 80) {
            break;
        }
    }
    return "\"" + std::string(text.substr(0, i)) + (i < text.size() ? "…" : "") + "\"";
}

// A finite decimal number ("1", "-1", "+0.5", "2e3"), the whole text; nullopt for anything else.
std::optional<double> parse_value(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
            return std::nullopt;
        }
    }
    if (text.empty()) {
        return std::nullopt;
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

// The shortest text that reads back as `value` (for notes).
std::string number_text(double value) {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

std::string base_name(std::string_view path) {
    if (const auto slash = path.find_last_of('/'); slash != std::string_view::npos) {
        path.remove_prefix(slash + 1);
    }
    return std::string(path);
}

struct Vertex {
    std::string name;
    std::vector<std::string> aliases;
};

struct Edge {
    Index from;
    Index to;
    double value;
    bool directed;
    Index file;
    std::size_t line;
};

class Importer;

// One GraphML file read through expat: declarations, nodes and edges, the edges resolved against
// the nodes at the end (an edge may come before its nodes).
class GraphmlReader {
  public:
    GraphmlReader(Importer& importer, const EdgeInput& input, Index file)
        : importer_(importer), input_(input), file_(file) {}
    void read();

  private:
    struct Key {
        std::string name;
        std::string domain;  // node, edge, all, ...
        std::string default_value;
        bool has_default = false;
    };
    struct PendingEdge {
        std::string source;
        std::string target;
        std::string id;
        bool directed;
        std::map<std::string, std::string> data;  // key id -> text
        std::size_t line;
        std::size_t column;
    };
    static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** attributes);
    static void XMLCALL on_end(void* self, const XML_Char* name);
    static void XMLCALL on_text(void* self, const XML_Char* text, int length);
    void start(std::string_view name, const XML_Char** attributes);
    void end(std::string_view name);
    void finish();
    void error(std::size_t line, std::size_t column, std::string message);
    std::size_t line() const { return static_cast<std::size_t>(XML_GetCurrentLineNumber(parser_)); }
    std::size_t column() const {
        return static_cast<std::size_t>(XML_GetCurrentColumnNumber(parser_)) + 1;
    }

    Importer& importer_;
    const EdgeInput& input_;
    Index file_;
    XML_Parser parser_ = nullptr;
    std::map<std::string, Key> keys_;  // by id
    std::vector<std::string> path_;    // open elements' local names
    int graph_depth_ = 0;
    std::vector<bool> graph_directed_;
    bool in_node_ = false;
    bool in_edge_ = false;
    bool in_data_ = false;
    bool in_default_ = false;
    std::string data_key_;
    std::string text_;
    std::string node_id_;
    std::map<std::string, std::string> node_data_;
    std::size_t node_line_ = 0;
    std::size_t node_column_ = 0;
    std::size_t graph_line_ = 0;
    std::size_t graph_column_ = 0;
    PendingEdge edge_;
    std::string current_key_;
    std::unordered_map<std::string, Index> nodes_;
    std::vector<PendingEdge> edges_;
};

class Importer {
  public:
    Importer(std::span<const EdgeInput> inputs, const EdgeImportOptions& options,
             const ImportProgress& progress)
        : inputs_(inputs), options_(options), progress_(progress) {
        for (const auto& input : inputs) {
            total_ += input.size;
        }
    }

    EdgeImportResult run();

    void error(const std::string& file, std::size_t line, std::size_t column, std::string message) {
        result_.diagnostics.push_back(
            {Severity::error, file, line, column, std::string(), std::move(message)});
    }
    // The actor named `name`, made on first sight; `alias` is the vertex's own id.
    Index vertex(std::string_view name, std::string_view alias) {
        auto at = by_name_.find(std::string(name));
        if (at == by_name_.end()) {
            at = by_name_.emplace(std::string(name), static_cast<Index>(vertices_.size())).first;
            vertices_.push_back({std::string(name), {}});
        }
        Vertex& v = vertices_[at->second];
        if (!alias.empty() && alias != name &&
            std::find(v.aliases.begin(), v.aliases.end(), alias) == v.aliases.end()) {
            v.aliases.emplace_back(alias);
        }
        return at->second;
    }
    void edge(Index from, Index to, double value, bool directed, Index file, std::size_t line) {
        edges_.push_back({from, to, value, directed, file, line});
    }
    void progress(std::uint64_t file_bytes, bool last) {
        if (!progress_) {
            return;
        }
        const std::uint64_t done = done_before_ + file_bytes;
        if (last || done - reported_ >= (1U << 16)) {
            reported_ = done;
            progress_(std::min(done, total_), total_);
        }
    }
    const EdgeImportOptions& options() const { return options_; }
    std::vector<Diagnostic>& diagnostics() { return result_.diagnostics; }
    void set_network_name(Index file, std::string name) { network_names_[file] = std::move(name); }

  private:
    void read_csv(const EdgeInput& input, Index file);
    void read_pajek(const EdgeInput& input, Index file);
    Dataset build();

    std::span<const EdgeInput> inputs_;
    const EdgeImportOptions& options_;
    const ImportProgress& progress_;
    std::uint64_t total_ = 0;
    std::uint64_t done_before_ = 0;
    std::uint64_t reported_ = 0;
    EdgeImportResult result_;
    std::unordered_map<std::string, Index> by_name_;
    std::vector<Vertex> vertices_;
    std::vector<Edge> edges_;
    std::map<Index, std::string> network_names_;
};

// ---- CSV and TSV ----

void Importer::read_csv(const EdgeInput& input, Index file) {
    const std::string& name = input.name;
    CsvReader reader(*input.stream, input.delimiter);
    if (!reader.next()) {
        error(name, 0, 0, "empty file: no header line");
        return;
    }
    for (const auto& p : reader.problems()) {
        error(name, p.line, p.column, p.message);
    }
    const std::vector<std::string> header = reader.fields();
    std::string names;
    for (const auto& h : header) {
        names += (names.empty() ? "" : ", ") + quoted(h);
    }
    bool columns_found = true;
    const auto find = [&](const std::string& column, const char* option) {
        const std::size_t at = find_column(header, column);
        if (at == npos) {
            error(name, reader.line(), 1,
                  "no column " + quoted(column) + " in the header (it has " + names + "); name " +
                      (option[0] == '\0' ? std::string("the column holding the sign with "
                                                       "--sign-column or --weight-column")
                                         : std::string("it with ") + option));
            columns_found = false;
        }
        return at;
    };
    const std::size_t source = find(options_.source_column, "--source-column");
    const std::size_t target = find(options_.target_column, "--target-column");
    std::size_t value = npos;
    if (!options_.sign_column.empty()) {
        value = find(options_.sign_column, "--sign-column");
    } else if (!options_.weight_column.empty()) {
        value = find(options_.weight_column, "--weight-column");
    } else {
        value = find_column(header, "sign");
        if (value == npos) {
            value = find_column(header, "weight");
        }
        if (value == npos) {
            error(name, reader.line(), 1,
                  "no column \"sign\" or \"weight\" in the header (it has " + names +
                      "); name the column holding the sign with --sign-column or "
                      "--weight-column");
            columns_found = false;
        }
    }
    if (!columns_found) {
        return;
    }
    const std::size_t needed = std::max({source, target, value}) + 1;
    while (reader.next()) {
        progress(reader.bytes_read(), false);
        for (const auto& p : reader.problems()) {
            error(name, p.line, p.column, p.message);
        }
        if (!reader.problems().empty()) {
            continue;
        }
        const auto& row = reader.fields();
        if (row.size() < needed) {
            error(name, reader.line(), 1,
                  "the row has " + std::to_string(row.size()) +
                      (row.size() == 1 ? " field" : " fields") + ", the header " +
                      std::to_string(header.size()));
            continue;
        }
        bool bad = false;
        for (const std::size_t c : {source, target}) {
            if (trim(row[c]).empty()) {
                error(name, reader.line_of(c), reader.column_of(c),
                      std::string("empty ") + (c == source ? "source" : "target") +
                          ": every edge needs both ends");
                bad = true;
            }
        }
        const auto v = parse_value(row[value]);
        if (!v) {
            error(name, reader.line_of(value), reader.column_of(value),
                  "value " + quoted(row[value]) +
                      " is not a number (the sign of an edge: 1, -1, or any signed number)");
            bad = true;
        }
        if (bad) {
            continue;
        }
        const Index from = vertex(trim(row[source]), {});
        const Index to = vertex(trim(row[target]), {});
        edge(from, to, *v, options_.directed, file, reader.line());
    }
    done_before_ += reader.bytes_read();
    if (input.stream->bad()) {
        error(name, 0, 0, "read error: the file could not be read to its end");
    }
}

// ---- Pajek ----

// A token of a Pajek line: a run of non-blanks, or text in double quotes.
struct Token {
    std::string_view text;
    std::size_t column;  // 1-based, in characters
    bool quoted;
};

// Splits a line into tokens; false when a quote is never closed (then `column` is its column).
bool tokens_of(std::string_view line, std::vector<Token>& out, std::size_t& column) {
    out.clear();
    std::size_t i = 0;
    std::size_t chars = 1;  // column of line[i]
    const auto advance = [&](std::size_t to) {
        for (; i < to; ++i) {
            if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) {
                ++chars;
            }
        }
    };
    while (i < line.size()) {
        if (line[i] == ' ' || line[i] == '\t') {
            advance(i + 1);
            continue;
        }
        if (line[i] == '"') {
            const std::size_t close = line.find('"', i + 1);
            if (close == std::string_view::npos) {
                column = chars;
                return false;
            }
            out.push_back({line.substr(i + 1, close - i - 1), chars, true});
            advance(close + 1);
            continue;
        }
        std::size_t end = i;
        while (end < line.size() && line[end] != ' ' && line[end] != '\t') {
            ++end;
        }
        out.push_back({line.substr(i, end - i), chars, false});
        advance(end);
    }
    return true;
}

std::optional<std::size_t> parse_count(std::string_view text) {
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return n;
}

void Importer::read_pajek(const EdgeInput& input, Index file) {
    const std::string& name = input.name;
    const std::size_t errors_before = result_.diagnostics.size();
    enum class Section { none, vertices, arcs, edges, arcslist, edgeslist, skipped };
    Section section = Section::none;
    std::size_t count = 0;            // *Vertices N
    bool have_vertices = false;       // a *Vertices line was read
    std::vector<std::string> labels;  // by vertex number - 1; empty: unnamed
    std::vector<std::size_t> label_line;
    struct Link {
        std::size_t from;
        std::size_t to;
        double value;
        bool directed;
        std::size_t line;
    };
    std::vector<Link> links;
    std::string line;
    std::size_t number = 0;
    std::uint64_t bytes = 0;
    std::vector<Token> tokens;
    const auto vertex_number = [&](const Token& t, std::size_t& out) {
        const auto n = parse_count(t.text);
        if (!n || *n == 0 || *n > count) {
            error(name, number, t.column,
                  "vertex " + quoted(t.text) + " is not a vertex number from 1 to " +
                      std::to_string(count) + " (*Vertices " + std::to_string(count) + ")");
            return false;
        }
        out = *n;
        return true;
    };
    while (std::getline(*input.stream, line)) {
        ++number;
        bytes += line.size() + 1;
        progress(bytes, false);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (number == 1 && line.starts_with("\xEF\xBB\xBF")) {
            line.erase(0, 3);
        }
        if (const auto problem = detail::utf8_problem(line)) {
            error(name, number, 1,
                  "not UTF-8 text: " + *problem +
                      "; convert the file to UTF-8 first, for example with `iconv -f latin1 -t "
                      "utf-8`");
            continue;
        }
        const std::string_view text = trim(line);
        if (text.empty() || text.front() == '%') {
            continue;
        }
        std::size_t open_column = 0;
        if (!tokens_of(line, tokens, open_column)) {
            error(name, number, open_column, "a quoted label never closed on its line");
            continue;
        }
        if (text.front() == '*') {
            const std::string keyword = lower_ascii(tokens[0].text);
            if (keyword == "*network") {
                section = Section::none;
                const std::string_view rest = trim(text.substr(tokens[0].text.size()));
                if (!rest.empty()) {
                    set_network_name(file, std::string(rest));
                }
            } else if (keyword == "*vertices") {
                if (have_vertices) {
                    error(name, number, 1, "a second *Vertices line; a network has one");
                    section = Section::skipped;
                    continue;
                }
                const auto n = tokens.size() >= 2 ? parse_count(tokens[1].text) : std::nullopt;
                if (!n) {
                    error(name, number, tokens.size() >= 2 ? tokens[1].column : 1,
                          "*Vertices needs the number of vertices (\"*Vertices 16\")");
                    section = Section::skipped;
                    continue;
                }
                if (*n > 10'000'000) {
                    error(name, number, tokens[1].column,
                          "*Vertices " + std::to_string(*n) +
                              ": more than 10,000,000 vertices is more than an import makes");
                    section = Section::skipped;
                    continue;
                }
                have_vertices = true;
                count = *n;
                labels.assign(count, std::string());
                label_line.assign(count, 0);
                section = Section::vertices;
            } else if (keyword == "*arcs" || keyword == "*edges" || keyword == "*arcslist" ||
                       keyword == "*edgeslist") {
                if (!have_vertices) {
                    error(name, number, 1,
                          "an edge section before *Vertices; the vertices come first");
                    section = Section::skipped;
                    continue;
                }
                section = keyword == "*arcs"       ? Section::arcs
                          : keyword == "*edges"    ? Section::edges
                          : keyword == "*arcslist" ? Section::arcslist
                                                   : Section::edgeslist;
            } else if (keyword == "*matrix") {
                error(name, number, 1,
                      "*Matrix is not read; write the network as *Arcs or *Edges (Pajek: "
                      "File > Network > Save, or networkx.write_pajek)");
                section = Section::skipped;
            } else {
                error(name, number, 1,
                      "unknown section " + quoted(tokens[0].text) +
                          "; a network file has *Network, *Vertices, *Arcs, *Edges, *Arcslist "
                          "and *Edgeslist (partitions and vectors are separate files)");
                section = Section::skipped;
            }
            continue;
        }
        switch (section) {
            case Section::skipped:
                break;
            case Section::none:
                error(name, number, 1,
                      "a line outside any section; a Pajek network starts with \"*Vertices N\"");
                section = Section::skipped;
                break;
            case Section::vertices: {
                std::size_t n = 0;
                if (!vertex_number(tokens[0], n)) {
                    break;
                }
                if (label_line[n - 1] != 0) {
                    error(name, number, tokens[0].column,
                          "vertex " + std::to_string(n) + " is described twice (first on line " +
                              std::to_string(label_line[n - 1]) + ")");
                    break;
                }
                label_line[n - 1] = number;
                if (tokens.size() >= 2) {
                    labels[n - 1] = std::string(trim(tokens[1].text));
                }
                break;
            }
            case Section::arcs:
            case Section::edges: {
                if (tokens.size() < 2) {
                    error(name, number, 1,
                          "an edge needs two vertex numbers (and an optional value): \"1 2 -1\"");
                    break;
                }
                std::size_t from = 0;
                std::size_t to = 0;
                // Both ends are read (and both reported) before either decides.
                const bool from_ok = vertex_number(tokens[0], from);
                const bool to_ok = vertex_number(tokens[1], to);
                const bool ends = from_ok && to_ok;
                double value = 1;
                bool bad = !ends;
                // A value is a number; a third token that starts with a letter is one of Pajek's
                // drawing parameters (c Blue, w 2, l "label"), and the value is then 1.
                if (tokens.size() >= 3 && !tokens[2].quoted) {
                    const char c = tokens[2].text.front();
                    const bool numeric = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
                    if (numeric) {
                        const auto v = parse_value(tokens[2].text);
                        if (!v) {
                            error(name, number, tokens[2].column,
                                  "value " + quoted(tokens[2].text) + " is not a number");
                            bad = true;
                        } else {
                            value = *v;
                        }
                    }
                }
                if (!bad) {
                    links.push_back({from, to, value, section == Section::arcs, number});
                }
                break;
            }
            case Section::arcslist:
            case Section::edgeslist: {
                std::size_t from = 0;
                if (!vertex_number(tokens[0], from)) {
                    break;
                }
                for (std::size_t k = 1; k < tokens.size(); ++k) {
                    std::size_t to = 0;
                    if (vertex_number(tokens[k], to)) {
                        links.push_back({from, to, 1.0, section == Section::arcslist, number});
                    }
                }
                break;
            }
        }
    }
    done_before_ += bytes;
    if (input.stream->bad()) {
        error(name, 0, 0, "read error: the file could not be read to its end");
    }
    if (!have_vertices && result_.diagnostics.size() == errors_before) {
        error(name, 0, 0, "no *Vertices line: not a Pajek network");
    }
    // Vertices become actors in number order, so a file's actors keep its order.
    std::vector<Index> actor(count);
    for (std::size_t n = 0; n < count; ++n) {
        const std::string id = std::to_string(n + 1);
        actor[n] = labels[n].empty() ? vertex(id, {}) : vertex(labels[n], id);
    }
    for (const Link& l : links) {
        edge(actor[l.from - 1], actor[l.to - 1], l.value, l.directed, file, l.line);
    }
}

// ---- GraphML ----

std::string_view local_name(std::string_view name) {
    // XML_ParserCreateNS joins the namespace and the local name with '\x01'.
    const auto at = name.rfind('\x01');
    return at == std::string_view::npos ? name : name.substr(at + 1);
}

const XML_Char* attribute(const XML_Char** attributes, std::string_view name) {
    for (std::size_t i = 0; attributes[i] != nullptr; i += 2) {
        if (local_name(attributes[i]) == name) {
            return attributes[i + 1];
        }
    }
    return nullptr;
}

void XMLCALL GraphmlReader::on_start(void* self, const XML_Char* name,
                                     const XML_Char** attributes) {
    static_cast<GraphmlReader*>(self)->start(local_name(name), attributes);
}
void XMLCALL GraphmlReader::on_end(void* self, const XML_Char* name) {
    static_cast<GraphmlReader*>(self)->end(local_name(name));
}
void XMLCALL GraphmlReader::on_text(void* self, const XML_Char* text, int length) {
    auto* r = static_cast<GraphmlReader*>(self);
    if (r->in_data_ || r->in_default_) {
        r->text_.append(text, static_cast<std::size_t>(length));
    }
}

void GraphmlReader::error(std::size_t line, std::size_t column, std::string message) {
    importer_.error(input_.name, line, column, std::move(message));
}

void GraphmlReader::start(std::string_view name, const XML_Char** attributes) {
    path_.emplace_back(name);
    const auto get = [&](std::string_view attr) {
        const XML_Char* v = attribute(attributes, attr);
        return v == nullptr ? std::string() : std::string(v);
    };
    if (name == "key") {
        current_key_ = get("id");
        Key& k = keys_[current_key_];
        k.name = get("attr.name");
        k.domain = get("for");
        if (k.domain.empty()) {
            k.domain = "all";
        }
    } else if (name == "default" && path_.size() >= 2 && path_[path_.size() - 2] == "key") {
        in_default_ = true;
        text_.clear();
    } else if (name == "graph") {
        if (in_node_ || in_edge_) {
            error(line(), column(),
                  "a graph nested in a node or edge is not read; flatten the graph first");
        }
        ++graph_depth_;
        if (graph_line_ == 0) {
            graph_line_ = line();
            graph_column_ = column();
        }
        const std::string d = get("edgedefault");
        graph_directed_.push_back(d != "undirected");
    } else if (name == "node" && graph_depth_ > 0 && !in_node_) {
        in_node_ = true;
        node_id_ = get("id");
        node_data_.clear();
        node_line_ = line();
        node_column_ = column();
        if (node_id_.empty()) {
            error(line(), column(), "a node without an id");
        }
    } else if (name == "edge" && graph_depth_ > 0) {
        in_edge_ = true;
        edge_ = {};
        edge_.source = get("source");
        edge_.target = get("target");
        edge_.id = get("id");
        edge_.line = line();
        edge_.column = column();
        const std::string d = get("directed");
        edge_.directed = d.empty() ? graph_directed_.back() : d == "true" || d == "1";
        if (edge_.source.empty() || edge_.target.empty()) {
            error(line(), column(), "an edge without a source or a target");
        }
    } else if (name == "hyperedge") {
        error(line(), column(), "a hyperedge is not read; entente's claims join two actors");
    } else if (name == "data" && (in_node_ || in_edge_)) {
        in_data_ = true;
        data_key_ = get("key");
        text_.clear();
    }
}

void GraphmlReader::end(std::string_view name) {
    if (name == "default" && in_default_) {
        in_default_ = false;
        Key& k = keys_[current_key_];
        k.default_value = text_;
        k.has_default = true;
    } else if (name == "data" && in_data_) {
        in_data_ = false;
        (in_edge_ ? edge_.data : node_data_)[data_key_] = text_;
    } else if (name == "node" && in_node_ && path_.size() >= 2 &&
               path_[path_.size() - 2] == "graph") {
        in_node_ = false;
        if (!node_id_.empty()) {
            // The name: a "label" attribute, else a "name" attribute, else the id.
            std::string label;
            for (const char* wanted : {"label", "name"}) {
                for (const auto& [key, text] : node_data_) {
                    const auto k = keys_.find(key);
                    if (k != keys_.end() && k->second.name == wanted &&
                        (k->second.domain == "node" || k->second.domain == "all")) {
                        label = std::string(trim(text));
                    }
                }
                if (!label.empty()) {
                    break;
                }
            }
            if (nodes_.count(node_id_) != 0) {
                error(node_line_, node_column_, "node " + quoted(node_id_) + " is declared twice");
            } else {
                nodes_.emplace(node_id_, label.empty() ? importer_.vertex(node_id_, {})
                                                       : importer_.vertex(label, node_id_));
            }
        }
    } else if (name == "edge" && in_edge_) {
        in_edge_ = false;
        edges_.push_back(std::move(edge_));
    } else if (name == "graph") {
        --graph_depth_;
        graph_directed_.pop_back();
    }
    path_.pop_back();
}

void GraphmlReader::finish() {
    // The attribute holding the value, by its declared name.
    const auto edge_keys = [&](const std::string& wanted) {
        std::vector<std::string> ids;
        for (const auto& [id, k] : keys_) {
            if (k.name == wanted && (k.domain == "edge" || k.domain == "all")) {
                ids.push_back(id);
            }
        }
        return ids;
    };
    std::string attribute_name = importer_.options().sign_attribute;
    std::vector<std::string> ids;
    if (!attribute_name.empty()) {
        ids = edge_keys(attribute_name);
    } else {
        for (const char* candidate : {"sign", "weight"}) {
            ids = edge_keys(candidate);
            if (!ids.empty()) {
                attribute_name = candidate;
                break;
            }
        }
    }
    if (ids.empty() && !edges_.empty()) {
        std::string declared;
        for (const auto& [id, k] : keys_) {
            if (k.domain == "edge" || k.domain == "all") {
                declared += (declared.empty() ? "" : ", ") + quoted(k.name);
            }
        }
        error(graph_line_, graph_column_,
              (attribute_name.empty()
                   ? std::string("no edge attribute \"sign\" or \"weight\" is declared")
                   : "no edge attribute " + quoted(attribute_name) + " is declared") +
                  " (<key for=\"edge\" attr.name=...>; the edges have " +
                  (declared.empty() ? std::string("none") : declared) +
                  "); name the one holding the sign with --sign-attribute");
        return;
    }
    for (const PendingEdge& e : edges_) {
        bool bad = false;
        Index ends[2] = {no_index, no_index};
        const std::string* names[2] = {&e.source, &e.target};
        for (int k = 0; k < 2; ++k) {
            const auto at = nodes_.find(*names[k]);
            if (at == nodes_.end()) {
                if (!names[k]->empty()) {
                    error(e.line, e.column,
                          std::string("edge ") + (k == 0 ? "source " : "target ") +
                              quoted(*names[k]) + " is not a node of the graph");
                }
                bad = true;
            } else {
                ends[k] = at->second;
            }
        }
        const std::string* text = nullptr;
        for (const auto& id : ids) {
            if (const auto at = e.data.find(id); at != e.data.end()) {
                text = &at->second;
            } else if (keys_[id].has_default && text == nullptr) {
                text = &keys_[id].default_value;
            }
        }
        const std::string which = e.id.empty() ? "the edge" : "edge " + quoted(e.id);
        std::optional<double> value;
        if (text == nullptr) {
            error(e.line, e.column,
                  which + " has no " + quoted(attribute_name) +
                      " value and its key gives no default");
            bad = true;
        } else if (!(value = parse_value(*text))) {
            error(e.line, e.column,
                  which + ": " + quoted(attribute_name) + " " + quoted(*text) + " is not a number");
            bad = true;
        }
        if (!bad) {
            importer_.edge(ends[0], ends[1], *value, e.directed, file_, e.line);
        }
    }
}

void GraphmlReader::read() {
    const std::size_t first_diagnostic = importer_.diagnostics().size();
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(
        XML_ParserCreateNS(nullptr, '\x01'), XML_ParserFree);
    if (!parser) {
        throw std::bad_alloc();
    }
    parser_ = parser.get();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &on_start, &on_end);
    XML_SetCharacterDataHandler(parser_, &on_text);
    std::vector<char> buffer(1 << 16);
    std::uint64_t bytes = 0;
    bool well_formed = true;
    for (;;) {
        input_.stream->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto n = static_cast<std::size_t>(input_.stream->gcount());
        bytes += n;
        importer_.progress(bytes, false);
        const bool last = n < buffer.size();
        if (XML_Parse(parser_, buffer.data(), static_cast<int>(n), last ? 1 : 0) ==
            XML_STATUS_ERROR) {
            error(
                line(), column(),
                std::string("not well-formed XML: ") + XML_ErrorString(XML_GetErrorCode(parser_)));
            well_formed = false;
            break;
        }
        if (last) {
            break;
        }
    }
    if (input_.stream->bad()) {
        error(0, 0, "read error: the file could not be read to its end");
        well_formed = false;
    }
    if (well_formed) {
        if (graph_line_ == 0) {
            error(0, 0, "no <graph> element: not a GraphML file");
        } else {
            finish();
        }
    }
    parser_ = nullptr;
    // Edges are checked once every node is known: put their problems back in file order.
    auto& all = importer_.diagnostics();
    std::stable_sort(all.begin() + static_cast<std::ptrdiff_t>(first_diagnostic), all.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
}

// ---- the dataset ----

Dataset Importer::build() {
    Dataset d;
    const auto builtins = builtin_relations();
    d.relations.assign(builtins.begin(), builtins.end());
    const auto relation = [&](const std::string& id, int polarity) {
        for (Index r = 0; r < d.relations.size(); ++r) {
            if (d.relations[r].id == id && d.relations[r].polarity == polarity) {
                return r;
            }
        }
        throw std::invalid_argument("\"" + id + "\" is not a built-in " +
                                    (polarity > 0 ? "cooperative" : "hostile") + " relation");
    };
    const Index positive_edge = relation(options_.positive_edge, 1);
    const Index negative_edge = relation(options_.negative_edge, -1);
    const Index positive_arc = relation(options_.positive_arc, 1);
    const Index negative_arc = relation(options_.negative_arc, -1);

    std::unordered_map<std::string, std::size_t> ids;
    const auto unique_id = [&](std::string id, const char* fallback) {
        if (id.empty()) {
            id = fallback;
        }
        const std::string base = id;
        for (std::size_t n = 2; ids.count(id) != 0; ++n) {
            id = base + "-" + std::to_string(n);
        }
        ids.emplace(id, 0);
        return id;
    };
    for (Index f = 0; f < inputs_.size(); ++f) {
        Source s;
        const std::string file = base_name(inputs_[f].name);
        const auto network = network_names_.find(f);
        s.title = !options_.dataset_name.empty()    ? options_.dataset_name
                  : network != network_names_.end() ? network->second
                                                    : file;
        s.id = unique_id(slug(s.title), "edges");
        const char* format = inputs_[f].format == EdgeFormat::csv     ? "a delimited edge list"
                             : inputs_[f].format == EdgeFormat::pajek ? "a Pajek network"
                                                                      : "a GraphML file";
        s.note = std::string("Signed edges read from ") + format + ", " + file +
                 ", by `entente import edges`.";
        d.sources.push_back(std::move(s));
    }
    ids.clear();

    // An alias that two actors would answer to is dropped from both: looking it up would be
    // ambiguous (a Pajek vertex number of two files, say).
    std::unordered_map<std::string, std::size_t> holders;
    for (const Vertex& v : vertices_) {
        std::vector<std::string> keys = {fold_name(v.name)};
        for (const auto& a : v.aliases) {
            keys.push_back(fold_name(a));
        }
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const auto& k : keys) {
            ++holders[k];
        }
    }
    for (const Vertex& v : vertices_) {
        Actor a;
        a.id = unique_id(slug(v.name), "actor");
        a.name = v.name;
        a.kind = options_.actor_kind;
        for (const auto& alias : v.aliases) {
            if (holders[fold_name(alias)] == 1) {
                a.aliases.push_back(alias);
            }
        }
        d.actors.push_back(std::move(a));
    }
    result_.actors = d.actors.size();

    ids.clear();
    d.claims.reserve(edges_.size());
    for (const Edge& e : edges_) {
        if (e.from == e.to) {
            ++result_.loops;
            continue;
        }
        if (e.value == 0) {
            ++result_.zero;
            continue;
        }
        Claim c;
        c.id = unique_id(d.actors[e.from].id + "." + d.actors[e.to].id, "edge");
        c.subject = e.from;
        c.object = e.to;
        c.relation = e.value > 0 ? (e.directed ? positive_arc : positive_edge)
                                 : (e.directed ? negative_arc : negative_edge);
        c.source = e.file;
        c.asserted_by = d.sources[e.file].title;
        // The sign picks the relation, the size is the claim's weight (how much), so a pair of
        // parallel edges +3 and -1 nets to (3 - 1) / 4 as docs/queries.md's tie rule says.
        c.weight = std::abs(e.value);
        c.note = "value " + number_text(e.value) + " (" + inputs_[e.file].name + ":" +
                 std::to_string(e.line) + ")";
        (e.value > 0 ? result_.positive : result_.negative)++;
        if (e.directed) {
            ++result_.arcs;
        }
        d.claims.push_back(std::move(c));
    }
    return d;
}

EdgeImportResult Importer::run() {
    if (inputs_.empty()) {
        throw std::invalid_argument("no input: name the file or files to import");
    }
    for (Index f = 0; f < inputs_.size(); ++f) {
        const EdgeInput& input = inputs_[f];
        switch (input.format) {
            case EdgeFormat::csv:
                read_csv(input, f);
                break;
            case EdgeFormat::pajek:
                read_pajek(input, f);
                break;
            case EdgeFormat::graphml: {
                GraphmlReader reader(*this, input, f);
                reader.read();
                done_before_ += input.size;
                break;
            }
        }
    }
    progress(0, true);
    if (result_.diagnostics.empty()) {
        result_.dataset = build();
    }
    return std::move(result_);
}

}  // namespace

EdgeImportResult import_edges(std::span<const EdgeInput> inputs, const EdgeImportOptions& options,
                              const ImportProgress& progress) {
    return Importer(inputs, options, progress).run();
}

}  // namespace entente
