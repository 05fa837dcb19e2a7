// Importing signed edge lists: import_edges on hand cases of each reader (CSV/TSV, Pajek, GraphML),
// what becomes what (actors, relations by sign, notes, sources), and every bad line located.

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "entente/import/edges.hpp"

namespace entente::test {

namespace {

struct File {
    std::string name;
    std::string text;
    EdgeFormat format;
    char delimiter = ',';
};

EdgeImportResult import(const std::vector<File>& files, const EdgeImportOptions& options = {}) {
    std::vector<std::istringstream> streams;
    streams.reserve(files.size());
    std::vector<EdgeInput> inputs;
    for (const auto& f : files) {
        streams.emplace_back(f.text);
        EdgeInput input;
        input.name = f.name;
        input.stream = &streams.back();
        input.size = f.text.size();
        input.format = f.format;
        input.delimiter = f.delimiter;
        inputs.push_back(input);
    }
    return import_edges(inputs, options);
}

// "subject relation object" of every claim, by actor id.
std::vector<std::string> claims_of(const Dataset& d) {
    std::vector<std::string> out;
    for (const auto& c : d.claims) {
        out.push_back(d.actors[c.subject].id + " " + d.relations[c.relation].id + " " +
                      d.actors[c.object].id);
    }
    return out;
}

std::vector<std::string> messages(const EdgeImportResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) {
        out.push_back(format_diagnostic(d));
    }
    return out;
}

}  // namespace

TEST_CASE("import_edges: a CSV edge list, signs by value, names as slugs") {
    const auto r = import({{"dir/signed.csv",
                            "from,to,polarity\n\"Republic of A\",B,-2\nB,C,1\nC,\"Republic of "
                            "A\",+1\nC,D,0\nD,D,1\n",
                            EdgeFormat::csv}},
                          [] {
                              EdgeImportOptions o;
                              o.source_column = "from";
                              o.target_column = "to";
                              o.sign_column = "polarity";
                              return o;
                          }());
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.dataset);
    const Dataset& d = *r.dataset;
    REQUIRE(d.actors.size() == 4);
    CHECK(d.actors[0].id == "republic-of-a");
    CHECK(d.actors[0].name == "Republic of A");
    CHECK(d.actors[0].aliases.empty());
    CHECK(d.actors[0].kind == ActorKind::state);
    CHECK(claims_of(d) == std::vector<std::string>{"republic-of-a hostile_to b",
                                                   "b cooperates_with c",
                                                   "c cooperates_with republic-of-a"});
    CHECK(d.claims[0].id == "republic-of-a.b");
    CHECK(d.claims[0].note == "value -2 (dir/signed.csv:2)");
    CHECK(d.claims[2].note == "value 1 (dir/signed.csv:4)");
    REQUIRE(d.sources.size() == 1);
    CHECK(d.sources[0].title == "signed.csv");
    CHECK(d.sources[0].id == "signed-csv");
    CHECK(d.claims[0].asserted_by == "signed.csv");
    CHECK(d.claims[0].source == 0);
    CHECK(r.positive == 2);
    CHECK(r.negative == 1);
    CHECK(r.zero == 1);
    CHECK(r.loops == 1);
    CHECK(r.arcs == 0);
}

TEST_CASE("import_edges: TSV with a weight column, directed, relations and names chosen") {
    EdgeImportOptions o;
    o.directed = true;
    o.dataset_name = "Hand case";
    o.actor_kind = ActorKind::group;
    o.positive_arc = "allied_with";
    o.negative_arc = "rivals";
    const auto r = import(
        {{"w.tsv", "source\ttarget\tweight\nA\tB\t-0.5\nB\tA\t3\n", EdgeFormat::csv, '\t'}}, o);
    REQUIRE(r.dataset);
    CHECK(claims_of(*r.dataset) == std::vector<std::string>{"a rivals b", "b allied_with a"});
    CHECK(r.dataset->claims[0].note == "value -0.5 (w.tsv:2)");
    CHECK(r.dataset->sources[0].title == "Hand case");
    CHECK(r.dataset->actors[0].kind == ActorKind::group);
    CHECK(r.arcs == 2);
}

TEST_CASE("import_edges: parallel edges make one claim each, with distinct ids") {
    const auto r =
        import({{"p.csv", "source,target,sign\nA,B,1\nA,B,-1\nB,A,1\n", EdgeFormat::csv}});
    REQUIRE(r.dataset);
    REQUIRE(r.dataset->claims.size() == 3);
    CHECK(r.dataset->claims[0].id == "a.b");
    CHECK(r.dataset->claims[1].id == "a.b-2");
    CHECK(r.dataset->claims[2].id == "b.a");
}

TEST_CASE("import_edges: every bad CSV row, located") {
    const auto r =
        import({{"bad.csv", "source,target,sign\nA,B,1\nA,,1\n,B,-1\nA,B,many\nA,B\nA,B,nan\n",
                 EdgeFormat::csv}});
    CHECK_FALSE(r.dataset);
    CHECK(messages(r) ==
          std::vector<std::string>{
              "bad.csv:3:3: error: empty target: every edge needs both ends",
              "bad.csv:4:1: error: empty source: every edge needs both ends",
              "bad.csv:5:5: error: value \"many\" is not a number (the sign of an edge: 1, -1, or "
              "any signed number)",
              "bad.csv:6:1: error: the row has 2 fields, the header 3",
              "bad.csv:7:5: error: value \"nan\" is not a number (the sign of an edge: 1, -1, or "
              "any signed number)"});
    const auto none = import({{"x.csv", "a,b,c\n1,2,3\n", EdgeFormat::csv}});
    CHECK(messages(none) ==
          std::vector<std::string>{
              "x.csv:1:1: error: no column \"source\" in the header (it has \"a\", \"b\", \"c\"); "
              "name it with --source-column",
              "x.csv:1:1: error: no column \"target\" in the header (it has \"a\", \"b\", \"c\"); "
              "name it with --target-column",
              "x.csv:1:1: error: no column \"sign\" or \"weight\" in the header (it has \"a\", "
              "\"b\", \"c\"); name the column holding the sign with --sign-column or "
              "--weight-column"});
    CHECK(messages(import({{"e.csv", "", EdgeFormat::csv}})) ==
          std::vector<std::string>{"e.csv: error: empty file: no header line"});
}

TEST_CASE("import_edges: Pajek, labels, sections, values and drawing parameters") {
    const std::string net =
        "% comment\r\n*Network Hand case\r\n*Vertices 5\r\n1 \"North Land\" 0.1 0.2 0.5 box ic "
        "Red\r\n2 South\r\n3 \"East\"\r\n5 \"West\"\r\n*Arcs\r\n1 2 2.5\r\n2 1 -1 c Blue\r\n3 3 "
        "1\r\n*Edges :1 \"ties\"\r\n1 3 -3\r\n2 3 0\r\n4 5\r\n2 5 w 2\r\n*Arcslist\r\n5 1 3\r\n";
    const auto r = import({{"mixed.net", net, EdgeFormat::pajek}});
    REQUIRE(messages(r).empty());
    REQUIRE(r.dataset);
    const Dataset& d = *r.dataset;
    REQUIRE(d.actors.size() == 5);
    CHECK(d.actors[0].id == "north-land");
    CHECK(d.actors[0].aliases == std::vector<std::string>{"1"});
    CHECK(d.actors[3].id == "4");  // no line: named by its number, no alias
    CHECK(d.actors[3].name == "4");
    CHECK(d.actors[3].aliases.empty());
    CHECK(claims_of(d) ==
          std::vector<std::string>{"north-land supports south", "south opposes north-land",
                                   "north-land hostile_to east", "4 cooperates_with west",
                                   "south cooperates_with west", "west supports north-land",
                                   "west supports east"});
    CHECK(d.claims[0].note == "value 2.5 (mixed.net:9)");
    CHECK(d.sources[0].title == "Hand case");
    CHECK(r.zero == 1);
    CHECK(r.loops == 1);
    CHECK(r.arcs == 4);
}

TEST_CASE("import_edges: every bad Pajek line, located") {
    const std::string net =
        "*Arcs\n1 2\n*Vertices 3\n1 \"One\"\n1 \"Again\"\n4 \"Four\"\n2 \"Two\n*Edges\n1 2 "
        "+x\n1 9 -1\nx 2 1\n3\n2 3 1e999\n*Matrix\n0 1\n*Partition\n";
    const auto r = import({{"bad.net", net, EdgeFormat::pajek}});
    CHECK_FALSE(r.dataset);
    CHECK(messages(r) ==
          std::vector<std::string>{
              "bad.net:1:1: error: an edge section before *Vertices; the vertices come first",
              "bad.net:5:1: error: vertex 1 is described twice (first on line 4)",
              "bad.net:6:1: error: vertex \"4\" is not a vertex number from 1 to 3 (*Vertices 3)",
              "bad.net:7:3: error: a quoted label never closed on its line",
              "bad.net:9:5: error: value \"+x\" is not a number",
              "bad.net:10:3: error: vertex \"9\" is not a vertex number from 1 to 3 (*Vertices 3)",
              "bad.net:11:1: error: vertex \"x\" is not a vertex number from 1 to 3 (*Vertices 3)",
              "bad.net:12:1: error: an edge needs two vertex numbers (and an optional value): \"1 "
              "2 -1\"",
              "bad.net:13:5: error: value \"1e999\" is not a number",
              "bad.net:14:1: error: *Matrix is not read; write the network as *Arcs or *Edges "
              "(Pajek: File > Network > Save, or networkx.write_pajek)",
              "bad.net:16:1: error: unknown section \"*Partition\"; a network file has *Network, "
              "*Vertices, *Arcs, *Edges, *Arcslist and *Edgeslist (partitions and vectors are "
              "separate files)"});
    CHECK(messages(import({{"n.net", "% nothing\n", EdgeFormat::pajek}})) ==
          std::vector<std::string>{"n.net: error: no *Vertices line: not a Pajek network"});
    // Told for each file, whatever the files before it held.
    CHECK(messages(import({{"e.csv", "", EdgeFormat::csv}, {"n.net", "", EdgeFormat::pajek}})) ==
          std::vector<std::string>{"e.csv: error: empty file: no header line",
                                   "n.net: error: no *Vertices line: not a Pajek network"});
    CHECK(messages(import({{"l.net", "*Vertices 1\n1 \"Caf\xE9\"\n", EdgeFormat::pajek}})).size() ==
          1);
}

TEST_CASE("import_edges: GraphML keys, labels, directedness and defaults") {
    const std::string graphml = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="v_name" for="node" attr.name="name" attr.type="string"/>
  <key id="e_sign" for="edge" attr.name="sign" attr.type="int"><default>-1</default></key>
  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="undirected">
    <edge source="n1" target="n0"><data key="e_sign">1</data><data key="e_weight">-5</data></edge>
    <node id="n0"><data key="v_name">Alpha &amp; Co</data></node>
    <node id="n1"><data key="v_name">Beta</data></node>
    <node id="Gamma"/>
    <edge source="n0" target="Gamma"/>
    <edge source="Gamma" target="n1" directed="true"><data key="e_sign">2</data></edge>
  </graph>
</graphml>
)";
    const auto r = import({{"g.graphml", graphml, EdgeFormat::graphml}});
    REQUIRE(messages(r).empty());
    REQUIRE(r.dataset);
    const Dataset& d = *r.dataset;
    REQUIRE(d.actors.size() == 3);
    CHECK(d.actors[0].name == "Alpha & Co");
    CHECK(d.actors[0].id == "alpha-and-co");
    CHECK(d.actors[0].aliases == std::vector<std::string>{"n0"});
    CHECK(d.actors[2].id == "gamma");
    CHECK(d.actors[2].aliases.empty());
    // The sign attribute first; its default fills the edge without one.
    CHECK(claims_of(d) == std::vector<std::string>{"beta cooperates_with alpha-and-co",
                                                   "alpha-and-co hostile_to gamma",
                                                   "gamma supports beta"});
    CHECK(d.claims[0].note == "value 1 (g.graphml:7)");
    EdgeImportOptions weight;
    weight.sign_attribute = "weight";
    const auto w = import({{"g.graphml", graphml, EdgeFormat::graphml}}, weight);
    CHECK(messages(w) == std::vector<std::string>{
                             "g.graphml:11:5: error: the edge has no \"weight\" value and its key "
                             "gives no default",
                             "g.graphml:12:5: error: the edge has no \"weight\" value and its key "
                             "gives no default"});
}

TEST_CASE("import_edges: vertices of the same name in two files are one actor") {
    const auto r =
        import({{"a.net", "*Vertices 2\n1 \"A\"\n2 \"B\"\n*Edges\n1 2 1\n", EdgeFormat::pajek},
                {"b.csv", "source,target,sign\nB,C,-1\n", EdgeFormat::csv}});
    REQUIRE(r.dataset);
    CHECK(r.dataset->actors.size() == 3);
    CHECK(claims_of(*r.dataset) ==
          std::vector<std::string>{"a cooperates_with b", "b hostile_to c"});
    REQUIRE(r.dataset->sources.size() == 2);
    CHECK(r.dataset->claims[1].source == 1);
    CHECK(r.dataset->claims[1].asserted_by == "b.csv");
    // Vertex numbers of two files would be ambiguous aliases: dropped from both.
    const auto two = import({{"a.net", "*Vertices 1\n1 \"A\"\n", EdgeFormat::pajek},
                             {"b.net", "*Vertices 1\n1 \"B\"\n", EdgeFormat::pajek}});
    REQUIRE(two.dataset);
    CHECK(two.dataset->actors[0].aliases.empty());
    CHECK(two.dataset->actors[1].aliases.empty());
}

TEST_CASE("import_edges: every bad GraphML element located, XML errors at line and column") {
    const std::string bad = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="edge" attr.name="sign" attr.type="int"/>
  <graph edgedefault="undirected">
    <node id="a"/>
    <node id="a"/>
    <edge id="e1" source="a" target="c"><data key="d0">1</data></edge>
    <edge id="e2" source="a" target="a"><data key="d0">plus</data></edge>
    <hyperedge/>
  </graph>
</graphml>
)";
    CHECK(messages(import({{"bad.graphml", bad, EdgeFormat::graphml}})) ==
          std::vector<std::string>{
              "bad.graphml:6:5: error: node \"a\" is declared twice",
              "bad.graphml:7:5: error: edge target \"c\" is not a node of the graph",
              "bad.graphml:8:5: error: edge \"e2\": \"sign\" \"plus\" is not a number",
              "bad.graphml:9:5: error: a hyperedge is not read; entente's claims join two actors"});
    CHECK(messages(import({{"m.graphml", "<graphml>\n  <graph>\n  <node id=\"a\">\n</graph>",
                            EdgeFormat::graphml}})) ==
          std::vector<std::string>{"m.graphml:4:3: error: not well-formed XML: mismatched tag"});
    CHECK(messages(import({{"u.graphml",
                            "<graphml><key id=\"k\" for=\"edge\" attr.name=\"strength\"/><graph>"
                            "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" "
                            "target=\"b\"/></graph></graphml>",
                            EdgeFormat::graphml}})) ==
          std::vector<std::string>{
              "u.graphml:1:55: error: no edge attribute \"sign\" or \"weight\" is declared (<key "
              "for=\"edge\" attr.name=...>; the edges have \"strength\"); name the one holding "
              "the sign with --sign-attribute"});
    CHECK(messages(import({{"x.graphml", "<graphml/>", EdgeFormat::graphml}})) ==
          std::vector<std::string>{"x.graphml: error: no <graph> element: not a GraphML file"});
}

TEST_CASE("import_edges: every prefix of each hand case gives a dataset or located errors") {
    // A file cut anywhere (a download broken off) must neither crash nor pass a half-read edge
    // silently: the result is a dataset, or diagnostics and no dataset.
    const std::vector<File> files = {
        {"c.csv", "source,target,sign\n\"A, the first\",B,-1\nB,C,2\n", EdgeFormat::csv},
        {"p.net",
         "% c\r\n*Vertices 3\r\n1 \"A a\" 0.1 0.2\r\n2 B\r\n*Arcs\r\n1 2 -1\r\n*Edgeslist\r\n3 "
         "1 2\r\n",
         EdgeFormat::pajek},
        {"g.graphml",
         "<?xml version=\"1.0\"?><graphml><key id=\"s\" for=\"edge\" attr.name=\"sign\"/><key "
         "id=\"l\" for=\"node\" attr.name=\"label\"/><graph edgedefault=\"undirected\"><node "
         "id=\"a\"><data key=\"l\">A</data></node><node id=\"b\"/><edge source=\"a\" "
         "target=\"b\"><data key=\"s\">-1</data></edge></graph></graphml>",
         EdgeFormat::graphml},
    };
    std::size_t datasets = 0;
    std::size_t refused = 0;
    for (const File& f : files) {
        for (std::size_t n = 0; n <= f.text.size(); ++n) {
            const auto r = import({{f.name, f.text.substr(0, n), f.format, f.delimiter}});
            CHECK(r.dataset.has_value() == r.diagnostics.empty());
            (r.dataset ? datasets : refused)++;
        }
    }
    CHECK(datasets > 0);
    CHECK(refused > 0);
}

}  // namespace entente::test
