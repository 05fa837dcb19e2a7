// SlimString: a claim's texts in 8 bytes (inline up to 6, owned, or borrowed from an arena),
// checked against std::string.

#include <doctest/doctest.h>

#include <cstring>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "entente/model/model.hpp"
#include "entente/model/slim_string.hpp"
#include "entente/model/text_arena.hpp"

using namespace entente;

namespace {

// Bytes that are not all letters, with a NUL inside from length 4 on: a SlimString keeps bytes,
// not C strings.
std::string sample(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
        s.push_back(static_cast<char>(i % 7 == 3 ? '\0' : 'a' + static_cast<char>(i % 26)));
    }
    return s;
}

bool inside(const SlimString& s) {
    const auto* p = reinterpret_cast<const char*>(&s);
    return s.data() >= p && s.data() < p + sizeof s;
}

}  // namespace

TEST_CASE("SlimString keeps every length's bytes, NUL-terminated, across the inline limit") {
    CHECK(sizeof(SlimString) == 8);
    CHECK(SlimString::inline_capacity == 6);
    for (std::size_t n = 0; n <= 40; ++n) {
        CAPTURE(n);
        const std::string text = sample(n);
        const SlimString s(std::string_view{text});
        CHECK(s.size() == n);
        CHECK(s.empty() == (n == 0));
        CHECK(s.view() == text);
        CHECK(s.c_str()[n] == '\0');
        CHECK(s.str() == text);
        CHECK(std::string(s.begin(), s.end()) == text);
        CHECK(inside(s) == (n <= 6));  // 6 bytes and their NUL inline, 7 in a block
        CHECK_FALSE(s.borrows());
    }
    // An owned string holds a plain pointer to its block, so that a leak checker scanning memory
    // for pointers finds the block (LeakSanitizer took one held under a tagged pointer for a
    // leak).
    const SlimString owned(sample(40));
    const char* word = nullptr;
    std::memcpy(&word, &owned, sizeof word);
    CHECK(word + sizeof(std::size_t) == owned.data());
    const SlimString empty;
    CHECK(empty.empty());
    CHECK(empty.c_str()[0] == '\0');
    // A text far past what a borrowed string's length can say is owned whole.
    const std::string big = sample(100'000);
    CHECK(SlimString(big) == big);
}

TEST_CASE("A borrowing SlimString reads its text in place up to 32767 bytes; past that it copies") {
    TextArena arena;
    for (const std::size_t n : {std::size_t{6}, std::size_t{7}, std::size_t{145},
                                std::size_t{0x7FFF}, std::size_t{0x8000}}) {
        CAPTURE(n);
        const std::string text = sample(n);
        const std::string_view stored = arena.add(text);
        SlimString borrowed = SlimString::borrowing(stored);
        CHECK(borrowed == text);
        CHECK(borrowed.c_str()[n] == '\0');
        const bool borrows = n > SlimString::inline_capacity && n <= SlimString::borrowed_capacity;
        CHECK(borrowed.borrows() == borrows);
        CHECK((borrowed.data() == stored.data()) == borrows);

        // A copy owns its bytes, which outlive the arena; a move hands borrowed bytes on and
        // destroying a borrowing string frees nothing (a free of arena bytes would abort under
        // AddressSanitizer).
        const SlimString copy = borrowed;
        CHECK(copy == text);
        CHECK_FALSE(copy.borrows());
        CHECK_FALSE(arena.holds(copy.data()));
        const char* where = borrowed.data();
        SlimString moved = std::move(borrowed);
        if (n > SlimString::inline_capacity) {
            CHECK(moved.data() == where);  // borrowed or owned, the bytes stay where they are
        }
        CHECK(moved == text);
        CHECK(borrowed.empty());
        moved = "replaced by an owned text";
        CHECK(stored == text);
    }
    // TextArena::slim keeps short text inline, borrows the rest while it can.
    CHECK_FALSE(arena.slim("six by").borrows());
    const SlimString seven = arena.slim("seven b");
    CHECK(seven.borrows());
    CHECK(arena.holds(seven.data()));
    CHECK(seven == "seven b");
    const SlimString too_long = arena.slim(sample(0x8000));
    CHECK_FALSE(too_long.borrows());
    CHECK(too_long == sample(0x8000));
}

TEST_CASE("SlimString survives self-assignment and assignment from its own bytes") {
    for (const std::size_t n : {std::size_t{3}, std::size_t{40}}) {
        SlimString s(sample(n));
        const SlimString& same = s;
        s = same;
        CHECK(s == sample(n));
        s = s.view();
        CHECK(s == sample(n));
        s = s.view().substr(1);
        CHECK(s == sample(n).substr(1));
        s.clear();
        CHECK(s.empty());
    }
}

TEST_CASE("SlimString compares and orders as std::string does, with every string type") {
    const std::vector<std::string> texts = {
        "", "a", "ab", "abcdef", "abcdefg", "b", "a longer text than six bytes"};
    for (const std::string& x : texts) {
        for (const std::string& y : texts) {
            CAPTURE(x);
            CAPTURE(y);
            const SlimString a(x);
            const SlimString b(y);
            CHECK((a == b) == (x == y));
            CHECK((a == CompactString(y)) == (x == y));
            CHECK((a == std::string_view(y)) == (x == y));
            CHECK((a == y) == (x == y));
            CHECK((a == y.c_str()) == (x == y));
            CHECK((a != CompactString(y)) == (x != y));
            CHECK((a < b) == (x < y));
            CHECK((a < std::string_view(y)) == (x < y));
            CHECK((a <= y) == (x <= y));
            CHECK((a > y.c_str()) == (x > y));
        }
    }
}

TEST_CASE("SlimString writes to streams and concatenates into std::string") {
    const SlimString s("quote");
    std::ostringstream out;
    out << "[" << s << "]";
    CHECK(out.str() == "[quote]");
    CHECK(std::string("a ") + s == "a quote");
    CHECK(s + std::string("s") == "quotes");
    CHECK("the " + s == "the quote");
    CHECK(s + "!" == "quote!");
}

TEST_CASE("SlimString holds random text through a shuffle of copies, moves and borrows") {
    std::mt19937 rng(42);
    TextArena arena;
    std::vector<std::string> model;
    std::vector<SlimString> ours;
    for (int step = 0; step < 3000; ++step) {
        const auto op = rng() % 5;
        if (op == 0 || model.empty()) {
            const std::string text = sample(rng() % 48);
            model.push_back(text);
            ours.emplace_back(text);
        } else if (op == 1) {
            const std::string text = sample(rng() % 48);
            model.push_back(text);
            ours.push_back(arena.slim(text));
        } else if (op == 2) {
            const auto i = rng() % model.size();
            const auto j = rng() % model.size();
            model[i] = model[j];
            ours[i] = ours[j];
        } else if (op == 3) {
            const auto i = rng() % model.size();
            std::swap(model[i], model.back());
            std::swap(ours[i], ours.back());
            model.pop_back();
            ours.pop_back();
        } else {
            const auto i = rng() % model.size();
            const auto cut = model[i].size() / 2;
            model[i] = model[i].substr(cut);
            ours[i] = ours[i].view().substr(cut);
        }
    }
    REQUIRE(ours.size() == model.size());
    for (std::size_t i = 0; i < model.size(); ++i) {
        CHECK(ours[i].view() == model[i]);
    }
}
