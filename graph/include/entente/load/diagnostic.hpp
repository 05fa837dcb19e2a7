#pragma once
/// @file Diagnostics: the problems a load finds in data, each located in its file.

#include <cstddef>
#include <string>

namespace entente {

/// How bad a diagnostic is.
enum class Severity {
    error,    ///< The load gives no graph.
    warning,  ///< Reported; the graph is still given.
};

/// One problem found in a data file, located by file, line, column and JSON pointer.
struct Diagnostic {
    Severity severity = Severity::error;  ///< Errors stop loading; warnings do not.
    std::string file;                     ///< File name as given, or the embedded name.
    /// 1-based line; 0 when the problem is the whole file (cannot be read, too big), a record of a
    /// compiled dataset (which has no lines; its recorded warnings keep the lines they had), or
    /// the line summing up warnings past LoadLimits::max_similar_warnings.
    std::size_t line = 0;
    /// 1-based column in characters (code points; a UTF-8 byte-order mark is not counted); 0 with
    /// line 0.
    std::size_t column = 0;
    /// JSON pointer (RFC 6901) of the value ("/claims/17/object"); empty for the file or its root
    /// object as a whole.
    std::string pointer;
    std::string message;  ///< What is wrong and what was expected; text from the data quoted raw.
};

/// Formats a diagnostic as "FILE:LINE:COLUMN: error: MESSAGE (at /POINTER)": "warning:" for a
/// warning; ":LINE:COLUMN" left out when line is 0, " (at /POINTER)" when the pointer is empty.
/// Text is copied as it is, not escaped (a terminal needs the CLI's escaping). Throws
/// std::bad_alloc.
std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace entente
