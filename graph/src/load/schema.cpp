#include "load/schema.hpp"

#include <array>
#include <cstdio>

#include "entente/model/text.hpp"
#include "load/utf8.hpp"

namespace entente::detail {

namespace {

using K = ValueKind;
using F = Field;

constexpr FieldSpec source_fields[] = {
    {"id", F::id, K::id, true},
    {"title", F::title, K::long_text, true},
    {"author", F::author, K::name, false},
    {"publisher", F::publisher, K::name, false},
    {"date", F::date, K::date, false},
    {"url", F::url, K::long_text, false},
    {"text", F::text, K::name, false},
    {"note", F::note, K::note, false},
};
constexpr FieldSpec relation_fields[] = {
    {"id", F::id, K::id, true},
    {"label", F::label, K::name, true},
    {"polarity", F::polarity, K::polarity, true},
    {"symmetric", F::symmetric, K::boolean, false},
    {"note", F::note, K::note, false},
};
constexpr FieldSpec actor_fields[] = {
    {"id", F::id, K::id, true},
    {"name", F::name, K::name, true},
    {"kind", F::kind, K::actor_kind, true},
    {"aliases", F::aliases, K::aliases, false},
    {"holder", F::holder, K::id, false},
    {"note", F::note, K::note, false},
};
constexpr FieldSpec claim_fields[] = {
    {"id", F::id, K::id, false},
    {"subject", F::subject, K::id, true},
    {"relation", F::relation, K::id, true},
    {"object", F::object, K::id, true},
    {"source", F::source, K::id, true},
    {"quote", F::quote, K::long_text, false},
    {"asserted_by", F::asserted_by, K::name, false},
    {"confidence", F::confidence, K::confidence, false},
    {"weight", F::weight, K::weight, false},
    {"from", F::from, K::date, false},
    {"until", F::until, K::date, false},
    {"modality", F::modality, K::modality, false},
    {"negated", F::negated, K::boolean, false},
    {"note", F::note, K::note, false},
};

constexpr std::array<TableSpec, 4> tables = {{
    {Table::sources, "sources", "source", source_fields},
    {Table::relations, "relations", "relation", relation_fields},
    {Table::actors, "actors", "actor", actor_fields},
    {Table::claims, "claims", "claim", claim_fields},
}};

std::string number_text(std::size_t n) {
    return std::to_string(n);
}

}  // namespace

const TableSpec& table_spec(Table table) {
    return tables[static_cast<std::size_t>(table)];
}

std::span<const TableSpec> table_specs() {
    return tables;
}

std::optional<Table> table_named(std::string_view name) {
    for (const TableSpec& t : tables) {
        if (t.name == name) {
            return t.table;
        }
    }
    return std::nullopt;
}

const FieldSpec& field_spec(Table table, Field field) {
    for (const FieldSpec& f : table_spec(table).fields) {
        if (f.field == field) {
            return f;
        }
    }
    return table_spec(table).fields.front();  // unreachable for fields of the table
}

std::string_view expected(ValueKind kind) {
    switch (kind) {
        case K::id:
            return "an id (lowercase letters and digits, words joined by '-', '_' or '.')";
        case K::name:
        case K::long_text:
            return "a non-empty string";
        case K::note:
            return "a string";
        case K::date:
            return "an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)";
        case K::actor_kind:
            return "an actor kind (state, organization, person, group, position, project, region "
                   "or event)";
        case K::polarity:
            return "a polarity (1 cooperative, 0 structural or -1 hostile)";
        case K::boolean:
            return "true or false";
        case K::confidence:
            return "a number in (0, 1]";
        case K::weight:
            return "a number at least 0";
        case K::aliases:
            return "an array";
        case K::modality:
            return "a modality (stated, predicted, recommended, questioned or hedged)";
    }
    return "a value the format allows";
}

std::string_view expected_version() {
    return "format version 1";
}

bool is_long_text(ValueKind kind) {
    return kind == K::long_text || kind == K::note;
}

bool is_id(std::string_view s) {
    bool after_word = false;
    for (char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            after_word = true;
        } else if ((c == '-' || c == '_' || c == '.') && after_word) {
            after_word = false;
        } else {
            return false;
        }
    }
    return after_word;
}

bool is_date_shaped(std::string_view s) {
    auto digits = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            if (s[i] < '0' || s[i] > '9') {
                return false;
            }
        }
        return true;
    };
    return (s.size() == 4 && digits(0, 4)) ||
           (s.size() == 7 && digits(0, 4) && s[4] == '-' && digits(5, 7)) ||
           (s.size() == 10 && digits(0, 4) && s[4] == '-' && digits(5, 7) && s[7] == '-' &&
            digits(8, 10));
}

std::string describe_string(std::string_view text) {
    // Cut on a character boundary so the message stays valid UTF-8.
    std::size_t chars = 0;
    std::size_t cut = text.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == 40) {
            cut = i;
            break;
        }
    }
    return "\"" + std::string(text.substr(0, cut)) + (cut < text.size() ? "...\"" : "\"");
}

std::optional<std::string> check_string(ValueKind kind, std::string_view value,
                                        const LoadLimits& limits, Utf8 utf8) {
    if (utf8 == Utf8::unchecked) {
        if (auto bad = utf8_problem(value)) {
            return "invalid UTF-8 in a string: " + *bad;
        }
    }
    if (utf8 != Utf8::ascii && value.find('\0') != std::string_view::npos) {
        // Graphviz, XML and C strings everywhere end at a NUL: text holding one could not be
        // shown as it is anywhere, so it is refused where it comes in (docs/data-format.md).
        return std::string("a string may not contain U+0000 (NUL)");
    }
    const bool long_text = is_long_text(kind);
    const std::size_t limit = long_text ? limits.max_text_length : limits.max_name_length;
    // Bytes bound characters from above: only a string longer in bytes needs counting. A date
    // is no name: its pattern bounds it to ten characters.
    if (value.size() > limit && kind != K::date) {
        if (const std::size_t length = utf8_length(value); length > limit) {
            return "string of " + number_text(length) + " characters; " +
                   (long_text ? "a quote, note, title or url may have at most "
                              : "a name may have at most ") +
                   number_text(limit) +
                   (long_text ? " (--max-text-length)" : " (--max-name-length)");
        }
    }
    auto wrong = [&](std::string suffix = {}) {
        return "expected " + std::string(expected(kind)) + ", got " + describe_string(value) +
               suffix;
    };
    switch (kind) {
        case K::id:
            if (!is_id(value)) {
                return wrong();
            }
            break;
        case K::name:
        case K::long_text:
            if (value.empty()) {
                return wrong();
            }
            break;
        case K::note:
            break;
        case K::date:
            if (!is_date_shaped(value)) {
                return wrong();
            }
            if (!parse_date(value)) {
                return describe_string(value) + " is not a calendar date";
            }
            break;
        case K::actor_kind:
            if (!parse_actor_kind(value)) {
                std::vector<std::string> kinds;
                for (ActorKind k : all_actor_kinds) {
                    kinds.emplace_back(to_string(k));
                }
                const auto near = nearest_names(value, kinds, 1);
                return wrong(near.empty() ? std::string()
                                          : "; did you mean \"" + near.front() + "\"?");
            }
            break;
        case K::modality:
            if (!parse_modality(value)) {
                std::vector<std::string> names;
                for (Modality m : all_modalities) {
                    names.emplace_back(to_string(m));
                }
                const auto near = nearest_names(value, names, 1);
                return wrong(near.empty() ? std::string()
                                          : "; did you mean \"" + near.front() + "\"?");
            }
            break;
        case K::polarity:
        case K::boolean:
        case K::confidence:
        case K::weight:
        case K::aliases:
            return wrong();
    }
    return std::nullopt;
}

std::string confidence_problem(std::string_view shown) {
    return "confidence must be greater than 0 and at most 1, got " + std::string(shown);
}

std::string weight_problem(std::string_view shown) {
    return "weight must be a finite number at least 0, got " + std::string(shown);
}

std::optional<std::string> check_date(const Date& date) {
    const std::string text = date.to_string();
    const auto parsed = is_date_shaped(text) ? parse_date(text) : std::nullopt;
    if (parsed && *parsed == date) {
        return std::nullopt;
    }
    return "\"" + text + "\" is not a calendar date";
}

}  // namespace entente::detail
