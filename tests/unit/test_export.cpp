// Interchange formats and atomic writes.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "entente/export/atomic_write.hpp"
#include "entente/export/csv.hpp"
#include "entente/export/dataset_json.hpp"
#include "entente/export/graphml.hpp"
#include "entente/model/errors.hpp"
#include "entente/query/selection.hpp"
#include "fixture.hpp"

using namespace entente;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A fresh empty directory for one test.
fs::path scratch(const std::string& name) {
    const auto dir = fs::temp_directory_path() / ("entente-test-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

}  // namespace

TEST_CASE("JSON export loads back with nothing lost, and exports identically again") {
    for (const char* path :
         {ENTENTE_TEST_DATA "/good/queries.json", ENTENTE_TEST_DATA "/good/escaping.json",
          ENTENTE_SOURCE_DIR "/examples/highland-tribes.json"}) {
        CAPTURE(path);
        const KnowledgeGraph kg = test::load_file(path);
        const std::string once = to_dataset_json(kg, select(kg, {}));
        const auto back = test::load_text(once, "export.json");
        REQUIRE(back.diagnostics.empty());
        REQUIRE(back.graph);
        const Dataset& a = kg.data();
        const Dataset& b = back.graph->data();
        REQUIRE(a.claims.size() == b.claims.size());
        CHECK(a.actors.size() == b.actors.size());
        CHECK(a.sources.size() == b.sources.size());  // uncited sources too
        CHECK(a.relations.size() == b.relations.size());
        for (std::size_t i = 0; i < a.claims.size(); ++i) {
            const Claim& x = a.claims[i];
            const Claim& y = b.claims[i];
            CHECK(x.id == y.id);
            CHECK(kg.actor(x.subject).id == back.graph->actor(y.subject).id);
            CHECK(kg.relation(x.relation).id == back.graph->relation(y.relation).id);
            CHECK(kg.actor(x.object).id == back.graph->actor(y.object).id);
            CHECK(kg.source(x.source).title == back.graph->source(y.source).title);
            CHECK(x.quote == y.quote);
            CHECK(x.asserted_by == y.asserted_by);
            CHECK(x.confidence == y.confidence);
            CHECK(x.from == y.from);
            CHECK(x.until == y.until);
            CHECK(x.note == y.note);
        }
        for (std::size_t i = 0; i < a.actors.size(); ++i) {
            CHECK(a.actors[i].name == b.actors[i].name);
            CHECK(a.actors[i].aliases == b.actors[i].aliases);
            CHECK(a.actors[i].kind == b.actors[i].kind);
        }
        CHECK(to_dataset_json(*back.graph, select(*back.graph, {})) == once);
    }
}

TEST_CASE("a focused export keeps the holders its positions need") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    SelectOptions options;
    options.focus = kg.find_actor("b");
    options.depth = 1;
    const Selection s = select(kg, options);
    // b's neighbours: a, d, p, q (and b itself); p's holder c is outside the ego network.
    CHECK(s.actors.size() == 5);
    const auto back = test::load_text(to_dataset_json(kg, s));
    REQUIRE(back.graph);
    CHECK(back.graph->actor(back.graph->find_actor("p")).holder == back.graph->find_actor("c"));
}

TEST_CASE("selection by kind and relation") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    SelectOptions options;
    options.kind = ActorKind::state;
    options.relations = {kg.find_relation("cooperates_with")};
    const Selection s = select(kg, options);
    CHECK(s.actors.size() == 4);
    REQUIRE(s.claims.size() == 2);
    CHECK(kg.claim(s.claims[0]).id == "q3");
    CHECK(kg.claim(s.claims[1]).id == "q7");
}

TEST_CASE("GraphML and CSV escape what they must") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/escaping.json");
    const std::string graphml = to_graphml(kg, select(kg, {}));
    CHECK(graphml.find("The &quot;Quoted&quot; State") != std::string::npos);
    CHECK(graphml.find("Smith &amp; Sons &lt;Holdings&gt;") != std::string::npos);
    CHECK(graphml.find("&lt;b&gt;not bold&lt;/b&gt;") != std::string::npos);
    CHECK(graphml.find("<b>") == std::string::npos);
    const auto [nodes, edges] = to_csv(kg, select(kg, {}));
    CHECK(nodes.rfind("id:ID,Label,Type,:LABEL,Aliases,Holder,Description\r\n", 0) == 0);
    CHECK(nodes.find("quote,\"The \"\"Quoted\"\" State\",state,State,,,\r\n") != std::string::npos);
    CHECK(nodes.find("lines,\"First line\nSecond line\",person,Person") != std::string::npos);
    CHECK(edges.find("quote,html,SUPPORTS,") != std::string::npos);
    CHECK(edges.find("\"He said \"\"yes\"\" & <meant> it \\ truly\nthen left.\"") !=
          std::string::npos);
}

TEST_CASE("atomic writes: the new file appears whole, and nothing is left on failure") {
    const auto dir = scratch("atomic");
    const auto target = dir / "out.txt";
    write_file_atomically(target, "first");
    CHECK(read(target) == "first");
    write_file_atomically(target, "second, longer");
    CHECK(read(target) == "second, longer");
    // A target that is a directory cannot be replaced: an error, and no temporary file left.
    fs::create_directories(dir / "taken");
    CHECK_THROWS_AS(write_file_atomically(dir / "taken", "x"), IoError);
    // A directory that does not exist: an error naming the path.
    CHECK_THROWS_WITH_AS(write_file_atomically(dir / "missing" / "out.txt", "x"),
                         doctest::Contains("missing/out.txt: cannot create a temporary file"),
                         IoError);
    // Two files: neither replaced if the second cannot be written.
    CHECK_THROWS_AS(write_files_atomically({{target, "third"}, {dir / "missing" / "b", "x"}}),
                    IoError);
    CHECK(read(target) == "second, longer");
    std::size_t entries = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        (void)entry;
        ++entries;
    }
    CHECK(entries == 2);  // out.txt and taken/, no temporaries
    // A new file gets 0666 less the process's umask, as any file the user creates would.
    const mode_t old_mask = ::umask(027);
    write_file_atomically(dir / "fresh.txt", "x");
    ::umask(old_mask);
    struct stat st {};
    REQUIRE(::stat((dir / "fresh.txt").c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640);
    fs::remove_all(dir);
}
