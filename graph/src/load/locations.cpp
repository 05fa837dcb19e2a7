#include "entente/load/locations.hpp"

#include <rapidjson/reader.h>

#include <optional>

#include "entente/load/compiled.hpp"
#include "entente/load/json_allocator.hpp"
#include "load/text_positions.hpp"

namespace entente {

const Location& RecordLocation::member(std::string_view name) const {
    for (const auto& [key, at] : members) {
        if (key == name) {
            return at;
        }
    }
    return record;
}

namespace {

using Reader =
    rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, ThrowingJsonAllocator>;

// A read-only stream over a file's text; Tell() is the byte offset in the whole text.
class Stream {
  public:
    using Ch = char;
    Stream(std::string_view text, std::size_t start)
        : begin_(text.data()), p_(text.data() + start), end_(text.data() + text.size()) {}
    Ch Peek() const { return p_ < end_ ? *p_ : '\0'; }
    Ch Take() { return p_ < end_ ? *p_++ : '\0'; }
    std::size_t Tell() const { return static_cast<std::size_t>(p_ - begin_); }
    Ch* PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    std::size_t PutEnd(Ch*) { return 0; }

  private:
    const char* begin_;
    const char* p_;
    const char* end_;
};

// Past whitespace, ':' and ',' to where the next value starts.
std::size_t value_start(std::string_view text, std::size_t from) {
    while (from < text.size() && (text[from] == ' ' || text[from] == '\t' || text[from] == '\n' ||
                                  text[from] == '\r' || text[from] == ',' || text[from] == ':')) {
        ++from;
    }
    return from;
}

std::string pointer_token(std::string_view name) {
    std::string out;
    for (char c : name) {
        out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    }
    return out;
}

// Records the offsets of one file's records: depth 1 is the root object, 2 a table's array, 3 a
// record.
class Scanner {
  public:
    Scanner(const InputFile& file, DatasetLocations& out, ArrayLocation& claims)
        : file_(file), out_(out), claims_(claims) {}

    void run() {
        const std::string_view text = file_.bytes();
        const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        Stream stream(text, start);
        stream_ = &stream;
        Reader reader;
        reader.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseNumbersAsStringsFlag>(
            stream, *this);
        stream_ = nullptr;
    }

    bool Null() { return true; }
    bool Bool(bool) { return true; }
    bool Int(int) { return true; }
    bool Uint(unsigned) { return true; }
    bool Int64(std::int64_t) { return true; }
    bool Uint64(std::uint64_t) { return true; }
    bool Double(double) { return true; }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return true; }
    bool String(const char*, rapidjson::SizeType, bool) { return true; }

    bool StartObject() {
        ++depth_;
        if (depth_ == 3 && table_ != nullptr && in_array_) {
            RecordLocation r;
            r.record = at(stream_->Tell() - 1, "/" + table_name_ + "/" + std::to_string(index_++));
            table_->push_back(std::move(r));
            record_ = &table_->back();
        }
        return true;
    }
    bool EndObject(rapidjson::SizeType) {
        if (depth_ == 3 && record_ != nullptr) {
            record_->end = stream_->Tell();
            record_ = nullptr;
        }
        --depth_;
        return true;
    }
    bool StartArray() {
        ++depth_;
        if (depth_ == 2 && table_ != nullptr) {
            in_array_ = true;
            if (table_ == &out_.claims) {
                claims_.open = stream_->Tell() - 1;
            }
        }
        return true;
    }
    bool EndArray(rapidjson::SizeType) {
        if (depth_ == 2 && table_ != nullptr && in_array_) {
            in_array_ = false;
            if (table_ == &out_.claims) {
                claims_.close = stream_->Tell() - 1;
                claims_.present = true;
            }
        }
        --depth_;
        return true;
    }
    bool Key(const char* s, rapidjson::SizeType n, bool) {
        const std::string_view key(s, n);
        if (depth_ == 1) {
            table_ = key == "sources"     ? &out_.sources
                     : key == "relations" ? &out_.relations
                     : key == "actors"    ? &out_.actors
                     : key == "claims"    ? &out_.claims
                                          : nullptr;
            table_name_ = std::string(key);
            index_ = 0;
        } else if (depth_ == 3 && record_ != nullptr) {
            const std::size_t value = value_start(file_.bytes(), stream_->Tell());
            record_->members.emplace_back(
                std::string(key), at(value, record_->record.pointer + "/" + pointer_token(key)));
        }
        return true;
    }

  private:
    Location at(std::size_t offset, std::string pointer) const {
        Location l;
        l.file = file_.name;
        l.offset = offset;
        l.pointer = std::move(pointer);
        return l;
    }

    const InputFile& file_;
    DatasetLocations& out_;
    ArrayLocation& claims_;
    Stream* stream_ = nullptr;
    int depth_ = 0;
    std::vector<RecordLocation>* table_ = nullptr;
    std::string table_name_;
    std::size_t index_ = 0;
    bool in_array_ = false;
    RecordLocation* record_ = nullptr;
};

void place(Location& l, const detail::TextPositions& positions) {
    const detail::TextPosition p = positions.at(l.offset);
    l.line = p.line;
    l.column = p.column;
}

}  // namespace

DatasetLocations locate_records(const std::vector<InputFile>& files) {
    DatasetLocations out;
    out.claim_arrays.resize(files.size());
    for (const InputFile& f : files) {
        out.files.push_back(f.name);
    }
    for (std::size_t f = 0; f < files.size(); ++f) {
        if (is_compiled(files[f].bytes())) {
            continue;
        }
        const std::size_t first[4] = {out.sources.size(), out.relations.size(), out.actors.size(),
                                      out.claims.size()};
        Scanner(files[f], out, out.claim_arrays[f]).run();
        const detail::TextPositions positions(files[f].bytes());
        std::vector<RecordLocation>* tables[4] = {&out.sources, &out.relations, &out.actors,
                                                  &out.claims};
        for (std::size_t t = 0; t < 4; ++t) {
            for (std::size_t i = first[t]; i < tables[t]->size(); ++i) {
                RecordLocation& r = (*tables[t])[i];
                place(r.record, positions);
                for (auto& member : r.members) {
                    place(member.second, positions);
                }
            }
        }
    }
    return out;
}

}  // namespace entente
