#pragma once
/// @file Drawing diagrams with Graphviz's own libraries (cgraph and gvc), in process.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/draw/diagram.hpp"

namespace entente {

/// Output formats a diagram renders to.
enum class DiagramFormat {
    dot,  ///< Graphviz's DOT language, not laid out.
    svg,  ///< SVG 1.1, laid out, with ids and tooltips.
    png,  ///< PNG raster, laid out.
    pdf,  ///< PDF, laid out.
};

/// The format a file name's extension asks for (".dot" or ".gv", ".svg", ".png", ".pdf", in any
/// case); nullopt for any other extension or none. Throws std::bad_alloc.
std::optional<DiagramFormat> diagram_format_for(std::string_view path);
/// Parses "dot" (or "gv"), "svg", "png" or "pdf", lowercase; nullopt for anything else. Throws
/// nothing.
std::optional<DiagramFormat> parse_diagram_format(std::string_view name);

/// Largest drawing, in nodes, laid out with `dot` by default; beyond it `sfdp`. Measured on
/// entente's own labelled drawings (bench/layout_timing.sh): dot takes 1.9 s at 150 actors and
/// 300 claims, 16 s at 200 and 400; sfdp under 0.1 s for both.
inline constexpr std::size_t dot_node_limit = 150;
/// Largest number of edges laid out with `dot` by default.
inline constexpr std::size_t dot_edge_limit = 300;

/// True when `layout` is "dot" and the drawing has more nodes or edges than the limits above:
/// expect a long wait. Throws nothing.
bool slow_layout(const Diagram& diagram, std::string_view layout);

/// The layout engine to use: `requested` if not empty (not checked; render() fails on an engine
/// Graphviz lacks), else "dot", or "sfdp" past the limits above. Throws std::bad_alloc.
std::string choose_layout(const Diagram& diagram, std::string_view requested = {});

/// PNG resolution when none is asked for, in dots per inch: twice Graphviz's 96, so a drawing's
/// text stays sharp on a 1920x1080 projector or a high-density screen.
inline constexpr double default_png_dpi = 192;
/// Pixels per inch of a vector format's (SVG, PDF) pixel sizes: the CSS pixel, 1/96 inch.
inline constexpr double css_pixels_per_inch = 96;

/// How a drawing is fitted to a page or a slide. The defaults keep Graphviz's natural size.
struct PageOptions {
    /// Width and height of the whole image (--size), in inches, or in pixels when `pixels`; 0 for
    /// the natural size. The drawing is scaled to fit the box and centred in it (its text drawn
    /// larger when it would shrink below reading size: Rendered::font_scale), and the image is
    /// exactly this size: pixels at `dpi` in PNG, CSS pixels (1/96 inch) in SVG and PDF.
    double width = 0;
    double height = 0;    ///< See `width`.
    bool pixels = false;  ///< `width` and `height` are pixels, not inches.
    /// PNG resolution in dots per inch; 0 for default_png_dpi. Vector formats ignore it.
    double dpi = 0;
    /// --aspect W:H (both > 0, or both 0 for none): the image's width to height, the drawing
    /// centred in a box of exactly that shape, the legend on the side that fills it best. Not
    /// used with a size, which sets the shape itself.
    int aspect_width = 0;
    int aspect_height = 0;  ///< See `aspect_width`.
    /// Draw edge labels; without them an edge's label opens its tooltip instead.
    bool edge_labels = true;
};

/// A rendered diagram.
struct Rendered {
    std::string bytes;   ///< The file's contents (text for DOT and SVG, binary for PNG and PDF).
    std::string layout;  ///< Engine used ("" for DOT, which is not laid out).
    /// How much larger than natural the text and lines were drawn (1: natural) so that a drawing
    /// fitted to a page (--size, or --aspect as a slide 13.33 inches wide) keeps body text of at
    /// least 10 points: a drawing that must shrink by more than 0.7 is laid out again with text up
    /// to 3 times larger, kept when its text ends up at least a tenth larger on the page. Not
    /// done for a slow layout (see slow_layout).
    double font_scale = 1;
    /// Body text's height (14 points x font_scale x the shrink to the page) over the page's
    /// height, when a page is asked for (--size, or --aspect as a slide 13.33 inches wide); 0
    /// otherwise. On a 1080-pixel slide, 1/90 is text 12 pixels high.
    double page_text_share = 0;
    std::vector<std::string> messages;  ///< What Graphviz reported (warnings), if anything.
};

/// Draws a diagram. DOT is the graph as built (deterministic, not laid out, for other tools to
/// lay out); SVG, PNG and PDF are laid out with `layout` (see choose_layout). SVG nodes and
/// edges carry their stable ids and tooltips. Text is passed to Graphviz as plain strings (never
/// HTML-like labels), backslashes escaped, so text from the data stays text. Graphviz 2.42's
/// cgraph and gvc share one context per process: not safe to call from two threads at once.
/// Time is Graphviz's layout: see dot_node_limit. Throws RenderError when an edge joins a node
/// not in the diagram, or Graphviz cannot write, lay out (an unknown engine included) or render
/// it; std::bad_alloc. `page` fits the image to a size, resolution and shape (see PageOptions;
/// DOT carries the attributes but is not laid out, so it has no final size).
Rendered render(const Diagram& diagram, DiagramFormat format, std::string_view layout = {},
                const PageOptions& page = {});

}  // namespace entente
