// The CLI's output layer: what reaches a terminal is inert, CSV is quoted, JSON buffers throw
// on exhaustion instead of crashing.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <sstream>

#include "output.hpp"

using entente::cli::terminal_safe;

namespace {

std::string utf8(std::uint32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

}  // namespace

TEST_CASE("terminal text: the escape sequences of the issue's quote are shown, not run") {
    CHECK(terminal_safe("\x1b]0;PWNED\x07\x1b[2J\x1b[H") ==
          "\\u001b]0;PWNED\\u0007\\u001b[2J\\u001b[H");
    CHECK(terminal_safe("line\nbreak\ttab\rreturn") == "line\\nbreak\\ttab\\rreturn");
    CHECK(terminal_safe(std::string("nul\0byte", 8)) == "nul\\u0000byte");
    CHECK(terminal_safe("del\x7f") == "del\\u007f");
    CHECK(terminal_safe("C1 CSI \xc2\x9b"
                        "31m") == "C1 CSI \\u009b31m");
    CHECK(terminal_safe("RLO \xe2\x80\xae"
                        "txt.exe") == "RLO \\u202etxt.exe");
    CHECK(terminal_safe("isolate \xe2\x81\xa6x\xe2\x81\xa9") == "isolate \\u2066x\\u2069");
    CHECK(terminal_safe("Ünïcödé — Straße, Łódź, 北京, 😀") == "Ünïcödé — Straße, Łódź, 北京, 😀");
    CHECK(terminal_safe("back\\slash \\u001b stays") == "back\\slash \\u001b stays");
}

TEST_CASE("terminal text: bytes that are not UTF-8 are shown as \\xHH") {
    CHECK(terminal_safe("\x9b"
                        "2J") == "\\x9b2J");                             // 8-bit CSI on its own
    CHECK(terminal_safe("\xc0\x9b") == "\\xc0\\x9b");                    // overlong
    CHECK(terminal_safe("\xed\xa0\x80") == "\\xed\\xa0\\x80");           // a surrogate
    CHECK(terminal_safe("\xf4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");  // past U+10FFFF
    CHECK(terminal_safe("cut \xe2\x80") == "cut \\xe2\\x80");            // truncated
    CHECK(terminal_safe("\xff") == "\\xff");
}

TEST_CASE("terminal text: every code point, escaped exactly when a terminal would act on it") {
    for (std::uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            continue;
        }
        const bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
        const bool bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
        const std::string in = utf8(cp);
        const std::string out = terminal_safe(in);
        if (!control && !bidi) {
            REQUIRE_MESSAGE(out == in, "U+" << std::hex << cp);
        } else {
            REQUIRE_MESSAGE(out.size() >= 2, "U+" << std::hex << cp);
            REQUIRE_MESSAGE(out[0] == '\\', "U+" << std::hex << cp);
            for (char c : out) {
                REQUIRE_MESSAGE((c >= 0x20 && c < 0x7F), "U+" << std::hex << cp);
            }
            CHECK(terminal_safe(out) == out);  // idempotent
        }
    }
}

TEST_CASE("tables for people escape their cells and keep their columns") {
    std::ostringstream text;
    entente::cli::Lines lines(text);
    entente::cli::Table table({"ID", "NAME"});
    table.add({"x", "evil\x1b[2Jname"});
    table.add({"longer-id", "two\nlines"});
    table.print(lines);
    lines.line("a ", 1, " line\x07");
    CHECK(text.str() ==
          "ID         NAME\n"
          "x          evil\\u001b[2Jname\n"
          "longer-id  two\\nlines\n"
          "a 1 line\\u0007\n");
}

TEST_CASE("CSV quotes what needs quoting, and escapes controls like a table") {
    std::ostringstream csv;
    entente::cli::Table table({"id", "name"});
    table.add({"a", "plain, — 北京"});
    table.add({"b", "Smith \"Jr\"\nline\x1b[2J"});
    table.add({"c", "=HYPERLINK(\"http://evil.example/\")"});
    table.add({"d", "-0.5"});
    table.print_csv(csv);
    // CRLF line ends (RFC 4180); a formula neutralised, a number left alone.
    CHECK(csv.str() ==
          "id,name\r\na,\"plain, — 北京\"\r\nb,\"Smith \"\"Jr\"\"\\nline\\u001b[2J\"\r\n"
          "c,\"'=HYPERLINK(\"\"http://evil.example/\"\")\"\r\nd,-0.5\r\n");
}

TEST_CASE(
    "JSON buffers throw std::bad_alloc when memory runs out, rather than writing through "
    "a null pointer") {
    entente::ThrowingJsonAllocator allocator;
    CHECK(allocator.Malloc(0) == nullptr);
    // More than any address space holds, yet below the largest object size GCC lets us ask for.
    const auto impossible =
        static_cast<std::size_t>(std::numeric_limits<std::ptrdiff_t>::max() / 4);
    CHECK_THROWS_AS(allocator.Malloc(impossible), std::bad_alloc);
    void* block = allocator.Malloc(16);
    REQUIRE(block != nullptr);
    CHECK_THROWS_AS(allocator.Realloc(block, 16, impossible), std::bad_alloc);
    block = allocator.Realloc(block, 16, 32);  // the block survived the failed growth
    CHECK(block != nullptr);
    entente::ThrowingJsonAllocator::Free(block);
    entente::cli::JsonBuffer buffer;
    buffer.Put('x');
    CHECK_THROWS_AS(buffer.Reserve(impossible), std::bad_alloc);
    CHECK(std::string(buffer.GetString(), buffer.GetSize()) == "x");
}
