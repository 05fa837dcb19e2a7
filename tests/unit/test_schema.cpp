// The reader's one table of the format against graph/schema/dataset.schema.json, the file other
// tools validate datasets with: the same tables, fields, types, required keys, patterns and
// messages.

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "entente/load/loader.hpp"
#include "load/schema.hpp"

namespace entente::test {

namespace {

using rapidjson::Value;

std::string str(const Value& v) {
    REQUIRE(v.IsString());
    return {v.GetString(), v.GetStringLength()};
}

std::vector<std::string> strings(const Value& array) {
    std::vector<std::string> out;
    for (const auto& v : array.GetArray()) {
        out.push_back(str(v));
    }
    return out;
}

// What the schema must say for a field of this kind.
void check_property(const Value& property, detail::ValueKind kind, const std::string& where) {
    using K = detail::ValueKind;
    INFO(where);
    auto ref = [&](const char* target) {
        REQUIRE(property.HasMember("$ref"));
        CHECK(str(property["$ref"]) == target);
    };
    switch (kind) {
        case K::id:
            ref("#/definitions/id");
            return;
        case K::name:
        case K::long_text:
            ref("#/definitions/text");
            return;
        case K::date:
            ref("#/definitions/date");
            return;
        case K::note:
            CHECK(str(property["type"]) == "string");
            CHECK(std::string(detail::expected(kind)) == "a string");
            return;
        case K::boolean:
            CHECK(str(property["type"]) == "boolean");
            CHECK(std::string(detail::expected(kind)) == "true or false");
            return;
        case K::weight:
            CHECK(str(property["type"]) == "number");
            CHECK(property["minimum"].GetDouble() == 0.0);
            CHECK(str(property["x-expected"]) == detail::expected(kind));
            return;
        case K::confidence:
            CHECK(str(property["type"]) == "number");
            CHECK(str(property["x-expected"]) == detail::expected(kind));
            return;
        case K::aliases:
            CHECK(str(property["type"]) == "array");
            CHECK(str(property["items"]["$ref"]) == "#/definitions/text");
            return;
        case K::polarity: {
            std::vector<int> values;
            for (const auto& v : property["enum"].GetArray()) {
                values.push_back(v.GetInt());
            }
            CHECK(values == std::vector<int>{-1, 0, 1});
            CHECK(str(property["x-expected"]) == detail::expected(kind));
            return;
        }
        case K::actor_kind: {
            std::vector<std::string> kinds;
            for (ActorKind k : all_actor_kinds) {
                kinds.emplace_back(to_string(k));
            }
            CHECK(strings(property["enum"]) == kinds);
            CHECK(str(property["x-expected"]) == detail::expected(kind));
            return;
        }
        case K::modality: {
            std::vector<std::string> names;
            for (Modality m : all_modalities) {
                names.emplace_back(to_string(m));
            }
            CHECK(strings(property["enum"]) == names);
            CHECK(str(property["x-expected"]) == detail::expected(kind));
            return;
        }
    }
    FAIL("a kind without a schema counterpart");
}

}  // namespace

TEST_CASE("the reader's table of the format says what the JSON Schema says") {
    rapidjson::Document schema;
    schema.Parse(dataset_schema().data(), dataset_schema().size());
    REQUIRE_FALSE(schema.HasParseError());
    const Value& definitions = schema["definitions"];

    // The root: the version and the four tables, which are arrays of their records.
    CHECK(strings(schema["required"]) ==
          std::vector<std::string>(std::begin(detail::required_root_members),
                                   std::end(detail::required_root_members)));
    std::vector<std::string> members;
    for (const auto& m : schema["properties"].GetObject()) {
        members.push_back(str(m.name));
    }
    std::vector<std::string> expected_members = {std::string(detail::version_member)};
    for (const auto& table : detail::table_specs()) {
        expected_members.emplace_back(table.name);
        const Value& property = schema["properties"][std::string(table.name).c_str()];
        CHECK(str(property["type"]) == "array");
        CHECK(str(property["items"]["$ref"]) == "#/definitions/" + std::string(table.singular));
    }
    CHECK(members == expected_members);
    const Value& version = schema["properties"]["entente"];
    REQUIRE(version["enum"].Size() == 1);
    CHECK(version["enum"][0].GetInt() == detail::format_version);
    CHECK(str(version["x-expected"]) == detail::expected_version());

    // Each table: its fields in order, their kinds, and the required ones.
    for (const auto& table : detail::table_specs()) {
        INFO(table.name);
        const Value& def = definitions[std::string(table.singular).c_str()];
        CHECK(str(def["type"]) == "object");
        CHECK(def["additionalProperties"].IsFalse());
        std::vector<std::string> names;
        for (const auto& p : def["properties"].GetObject()) {
            names.push_back(str(p.name));
        }
        std::vector<std::string> fields;
        std::vector<std::string> required;
        for (const auto& f : table.fields) {
            fields.emplace_back(f.name);
            if (f.required) {
                required.emplace_back(f.name);
            }
            check_property(def["properties"][std::string(f.name).c_str()], f.kind,
                           std::string(table.name) + "." + std::string(f.name));
        }
        CHECK(names == fields);
        CHECK(strings(def["required"]) == required);
    }

    // The shared definitions: patterns and their messages.
    CHECK(str(definitions["id"]["x-expected"]) == detail::expected(detail::ValueKind::id));
    CHECK(str(definitions["text"]["x-expected"]) == detail::expected(detail::ValueKind::name));
    CHECK(definitions["text"]["minLength"].GetInt() == 1);
    CHECK(str(definitions["date"]["x-expected"]) == detail::expected(detail::ValueKind::date));

    // The hand-written matchers agree with the schema's regular expressions on every string of
    // up to five characters over an alphabet that reaches every branch of both patterns.
    const std::regex id(str(definitions["id"]["pattern"]), std::regex::ECMAScript);
    const std::regex date(str(definitions["date"]["pattern"]), std::regex::ECMAScript);
    const std::string alphabet = "a9-_.A ";
    std::vector<std::string> level = {""};
    std::size_t checked = 0;
    for (int length = 0; length <= 5; ++length) {
        std::vector<std::string> next;
        for (const auto& s : level) {
            CHECK_MESSAGE(detail::is_id(s) == std::regex_search(s, id), "\"", s, "\"");
            ++checked;
            for (char c : alphabet) {
                next.push_back(s + c);
            }
        }
        level = std::move(next);
    }
    CHECK(checked > 19'000);
    for (const std::string s :
         {"2024", "2024-05", "2024-05-22", "2024-5", "202", "20245", "2024-05-2", "2024-05-222",
          "2024/05", "x024", "2024-0a", "", "2024-05-22x", "12345678901"}) {
        CHECK_MESSAGE(detail::is_date_shaped(s) == std::regex_search(s, date), "\"", s, "\"");
    }
}

}  // namespace entente::test

TEST_CASE("same_text agrees with == on every length up to 40 and every place of a difference") {
    // The compare reads words from both ends; the strings sit inside longer buffers whose
    // neighbouring bytes differ, so a read past either end would show.
    std::string left(64, 'x');
    std::string right(64, 'y');
    int compared = 0;
    for (std::size_t n = 0; n <= 40; ++n) {
        for (std::size_t i = 0; i < n; ++i) {
            left[8 + i] = static_cast<char>('a' + i % 26);
            right[8 + i] = left[8 + i];
        }
        const std::string_view a(left.data() + 8, n);
        const std::string_view b(right.data() + 8, n);
        CAPTURE(n);
        CHECK(entente::detail::same_text(a, b));
        ++compared;
        for (std::size_t at = 0; at < n; ++at) {
            CAPTURE(at);
            right[8 + at] = static_cast<char>(right[8 + at] ^ 0x20);
            CHECK_FALSE(entente::detail::same_text(a, b));
            CHECK_FALSE(entente::detail::same_text(b, a));
            right[8 + at] = left[8 + at];
            ++compared;
        }
        if (n > 0) {
            CHECK_FALSE(entente::detail::same_text(a, std::string_view(right.data() + 8, n - 1)));
        }
    }
    CHECK(compared == 41 + 40 * 41 / 2);
}
