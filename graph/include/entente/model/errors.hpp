#pragma once
/// @file The typed errors the library throws; the CLI turns them into messages and exit codes.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace entente {

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
