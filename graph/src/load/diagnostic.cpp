#include "entente/load/diagnostic.hpp"

namespace entente {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line != 0) {
        // Appended piece by piece: GCC 12 misreports `"x" + std::string` chains (-Wrestrict).
        out += ':';
        out += std::to_string(d.line);
        out += ':';
        out += std::to_string(d.column);
    }
    out += d.severity == Severity::error ? ": error: " : ": warning: ";
    out += d.message;
    if (!d.pointer.empty()) {
        out += " (at ";
        out += d.pointer;
        out += ')';
    }
    return out;
}

}  // namespace entente
