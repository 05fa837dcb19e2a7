// The streaming loader against the thorough one: wherever the fast path answers, it must give
// exactly what the thorough loader gives, and it must answer for every valid file we ship.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "load/fast_loader.hpp"

namespace entente::test {

namespace {

std::vector<InputFile> read(const std::filesystem::path& path) {
    std::vector<Diagnostic> diagnostics;
    auto files = read_dataset_path(path, diagnostics);
    REQUIRE_MESSAGE(diagnostics.empty(), path.string());
    return files;
}

// Same graph (every table, record by record) and the same diagnostics, positions included.
void require_same(const LoadResult& fast, const LoadResult& thorough, const std::string& what) {
    INFO(what);
    REQUIRE(fast.files == thorough.files);
    CHECK(fast.omitted_warnings == thorough.omitted_warnings);
    REQUIRE(fast.graph.has_value() == thorough.graph.has_value());
    if (fast.graph) {
        CHECK(fast.graph->data() == thorough.graph->data());
    }
    CHECK(located(fast.diagnostics) == located(thorough.diagnostics));
}

// The invariant the fuzz target also checks: a fast answer equals the thorough one, and a file
// with errors never gets a fast answer.
bool agrees(const std::vector<InputFile>& files, const LoadLimits& limits = {}) {
    const auto fast = detail::fast_load(files, limits);
    const auto thorough = detail::thorough_load(files, limits);
    if (!fast) {
        return true;
    }
    return thorough.error_count() == 0 && fast->graph->data() == thorough.graph->data() &&
           fast->omitted_warnings == thorough.omitted_warnings &&
           located(fast->diagnostics) == located(thorough.diagnostics);
}

}  // namespace

TEST_CASE("the fast loader answers for every valid file we ship, exactly as the thorough one") {
    const std::filesystem::path root = ENTENTE_SOURCE_DIR;
    const std::filesystem::path data = ENTENTE_TEST_DATA;
    std::vector<std::filesystem::path> inputs = {
        root / "data", root / "examples" / "highland-tribes.json", data / "good" / "dir"};
    for (const auto* dir : {"good", "warn"}) {
        for (const auto& entry : std::filesystem::directory_iterator(data / dir)) {
            if (entry.path().extension() == ".json") {
                inputs.push_back(entry.path());
            }
        }
    }
    for (const auto& path : inputs) {
        auto files = read(path);
        if (path.filename() == "extra.json") {
            // It adds to the curated dataset (as --with does) and names actors from it.
            auto curated = read(root / "data");
            files.insert(files.begin(), curated.begin(), curated.end());
        }
        const auto fast = detail::fast_load(files);
        REQUIRE_MESSAGE(fast.has_value(), path.string());
        require_same(*fast, detail::thorough_load(files), path.string());
    }
    // The warning corpus really does reach the shared warning code through the fast path.
    const auto warned = detail::fast_load(read(data / "warn" / "duplicate-and-contradiction.json"));
    REQUIRE(warned);
    CHECK(warned->warning_count() > 0);
}

TEST_CASE("the fast loader declines every file with an error") {
    const std::filesystem::path bad = std::filesystem::path(ENTENTE_TEST_DATA) / "bad";
    for (const auto& entry : std::filesystem::directory_iterator(bad)) {
        if (entry.path().extension() == ".expected") {
            continue;
        }
        std::vector<Diagnostic> diagnostics;
        const auto files = read_dataset_path(entry.path(), diagnostics);
        if (files.empty()) {
            continue;
        }
        INFO(entry.path().string());
        CHECK_FALSE(detail::fast_load(files).has_value());
        CHECK(detail::thorough_load(files).error_count() > 0);
    }
}

TEST_CASE("fast and thorough loaders agree on every one-byte deletion and change of a dataset") {
    const std::string text = small_dataset;
    std::size_t fast_answers = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::string deleted = text;
        deleted.erase(i, 1);
        CHECK_MESSAGE(agrees({{"t.json", deleted}}), "deleting byte ", i);
        // Letters become digits and punctuation becomes a quote: both change meaning and types.
        std::string changed = text;
        changed[i] = std::isalpha(static_cast<unsigned char>(text[i])) ? '7' : '"';
        CHECK_MESSAGE(agrees({{"t.json", changed}}), "changing byte ", i);
        fast_answers += detail::fast_load({{"t.json", deleted}}).has_value();
    }
    // Whitespace and optional text can go without harm: some variants must still load fast.
    CHECK(fast_answers > 100);
}

TEST_CASE("the fast loader resolves references to records in a later file") {
    const std::vector<InputFile> files = {
        {"claims.json", R"({"entente": 1, "actors": [], "claims": [
            {"subject": "a", "relation": "allies", "object": "b", "source": "s"}]})"},
        {"rest.json", R"({"entente": 1,
            "sources": [{"id": "s", "title": "T", "publisher": "P"}],
            "relations": [{"id": "allies", "label": "allies", "polarity": 1, "symmetric": true}],
            "actors": [{"id": "a", "name": "A", "kind": "state"},
                       {"id": "b", "name": "B", "kind": "group"}],
            "claims": []})"}};
    const auto fast = detail::fast_load(files);
    REQUIRE(fast);
    require_same(*fast, detail::thorough_load(files), "two files");
    const Claim& c = fast->graph->data().claims.at(0);
    CHECK(fast->graph->actor(c.object).id == "b");
    CHECK(c.asserted_by == "P");
    CHECK(c.id_assigned);
}

TEST_CASE("the fast loader keeps to the load limits, or leaves the file to the thorough one") {
    const std::vector<InputFile> small = {{"t.json", small_dataset}};
    std::vector<LoadLimits> tight(6);
    tight[0].max_bytes = 500;
    tight[1].max_records = 5;
    tight[2].max_name_length = 6;
    tight[3].max_text_length = 12;
    tight[4].max_similar_warnings = 0;
    tight[5].max_name_length = 1;
    for (std::size_t i = 0; i < tight.size(); ++i) {
        CHECK_MESSAGE(agrees(small, tight[i]), "limits ", i);
    }
    // A limit the data breaks is an error, so the fast path must have declined.
    CHECK_FALSE(detail::fast_load(small, tight[1]).has_value());
    CHECK(detail::thorough_load(small, tight[1]).error_count() > 0);
    // Warnings past the cap are summed up the same way on both paths.
    const auto warn = read(std::filesystem::path(ENTENTE_TEST_DATA) / "warn" /
                           "duplicate-and-contradiction.json");
    const auto fast = detail::fast_load(warn, tight[4]);
    REQUIRE(fast);
    CHECK(fast->omitted_warnings > 0);
    require_same(*fast, detail::thorough_load(warn, tight[4]), "warnings capped at 0");
}

}  // namespace entente::test
