// Diagrams rendered in process, and what the renderer promises: formats, determinism, layout.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>
#include <utility>

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

TEST_CASE("query diagrams: divergence emphasizes the two actors, the roadblock apart") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const TieTable ties(kg);
    const Index a = kg.find_actor("a");
    const Index b = kg.find_actor("b");
    const Diagram d = divergence_diagram(kg, a, b, diverge(kg, ties, a, b));
    std::vector<std::string> emphasized;
    std::vector<std::string> contested;
    for (const auto& n : d.nodes) {
        if (n.emphasized) {
            emphasized.push_back(n.name);
        }
        if (n.contested) {
            contested.push_back(n.name);
        }
    }
    CHECK(emphasized == std::vector<std::string>{"a", "b"});
    CHECK(contested == std::vector<std::string>{"d"});
    // Two looks, each explained in the legend: pale yellow for the two asked about, pale
    // vermillion for the roadblock.
    const std::string svg = render(d, DiagramFormat::svg).bytes;
    CHECK(svg.find("fill=\"#fff3c4\"") != std::string::npos);
    CHECK(svg.find("fill=\"#fbe3d6\"") != std::string::npos);
    CHECK(svg.find(">asked about</text>") != std::string::npos);
    CHECK(svg.find(">roadblock: a third party they take opposite sides on</text>") !=
          std::string::npos);
}

TEST_CASE("legend: one box beside the drawing, samples drawn as the graph's edges are") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const TieTable ties(kg);
    const Diagram d = balance_diagram(kg, balance(kg, ties));
    for (const char* layout : {"dot", "neato", "fdp", "sfdp", "circo"}) {
        CAPTURE(layout);
        const std::string svg = render(d, DiagramFormat::svg, layout).bytes;
        CHECK(svg.find("<g id=\"legend\" class=\"cluster legend\">") != std::string::npos);
        // Ties between actors are undirected: the cooperative sample has no arrowhead either.
        const auto tip = svg.find("xlink:title=\"cooperative (+1)\"");
        REQUIRE(tip != std::string::npos);
        const auto start = svg.rfind("<g id=\"legend&#45;sample", tip);
        REQUIRE(start != std::string::npos);
        const std::string sample = svg.substr(start, svg.find("</g>\n</g>", tip) - start);
        CHECK(sample.find("class=\"edge legend\"") != std::string::npos);
        CHECK(sample.find("<path") != std::string::npos);
        CHECK(sample.find("<polygon") == std::string::npos);
        CHECK(svg.find(">cooperative (+1)</text>") != std::string::npos);
        CHECK(svg.find(">frustrated tie</text>") != std::string::npos);
        CHECK(svg.find(">first path</text>") == std::string::npos);
    }
    // DOT is the graph as built, without the legend, which is placed after the layout.
    CHECK(render(d, DiagramFormat::dot).bytes.find("legend") == std::string::npos);
    Diagram bare = d;
    bare.legend = false;
    CHECK(render(bare, DiagramFormat::svg).bytes.find("legend") == std::string::npos);
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
    const std::string svg = render(d, DiagramFormat::svg).bytes;
    CHECK(svg.find(">thin evidence (few objects)</text>") != std::string::npos);
    // The count in the labels is said once, in the legend; a drawing of claims has no such row.
    CHECK(svg.find(">(n=k): k objects compared</text>") != std::string::npos);
    CHECK(render(everything(kg), DiagramFormat::svg).bytes.find("objects compared") ==
          std::string::npos);
    std::vector<std::vector<MeasureScore>> scores(2, std::vector<MeasureScore>(2));
    scores[0][1].value = 0.5;
    scores[0][1].objects = 1;
    const Diagram m = matrix_diagram(kg, {a, kg.find_actor("b")}, scores, "identical", 3);
    REQUIRE(m.edges.size() == 1);
    CHECK(m.edges[0].faint);
    CHECK(m.edges[0].label == "+0.50 (n=1)");
}

namespace {

// A PNG's width and height from its IHDR chunk (bytes 16-23, big-endian), as every PNG reader
// takes them.
std::pair<unsigned, unsigned> png_size(const std::string& png) {
    REQUIRE(png.size() > 24);
    REQUIRE(png.compare(12, 4, "IHDR") == 0);
    auto word = [&](std::size_t at) {
        unsigned v = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            v = (v << 8) | static_cast<unsigned char>(png[at + i]);
        }
        return v;
    };
    return {word(16), word(20)};
}

// The <svg ...> start tag's attribute `name`.
std::string svg_attribute(const std::string& svg, const std::string& name) {
    const auto tag = svg.find("<svg");
    REQUIRE(tag != std::string::npos);
    const auto at = svg.find(" " + name + "=\"", tag);
    REQUIRE(at != std::string::npos);
    const auto start = at + name.size() + 3;
    return svg.substr(start, svg.find('"', start) - start);
}

}  // namespace

TEST_CASE("page: PNG at 192 dpi by default, --dpi, and --size in inches or pixels exactly") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const Diagram d = everything(kg);
    PageOptions natural;
    natural.dpi = 96;
    const auto at96 = png_size(render(d, DiagramFormat::png, {}, natural).bytes);
    const auto at192 = png_size(render(d, DiagramFormat::png).bytes);
    // Twice the resolution, twice the pixels each way (give or take Graphviz's rounding).
    CHECK(at192.first >= 2 * at96.first - 2);
    CHECK(at192.first <= 2 * at96.first + 2);
    CHECK(at192.second >= 2 * at96.second - 2);
    CHECK(at192.second <= 2 * at96.second + 2);

    PageOptions pixels;
    pixels.width = 1920;
    pixels.height = 1080;
    pixels.pixels = true;
    CHECK(png_size(render(d, DiagramFormat::png, {}, pixels).bytes) ==
          std::pair<unsigned, unsigned>{1920, 1080});
    pixels.dpi = 96;  // the same pixels at another resolution: a larger drawing, same image size
    CHECK(png_size(render(d, DiagramFormat::png, {}, pixels).bytes) ==
          std::pair<unsigned, unsigned>{1920, 1080});
    PageOptions inches;
    inches.width = 10;
    inches.height = 5.625;
    CHECK(png_size(render(d, DiagramFormat::png, {}, inches).bytes) ==
          std::pair<unsigned, unsigned>{1920, 1080});
    // SVG: 10 x 5.625 inches are 720 x 405 points; 1920 x 1080 CSS pixels are 1440 x 810 points.
    const std::string svg = render(d, DiagramFormat::svg, {}, inches).bytes;
    CHECK(svg_attribute(svg, "width") == "720pt");
    CHECK(svg_attribute(svg, "height") == "405pt");
    CHECK(svg_attribute(svg, "viewBox") == "0.00 0.00 720.00 405.00");
    pixels.dpi = 0;
    const std::string css = render(d, DiagramFormat::svg, {}, pixels).bytes;
    CHECK(svg_attribute(css, "width") == "1440pt");
    CHECK(svg_attribute(css, "height") == "810pt");
    CHECK(svg_attribute(css, "viewBox") == "0.00 0.00 1440.00 810.00");
}

TEST_CASE("page: --aspect gives an image of exactly that shape, the drawing centred in it") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const Diagram d = everything(kg);
    for (const auto& shape :
         {std::pair{16, 9}, std::pair{4, 3}, std::pair{1, 1}, std::pair{9, 16}}) {
        const int w = shape.first;
        const int h = shape.second;
        CAPTURE(w);
        CAPTURE(h);
        PageOptions page;
        page.aspect_width = w;
        page.aspect_height = h;
        const auto [pw, ph] = png_size(render(d, DiagramFormat::png, {}, page).bytes);
        // Within a pixel of the exact shape.
        CHECK(std::abs(static_cast<double>(pw) * h / w - ph) <= 1.0 + static_cast<double>(h) / w);
    }
}

TEST_CASE("page: --no-edge-labels draws no edge label and keeps each label in the tooltip") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const Index a = kg.find_actor("a");
    const Diagram d = ranking_diagram(
        kg, a, {{kg.find_actor("b"), 0.41, 5}, {kg.find_actor("c"), -0.62, 2}}, "alignment", 3);
    const std::string labelled = render(d, DiagramFormat::svg).bytes;
    CHECK(labelled.find(">+0.41 (n=5)</text>") != std::string::npos);
    PageOptions page;
    page.edge_labels = false;
    const std::string bare = render(d, DiagramFormat::svg, {}, page).bytes;
    CHECK(bare.find(">+0.41 (n=5)</text>") == std::string::npos);
    CHECK(bare.find(">&#45;0.62 (n=2)</text>") == std::string::npos);
    // The tooltip opens with the label.
    CHECK(bare.find("xlink:title=\"+0.41 (n=5)&#10;") != std::string::npos);
    // No edge of the drawing (the legend's samples aside) carries a <text>.
    std::size_t at = 0;
    std::size_t edges = 0;
    while ((at = bare.find("class=\"edge\"", at)) != std::string::npos) {
        const auto end = bare.find("</g>\n</g>", at);
        const std::string group = bare.substr(at, end - at);
        if (group.find("legend") == std::string::npos) {
            CHECK(group.find("<text") == std::string::npos);
            ++edges;
        }
        at = end;
    }
    CHECK(edges == 2);
}

namespace {

// Undoes the XML escaping Graphviz writes (&amp; &lt; &gt; &quot; &#39; and &#N;), as any XML
// parser would; the text is ASCII or UTF-8 and numeric references here are below 128.
std::string xml_text(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const auto end = s.find(';', i);
        REQUIRE(end != std::string::npos);
        const std::string name = s.substr(i + 1, end - i - 1);
        if (name == "amp") {
            out += '&';
        } else if (name == "lt") {
            out += '<';
        } else if (name == "gt") {
            out += '>';
        } else if (name == "quot") {
            out += '"';
        } else if (name == "apos") {
            out += '\'';
        } else {
            REQUIRE(name.size() > 1);
            REQUIRE(name[0] == '#');
            const long code = std::stol(name.substr(1));
            REQUIRE(code < 128);
            out += static_cast<char>(code);
        }
        i = end;
    }
    return out;
}

// Every value of `<text ...>VALUE</text>` (what is drawn) or of `xlink:title="VALUE"` (the
// tooltip), decoded.
std::vector<std::string> svg_values(const std::string& svg, bool tooltips) {
    std::vector<std::string> out;
    const std::string open = tooltips ? "xlink:title=\"" : "<text ";
    for (auto at = svg.find(open); at != std::string::npos; at = svg.find(open, at + 1)) {
        std::size_t start = at + open.size();
        if (!tooltips) {
            start = svg.find('>', at) + 1;
        }
        const auto end = svg.find(tooltips ? "\"" : "</text>", start);
        out.push_back(xml_text(svg.substr(start, end - start)));
    }
    return out;
}

bool has(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

TEST_CASE("labels and tooltips draw exactly the text: Graphviz's backslash escapes and entities") {
    // Graphviz expands these in labels (\N the node's name, \G the graph's, \E the edge's, \T
    // and \H its ends, \L the object's label, \n \l \r line breaks) and, differently, in
    // tooltips (where "\N" came out as "a (state)" and "\\x" as "\x").
    const std::vector<std::string> names = {"\\N", "\\G",   "\\E",   "\\T",  "\\H",
                                            "\\L", "\\\\x", "\\n",   "\\l",  "\\r",
                                            "a\\", "&amp;", "&#65;", "x&y;", "\\\\\\N"};
    Diagram d;
    d.title = "title \\G \\N";
    for (std::size_t i = 0; i < names.size(); ++i) {
        DiagramNode n;
        n.name = "n" + std::to_string(i);
        n.id = "actor-n" + std::to_string(i);
        n.label = names[i];
        n.tooltip = "node " + names[i];
        d.nodes.push_back(n);
        if (i > 0) {
            DiagramEdge e;
            e.tail = d.nodes[i - 1].name;
            e.head = n.name;
            e.id = "claim-e" + std::to_string(i);
            e.label = "edge " + names[i];
            e.tooltip = "tip " + names[i] + "\nsecond line " + names[i];
            d.edges.push_back(e);
        }
    }
    const std::string svg = render(d, DiagramFormat::svg).bytes;
    const auto texts = svg_values(svg, false);
    const auto tips = svg_values(svg, true);
    CHECK(has(texts, "title \\G \\N"));
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string& name = names[i];
        CAPTURE(name);
        CHECK(has(texts, name));
        CHECK(has(tips, "node " + name));
        if (i > 0) {  // edge i joins node i - 1 to node i
            CHECK(has(texts, "edge " + name));
            CHECK(has(tips, "tip " + name + "\nsecond line " + name));
        }
    }
    // Nothing of the objects' own names leaked in.
    for (const auto& text : texts) {
        CHECK(text.find("n0") == std::string::npos);
        CHECK(text.find("entente") == std::string::npos);
    }
    for (const auto& tip : tips) {
        CHECK(tip.find("n0") == std::string::npos);
        CHECK(tip.find("entente") == std::string::npos);
    }
}

TEST_CASE("the hostile-text corpus's names are drawn and hovered exactly") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/hostile-text.json");
    const std::string svg = render(everything(kg), DiagramFormat::svg).bytes;
    const auto texts = svg_values(svg, false);
    const auto tips = svg_values(svg, true);
    const std::string escapes = "\\N \\G \\\\x \\l";
    const std::string markup =
        "abc\u202e"
        "evil\u202c <script>alert(1)</script> &amp;";
    CHECK(has(texts, escapes));
    CHECK(has(tips, escapes + " (organization)"));
    CHECK(has(texts, markup));
    CHECK(has(tips, markup + " (person)"));
}

TEST_CASE("one edge per pair: the claims between two actors become one edge with their count") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/long-lists.json");
    const Diagram d = everything(kg);
    REQUIRE(d.edges.size() == 49);
    const Diagram merged = one_edge_per_pair(d, 3);
    // 28 pairs: s0-s1 holds 22 claims, every other pair one.
    REQUIRE(merged.edges.size() == 28);
    CHECK(merged.nodes.size() == d.nodes.size());
    const auto it = std::find_if(merged.edges.begin(), merged.edges.end(),
                                 [](const DiagramEdge& e) { return e.id == "pair-s0--s1"; });
    REQUIRE(it != merged.edges.end());
    CHECK(it->label == "22 claims: 22 -");
    CHECK(it->polarity == -1);
    CHECK(!it->directed);
    CHECK(it->tooltip.rfind("22 claims: 22 -\n\nh01: ", 0) == 0);
    CHECK(it->tooltip.find("\n\nx01: ") != std::string::npos);
    CHECK(it->tooltip.find("\n\nx02: ") == std::string::npos);
    CHECK(it->tooltip.size() > 0);
    CHECK(it->tooltip.substr(it->tooltip.size() - 15) == "\u2026 and 19 more");
    // A pair with one claim keeps its claim edge.
    CHECK(std::count_if(merged.edges.begin(), merged.edges.end(),
                        [](const DiagramEdge& e) { return e.id.rfind("claim-", 0) == 0; }) == 27);
    // Mixed polarities: the majority's sign, both counts in the label.
    Diagram mixed;
    mixed.nodes = {d.nodes[0], d.nodes[1]};
    DiagramEdge plus;
    plus.tail = d.nodes[0].name;
    plus.head = d.nodes[1].name;
    plus.polarity = 1;
    DiagramEdge minus = plus;
    minus.polarity = -1;
    std::swap(minus.tail, minus.head);  // either direction is the same pair
    mixed.edges = {plus, minus, plus};
    const Diagram m = one_edge_per_pair(mixed);
    REQUIRE(m.edges.size() == 1);
    CHECK(m.edges[0].label == "3 claims: 2 +, 1 -");
    CHECK(m.edges[0].polarity == 1);
    CHECK(render(m, DiagramFormat::svg).bytes.find("id=\"pair&#45;s0&#45;&#45;s1\"") !=
          std::string::npos);
}

TEST_CASE("provenance: ranking and matrix ties list the claims their scores rest on") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const TieTable ties(kg);
    const Index a = kg.find_actor("a");
    const Index b = kg.find_actor("b");
    // By hand (docs/queries.md, Stances; the evidence `entente align a b` lists): their direct
    // tie is q3; they share c (a's tie: q1 derived through the position p that c holds, and q4,
    // c pressuring a; b's: q2 derived), d (q7, q8), p (q1, q2 again) and q (q5, q6).
    AlignOptions options;
    options.intervals = false;
    const Alignment al = align(ties, a, b, options);
    const auto ids = [&kg](const std::vector<Index>& claims) {
        std::string out;
        for (Index c : claims) {
            out += (out.empty() ? "" : " ") + kg.claim(c).id;
        }
        return out;
    };
    CHECK(ids(score_claims(al, AlignmentMeasure::alignment)) == "q3 q1 q4 q2 q7 q8 q5 q6");
    CHECK(ids(score_claims(al, AlignmentMeasure::agreement)) == "q1 q4 q2 q7 q8 q5 q6");
    // The field's measures over the joint stances: the same four objects.
    CHECK(ids(score_claims(al, AlignmentMeasure::kappa)) == "q1 q4 q2 q7 q8 q5 q6");
    // Over the union, objects only one of them holds a stance on too: a's org (q9, structural,
    // no stance) is not one; the direct tie is not an object.
    AlignOptions either = options;
    either.over = StanceSet::either;
    const std::string union_ids = ids(score_claims(align(ties, a, b, either), AlignmentMeasure::s));
    CHECK(union_ids.find("q3") == std::string::npos);
    CHECK(union_ids.rfind("q1 q4 q2 q7 q8 q5 q6", 0) == 0);

    const Diagram d = ranking_diagram(kg, a, {{b, 0.41, 5}}, "alignment", 3, &ties);
    REQUIRE(d.edges.size() == 1);
    const std::string tooltip =
        "alignment of Alpha and Beta: +0.41 over 5 objects\n"
        "rests on 8 claims: q3, q1, q4, q2, q7, q8, q5, q6\n"
        "entente align a b shows them";
    CHECK(d.edges[0].tooltip == tooltip);
    // Without the tie table, the tooltip names the command only, as before.
    CHECK(ranking_diagram(kg, a, {{b, 0.41, 5}}, "alignment", 3).edges[0].tooltip ==
          "alignment of Alpha and Beta: +0.41 over 5 objects (entente align a b shows its "
          "claims)");

    std::vector<std::vector<MeasureScore>> scores(2, std::vector<MeasureScore>(2));
    scores[0][1].value = 0.5;
    scores[0][1].objects = 2;
    const Diagram m = matrix_diagram(kg, {a, b}, scores, "agreement", 3, &ties);
    REQUIRE(m.edges.size() == 1);
    CHECK(m.edges[0].tooltip ==
          "agreement of Alpha and Beta: +0.50 over 2 objects, thin evidence\n"
          "rests on 7 claims: q1, q4, q2, q7, q8, q5, q6\n"
          "entente align a b shows them");

    // Past score_claims_listed ids, the rest are counted.
    std::vector<Index> many;
    for (Index i = 0; i < 23; ++i) {
        many.push_back(i % 10);
    }
    const std::string capped = score_tooltip(kg, a, b, -1.0, 1, "s", 1, &many);
    CHECK(capped ==
          "s of Alpha and Beta: -1.00 over 1 object\n"
          "rests on 23 claims: q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q1, q2, q3, q4, q5, q6, "
          "q7, q8, q9, q10 and 3 more\n"
          "entente align a b shows them");
    const std::vector<Index> one{2};
    CHECK(score_tooltip(kg, a, b, 1.0, 1, "alignment", 1, &one) ==
          "alignment of Alpha and Beta: +1.00 over 1 object\nrests on 1 claim: q3\n"
          "entente align a b shows it");

    // The ids survive into the SVG's tooltip (Graphviz writes the newlines as &#10;).
    const std::string svg = render(d, DiagramFormat::svg).bytes;
    CHECK(svg.find("rests on 8 claims: q3, q1, q4, q2, q7, q8, q5, q6&#10;entente align a b "
                   "shows them") != std::string::npos);
}

TEST_CASE("provenance: a node's tooltip ends with the actor's note") {
    auto result = test::load_text(R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
      "actors": [{"id": "a", "name": "Alpha", "kind": "state", "aliases": ["Al"],
                  "note": "Recognised by 12 states."},
                 {"id": "b", "name": "Beta", "kind": "group"}],
      "claims": [{"id": "c1", "subject": "a", "relation": "supports", "object": "b",
                  "source": "s"}]})");
    REQUIRE(result.graph);
    const KnowledgeGraph& kg = *result.graph;
    const Diagram d = claims_diagram(kg, {0, 1}, {0}, "t");
    REQUIRE(d.nodes.size() == 2);
    CHECK(d.nodes[0].tooltip == "Alpha (state); also Al\nRecognised by 12 states.");
    CHECK(d.nodes[1].tooltip == "Beta (group)");
    CHECK(render(d, DiagramFormat::svg)
              .bytes.find("Alpha (state); also Al&#10;Recognised by 12 "
                          "states.") != std::string::npos);
}

TEST_CASE("bounded drawings: the heaviest claims, and the most edges between one pair") {
    auto result = test::load_text(R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
      "actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"},
                 {"id": "c", "name": "C", "kind": "state"}],
      "claims": [
        {"id": "h1", "subject": "a", "relation": "supports", "object": "b", "source": "s",
         "confidence": 0.5},
        {"id": "h2", "subject": "b", "relation": "opposes", "object": "c", "source": "s",
         "confidence": 0.9, "weight": 2},
        {"id": "h3", "subject": "a", "relation": "member_of", "object": "c", "source": "s",
         "weight": 5},
        {"id": "h4", "subject": "c", "relation": "cooperates_with", "object": "a", "source": "s"},
        {"id": "h0", "subject": "b", "relation": "supports", "object": "a", "source": "s"}]})");
    REQUIRE(result.graph);
    const KnowledgeGraph& kg = *result.graph;
    const std::vector<Index> all{0, 1, 2, 3, 4};
    const auto ids = [&kg](const std::vector<Index>& claims) {
        std::string out;
        for (Index c : claims) {
            out += (out.empty() ? "" : " ") + kg.claim(c).id;
        }
        return out;
    };
    // |polarity x confidence x weight|: h2 1.8, h4 and h0 1 (tied: by id), h1 0.5, h3 0
    // (structural).
    CHECK(ids(heaviest_claims(kg, all, 3)) == "h2 h0 h4");
    CHECK(ids(heaviest_claims(kg, all, 10)) == "h2 h0 h4 h1 h3");
    CHECK(ids(heaviest_claims(kg, {4, 3, 2, 1, 0}, 2)) == "h2 h0");  // the order given is moot
    CHECK(heaviest_claims(kg, all, 0).empty());
    const Diagram top = claims_diagram(kg, {}, heaviest_claims(kg, all, 1), "t");
    CHECK(top.nodes.size() == 2);  // h2's ends only
    CHECK(top.edges.size() == 1);

    Diagram d = claims_diagram(kg, {}, all, "t");
    // a-b: h1 and h0 (either way); every other pair one claim.
    CHECK(most_parallel_edges(d) == 2);
    CHECK(most_parallel_edges(Diagram{}) == 0);
    const KnowledgeGraph lists = test::load_file(ENTENTE_TEST_DATA "/good/long-lists.json");
    CHECK(most_parallel_edges(everything(lists)) == 22);
    CHECK(most_parallel_edges(one_edge_per_pair(everything(lists))) == 1);
}

TEST_CASE("paths: every path's edges say which paths they are on, the first drawn bold") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    PathOptions options;
    options.k = 3;
    const Index a = kg.find_actor("a");
    const Index d = kg.find_actor("d");
    const auto paths = shortest_paths(kg, a, d, options);
    REQUIRE(paths.size() == 3);  // a-d; a-b-d; a-org-d (`entente path a d --k 3`)
    const Diagram diagram = paths_diagram(kg, paths, a, d);
    std::map<std::string, std::pair<std::string, bool>> edges;
    for (const auto& e : diagram.edges) {
        edges[e.id] = {e.label, e.highlighted};
    }
    CHECK(edges["claim-q7"] == std::pair<std::string, bool>{"cooperates with [1]", true});
    CHECK(edges["claim-q3"] == std::pair<std::string, bool>{"cooperates with [2]", false});
    CHECK(edges["claim-q8"] == std::pair<std::string, bool>{"is hostile to [2]", false});
    CHECK(edges["claim-q9"] == std::pair<std::string, bool>{"is a member of [3]", false});
    CHECK(edges["claim-q10"] == std::pair<std::string, bool>{"is a member of [3]", false});
    for (const auto& e : diagram.edges) {
        if (e.id == "claim-q3") {
            CHECK(e.tooltip.starts_with("On path 2.\nq3: "));
        }
    }
    const std::string svg = render(diagram, DiagramFormat::svg).bytes;
    CHECK(svg.find(">path 1, the shortest; [n]: on path n</text>") != std::string::npos);
    // One path: no numbers, and the legend calls it the path.
    const Diagram one = paths_diagram(kg, {paths.front()}, a, d);
    REQUIRE(one.edges.size() == 1);
    CHECK(one.edges.front().label == "cooperates with");
    const std::string one_svg = render(one, DiagramFormat::svg).bytes;
    CHECK(one_svg.find(">the path</text>") != std::string::npos);
    // Its one edge is cooperative but drawn black: no blue "cooperative" row for it.
    CHECK(one_svg.find(">cooperative (+1)</text>") == std::string::npos);
    CHECK(svg.find(">cooperative (+1)</text>") != std::string::npos);  // q3, on path 2
}

TEST_CASE("page: a drawing fitted to a small page is drawn with larger text, up to 3 times") {
    // A chain of 30 actors with long names: laid out left to right, about 30 names wide.
    Diagram d;
    d.title = "Chain";
    for (int i = 0; i < 30; ++i) {
        DiagramNode n;
        n.name = "n" + std::to_string(i);
        n.id = "actor-" + n.name;
        n.label = "An actor with a long name " + std::to_string(i);
        d.nodes.push_back(n);
        if (i > 0) {
            DiagramEdge e;
            e.tail = "n" + std::to_string(i - 1);
            e.head = n.name;
            e.id = "claim-" + std::to_string(i);
            e.label = "+1.00";
            e.polarity = 1;
            d.edges.push_back(e);
        }
    }
    PageOptions slide;
    slide.width = 1920;
    slide.height = 1080;
    slide.pixels = true;
    // The text's size on the page: 14 points times the scale times the shrink to the page.
    auto on_page = [](const Rendered& r) {
        double shrink = 0;
        const auto at = r.bytes.find("transform=\"scale(");
        REQUIRE(at != std::string::npos);
        REQUIRE(std::sscanf(r.bytes.c_str() + at, "transform=\"scale(%lf", &shrink) == 1);
        return 14 * r.font_scale * shrink;
    };
    bool larger = false;
    for (const char* layout : {"dot", "neato", "circo"}) {
        CAPTURE(layout);
        const auto natural = render(d, DiagramFormat::svg, layout);
        CHECK(natural.font_scale == 1);
        const std::string box = svg_attribute(natural.bytes, "viewBox");
        double width = 0;
        double height = 0;
        REQUIRE(std::sscanf(box.c_str(), "0.00 0.00 %lf %lf", &width, &height) == 2);
        // The natural drawing fitted to the slide's 1440 x 810 points.
        const double plain = 14 * std::min(1440 / width, 810 / height);
        const auto fitted = render(d, DiagramFormat::svg, layout, slide);
        CHECK(fitted.font_scale <= 3);
        char size[32];
        std::snprintf(size, sizeof size, "font-size=\"%.2f\"", 14 * fitted.font_scale);
        CHECK(fitted.bytes.find(size) != std::string::npos);
        // Never smaller than the natural drawing would be (Graphviz rounds the scale to 2
        // decimals); larger by a tenth when the larger text was kept.
        CHECK(on_page(fitted) >= 0.97 * plain);
        // The share of the page's height the CLI warns about (810 points high).
        CHECK(std::abs(fitted.page_text_share - on_page(fitted) / 810) < 0.001);
        if (fitted.font_scale > 1) {
            CHECK(on_page(fitted) > 1.05 * plain);
            larger = true;
        }
    }
    // In one of the layouts at least, spacing rather than names sets the drawing's size.
    CHECK(larger);
    CHECK(render(d, DiagramFormat::svg).page_text_share == 0);  // no page, no share
    // A page the drawing fits on at natural size: nothing changes.
    PageOptions wall;
    wall.width = 200;
    wall.height = 100;
    CHECK(render(d, DiagramFormat::svg, {}, wall).font_scale == 1);
    // --aspect alone is fitted to a slide 13.33 inches wide.
    PageOptions aspect;
    aspect.aspect_width = 16;
    aspect.aspect_height = 9;
    CHECK(render(d, DiagramFormat::svg, {}, aspect).font_scale > 1);
}

TEST_CASE("labels: engines other than dot place edge labels as xlabels, off nodes and edges") {
    const KnowledgeGraph kg = test::load_file(ENTENTE_TEST_DATA "/good/queries.json");
    const TieTable ties(kg);
    const Diagram d = balance_diagram(kg, balance(kg, ties));
    for (const char* layout : {"neato", "fdp", "sfdp", "circo"}) {
        CAPTURE(layout);
        // Every edge's label is drawn: as many label texts as edges with a label.
        const std::string svg = render(d, DiagramFormat::svg, layout).bytes;
        // Graphviz writes '-' as "&#45;" in SVG text and ids.
        auto escaped = [](const std::string& text) {
            std::string out;
            for (char c : text) {
                out += c == '-' ? std::string("&#45;") : std::string(1, c);
            }
            return out;
        };
        for (const auto& e : d.edges) {
            CAPTURE(e.id);
            const auto at = svg.find("<g id=\"" + escaped(e.id) + "\" class=\"edge\">");
            REQUIRE(at != std::string::npos);
            const auto end = svg.find("</g>\n</g>", at);
            CHECK(svg.substr(at, end - at).find(">" + escaped(e.label) + "</text>") !=
                  std::string::npos);
        }
    }
    // Frustrated ties: label black like the line.
    const std::string svg = render(d, DiagramFormat::svg, "dot").bytes;
    const bool black =
        svg.find("fill=\"#000000\">&#45;1.00 frustrated</text>") != std::string::npos ||
        svg.find("fill=\"#000000\">+1.00 frustrated</text>") != std::string::npos;
    CHECK(black);
}

TEST_CASE("legend: a frustrated tie resting on derived evidence has a row of its own") {
    Diagram d;
    d.title = "Camps";
    d.highlighted_meaning = "frustrated tie";
    for (const char* name : {"a", "b", "c"}) {
        DiagramNode n;
        n.name = name;
        n.id = std::string("actor-") + name;
        n.label = name;
        d.nodes.push_back(n);
    }
    DiagramEdge solid;
    solid.tail = "a";
    solid.head = "b";
    solid.id = "tie-a--b";
    solid.polarity = -1;
    solid.directed = false;
    solid.highlighted = true;
    DiagramEdge dashed = solid;
    dashed.head = "c";
    dashed.id = "tie-a--c";
    dashed.derived = true;
    d.edges = {solid};
    std::string svg = render(d, DiagramFormat::svg).bytes;
    CHECK(svg.find(">frustrated tie</text>") != std::string::npos);
    CHECK(svg.find(">frustrated tie, derived</text>") == std::string::npos);
    d.edges = {solid, dashed};
    svg = render(d, DiagramFormat::svg).bytes;
    CHECK(svg.find(">frustrated tie</text>") != std::string::npos);
    const auto row = svg.find("xlink:title=\"frustrated tie, derived\"");
    REQUIRE(row != std::string::npos);
    // Its sample is drawn as the edge is: black and dashed.
    const auto path = svg.find("<path", row);
    REQUIRE(path != std::string::npos);
    const std::string sample = svg.substr(path, svg.find("/>", path) - path);
    CHECK(sample.find("stroke=\"#000000\"") != std::string::npos);
    CHECK(sample.find("stroke-dasharray") != std::string::npos);
    d.edges = {dashed};
    svg = render(d, DiagramFormat::svg).bytes;
    CHECK(svg.find(">frustrated tie</text>") == std::string::npos);
    CHECK(svg.find(">frustrated tie, derived</text>") != std::string::npos);
}
