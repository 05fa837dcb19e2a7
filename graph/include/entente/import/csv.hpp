#pragma once
/// @file A streaming reader of delimited text (CSV per RFC 4180, or TSV), one record at a time,
/// with the line and column of every field, for the importers.
///
/// Our own code rather than a Debian library: libcsv-dev (C, callbacks per field and record) gives
/// no position of a record or field, so a bad row could not be reported at its line and column;
/// libfccp-dev (fast-cpp-csv-parser, a 2016 snapshot) fixes the column count at compile time and
/// reports a problem by throwing, ending the read, where an import must report every bad row.

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace entente {

/// A syntax problem in delimited text, located at its line and column.
struct CsvProblem {
    std::size_t line = 0;    ///< 1-based line.
    std::size_t column = 0;  ///< 1-based column in characters (code points; a BOM not counted).
    std::string message;     ///< What is wrong.
};

/// Reads records of delimited text from a stream: RFC 4180 (fields separated by `delimiter`,
/// records by LF or CRLF; a field in double quotes may hold the delimiter, line breaks and quotes
/// doubled as `""`), a UTF-8 byte-order mark skipped, a last record without a line break read.
/// The same rules serve TSV (delimiter '\t'). Blank lines are skipped. A record with a syntax
/// problem (a quote inside an unquoted field, text after a closing quote, a quoted field never
/// closed, bytes that are not UTF-8, a NUL) is still returned, with its problems; reading goes on
/// at the next record. Reads the stream in blocks of 1 MiB: memory is one block and one record.
/// O(bytes read). Throws std::bad_alloc; a stream error ends the input as if at its end
/// (check the stream's bad()).
class CsvReader {
  public:
    /// Reads from `in` (which must outlive the reader), fields separated by `delimiter`.
    CsvReader(std::istream& in, char delimiter);

    /// Reads the next record; false at the end of the input (then fields() is empty). Throws
    /// std::bad_alloc.
    bool next();
    /// The fields of the record last read, decoded (quotes removed, `""` read as `"`).
    const std::vector<std::string>& fields() const { return fields_; }
    /// The 1-based line where field `i` of the record last read begins; `i` < fields().size().
    std::size_t line_of(std::size_t i) const { return lines_[i]; }
    /// The 1-based column (characters) where field `i` of the record last read begins.
    std::size_t column_of(std::size_t i) const { return columns_[i]; }
    /// The 1-based line where the record last read begins.
    std::size_t line() const { return record_line_; }
    /// Syntax problems of the record last read, in the order met; empty for a sound record.
    const std::vector<CsvProblem>& problems() const { return problems_; }
    /// Bytes consumed from the stream so far (for progress).
    std::uint64_t bytes_read() const { return consumed_; }

  private:
    int get();   // next byte, or -1 at the end
    int peek();  // the byte get() would return, without consuming it
    void check_utf8(std::size_t field, std::size_t line, std::size_t column);
    template <class Keep>
    bool scan(std::string& field, Keep keep);

    std::istream& in_;
    char delimiter_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
    std::uint64_t consumed_ = 0;
    bool at_start_ = true;
    std::size_t line_ = 1;
    std::size_t column_ = 1;  // column of the next byte
    std::vector<std::string> fields_;
    std::vector<std::size_t> lines_;
    std::vector<std::size_t> columns_;
    std::size_t record_line_ = 0;
    std::vector<CsvProblem> problems_;
};

/// The index of the header field named `name` (compared exactly, after trimming spaces), or
/// npos when no field has that name. O(fields). Throws nothing.
std::size_t find_column(const std::vector<std::string>& header, const std::string& name);

}  // namespace entente
