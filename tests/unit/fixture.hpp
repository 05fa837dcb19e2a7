#pragma once
// A small dataset shared by the unit tests, and helpers to load JSON text.

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "entente/load/loader.hpp"

namespace entente::test {

/// Three states, a position held by one of them, and claims in both directions.
inline const char* const small_dataset = R"({
  "entente": 1,
  "sources": [{"id": "src", "title": "A source", "author": "An Author", "date": "2024-05-22"}],
  "actors": [
    {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["Moscow", "Russian Federation"]},
    {"id": "pakistan", "name": "Pakistan", "kind": "state", "aliases": ["Islamabad"]},
    {"id": "india", "name": "India", "kind": "state", "aliases": ["New Delhi", "Bhārat"]},
    {"id": "jk", "name": "India's position on Jammu & Kashmir", "kind": "position", "holder": "india"}
  ],
  "claims": [
    {"id": "c1", "subject": "russia", "relation": "supports", "object": "jk", "source": "src",
     "quote": "Russia supports it.", "asserted_by": "An Author"},
    {"id": "c2", "subject": "pakistan", "relation": "opposes", "object": "jk", "source": "src",
     "confidence": 0.8},
    {"subject": "russia", "relation": "cooperates_with", "object": "pakistan", "source": "src",
     "from": "2019", "until": "2024-05"},
    {"subject": "india", "relation": "pressures", "object": "russia", "source": "src"}
  ]
})";

/// Loads one in-memory file named `name`.
inline LoadResult load_text(const std::string& text, const std::string& name = "test.json") {
    return load_dataset({InputFile{name, text}});
}

/// Loads a dataset file (or directory) that must be valid.
inline KnowledgeGraph load_file(const char* path) {
    std::vector<Diagnostic> diagnostics;
    auto result = load_dataset(read_dataset_path(path, diagnostics));
    REQUIRE_MESSAGE(diagnostics.empty(), path);
    REQUIRE_MESSAGE(result.graph, path);
    return std::move(*result.graph);
}

/// Lines joined with newlines, so a failed comparison prints readably.
inline std::string lines(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += item + "\n";
    }
    return out;
}

/// The formatted diagnostics of a load, one line each.
inline std::string messages(const LoadResult& result) {
    std::vector<std::string> out;
    for (const auto& d : result.diagnostics) {
        out.push_back(format_diagnostic(d));
    }
    return lines(out);
}

/// Diagnostics one per line, each with its JSON pointer, so that two loads compare completely.
inline std::string located(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) {
        out.push_back(format_diagnostic(d) + " [" + d.pointer + "]");
    }
    return lines(out);
}

}  // namespace entente::test
