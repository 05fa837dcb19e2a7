// The compiled form: lossless round trips, and a clear refusal of anything damaged.

#include <doctest/doctest.h>
#include <unistd.h>
#include <cstdint>
#include <cstring>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "entente/load/compiled.hpp"
#include "entente/load/embedded.hpp"
#include "entente/model/claim_index.hpp"
#include "entente/model/errors.hpp"
#include "entente/query/paths.hpp"
#include "entente/query/scenario.hpp"
#include "fixture.hpp"
#include "load/compiled_format.hpp"
#include "model/id_table.hpp"

namespace entente::test {

namespace {

LoadResult load_path(const std::filesystem::path& path) {
    std::vector<Diagnostic> diagnostics;
    auto files = read_dataset_path(path, diagnostics);
    REQUIRE(diagnostics.empty());
    return load_dataset(files);
}

// Compiles, reads back, and checks that nothing changed, down to the bytes of a recompile.
void require_round_trip(const LoadResult& loaded, const std::string& what) {
    INFO(what);
    REQUIRE(loaded.graph);
    const std::string bytes = to_compiled(*loaded.graph, loaded);
    CHECK(is_compiled(bytes));
    const LoadResult back = load_dataset({{"x.entente", bytes}});
    REQUIRE_MESSAGE(back.graph, located(back.diagnostics));
    CHECK(back.graph->data() == loaded.graph->data());
    CHECK(located(back.diagnostics) == located(loaded.diagnostics));
    CHECK(back.files == loaded.files);
    CHECK(back.omitted_warnings == loaded.omitted_warnings);
    CHECK(to_compiled(*back.graph, back) == bytes);
}

// A small compiled dataset.
std::string small_compiled() {
    const auto loaded = load_text(small_dataset);
    return to_compiled(*loaded.graph, loaded.diagnostics, loaded.files);
}

// The size of the blocks a compiled file is checked in: the directory's first field, after the
// 32-byte header.
std::size_t block_bytes(const std::string& bytes) {
    std::uint64_t size = 0;
    std::memcpy(&size, bytes.data() + 32, 8);  // little-endian, as the tests run
    return static_cast<std::size_t>(size);
}

std::string only_message(const LoadResult& result) {
    REQUIRE(result.diagnostics.size() == 1);
    CHECK_FALSE(result.graph);
    return format_diagnostic(result.diagnostics.front());
}

}  // namespace

TEST_CASE("compiled datasets round-trip losslessly, warnings and all") {
    const std::filesystem::path root = ENTENTE_SOURCE_DIR;
    const std::filesystem::path data = ENTENTE_TEST_DATA;
    require_round_trip(load_path(root / "data"), "curated dataset");
    require_round_trip(load_path(root / "examples" / "highland-tribes.json"), "highland tribes");
    require_round_trip(load_path(data / "good" / "escaping.json"), "escaping");
    const auto warned = load_path(data / "warn" / "duplicate-and-contradiction.json");
    REQUIRE(warned.warning_count() > 0);
    require_round_trip(warned, "warnings");
    require_round_trip(load_text(small_dataset), "aliases, holder, dates, assigned ids");
    LoadLimits capped;
    capped.max_similar_warnings = 0;
    std::vector<Diagnostic> unused;
    const auto summed = load_dataset(
        read_dataset_path(data / "warn" / "duplicate-and-contradiction.json", unused), capped);
    REQUIRE(summed.omitted_warnings > 0);
    require_round_trip(summed, "warnings summed up past the cap");
}

TEST_CASE("every claim is found by its id, whichever loader built the id table") {
    // The loaders hand the graph the claim-id table they checked uniqueness with, assigned ids
    // added; the graph's own constructor builds it. All three must find every claim.
    const auto loaded = load_text(small_dataset);
    REQUIRE(loaded.graph);
    const std::string bytes = small_compiled();
    const auto compiled = load_dataset({{"x.entente", bytes}});
    REQUIRE(compiled.graph);
    const KnowledgeGraph rebuilt(loaded.graph->data());
    // A table that cannot be one is not used but built again: the wrong size, an index past the
    // claims, more entries than claims (no empty slot would end a probe for a missing id).
    const auto right_size = detail::id_slot_count(4);
    const KnowledgeGraph wrong(loaded.graph->data(), std::vector<Index>(3, no_index));
    std::vector<Index> past(right_size, no_index);
    past[0] = 4;
    const KnowledgeGraph out_of_range(loaded.graph->data(), past);
    const KnowledgeGraph full(loaded.graph->data(), std::vector<Index>(right_size, 0));
    for (const KnowledgeGraph* kg :
         {&*loaded.graph, &*compiled.graph, &rebuilt, &wrong, &out_of_range, &full}) {
        const auto& claims = kg->data().claims;
        REQUIRE(claims.size() == 4);
        for (Index i = 0; i < claims.size(); ++i) {
            CHECK(kg->find_claim(claims[i].id) == i);
        }
        CHECK_THROWS_AS(kg->find_claim("c9"), UnknownNameError);
    }
    // A table that can be one is taken as it is: an empty one of the right size finds nothing.
    const KnowledgeGraph adopted(loaded.graph->data(), std::vector<Index>(right_size, no_index));
    CHECK_THROWS_AS(adopted.find_claim("c1"), UnknownNameError);
}

TEST_CASE("a compiled dataset is mapped, and only a wanted, regular, non-empty file") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("entente-test-mapped-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto write = [&](const char* name, const std::string& bytes) {
        std::ofstream(dir / name, std::ios::binary) << bytes;
        return dir / name;
    };
    const std::string bytes = small_compiled();
    const auto compiled = write("x.entente", bytes);
    const auto json = write("x.json", small_dataset);
    const auto empty = write("empty.entente", "");
    {
        auto mapped = MappedFile::map(compiled, bytes.size(), is_compiled);
        REQUIRE(mapped);
        CHECK(mapped->bytes() == bytes);
        // On a 2 MiB boundary, so that the page cache's large folios map whole, and every way
        // of reading alike.
        CHECK(reinterpret_cast<std::uintptr_t>(mapped->bytes().data()) % (2 << 20) == 0);
        const LoadResult result = from_compiled(mapped->bytes(), "x.entente");
        REQUIRE(result.graph);
        const LoadResult copied = load_dataset({{"x.entente", bytes}});
        REQUIRE(copied.graph);
        CHECK(result.graph->data() == copied.graph->data());
        // Read front to back and given back as it goes, the same tables come out, and the bytes
        // given back read the same afterwards.
        auto sequential =
            MappedFile::map(compiled, bytes.size(), is_compiled, MappedReading::sequential);
        REQUIRE(sequential);
        CHECK(reinterpret_cast<std::uintptr_t>(sequential->bytes().data()) % (2 << 20) == 0);
        const LoadResult released =
            from_compiled(sequential->bytes(), "x.entente", {}, &*sequential);
        REQUIRE(released.graph);
        CHECK(released.graph->data() == copied.graph->data());
        CHECK(sequential->bytes() == bytes);
        // Moved, the mapping stays with the new owner.
        MappedFile moved = std::move(*mapped);
        mapped.reset();
        CHECK(moved.bytes() == bytes);
    }
    // A NUL follows the bytes, also when the file fills its last page.
    for (const std::size_t size : {std::size_t{4096}, std::size_t{8192}, std::size_t{5000}}) {
        const auto padded =
            write("padded.json",
                  small_dataset + std::string(size - std::string(small_dataset).size(), ' '));
        auto all = MappedFile::map(
            padded, size, [](std::string_view) { return true; }, MappedReading::sequential);
        REQUIRE(all);
        REQUIRE(all->bytes().size() == size);
        CHECK(all->bytes().data()[size] == '\0');
        CHECK(
            load_dataset({{"padded.json", "", std::make_shared<const MappedFile>(std::move(*all))}})
                .graph);
    }
    // The NUL is ours: bytes appended to the file after it is mapped do not show through past
    // its end (they would in the file's own last page), so a parser scanning for the NUL stops.
    {
        const std::string cut = std::string(5000, ' ') + "{\"entente\": 1, \"actors\": [\"cut";
        const auto growing = write("growing.json", cut);
        auto before = MappedFile::map(
            growing, 1 << 20, [](std::string_view) { return true; }, MappedReading::sequential);
        REQUIRE(before);
        std::ofstream(growing, std::ios::binary | std::ios::app) << std::string(100, '\\');
        REQUIRE(before->bytes().size() == cut.size());
        CHECK(before->bytes().data()[cut.size()] == '\0');
        const LoadResult result = load_dataset(
            {{"growing.json", "", std::make_shared<const MappedFile>(std::move(*before))}});
        REQUIRE_FALSE(result.diagnostics.empty());
        CHECK(result.diagnostics.front().message ==
              "syntax error: missing a closing quotation mark in string");
    }
    CHECK_FALSE(MappedFile::map(json, 1 << 20, is_compiled));               // not wanted: JSON
    CHECK_FALSE(MappedFile::map(compiled, bytes.size() - 1, is_compiled));  // over the limit
    CHECK_FALSE(MappedFile::map(empty, 1 << 20, is_compiled));
    CHECK_FALSE(MappedFile::map(dir, 1 << 20, is_compiled));
    CHECK_FALSE(MappedFile::map(dir / "missing", 1 << 20, is_compiled));
    std::filesystem::remove_all(dir);
}

TEST_CASE("hypothetical claims survive compilation") {
    const auto loaded = load_text(small_dataset);
    Scenario scenario;
    scenario.assumptions = {"india supports pakistan"};
    const KnowledgeGraph what_if = apply_scenario(*loaded.graph, scenario);
    const std::string bytes = to_compiled(what_if, {}, 1);
    const auto back = from_compiled(bytes, "w.entente");
    REQUIRE(back.graph);
    CHECK(back.graph->data() == what_if.data());
    CHECK(back.graph->data().claims.back().hypothetical);
}

TEST_CASE("damaged compiled datasets are refused with a clear error") {
    const std::string good = small_compiled();

    SUBCASE("truncated") {
        CHECK(only_message(from_compiled(good.substr(0, 100), "t.entente")) ==
              "t.entente: error: damaged compiled dataset: the header announces " +
                  std::to_string(good.size() - 32) +
                  " bytes of data and the file holds 68 (truncated or appended to?)");
        CHECK(only_message(from_compiled(good.substr(0, 20), "t.entente")) ==
              "t.entente: error: not a compiled entente dataset (the file is too short for its "
              "header)");
    }
    SUBCASE("a changed byte") {
        std::string bytes = good;
        bytes[bytes.size() / 2] ^= 0x20;
        CHECK(only_message(from_compiled(bytes, "d.entente")) ==
              "d.entente: error: damaged compiled dataset: the checksum does not match its "
              "contents; compile it again from its JSON with `entente compile`");
    }
    SUBCASE("another format version") {
        std::string bytes = good;
        // Version 1 had fifteen built-in relations (abstains_on came in version 2); version 2
        // had no modality and no negation on claims, and no text files of sources (version 3);
        // version 3 had no claim weights (version 4); version 5 checked 16 KiB blocks, not 4 KiB
        // ones (version 6).
        bytes[12] = 2;
        CHECK(only_message(from_compiled(bytes, "v.entente")) ==
              "v.entente: error: compiled dataset of format version 2; this entente reads "
              "version 6: compile it again from its JSON with `entente compile`");
    }
    SUBCASE("bytes appended") {
        CHECK(only_message(from_compiled(good + "xx", "a.entente"))
                  .find("holds " + std::to_string(good.size() - 30)) != std::string::npos);
    }
    SUBCASE("a reference out of range, behind a valid checksum") {
        // Records are checked even when the checksum matches: the file may have been forged.
        const auto loaded = load_text(small_dataset);
        Dataset data = loaded.graph->data();
        data.claims[0].object = 9;
        const std::string bytes = to_compiled(KnowledgeGraph(Dataset(data)), {}, 1);
        // The graph above is built from an invalid table only to be encoded; decoding must
        // catch it.
        const std::string message = only_message(from_compiled(bytes, "f.entente"));
        CHECK(message.rfind("f.entente: error: damaged compiled dataset: a reference to actor 9 "
                            "of 4 at byte ",
                            0) == 0);
    }
    SUBCASE("dates no calendar has, behind a valid checksum") {
        // Found by fuzz_compiled: a forged year of two billion overflowed the date arithmetic
        // of the from-before-until rule. Parts out of any date's range are damage; parts in range
        // that make no calendar date are reported as a JSON file's would be.
        const auto loaded = load_text(small_dataset);
        auto forged = [&](Date from, Date until) {
            Dataset data = loaded.graph->data();
            data.claims[0].from = from;
            data.claims[0].until = until;
            return to_compiled(KnowledgeGraph(Dataset(data)), {}, 1);
        };
        const std::string huge =
            only_message(from_compiled(forged({32000, 1, 1}, {2019, 1, 1}), "y.entente"));
        CHECK(huge.rfind("y.entente: error: damaged compiled dataset: a date with year "
                         "32000, month 1, day 1 at byte ",
                         0) == 0);
        const std::string month =
            only_message(from_compiled(forged({2019, 200, 0}, {2019, 1, 1}), "m.entente"));
        CHECK(month.rfind("m.entente: error: damaged compiled dataset: a date with year 2019, "
                          "month 200, day 0 at byte ",
                          0) == 0);
        const auto february = from_compiled(forged({2019, 2, 30}, {2019, 1, 1}), "f.entente");
        CHECK_FALSE(february.graph);
        REQUIRE(!february.diagnostics.empty());
        CHECK(format_diagnostic(february.diagnostics.front())
                  .find("\"2019-02-30\" is not a calendar date") != std::string::npos);
    }
    SUBCASE("more records than the limit") {
        LoadLimits limits;
        limits.max_records = 3;
        CHECK(only_message(from_compiled(good, "r.entente", limits)) ==
              "r.entente: error: more than 3 records (sources, relations, actors and claims "
              "together); one command loads at most 3 (--max-records)");
    }
    SUBCASE("loaded together with other files") {
        const auto result = load_dataset({{"c.entente", good}, {"more.json", small_dataset}});
        CHECK(only_message(result) ==
              "c.entente: error: a compiled dataset is loaded on its own; to add files to it, "
              "compile them together (entente compile --data DATA --with FILE -o OUT)");
    }
}

TEST_CASE("a compiled dataset read in place gives what a full load gives") {
    const std::filesystem::path root = ENTENTE_SOURCE_DIR;
    const auto loaded = load_path(root / "data");
    REQUIRE(loaded.graph);
    const std::string bytes = to_compiled(*loaded.graph, loaded);
    OpenedView opened = CompiledView::open(bytes, "x.entente");
    REQUIRE_MESSAGE(opened.view, located(opened.diagnostics));
    const CompiledView& view = *opened.view;
    const Dataset& data = loaded.graph->data();
    CHECK(located(opened.diagnostics) == located(loaded.diagnostics));
    CHECK(view.claim_count() == data.claims.size());
    CHECK(view.tables().data().actors == data.actors);
    CHECK(view.tables().data().claims.empty());
    // The tally is what a scenario's modalities leave out, counted from the claims.
    ClaimTally expected;
    for (const Claim& c : data.claims) {
        (c.negated ? expected.negated
                   : expected.by_modality[static_cast<std::size_t>(c.modality)])++;
    }
    CHECK(view.tally().by_modality == expected.by_modality);
    CHECK(view.tally().negated == expected.negated);
    // The index read in place is the one built in memory.
    const ClaimIndex index(data);
    const auto mine = index.view();
    const auto theirs = view.index();
    REQUIRE(theirs.actors() == data.actors.size());
    for (Index a = 0; a < data.actors.size(); ++a) {
        for (const auto& [a_ends, b_ends] : {std::pair{mine.subject_of(a), theirs.subject_of(a)},
                                             std::pair{mine.object_of(a), theirs.object_of(a)}}) {
            view.check_entries(b_ends);
            REQUIRE(a_ends.size() == b_ends.size());
            for (std::size_t i = 0; i < a_ends.size(); ++i) {
                CHECK(a_ends[i].other == b_ends[i].other);
                CHECK(a_ends[i].claim == b_ends[i].claim);
                CHECK(a_ends[i].relation == b_ends[i].relation);
                CHECK(a_ends[i].flags == b_ends[i].flags);
            }
        }
    }
    // Every claim, in any order and repeated, gives the whole dataset back; a few give those.
    std::vector<Index> all;
    for (Index c = static_cast<Index>(data.claims.size()); c-- > 0;) {
        all.push_back(c);
        all.push_back(c);
    }
    const LoadResult whole = view.subset(all);
    REQUIRE_MESSAGE(whole.graph, located(whole.diagnostics));
    CHECK(whole.graph->data() == data);
    const LoadResult some = view.subset({7, 3});
    REQUIRE(some.graph);
    REQUIRE(some.graph->data().claims.size() == 2);
    CHECK(some.graph->data().claims[0] == data.claims[3]);
    CHECK(some.graph->data().claims[1] == data.claims[7]);
    // The subset's actors are the tables': a name finds the same actor in both.
    CHECK(some.graph->find_actor("Russia") == view.tables().find_actor("russia"));
    CHECK(some.graph->find_actor("moscow") == view.tables().find_actor("Russia"));
    const Claim& c = data.claims[5];
    CHECK(view.signed_weight(5) == data.relations[c.relation].polarity * c.confidence * c.weight);
}

TEST_CASE("damage in a compiled dataset read in place is found where it is read") {
    const std::string good = small_compiled();
    const auto [ends_at, ends_size] = detail::section_place(good, 7);  // claims by subject
    REQUIRE(ends_size == 4 * sizeof(ClaimEnd));
    const std::string again = "; compile it again from its JSON with `entente compile`";

    SUBCASE("a changed byte in a claim: the open succeeds, reading that claim fails") {
        // The curated dataset spans several blocks; one inside its claims is not read
        // when the file is opened.
        const std::filesystem::path root = ENTENTE_SOURCE_DIR;
        const auto loaded = load_path(root / "data");
        std::string bytes = to_compiled(*loaded.graph, loaded);
        const std::size_t data_start = detail::section_place(bytes, 0).first;
        const auto [claims_at, claims_size] = detail::section_place(bytes, 4);
        const std::size_t block = (claims_at - data_start) / block_bytes(bytes) + 1;
        const std::size_t at = data_start + block * block_bytes(bytes);
        REQUIRE(at + block_bytes(bytes) <= claims_at + claims_size);
        bytes[at] ^= 0x01;
        OpenedView opened = CompiledView::open(bytes, "d.entente");
        REQUIRE_MESSAGE(opened.view, located(opened.diagnostics));
        CHECK(opened.view->subset({0}).graph);
        std::vector<Index> all(opened.view->claim_count());
        std::iota(all.begin(), all.end(), Index{0});
        CHECK(only_message(opened.view->subset(all)) ==
              "d.entente: error: damaged compiled dataset: block " + std::to_string(block) +
                  " (bytes " + std::to_string(at) + " to " +
                  std::to_string(at + (block_bytes(bytes) - 1)) + ") does not match its checksum" +
                  again);
        CHECK(only_message(from_compiled(bytes, "d.entente")) ==
              "d.entente: error: damaged compiled dataset: the checksum does not match its "
              "contents" +
                  again);
    }
    SUBCASE("a changed byte in the index: the open succeeds, the search that reads it fails") {
        // Enough claims for the claims-by-subject entries to fill blocks of their own.
        Dataset data;
        const auto builtins = builtin_relations();
        data.relations.assign(builtins.begin(), builtins.end());
        for (Index a = 0; a < 60; ++a) {
            data.actors.push_back(
                Actor{"a" + std::to_string(a), "A", ActorKind::state, {}, no_index, ""});
        }
        data.sources.push_back(Source{"s", "S", "", "", std::nullopt, "", "", ""});
        std::mt19937 rng(7);
        for (Index i = 0; i < 3000; ++i) {
            Claim c;
            c.id = "c" + std::to_string(i);
            c.subject = static_cast<Index>(rng() % 60);
            c.object = static_cast<Index>((c.subject + 1 + rng() % 59) % 60);
            c.relation = static_cast<Index>(rng() % builtins.size());
            c.source = 0;
            data.claims.push_back(c);
        }
        std::string bytes = to_compiled(KnowledgeGraph(std::move(data)), {}, 1);
        const std::size_t data_start = detail::section_place(bytes, 0).first;
        const auto [at, size] = detail::section_place(bytes, 7);
        // The last block wholly inside: entries of the last actors, which a search from a0
        // reaches only once its frontier has grown.
        const std::size_t block = (at + size - data_start) / block_bytes(bytes) - 1;
        REQUIRE(data_start + block * block_bytes(bytes) >= at);
        bytes[data_start + block * block_bytes(bytes) + 100] ^= 0x01;
        OpenedView opened = CompiledView::open(bytes, "d.entente");
        REQUIRE_MESSAGE(opened.view, located(opened.diagnostics));
        const CompiledView& view = *opened.view;
        const PathFinder finder(view.path_data(0xffff), PathOptions{});
        std::size_t answered = 0;
        std::size_t refused = 0;
        for (Index to = 1; to < 60; ++to) {
            try {
                answered += finder.find(0, to).size();
            } catch (const DataError& e) {
                ++refused;
                CHECK(std::string(e.what()) ==
                      "d.entente: damaged compiled dataset: block " + std::to_string(block) +
                          " (bytes " + std::to_string(data_start + block * block_bytes(bytes)) +
                          " to " +
                          std::to_string(data_start + block * block_bytes(bytes) +
                                         (block_bytes(bytes) - 1)) +
                          ") does not match its checksum" + again);
            }
        }
        // Every search from a0 meets the damaged entries once its frontier grows past a few
        // actors; a0's neighbours are found before that.
        CHECK(refused > 0);
        CHECK(answered > 0);
    }
    SUBCASE("a changed byte in the directory") {
        std::string bytes = good;
        bytes[40] ^= 0x01;  // the directory's count of sections
        CHECK(format_diagnostic(CompiledView::open(bytes, "d.entente").diagnostics.at(0)) ==
              "d.entente: error: damaged compiled dataset: the checksum of its directory does "
              "not match" +
                  again);
    }
    SUBCASE("an index entry out of range, behind valid checksums") {
        std::string bytes = good;
        bytes[ends_at] = 99;  // the first entry's other actor
        bytes = detail::resealed(bytes);
        OpenedView opened = CompiledView::open(bytes, "f.entente");
        REQUIRE(opened.view);
        const ClaimEnd first = opened.view->index().as_subject[0];
        try {
            opened.view->check_entries(opened.view->index().as_subject);
            FAIL("no error");
        } catch (const DataError& e) {
            CHECK(std::string(e.what()) ==
                  "f.entente: damaged compiled dataset: an index entry (actor 99, claim " +
                      std::to_string(first.claim) + ", relation " + std::to_string(first.relation) +
                      ", flags " + std::to_string(first.flags) + ") out of range at byte " +
                      std::to_string(ends_at) + again);
        }
        CHECK(only_message(from_compiled(bytes, "f.entente")) ==
              "f.entente: error: damaged compiled dataset: its claim index does not match its "
              "claims" +
                  again);
    }
    SUBCASE("an index that lists a claim at the wrong end, behind valid checksums") {
        // The first two entries by subject name different claims: swapped, each claim is listed
        // under the other's subject or object.
        std::string bytes = good;
        OpenedView before = CompiledView::open(bytes, "f.entente");
        REQUIRE(before.view);
        const auto ends = before.view->index().as_subject;
        Index moved = no_index;
        for (std::size_t i = 1; i < ends.size(); ++i) {
            if (ends[i].other != ends[0].other) {
                moved = ends[0].claim;
                // Swap the claim numbers of entries 0 and i.
                std::string first = bytes.substr(ends_at + 4, 4);
                std::string other = bytes.substr(ends_at + 16 * i + 4, 4);
                bytes.replace(ends_at + 4, 4, other);
                bytes.replace(ends_at + 16 * i + 4, 4, first);
                break;
            }
        }
        REQUIRE(moved != no_index);
        bytes = detail::resealed(bytes);
        OpenedView opened = CompiledView::open(bytes, "f.entente");
        REQUIRE(opened.view);
        CHECK(only_message(opened.view->subset({moved})) ==
              "f.entente: error: damaged compiled dataset: claim " + std::to_string(moved) +
                  " that the claim index does not list at its ends");
    }
    SUBCASE("a claim's record, found only when read") {
        // A forged claim with a reference past the actors: the open does not read the claims;
        // reading that one refuses it.
        const auto loaded = load_text(small_dataset);
        Dataset data = loaded.graph->data();
        data.claims[2].source = 9;
        const std::string bytes = to_compiled(KnowledgeGraph(Dataset(data)), {}, 1);
        OpenedView opened = CompiledView::open(bytes, "f.entente");
        REQUIRE(opened.view);
        CHECK(opened.view->subset({0, 1}).graph);
        CHECK(only_message(opened.view->subset({2}))
                  .rfind("f.entente: error: damaged compiled dataset: a reference to source 9 of ",
                         0) == 0);
        CHECK_THROWS_AS(opened.view->signed_weight(2), DataError);
        CHECK_THROWS_AS(opened.view->signed_weight(4), DataError);  // past the claims
    }
}

TEST_CASE("every truncation of a compiled dataset is an error, never a crash") {
    const std::string good = small_compiled();
    for (std::size_t size = 32; size < good.size(); ++size) {
        // The header is made to agree with the cut, and the checksum is not checked, so that
        // each cut reaches the record decoder.
        const auto result =
            detail::decode_compiled(detail::with_matching_length(good.substr(0, size)), "t", false);
        CHECK_MESSAGE(!result.graph, "cut at ", size);
        CHECK(result.error_count() == 1);
    }
    CHECK(detail::decode_compiled(detail::with_matching_length(good), "t", false).graph);
}

}  // namespace entente::test
