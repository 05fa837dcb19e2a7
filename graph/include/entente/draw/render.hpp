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

/// A rendered diagram.
struct Rendered {
    std::string bytes;   ///< The file's contents (text for DOT and SVG, binary for PNG and PDF).
    std::string layout;  ///< Engine used ("" for DOT, which is not laid out).
    std::vector<std::string> messages;  ///< What Graphviz reported (warnings), if anything.
};

/// Draws a diagram. DOT is the graph as built (deterministic, not laid out, for other tools to
/// lay out); SVG, PNG and PDF are laid out with `layout` (see choose_layout). SVG nodes and
/// edges carry their stable ids and tooltips. Text is passed to Graphviz as plain strings (never
/// HTML-like labels), backslashes escaped, so text from the data stays text. Graphviz 2.42's
/// cgraph and gvc share one context per process: not safe to call from two threads at once.
/// Time is Graphviz's layout: see dot_node_limit. Throws RenderError when an edge joins a node
/// not in the diagram, or Graphviz cannot write, lay out (an unknown engine included) or render
/// it; std::bad_alloc.
Rendered render(const Diagram& diagram, DiagramFormat format, std::string_view layout = {});

}  // namespace entente
