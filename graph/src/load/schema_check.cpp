#include "load/schema_check.hpp"

#include <rapidjson/pointer.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <map>
#include <memory>
#include <string_view>

#include "entente/load/loader.hpp"
#include "entente/model/text.hpp"
#include "load/json_document.hpp"

namespace entente::detail {

namespace {

using rapidjson::Value;

// One schema (as a JSON document) and the RapidJSON schema compiled from it.
struct CompiledSchema {
    rapidjson::Document json;
    std::unique_ptr<rapidjson::SchemaDocument> schema;
};

// A part of the dataset schema: the whole record, and each property on its own so that one bad
// field does not hide the next (RapidJSON 1.1 stops at a record's first violation).
struct Part {
    CompiledSchema whole;
    const Value* definition = nullptr;  // the part's schema object, inside whole.json
    std::map<std::string, CompiledSchema, std::less<>> properties;
};

// Builds a schema document that is a copy of `base` whose root refers to `target`.
CompiledSchema compile(const rapidjson::Document& base, const std::string& target) {
    CompiledSchema out;
    out.json.CopyFrom(base, out.json.GetAllocator());
    if (!target.empty()) {
        out.json.RemoveMember("$ref");
        Value ref(target.c_str(), static_cast<rapidjson::SizeType>(target.size()),
                  out.json.GetAllocator());
        out.json.AddMember("$ref", ref, out.json.GetAllocator());
    }
    out.schema = std::make_unique<rapidjson::SchemaDocument>(out.json);
    return out;
}

class Schemas {
  public:
    Schemas() {
        rapidjson::Document full;
        full.Parse(dataset_schema().data(), dataset_schema().size());
        // The root is checked shallowly: its arrays' records are checked one by one below.
        rapidjson::Document shallow;
        shallow.CopyFrom(full, shallow.GetAllocator());
        for (auto& property : shallow["properties"].GetObject()) {
            property.value.RemoveMember("items");
        }
        build(SchemaPart::root, shallow, "#");
        build(SchemaPart::source, full, "#/definitions/source");
        build(SchemaPart::relation, full, "#/definitions/relation");
        build(SchemaPart::actor, full, "#/definitions/actor");
        build(SchemaPart::claim, full, "#/definitions/claim");
    }
    const Part& part(SchemaPart p) const { return parts_[static_cast<std::size_t>(p)]; }

  private:
    void build(SchemaPart p, const rapidjson::Document& base, const std::string& target) {
        Part& part = parts_[static_cast<std::size_t>(p)];
        part.whole = compile(base, target == "#" ? "" : target);
        part.definition = rapidjson::Pointer(target.substr(1).c_str()).Get(part.whole.json);
        for (const auto& property : (*part.definition)["properties"].GetObject()) {
            const std::string name = property.name.GetString();
            part.properties.emplace(name,
                                    compile(base, target + "/properties/" + pointer_token(name)));
        }
    }
    Part parts_[5];
};

const Schemas& schemas() {
    static const Schemas instance;
    return instance;
}

std::string type_phrase(std::string_view type) {
    if (type == "string")
        return "a string";
    if (type == "number")
        return "a number";
    if (type == "integer")
        return "an integer";
    if (type == "boolean")
        return "true or false";
    if (type == "array")
        return "an array";
    if (type == "object")
        return "an object";
    return std::string(type);
}

std::string expected_phrase(const Value& fragment) {
    if (fragment.IsObject()) {
        if (const auto it = fragment.FindMember("x-expected");
            it != fragment.MemberEnd() && it->value.IsString()) {
            return it->value.GetString();
        }
        if (const auto it = fragment.FindMember("type");
            it != fragment.MemberEnd() && it->value.IsString()) {
            return type_phrase(it->value.GetString());
        }
    }
    return "a value the schema allows";
}

std::string join_pointer(const std::string& prefix, const rapidjson::Pointer& relative) {
    rapidjson::StringBuffer buffer;
    relative.Stringify(buffer);
    return prefix + buffer.GetString();
}

// The decomposed checks on an object: missing and unknown fields, from the schema's own lists.
void check_fields(const Part& part, const Value& value, const std::string& pointer,
                  std::vector<SchemaIssue>& issues) {
    const Value& definition = *part.definition;
    if (const auto required = definition.FindMember("required");
        required != definition.MemberEnd()) {
        for (const auto& field : required->value.GetArray()) {
            if (!value.HasMember(field)) {
                issues.push_back(
                    {&value, pointer,
                     "missing required field \"" + std::string(field.GetString()) + "\""});
            }
        }
    }
    std::vector<std::string> known;
    for (const auto& property : definition["properties"].GetObject()) {
        known.emplace_back(property.name.GetString());
    }
    for (const auto& member : value.GetObject()) {
        const std::string name = member.name.GetString();
        if (part.properties.count(name) != 0) {
            continue;
        }
        std::string message = "unknown field \"" + name + "\"";
        if (const auto near = nearest_names(name, known, 1); !near.empty()) {
            message += "; did you mean \"" + near.front() + "\"?";
        }
        issues.push_back({&member.name, pointer + "/" + pointer_token(name), message});
    }
}

// Turns one RapidJSON violation into a message.
void report(const rapidjson::SchemaValidator& validator, const rapidjson::Document& schema_json,
            const Value& checked, const std::string& pointer, std::vector<SchemaIssue>& issues) {
    const rapidjson::Pointer doc_pointer = validator.GetInvalidDocumentPointer();
    const Value* at = doc_pointer.Get(checked);
    if (at == nullptr) {
        at = &checked;
    }
    const Value* fragment = validator.GetInvalidSchemaPointer().Get(schema_json);
    const std::string keyword = validator.GetInvalidSchemaKeyword();
    const std::string where = join_pointer(pointer, doc_pointer);
    std::string message;
    if (keyword == "type" || keyword == "enum" || keyword == "pattern" || keyword == "minLength") {
        message =
            "expected " +
            (fragment ? expected_phrase(*fragment) : std::string("a value the schema allows")) +
            ", got " + describe_value(*at);
        if (keyword == "enum" && at->IsString() && fragment && fragment->HasMember("enum")) {
            std::vector<std::string> allowed;
            for (const auto& option : (*fragment)["enum"].GetArray()) {
                if (option.IsString()) {
                    allowed.emplace_back(option.GetString());
                }
            }
            if (const auto near = nearest_names(at->GetString(), allowed, 1); !near.empty()) {
                message += "; did you mean \"" + near.front() + "\"?";
            }
        }
    } else {
        message = "violates the schema's \"" + keyword + "\" rule";
    }
    issues.push_back({at, where, message});
}

}  // namespace

std::string describe_value(const Value& value) {
    switch (value.GetType()) {
        case rapidjson::kNullType:
            return "null";
        case rapidjson::kFalseType:
            return "false";
        case rapidjson::kTrueType:
            return "true";
        case rapidjson::kObjectType:
            return "an object";
        case rapidjson::kArrayType:
            return "an array";
        case rapidjson::kStringType: {
            std::string_view text(value.GetString(), value.GetStringLength());
            std::string shown;
            // Cut long strings on a character boundary so the message stays valid UTF-8.
            std::size_t chars = 0;
            std::size_t cut = text.size();
            for (std::size_t i = 0; i < text.size(); ++i) {
                if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == 40) {
                    cut = i;
                    break;
                }
            }
            shown = std::string(text.substr(0, cut));
            return "\"" + shown + (cut < text.size() ? "...\"" : "\"");
        }
        case rapidjson::kNumberType: {
            rapidjson::StringBuffer buffer;
            rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
            value.Accept(writer);
            return "a number (" + std::string(buffer.GetString()) + ")";
        }
    }
    return "a value";
}

namespace {

// RapidJSON 1.1.0's schema validator hashes every number it checks against an enum by casting
// it to a 64-bit integer (schema.h:180), which is undefined behaviour past +-2^63 (a fuzzer
// found `"polarity": 1e30`). The validator therefore sees such numbers clamped to +-9e18: no
// bound or enum of our schema comes near them, so no answer changes, and messages still show
// the number as written, since they describe the original value.
class ClampedNumbers {
  public:
    explicit ClampedNumbers(rapidjson::SchemaValidator& to) : to_(to) {}
    bool Null() { return to_.Null(); }
    bool Bool(bool b) { return to_.Bool(b); }
    bool Int(int i) { return to_.Int(i); }
    bool Uint(unsigned u) { return to_.Uint(u); }
    bool Int64(std::int64_t i) { return to_.Int64(i); }
    bool Uint64(std::uint64_t u) { return to_.Uint64(u); }
    bool Double(double d) {
        constexpr double bound = 9e18;
        return to_.Double(d > bound ? bound : d < -bound ? -bound : d);
    }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
        return to_.RawNumber(s, n, copy);
    }
    bool String(const char* s, rapidjson::SizeType n, bool copy) { return to_.String(s, n, copy); }
    bool StartObject() { return to_.StartObject(); }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) { return to_.Key(s, n, copy); }
    bool EndObject(rapidjson::SizeType n) { return to_.EndObject(n); }
    bool StartArray() { return to_.StartArray(); }
    bool EndArray(rapidjson::SizeType n) { return to_.EndArray(n); }

  private:
    rapidjson::SchemaValidator& to_;
};

// Runs `validator` over `value`, numbers clamped as above.
void validate(rapidjson::SchemaValidator& validator, const Value& value) {
    ClampedNumbers clamped(validator);
    value.Accept(clamped);
}

}  // namespace

bool check_schema(SchemaPart which, const Value& value, const std::string& pointer,
                  std::vector<SchemaIssue>& issues) {
    const Part& part = schemas().part(which);
    rapidjson::SchemaValidator whole(*part.whole.schema);
    validate(whole, value);
    if (whole.IsValid()) {
        return true;
    }
    if (!value.IsObject()) {
        report(whole, part.whole.json, value, pointer, issues);
        return false;
    }
    const std::size_t before = issues.size();
    check_fields(part, value, pointer, issues);
    for (const auto& member : value.GetObject()) {
        const auto it = part.properties.find(std::string_view(member.name.GetString()));
        if (it == part.properties.end()) {
            continue;
        }
        rapidjson::SchemaValidator field(*it->second.schema);
        validate(field, member.value);
        if (!field.IsValid()) {
            report(field, it->second.json, member.value,
                   pointer + "/" + pointer_token(member.name.GetString()), issues);
        }
    }
    // Should a rule on the record as a whole fail that no field check sees, report it as is.
    if (issues.size() == before) {
        report(whole, part.whole.json, value, pointer, issues);
    }
    return false;
}

}  // namespace entente::detail
