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
enum class DiagramFormat { dot, svg, png, pdf };

/// The format a file name's extension asks for (".dot"/".gv", ".svg", ".png", ".pdf").
std::optional<DiagramFormat> diagram_format_for(std::string_view path);
/// Parses "dot", "svg", "png" or "pdf".
std::optional<DiagramFormat> parse_diagram_format(std::string_view name);

/// Largest drawing laid out with `dot` by default; beyond it `sfdp`. Measured on entente's own
/// labelled drawings (bench/layout_timing.sh): dot takes 1.9 s at 150 actors and 300 claims,
/// 16 s at 200 and 400; sfdp under 0.1 s for both.
inline constexpr std::size_t dot_node_limit = 150;
/// Largest number of edges laid out with `dot` by default.
inline constexpr std::size_t dot_edge_limit = 300;

/// True when `layout` is dot and the drawing is past the limits above: expect a long wait.
bool slow_layout(const Diagram& diagram, std::string_view layout);

/// The layout engine to use: `requested` if given, else dot or sfdp by size.
std::string choose_layout(const Diagram& diagram, std::string_view requested = {});

/// A rendered diagram.
struct Rendered {
    std::string bytes;                  ///< The file's contents.
    std::string layout;                 ///< Engine used ("" for DOT, which is not laid out).
    std::vector<std::string> messages;  ///< What Graphviz reported (warnings), if anything.
};

/// Draws a diagram. DOT is the graph as built (deterministic, not laid out, for other tools to
/// lay out); SVG, PNG and PDF are laid out with `layout` (see choose_layout). SVG nodes and
/// edges carry their stable ids and tooltips. Throws RenderError.
Rendered render(const Diagram& diagram, DiagramFormat format, std::string_view layout = {});

}  // namespace entente
