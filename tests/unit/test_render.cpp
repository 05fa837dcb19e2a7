// Diagrams rendered in process, and what the renderer promises: formats, determinism, layout.
#include <doctest/doctest.h>

#include "entente/draw/render.hpp"
#include "fixture.hpp"

using namespace entente;

namespace {

Diagram everything(const KnowledgeGraph& kg) {
    std::vector<Index> actors;
    std::vector<Index> claims;
    for (Index i = 0; i < kg.data().actors.size(); ++i) {
        actors.push_back(i);
    }
    for (Index i = 0; i < kg.data().claims.size(); ++i) {
        claims.push_back(i);
    }
    return claims_diagram(kg, actors, claims, "All");
}

}  // namespace

TEST_CASE("every format renders in process") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const Diagram d = everything(kg);
    const auto dot = render(d, DiagramFormat::dot);
    CHECK(dot.bytes.rfind("digraph entente {", 0) == 0);
    CHECK(dot.layout.empty());
    const auto svg = render(d, DiagramFormat::svg);
    CHECK(svg.bytes.find("<svg") != std::string::npos);
    CHECK(svg.layout == "dot");
    const auto png = render(d, DiagramFormat::png);
    CHECK(png.bytes.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
    const auto pdf = render(d, DiagramFormat::pdf);
    CHECK(pdf.bytes.rfind("%PDF-", 0) == 0);
}

TEST_CASE("SVG carries stable ids and provenance tooltips") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const auto svg = render(everything(kg), DiagramFormat::svg).bytes;
    // Graphviz writes '-' in ids as a character reference; an XML parser reads it back as '-'.
    CHECK(svg.find("id=\"claim&#45;q1\"") != std::string::npos);
    CHECK(svg.find("id=\"actor&#45;a\"") != std::string::npos);
    CHECK(svg.find("q1: Alpha supports Gamma&#39;s claim") != std::string::npos);
    CHECK(svg.find("Alpha backs Gamma&#39;s claim.") != std::string::npos);
    CHECK(svg.find("source: A. Analyst, “A hand&#45;checked memo”") != std::string::npos);
}

TEST_CASE("the same diagram gives byte-identical DOT and SVG") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/escaping.json");
    const Diagram d = everything(kg);
    CHECK(render(d, DiagramFormat::dot).bytes == render(d, DiagramFormat::dot).bytes);
    CHECK(render(d, DiagramFormat::svg).bytes == render(d, DiagramFormat::svg).bytes);
}

TEST_CASE("DOT keeps names intact: quotes and backslashes escaped, no Graphviz escapes leak") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/escaping.json");
    const auto dot = render(everything(kg), DiagramFormat::dot).bytes;
    CHECK(dot.find(R"(label="The \"Quoted\" State")") != std::string::npos);
    // A backslash in a name is doubled so Graphviz does not read "\N" as the node's name.
    CHECK(dot.find(R"(label="Back\\\\slash \\\\N \\\\G")") == std::string::npos);
    CHECK(dot.find(R"(label="Back\\slash \\N \\G")") != std::string::npos);
    CHECK(dot.find(R"(label="First line\nSecond line")") != std::string::npos);
    CHECK(dot.find("Ünïcödé — Straße, Łódź, 北京") != std::string::npos);
    CHECK(dot.find(R"(label="<b>not bold</b>")") != std::string::npos);
}

TEST_CASE("layout: dot for small drawings, sfdp past the limit, or as asked") {
    Diagram small;
    small.nodes.resize(dot_node_limit);
    CHECK(choose_layout(small) == "dot");
    Diagram large;
    large.nodes.resize(dot_node_limit + 1);
    CHECK(choose_layout(large) == "sfdp");
    Diagram dense;
    dense.edges.resize(dot_edge_limit + 1);
    CHECK(choose_layout(dense) == "sfdp");
    CHECK(choose_layout(large, "circo") == "circo");
    // Forcing dot past the limits is allowed, but flagged as slow so the tool can say so first.
    CHECK(slow_layout(large, "dot"));
    CHECK(slow_layout(dense, "dot"));
    CHECK(!slow_layout(small, "dot"));
    CHECK(!slow_layout(large, "sfdp"));
}

TEST_CASE("diagram formats by name and by file extension") {
    CHECK(diagram_format_for("out/russia.SVG") == DiagramFormat::svg);
    CHECK(diagram_format_for("a.gv") == DiagramFormat::dot);
    CHECK(diagram_format_for("a.pdf") == DiagramFormat::pdf);
    CHECK(!diagram_format_for("a.jpeg"));
    CHECK(!diagram_format_for("noextension"));
    CHECK(parse_diagram_format("png") == DiagramFormat::png);
}

TEST_CASE("query diagrams: divergence emphasizes the two actors and the roadblock") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const TieTable ties(kg);
    const Index a = kg.find_actor("a");
    const Index b = kg.find_actor("b");
    const Diagram d = divergence_diagram(kg, a, b, diverge(kg, ties, a, b));
    std::vector<std::string> emphasized;
    for (const auto& n : d.nodes) {
        if (n.emphasized) {
            emphasized.push_back(n.name);
        }
    }
    CHECK(emphasized == std::vector<std::string>{"a", "b", "d"});
}

TEST_CASE("query diagrams: alignment draws one edge per tie, with every claim in its tooltip") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const TieTable ties(kg);
    const Diagram d = alignment_diagram(kg, align(ties, kg.find_actor("a"), kg.find_actor("b")));
    // Direct tie a-b, then a and b to each of the 4 shared objects.
    CHECK(d.edges.size() == 9);
    const DiagramEdge* ac = nullptr;
    const DiagramEdge* bc = nullptr;
    for (const auto& e : d.edges) {
        ac = e.id == "tie-a--c" ? &e : ac;
        bc = e.id == "tie-b--c" ? &e : bc;
    }
    REQUIRE(ac);
    REQUIRE(bc);
    // a's tie to c rests on q4 and, derived, q1; b's only on q2, derived: drawn dashed.
    CHECK(ac->label == "-0.23");
    CHECK(!ac->derived);
    CHECK(ac->tooltip.find("q4: Gamma pressures Alpha") != std::string::npos);
    CHECK(ac->tooltip.find("(derived, half weight) q1: Alpha supports Gamma's claim") !=
          std::string::npos);
    CHECK(bc->derived);
    CHECK(bc->polarity == -1);
}

TEST_CASE("balance diagram: camps as clusters, frustrated ties highlighted") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const TieTable ties(kg);
    const auto report = balance(kg, ties);
    const Diagram d = balance_diagram(kg, report);
    CHECK(d.clusters.size() == 2);
    std::size_t highlighted = 0;
    for (const auto& e : d.edges) {
        highlighted += e.highlighted ? 1 : 0;
    }
    CHECK(highlighted == report.frustration.index);
    CHECK(d.edges.size() == report.graph.edges.size());
    for (const auto& n : d.nodes) {
        CHECK(!n.cluster.empty());
    }
}

TEST_CASE("balance diagram: each connected component's camps are clusters of their own") {
    // e and f are tied only to each other: their camps are component 2's, never component 1's.
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/balance-time.json");
    const TieTable ties(kg);
    const auto report = balance(kg, ties);
    REQUIRE(report.components.size() == 2);
    const Diagram d = balance_diagram(kg, report);
    REQUIRE(d.clusters.size() == 4);
    CHECK(d.clusters[2].label == "component 2, camp A");
    CHECK(d.clusters[3].label == "component 2, camp B");
    for (const auto& n : d.nodes) {
        if (n.name == "e" || n.name == "f") {
            CHECK(n.cluster.rfind("cluster_camp_2", 0) == 0);
        } else {
            CHECK(n.cluster.rfind("cluster_camp_1", 0) == 0);
        }
    }
}

TEST_CASE("ranking and matrix diagrams: counts in labels, thin evidence drawn faintly") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const Index a = kg.find_actor("a");
    const Diagram d = ranking_diagram(
        kg, a, {{kg.find_actor("b"), 0.41, 5}, {kg.find_actor("c"), -0.62, 2}}, "alignment", 3);
    REQUIRE(d.edges.size() == 2);
    CHECK(d.edges[0].label == "+0.41 (n=5)");
    CHECK(!d.edges[0].faint);
    CHECK(d.edges[1].label == "-0.62 (n=2)");
    CHECK(d.edges[1].faint);
    CHECK(d.edges[1].tooltip.find("over 2 objects, thin evidence") != std::string::npos);
    const std::string dot = render(d, DiagramFormat::dot).bytes;
    // The hostile colour at a quarter opacity for the thin tie, in full for the other, and a
    // legend sample.
    CHECK(dot.find("#D55E0040") != std::string::npos);
    CHECK(dot.find("#0072B2\"") != std::string::npos);
    CHECK(dot.find("thin evidence (few objects)") != std::string::npos);
    std::vector<std::vector<MeasureScore>> scores(2, std::vector<MeasureScore>(2));
    scores[0][1].value = 0.5;
    scores[0][1].objects = 1;
    const Diagram m = matrix_diagram(kg, {a, kg.find_actor("b")}, scores, "identical", 3);
    REQUIRE(m.edges.size() == 1);
    CHECK(m.edges[0].faint);
    CHECK(m.edges[0].label == "+0.50 (n=1)");
}
