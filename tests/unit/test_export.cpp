// Interchange formats and atomic writes.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <sys/wait.h>
#include <unistd.h>

#include <functional>

#include "entente/export/atomic_write.hpp"
#include "entente/export/csv.hpp"
#include "entente/export/dataset_json.hpp"
#include "entente/export/graphml.hpp"
#include "entente/model/errors.hpp"
#include "entente/model/text.hpp"
#include "entente/query/selection.hpp"
#include "export/atomic_write_hooks.hpp"
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
          ENTENTE_SOURCE_DIR "/examples/highland-tribes.json",
          ENTENTE_SOURCE_DIR "/data"}) {  // modality and negation
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
            CHECK(x.modality == y.modality);
            CHECK(x.negated == y.negated);
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
    CHECK(nodes.rfind("id,name,kind,aliases,holder,note\r\n", 0) == 0);
    CHECK(nodes.find("quote,\"The \"\"Quoted\"\" State\",state,,,\r\n") != std::string::npos);
    CHECK(nodes.find("lines,\"First line\nSecond line\",person,,,") != std::string::npos);
    CHECK(edges.find("e1,quote,html,supports,") != std::string::npos);
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

TEST_CASE("starts_formula: what a spreadsheet would run, and numbers it would not") {
    for (const char* formula :
         {"=1+1", "=HYPERLINK(\"http://evil.example/\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)",
          "\tx", "\rx", "-", "+", "-e5", "-1e", "+.", "-1.2.3", "-cmd|' /C calc'!A0"}) {
        CAPTURE(formula);
        CHECK(starts_formula(formula));
        CHECK(neutralise_formula(formula) == std::string("'") + formula);
    }
    for (const char* plain : {"", "x=1", "1+1", "-1", "+0.5", "-.5", "-1e-3", "+2E+10", "-0",
                              "'=already", " =spaced"}) {
        CAPTURE(plain);
        CHECK_FALSE(starts_formula(plain));
        CHECK(neutralise_formula(plain) == plain);
    }
}

TEST_CASE("xml_carryable: what XML 1.0 forbids becomes U+FFFD, counted") {
    std::size_t replaced = 0;
    CHECK(xml_carryable("plain \t\n\r text, \xC3\xBC\xE2\x80\x94", replaced) ==
          "plain \t\n\r text, \xC3\xBC\xE2\x80\x94");
    CHECK(replaced == 0);
    CHECK(xml_carryable("a\x01"
                        "b\x1F"
                        "c",
                        replaced) ==
          "a\xEF\xBF\xBD"
          "b\xEF\xBF\xBD"
          "c");
    CHECK(replaced == 2);
    // U+FFFE and U+FFFF are noncharacters XML 1.0 excludes; U+FFFD and U+FFFC stay.
    CHECK(xml_carryable("\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD\xEF\xBF\xBC", replaced) ==
          "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBC");
    CHECK(replaced == 4);
}

TEST_CASE("CSV shapes: plain, Kumu and Neo4j headers, neutralised formulas, separators") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/hostile-text.json");
    const Selection all = select(kg, {});
    auto first_line = [](const std::string& s) { return s.substr(0, s.find("\r\n")); };

    CsvReport plain_report;
    const auto [plain_nodes, plain_edges] = to_csv(kg, all, {}, &plain_report);
    CHECK(first_line(plain_nodes) == "id,name,kind,aliases,holder,note");
    CHECK(first_line(plain_edges) ==
          "claim,subject,object,relation,label,polarity,symmetric,confidence,weight,source,"
          "source_title,source_author,source_publisher,source_date,source_url,quote,"
          "asserted_by,from,until,modality,negated,hypothetical,note");
    CHECK(plain_nodes.find("\r\nformula,'=1+1,state,,,\r\n") != std::string::npos);
    CHECK(plain_nodes.find("\r\nc,\"Carriage\rReturn\tTab\",state,,,'+1+1\r\n") !=
          std::string::npos);
    // A "|" inside an alias cannot split it: U+00A6 stands in, counted.
    CHECK(plain_nodes.find(",X\xC2\xA6"
                           "Y|C;D|-E,") != std::string::npos);
    // Numbers stay numbers: polarity -1 is not a formula.
    CHECK(plain_edges.find("\r\nh4,formula,lines,opposes,opposes,-1,false,1,1,s,") !=
          std::string::npos);
    // Neutralised: a name and a note of actors; the source's title and author in each of the 5
    // claims' rows; h1's quote and asserted_by, the other claims' asserted_by (the source's
    // author, "@SUM(...)"); h3's note.
    CHECK(plain_report.neutralised == 2 + 5 * 2 + 2 + 4 + 1);
    CHECK(plain_report.replaced == 1);

    CsvOptions raw;
    raw.raw = true;
    CsvReport raw_report;
    const auto raw_files = to_csv(kg, all, raw, &raw_report);
    CHECK(raw_files.first.find("\r\nformula,=1+1,state,,,\r\n") != std::string::npos);
    CHECK(raw_report.neutralised == 0);

    CsvOptions kumu;
    kumu.shape = CsvShape::kumu;
    const auto [elements, connections] = to_csv(kg, all, kumu);
    CHECK(first_line(elements) == "ID,Label,Type,Description,Aliases,Holder");
    CHECK(first_line(connections) ==
          "ID,From,To,Type,Direction,Polarity,Confidence,Weight,Source,Quote,Asserted by,From "
          "date,Until date,Modality,Negated,Hypothetical");
    CHECK(connections.find("\r\nh1,a,b-c,rivals,mutual,-1,1,") != std::string::npos);
    CHECK(connections.find("\r\nh2,a-b,c,supports,directed,1,0.3,") != std::string::npos);

    CsvOptions neo4j;
    neo4j.shape = CsvShape::neo4j;
    CsvReport neo4j_report;
    const auto [neo_nodes, neo_edges] = to_csv(kg, all, neo4j, &neo4j_report);
    CHECK(first_line(neo_nodes) == "id:ID,name,kind,aliases:string[],holder,note,:LABEL");
    CHECK(first_line(neo_edges) ==
          ":START_ID,:END_ID,:TYPE,claim,relation,label,symmetric:boolean,polarity:int,"
          "confidence:double,weight:double,source,source_title,quote,asserted_by,from,until,"
          "modality,negated:boolean,hypothetical:boolean,note");
    // ";" is the importer's array delimiter: U+037E stands in for one inside an alias.
    CHECK(neo_nodes.find(",X|Y;C\xCD\xBE"
                         "D;-E,") != std::string::npos);
    CHECK(neo4j_report.replaced == 1);
    CHECK(neo_edges.find("\r\nformula,lines,OPPOSES,h4,opposes,opposes,false,-1,1,1,s,") !=
          std::string::npos);
}

TEST_CASE("GraphML: CR and tab as references, forbidden characters replaced, mixed edges") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/hostile-text.json");
    GraphmlReport report;
    const std::string mixed = to_graphml(kg, select(kg, {}), {}, &report);
    CHECK(mixed.find("edgedefault=\"directed\"") != std::string::npos);
    CHECK(mixed.find("Carriage&#13;Return&#9;Tab") != std::string::npos);
    CHECK(mixed.find('\r') == std::string::npos);
    CHECK(mixed.find("Alpha\xEF\xBF\xBD"
                     "Control") != std::string::npos);
    // Alpha's U+0001, a-b's U+FFFE and U+FFFF, h1's BEL, repeated nowhere else.
    CHECK(report.replaced == 4);
    CHECK(mixed.find("<edge id=\"h1\" source=\"a\" target=\"b-c\" directed=\"false\">") !=
          std::string::npos);
    CHECK(mixed.find("<edge id=\"h2\" source=\"a-b\" target=\"c\">") != std::string::npos);
    CHECK(mixed.find("<data key=\"e_source_publisher\">Pipes | and ; semicolons</data>") !=
          std::string::npos);

    GraphmlOptions directed;
    directed.mixed = false;
    const std::string one_way = to_graphml(kg, select(kg, {}), directed);
    CHECK(one_way.find("directed=\"false\"") == std::string::npos);

    SelectOptions symmetric;
    symmetric.relations = {kg.find_relation("rivals"), kg.find_relation("hostile_to")};
    const std::string undirected = to_graphml(kg, select(kg, symmetric));
    CHECK(undirected.find("edgedefault=\"undirected\"") != std::string::npos);
    CHECK(undirected.find("directed=\"false\"") == std::string::npos);
}

namespace {

// The names in a directory, sorted.
std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// Restores the production behaviour whatever a test does.
struct StepHook {
    explicit StepHook(std::function<void(std::string_view)> hook) {
        detail::atomic_write_step = std::move(hook);
    }
    ~StepHook() { detail::atomic_write_step = nullptr; }
    StepHook(const StepHook&) = delete;
    StepHook& operator=(const StepHook&) = delete;
};

}  // namespace

TEST_CASE("a set of files is replaced together or not at all, whichever step fails") {
    const auto dir = scratch("atomic-set");
    const auto nodes = dir / "x-nodes.csv";
    const auto edges = dir / "x-edges.csv";
    write_files_atomically({{nodes, "old nodes"}, {edges, "old edges"}});
    for (const char* failing :
         {"written", "named 0", "named 1", "kept 0", "kept 1", "replaced 0", "replaced 1"}) {
        CAPTURE(failing);
        {
            StepHook hook([&](std::string_view step) {
                if (step == failing) {
                    throw IoError("injected failure at " + std::string(step));
                }
            });
            CHECK_THROWS_WITH_AS(
                write_files_atomically({{nodes, "new nodes"}, {edges, "new edges"}}),
                (std::string("injected failure at ") + failing).c_str(), IoError);
        }
        CHECK(read(nodes) == "old nodes");
        CHECK(read(edges) == "old edges");
        CHECK(listing(dir) == std::vector<std::string>{"x-edges.csv", "x-nodes.csv"});
    }
    // A set whose files did not exist: a failure leaves none of them.
    {
        StepHook hook([](std::string_view step) {
            if (step == "replaced 0") {
                throw IoError("injected");
            }
        });
        CHECK_THROWS_AS(write_files_atomically({{dir / "new-a", "a"}, {dir / "new-b", "b"}}),
                        IoError);
    }
    CHECK(listing(dir) == std::vector<std::string>{"x-edges.csv", "x-nodes.csv"});
    // A real failure to rename the second: a directory stands where it goes.
    fs::create_directories(dir / "y-edges.csv");
    write_file_atomically(dir / "y-nodes.csv", "old y");
    CHECK_THROWS_WITH_AS(
        write_files_atomically({{dir / "y-nodes.csv", "new y"}, {dir / "y-edges.csv", "e"}}),
        doctest::Contains("y-edges.csv: cannot replace: Is a directory"), IoError);
    CHECK(read(dir / "y-nodes.csv") == "old y");
    CHECK(listing(dir) ==
          std::vector<std::string>{"x-edges.csv", "x-nodes.csv", "y-edges.csv", "y-nodes.csv"});
    fs::remove_all(dir);
}

TEST_CASE("a write killed at any step leaves whole files, and the next write sweeps up") {
    const auto dir = scratch("atomic-kill");
    const auto nodes = dir / "x-nodes.csv";
    const auto edges = dir / "x-edges.csv";
    for (const char* killed_at :
         {"written", "named 0", "named 1", "kept 0", "kept 1", "replaced 0", "replaced 1"}) {
        CAPTURE(killed_at);
        write_files_atomically({{nodes, "old nodes"}, {edges, "old edges"}});
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            // The child dies at that step as a kill would take it: no cleanup, no unwinding.
            detail::atomic_write_step = [&](std::string_view step) {
                if (step == killed_at) {
                    ::_exit(9);
                }
            };
            try {
                write_files_atomically({{nodes, "new nodes"}, {edges, "new edges"}});
            } catch (...) {
                ::_exit(3);
            }
            ::_exit(0);
        }
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 9);
        // Each file is whole, old or new; only a kill between the two renames mixes them.
        const std::string n = read(nodes);
        const std::string e = read(edges);
        CHECK((n == "old nodes" || n == "new nodes"));
        CHECK((e == "old edges" || e == "new edges"));
        if (std::string(killed_at) != "replaced 0") {
            CHECK((n == "old nodes") == (e == "old edges"));
        }
        // The next write of those files removes what the dead process left.
        write_files_atomically({{nodes, "next nodes"}, {edges, "next edges"}});
        CHECK(listing(dir) == std::vector<std::string>{"x-edges.csv", "x-nodes.csv"});
        CHECK(read(nodes) == "next nodes");
    }
    fs::remove_all(dir);
}
