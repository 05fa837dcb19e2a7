#include "load/json_document.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <unordered_set>

#include "entente/model/text.hpp"

namespace entente::detail {

namespace {

// A read-only stream over a string_view; Tell() is the byte offset in the whole text.
class ViewStream {
  public:
    using Ch = char;
    ViewStream(std::string_view text, std::size_t start) : text_(text), pos_(start) {}
    Ch Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
    Ch Take() { return pos_ < text_.size() ? text_[pos_++] : '\0'; }
    std::size_t Tell() const { return pos_; }
    // Writing is never used by the reader on a non-insitu parse.
    Ch* PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    std::size_t PutEnd(Ch*) { return 0; }

  private:
    std::string_view text_;
    std::size_t pos_;
};

// Forwards SAX events to the document while noting where each value and key starts, the
// nesting depth, and keys repeated within one object.
class RecordingHandler {
  public:
    RecordingHandler(rapidjson::Document& document, const ViewStream& stream, std::string_view text,
                     const StringLimits& limits, std::vector<std::uint32_t>& starts,
                     std::vector<ParseProblem>& problems)
        : document_(document),
          stream_(stream),
          text_(text),
          limits_(limits),
          starts_(starts),
          problems_(problems) {
        last_end_ = stream.Tell();
    }

    bool Null() { return mark() && document_.Null(); }
    bool Bool(bool b) { return mark() && document_.Bool(b); }
    bool Int(int i) { return mark() && document_.Int(i); }
    bool Uint(unsigned u) { return mark() && document_.Uint(u); }
    bool Int64(std::int64_t i) { return mark() && document_.Int64(i); }
    bool Uint64(std::uint64_t u) { return mark() && document_.Uint64(u); }
    bool Double(double d) { return mark() && document_.Double(d); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
        return mark() && document_.RawNumber(s, n, copy);
    }
    bool String(const char* s, rapidjson::SizeType n, bool copy) {
        const std::size_t start = token_start();
        return mark() && fits(start, std::string_view(s, n), is_text()) &&
               document_.String(s, n, copy);
    }
    bool StartObject() {
        if (!mark_container() || !enter()) {
            return false;
        }
        frames_.emplace_back(false);
        return document_.StartObject();
    }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) {
        const std::size_t start = token_start();
        if (!mark(false)) {
            return false;
        }
        std::string key(s, n);
        Frame& frame = frames_.back();
        frame.key = key;
        if (!fits(start, key, false)) {
            return false;
        }
        if (!frame.seen.insert(key).second) {
            problems_.push_back({start, "duplicate key \"" + key + "\"", current_pointer(), false});
        }
        return document_.Key(s, n, copy);
    }
    bool EndObject(rapidjson::SizeType n) {
        last_end_ = token_start() + 1;
        --depth_;
        frames_.pop_back();
        return document_.EndObject(n);
    }
    bool StartArray() {
        if (!mark_container() || !enter()) {
            return false;
        }
        frames_.emplace_back(true);
        return document_.StartArray();
    }
    bool EndArray(rapidjson::SizeType n) {
        last_end_ = token_start() + 1;
        --depth_;
        frames_.pop_back();
        return document_.EndArray(n);
    }

    /// Set when the handler itself stopped the parse, with the offset and reason.
    std::optional<ParseProblem> stop;

  private:
    // True when the string being read belongs to a long-text member (directly, or in an array).
    bool is_text() const {
        for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
            if (!it->array) {
                const auto& fields = limits_.text_fields;
                return std::find(fields.begin(), fields.end(), it->key) != fields.end();
            }
        }
        return false;
    }
    // Stops the parse at a string longer than its limit, before the document copies it.
    bool fits(std::size_t start, std::string_view s, bool text) {
        const std::size_t limit = text ? limits_.max_text_length : limits_.max_name_length;
        if (s.size() <= limit) {
            return true;  // never more characters than bytes
        }
        const std::size_t length = utf8_length(s);
        if (length <= limit) {
            return true;
        }
        stop = ParseProblem{start,
                            "string of " + std::to_string(length) + " characters; " +
                                (text ? "a quote, note, title or url may have at most "
                                      : "a name may have at most ") +
                                std::to_string(limit) +
                                (text ? " (--max-text-length)" : " (--max-name-length)"),
                            current_pointer(), true};
        return false;
    }
    // The value that just ended began at the first character after the previous token that is
    // not whitespace or JSON punctuation: exact, since the whole text is in memory.
    std::size_t token_start() const {
        std::size_t p = last_end_;
        while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t' || text_[p] == '\n' ||
                                    text_[p] == '\r' || text_[p] == ',' || text_[p] == ':')) {
            ++p;
        }
        return p;
    }
    // Scalars and keys reach the handler once read, so the stream is past them.
    bool mark(bool value = true) {
        if (!record(token_start())) {
            return false;
        }
        if (value) {
            count_element();
        }
        last_end_ = stream_.Tell();
        return true;
    }
    void count_element() {
        if (!frames_.empty() && frames_.back().array) {
            frames_.back().elements++;
        }
    }
    // The JSON pointer of the value being read: array indices and member names down the stack.
    std::string current_pointer() const {
        std::string out;
        for (const auto& frame : frames_) {
            out +=
                "/" + (frame.array ? std::to_string(frame.elements - 1) : pointer_token(frame.key));
        }
        return out;
    }
    // The iterative reader announces '{', '[', '}' and ']' before reading them, so the stream
    // still points at the bracket.
    bool mark_container() {
        const std::size_t start = token_start();
        if (!record(start)) {
            return false;
        }
        count_element();
        last_end_ = start + 1;
        return true;
    }
    bool record(std::size_t start) {
        if (start > UINT32_MAX) {
            stop = ParseProblem{start, "file larger than 4 GiB", "", true};
            return false;
        }
        starts_.push_back(static_cast<std::uint32_t>(start));
        return true;
    }
    bool enter() {
        if (++depth_ > max_json_depth) {
            stop = ParseProblem{starts_.back(),
                                "nesting deeper than " + std::to_string(max_json_depth) +
                                    " levels; an entente file needs no more than 4",
                                "", true};
            return false;
        }
        return true;
    }

    rapidjson::Document& document_;
    const ViewStream& stream_;
    std::string_view text_;
    const StringLimits& limits_;
    std::vector<std::uint32_t>& starts_;
    std::vector<ParseProblem>& problems_;
    // One frame per open object or array. Keys are copied: the reader reuses its buffer.
    struct Frame {
        explicit Frame(bool is_array) : array(is_array) {}
        bool array;
        std::size_t elements = 0;              // arrays: elements started so far
        std::string key;                       // objects: the member being read
        std::unordered_set<std::string> seen;  // objects: keys so far, to catch duplicates
    };
    std::vector<Frame> frames_;
    std::size_t last_end_ = 0;
    std::size_t depth_ = 0;
};

// Pairs each value with its recorded start, in the same pre-order the parser produced them.
// Depth is capped by the parse, so the recursion is bounded.
template <typename Out>
void assign_offsets(const rapidjson::Value& value, const std::vector<std::uint32_t>& starts,
                    std::size_t& next, Out& out) {
    out.push_back({&value, starts[next++]});
    if (value.IsObject()) {
        for (const auto& member : value.GetObject()) {
            out.push_back({&member.name, starts[next++]});
            assign_offsets(member.value, starts, next, out);
        }
    } else if (value.IsArray()) {
        for (const auto& element : value.GetArray()) {
            assign_offsets(element, starts, next, out);
        }
    }
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

// Bytes between two checkpoints of the position index.
constexpr std::size_t checkpoint_block = 256;

}  // namespace

// Moves a position past one byte: columns count the bytes that start a UTF-8 character.
void TextPositions::advance(Checkpoint& at, char c) {
    if (c == '\n') {
        ++at.line;
        at.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++at.column;
    }
}

TextPositions::TextPositions(std::string_view text)
    : text_(text), bom_(text.substr(0, 3) == "\xEF\xBB\xBF") {
    Checkpoint at;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % checkpoint_block == 0) {
            checkpoints_.push_back(at);
        }
        advance(at, text[i]);
    }
}

TextPosition TextPositions::at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    if (checkpoints_.empty()) {
        return {1, 1};
    }
    const std::size_t block = std::min(offset / checkpoint_block, checkpoints_.size() - 1);
    Checkpoint at = checkpoints_[block];
    for (std::size_t i = block * checkpoint_block; i < offset; ++i) {
        advance(at, text_[i]);
    }
    if (bom_ && at.line == 1 && offset >= 3) {
        --at.column;  // the byte-order mark is not a column
    }
    return {at.line, at.column};
}

JsonDocument::JsonDocument(std::string_view text, const StringLimits& limits) : positions_(text) {
    // A UTF-8 byte-order mark is accepted and skipped (editors on Windows write one).
    const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    ViewStream stream(text, start);
    std::vector<std::uint32_t> starts;
    rapidjson::Reader reader;
    std::optional<ParseProblem> stop;
    auto generator = [&](rapidjson::Document& document) {
        RecordingHandler handler(document, stream, text, limits, starts, problems_);
        constexpr unsigned flags = rapidjson::kParseIterativeFlag |
                                   rapidjson::kParseValidateEncodingFlag |
                                   rapidjson::kParseStopWhenDoneFlag;
        reader.Parse<flags>(stream, handler);
        stop = handler.stop;
        return !reader.HasParseError();
    };
    document_.Populate(generator);
    if (stop) {
        problems_.push_back(*stop);
        return;
    }
    if (reader.HasParseError()) {
        std::string message = syntax_message(reader.GetParseErrorCode());
        // JavaScript writes these into "JSON" happily; say why they are refused.
        const std::string_view rest = text.substr(std::min(reader.GetErrorOffset(), text.size()));
        for (const std::string_view word : {"NaN", "Infinity", "-Infinity"}) {
            if (reader.GetParseErrorCode() == rapidjson::kParseErrorValueInvalid &&
                rest.substr(0, word.size()) == word) {
                message += ": " + std::string(word) + " is not a JSON number";
            }
        }
        problems_.push_back({reader.GetErrorOffset(), message, "", true});
        return;
    }
    // Anything but whitespace after the root value is an error, as in any strict JSON parser.
    std::size_t p = stream.Tell();
    while (p < text.size() &&
           (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r')) {
        ++p;
    }
    if (p < text.size()) {
        problems_.push_back({p, "syntax error: text after the end of the JSON value", "", true});
        return;
    }
    std::size_t next = 0;
    offsets_.reserve(starts.size());
    assign_offsets(document_, starts, next, offsets_);
    starts = {};
    std::sort(offsets_.begin(), offsets_.end(), [](const ValueStart& a, const ValueStart& b) {
        return std::less<>()(a.value, b.value);
    });
    ok_ = true;
}

std::size_t JsonDocument::offset_of(const rapidjson::Value& value) const {
    const auto it = std::lower_bound(
        offsets_.begin(), offsets_.end(), &value,
        [](const ValueStart& a, const rapidjson::Value* b) { return std::less<>()(a.value, b); });
    return it == offsets_.end() || it->value != &value ? 0 : it->offset;
}

std::string pointer_token(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace entente::detail
