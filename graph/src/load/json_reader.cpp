#include "load/json_reader.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "entente/load/json_allocator.hpp"
#include "entente/model/knowledge_graph.hpp"
#include "entente/model/text.hpp"
#include "load/background.hpp"
#include "load/place_table.hpp"
#include "load/prefaulter.hpp"
#include "load/releaser.hpp"
#include "load/rules.hpp"
#include "load/sax_relay.hpp"
#include "load/schema.hpp"
#include "load/text_positions.hpp"
#include "load/utf8.hpp"
#include "model/id_table.hpp"
#include "model/pages.hpp"

namespace entente::detail {

namespace {

// Files this big have their fresh pages faulted in by another thread (Prefaulter), this far
// ahead of the parser.
constexpr std::size_t prefault_from = std::size_t{16} << 20;
constexpr std::size_t prefault_ahead = std::size_t{4} << 20;
// From this many claims the warnings are found on a thread of their own (finish()): below it, a
// thread's start (tens of microseconds) is a fair part of what it would save.
constexpr std::size_t concurrent_warnings_from = std::size_t{1} << 14;

/// Deepest nesting a data file may have; ours needs 4, and a cap keeps hostile input harmless
/// (the parser recurses once per level).
constexpr std::size_t max_depth = 64;

// Character comparisons all the "did you mean" suggestions of one load may cost together.
constexpr std::size_t suggestion_budget = 100'000'000;

// RapidJSON's parse stack grows with the longest string; an allocator that throws turns memory
// exhaustion into std::bad_alloc, which the caller reports, instead of a write through null.
using Reader =
    rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, ThrowingJsonAllocator>;

// Numbers reach the handler as written, so messages can show them as written and the value is
// read with a correctly rounded conversion (RFC 8259 leaves precision to the reader; users
// expect the double nearest to what they wrote, as Python's float() gives). Strings are
// validated as UTF-8 by the handler, which must check the text an escape produces anyway (a
// lone surrogate), eight bytes at a time and with a position in the message; strings inside
// values that are skipped (an unknown field's) are not read at all.
constexpr unsigned parse_flags =
    rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseNumbersAsStringsFlag;
using Relay = SaxRelay<Reader, parse_flags>;

// A read-only stream over a file's text; Tell() is the byte offset in the whole text.
class TextStream {
  public:
    using Ch = char;
    TextStream(std::string_view text, std::size_t start)
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

// A table's ids, looked up by string_view while the parser's buffer still holds them: open
// addressing over (hash, record index, key) slots. Four lookups a claim went through a
// node-based map before, a cache miss each, a seventh of a load at 10^6 claims. The keys are
// copied into one buffer of their own rather than read from the records: a record (an actor is
// some 200 bytes, its id a pointer away) is a cache miss per lookup once there are thousands,
// while the ids alone (10^4 actors: about 60 KB) stay in cache; the profile of a load at 10^6
// claims had 11% in reading and comparing the records' ids. An id of up to seven bytes (most
// actors' and sources') is kept in its slot itself, so that a lookup, its slot prefetched, reads
// no other line: reading the id from the buffer was a quarter of a lookup's time.
class IdMap {
  public:
    // Adds record `index` under `key` (its id); a key already present keeps its first record.
    void emplace(std::string_view key, Index index) {
        if (2 * (size_ + 1) > slots_.size()) {
            grow();
        }
        const auto hash = static_cast<std::uint32_t>(hash_id(key));
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
            Slot& slot = slots_[s];
            if (slot.index == no_index) {
                slot.hash = hash;
                slot.index = index;
                if (key.size() <= inline_key) {
                    slot.size = static_cast<std::uint8_t>(key.size());
                    std::copy(key.begin(), key.end(), slot.bytes);
                } else {
                    // Its size, then its bytes, in keys_.
                    if (keys_.size() + key.size() + 4 > std::numeric_limits<std::uint32_t>::max()) {
                        throw std::bad_alloc();  // 4 GiB of ids in one table: out of what we hold
                    }
                    const auto offset = static_cast<std::uint32_t>(keys_.size());
                    const auto size = static_cast<std::uint32_t>(key.size());
                    slot.size = long_key;
                    std::memcpy(slot.bytes, &offset, sizeof offset);
                    keys_.append(reinterpret_cast<const char*>(&size), sizeof size);
                    keys_.append(key);
                }
                ++size_;
                return;
            }
            if (slot.hash == hash && same_text(key_at(slot), key)) {
                return;
            }
        }
    }

    // The record whose id is `key`, or no_index.
    Index find(std::string_view key) const { return find(key, hash_of(key)); }

    // The hash find() looks `key` up by.
    static std::uint32_t hash_of(std::string_view key) {
        return static_cast<std::uint32_t>(hash_id(key));
    }

    // Asks the cache for the slot a key of hash `hash` is looked up from (JsonReader's Lookahead
    // says why).
    void prefetch(std::uint32_t hash) const {
        if (!slots_.empty()) {
            __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
        }
    }

    // The record whose id is `key`, of hash `hash` (hash_of(key)), or no_index.
    Index find(std::string_view key, std::uint32_t hash) const {
        if (slots_.empty()) {
            return no_index;
        }
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
            const Slot& slot = slots_[s];
            if (slot.index == no_index || (slot.hash == hash && same_text(key_at(slot), key))) {
                return slot.index;
            }
        }
    }

    // Every key present, in record order (so suggestions drawn from them do not depend on the
    // hash).
    std::vector<std::string> keys() const {
        std::vector<const Slot*> present;
        present.reserve(size_);
        for (const Slot& slot : slots_) {
            if (slot.index != no_index) {
                present.push_back(&slot);
            }
        }
        std::sort(present.begin(), present.end(),
                  [](const Slot* a, const Slot* b) { return a->index < b->index; });
        std::vector<std::string> out;
        out.reserve(present.size());
        for (const Slot* slot : present) {
            out.emplace_back(key_at(*slot));
        }
        return out;
    }

  private:
    static constexpr std::size_t inline_key = 7;
    static constexpr std::uint8_t long_key = 0xFF;
    struct Slot {
        std::uint32_t hash = 0;
        Index index = no_index;
        std::uint8_t size = 0;        // of the key held in bytes, or long_key
        char bytes[inline_key] = {};  // the key, or (long_key) its offset in keys_, 4 bytes
    };
    static_assert(sizeof(Slot) == 16);

    std::string_view key_at(const Slot& slot) const {
        if (slot.size != long_key) {
            return std::string_view(slot.bytes, slot.size);
        }
        std::uint32_t offset = 0;
        std::uint32_t size = 0;
        std::memcpy(&offset, slot.bytes, sizeof offset);
        std::memcpy(&size, keys_.data() + offset, sizeof size);
        return std::string_view(keys_).substr(offset + sizeof size, size);
    }

    // Doubles the slots (at least 16), placing each entry again by its stored hash.
    void grow() {
        std::vector<Slot> old(std::max<std::size_t>(16, 2 * slots_.size()));
        old.swap(slots_);
        const std::size_t mask = slots_.size() - 1;
        for (const Slot& slot : old) {
            if (slot.index == no_index) {
                continue;
            }
            std::size_t s = slot.hash & mask;
            while (slots_[s].index != no_index) {
                s = (s + 1) & mask;
            }
            slots_[s] = slot;
        }
    }

    std::vector<Slot> slots_;
    std::string keys_;  // every key longer than inline_key: its size (4 bytes), its bytes
    std::size_t size_ = 0;
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The value that begins after `from`: past whitespace and JSON's punctuation. Exact, since the
// whole text is in memory; used only when a message needs a position.
std::size_t value_start(std::string_view text, std::size_t from) {
    while (from < text.size() && (is_space(text[from]) || text[from] == ',' || text[from] == ':')) {
        ++from;
    }
    return from;
}

// Escapes a member name for a JSON pointer (RFC 6901): "~" -> "~0", "/" -> "~1".
std::string pointer_token(std::string_view name) {
    std::string out;
    for (char c : name) {
        out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    }
    return out;
}

std::string did_you_mean(const std::vector<std::string>& suggestions) {
    std::string out;
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
        out += i == 0 ? "; did you mean \"" : (i + 1 == suggestions.size() ? " or \"" : ", \"");
        out += suggestions[i] + "\"";
    }
    return suggestions.empty() ? out : out + "?";
}

std::string syntax_message(rapidjson::ParseErrorCode code) {
    switch (code) {
        case rapidjson::kParseErrorDocumentEmpty:
            return "the file is empty; expected a JSON object";
        case rapidjson::kParseErrorStringInvalidEncoding:
            return "invalid UTF-8 in a string";
        case rapidjson::kParseErrorNumberTooBig:
            return "number too big to be stored as a double";
        default:
            break;
    }
    std::string message = rapidjson::GetParseError_En(code);
    // RapidJSON's messages start with a capital and end with a period; ours do neither.
    if (!message.empty() && message.back() == '.') {
        message.pop_back();
    }
    if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z') {
        message[0] = static_cast<char>(message[0] - 'A' + 'a');
    }
    return "syntax error: " + message;
}

// The double nearest to a JSON number as written. Past the largest double RapidJSON has
// already refused it; below the smallest it reads as zero, as strtod reads it.
double number_value(std::string_view text) {
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc::result_out_of_range) {
        return 0.0;
    }
    return value;
}

// A reference to a record not seen yet (it may come later, or in another file).
struct PendingRef {
    Index claim;
    Field field;
    std::string id;
};

// What the container being read is.
enum class Role : std::uint8_t { root, table, record, aliases, skipped };

struct Frame {
    Role role = Role::skipped;
    std::size_t start = 0;  // offset of its bracket
    // A container where a scalar was expected: reported once it closes, so that a file cut off
    // inside it (a syntax error) reports only the syntax error, as for any other value.
    std::string deferred;
    std::string pointer;
};

// What the member being read at the root is.
enum class RootKey : std::uint8_t { none, version, table, other };

// A diagnostic waiting for its line and column, which are computed once all are known.
struct Pending {
    std::uint32_t file = 0;
    std::size_t offset = 0;
    Diagnostic diagnostic;
    bool whole_file = false;  // about the file as a whole (its size): no line and column
};

// Finds, in a record's text, where the value of one of its members starts: findings about a
// field are located by reading the record again, so that a valid file stores no positions.
class FieldFinder {
  public:
    FieldFinder(std::string_view text, std::string_view key) : text_(text), key_(key) {}
    // The offset of the value of `key` in the object starting at `record`, or `record`.
    std::size_t find(std::size_t record) {
        TextStream stream(text_, record);
        stream_ = &stream;
        Reader reader;
        reader.Parse<parse_flags>(stream, *this);
        return found_ ? *found_ : record;
    }

    bool Null() { return value(); }
    bool Bool(bool) { return value(); }
    bool Int(int) { return value(); }
    bool Uint(unsigned) { return value(); }
    bool Int64(std::int64_t) { return value(); }
    bool Uint64(std::uint64_t) { return value(); }
    bool Double(double) { return value(); }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return value(); }
    bool String(const char*, rapidjson::SizeType, bool) { return value(); }
    bool StartObject() { return open(); }
    bool StartArray() { return open(); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool EndArray(rapidjson::SizeType) { return close(); }
    bool Key(const char* s, rapidjson::SizeType n, bool) {
        wanted_ = depth_ == 1 && std::string_view(s, n) == key_ && !found_;
        last_end_ = stream_->Tell();
        return true;
    }

  private:
    bool value() {
        if (wanted_) {
            found_ = value_start(text_, last_end_);
            return false;  // found: stop reading
        }
        last_end_ = stream_->Tell();
        return true;
    }
    bool open() {
        if (wanted_) {
            found_ = stream_->Tell() - 1;
            return false;
        }
        ++depth_;
        last_end_ = stream_->Tell();
        return true;
    }
    bool close() {
        --depth_;
        last_end_ = stream_->Tell();
        return true;
    }

    std::string_view text_;
    std::string_view key_;
    const TextStream* stream_ = nullptr;
    std::size_t last_end_ = 0;
    int depth_ = 0;
    bool wanted_ = false;
    std::optional<std::size_t> found_;
};

class JsonReader : public RecordSites, public RawNumbersOnly {
  public:
    JsonReader(const JsonReader&) = delete;
    JsonReader& operator=(const JsonReader&) = delete;
    JsonReader(const std::vector<InputFile>& files, const LoadLimits& limits,
               const LoadProgress& progress, const ReaderThreads& threads)
        : files_(files),
          limits_(limits),
          progress_(progress ? &progress : nullptr),
          threads_(threads) {
        data_.texts.arena = arena_;
        // One reader per load, neither copied nor moved (its id maps no longer point into data_).
        for (const Relation& builtin : builtin_relations()) {
            relation_ids_.emplace(builtin.id, static_cast<Index>(data_.relations.size()));
            data_.relations.push_back(builtin);
        }
        builtins_ = data_.relations.size();
        for (const auto& f : files) {
            total_ += f.bytes().size();
        }
        positions_.resize(files.size());
    }

    LoadResult run(LoadWork* work) {
        for (std::size_t i = 0; i < files_.size() && !stopped_; ++i) {
            if (within_byte_limit(i)) {
                parse(static_cast<std::uint32_t>(i));
            }
        }
        LoadResult result;
        result.files = files_.size();
        if (!stopped_) {
            finish();
        }
        collect(result);
        if (!stopped_ && result.error_count() == 0) {
            build(result);
        }
        if (work != nullptr) {
            *work = work_;
        }
        return result;
    }

    // ---- SAX events (RapidJSON calls these) ----

    bool Null() { return scalar({Type::null, false, {}}); }
    bool Bool(bool b) { return scalar({Type::boolean, b, {}}); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
        return scalar({Type::number, false, std::string_view(s, n)});
    }
    bool String(const char* s, rapidjson::SizeType n, bool) {
        return scalar({Type::string, false, std::string_view(s, n)});
    }
    // From the relay's scanner: text known to be ASCII with no byte below 0x20, whose UTF-8 and
    // NULs need no check (SaxRelay::relay).
    bool AsciiString(const char* s, rapidjson::SizeType n) {
        return scalar({Type::string, false, std::string_view(s, n), true});
    }

    bool StartObject() { return open(false); }
    bool StartArray() { return open(true); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool EndArray(rapidjson::SizeType) { return close(); }

    bool Key(const char* s, rapidjson::SizeType n, bool) {
        return member_name(std::string_view(s, n), false);
    }
    bool AsciiKey(const char* s, rapidjson::SizeType n) {
        return member_name(std::string_view(s, n), true);
    }

    // ---- RecordSites ----

    std::string site(Table table, Index record) const override {
        const Place p = place(table, record);
        const TextPosition at = position(p.file, p.offset);
        return files_[p.file].name + ":" + std::to_string(at.line) + ":" +
               std::to_string(at.column);
    }

  private:
    enum class Type : std::uint8_t { null, boolean, number, string };
    struct Value {
        Type type;
        bool boolean;
        std::string_view text;  // a string's contents, or a number as written
        bool ascii = false;     // a string known to be ASCII, no byte below 0x20 (Utf8::ascii)
        Utf8 utf8() const { return ascii ? Utf8::ascii : Utf8::checked; }
    };

    static std::string describe(const Value& v) {
        switch (v.type) {
            case Type::null:
                return "null";
            case Type::boolean:
                return v.boolean ? "true" : "false";
            case Type::number:
                return "a number (" +
                       std::string(v.text.substr(0, std::min<std::size_t>(v.text.size(), 40))) +
                       (v.text.size() > 40 ? "...)" : ")");
            case Type::string:
                break;
        }
        return describe_string(v.text);
    }

    // ---- reporting ----

    void error(std::size_t offset, std::string pointer, std::string message,
               Severity severity = Severity::error) {
        error_in(file_, offset, std::move(pointer), std::move(message), severity);
    }
    void error_in(std::uint32_t file, std::size_t offset, std::string pointer, std::string message,
                  Severity severity = Severity::error) {
        Diagnostic d;
        d.severity = severity;
        d.file = files_[file].name;
        d.pointer = std::move(pointer);
        d.message = std::move(message);
        pending_.push_back({file, offset, std::move(d)});
    }

    std::string table_pointer(Table table, std::uint32_t element) const {
        return "/" + std::string(table_spec(table).name) + "/" + std::to_string(element);
    }
    std::string record_pointer() const { return table_pointer(table_, element_ - 1); }
    std::string field_pointer() const { return record_pointer() + "/" + std::string(field_->name); }

    // ---- files ----

    // A file past the byte limit is not parsed: the whole file gets one error.
    bool within_byte_limit(std::size_t i) {
        const std::uint64_t size = files_[i].bytes().size();
        bytes_ += size;
        if (bytes_ <= limits_.max_bytes) {
            return true;
        }
        const std::string limit = "one command loads at most " + std::to_string(limits_.max_bytes) +
                                  " bytes (--max-bytes)";
        Diagnostic d{
            Severity::error,
            files_[i].name,
            0,
            0,
            "",
            size > limits_.max_bytes
                ? "file of " + std::to_string(size) + " bytes; " + limit
                : "this file brings the data to " + std::to_string(bytes_) + " bytes; " + limit};
        pending_.push_back({static_cast<std::uint32_t>(i), 0, std::move(d), true});
        return false;
    }

    void parse(std::uint32_t file) {
        file_ = file;
        text_ = files_[file].bytes();
        released_ = Releaser(files_[file].mapping.get(), 0);
        positions_[file].emplace(text_, TextPositions::Deferred{});
        // A UTF-8 byte-order mark is accepted and skipped (editors on Windows write one).
        const std::size_t start = text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        // A NUL follows the bytes (InputFile::bytes), so RapidJSON's own stream serves: it needs
        // no bounds check per byte, and scans strings and whitespace 16 bytes at a time. It
        // stops at a NUL inside the text as the end, which the checks below report.
        rapidjson::StringStream stream(text_.data());
        stream.src_ += start;
        stream_ = &stream;
        frames_.clear();
        root_seen_ = 0;
        root_unknown_.clear();
        fatal_ = false;
        // A claim takes at least ~60 bytes of JSON; reserving for that many saves moving
        // every claim each time the table doubles, and pages never written cost nothing.
        data_.claims.reserve(data_.claims.size() + text_.size() / 64);
        places_[static_cast<std::size_t>(Table::claims)].reserve(data_.claims.capacity());

        // A big file is parsed on a thread of its own, its events relayed to this one's
        // handler (SaxRelay says why); where no thread can be started, here.
        Relay::Outcome outcome;
        std::optional<Relay> relay;
        if (text_.size() >= threads_.relay_from) {
            relay.emplace(text_, start, max_depth, &*positions_[file]);
            if (!relay->start()) {
                relay.reset();
            }
        }

        // A big file's claims and texts are written into fresh pages, which another thread
        // faults in ahead of the parser (Prefaulter says why). The texts cannot outgrow the
        // file, so one block of its size holds them all in order; only what is written (and
        // the few MiB ahead, given back after the parse) takes memory.
        Prefaulter prefaulter(prefault_ahead);
        const bool prefaulting = text_.size() >= prefault_from;
        if (prefaulting) {
            arena_->reserve(text_.size() + 1);
            prefaulter.watch(0, data_.claims.data() + data_.claims.size(),
                             data_.claims.data() + data_.claims.capacity());
            const auto [tail, tail_end] = arena_->free_tail();
            prefaulter.watch(1, tail, tail_end);
            // A relayed file's pages are read first by the parsing thread, which faults them
            // in itself, on the other core already.
            if (files_[file].mapping && !relay) {
                prefaulter.watch(2, text_.data() + start, text_.data() + text_.size(), true);
            }
            prefaulter.start();
            prefaulter_ = &prefaulter;
        }
        if (relay) {
            relaying_ = true;
            outcome = relay->relay(*this, stream);
            relaying_ = false;
            stream.src_ = stream.head_ + outcome.end;
            work_.events_relayed = true;
            work_.files_scanned_whole += relay->scan_end() == ScanEnd::done ? 1 : 0;
        } else {
            Reader reader;
            reader.Parse<parse_flags>(stream, *this);
            outcome = {reader.HasParseError(), reader.GetParseErrorCode(), reader.GetErrorOffset(),
                       stream.Tell()};
        }
        relay.reset();
        prefaulter.stop();
        prefaulter_ = nullptr;
        settle_references();
        if (prefaulting) {
            drop_whole_pages(data_.claims.data() + data_.claims.size(),
                             data_.claims.data() + data_.claims.capacity());
            arena_->release_unused();
            work_.bytes_prefaulted += prefaulter.populated();
        }
        work_.bytes_parsed += outcome.end - start;
        if (outcome.has_error) {
            if (!fatal_) {
                std::string message = syntax_message(outcome.code);
                // RapidJSON takes a NUL for the end of the text: before any value, that is not
                // an empty file.
                if (outcome.code == rapidjson::kParseErrorDocumentEmpty &&
                    outcome.error_offset < text_.size()) {
                    message = "syntax error: a NUL byte where the JSON value should start";
                }
                std::string pointer;
                // JavaScript writes these into "JSON" happily; say why they are refused.
                const std::string_view rest =
                    text_.substr(std::min(outcome.error_offset, text_.size()));
                for (const std::string_view word : {"NaN", "Infinity", "-Infinity"}) {
                    if (outcome.code == rapidjson::kParseErrorValueInvalid &&
                        rest.substr(0, word.size()) == word) {
                        message += ": " + std::string(word) + " is not a JSON number";
                    }
                }
                // A number too big is a value in its place; say which.
                if (outcome.code == rapidjson::kParseErrorNumberTooBig) {
                    pointer = current_pointer();
                }
                error(outcome.error_offset, std::move(pointer), std::move(message));
            }
            drop_open_record();
        } else {
            // Anything but whitespace after the root value is an error, as in any strict parser.
            std::size_t p = outcome.end;
            while (p < text_.size() && is_space(text_[p])) {
                ++p;
            }
            if (p < text_.size()) {
                error(p, "", "syntax error: text after the end of the JSON value");
            }
        }
        stream_ = nullptr;
        positions_[file]->extend(text_.size());
        if (files_[file].mapping) {
            files_[file].mapping->release(0, text_.size());
        }
        done_before_ += text_.size();
        if (progress_ != nullptr) {
            (*progress_)(done_before_, total_);  // each file once it is read, however small
        }
    }

    // A record cut short by a syntax error is not kept: its fields are not all known.
    void drop_open_record() {
        const bool open = std::any_of(frames_.begin(), frames_.end(),
                                      [](const Frame& f) { return f.role == Role::record; });
        if (!open) {
            return;
        }
        auto& places = places_[static_cast<std::size_t>(table_)];
        places.pop_back();
        switch (table_) {
            case Table::sources:
                data_.sources.pop_back();
                break;
            case Table::relations:
                data_.relations.pop_back();
                break;
            case Table::actors: {
                const auto actor = static_cast<Index>(data_.actors.size() - 1);
                while (!holders_.empty() && holders_.back().first == actor) {
                    holders_.pop_back();
                }
                data_.actors.pop_back();
                kind_known_.pop_back();
                break;
            }
            case Table::claims: {
                const auto claim = static_cast<Index>(data_.claims.size() - 1);
                while (!refs_.empty() && refs_.back().claim == claim) {
                    refs_.pop_back();
                }
                data_.claims.pop_back();
                break;
            }
        }
    }

    // The pointer of the value being read when the parse stopped.
    std::string current_pointer() const {
        if (frames_.empty()) {
            return "";
        }
        switch (frames_.back().role) {
            case Role::root:
                return root_key_ == RootKey::version ? "/" + std::string(version_member)
                       : root_key_ == RootKey::table
                           ? "/" + std::string(table_spec(root_table_).name)
                           : std::string();
            case Role::table:
                return table_pointer(table_, element_);
            case Role::record:
                return field_ != nullptr ? field_pointer() : record_pointer();
            case Role::aliases:
                return field_pointer() + "/" + std::to_string(alias_);
            case Role::skipped:
                break;
        }
        return "";
    }

    // ---- containers ----

    bool open(bool array) {
        const std::size_t start = stream_->Tell() - 1;  // the parser has read the bracket
        if (frames_.size() == max_depth) {
            error(start, "",
                  "nesting deeper than " + std::to_string(max_depth) +
                      " levels; an entente file needs no more than 4");
            fatal_ = true;
            return false;
        }
        const char* const got = array ? "an array" : "an object";  // for messages only
        if (frames_.empty()) {
            if (array) {
                push(Role::skipped, start, "expected an object, got an array", "");
            } else {
                push(Role::root, start);
                root_start_ = start;
            }
            return true;
        }
        switch (frames_.back().role) {
            case Role::skipped:
                push(Role::skipped, start);
                return true;
            case Role::root:
                if (root_key_ == RootKey::version) {
                    push(Role::skipped, start,
                         "expected " + std::string(expected_version()) + ", got " + got,
                         "/" + std::string(version_member));
                } else if (root_key_ == RootKey::table && array) {
                    push(Role::table, start);
                    table_ = root_table_;
                    element_ = 0;
                } else if (root_key_ == RootKey::table) {
                    push(Role::skipped, start, "expected an array, got " + std::string(got),
                         "/" + std::string(table_spec(root_table_).name));
                } else {
                    push(Role::skipped, start);
                }
                return true;
            case Role::table:
                if (array) {
                    push(Role::skipped, start, "expected an object, got an array",
                         table_pointer(table_, element_++));
                    return true;
                }
                return begin_record(start);
            case Role::record:
                if (field_ == nullptr) {
                    push(Role::skipped, start);
                } else if (array && field_->kind == ValueKind::aliases) {
                    push(Role::aliases, start);
                    alias_ = 0;
                } else {
                    push(Role::skipped, start,
                         "expected " + std::string(expected(field_->kind)) + ", got " + got,
                         field_pointer());
                }
                return true;
            case Role::aliases:
                push(Role::skipped, start,
                     "expected " + std::string(expected(ValueKind::name)) + ", got " + got,
                     field_pointer() + "/" + std::to_string(alias_++));
                return true;
        }
        return true;
    }

    void push(Role role, std::size_t start, std::string deferred = {}, std::string pointer = {}) {
        frames_.push_back({role, start, std::move(deferred), std::move(pointer)});
    }

    bool close() {
        // Read in place, not moved out: a frame is 80 bytes, and a record closes at every claim.
        Frame& frame = frames_.back();
        const Role role = frame.role;
        if (!frame.deferred.empty()) {
            error(frame.start, std::move(frame.pointer), std::move(frame.deferred));
        }
        frames_.pop_back();
        if (role == Role::record) {
            end_record();
        } else if (role == Role::root) {
            for (const std::string_view member : required_root_members) {
                if ((root_seen_ & root_bit(member)) == 0) {
                    error(root_start_, "",
                          "missing required field \"" + std::string(member) + "\"");
                }
            }
        }
        return true;
    }

    // ---- member names ----

    bool member_name(std::string_view key, bool ascii) {
        const std::size_t start = stream_->Tell();  // see token_start
        const Role role = frames_.back().role;
        if (role == Role::root) {
            root_key(key, ascii, start);
        } else if (role == Role::record) {
            record_key(key, ascii, start);
        }
        return true;
    }

    // ---- the root object ----

    static unsigned root_bit(std::string_view member) {
        if (member == version_member) {
            return 1;
        }
        const auto table = table_named(member);
        return table ? 2U << static_cast<unsigned>(*table) : 0;
    }

    // A member name past the name limit, or not valid text: reported, its value skipped. The
    // object's pointer is made only for a message.
    template <class Pointer>
    bool bad_key(std::string_view key, bool ascii, std::size_t start, Pointer&& object_pointer) {
        if (auto problem = ascii ? std::nullopt : utf8_problem(key)) {
            error(start, object_pointer(), "invalid UTF-8 in a member name: " + *problem);
            return true;
        }
        if (key.size() > limits_.max_name_length) {
            if (const std::size_t length = utf8_length(key); length > limits_.max_name_length) {
                error(start, object_pointer() + "/" + pointer_token(key),
                      "string of " + std::to_string(length) +
                          " characters; a name may have at most " +
                          std::to_string(limits_.max_name_length) + " (--max-name-length)");
                return true;
            }
        }
        return false;
    }

    // An unknown member: reported with the nearest known name; a repeated one also as such.
    void unknown_key(std::string_view key, std::size_t start, const std::string& pointer,
                     const std::vector<std::string>& known, std::unordered_set<std::string>& seen) {
        ++work_.unknown_keys;
        std::string message = "unknown field \"" + std::string(key) + "\"";
        if (const auto near = nearest_names(key, known, 1); !near.empty()) {
            message += "; did you mean \"" + near.front() + "\"?";
        }
        error(start, pointer, std::move(message));
        if (!seen.emplace(key).second) {
            error(start, pointer, "duplicate key \"" + std::string(key) + "\"");
        }
    }

    void root_key(std::string_view key, bool ascii, std::size_t start) {
        root_key_ = RootKey::other;
        if (bad_key(key, ascii, start, [] { return std::string(); })) {
            return;
        }
        const unsigned bit = root_bit(key);
        const std::string pointer = "/" + pointer_token(key);
        if (bit == 0) {
            static const std::vector<std::string> known = {"entente", "sources", "relations",
                                                           "actors", "claims"};
            unknown_key(key, start, pointer, known, root_unknown_);
            return;
        }
        if ((root_seen_ & bit) != 0) {
            error(start, pointer, "duplicate key \"" + std::string(key) + "\"");
            return;
        }
        root_seen_ |= bit;
        if (bit == 1) {
            root_key_ = RootKey::version;
        } else {
            root_key_ = RootKey::table;
            root_table_ = *table_named(key);
        }
    }

    // ---- records ----

    bool begin_record(std::size_t start) {
        ++work_.records;
        if (++records_ > limits_.max_records) {
            error(start, table_pointer(table_, element_),
                  "more than " + std::to_string(limits_.max_records) +
                      " records (sources, relations, actors and claims together); one command "
                      "loads at most " +
                      std::to_string(limits_.max_records) + " (--max-records)");
            fatal_ = true;
            stopped_ = true;
            return false;
        }
        push(Role::record, start);
        places_[static_cast<std::size_t>(table_)].push_back({file_, element_, start});
        ++element_;
        seen_ = 0;
        record_unknown_.clear();
        field_ = nullptr;
        next_field_ = 0;
        switch (table_) {
            case Table::sources:
                data_.sources.emplace_back();
                break;
            case Table::relations:
                data_.relations.emplace_back();
                break;
            case Table::actors:
                data_.actors.emplace_back();
                kind_known_.push_back(false);
                break;
            case Table::claims:
                if (prefaulter_ != nullptr && data_.claims.size() == data_.claims.capacity()) {
                    // More claims than reserved for (under 64 bytes of JSON each): the table
                    // is about to move, so the thread faulting in its pages stops first.
                    prefaulter_->stop();
                    prefaulter_ = nullptr;
                }
                data_.claims.emplace_back();
                break;
        }
        return true;
    }

    void record_key(std::string_view key, bool ascii, std::size_t start) {
        field_ = nullptr;
        if (bad_key(key, ascii, start, [this] { return record_pointer(); })) {
            return;
        }
        // Records of a table mostly list their fields in one order, skipping optional ones: the
        // fields are tried from the one after the last read on, round to it.
        const auto fields = table_spec(table_).fields;
        const FieldSpec* spec = nullptr;
        // (Stepped round, not by %: a division a key cost more than the compare.)
        std::size_t at = next_field_ < fields.size() ? next_field_ : 0;
        for (std::size_t k = 0; k < fields.size(); ++k) {
            if (same_text(fields[at].name, key)) {
                spec = &fields[at];
                break;
            }
            at = at + 1 == fields.size() ? 0 : at + 1;
        }
        if (spec != nullptr) {
            next_field_ = static_cast<std::size_t>(spec - fields.data()) + 1;
        }
        if (spec == nullptr) {
            std::vector<std::string> known;
            for (const FieldSpec& f : table_spec(table_).fields) {
                known.emplace_back(f.name);
            }
            unknown_key(key, start, record_pointer() + "/" + pointer_token(key), known,
                        record_unknown_);
            return;
        }
        const std::uint32_t bit = 1U << static_cast<unsigned>(spec->field);
        if ((seen_ & bit) != 0) {
            error(start, record_pointer() + "/" + std::string(spec->name),
                  "duplicate key \"" + std::string(key) + "\"");
            return;  // the first value is the one that counts, as for any JSON object
        }
        seen_ |= bit;
        field_ = spec;
    }

    // The bits (as in seen_) of a table's required fields.
    static std::uint32_t required_fields(Table table) {
        static const std::array<std::uint32_t, 4> masks = [] {
            std::array<std::uint32_t, 4> out{};
            for (const TableSpec& t : table_specs()) {
                for (const FieldSpec& f : t.fields) {
                    if (f.required) {
                        out[static_cast<std::size_t>(t.table)] |= 1U
                                                                  << static_cast<unsigned>(f.field);
                    }
                }
            }
            return out;
        }();
        return masks[static_cast<std::size_t>(table)];
    }

    void end_record() {
        const Place p = places_[static_cast<std::size_t>(table_)].back();
        if (const std::uint32_t required = required_fields(table_);
            (seen_ & required) != required) {
            for (const FieldSpec& f : table_spec(table_).fields) {
                if (f.required && (seen_ & (1U << static_cast<unsigned>(f.field))) == 0) {
                    error(p.offset, record_pointer(),
                          "missing required field \"" + std::string(f.name) + "\"");
                }
            }
        }
        // Ids are known from here on; a repeated one is reported by the rules later.
        if (table_ != Table::claims) {
            settle_references();
        }
        switch (table_) {
            case Table::sources:
                if (!data_.sources.back().id.empty()) {
                    source_ids_.emplace(data_.sources.back().id,
                                        static_cast<Index>(data_.sources.size() - 1));
                }
                break;
            case Table::relations:
                if (!data_.relations.back().id.empty()) {
                    relation_ids_.emplace(data_.relations.back().id,
                                          static_cast<Index>(data_.relations.size() - 1));
                }
                break;
            case Table::actors:
                if (!data_.actors.back().id.empty()) {
                    actor_ids_.emplace(data_.actors.back().id,
                                       static_cast<Index>(data_.actors.size() - 1));
                }
                break;
            case Table::claims:
                break;
        }
        if ((element_ & 0xFFF) == 0) {
            if (progress_ != nullptr) {
                (*progress_)(done_before_ + stream_->Tell(), total_);
            }
            if (prefaulter_ != nullptr) {
                prefaulter_->progress(0, data_.claims.data() + data_.claims.size());
                prefaulter_->progress(1, arena_->free_tail().first);
                prefaulter_->progress(2, text_.data() + stream_->Tell());
            }
        }
        // Lines are counted while the record's bytes are in the cache: here, or, for a relayed
        // file, by the parsing thread.
        if (!relaying_) {
            positions_[file_]->extend(stream_->Tell());
        }
        // The text parsed is given back: a valid file's load never reads it again, and the rare
        // finding located later reads its page from the file anew.
        released_.read_to(stream_->Tell());
    }

    // ---- scalars ----

    // Where a scalar's text starts, exactly. RapidJSON reads a string (a key too) or a number on
    // a copy of a StringStream and stores it back once the handler has returned
    // (StreamLocalCopy), so during those calls Tell() is still where the token starts; null,
    // true and false are read on the stream itself, so Tell() is where they end.
    static_assert(rapidjson::StreamTraits<rapidjson::StringStream>::copyOptimization == 1);
    std::size_t token_start(const Value& v) const {
        const std::size_t at = stream_->Tell();
        switch (v.type) {
            case Type::null:
                return at - 4;
            case Type::boolean:
                return at - (v.boolean ? 4 : 5);
            default:
                return at;
        }
    }

    bool scalar(const Value& v) {
        const std::size_t start = token_start(v);
        if (!frames_.empty() &&
            (frames_.back().role == Role::skipped ||
             (frames_.back().role == Role::record && field_ == nullptr) ||
             (frames_.back().role == Role::root && root_key_ == RootKey::other))) {
            return true;  // the value of a member already reported (unknown or repeated)
        }
        if (v.type == Type::string && !v.ascii) {
            // Text that is not UTF-8 is refused before anything describes or keeps it.
            if (auto problem = utf8_problem(v.text)) {
                error(start, current_pointer(), "invalid UTF-8 in a string: " + *problem);
                if (!frames_.empty() && frames_.back().role == Role::table) {
                    ++element_;
                } else if (!frames_.empty() && frames_.back().role == Role::aliases) {
                    ++alias_;
                }
                return true;
            }
        }
        if (frames_.empty()) {
            error(start, "", "expected an object, got " + describe(v));
            return true;
        }
        switch (frames_.back().role) {
            case Role::skipped:
                return true;
            case Role::root:
                if (root_key_ == RootKey::version && !(v.type == Type::number && v.text == "1")) {
                    error(start, "/" + std::string(version_member),
                          "expected " + std::string(expected_version()) + ", got " + describe(v));
                } else if (root_key_ == RootKey::table) {
                    error(start, "/" + std::string(table_spec(root_table_).name),
                          "expected an array, got " + describe(v));
                }
                return true;
            case Role::table:
                error(start, table_pointer(table_, element_++),
                      "expected an object, got " + describe(v));
                return true;
            case Role::record:
                if (field_ != nullptr) {
                    field_value(v, start);
                }
                return true;
            case Role::aliases: {
                const std::string pointer = field_pointer() + "/" + std::to_string(alias_++);
                if (v.type != Type::string) {
                    error(start, pointer,
                          "expected " + std::string(expected(ValueKind::name)) + ", got " +
                              describe(v));
                } else if (auto problem =
                               check_string(ValueKind::name, v.text, limits_, v.utf8())) {
                    error(start, pointer, std::move(*problem));
                } else {
                    data_.actors.back().aliases.emplace_back(v.text);
                }
                return true;
            }
        }
        return true;
    }

    void field_value(const Value& v, std::size_t start) {
        const ValueKind kind = field_->kind;
        auto wrong = [&] {
            error(start, field_pointer(),
                  "expected " + std::string(expected(kind)) + ", got " + describe(v));
        };
        switch (kind) {
            case ValueKind::polarity:
                if (v.type == Type::number && (v.text == "-1" || v.text == "0" || v.text == "1")) {
                    data_.relations.back().polarity = v.text == "-1" ? -1 : v.text == "0" ? 0 : 1;
                } else {
                    wrong();
                }
                return;
            case ValueKind::boolean:
                if (v.type == Type::boolean && field_->field == Field::negated) {
                    data_.claims.back().negated = v.boolean;
                } else if (v.type == Type::boolean) {
                    data_.relations.back().symmetric = v.boolean;
                } else {
                    wrong();
                }
                return;
            case ValueKind::confidence:
                if (v.type != Type::number) {
                    wrong();
                } else {
                    const double value = number_value(v.text);
                    if (!valid_confidence(value)) {
                        error(start, field_pointer(), confidence_problem(v.text));
                    } else {
                        data_.claims.back().confidence = value;
                    }
                }
                return;
            case ValueKind::weight:
                if (v.type != Type::number) {
                    wrong();
                } else {
                    const double value = number_value(v.text);
                    if (!valid_weight(value)) {
                        error(start, field_pointer(), weight_problem(v.text));
                    } else {
                        data_.claims.back().weight = value;
                    }
                }
                return;
            case ValueKind::aliases:
                wrong();  // a scalar where the array goes
                return;
            default:
                break;
        }
        if (v.type != Type::string) {
            wrong();
            return;
        }
        if (auto problem = check_string(kind, v.text, limits_, v.utf8())) {
            error(start, field_pointer(), std::move(*problem));
            return;
        }
        store(v.text);
    }

    // Stores a string that passed its field's checks.
    void store(std::string_view v) {
        const Field field = field_->field;
        switch (table_) {
            case Table::sources: {
                Source& s = data_.sources.back();
                switch (field) {
                    case Field::id:
                        s.id = kept(v);
                        break;
                    case Field::title:
                        s.title = kept(v);
                        break;
                    case Field::author:
                        s.author = kept(v);
                        break;
                    case Field::publisher:
                        s.publisher = kept(v);
                        break;
                    case Field::date:
                        s.date = parse_date(v);
                        break;
                    case Field::url:
                        s.url = arena_->slim(v);
                        break;
                    case Field::text:
                        s.text = arena_->slim(v);
                        break;
                    case Field::note:
                        s.note = arena_->slim(v);
                        break;
                    default:
                        break;
                }
                return;
            }
            case Table::relations: {
                Relation& r = data_.relations.back();
                switch (field) {
                    case Field::id:
                        r.id.assign(v);
                        break;
                    case Field::label:
                        r.label.assign(v);
                        break;
                    case Field::note:
                        r.note.assign(v);
                        break;
                    default:
                        break;
                }
                return;
            }
            case Table::actors: {
                Actor& a = data_.actors.back();
                switch (field) {
                    case Field::id:
                        a.id.assign(v);
                        break;
                    case Field::name:
                        a.name.assign(v);
                        break;
                    case Field::kind:
                        a.kind = *parse_actor_kind(v);
                        kind_known_.back() = true;
                        break;
                    case Field::holder:
                        holders_.emplace_back(static_cast<Index>(data_.actors.size() - 1),
                                              std::string(v));
                        break;
                    case Field::note:
                        a.note.assign(v);
                        break;
                    default:
                        break;
                }
                return;
            }
            case Table::claims: {
                Claim& c = data_.claims.back();
                switch (field) {
                    case Field::id:
                        c.id = kept(v);
                        break;
                    case Field::subject:
                    case Field::object:
                        reference(actor_ids_, v, field);
                        break;
                    case Field::relation:
                        reference(relation_ids_, v, field);
                        break;
                    case Field::source:
                        // Claims from one source tend to come together.
                        if (!last_source_.first.empty() && v == last_source_.first) {
                            c.source = last_source_.second;
                        } else {
                            settle_references();  // refs_ stays in the order the file has
                            resolve(static_cast<Index>(data_.claims.size() - 1), field, source_ids_,
                                    v, IdMap::hash_of(v));
                            if (c.source != no_index) {
                                last_source_ = {std::string(v), c.source};
                            }
                        }
                        break;
                    case Field::quote:
                        c.quote = arena_->slim(v);
                        break;
                    case Field::asserted_by:
                        c.asserted_by = arena_->slim(v);
                        break;
                    case Field::modality:
                        c.modality = *parse_modality(v);
                        break;
                    case Field::note:
                        c.note = arena_->slim(v);
                        break;
                    case Field::from:
                        c.from = parse_date(v);
                        break;
                    case Field::until:
                        c.until = parse_date(v);
                        break;
                    default:
                        break;
                }
                return;
            }
        }
    }

    // A claim's or a source's text longer than fits inline goes into the dataset's arena, not a
    // heap block of its own (TextArena says why).
    CompactString kept(std::string_view v) { return arena_->string(v); }

    // ---- references, looked up a few behind ----

    // A claim's subject, object and relation are looked up in id maps of thousands of entries
    // (10^4 actors: 512 KB of slots), which the parse's stream of fresh writes keeps pushing out
    // of the cache: the lookup waited on memory, 8% of the loading thread at 10^6 claims. So a
    // reference is hashed when read and its slot prefetched, and it is looked up once `lookahead`
    // more have been read, by when the slot is in the cache. Looking up later changes nothing:
    // the lookups stay in file order (refs_ too), every pending one is settled before an id is
    // added to a map (end_record) and when the parse of a file ends, and a map keeps the first
    // record of an id, as the lookup after every file does.
    struct Lookahead {
        static constexpr std::size_t capacity = 31;  // longer ids are looked up at once
        Index claim;
        Field field;
        std::uint8_t size;
        std::uint32_t hash;
        const IdMap* ids;
        std::array<char, capacity> key;
    };
    static constexpr std::size_t lookahead = 8;

    // The claim being read refers by `v` (its field `field`) to a record of `ids`.
    void reference(const IdMap& ids, std::string_view v, Field field) {
        const auto claim = static_cast<Index>(data_.claims.size() - 1);
        const std::uint32_t hash = IdMap::hash_of(v);
        if (v.size() > Lookahead::capacity) {
            settle_references();
            resolve(claim, field, ids, v, hash);
            return;
        }
        if (pending_refs_ == lookahead) {
            settle_oldest();
        }
        Lookahead& r = lookahead_[(oldest_ref_ + pending_refs_++) % lookahead];
        r.claim = claim;
        r.field = field;
        r.size = static_cast<std::uint8_t>(v.size());
        r.hash = hash;
        r.ids = &ids;
        std::copy(v.begin(), v.end(), r.key.begin());
        ids.prefetch(hash);
    }

    void settle_oldest() {
        const Lookahead& r = lookahead_[oldest_ref_];
        oldest_ref_ = (oldest_ref_ + 1) % lookahead;
        --pending_refs_;
        resolve(r.claim, r.field, *r.ids, std::string_view(r.key.data(), r.size), r.hash);
    }

    // Looks up every reference still pending.
    void settle_references() {
        while (pending_refs_ != 0) {
            settle_oldest();
        }
    }

    // A reference resolves now when its record is known, else once every file is read.
    void resolve(Index claim, Field field, const IdMap& ids, std::string_view v,
                 std::uint32_t hash) {
        if (const Index found = ids.find(v, hash); found != no_index) {
            Claim& c = data_.claims[claim];
            (field == Field::subject    ? c.subject
             : field == Field::object   ? c.object
             : field == Field::relation ? c.relation
                                        : c.source) = found;
        } else {
            refs_.push_back({claim, field, std::string(v)});
        }
    }

    // ---- after every file ----

    // Checks the records read, reporting every problem found.
    void finish() {
        std::vector<Finding> findings;
        resolve_holders(findings);
        resolve_references(findings);
        // Every reference is resolved, so the id maps go (at 10^5 sources, 4.6 MB) before the
        // rules and the warnings make the load's peak.
        source_ids_ = IdMap();
        relation_ids_ = IdMap();
        actor_ids_ = IdMap();
        // Every problem is reported: the warnings too, on what could be read. For many claims
        // they are found on another thread meanwhile (BackgroundTask says why), with the name
        // index they need; find_claim_warnings reads no field the rules below write.
        // The search is built on the other thread, and this one joins in once its own rules
        // are done, taking the sources not yet searched (the search alone was the longer).
        std::vector<ClaimWarning> claim_warnings;
        std::optional<ClaimWarningSearch> search;
        std::atomic<bool> searching{false};
        std::optional<BackgroundTask> warnings;  // after search: joined before it goes
        if (data_.claims.size() >= concurrent_warnings_from) {
            warnings.emplace([this, &search, &searching] {
                search.emplace(data_);
                searching.store(true, std::memory_order_release);
                search->search();
                names();
            });
        }
        check_records(data_, *this, findings, &claim_slots_);
        work_.content_id_lookups += assign_content_ids(data_, claim_slots_);
        complete_claims(data_, arena_.get());
        arena_->release_unused();  // the texts are all in: the block's unwritten pages go back
        if (warnings) {
            if (searching.load(std::memory_order_acquire)) {
                search->search();
            }
            work_.warnings_found_concurrently = warnings->join();
            claim_warnings = search->found();
        } else {
            claim_warnings = find_claim_warnings(data_);
        }
        check_warnings(data_, claim_warnings, names(), *this, findings);
        for (Finding& f : findings) {
            locate(f);
        }
    }

    // Builds the graph of a dataset without errors, once every diagnostic has its line and
    // column: what only placed them (the records' places, 4 bytes a record; the files' line
    // index, 16 bytes a KiB; pages of the files read again) is given back first rather than held
    // beside the graph.
    void build(LoadResult& result) {
        for (auto& places : places_) {
            places.release();
        }
        positions_ = std::vector<std::optional<TextPositions>>();
        for (const InputFile& f : files_) {
            if (f.mapping) {
                f.mapping->release(0, f.bytes().size());
            }
        }
        // The name index the warnings used is given back too: the graph builds its own when a
        // name is first looked up (a query by ids never does), rather than hold it at its peak.
        names_.reset();
        result.graph.emplace(std::move(data_), std::move(claim_slots_));
    }

    const NameIndex& names() {
        if (!names_) {
            names_ = std::make_shared<const NameIndex>(data_.actors);
        }
        return *names_;
    }

    // Suggestions share one budget of character comparisons per load: each search gets what is
    // left and is charged what it did, and once the budget is spent the rest of the unknown
    // names are reported without suggestions, so a file full of bad references is still checked
    // in seconds.
    template <class Search>
    std::vector<std::string> within_budget(Search&& search) {
        if (suggestions_left_ == 0) {
            return {};
        }
        SuggestionWork work;
        work.budget = suggestions_left_;
        auto found = search(work);
        const std::size_t cost = std::min(suggestions_left_, work.cells + work.scanned);
        suggestions_left_ = work.budget_spent ? 0 : suggestions_left_ - cost;
        work_.suggestion_cost += cost;
        return found;
    }

    std::string unknown_actor(const std::string& id) {
        // Someone who writes "usa" for "united-states" is helped by the aliases first.
        std::vector<std::string> suggestions;
        for (Index i : names().find(id)) {
            if (std::find(suggestions.begin(), suggestions.end(), data_.actors[i].id) ==
                suggestions.end()) {
                suggestions.push_back(data_.actors[i].id);
            }
        }
        if (suggestions.empty()) {
            suggestions =
                within_budget([&](SuggestionWork& work) { return names().suggest(id, 3, &work); });
        }
        return "unknown actor \"" + id + "\"" + did_you_mean(suggestions);
    }

    std::string unknown_id(const std::string& id, const char* what, const IdMap& ids) {
        const auto suggestions = within_budget(
            [&](SuggestionWork& work) { return nearest_names(id, ids.keys(), 3, &work); });
        return std::string("unknown ") + what + " \"" + id + "\"" + did_you_mean(suggestions);
    }

    void resolve_holders(std::vector<Finding>& findings) {
        for (const auto& [actor, holder] : holders_) {
            Actor& a = data_.actors[actor];
            if (kind_known_[actor] && a.kind != ActorKind::position) {
                findings.push_back({Severity::error, Table::actors, actor, Field::holder,
                                    holder_on_non_position(a)});
                continue;
            }
            const Index found = actor_ids_.find(holder);
            if (found == no_index) {
                findings.push_back(
                    {Severity::error, Table::actors, actor, Field::holder, unknown_actor(holder)});
            } else if (kind_known_[actor]) {
                a.holder = found;
            }
        }
        holders_ = decltype(holders_)();
    }

    void resolve_references(std::vector<Finding>& findings) {
        for (const PendingRef& ref : refs_) {
            Claim& c = data_.claims[ref.claim];
            const IdMap& ids = ref.field == Field::relation ? relation_ids_
                               : ref.field == Field::source ? source_ids_
                                                            : actor_ids_;
            Index& out = ref.field == Field::subject    ? c.subject
                         : ref.field == Field::object   ? c.object
                         : ref.field == Field::relation ? c.relation
                                                        : c.source;
            if (const Index found = ids.find(ref.id); found != no_index) {
                out = found;
                continue;
            }
            std::string message = ref.field == Field::relation ? unknown_id(ref.id, "relation", ids)
                                  : ref.field == Field::source ? unknown_id(ref.id, "source", ids)
                                                               : unknown_actor(ref.id);
            findings.push_back(
                {Severity::error, Table::claims, ref.claim, ref.field, std::move(message)});
        }
        refs_ = std::vector<PendingRef>();
    }

    // ---- locating ----

    Place place(Table table, Index record) const {
        const std::size_t k = table == Table::relations ? record - builtins_ : record;
        return places_[static_cast<std::size_t>(table)][k];
    }

    void locate(Finding& f) {
        const Place p = place(f.table, f.record);
        std::size_t offset = p.offset;
        std::string pointer = table_pointer(f.table, p.element);
        if (f.field) {
            const std::string_view name = field_spec(f.table, *f.field).name;
            ++work_.relocated_fields;
            offset = FieldFinder(files_[p.file].bytes(), name).find(p.offset);
            give_back(p.file, p.offset, offset);
            pointer += "/" + std::string(name);
        }
        error_in(p.file, offset, std::move(pointer), std::move(f.message), f.severity);
    }

    TextPosition position(std::uint32_t file, std::size_t offset) const {
        auto& index = positions_[file];
        if (!index) {
            index.emplace(files_[file].bytes());
        }
        const TextPosition at = index->at(offset);
        give_back(file, offset, offset);
        return at;
    }

    // Gives back the pages of a file read since it was parsed to place a diagnostic, bytes
    // [from, to] and the few KiB before (where a line and column are counted from): each fault
    // on a mapped file maps more than its page (64 KiB around it by the kernel's fault-around,
    // which MADV_RANDOM does not stop, or the whole large folio it lies in, up to 2 MiB, since
    // the mapping is 2 MiB-aligned), so 73 warnings citing other claims kept 4.6 MB of the file
    // resident at the load's peak. Throws nothing.
    void give_back(std::uint32_t file, std::size_t from, std::size_t to) const {
        if (files_[file].mapping) {
            constexpr std::size_t margin = 2u << 20;  // a folio is mapped whole: up to 2 MiB
            files_[file].mapping->release(from < margin ? 0 : from - margin, to + margin);
        }
    }

    // Every diagnostic gets its line and column, in file order.
    void collect(LoadResult& result) {
        std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) {
            return std::tie(a.file, a.offset) < std::tie(b.file, b.offset);
        });
        result.diagnostics.reserve(pending_.size());
        for (Pending& p : pending_) {
            Diagnostic& d = p.diagnostic;
            if (!p.whole_file) {
                const TextPosition at = position(p.file, p.offset);
                d.line = at.line;
                d.column = at.column;
            }
            result.diagnostics.push_back(std::move(d));
        }
        pending_ = std::vector<Pending>();
        result.omitted_warnings =
            cap_similar_warnings(result.diagnostics, limits_.max_similar_warnings);
    }

    const std::vector<InputFile>& files_;
    const LoadLimits& limits_;
    const LoadProgress* progress_;
    const ReaderThreads threads_;
    LoadWork work_;

    Dataset data_;
    std::size_t builtins_ = 0;
    PlaceTable places_[4];
    IdMap source_ids_;
    IdMap relation_ids_;
    IdMap actor_ids_;
    std::shared_ptr<TextArena> arena_ = std::make_shared<TextArena>();  // data_.texts, writable
    Prefaulter* prefaulter_ = nullptr;  // while a big file is parsed, until its claims table moves
    std::vector<PendingRef> refs_;
    std::array<Lookahead, lookahead> lookahead_{};  // a ring, from oldest_ref_
    std::size_t oldest_ref_ = 0;
    std::size_t pending_refs_ = 0;
    std::vector<Index> claim_slots_;  // claim ids, from check_records to the graph
    std::vector<std::pair<Index, std::string>> holders_;
    std::vector<bool> kind_known_;  // per actor: its kind was read (a bad one defaults to state)
    std::pair<std::string, Index> last_source_{"", no_index};
    std::shared_ptr<const NameIndex> names_;
    std::size_t suggestions_left_ = suggestion_budget;

    std::vector<Pending> pending_;
    mutable std::vector<std::optional<TextPositions>> positions_;
    std::size_t records_ = 0;  // in all files, as the limit counts them
    std::uint64_t bytes_ = 0;  // bytes of the files read so far, as the limit counts them
    bool stopped_ = false;     // the record limit was reached: nothing more is read
    std::size_t total_ = 0;
    std::size_t done_before_ = 0;

    // The file being parsed.
    std::uint32_t file_ = 0;
    std::string_view text_;
    Releaser released_{nullptr, 0};  // gives the file's text back behind the parser
    const rapidjson::StringStream* stream_ = nullptr;
    std::vector<Frame> frames_;
    bool fatal_ = false;     // the handler stopped the parse and said why
    bool relaying_ = false;  // the file's events come from a SaxRelay (which counts its lines)
    unsigned root_seen_ = 0;
    std::unordered_set<std::string> root_unknown_;
    std::size_t root_start_ = 0;
    RootKey root_key_ = RootKey::none;
    Table root_table_ = Table::claims;
    Table table_ = Table::claims;
    std::uint32_t element_ = 0;  // elements begun in the current table's array
    std::uint32_t seen_ = 0;     // fields present in the current record, one bit each
    std::unordered_set<std::string> record_unknown_;
    const FieldSpec* field_ = nullptr;  // the field whose value comes next; null: skip it
    std::size_t next_field_ = 0;        // index of the field expected next in this table
    std::uint32_t alias_ = 0;           // alias elements begun
};

}  // namespace

LoadResult read_json(const std::vector<InputFile>& files, const LoadLimits& limits,
                     const LoadProgress& progress, LoadWork* work, const ReaderThreads& threads) {
    return JsonReader(files, limits, progress, threads).run(work);
}

}  // namespace entente::detail
