#pragma once
// Internal: validates dataset records with the JSON Schema, reporting every problem per record.

#include <rapidjson/document.h>

#include <string>
#include <vector>

namespace entente::detail {

/// Which part of the schema a value is checked against.
enum class SchemaPart { root, source, relation, actor, claim };

/// One schema violation, located at a value or member name of the checked document.
struct SchemaIssue {
    const rapidjson::Value* at = nullptr;  ///< The value (or member name) to point at.
    std::string pointer;                   ///< JSON pointer of that value.
    std::string message;                   ///< What is wrong and what was expected.
};

/// Checks `value` (found at `pointer`) against one part of the dataset schema. The root part
/// checks only the top level; records are checked one at a time so each reports its own
/// problems. Returns true when valid; otherwise appends at least one issue.
bool check_schema(SchemaPart part, const rapidjson::Value& value, const std::string& pointer,
                  std::vector<SchemaIssue>& issues);

/// A short description of a JSON value for messages: "a number (17)", "\"Russia\"", "null".
std::string describe_value(const rapidjson::Value& value);

}  // namespace entente::detail
