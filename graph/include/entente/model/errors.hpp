#pragma once
/// @file The typed errors the library throws; the CLI turns them into messages and exit codes.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace entente {

/// Base of the library's own errors; what() is a message for people, in English. Besides these the
/// library throws only std::bad_alloc (memory exhausted), std::runtime_error from fold_name (ICU's
/// data cannot be loaded: a broken installation), std::system_error from alignment_matrix (a thread
/// cannot be started) and std::filesystem::filesystem_error from read_dataset_path (a directory
/// listing fails part-way). Problems in data files are never thrown by a load, which reports them
/// as Diagnostic values; a query on a mapped compiled dataset throws DataError.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A file that could not be read or written; nothing was left half-written. what() names the
/// path, what failed and the system's reason ("out.svg: cannot write: No space left on device").
class IoError : public Error {
  public:
    using Error::Error;
};

/// A diagram that Graphviz could not lay out or render, or one whose edge joins a node the
/// diagram does not have.
class RenderError : public Error {
  public:
    using Error::Error;
};

/// Damage found in a mapped compiled dataset while a query read it (a block whose checksum does
/// not match, an index entry out of range or disagreeing with its claim): the parts of such a file
/// are checked when first read, not when it is opened. what() names the file and the damage.
class DataError : public Error {
  public:
    using Error::Error;
};

/// A name that matches no actor (or relation, or claim), with the nearest known names. what() is
/// `unknown WHAT "NAME"; did you mean "A", "B" or "C"?` (the question only with suggestions).
class UnknownNameError : public Error {
  public:
    /// `what` names the kind of thing looked up ("actor", "relation" or "claim"), `name` what the
    /// user typed, `suggestions` the nearest known ids, best first (possibly empty). Throws
    /// std::bad_alloc.
    UnknownNameError(std::string what, std::string name, std::vector<std::string> suggestions);
    /// The kind of thing that was looked up: "actor", "relation" or "claim".
    const std::string& what_kind() const { return what_kind_; }
    /// The name as given, byte for byte.
    const std::string& name() const { return name_; }
    /// Nearest known ids, best first, at most three from the library's lookups; possibly empty.
    const std::vector<std::string>& suggestions() const { return suggestions_; }

  private:
    std::string what_kind_;
    std::string name_;
    std::vector<std::string> suggestions_;
};

/// A name that matches several actors equally well (none of them by its exact id). what() is
/// `"NAME" names N actors: ID1 ID2 ...; use an id`.
class AmbiguousNameError : public Error {
  public:
    /// `candidates` are the ids of every actor the name matches, in dataset order. Throws
    /// std::bad_alloc.
    AmbiguousNameError(std::string name, std::vector<std::string> candidates);
    /// The name as given, byte for byte.
    const std::string& name() const { return name_; }
    /// The ids of the actors it could mean (two or more), in dataset order.
    const std::vector<std::string>& candidates() const { return candidates_; }

  private:
    std::string name_;
    std::vector<std::string> candidates_;
};

}  // namespace entente
