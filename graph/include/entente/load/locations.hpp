#pragma once
/// @file Where a loaded dataset's records are in its JSON files, for tools that report on them
/// after the load (`entente lint`) or edit the files in place (`entente add`).

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/load/loader.hpp"

namespace entente {

/// Where a value is: its file, byte offset, line and column, and JSON pointer.
struct Location {
    std::string file;  ///< The file's name as given (InputFile::name).
    /// Byte offset of the value's first character ('{', '"', a digit ...) in the file's text.
    std::size_t offset = 0;
    /// 1-based line; 0 when unknown (a compiled dataset, which has no lines).
    std::size_t line = 0;
    /// 1-based column in characters (code points), a UTF-8 byte-order mark not counted; 0 with
    /// line 0.
    std::size_t column = 0;
    std::string pointer;  ///< JSON pointer (RFC 6901) in its file ("/claims/17/quote").
};

/// Where one record (an object of a table) is, and each of its members' values.
struct RecordLocation {
    Location record;      ///< The record's '{'.
    std::size_t end = 0;  ///< Byte offset just past the record's '}'.
    /// Each member's name and where its value starts, in file order.
    std::vector<std::pair<std::string, Location>> members;

    /// Where member `name`'s value is, or the record's location when it has no such member.
    /// O(members); throws nothing.
    const Location& member(std::string_view name) const;
};

/// Where a root table's array is in one file: byte offsets of its '[' and ']'.
struct ArrayLocation {
    std::size_t open = 0;   ///< Offset of '['.
    std::size_t close = 0;  ///< Offset of ']'.
    bool present = false;   ///< False when the file has no such array (offsets then 0).
};

/// Where every record of a load is, table by table, in dataset order: record i of `claims` is
/// Dataset::claims[i] when the same files loaded without errors (files in the order given, each
/// table's records in file order; built-in relations are not in `relations`).
struct DatasetLocations {
    std::vector<RecordLocation> sources;      ///< The sources' records.
    std::vector<RecordLocation> relations;    ///< The dataset's own relations' records.
    std::vector<RecordLocation> actors;       ///< The actors' records.
    std::vector<RecordLocation> claims;       ///< The claims' records.
    std::vector<ArrayLocation> claim_arrays;  ///< The root "claims" array of each file, by file.
    std::vector<std::string> files;           ///< The files' names, in the order given.
};

/// Finds where the records of `files` are: one SAX pass per JSON file (RapidJSON), line and
/// column from the byte offsets. A compiled dataset has no positions: its records are left out
/// (check the counts against the dataset's before relying on indices). A file that is not valid
/// JSON yields the records read before its first syntax error. O(bytes); throws std::bad_alloc.
DatasetLocations locate_records(const std::vector<InputFile>& files);

}  // namespace entente
