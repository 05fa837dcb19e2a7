// The one place entente calls Graphviz. Graphviz 2.42's C API takes non-const char*, so every
// string goes through a small helper here and nowhere else.
#include "entente/draw/render.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "entente/model/errors.hpp"
#include "entente/model/text.hpp"

namespace entente {

namespace {

// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies, and told apart
// in greyscale by line style and arrowheads as well (see edge_attributes).
constexpr const char* cooperative_colour = "#0072B2";  // blue
constexpr const char* hostile_colour = "#D55E00";      // vermillion
constexpr const char* structural_colour = "#7F7F7F";   // grey
constexpr const char* highlight_colour = "#000000";

char* mutable_cstr(const std::string& s) {
    return const_cast<char*>(s.c_str());
}

// True when the '&' at `at` begins what Graphviz reads as a character entity ("&amp;", "&#65;",
// "&#x41;"): a name, or '#' and digits, then ';'. Graphviz turns those into their character in
// labels and tooltips alike; any other '&' it leaves alone.
bool starts_entity(const std::string& text, std::size_t at) {
    std::size_t i = at + 1;
    const std::size_t start = i;
    while (i < text.size() && i - start <= 32 &&
           ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z') ||
            (text[i] >= '0' && text[i] <= '9') || text[i] == '#')) {
        ++i;
    }
    return i > start && i < text.size() && text[i] == ';';
}

// What Graphviz expands, by attribute kind. Labels read "\\" as one backslash and "\N", "\G",
// "\E", "\T", "\H", "\L" as the object's names, "\n", "\l", "\r" as line breaks. Tooltips
// go through two passes that each halve a run of backslashes (the object substitution, then the
// tooltip's own escapes), so one backslash of the text is four there; "\n" still breaks a line.
// Measured on Graphviz 2.43 and pinned by the hostile-text tests in tests/unit/test_render.cpp.
enum class Attribute { label, tooltip };

// Escapes text from the data so that what Graphviz draws is exactly the text: backslashes and
// entity-like '&' escaped for the attribute kind, line feeds as Graphviz's line break, carriage
// returns dropped (a CRLF is one break).
std::string escape_for(const std::string& raw, Attribute kind) {
    // SVG is XML: what XML 1.0 cannot carry is drawn as U+FFFD (the rule every writer applies).
    std::size_t replaced = 0;
    const std::string text = xml_carryable(raw, replaced);
    const char* backslash = kind == Attribute::label ? "\\\\" : "\\\\\\\\";
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\') {
            out += backslash;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            continue;
        } else if (c == '&' && starts_entity(text, i)) {
            out += "&amp;";
        } else {
            out += c;
        }
    }
    return out;
}

std::string escape_label(const std::string& raw) {
    return escape_for(raw, Attribute::label);
}

std::string escape_tooltip(const std::string& raw) {
    return escape_for(raw, Attribute::tooltip);
}

// Graphviz reports through a callback; messages are kept, not printed.
std::vector<std::string>* current_messages = nullptr;
int collect_message(char* message) {
    if (current_messages != nullptr && message != nullptr) {
        std::string text(message);
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
            text.pop_back();
        }
        if (!text.empty()) {
            current_messages->push_back(text);
        }
    }
    return 0;
}

// One Graphviz context per process, created on first use and freed at exit.
GVC_t* context() {
    struct Context {
        GVC_t* gvc;
        Context() : gvc((agseterrf(collect_message), gvContext())) {}
        ~Context() { gvFreeContext(gvc); }
    };
    static Context instance;
    return instance.gvc;
}

void set(void* object, const char* name, const std::string& value) {
    agsafeset(object, const_cast<char*>(name), mutable_cstr(value), const_cast<char*>(""));
}

const char* shape_for(ActorKind kind) {
    switch (kind) {
        case ActorKind::state:
            return "box";
        case ActorKind::organization:
            return "hexagon";
        case ActorKind::person:
            return "ellipse";
        case ActorKind::group:
            return "octagon";
        case ActorKind::position:
            return "note";
        case ActorKind::project:
            return "cds";
        case ActorKind::region:
            return "tab";
        case ActorKind::event:
            return "doublecircle";
    }
    return "box";
}

const char* colour_for(int polarity) {
    return polarity > 0 ? cooperative_colour : polarity < 0 ? hostile_colour : structural_colour;
}

// Fills: the actors a query is about pale yellow with a bold outline; what they are contested
// over (a roadblock, an object taken on opposite sides) pale vermillion with a dashed vermillion
// outline, so the two never read as one; every other actor light grey.
constexpr const char* plain_fill = "#F7F7F7";
constexpr const char* emphasized_fill = "#FFF3C4";
constexpr const char* contested_fill = "#FBE3D6";

void style_node(Agnode_t* n, ActorKind kind, bool emphasized, bool contested, double scale) {
    set(n, "shape", shape_for(kind));
    std::string style = "filled";
    if (kind == ActorKind::state) {
        style += ",rounded";
    }
    if (emphasized) {
        style += ",bold";
    } else if (contested) {
        style += ",dashed";
    }
    set(n, "style", style);
    set(n, "fillcolor", emphasized ? emphasized_fill : contested ? contested_fill : plain_fill);
    set(n, "color", !emphasized && contested ? hostile_colour : "#000000");
    char width[16];
    std::snprintf(width, sizeof width, "%.2f", (emphasized ? 2.5 : contested ? 2 : 1) * scale);
    set(n, "penwidth", width);
}

void style_edge(Agedge_t* e, const DiagramEdge& d, double scale) {
    // Thin evidence: the same colour at a quarter of its opacity (#RRGGBBAA), label at half.
    const std::string colour = d.highlighted ? highlight_colour : colour_for(d.polarity);
    set(e, "color", d.faint ? colour + "40" : colour);
    // A highlighted edge's label is black like its line, so it reads as that edge's.
    set(e, "fontcolor",
        d.highlighted ? std::string(highlight_colour)
        : d.faint     ? std::string(colour_for(d.polarity)) + "80"
                      : std::string(colour_for(d.polarity)));
    // Line style carries what colour cannot in greyscale: hostile ties are drawn with a bar
    // arrowhead, structural ones thin; derived ties dashed, hypothetical ones dotted.
    std::string style = d.hypothetical ? "dotted" : d.derived ? "dashed" : "solid";
    if (d.highlighted) {
        style += ",bold";
    }
    set(e, "style", style);
    char width[16];
    std::snprintf(
        width, sizeof width, "%.2f",
        (d.polarity == 0 ? 0.8 : 1.0 + 2.0 * d.confidence) * (d.highlighted ? 1.6 : 1) * scale);
    set(e, "penwidth", width);
    if (scale != 1) {
        std::snprintf(width, sizeof width, "%.2f", scale);
        set(e, "arrowsize", width);
    }
    set(e, "arrowhead", d.polarity < 0 ? "tee" : d.polarity == 0 ? "empty" : "normal");
    if (!d.directed) {
        set(e, "dir", d.polarity < 0 ? "both" : "none");
        if (d.polarity < 0) {
            set(e, "arrowtail", "tee");
        }
    }
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

// How the drawing's text and lines are sized, and where edge labels go. `scale` multiplies every
// font size, line width and the legend's measures: render() raises it when a drawing fitted to a
// slide would otherwise shrink its text below reading size (see font_scale_for). `xlabels` puts
// edge labels outside the edges (Graphviz xlabel), placed after the layout where they overlap
// nothing: engines other than dot set a label at its edge's middle whatever lies there.
struct Look {
    double scale = 1;
    bool xlabels = false;
    std::string pt(double size) const { return number(size * scale); }
};

// The image's size in inches, from --size: pixels are device pixels at the PNG's resolution,
// CSS pixels (1/96 inch) in the vector formats.
std::pair<double, double> page_inches(const PageOptions& page, DiagramFormat format) {
    if (!page.pixels) {
        return {page.width, page.height};
    }
    const double per_inch = format == DiagramFormat::png
                                ? (page.dpi > 0 ? page.dpi : default_png_dpi)
                                : css_pixels_per_inch;
    return {page.width / per_inch, page.height / per_inch};
}

// Sets the title and the page attributes (size, resolution) of the graph drawn.
void set_page(Agraph_t* g, const Diagram& diagram, DiagramFormat format, const PageOptions& page,
              const Look& look) {
    set(g, "label", escape_label(diagram.title));
    set(g, "labelloc", "t");
    set(g, "fontname", "Helvetica");
    set(g, "fontsize", look.pt(16));
    if (format == DiagramFormat::png) {
        // Set in PNG only: Graphviz 2.43 scales an SVG's width and height by dpi/72 but not its
        // viewBox.
        set(g, "dpi", number(page.dpi > 0 ? page.dpi : default_png_dpi));
    }
    if (page.width > 0 && page.height > 0) {
        // "!" scales a small drawing up as well as a large one down. Nodes keep their size, so
        // the drawing rarely fills the box exactly: render() sets the viewport to the box after
        // the layout.
        const auto [w, h] = page_inches(page, format);
        set(g, "size", number(w) + "," + number(h) + "!");
    }
    set(g, "ratio", "");
}

// What the graph is built for: DOT output (the graph as built), or the first of render()'s two
// layouts, with the engine's own clusters (dot, fdp) or with each camp packed apart (see
// camp_packed).
enum class Stage { dot_output, clustered, packed };

// True when `layout` keeps Graphviz clusters as boxes that hold their nodes and nothing else:
// dot. neato, sfdp and circo ignore clusters or let them overlap and take in other nodes, and
// fdp keeps them but crowds their nodes onto one another (Read's tribes: Nagamidzuha over
// Kotuni), so camps are laid out there as separate packed components instead (render()).
bool native_clusters(std::string_view layout) {
    return layout == "dot";
}

// entente's own nodes are named with ':', which no actor id (a slug) can hold, so an actor called
// "legend_kind_0" or "entente" stays an actor.
std::string hub_name(const std::string& cluster) {
    return "entente:camp:" + cluster;
}

// Rough width in points of `text` at `font_size`, at `em` of the size per character: Helvetica
// (or DejaVu Sans, which stands in for it on Debian) averages about 0.5 em on entente's words, so
// 0.58 holds the legend's text and 0.6 leaves room to spare.
double text_width(const std::string& text, double font_size, double em = 0.6) {
    std::size_t characters = 0;
    for (char c : text) {
        characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return em * font_size * static_cast<double>(characters);
}

// The node every edge of the diagram touches when it has at least three edges (a star: `align A`,
// an ego network without ties among the neighbours), or "". Its edges' labels go at their other
// end: beside the centre they would stack in one column, each value beside its neighbour reads.
std::string star_centre(const Diagram& diagram) {
    if (diagram.edges.size() < 3) {
        return {};
    }
    for (const std::string* centre : {&diagram.edges[0].tail, &diagram.edges[0].head}) {
        if (std::all_of(diagram.edges.begin(), diagram.edges.end(), [centre](const auto& e) {
                return e.tail == *centre || e.head == *centre;
            })) {
            return *centre;
        }
    }
    return {};
}

void add_edge(Agraph_t* g, Agnode_t* tail, Agnode_t* head, const DiagramEdge& e,
              const PageOptions& page, const Look& look, const std::string& centre = {}) {
    Agedge_t* edge = agedge(g, tail, head, mutable_cstr(e.id), 1);
    style_edge(edge, e, look.scale);
    if (page.edge_labels) {
        if (look.xlabels) {
            // Placed by Graphviz after the layout, beside its edge where it covers no node and
            // no other label.
            set(edge, "xlabel", escape_label(e.label));
        } else if (!centre.empty()) {
            // A star: the value at the neighbour's end, six arrowhead lengths out and 18 degrees
            // off the line, so the line does not strike it through.
            set(edge, e.tail == centre ? "headlabel" : "taillabel", escape_label(e.label));
            set(edge, "labeldistance", "6");
            set(edge, "labelangle", "-18");
        } else {
            set(edge, "label", escape_label(e.label));
            // A leader from each label to its edge: where many edges leave one actor, dot stacks
            // their labels in a column between the ranks (Pakistan's eight ties in `align russia
            // pakistan`), and only the leader says which edge each belongs to.
            if (!e.label.empty()) {
                set(edge, "decorate", "true");
            }
        }
        set(edge, "tooltip", escape_tooltip(e.tooltip));
        set(edge, "labeltooltip", escape_tooltip(e.tooltip));
    } else {
        // The value the label would show opens the tooltip, so nothing is lost.
        const std::string tooltip = e.label.empty()     ? e.tooltip
                                    : e.tooltip.empty() ? e.label
                                                        : e.label + "\n" + e.tooltip;
        set(edge, "tooltip", escape_tooltip(tooltip));
    }
    set(edge, "id", e.id);
}

const char* cluster_of(const std::map<std::string, const DiagramNode*>& nodes,
                       const std::string& name) {
    const auto it = nodes.find(name);
    return it == nodes.end() ? "" : it->second->cluster.c_str();
}

// Builds the cgraph graph of the diagram, without its legend (placed after the layout); the
// caller closes it.
Agraph_t* build(const Diagram& diagram, DiagramFormat format, const PageOptions& page, Stage stage,
                const Look& look) {
    Agraph_t* g = agopen(const_cast<char*>("entente"), Agdirected, nullptr);
    if (stage == Stage::dot_output) {
        set_page(g, diagram, format, page, look);
    }
    // No Graphviz ratio toward the page's shape: it spreads the layout by lengthening edges, so
    // the text shrinks when the whole is fitted to the page (Read's tribes on a 1920x1080 slide
    // with dot: edge labels at 0.35 of their size, 0.67 without). The drawing is scaled to fit
    // and centred instead (set_viewport), the legend placed on the side that wastes least.
    set(g, "fontname", "Helvetica");
    set(g, "rankdir", "LR");
    set(g, "charset", "UTF-8");
    set(g, "overlap", "false");
    // Room around each node when the engine removes overlaps (neato, fdp, sfdp; Graphviz's
    // default is 4 points): with 4, nodes touched (Pakistan against a position's note under
    // circo, India against Russia under sfdp) and hid the edge between them and its label.
    set(g, "sep", "+" + look.pt(14));
    set(g, "esep", "+" + look.pt(10));
    set(g, "outputorder", "edgesfirst");
    // Graphviz 2.43's default ranking frees memory twice in gvFreeLayout for some graphs with
    // clusters (Read's tribes as two camps, under ASan); newrank takes another path and also
    // ranks clustered graphs better.
    set(g, "newrank", "true");
    agattr(g, AGNODE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
    agattr(g, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
    agattr(g, AGNODE, const_cast<char*>("fontsize"), mutable_cstr(look.pt(14)));
    agattr(g, AGEDGE, const_cast<char*>("fontsize"), mutable_cstr(look.pt(10)));
    std::map<std::string, Agraph_t*> clusters;
    if (stage != Stage::dot_output) {
        // A subgraph's place among its siblings, hence the order the SVG draws clusters in, is
        // where its name's interned string lies in memory. The clusters finish() adds after the
        // layout would get theirs from memory the layout freed, in an order that differed from
        // run to run; interned now, in drawing order, they keep that order (the graph's close
        // frees them).
        for (const auto& c : diagram.clusters) {
            agstrdup(g, mutable_cstr(c.name));
        }
        agstrdup(g, const_cast<char*>("cluster_legend"));
    }
    for (const auto& c : diagram.clusters) {
        if (stage == Stage::packed) {
            // A hidden hub joined to every member holds a camp together as one component, and
            // the size of its caption reserves the caption's room; components are packed apart
            // (pack, packmode=graph: by bounding box) with room for the boxes drawn around them.
            Agnode_t* hub = agnode(g, mutable_cstr(hub_name(c.name)), 1);
            set(hub, "shape", "box");
            set(hub, "style", "invis");
            set(hub, "label", "");
            set(hub, "fixedsize", "true");
            set(hub, "width", number(text_width(c.label, 12 * look.scale) / 72));
            set(hub, "height", number(0.3 * look.scale));
            set(g, "pack", "60");
            set(g, "packmode", "graph");
            continue;
        }
        Agraph_t* sg = agsubg(g, mutable_cstr(c.name), 1);
        set(sg, "label", escape_label(c.label));
        set(sg, "style", "rounded");
        set(sg, "color", "#555555");
        set(sg, "fontsize", look.pt(12));
        set(sg, "penwidth", look.pt(1));
        set(sg, "id", "camp-" + c.name);
        set(sg, "class", "camp");
        clusters.emplace(c.name, sg);
    }
    std::map<std::string, Agnode_t*> nodes;
    std::map<std::string, const DiagramNode*> drawn;
    for (const auto& n : diagram.nodes) {
        Agraph_t* parent = g;
        if (const auto it = clusters.find(n.cluster); it != clusters.end()) {
            parent = it->second;
        }
        Agnode_t* node = agnode(parent, mutable_cstr(n.name), 1);
        style_node(node, n.kind, n.emphasized, n.contested, look.scale);
        set(node, "label", escape_label(n.label));
        set(node, "tooltip", escape_tooltip(n.tooltip));
        set(node, "id", n.id);
        set(node, "class", "actor");
        nodes.emplace(n.name, node);
        drawn.emplace(n.name, &n);
        if (stage == Stage::packed && !n.cluster.empty()) {
            Agnode_t* hub = agnode(g, mutable_cstr(hub_name(n.cluster)), 0);
            if (hub != nullptr) {
                Agedge_t* spoke = agedge(g, hub, node, nullptr, 1);
                set(spoke, "style", "invis");
            }
        }
    }
    const std::string centre = star_centre(diagram);
    for (const auto& e : diagram.edges) {
        const auto tail = nodes.find(e.tail);
        const auto head = nodes.find(e.head);
        if (tail == nodes.end() || head == nodes.end()) {
            throw RenderError("diagram edge " + e.id + " joins a node that is not drawn");
        }
        // Packed camps are laid out apart: edges between them are routed afterwards (finish()).
        if (stage == Stage::packed &&
            std::string_view(cluster_of(drawn, e.tail)) != cluster_of(drawn, e.head)) {
            continue;
        }
        add_edge(g, tail->second, head->second, e, page, look, centre);
    }
    if (diagram.nodes.empty()) {
        // An empty answer says so in words, not as a blank image under a title. entente's own
        // nodes are named with ':', which no actor id holds.
        Agnode_t* n = agnode(g, const_cast<char*>("entente:empty"), 1);
        set(n, "shape", "note");
        set(n, "style", "filled");
        set(n, "fillcolor", "#F7F7F7");
        set(n, "color", "#999999");
        set(n, "fontsize", look.pt(14));
        set(n, "margin", "0.3,0.2");
        set(n, "label",
            escape_label(diagram.empty_message.empty() ? std::string("Nothing to draw")
                                                       : diagram.empty_message));
        set(n, "tooltip", escape_tooltip(diagram.empty_message));
        set(n, "id", "empty-answer");
    }
    return g;
}

// A box in Graphviz's points, y upward.
struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    void add(const Box& b) {
        x0 = std::min(x0, b.x0);
        y0 = std::min(y0, b.y0);
        x1 = std::max(x1, b.x1);
        y1 = std::max(y1, b.y1);
    }
    std::string text() const {
        return number(x0) + "," + number(y0) + "," + number(x1) + "," + number(y1);
    }
};

std::optional<Box> parse_box(const char* text) {
    Box b;
    if (text == nullptr || std::sscanf(text, "%lf,%lf,%lf,%lf", &b.x0, &b.y0, &b.x1, &b.y1) != 4) {
        return std::nullopt;
    }
    return b;
}

// A laid-out node's box from its pos (points) and width and height (inches).
std::optional<Box> node_box(Agnode_t* n) {
    double x = 0;
    double y = 0;
    const char* pos = agget(n, const_cast<char*>("pos"));
    const char* w = agget(n, const_cast<char*>("width"));
    const char* h = agget(n, const_cast<char*>("height"));
    if (pos == nullptr || w == nullptr || h == nullptr ||
        std::sscanf(pos, "%lf,%lf", &x, &y) != 2) {
        return std::nullopt;
    }
    const double hw = std::atof(w) * 36;
    const double hh = std::atof(h) * 36;
    return Box{x - hw, y - hh, x + hw, y + hh};
}

// Which sample of the legend an edge style gets: the polarity and direction of the first drawn
// edge that has it, so each sample is drawn as the graph's edges are.
struct LegendNeeds {
    std::set<ActorKind> kinds;
    std::map<int, bool> polarities;  // polarity -> some edge of it is drawn directed
    // highlighted_derived: a highlighted edge that is also derived, drawn dashed black (a
    // frustrated tie resting only on derived evidence), a look of its own.
    std::optional<DiagramEdge> derived, hypothetical, highlighted, highlighted_derived, faint;
    bool emphasized = false;
    bool contested = false;
};

LegendNeeds legend_needs(const Diagram& diagram) {
    LegendNeeds needs;
    for (const auto& n : diagram.nodes) {
        needs.kinds.insert(n.kind);
        needs.emphasized |= n.emphasized;
        needs.contested |= n.contested;
    }
    auto first = [](std::optional<DiagramEdge>& slot, const DiagramEdge& e, bool has) {
        if (has && !slot) {
            slot = DiagramEdge{};
            slot->polarity = e.polarity;
            slot->directed = e.directed;
            slot->confidence = 0.5;
        }
    };
    for (const auto& e : diagram.edges) {
        // A highlighted edge is black, whatever its polarity: its own row says so, and a
        // polarity's colour gets a row only from an edge drawn in it.
        if (!e.highlighted) {
            needs.polarities[e.polarity] |= e.directed;
        }
        first(needs.derived, e, e.derived);
        first(needs.hypothetical, e, e.hypothetical);
        first(needs.highlighted, e, e.highlighted && !e.derived);
        first(needs.highlighted_derived, e, e.highlighted && e.derived);
        first(needs.faint, e, e.faint);
    }
    if (needs.derived) {
        needs.derived->derived = true;
    }
    if (needs.hypothetical) {
        needs.hypothetical->hypothetical = true;
    }
    if (needs.highlighted) {
        needs.highlighted->highlighted = true;
    }
    if (needs.highlighted_derived) {
        needs.highlighted_derived->highlighted = true;
        needs.highlighted_derived->derived = true;
    }
    if (needs.faint) {
        needs.faint->faint = true;
    }
    return needs;
}

// The legend: one box beside the laid-out drawing (right of it or under it, whichever brings the
// whole image nearer `shape`, width over height), holding a sample of each node look and edge
// style the drawing uses, each with its words. Every sample is pinned, so no layout moves it.
// Returns the box.
Box place_legend(Agraph_t* g, const Diagram& diagram, const Box& drawing, double shape,
                 const Look& look) {
    const double k = look.scale;
    // The title, drawn above whatever is below it, counts toward the image's shape.
    double title_width = 0;
    double title_height = 0;
    for (std::size_t start = 0; start <= diagram.title.size();) {
        const auto end = std::min(diagram.title.find('\n', start), diagram.title.size());
        title_width = std::max(title_width,
                               text_width(diagram.title.substr(start, end - start), 16 * k, 0.55));
        title_height += 20 * k;
        start = end + 1;
    }
    const LegendNeeds needs = legend_needs(diagram);
    struct Row {
        std::string text;
        std::optional<ActorKind> kind;  // a node sample of this kind
        bool emphasized = false;
        bool contested = false;
        std::optional<DiagramEdge> edge;  // or an edge sample
    };
    std::vector<Row> rows;
    for (ActorKind kind : needs.kinds) {
        rows.push_back({std::string(to_string(kind)), kind, false, false, std::nullopt});
    }
    if (needs.emphasized) {
        rows.push_back({"asked about", ActorKind::state, true, false, std::nullopt});
    }
    if (needs.contested) {
        rows.push_back({diagram.contested_meaning.empty() ? std::string("contested")
                                                          : diagram.contested_meaning,
                        ActorKind::state, false, true, std::nullopt});
    }
    // A ranking's or a matrix's edges are scores, not claims: a score below 0 says the two
    // take opposite sides more often than not, not that either is hostile to the other.
    const bool scores =
        !diagram.edges.empty() &&
        std::all_of(diagram.edges.begin(), diagram.edges.end(),
                    [](const DiagramEdge& e) { return e.id.starts_with("score-"); });
    const char* claim_names[] = {"hostile (-1)", "structural (0)", "cooperative (+1)"};
    const char* score_names[] = {"score below 0: opposite sides", "score 0",
                                 "score above 0: same sides"};
    const char* const* names = scores ? score_names : claim_names;
    for (const auto& [polarity, directed] : needs.polarities) {
        DiagramEdge e;
        e.polarity = polarity;
        e.directed = directed;
        e.confidence = 0.5;
        rows.push_back({names[polarity + 1], std::nullopt, false, false, e});
    }
    if (needs.derived) {
        rows.push_back(
            {"derived via a position's holder", std::nullopt, false, false, needs.derived});
    }
    if (needs.hypothetical) {
        rows.push_back({"hypothetical (--assume)", std::nullopt, false, false, needs.hypothetical});
    }
    if (needs.faint) {
        rows.push_back({"thin evidence (few objects)", std::nullopt, false, false, needs.faint});
    }
    // A score's label counts the objects it compares ("+0.71 (n=12)"): said once, in words.
    if (scores && std::any_of(diagram.edges.begin(), diagram.edges.end(), [](const auto& e) {
            return e.label.find("(n=") != std::string::npos;
        })) {
        rows.push_back({"(n=k): k objects compared", std::nullopt, false, false, std::nullopt});
    }
    const std::string highlighted = diagram.highlighted_meaning.empty()
                                        ? std::string("highlighted")
                                        : diagram.highlighted_meaning;
    if (needs.highlighted) {
        rows.push_back({highlighted, std::nullopt, false, false, needs.highlighted});
    }
    if (needs.highlighted_derived) {
        rows.push_back(
            {highlighted + ", derived", std::nullopt, false, false, needs.highlighted_derived});
    }
    const double pad = 10 * k;
    const double caption = 22 * k;
    const double row_height = 24 * k;
    const double sample = 44 * k;
    const double gap = 8 * k;
    const double font = 11 * k;
    double widest = text_width("Legend", 12 * k);
    for (const auto& r : rows) {
        widest = std::max(widest, sample + gap + text_width(r.text, font, 0.58));
    }
    const double width = widest + 2 * pad;
    const double height = caption + static_cast<double>(rows.size()) * row_height + pad;
    // Beside or under, whichever gives the whole image the shape nearer the page's.
    const double space = 24 * k;
    auto off = [shape, title_width, title_height](double w, double h) {
        return std::abs(std::log((std::max(w, title_width) / (h + title_height)) / shape));
    };
    const double dw = drawing.x1 - drawing.x0;
    const double dh = drawing.y1 - drawing.y0;
    const bool beside = off(dw + space + width, std::max(dh, height)) <=
                        off(std::max(dw, width), dh + space + height);
    Box box;
    box.x0 = beside ? drawing.x1 + space : drawing.x0;
    box.y1 = beside ? drawing.y1 : drawing.y0 - space;
    box.x1 = box.x0 + width;
    box.y0 = box.y1 - height;

    Agraph_t* legend = agsubg(g, const_cast<char*>("cluster_legend"), 1);
    set(legend, "label", "Legend");
    set(legend, "style", "rounded,dashed");
    set(legend, "color", "#999999");
    set(legend, "fontsize", look.pt(12));
    set(legend, "penwidth", look.pt(1));
    set(legend, "fontname", "Helvetica");
    set(legend, "bb", box.text());
    set(legend, "lp", number((box.x0 + box.x1) / 2) + "," + number(box.y1 - caption / 2 - 2));
    set(legend, "id", "legend");
    set(legend, "class", "legend");
    auto pin = [](Agnode_t* n, double x, double y) {
        set(n, "pos", number(x) + "," + number(y) + "!");
        set(n, "class", "legend");
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        const double y = box.y1 - caption - (static_cast<double>(i) + 0.5) * row_height;
        const double left = box.x0 + pad;
        const std::string name = "legend:" + std::to_string(i);
        if (r.kind) {
            Agnode_t* n = agnode(legend, mutable_cstr(name + ":sample"), 1);
            style_node(n, *r.kind, r.emphasized, r.contested, k);
            set(n, "label", "");
            set(n, "fixedsize", "true");
            set(n, "width", number(sample / 72));
            set(n, "height", number(18.0 * k / 72));
            set(n, "id", "legend-sample-" + std::to_string(i));
            set(n, "tooltip", r.text);
            pin(n, left + sample / 2, y);
        } else if (r.edge) {
            Agnode_t* a = agnode(legend, mutable_cstr(name + ":a"), 1);
            Agnode_t* b = agnode(legend, mutable_cstr(name + ":b"), 1);
            for (Agnode_t* n : {a, b}) {
                set(n, "shape", "point");
                set(n, "style", "invis");
                set(n, "width", "0.01");
                set(n, "label", "");
            }
            set(a, "id", "legend-end-" + std::to_string(i) + "a");
            set(b, "id", "legend-end-" + std::to_string(i) + "b");
            pin(a, left, y);
            pin(b, left + sample, y);
            Agedge_t* e = agedge(legend, a, b, mutable_cstr(name + ":edge"), 1);
            style_edge(e, *r.edge, k);
            set(e, "id", "legend-sample-" + std::to_string(i));
            set(e, "class", "legend");
            set(e, "tooltip", r.text);
        }
        Agnode_t* t = agnode(legend, mutable_cstr(name + ":text"), 1);
        // The text is drawn from the node's left edge (a "\l" label); the node is wider than the
        // text can be, so Graphviz never finds it too small, and draws nothing but the text.
        const double w = text_width(r.text, font, 0.8);
        set(t, "shape", "plaintext");
        set(t, "style", "");
        set(t, "label", escape_label(r.text) + "\\l");
        set(t, "fontsize", number(font));
        set(t, "margin", "0,0");
        set(t, "fixedsize", "true");
        set(t, "width", number(w / 72));
        set(t, "height", number(16.0 * k / 72));
        set(t, "id", "legend-text-" + std::to_string(i));
        pin(t, left + sample + gap + w / 2, y);
    }
    return box;
}

// Completes the laid-out graph `g` (read back from the first layout) for drawing: packed camps
// get their boxes and the edges between them, the legend is placed beside the drawing, and the
// title and page attributes are set. Positions are then final: render() draws `g` with Graphviz's
// nop2 engine (neato -n2), which keeps them and routes only edges that have none.
void finish(Agraph_t* g, const Diagram& diagram, DiagramFormat format, const PageOptions& page,
            bool packed, const Look& look) {
    const double k = look.scale;
    Box drawing = parse_box(agget(g, const_cast<char*>("bb"))).value_or(Box{});
    if (packed) {
        std::map<std::string, const DiagramNode*> drawn;
        for (const auto& n : diagram.nodes) {
            drawn.emplace(n.name, &n);
        }
        for (const auto& c : diagram.clusters) {
            Agnode_t* hub = agnode(g, mutable_cstr(hub_name(c.name)), 0);
            std::optional<Box> box = hub != nullptr ? node_box(hub) : std::nullopt;
            if (hub != nullptr) {
                agdelnode(g, hub);
            }
            std::vector<Agnode_t*> members;
            for (const auto& n : diagram.nodes) {
                if (n.cluster != c.name) {
                    continue;
                }
                Agnode_t* node = agnode(g, mutable_cstr(n.name), 0);
                const auto b = node != nullptr ? node_box(node) : std::nullopt;
                if (!b) {
                    continue;
                }
                members.push_back(node);
                if (box) {
                    box->add(*b);
                } else {
                    box = b;
                }
            }
            if (!box || members.empty()) {
                continue;
            }
            // The edges within the camp and their labels.
            for (Agnode_t* n : members) {
                for (Agedge_t* e = agfstout(g, n); e != nullptr; e = agnxtout(g, e)) {
                    double x = 0;
                    double y = 0;
                    const char* lp = agget(e, const_cast<char*>(look.xlabels ? "xlp" : "lp"));
                    const char* label =
                        agget(e, const_cast<char*>(look.xlabels ? "xlabel" : "label"));
                    if (lp != nullptr && label != nullptr &&
                        std::sscanf(lp, "%lf,%lf", &x, &y) == 2) {
                        const double hw = text_width(label, 10 * k) / 2;
                        box->add(Box{x - hw, y - 8 * k, x + hw, y + 8 * k});
                    }
                }
            }
            box->x0 -= 10 * k;
            box->x1 += 10 * k;
            box->y0 -= 10 * k;
            box->y1 += (10 + 20) * k;
            Agraph_t* sg = agsubg(g, mutable_cstr(c.name), 1);
            set(sg, "label", escape_label(c.label));
            set(sg, "style", "rounded");
            set(sg, "color", "#555555");
            set(sg, "fontsize", look.pt(12));
            set(sg, "penwidth", look.pt(1));
            set(sg, "fontname", "Helvetica");
            set(sg, "id", "camp-" + c.name);
            set(sg, "class", "camp");
            set(sg, "bb", box->text());
            set(sg, "lp", number((box->x0 + box->x1) / 2) + "," + number(box->y1 - 12 * k));
            for (Agnode_t* n : members) {
                agsubnode(sg, n, 1);
            }
            drawing.add(*box);
        }
        // The edges between camps, routed by the second layout.
        const std::string centre = star_centre(diagram);
        for (const auto& e : diagram.edges) {
            const auto t = drawn.find(e.tail);
            const auto h = drawn.find(e.head);
            if (t == drawn.end() || h == drawn.end() || t->second->cluster == h->second->cluster) {
                continue;
            }
            Agnode_t* tail = agnode(g, mutable_cstr(e.tail), 0);
            Agnode_t* head = agnode(g, mutable_cstr(e.head), 0);
            if (tail != nullptr && head != nullptr) {
                add_edge(g, tail, head, e, page, look, centre);
            }
        }
    }
    if (diagram.legend && !diagram.nodes.empty()) {
        double shape = 16.0 / 9;
        if (page.width > 0 && page.height > 0) {
            shape = page.width / page.height;
        } else if (page.aspect_width > 0 && page.aspect_height > 0) {
            shape = static_cast<double>(page.aspect_width) / page.aspect_height;
        }
        drawing.add(place_legend(g, diagram, drawing, shape, look));
    }
    set(g, "bb", drawing.text());
    // Positions are final: nothing may move them.
    set(g, "overlap", "true");
    set(g, "pack", "false");
    set_page(g, diagram, format, page, look);
}

// Writes a graph as DOT into a string, through a memory stream.
std::string write_dot(Agraph_t* g) {
    char* data = nullptr;
    std::size_t size = 0;
    FILE* stream = open_memstream(&data, &size);
    if (stream == nullptr) {
        throw RenderError("cannot open a memory stream for DOT output");
    }
    const int status = agwrite(g, stream);
    std::fclose(stream);
    std::string out(data, size);
    std::free(data);
    if (status != 0) {
        throw RenderError("Graphviz could not write DOT");
    }
    return out;
}

}  // namespace

std::optional<DiagramFormat> parse_diagram_format(std::string_view name) {
    if (name == "dot" || name == "gv")
        return DiagramFormat::dot;
    if (name == "svg")
        return DiagramFormat::svg;
    if (name == "png")
        return DiagramFormat::png;
    if (name == "pdf")
        return DiagramFormat::pdf;
    return std::nullopt;
}

std::optional<DiagramFormat> diagram_format_for(std::string_view path) {
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos) {
        return std::nullopt;
    }
    std::string ext(path.substr(dot + 1));
    for (char& c : ext) {
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return parse_diagram_format(ext);
}

std::string choose_layout(const Diagram& diagram, std::string_view requested) {
    if (!requested.empty()) {
        return std::string(requested);
    }
    return diagram.nodes.size() > dot_node_limit || diagram.edges.size() > dot_edge_limit ? "sfdp"
                                                                                          : "dot";
}

bool slow_layout(const Diagram& diagram, std::string_view layout) {
    return layout == "dot" &&
           (diagram.nodes.size() > dot_node_limit || diagram.edges.size() > dot_edge_limit);
}

namespace {

// How much of its natural size a drawing keeps when fitted to the page: for --size the page
// itself, for --aspect alone a slide 13.33 inches wide (PowerPoint's widescreen, 16:9 at 13.33 x
// 7.5 inches) of that shape. `drawing` is the laid-out drawing's box with its legend, in points,
// the title's line aside. 0 when no page is asked for.
// The page's width and height in points: the --size box, or for --aspect alone a slide 13.33
// inches wide of that shape; nullopt when no page is asked for.
std::optional<std::pair<double, double>> page_points(DiagramFormat format,
                                                     const PageOptions& page) {
    if (page.width > 0 && page.height > 0) {
        const auto [w, h] = page_inches(page, format);
        return std::pair{w * 72, h * 72};
    }
    if (page.aspect_width > 0 && page.aspect_height > 0) {
        return std::pair{960.0, 960.0 * page.aspect_height / page.aspect_width};
    }
    return std::nullopt;
}

double page_fit(const Box& drawing, DiagramFormat format, const PageOptions& page) {
    const auto points = page_points(format, page);
    if (!points) {
        return 0;
    }
    const auto [page_width, page_height] = *points;
    const double width = drawing.x1 - drawing.x0 + 8;
    const double height = drawing.y1 - drawing.y0 + 8 + 24;
    if (!(width > 8) || !(height > 8)) {
        return 0;
    }
    return std::min(page_width / width, page_height / height);
}

// Fitted at `fit`, body text (14 points at natural size) keeps 10 points of the page when the
// drawing's text is this much larger than natural: 1 when it keeps them already (fit 0.7 or
// more, or no page), at most 3.
double font_scale_for(double fit) {
    constexpr double readable = 10.0 / 14;
    return !(fit > 0) || fit >= readable ? 1 : std::min(3.0, readable / fit);
}

// Fixes the image's final box, in points, once the layout is known: the --size box, or the
// drawing's bounding box widened or heightened to the --aspect shape. Graphviz centres the drawing
// in it, scaled by `size` when one is set.
void set_viewport(Agraph_t* g, DiagramFormat format, const PageOptions& page) {
    if (page.width > 0 && page.height > 0) {
        const auto [w, h] = page_inches(page, format);
        set(g, "viewport", number(w * 72) + "," + number(h * 72));
        return;
    }
    if (page.aspect_width <= 0 || page.aspect_height <= 0) {
        return;
    }
    // The layout's bounding box, in points (the "bb" attribute is only written at render time).
    const boxf bb = GD_bb(g);
    // Graphviz pads the drawing by 4 points on every side.
    double w = bb.UR.x - bb.LL.x + 8;
    double h = bb.UR.y - bb.LL.y + 8;
    if (!(w > 8) || !(h > 8)) {
        return;
    }
    const double shape = static_cast<double>(page.aspect_height) / page.aspect_width;
    if (h < w * shape) {
        h = w * shape;
    } else {
        w = h / shape;
    }
    set(g, "viewport", number(w) + "," + number(h));
}

}  // namespace

Rendered render(const Diagram& diagram, DiagramFormat format, std::string_view layout,
                const PageOptions& page) {
    Rendered out;
    GVC_t* gvc = context();
    current_messages = &out.messages;
    std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> g(nullptr, agclose);
    try {
        if (format == DiagramFormat::dot) {
            g.reset(build(diagram, format, page, Stage::dot_output, Look{}));
            out.bytes = write_dot(g.get());
            current_messages = nullptr;
            return out;
        }
        // Two layouts. The first is the engine's, on the graph without its legend (and, where
        // the engine has no real clusters, with each camp laid out apart and packed); written
        // out as DOT, which sets every position as an attribute. The second (nop2, neato -n2) keeps
        // those positions, routes the edges between packed camps, and draws camp boxes and the
        // legend where finish() pinned them: no engine can move the legend onto the graph or
        // take it for part of it.
        out.layout = choose_layout(diagram, layout);
        const bool packed = !diagram.clusters.empty() && !native_clusters(out.layout);
        using LaidOut = std::unique_ptr<Agraph_t, int (*)(Agraph_t*)>;
        auto lay_out = [&](const Look& chosen) {
            LaidOut laid(
                build(diagram, format, page, packed ? Stage::packed : Stage::clustered, chosen),
                agclose);
            if (gvLayout(gvc, laid.get(), out.layout.c_str()) != 0) {
                throw RenderError("Graphviz could not lay the diagram out with " + out.layout);
            }
            char* data = nullptr;
            unsigned int length = 0;
            const int status = gvRenderData(gvc, laid.get(), "dot", &data, &length);
            const bool written = data != nullptr && length > 0;
            if (data != nullptr) {
                gvFreeRenderData(data);
            }
            gvFreeLayout(gvc, laid.get());
            if (status != 0 || !written) {
                throw RenderError("Graphviz could not lay the diagram out with " + out.layout);
            }
            // Writing DOT left every position on the graph's objects as attributes (Graphviz's
            // attach_attrs), which nop2 reads; the graph itself is kept, not read back from the
            // text, so its clusters keep the order they were made in (a graph read back orders
            // them by where their names landed in memory, which differed from run to run).
            finish(laid.get(), diagram, format, page, packed, chosen);
            return laid;
        };
        auto fit_of = [&](Agraph_t* laid) {
            const auto bb = parse_box(agget(laid, const_cast<char*>("bb")));
            return bb ? page_fit(*bb, format, page) : 0.0;
        };
        Look look;
        look.xlabels = out.layout != "dot";
        g = lay_out(look);
        // A slide's text: when the drawing must shrink to fit the page, its text shrinks with it.
        // Laid out again with larger text (and lines) it often shrinks less, as where spacing
        // rather than names sets the drawing's size (circo, neato); where the names set it (a
        // long chain under dot) the drawing grows with them, so the larger text is kept only
        // when it ends up at least a tenth larger on the page. Not for a slow layout (the time
        // would double).
        if (!slow_layout(diagram, out.layout)) {
            const double fit = fit_of(g.get());
            const double scale = font_scale_for(fit);
            if (scale > 1) {
                Look larger = look;
                larger.scale = scale;
                LaidOut second = lay_out(larger);
                if (scale * fit_of(second.get()) > 1.1 * fit) {
                    g = std::move(second);
                    out.font_scale = scale;
                }
            }
        }
        if (const auto points = page_points(format, page)) {
            out.page_text_share = 14 * out.font_scale * fit_of(g.get()) / points->second;
        }
        if (gvLayout(gvc, g.get(), "nop2") != 0) {
            throw RenderError("Graphviz could not place the legend");
        }
        set_viewport(g.get(), format, page);
        const char* name = format == DiagramFormat::svg   ? "svg"
                           : format == DiagramFormat::png ? "png"
                                                          : "pdf";
        char* data = nullptr;
        unsigned int length = 0;
        const int status = gvRenderData(gvc, g.get(), name, &data, &length);
        if (data != nullptr) {
            out.bytes.assign(data, length);
            gvFreeRenderData(data);
        }
        gvFreeLayout(gvc, g.get());
        if (status != 0 || out.bytes.empty()) {
            throw RenderError(std::string("Graphviz could not render ") + name);
        }
    } catch (...) {
        current_messages = nullptr;
        throw;
    }
    current_messages = nullptr;
    return out;
}

}  // namespace entente
