#pragma once
// Internal: the dataset format in one table — its tables, their fields, each field's type,
// pattern and whether it is required — and the checks of single values that follow from it.
// The JSON reader and the compiled-form reader both check every value through this table;
// graph/schema/dataset.schema.json says the same for other tools, and tests/unit/test_schema.cpp
// holds the two to each other.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "entente/load/loader.hpp"
#include "entente/model/model.hpp"

namespace entente::detail {

/// The four tables of a dataset, in the order a load builds them.
enum class Table : std::uint8_t { sources, relations, actors, claims };

/// Every field any record may have.
enum class Field : std::uint8_t {
    id,
    title,
    author,
    publisher,
    date,
    url,
    note,
    label,
    polarity,
    symmetric,
    name,
    kind,
    aliases,
    holder,
    subject,
    relation,
    object,
    source,
    quote,
    asserted_by,
    confidence,
    weight,
    from,
    until,
    modality,
    negated,
    text,
};

/// What a field's value must be.
enum class ValueKind : std::uint8_t {
    id,          ///< A string matching ^[a-z0-9]+([-_.][a-z0-9]+)*$ (a name, for the limits).
    name,        ///< A non-empty string, counted against LoadLimits::max_name_length.
    long_text,   ///< A non-empty string, counted against LoadLimits::max_text_length.
    note,        ///< Any string, possibly empty, counted against max_text_length.
    date,        ///< A string matching ^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$ that is a calendar date.
    actor_kind,  ///< One of the actor kinds' names.
    polarity,    ///< The integer -1, 0 or 1.
    boolean,     ///< true or false.
    confidence,  ///< A number in (0, 1].
    weight,      ///< A finite number >= 0.
    aliases,     ///< An array of non-empty name strings.
    modality,    ///< One of the modalities' names (stated, predicted, ...).
};

/// One field of a table.
struct FieldSpec {
    std::string_view name;  ///< The member name in JSON ("asserted_by").
    Field field;            ///< Which field it is.
    ValueKind kind;         ///< What its value must be.
    bool required;          ///< True when every record must have it.
};

/// One table: its member name in a dataset file and its fields, in the schema's order.
struct TableSpec {
    Table table;                        ///< Which table.
    std::string_view name;              ///< Member name at the root ("claims").
    std::string_view singular;          ///< One record, in messages ("claim").
    std::span<const FieldSpec> fields;  ///< Its fields.
};

/// The specification of one table.
const TableSpec& table_spec(Table table);
/// The four tables, in order.
std::span<const TableSpec> table_specs();
/// The table a root member names ("claims"), or nullopt.
std::optional<Table> table_named(std::string_view name);
/// The spec of `field` in `table`; the field must belong to the table.
const FieldSpec& field_spec(Table table, Field field);

/// The root member that holds the format version, and the version this build reads.
inline constexpr std::string_view version_member = "entente";
/// The format version every dataset file declares.
inline constexpr int format_version = 1;
/// Root members every file must have, in the order missing ones are reported.
inline constexpr std::string_view required_root_members[] = {"entente", "actors", "claims"};

/// What a value of this kind must be, as messages say it ("an id (lowercase letters ...)"); the
/// same text as the schema's "x-expected" (or its "type") for the field.
std::string_view expected(ValueKind kind);
/// "format version 1", the root member "entente"'s expectation.
std::string_view expected_version();

/// The id pattern of the schema, ^[a-z0-9]+([-_.][a-z0-9]+)*$.
bool is_id(std::string_view text);
/// The date pattern of the schema, ^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$ (not yet the calendar).
bool is_date_shaped(std::string_view text);

/// A short description of a string for messages: quoted, cut after 40 characters.
std::string describe_string(std::string_view text);

/// Whether `a` and `b` hold the same bytes: compared inline for the short ids and member names
/// a load compares millions of (a call to memcmp cost more than the compare; 4% of a load at
/// 10^6 claims): up to 16 bytes by two words from each end, which overlap, never read outside
/// either string, and take no branch a byte (a byte loop mispredicted where the names first
/// differ). Throws nothing.
inline bool same_text(std::string_view a, std::string_view b) noexcept {
    const std::size_t n = a.size();
    if (n != b.size()) {
        return false;
    }
    const char* p = a.data();
    const char* q = b.data();
    const auto word8 = [](const char* at) {
        std::uint64_t w;
        std::memcpy(&w, at, sizeof w);
        return w;
    };
    const auto word4 = [](const char* at) {
        std::uint32_t w;
        std::memcpy(&w, at, sizeof w);
        return w;
    };
    if (n > 16) {
        return std::memcmp(p, q, n) == 0;
    }
    if (n >= 8) {
        return word8(p) == word8(q) && word8(p + n - 8) == word8(q + n - 8);
    }
    if (n >= 4) {
        return word4(p) == word4(q) && word4(p + n - 4) == word4(q + n - 4);
    }
    // 0 to 3 bytes: the first, middle and last cover them all.
    return n == 0 || (p[0] == q[0] && p[n / 2] == q[n / 2] && p[n - 1] == q[n - 1]);
}

/// Whether a string still needs its UTF-8 checked; `ascii`: the caller knows it is all ASCII
/// with no byte below 0x20 (so no NUL either).
enum class Utf8 : std::uint8_t { unchecked, checked, ascii };

/// The problem with a string `value` for a field of `kind`, or nullopt when it is good: invalid
/// UTF-8 (lone surrogates included; skipped when `utf8` says the caller checked it), a NUL (not
/// looked for in `Utf8::ascii` text), a
/// string past its length limit, or one that breaks the kind's pattern, enum or calendar. `kind`
/// must be a string kind (not polarity, boolean, confidence or aliases; alias elements are checked
/// as `name`).
std::optional<std::string> check_string(ValueKind kind, std::string_view value,
                                        const LoadLimits& limits, Utf8 utf8 = Utf8::unchecked);

/// True when a confidence is in (0, 1].
inline bool valid_confidence(double value) {
    return value > 0.0 && value <= 1.0;
}
/// The message for a confidence outside (0, 1]; `shown` is the number as the message should show
/// it (as written in the file).
std::string confidence_problem(std::string_view shown);

/// True when a claim's weight is finite and at least 0.
inline bool valid_weight(double value) {
    return value >= 0.0 && value <= std::numeric_limits<double>::max();
}
/// The message for a weight that is negative or not finite; `shown` as for confidence_problem.
std::string weight_problem(std::string_view shown);

/// The problem with a date already read into parts (a compiled dataset's), or nullopt.
std::optional<std::string> check_date(const Date& date);

/// Member names whose strings are long texts, for the length limits: "quote", "note", "title",
/// "url".
bool is_long_text(ValueKind kind);

}  // namespace entente::detail
