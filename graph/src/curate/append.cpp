#include "entente/curate/append.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <utility>

namespace entente {

std::optional<std::string> next_claim_id(const std::vector<std::string>& ids,
                                         const std::function<bool(const std::string&)>& taken) {
    auto split = [](const std::string& id) -> std::optional<std::pair<std::string, std::string>> {
        std::size_t digits = id.size();
        while (digits > 0 && id[digits - 1] >= '0' && id[digits - 1] <= '9') {
            --digits;
        }
        if (digits == id.size()) {
            return std::nullopt;
        }
        return std::make_pair(id.substr(0, digits), id.substr(digits));
    };
    // The prefix most ids carry; among equals, the one the latest of them carries.
    std::map<std::string, std::pair<std::size_t, std::size_t>> prefixes;  // count, last position
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (auto parts = split(ids[i])) {
            auto& [count, last] = prefixes[parts->first];
            ++count;
            last = i;
        }
    }
    if (prefixes.empty()) {
        return std::nullopt;
    }
    const auto best =
        std::max_element(prefixes.begin(), prefixes.end(),
                         [](const auto& x, const auto& y) { return x.second < y.second; });
    const std::optional<std::string> prefix = best->first;
    unsigned long long largest = 0;
    std::size_t width = 0;
    for (const auto& id : ids) {
        const auto parts = split(id);
        if (!parts || parts->first != *prefix || parts->second.size() > 18) {
            continue;
        }
        const unsigned long long n = std::stoull(parts->second);
        largest = std::max(largest, n);
        if (parts->second.size() > 1 && parts->second[0] == '0') {
            width = std::max(width, parts->second.size());
        }
    }
    for (unsigned long long n = largest + 1;; ++n) {
        std::string number = std::to_string(n);
        if (number.size() < width) {
            number.insert(0, width - number.size(), '0');
        }
        std::string id = *prefix + number;
        if (!taken || !taken(id)) {
            return id;
        }
    }
}

namespace {

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (u < 0x20) {
                    static const char hex[] = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[u >> 4];
                    out += hex[u & 15];
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string number_text(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

// Members in the format's order, as name and JSON value.
std::vector<std::pair<std::string, std::string>> members(const NewClaim& c) {
    std::vector<std::pair<std::string, std::string>> out;
    auto text = [&](const char* name, const std::string& value) {
        if (!value.empty()) {
            out.emplace_back(name, json_string(value));
        }
    };
    text("id", c.id);
    text("subject", c.subject);
    text("relation", c.relation);
    text("object", c.object);
    text("source", c.source);
    text("quote", c.quote);
    if (c.modality != Modality::stated) {
        out.emplace_back("modality", json_string(std::string(to_string(c.modality))));
    }
    if (c.negated) {
        out.emplace_back("negated", "true");
    }
    text("asserted_by", c.asserted_by);
    if (c.confidence) {
        out.emplace_back("confidence", number_text(*c.confidence));
    }
    if (c.weight) {
        out.emplace_back("weight", number_text(*c.weight));
    }
    if (c.from) {
        out.emplace_back("from", json_string(c.from->to_string()));
    }
    if (c.until) {
        out.emplace_back("until", json_string(c.until->to_string()));
    }
    text("note", c.note);
    return out;
}

// The whitespace that starts the line holding `offset`, and whether only whitespace precedes
// `offset` on it.
std::pair<std::string, bool> indent_of(std::string_view text, std::size_t offset) {
    std::size_t start = offset;
    while (start > 0 && text[start - 1] != '\n') {
        --start;
    }
    std::size_t end = start;
    while (end < offset && (text[end] == ' ' || text[end] == '\t')) {
        ++end;
    }
    return {std::string(text.substr(start, end - start)), end == offset};
}

}  // namespace

std::string append_claim(std::string_view text, const ArrayLocation& claims,
                         const RecordLocation* last, const NewClaim& claim) {
    const std::string nl = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    const auto fields = members(claim);
    std::string separator = ": ";
    auto object = [&](const std::string& outer, const std::string* inner) {
        std::string out = "{";
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (inner != nullptr) {
                out += nl + *inner;
            } else if (i > 0) {
                out += " ";
            }
            out += json_string(fields[i].first) + separator + fields[i].second;
            if (i + 1 < fields.size()) {
                out += ",";
            }
        }
        if (inner != nullptr) {
            out += nl + outer;
        }
        return out + "}";
    };
    std::string out;
    if (last == nullptr) {
        // An empty array: one record a line, two spaces deeper than the line of '['.
        const std::string outer = indent_of(text, claims.open).first;
        const std::string element = outer + "  ";
        const std::string inner = element + "  ";
        out.append(text.substr(0, claims.open + 1));
        out += nl + element + object(element, &inner) + nl + outer;
        out.append(text.substr(claims.close));
        return out;
    }
    const std::string_view record =
        text.substr(last->record.offset, last->end - last->record.offset);
    if (record.find("\":") != std::string_view::npos &&
        record.find("\": ") == std::string_view::npos) {
        separator = ":";
    }
    const auto [element, own_line] = indent_of(text, last->record.offset);
    const bool multiline = record.find('\n') != std::string_view::npos && !last->members.empty();
    std::string inserted = ",";
    if (own_line) {
        inserted += nl + element;
    } else {
        inserted += " ";
    }
    if (multiline) {
        // The first member's indentation: where its key starts on its line.
        const std::string inner = indent_of(text, last->members.front().second.offset).first;
        inserted += object(element, &inner);
    } else {
        inserted += object(element, nullptr);
    }
    out.append(text.substr(0, last->end));
    out += inserted;
    out.append(text.substr(last->end));
    return out;
}

}  // namespace entente
