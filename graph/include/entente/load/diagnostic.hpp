#pragma once
/// @file Diagnostics: the problems a load finds in data, each located in its file.

#include <cstddef>
#include <string>

namespace entente {

/// How bad a diagnostic is.
enum class Severity { error, warning };

/// One problem found in a data file, located by file, line, column and JSON pointer.
struct Diagnostic {
    Severity severity = Severity::error;  ///< Errors stop loading; warnings do not.
    std::string file;                     ///< File name as given, or the embedded name.
    std::size_t line = 0;                 ///< 1-based line, 0 when the problem is the whole file.
    std::size_t column = 0;               ///< 1-based column in characters, 0 with line 0.
    std::string pointer;                  ///< JSON pointer of the value ("/claims/17/object").
    std::string message;                  ///< What is wrong and what was expected.
};

/// Formats a diagnostic as "FILE:LINE:COLUMN: error: MESSAGE (at /POINTER)".
std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace entente
