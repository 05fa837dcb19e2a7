// The delimited-text reader: a byte-at-a-time state machine over 1 MiB blocks, keeping the line
// and column of each field so every problem can be reported where it is.
#include "entente/import/csv.hpp"

#include <cstdio>
#include <string_view>

namespace entente {

namespace {

constexpr std::size_t block_size = 1 << 20;

// Length of the well-formed UTF-8 sequence starting at text[i], or 0 when it is not one
// (Unicode §3.9, Table 3-7: no overlongs, no surrogates, nothing past U+10FFFF).
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = b(i);
    const std::size_t left = text.size() - i;
    const auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
        return b(k) >= lo && b(k) <= hi;
    };
    if (c < 0x80) {
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        return left >= 2 && cont(i + 1) ? 2 : 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned lo = c == 0xE0 ? 0xA0 : 0x80;
        const unsigned hi = c == 0xED ? 0x9F : 0xBF;
        return left >= 3 && cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned lo = c == 0xF0 ? 0x90 : 0x80;
        const unsigned hi = c == 0xF4 ? 0x8F : 0xBF;
        return left >= 4 && cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    return 0;
}

bool is_continuation(int byte) {
    return (byte & 0xC0) == 0x80;
}

}  // namespace

CsvReader::CsvReader(std::istream& in, char delimiter)
    : in_(in), delimiter_(delimiter), buffer_(block_size) {}

int CsvReader::peek() {
    if (pos_ == end_) {
        if (!in_) {
            return -1;
        }
        in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        end_ = static_cast<std::size_t>(in_.gcount());
        pos_ = 0;
        if (end_ == 0) {
            return -1;
        }
    }
    return static_cast<unsigned char>(buffer_[pos_]);
}

int CsvReader::get() {
    const int c = peek();
    if (c < 0) {
        return c;
    }
    ++pos_;
    ++consumed_;
    if (c == '\n') {
        ++line_;
        column_ = 1;
    } else if (!is_continuation(c)) {
        ++column_;
    }
    return c;
}

void CsvReader::check_utf8(std::size_t field, std::size_t line, std::size_t column) {
    const std::string_view text = fields_[field];
    std::size_t i = 0;
    while (i < text.size()) {
        // ASCII runs are the common case.
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            if (text[i] == '\0') {
                problems_.push_back({line, column, "a NUL character, which no output can carry"});
                return;
            }
            ++i;
            ++column;
            continue;
        }
        const std::size_t n = utf8_sequence(text, i);
        if (n == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(text[i]));
            problems_.push_back({line, column,
                                 std::string("not UTF-8 text (byte 0x") + hex +
                                     "); convert the file to UTF-8 first, for example with "
                                     "`iconv -f latin1 -t utf-8`"});
            return;
        }
        i += n;
        ++column;
    }
}

// Scans the buffer from pos_ while `keep(byte)` holds, refilling it as needed, appending the bytes
// to `field` and keeping line, column and the count of bytes consumed. Returns whether any byte
// was a NUL or not ASCII (then the field needs the UTF-8 check).
template <class Keep>
bool CsvReader::scan(std::string& field, Keep keep) {
    bool unusual = false;
    for (;;) {
        if (pos_ == end_ && peek() < 0) {
            return unusual;
        }
        const char* const begin = buffer_.data() + pos_;
        const char* const stop = buffer_.data() + end_;
        const char* p = begin;
        std::size_t chars = 0;
        std::size_t lines = 0;
        const char* line_start = nullptr;
        while (p != stop) {
            const auto c = static_cast<unsigned char>(*p);
            if (!keep(c)) {
                break;
            }
            unusual = unusual || c == 0 || c >= 0x80;
            if (c == '\n') {
                ++lines;
                line_start = p + 1;
            } else if ((c & 0xC0) != 0x80) {
                ++chars;
            }
            ++p;
        }
        const auto n = static_cast<std::size_t>(p - begin);
        field.append(begin, n);
        pos_ += n;
        consumed_ += n;
        if (lines != 0) {
            line_ += lines;
            column_ = 1;
            for (const char* q = line_start; q != p; ++q) {
                if ((static_cast<unsigned char>(*q) & 0xC0) != 0x80) {
                    ++column_;
                }
            }
        } else {
            column_ += chars;
        }
        if (p != stop) {
            return unusual;
        }
    }
}

bool CsvReader::next() {
    // Field strings are reused from record to record: no allocation per field once warm.
    std::size_t count = 0;
    lines_.clear();
    columns_.clear();
    problems_.clear();
    if (at_start_) {
        at_start_ = false;
        // A UTF-8 byte-order mark is skipped and not counted as a column.
        if (peek() == 0xEF && end_ - pos_ >= 3 &&
            static_cast<unsigned char>(buffer_[pos_ + 1]) == 0xBB &&
            static_cast<unsigned char>(buffer_[pos_ + 2]) == 0xBF) {
            pos_ += 3;
            consumed_ += 3;
        }
    }
    // Blank lines (LF or CRLF alone) hold no record.
    for (;;) {
        const int c = peek();
        if (c < 0) {
            fields_.clear();
            return false;
        }
        if (c == '\n') {
            get();
        } else if (c == '\r') {
            get();
            if (peek() == '\n') {
                get();
            }
        } else {
            break;
        }
    }
    record_line_ = line_;
    const auto delimiter = static_cast<unsigned char>(delimiter_);
    for (;;) {
        // One field.
        if (count == fields_.size()) {
            fields_.emplace_back();
        }
        std::string& field = fields_[count];
        field.clear();
        ++count;
        lines_.push_back(line_);
        columns_.push_back(column_);
        const std::size_t start_line = line_;
        const std::size_t start_column = column_;
        int c = peek();
        if (c == '"') {
            get();
            bool closed = false;
            bool unusual = false;
            for (;;) {
                unusual = scan(field, [](unsigned char b) { return b != '"'; }) || unusual;
                if (get() < 0) {
                    break;
                }
                if (peek() == '"') {
                    get();
                    field.push_back('"');
                    continue;
                }
                closed = true;
                break;
            }
            if (!closed) {
                problems_.push_back({start_line, start_column,
                                     "a quoted field never closed: the file ends inside it"});
                if (unusual) {
                    check_utf8(count - 1, start_line, start_column + 1);
                }
                fields_.resize(count);
                return true;
            }
            // After the closing quote: a delimiter, a line break or the end.
            c = peek();
            if (c >= 0 && c != delimiter_ && c != '\n' && c != '\r') {
                problems_.push_back({line_, column_,
                                     "text after a closing quote; a quote inside a quoted field "
                                     "is written twice (\"\")"});
                // Skip the rest of the field.
                while ((c = peek()) >= 0 && c != delimiter_ && c != '\n' && c != '\r') {
                    get();
                }
            }
            if (unusual) {
                check_utf8(count - 1, start_line, start_column + 1);
            }
        } else {
            const bool unusual = scan(field, [delimiter](unsigned char b) {
                return b != delimiter && b != '\n' && b != '\r';
            });
            const auto quote = field.find('"');
            if (quote != std::string::npos) {
                // The column of the quote: characters before it in the field.
                std::size_t column = start_column;
                for (std::size_t i = 0; i < quote; ++i) {
                    if ((static_cast<unsigned char>(field[i]) & 0xC0) != 0x80) {
                        ++column;
                    }
                }
                problems_.push_back({start_line, column,
                                     "a quote inside an unquoted field; quote the whole "
                                     "field and write the quote twice (\"\")"});
            }
            if (unusual) {
                check_utf8(count - 1, start_line, start_column);
            }
        }
        c = peek();
        if (c == delimiter_) {
            get();
            continue;
        }
        if (c == '\r') {
            get();
            if (peek() == '\n') {
                get();
            }
        } else if (c == '\n') {
            get();
        }
        // A line break, or the end of the input, ends the record.
        fields_.resize(count);
        return true;
    }
}

std::size_t find_column(const std::vector<std::string>& header, const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string_view h = header[i];
        while (!h.empty() && h.front() == ' ') {
            h.remove_prefix(1);
        }
        while (!h.empty() && h.back() == ' ') {
            h.remove_suffix(1);
        }
        if (h == name) {
            return i;
        }
    }
    return std::string::npos;
}

}  // namespace entente
