#include "output.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "entente/model/text.hpp"

namespace entente::cli {

namespace {

constexpr char hex_digits[] = "0123456789abcdef";

void append_u_escape(std::string& out, std::uint32_t code_point) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) {
        out += hex_digits[(code_point >> shift) & 0xF];
    }
}

// The code points a terminal acts on rather than shows, beyond C0 and DEL.
bool executable(std::uint32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

// Length of the well-formed UTF-8 sequence at text[i] (Unicode table 3-7), with its code point;
// 0 when the bytes there are not one.
std::size_t utf8_sequence(std::string_view text, std::size_t i, std::uint32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        cp = lead & 0x0Fu;
        low = lead == 0xE0 ? 0xA0 : 0x80;   // no overlong forms
        high = lead == 0xED ? 0x9F : 0xBF;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        cp = lead & 0x07u;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;  // nothing past U+10FFFF
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char b = byte(i + k);
        if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) {
            return 0;
        }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    return length;
}

// An optional text member: null when empty, as claims and sources write them.
std::optional<std::string> or_null(std::string_view text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(std::string(text));
}

}  // namespace

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c == '\n') {
                out += "\\n";
            } else if (c == '\t') {
                out += "\\t";
            } else if (c == '\r') {
                out += "\\r";
            } else if (c < 0x20 || c == 0x7F) {
                append_u_escape(out, c);
            } else {
                out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        std::uint32_t cp = 0;
        const std::size_t length = utf8_sequence(text, i, cp);
        if (length == 0) {
            // A stray byte: 0x9B alone is CSI to a terminal in 8-bit mode.
            out += "\\x";
            out += hex_digits[c >> 4];
            out += hex_digits[c & 0xF];
            ++i;
        } else {
            if (executable(cp)) {
                append_u_escape(out, cp);
            } else {
                out.append(text.substr(i, length));
            }
            i += length;
        }
    }
    return out;
}

void print_error(std::string_view message) {
    std::cerr << "entente: " << terminal_safe(message) << '\n';
}

void print_error(std::string_view command, std::string_view message) {
    std::cerr << "entente " << command << ": " << terminal_safe(message) << '\n';
}

void Lines::blank() {
    *out_ << '\n';
}

void Lines::write(std::string_view text) {
    *out_ << terminal_safe(text) << '\n';
}

Lines& out() {
    static Lines lines(std::cout);
    return lines;
}

Table::Table(std::vector<std::string> headers) {
    rows_.push_back(std::move(headers));
}

void Table::add(std::vector<std::string> row) {
    row.resize(rows_.front().size());
    rows_.push_back(std::move(row));
}

void Table::print(Lines& lines) const {
    std::vector<std::vector<std::string>> shown_rows;
    std::vector<std::size_t> widths(rows_.front().size(), 0);
    for (const auto& row : rows_) {
        std::vector<std::string> cells;
        for (std::size_t i = 0; i < row.size(); ++i) {
            cells.push_back(terminal_safe(row[i]));
            widths[i] = std::max(widths[i], utf8_length(cells.back()));
        }
        shown_rows.push_back(std::move(cells));
    }
    for (const auto& row : shown_rows) {
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
        // Cells are escaped already, and escaping is idempotent on its own output.
        lines.line(line);
    }
}

void Table::print_csv(std::ostream& out) const {
    for (const auto& row : rows_) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            // Standard output is often a terminal: cells are escaped like a table's (JSON and
            // `entente export` keep text exactly).
            // A cell a spreadsheet would run as a formula gets a leading ' (OWASP's advice
            // against CSV injection); numbers such as -0.5 stay numbers.
            const std::string cell = neutralise_formula(terminal_safe(row[i]));
            if (i != 0) {
                out << ',';
            }
            // RFC 4180: a field with a comma or a quote is quoted, quotes doubled (line breaks
            // are escaped already).
            if (cell.find_first_of(",\"") == std::string::npos) {
                out << cell;
                continue;
            }
            out << '"';
            for (char c : cell) {
                out << (c == '"' ? "\"\"" : std::string(1, c));
            }
            out << '"';
        }
        out << "\r\n";  // RFC 4180, as `entente export` writes CSV
    }
}

Json::Json(const KnowledgeGraph* kg) : kg_(kg), writer_(buffer_) {
    writer_.SetIndent(' ', 2);
    writer_.StartObject();
}

void Json::key(std::string_view name) {
    writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

void Json::string(std::string_view s) {
    writer_.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void Json::number(double v) {
    // RapidJSON writes nothing for NaN or infinity, which would leave the document broken.
    std::isfinite(v) ? writer_.Double(v) : writer_.Null();
}

void Json::actor(Index actor) {
    if (actor == no_index) {
        null();
        return;
    }
    // On one line, so references read as easily as the ids they stand beside: the strings
    // escaped by RapidJSON itself, the object inserted whole.
    const Actor& a = graph().actor(actor);
    JsonBuffer text;
    rapidjson::Writer<JsonBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>, ThrowingJsonAllocator>
        compact(text);
    const std::string_view kind = to_string(a.kind);
    std::string ref = "{\"id\": ";
    auto quoted = [&](std::string_view s) {
        text.Clear();
        compact.Reset(text);
        compact.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
        ref.append(text.GetString(), text.GetSize());
    };
    quoted(a.id);
    ref += ", \"name\": ";
    quoted(a.name);
    ref += ", \"kind\": ";
    quoted(kind);
    ref += "}";
    writer_.RawValue(ref.data(), ref.size(), rapidjson::kObjectType);
}

void Json::actors(const std::vector<Index>& list) {
    start_array();
    for (Index a : list) {
        actor(a);
    }
    end_array();
}

void Json::claim_object(Index index) {
    const KnowledgeGraph& kg = graph();
    const Claim& c = kg.claim(index);
    const Relation& r = kg.relation(c.relation);
    start_object();
    field("id", c.id);
    key("subject");
    actor(c.subject);
    field("relation", r.id);
    key("object");
    actor(c.object);
    field("polarity", r.polarity);
    field("text", claim_sentence(kg, c));
    field("source", kg.source(c.source).id);
    field("quote", or_null(c.quote));
    field("asserted_by", c.asserted_by);
    field("asserted_by_name", asserted_by_name(kg, c));
    field("confidence", c.confidence);
    field("weight", c.weight);
    field("hypothetical", c.hypothetical);
    field("modality", to_string(c.modality));
    field("negated", c.negated);
    field("from", c.from ? std::optional<std::string>(c.from->to_string()) : std::nullopt);
    field("until", c.until ? std::optional<std::string>(c.until->to_string()) : std::nullopt);
    field("note", or_null(c.note));
    end_object();
}

void Json::source_object(Index index) {
    const Source& s = graph().source(index);
    start_object();
    field("id", s.id);
    field("title", s.title);
    field("author", or_null(s.author));
    field("publisher", or_null(s.publisher));
    field("date", s.date ? std::optional<std::string>(s.date->to_string()) : std::nullopt);
    field("url", or_null(s.url));
    field("note", or_null(s.note));
    end_object();
}

std::string Json::text() {
    before_close();
    writer_.EndObject();
    return std::string(buffer_.GetString(), buffer_.GetSize());
}

void Json::print() {
    print_json(text());
}

void print_json(const std::string& text) {
    std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
    std::cout << '\n';
    std::cout.flush();
}

JsonAnswer::JsonAnswer(const KnowledgeGraph& kg, const ScenarioText& scenario) : Json(&kg) {
    key("scenario");
    start_object();
    auto date = [](const std::string& text) {
        return text.empty() ? std::nullopt : std::optional<std::string>(text);
    };
    field("as_of", date(scenario.as_of));
    field("from", date(scenario.from));
    field("until", date(scenario.until));
    field("assume", scenario.assume);
    field("without", scenario.without);
    if (scenario.counted.empty()) {
        field("modality", std::optional<std::vector<std::string>>());
    } else {
        field("modality", scenario.counted);
    }
    key("left_out");
    start_object();
    field("by_modality", scenario.left_out_by_modality);
    field("negated", scenario.left_out_negated);
    end_object();
    key("roll_up");
    if (scenario.roll_up.empty()) {
        null();
    } else {
        start_object();
        field("kind", scenario.roll_up);
        field("moved", scenario.rolled_up);
        field("within", scenario.rolled_within);
        field("ambiguous", scenario.roll_up_ambiguous);
        end_object();
    }
    end_object();
}

void JsonAnswer::claim(Index claim) {
    cite(claim);
    value(graph().claim(claim).id);
}

void JsonAnswer::claims(const std::vector<Index>& list) {
    start_array();
    for (Index c : list) {
        claim(c);
    }
    end_array();
}

void JsonAnswer::cite(const Tie& tie) {
    for (const Evidence& e : tie.evidence) {
        cite(e.claim);
    }
}

void JsonAnswer::tie(const Tie* tie) {
    if (tie == nullptr) {
        null();
        return;
    }
    start_object();
    field("value", tie->value);
    field("derived_only", tie->derived_only());
    key("evidence");
    start_array();
    for (const Evidence& e : tie->evidence) {
        start_object();
        key("claim");
        claim(e.claim);
        field("derived", e.derived);
        field("weight", e.weight);
        end_object();
    }
    end_array();
    end_object();
}

void JsonAnswer::before_close() {
    std::set<Index> sources = sources_;
    key("claims");
    start_array();
    for (Index c : claims_) {
        claim_object(c);
        sources.insert(graph().claim(c).source);
    }
    end_array();
    key("sources");
    start_array();
    for (Index s : sources) {
        source_object(s);
    }
    end_array();
}

std::string signed_number(double value) {
    char buffer[32];
    if (std::abs(value) < 0.005) {
        return "0.00";
    }
    std::snprintf(buffer, sizeof buffer, "%+.2f", value);
    return buffer;
}

std::string shown(const std::optional<double>& value) {
    return value ? signed_number(*value) : "-";
}

std::string csv_number(const std::optional<double>& value) {
    return value ? format_number(std::round(*value * 1e4) / 1e4) : "";
}

std::string format_number(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string plural(std::size_t n, const std::string& singular, const std::string& plural_form) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural_form);
}

std::string sign_text(int sign) {
    return sign > 0 ? "+1" : sign < 0 ? "-1" : "0";
}

std::string asserted_by_name(const KnowledgeGraph& kg, const Claim& claim) {
    return claim.asserted_by_actor == no_index ? claim.asserted_by.str()
                                               : kg.actor(claim.asserted_by_actor).name;
}

std::string weight_text(const Claim& claim) {
    return claim.weight == 1.0 ? std::string() : " \u00b7 weight " + format_number(claim.weight);
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

void print_claim(Lines& lines, const KnowledgeGraph& kg, Index index, const std::string& indent,
                 const std::string& suffix, bool note) {
    const Claim& c = kg.claim(index);
    lines.line(indent, c.id, "  ", claim_sentence(kg, c), suffix, modality_marks(c),
               c.hypothetical ? "  [hypothetical]" : "");
    const std::string more(indent.size() + c.id.size() + 2, ' ');
    if (!c.quote.empty()) {
        lines.line(more, "\u201c", c.quote, "\u201d");
    }
    lines.line(more, "asserted by ", asserted_by_name(kg, c), " \u00b7 source ",
               kg.source(c.source).id, " \u00b7 confidence ", format_number(c.confidence),
               weight_text(c), c.from || c.until ? " \u00b7 holds " + holds_text(c) : "");
    if (note && !c.note.empty()) {
        lines.line(more, "note: ", c.note);
    }
}

void print_more(Lines& lines, std::size_t total, std::size_t shown, const std::string& indent) {
    if (shown < total) {
        lines.line(indent, "\u2026 and ", total - shown, " more (--all to list them)");
    }
}

std::string modality_marks(const Claim& claim) {
    std::string out;
    if (claim.modality != Modality::stated) {
        out += "  [" + std::string(to_string(claim.modality)) + "]";
    }
    if (claim.negated) {
        out += "  [negated: makes no tie]";
    }
    return out;
}

void print_evidence(Lines& lines, const KnowledgeGraph& kg, const Tie& tie,
                    const std::string& indent, std::size_t limit) {
    const std::size_t shown = std::min(limit, tie.evidence.size());
    for (std::size_t i = 0; i < shown; ++i) {
        const Evidence& e = tie.evidence[i];
        std::string suffix = "  (" + signed_number(e.weight);
        if (e.derived) {
            const Actor& position = kg.actor(kg.claim(e.claim).object);
            suffix += ", derived: " + position.id + " is held by " + kg.actor(position.holder).name;
        }
        print_claim(lines, kg, e.claim, indent, suffix + ")");
    }
    print_more(lines, tie.evidence.size(), shown, indent);
}

}  // namespace entente::cli
