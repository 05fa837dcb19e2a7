#pragma once
/// @file Typed errors and the diagnostics the loader reports.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

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

/// Base of every error the library throws.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A file that could not be read or written; nothing was left half-written.
class IoError : public Error {
  public:
    using Error::Error;
};

/// A diagram that Graphviz could not lay out or render.
class RenderError : public Error {
  public:
    using Error::Error;
};

/// A name that matches no actor (or relation, or claim), with the nearest known names.
class UnknownNameError : public Error {
  public:
    /// `what` names the kind of thing looked up ("actor"), `name` what the user typed.
    UnknownNameError(std::string what, std::string name, std::vector<std::string> suggestions);
    /// The kind of thing that was looked up.
    const std::string& what_kind() const { return what_kind_; }
    /// The name as given.
    const std::string& name() const { return name_; }
    /// Nearest known names, best first, possibly empty.
    const std::vector<std::string>& suggestions() const { return suggestions_; }

  private:
    std::string what_kind_;
    std::string name_;
    std::vector<std::string> suggestions_;
};

/// A name that matches several actors equally well.
class AmbiguousNameError : public Error {
  public:
    /// `candidates` are the ids of every actor the name matches.
    AmbiguousNameError(std::string name, std::vector<std::string> candidates);
    /// The name as given.
    const std::string& name() const { return name_; }
    /// The ids of the actors it could mean.
    const std::vector<std::string>& candidates() const { return candidates_; }

  private:
    std::string name_;
    std::vector<std::string> candidates_;
};

}  // namespace entente
