// The relay's scanner against RapidJSON, event by event: on every file of the corpora, every
// one-byte deletion and change of a dataset, hand-made edge cases and random texts, the events a
// relay delivers (kind, stream position, text) and how the parse ends are RapidJSON's own, and
// the scanner reads valid datasets to the end by itself.

#include <doctest/doctest.h>
#include <rapidjson/reader.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "entente/load/json_allocator.hpp"
#include "load/sax_relay.hpp"

namespace entente::test {

namespace {

using Reader =
    rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, ThrowingJsonAllocator>;
constexpr unsigned flags =
    rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseNumbersAsStringsFlag;
using Relay = detail::SaxRelay<Reader, flags>;

struct Event {
    char kind;
    std::size_t at;
    std::string text;
    bool operator==(const Event&) const = default;
};

// Records every event with the stream's position at the call; stops, as the loader's reader
// does, when a container opens deeper than `max_depth`.
struct Recording : detail::RawNumbersOnly {
    const rapidjson::StringStream* stream = nullptr;
    std::size_t max_depth = 64;
    std::size_t depth = 0;
    std::vector<Event> events;

    bool add(char kind, std::string text = {}) {
        events.push_back({kind, stream->Tell(), std::move(text)});
        return true;
    }
    bool Null() { return add('n'); }
    bool Bool(bool b) { return add(b ? 't' : 'f'); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return add('#', {s, n}); }
    bool String(const char* s, rapidjson::SizeType n, bool) { return add('s', {s, n}); }
    bool Key(const char* s, rapidjson::SizeType n, bool) { return add('k', {s, n}); }
    // The relay's scanner marks texts all ASCII with no byte below 0x20: the mark must be true.
    std::size_t ascii = 0;
    std::size_t wrongly_ascii = 0;
    void mark(const char* s, rapidjson::SizeType n) {
        ++ascii;
        for (rapidjson::SizeType i = 0; i < n; ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            wrongly_ascii += c < 0x20 || c >= 0x80 ? 1 : 0;
        }
    }
    bool AsciiString(const char* s, rapidjson::SizeType n) {
        mark(s, n);
        return String(s, n, true);
    }
    bool AsciiKey(const char* s, rapidjson::SizeType n) {
        mark(s, n);
        return Key(s, n, true);
    }
    bool StartObject() { return open('{'); }
    bool StartArray() { return open('['); }
    bool EndObject(rapidjson::SizeType) { return close('}'); }
    bool EndArray(rapidjson::SizeType) { return close(']'); }
    bool open(char kind) {
        add(kind);
        return ++depth <= max_depth;
    }
    bool close(char kind) {
        --depth;
        return add(kind);
    }
};

struct Run {
    std::vector<Event> events;
    bool has_error = false;
    rapidjson::ParseErrorCode code = rapidjson::kParseErrorNone;
    std::size_t error_offset = 0;
    std::size_t end = 0;
    detail::ScanEnd scan = detail::ScanEnd::done;
    std::size_t ascii = 0;  // texts delivered as AsciiString or AsciiKey
};

// Where the loader starts: past a UTF-8 byte-order mark.
std::size_t start_of(const std::string& text) {
    return text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
}

Run direct(const std::string& text, std::size_t max_depth) {
    Run run;
    rapidjson::StringStream stream(text.c_str());
    stream.src_ += start_of(text);
    Recording recording;
    recording.stream = &stream;
    recording.max_depth = max_depth;
    Reader reader;
    reader.Parse<flags>(stream, recording);
    run.events = std::move(recording.events);
    run.has_error = reader.HasParseError();
    run.code = reader.GetParseErrorCode();
    run.error_offset = reader.GetErrorOffset();
    run.end = stream.Tell();
    return run;
}

Run relayed(const std::string& text, std::size_t max_depth) {
    Run run;
    rapidjson::StringStream stream(text.c_str());
    Recording recording;
    recording.stream = &stream;
    recording.max_depth = max_depth;
    Relay relay(text, start_of(text), max_depth);
    REQUIRE(relay.start());
    const Relay::Outcome outcome = relay.relay(recording, stream);
    run.events = std::move(recording.events);
    run.has_error = outcome.has_error;
    run.code = outcome.code;
    run.error_offset = outcome.error_offset;
    run.end = outcome.end;
    run.scan = relay.scan_end();
    run.ascii = recording.ascii;
    CHECK(recording.wrongly_ascii == 0);
    return run;
}

// The relay gives RapidJSON's events; and how the parse ended, unless the handler stopped it
// (then the parsing thread may have got further, which the reader allows for).
detail::ScanEnd require_alike(const std::string& text, std::size_t max_depth = 64) {
    const Run a = direct(text, max_depth);
    const Run b = relayed(text, max_depth);
    REQUIRE(b.events.size() == a.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        INFO("event " << i);
        REQUIRE(b.events[i] == a.events[i]);
    }
    CHECK(b.has_error == a.has_error);
    CHECK(b.code == a.code);
    if (a.code != rapidjson::kParseErrorTermination) {
        CHECK(b.error_offset == a.error_offset);
        CHECK(b.end == a.end);
    }
    return b.scan;
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("the scanner reads every valid file we ship to the end, as RapidJSON would") {
    const std::filesystem::path root = ENTENTE_SOURCE_DIR;
    const std::filesystem::path data = ENTENTE_TEST_DATA;
    std::vector<std::filesystem::path> files = {root / "examples" / "highland-tribes.json"};
    for (const auto& dir : {root / "data", data / "good", data / "good" / "dir", data / "warn"}) {
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.path().extension() == ".json") {
                files.push_back(entry.path());
            }
        }
    }
    REQUIRE(files.size() > 10);
    for (const auto& path : files) {
        INFO(path.string());
        CHECK(require_alike(slurp(path)) == detail::ScanEnd::done);
    }
}

TEST_CASE("on the bad corpus the relay gives RapidJSON's events and errors") {
    const std::filesystem::path data = ENTENTE_TEST_DATA;
    std::size_t unsure = 0;
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(data / "bad")) {
        if (entry.path().extension() == ".json") {
            INFO(entry.path().string());
            unsure += require_alike(slurp(entry.path())) == detail::ScanEnd::unsure ? 1 : 0;
            ++files;
        }
    }
    REQUIRE(files > 10);
    CHECK(unsure > 0);  // the syntax errors among them are RapidJSON's to report
}

TEST_CASE("every one-byte deletion and change of a dataset relays RapidJSON's events") {
    const std::string text = R"({"entente": 1, "sources": [{"id": "s", "title": "S \"q\" \u00e9"}],
"actors": [{"id": "a", "name": "A\\B", "kind": "state", "aliases": ["\ud83d\ude00", "x"]},
 {"id": "b", "name": "B", "kind": "state"}],
"claims": [{"id": "c1", "subject": "a", "relation": "supports", "object": "b", "source": "s",
"confidence": 0.75, "weight": -2.5e-3, "negated": false, "note": null, "x": [true, {}, []]}]})";
    REQUIRE(require_alike(text) == detail::ScanEnd::done);
    std::size_t unsure = 0;
    std::size_t done = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        INFO("byte " << i);
        std::string deleted = text;
        deleted.erase(i, 1);
        (require_alike(deleted) == detail::ScanEnd::unsure ? unsure : done) += 1;
        for (const char c : std::string("\"\\{}[],:0e-u \x01")) {
            std::string changed = text;
            changed[i] = c;
            (require_alike(changed) == detail::ScanEnd::unsure ? unsure : done) += 1;
        }
    }
    // Both ways through the relay are taken, many times.
    CHECK(unsure > 100);
    CHECK(done > 100);
}

TEST_CASE("numbers, strings, literals and nesting at the scanner's edges relay as RapidJSON's") {
    using detail::ScanEnd;
    // What the scanner reads itself, and what it leaves to RapidJSON.
    const std::vector<std::pair<std::string, ScanEnd>> cases = {
        {"0", ScanEnd::done},
        {"-0", ScanEnd::done},
        {"[0, -1, 123456789, -123456789, 0.5, 1.25e3, 2E-7, 3e+12, 0.123456789012345]",
         ScanEnd::done},
        {"1234567890", ScanEnd::unsure},  // RapidJSON goes to 64 bits
        {"4294967296", ScanEnd::unsure},
        {"0.1234567890123456", ScanEnd::unsure},
        {"1e308", ScanEnd::unsure},
        {"1e999", ScanEnd::unsure},
        {"01", ScanEnd::unsure},
        {"-", ScanEnd::unsure},
        {"1.", ScanEnd::unsure},
        {"1.e5", ScanEnd::unsure},
        {"1e", ScanEnd::unsure},
        {"1e+", ScanEnd::unsure},
        {"+1", ScanEnd::unsure},
        {".5", ScanEnd::unsure},
        {"[1 2]", ScanEnd::unsure},
        {R"("\"\\\/\b\f\n\r\t")", ScanEnd::done},
        {R"("\u0041\u00e9\u20ac\ud83d\ude00 and \uDBFF\uDFFF")", ScanEnd::done},
        {R"("a lone low \udc00 and \u0000 inside")", ScanEnd::done},
        {R"("a lone high \ud83d")", ScanEnd::unsure},
        {R"("\ud83dx")", ScanEnd::unsure},
        {R"("\ud83d\u0041")", ScanEnd::unsure},
        {R"("\uZZZZ")", ScanEnd::unsure},
        {R"("\u12")", ScanEnd::unsure},
        {R"("\x")", ScanEnd::unsure},
        {"\"tab\there\"", ScanEnd::unsure},
        {"\"unterminated", ScanEnd::unsure},
        {"\"\\", ScanEnd::unsure},
        {std::string("\"nul\0inside\"", 12), ScanEnd::unsure},
        {"[true, false, null]", ScanEnd::done},
        {"tru", ScanEnd::unsure},
        {"nul", ScanEnd::unsure},
        {"falsey", ScanEnd::done},  // the value ends at "false"; the rest is the reader's
        {"[truex]", ScanEnd::unsure},
        {"[1,]", ScanEnd::unsure},
        {R"({"a": 1,})", ScanEnd::unsure},
        {R"({"a" 1})", ScanEnd::unsure},
        {R"({1: 2})", ScanEnd::unsure},
        {R"({"a": 1 "b": 2})", ScanEnd::unsure},
        {"", ScanEnd::unsure},
        {" \n\t\r ", ScanEnd::unsure},
        {" \n {\t\"a\"\r:\n[ ] , \"b\" : { } } trailing", ScanEnd::done},
        {"[[], [[]], {}, [{}], {\"\": []}]", ScanEnd::done},
        {"\"é and \xff\xfe bytes pass as they are\"", ScanEnd::done},
    };
    for (const auto& [text, how] : cases) {
        INFO(text);
        CHECK(require_alike(text) == how);
    }
    // Marked ASCII: plain texts, not those with other bytes or escapes (checked by the reader).
    CHECK(relayed(R"({"key": ["plain", "", "é", "\n", "also plain"]})", 64).ascii == 4);
    // Nesting: at the handler's cap (64) and past it, and past the scanner's own 64 levels.
    for (const std::size_t levels : {63, 64, 65, 66, 200}) {
        INFO(levels);
        const std::string deep = std::string(levels, '[') + std::string(levels, ']');
        CHECK(require_alike(deep) == (levels <= 64 ? ScanEnd::done : ScanEnd::unsure));
        require_alike(deep, 3);
        require_alike(std::string(levels, '['));
    }
}

TEST_CASE("random texts near JSON relay RapidJSON's events") {
    // Texts drawn from JSON's tokens with a little noise: most are valid, many end early or
    // go wrong somewhere, so both the scanner's way and its hand-over are taken.
    std::mt19937 random(20261203);
    const std::vector<std::string> tokens = {
        "{",   "}",     "[",           "]",       ",",           ":",    " ",
        "\n",  "\"k\"", "\"a b\"",     "\"\\n\"", "\"\\u00e9\"", "0",    "-1",
        "2.5", "1e3",   "12345678901", "true",    "false",       "null", "\"\\ud83d\\ude00\"",
        "\"x", "\\",    "1.",          "\t"};
    std::size_t done = 0;
    for (int i = 0; i < 3000; ++i) {
        // A skeleton that is mostly well formed: an object or array of values.
        std::string text;
        std::uniform_int_distribution<int> size(1, 40);
        std::uniform_int_distribution<std::size_t> pick(0, tokens.size() - 1);
        const int n = size(random);
        const bool object = random() % 2 == 0;
        text += object ? "{" : "[";
        for (int k = 0; k < n; ++k) {
            if (k > 0) {
                text += ",";
            }
            if (object) {
                text += "\"m" + std::to_string(k) + "\":";
            }
            text += random() % 8 == 0 ? tokens[pick(random)] + tokens[pick(random)]
                                      : tokens[8 + pick(random) % 13];
        }
        text += object ? "}" : "]";
        INFO(text);
        done += require_alike(text) == detail::ScanEnd::done ? 1 : 0;
    }
    CHECK(done > 300);
    CHECK(done < 2700);
}

}  // namespace entente::test
