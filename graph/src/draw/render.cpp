// The one place entente calls Graphviz. Graphviz 2.42's C API takes non-const char*, so every
// string goes through a small helper here and nowhere else.
#include "entente/draw/render.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
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

void style_node(Agnode_t* n, ActorKind kind, bool emphasized) {
    set(n, "shape", shape_for(kind));
    std::string style = "filled";
    if (kind == ActorKind::state) {
        style += ",rounded";
    }
    if (emphasized) {
        style += ",bold";
    }
    set(n, "style", style);
    set(n, "fillcolor", emphasized ? "#FFF3C4" : "#F7F7F7");
    set(n, "penwidth", emphasized ? "2.5" : "1");
}

void style_edge(Agedge_t* e, const DiagramEdge& d) {
    // Thin evidence: the same colour at a quarter of its opacity (#RRGGBBAA), label at half.
    const std::string colour = d.highlighted ? highlight_colour : colour_for(d.polarity);
    set(e, "color", d.faint ? colour + "40" : colour);
    set(e, "fontcolor",
        d.faint ? std::string(colour_for(d.polarity)) + "80" : std::string(colour_for(d.polarity)));
    // Line style carries what colour cannot in greyscale: hostile ties are drawn with a bar
    // arrowhead, structural ones thin; derived ties dashed, hypothetical ones dotted.
    std::string style = d.hypothetical ? "dotted" : d.derived ? "dashed" : "solid";
    if (d.highlighted) {
        style += ",bold";
    }
    set(e, "style", style);
    char width[16];
    std::snprintf(width, sizeof width, "%.2f",
                  (d.polarity == 0 ? 0.8 : 1.0 + 2.0 * d.confidence) * (d.highlighted ? 1.6 : 1));
    set(e, "penwidth", width);
    set(e, "arrowhead", d.polarity < 0 ? "tee" : d.polarity == 0 ? "empty" : "normal");
    if (!d.directed) {
        set(e, "dir", d.polarity < 0 ? "both" : "none");
        if (d.polarity < 0) {
            set(e, "arrowtail", "tee");
        }
    }
}

struct LegendNeeds {
    std::set<ActorKind> kinds;
    std::set<int> polarities;
    bool derived = false;
    bool hypothetical = false;
    bool highlighted = false;
    bool faint = false;
};

void add_legend(Agraph_t* g, const LegendNeeds& needs, bool frustrated_label) {
    Agraph_t* legend = agsubg(g, const_cast<char*>("cluster_legend"), 1);
    set(legend, "label", "Legend");
    set(legend, "style", "rounded,dashed");
    set(legend, "color", "#999999");
    set(legend, "fontsize", "12");
    int k = 0;
    Agnode_t* previous = nullptr;
    for (ActorKind kind : needs.kinds) {
        // entente's own nodes are named with ':', which no actor id (a slug) can hold, so an
        // actor called "legend_kind_0" stays an actor.
        const std::string name = "legend:kind:" + std::to_string(k++);
        Agnode_t* n = agnode(legend, mutable_cstr(name), 1);
        style_node(n, kind, false);
        set(n, "label", std::string(to_string(kind)));
        set(n, "fontsize", "10");
        set(n, "id", "legend-" + std::string(to_string(kind)));
        if (previous != nullptr) {
            // Invisible edges keep the samples in a row.
            Agedge_t* e = agedge(legend, previous, n, mutable_cstr("legend:order:" + name), 1);
            set(e, "style", "invis");
        }
        previous = n;
    }
    struct Sample {
        const char* label;
        int polarity;
        bool derived, hypothetical, highlighted;
        bool faint = false;
    };
    std::vector<Sample> samples;
    if (needs.polarities.count(1))
        samples.push_back({"cooperative (+1)", 1, false, false, false});
    if (needs.polarities.count(-1))
        samples.push_back({"hostile (-1)", -1, false, false, false});
    if (needs.polarities.count(0))
        samples.push_back({"structural (0)", 0, false, false, false});
    if (needs.derived)
        samples.push_back({"derived via a position's holder", 1, true, false, false});
    if (needs.hypothetical)
        samples.push_back({"hypothetical (--assume)", 1, false, true, false});
    if (needs.faint) {
        samples.push_back({"thin evidence (few objects)", 1, false, false, false, true});
    }
    if (needs.highlighted) {
        samples.push_back(
            {frustrated_label ? "frustrated tie" : "highlighted path", 1, false, false, true});
    }
    int s = 0;
    for (const auto& sample : samples) {
        const std::string a = "legend:edge:" + std::to_string(s) + ":a";
        const std::string b = "legend:edge:" + std::to_string(s++) + ":b";
        Agnode_t* na = agnode(legend, mutable_cstr(a), 1);
        Agnode_t* nb = agnode(legend, mutable_cstr(b), 1);
        for (Agnode_t* n : {na, nb}) {
            set(n, "shape", "point");
            set(n, "width", "0.05");
            set(n, "label", "");
        }
        Agedge_t* e = agedge(legend, na, nb, mutable_cstr("legend:" + a), 1);
        DiagramEdge d;
        d.polarity = sample.polarity;
        d.derived = sample.derived;
        d.hypothetical = sample.hypothetical;
        d.highlighted = sample.highlighted;
        d.faint = sample.faint;
        style_edge(e, d);
        set(e, "label", sample.label);
        set(e, "fontsize", "10");
    }
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

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

// Builds the cgraph graph; the caller closes it.
Agraph_t* build(const Diagram& diagram, DiagramFormat format, const PageOptions& page) {
    Agraph_t* g = agopen(const_cast<char*>("entente"), Agdirected, nullptr);
    set(g, "label", escape_label(diagram.title));
    set(g, "labelloc", "t");
    set(g, "fontname", "Helvetica");
    set(g, "fontsize", "16");
    set(g, "rankdir", "LR");
    set(g, "charset", "UTF-8");
    set(g, "overlap", "false");
    set(g, "outputorder", "edgesfirst");
    // Graphviz 2.43's default ranking frees memory twice in gvFreeLayout for some graphs with
    // clusters (Read's tribes as two camps, under ASan); newrank takes another path and also
    // ranks clustered graphs better.
    set(g, "newrank", "true");
    if (format == DiagramFormat::png) {
        // Set in PNG only: Graphviz 2.43 scales an SVG's width and height by dpi/72 but not its
        // viewBox.
        set(g, "dpi", number(page.dpi > 0 ? page.dpi : default_png_dpi));
    }
    if (page.width > 0 && page.height > 0) {
        // "!" scales a small drawing up as well as a large one down; ratio=fill spreads the nodes
        // toward the box's shape. Nodes keep their size, so the drawing rarely fills the box
        // exactly: render() sets the viewport to the box after the layout.
        const auto [w, h] = page_inches(page, format);
        set(g, "size", number(w) + "," + number(h) + "!");
        set(g, "ratio", "fill");
    } else if (page.aspect_width > 0 && page.aspect_height > 0) {
        // Graphviz's ratio is height over width.
        set(g, "ratio", number(static_cast<double>(page.aspect_height) / page.aspect_width));
    }
    agattr(g, AGNODE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
    agattr(g, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
    agattr(g, AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("10"));
    std::map<std::string, Agraph_t*> clusters;
    for (const auto& c : diagram.clusters) {
        Agraph_t* sg = agsubg(g, mutable_cstr(c.name), 1);
        set(sg, "label", escape_label(c.label));
        set(sg, "style", "rounded");
        set(sg, "color", "#555555");
        clusters.emplace(c.name, sg);
    }
    LegendNeeds needs;
    std::map<std::string, Agnode_t*> nodes;
    for (const auto& n : diagram.nodes) {
        Agraph_t* parent = g;
        if (const auto it = clusters.find(n.cluster); it != clusters.end()) {
            parent = it->second;
        }
        Agnode_t* node = agnode(parent, mutable_cstr(n.name), 1);
        style_node(node, n.kind, n.emphasized);
        set(node, "label", escape_label(n.label));
        set(node, "tooltip", escape_tooltip(n.tooltip));
        set(node, "id", n.id);
        nodes.emplace(n.name, node);
        needs.kinds.insert(n.kind);
    }
    for (const auto& e : diagram.edges) {
        const auto tail = nodes.find(e.tail);
        const auto head = nodes.find(e.head);
        if (tail == nodes.end() || head == nodes.end()) {
            throw RenderError("diagram edge " + e.id + " joins a node that is not drawn");
        }
        Agedge_t* edge = agedge(g, tail->second, head->second, mutable_cstr(e.id), 1);
        style_edge(edge, e);
        if (page.edge_labels) {
            set(edge, "label", escape_label(e.label));
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
        needs.polarities.insert(e.polarity);
        needs.derived |= e.derived;
        needs.hypothetical |= e.hypothetical;
        needs.highlighted |= e.highlighted;
        needs.faint |= e.faint;
    }
    if (diagram.legend && !diagram.nodes.empty()) {
        add_legend(g, needs, !diagram.clusters.empty());
    }
    if (diagram.nodes.empty()) {
        // An empty answer says so in words, not as a blank image under a title. entente's own
        // nodes are named with ':', which no actor id holds.
        Agnode_t* n = agnode(g, const_cast<char*>("entente:empty"), 1);
        set(n, "shape", "note");
        set(n, "style", "filled");
        set(n, "fillcolor", "#F7F7F7");
        set(n, "color", "#999999");
        set(n, "fontsize", "14");
        set(n, "margin", "0.3,0.2");
        set(n, "label",
            escape_label(diagram.empty_message.empty() ? std::string("Nothing to draw")
                                                       : diagram.empty_message));
        set(n, "tooltip", escape_tooltip(diagram.empty_message));
        set(n, "id", "empty-answer");
    }
    return g;
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
        g.reset(build(diagram, format, page));
        if (format == DiagramFormat::dot) {
            out.bytes = write_dot(g.get());
            current_messages = nullptr;
            return out;
        }
        out.layout = choose_layout(diagram, layout);
        if (gvLayout(gvc, g.get(), out.layout.c_str()) != 0) {
            throw RenderError("Graphviz could not lay the diagram out with " + out.layout);
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
