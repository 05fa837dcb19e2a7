#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "entente/model/compact_string.hpp"
#include "entente/model/model.hpp"

using namespace entente;

namespace {

// Every length across the inline/heap boundary, with bytes that are not all letters (a NUL
// inside the text included: CompactString keeps bytes, not C strings).
std::string sample(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
        s.push_back(static_cast<char>(i % 7 == 3 ? '\0' : 'a' + static_cast<char>(i % 26)));
    }
    return s;
}

}  // namespace

TEST_CASE("CompactString keeps every length's bytes, NUL-terminated, across the inline limit") {
    for (std::size_t n = 0; n <= 40; ++n) {
        CAPTURE(n);
        const std::string text = sample(n);
        const CompactString s(std::string_view{text});
        CHECK(s.size() == n);
        CHECK(s.empty() == (n == 0));
        CHECK(s.view() == text);
        CHECK(std::memcmp(s.data(), text.data(), n) == 0);
        CHECK(s.c_str()[n] == '\0');
        CHECK(s.str() == text);
        CHECK(std::string(s.begin(), s.end()) == text);
    }
    // The boundary itself: 15 bytes inline, ending in the length byte's NUL; 16 on the heap.
    CHECK(CompactString::inline_capacity == 15);
    const CompactString fifteen("abcdefghijklmno");
    CHECK(fifteen.size() == 15);
    CHECK(std::strlen(fifteen.c_str()) == 15);
    CHECK(reinterpret_cast<const void*>(fifteen.data()) == reinterpret_cast<const void*>(&fifteen));
    const CompactString sixteen("abcdefghijklmnop");
    CHECK(sixteen.size() == 16);
    CHECK(reinterpret_cast<const void*>(sixteen.data()) != reinterpret_cast<const void*>(&sixteen));
    CHECK(sixteen == "abcdefghijklmnop");
}

TEST_CASE("CompactString copies own their bytes; moves leave the source empty") {
    for (const std::size_t n :
         {std::size_t{0}, std::size_t{5}, std::size_t{15}, std::size_t{16}, std::size_t{200}}) {
        CAPTURE(n);
        const std::string text = sample(n);
        CompactString a(std::string_view{text});
        CompactString b(a);
        CHECK(b == a);
        if (n > CompactString::inline_capacity) {
            CHECK(b.data() != a.data());
        }
        a = "changed";
        CHECK(b.view() == text);  // the copy did not share a's block

        CompactString c(std::move(b));
        CHECK(c.view() == text);
        CHECK(b.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is specified
        CHECK(b.c_str()[0] == '\0');

        CompactString d("something long enough to be on the heap");
        d = std::move(c);
        CHECK(d.view() == text);
        CHECK(c.empty());  // NOLINT(bugprone-use-after-move)

        CompactString e;
        e = d;
        CHECK(e == d);
        d.swap(e);
        CHECK(d.view() == text);
        CHECK(e.view() == text);
    }
}

TEST_CASE("CompactString survives self-assignment and assignment from its own bytes") {
    CompactString heap("a string that lives in a heap block");
    const CompactString& same = heap;
    heap = same;
    CHECK(heap == "a string that lives in a heap block");
    CompactString& alias = heap;  // through a reference, as a self-move happens in practice
    heap = std::move(alias);
    CHECK(heap == "a string that lives in a heap block");
    // A view into the string's own (heap) block: the copy is taken before the block is freed.
    heap = heap.view().substr(2, 20);
    CHECK(heap == "string that lives in");
    heap.assign(heap.view().substr(7));
    CHECK(heap == "that lives in");  // now inline, from its own heap bytes
    heap = heap.view().substr(5);
    CHECK(heap == "lives in");  // inline from its own inline bytes
}

TEST_CASE("CompactString appends as std::string does, across the inline limit, and clears") {
    for (const std::size_t n : {std::size_t{0}, std::size_t{7}, std::size_t{15}, std::size_t{30}}) {
        for (const std::size_t m :
             {std::size_t{0}, std::size_t{1}, std::size_t{8}, std::size_t{20}}) {
            CAPTURE(n);
            CAPTURE(m);
            std::string model = sample(n);
            CompactString ours(std::string_view{model});
            const std::string tail = sample(m);
            model += tail;
            ours += tail;
            CHECK(ours.view() == model);
            CHECK(ours.c_str()[ours.size()] == '\0');
            // Appending its own bytes: the copy is made before the old block goes.
            model += model;
            ours += ours.view();
            CHECK(ours.view() == model);
            ours.clear();
            CHECK(ours.empty());
            CHECK(ours.c_str()[0] == '\0');
            ours += "again";
            CHECK(ours == "again");
        }
    }
}

TEST_CASE("CompactString compares and orders as std::string does") {
    std::vector<std::string> words{"",      "a", "ab",       "abc",      "b",        "zebra",
                                   "Zebra", "é", sample(15), sample(16), sample(17), sample(40)};
    for (const auto& x : words) {
        for (const auto& y : words) {
            const CompactString cx(x);
            const CompactString cy(y);
            CAPTURE(x);
            CAPTURE(y);
            CHECK((cx == cy) == (x == y));
            CHECK((cx < cy) == (x < y));
            CHECK((cx <=> cy) == (x <=> y));
            CHECK((cx == y) == (x == y));
            CHECK((cx < std::string_view{y}) == (x < y));
            CHECK((y == cx) == (x == y));  // rewritten candidates work both ways
        }
    }
    std::vector<CompactString> sorted(words.begin(), words.end());
    std::sort(sorted.begin(), sorted.end());
    std::sort(words.begin(), words.end());
    REQUIRE(sorted.size() == words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        CHECK(sorted[i] == words[i]);
    }
    CHECK(CompactString("x") == "x");
    CHECK(CompactString("x") != "y");
}

TEST_CASE("CompactString writes to streams and concatenates into std::string") {
    const CompactString a("short");
    const CompactString b("a good deal longer than fifteen");
    std::ostringstream out;
    out << a << '|' << b;
    CHECK(out.str() == "short|a good deal longer than fifteen");
    CHECK(std::string("<") + a == "<short");
    CHECK(a + std::string(">") == "short>");
    CHECK("[" + b + "]" == "[a good deal longer than fifteen]");
    // Explicit only: an implicit copy bound to a const std::string& would die with its
    // statement, and a view kept of it dangle.
    static_assert(!std::is_convertible_v<CompactString, std::string>);
    static_assert(std::is_constructible_v<std::string, CompactString>);
    static_assert(std::is_convertible_v<CompactString, std::string_view>);
    CHECK(static_cast<std::string>(a) == "short");
}

TEST_CASE("CompactString holds random text through a shuffle of copies and moves") {
    // A differential check against std::string under the operations a vector of claims sees.
    std::mt19937 rng(16);
    std::vector<std::string> model;
    std::vector<CompactString> ours;
    for (int step = 0; step < 2000; ++step) {
        const auto op = rng() % 4;
        if (op == 0 || model.empty()) {
            const std::string text = sample(rng() % 48);
            model.push_back(text);
            ours.emplace_back(text);
        } else if (op == 1) {
            const auto i = rng() % model.size();
            const auto j = rng() % model.size();
            model[i] = model[j];
            ours[i] = ours[j];
        } else if (op == 2) {
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

TEST_CASE("A claim's and a source's records are as small as docs/architecture.md says") {
    CHECK(sizeof(CompactString) == 16);
    CHECK(sizeof(Date) == 4);
    // The per-claim figure in the architecture doc's memory budget (x86-64, libstdc++).
    CHECK(sizeof(OptionalDate) == 4);
    CHECK(sizeof(SlimString) == 8);
    CHECK(sizeof(Claim) == 88);
    CHECK(sizeof(Source) == 96);
    CHECK(make_date(2019, 2, 14).year == 2019);
    CHECK(make_date(2019, 2, 14).month == 2);
    CHECK(make_date(2019, 2, 14).day == 14);
}

TEST_CASE("OptionalDate reads as std::optional<Date> does, in four bytes") {
    OptionalDate none;
    CHECK_FALSE(none.has_value());
    CHECK_FALSE(static_cast<bool>(none));
    CHECK(none == std::nullopt);
    CHECK(none == OptionalDate(std::nullopt));
    CHECK(none.value_or(make_date(2001, 0, 0)) == make_date(2001, 0, 0));
    CHECK_THROWS_AS(static_cast<void>(none.value()), std::bad_optional_access);
    CHECK_FALSE(static_cast<std::optional<Date>>(none).has_value());

    // The year 0 is a date, not the mark of none (which is the year -1).
    const OptionalDate zero = make_date(0, 0, 0);
    CHECK(zero.has_value());
    CHECK(zero != none);

    OptionalDate d = parse_date("2019-02-14");
    REQUIRE(d.has_value());
    CHECK(*d == make_date(2019, 2, 14));
    CHECK(d->earliest() == 20190214);
    CHECK(d.value() == make_date(2019, 2, 14));
    CHECK(d == OptionalDate(make_date(2019, 2, 14)));
    CHECK(d != OptionalDate(make_date(2019, 2, 0)));
    const std::optional<Date> back = d;
    CHECK(back == std::optional<Date>(make_date(2019, 2, 14)));
    d = parse_date("not a date");
    CHECK(d == std::nullopt);
    d = make_date(2024, 5, 0);
    d.reset();
    CHECK_FALSE(d.has_value());
}

TEST_CASE("TextArena keeps each text with a NUL after it, in blocks that never move") {
    TextArena arena;
    CHECK(arena.capacity() == 0);
    std::vector<std::pair<std::string_view, std::string>> kept;
    // More than one block's worth of short texts, and two texts too long to share a block.
    for (std::size_t i = 0; kept.size() < 20000; ++i) {
        const std::string text = sample(i % 200);
        kept.emplace_back(arena.add(text), text);
    }
    const std::string long_text = sample(TextArena::block_size / 8 + 1);
    kept.emplace_back(arena.add(long_text), long_text);
    kept.emplace_back(arena.add("after the long one"), "after the long one");
    for (const auto& [view, text] : kept) {
        CHECK(view == text);
        CHECK(view.data()[view.size()] == '\0');
        CHECK(arena.holds(view.data()));
    }
    // 20,000 texts of 0 to 199 bytes (about 2 MB) take the first block and one large one; the
    // long text a block of exactly its size and NUL.
    CHECK(arena.capacity() ==
          TextArena::block_size + TextArena::large_block_size + long_text.size() + 1);
    const std::string elsewhere = "not in the arena";
    CHECK_FALSE(arena.holds(elsewhere.data()));
}

TEST_CASE("TextArena's large blocks start on a huge page; giving back its unused tail keeps it") {
    TextArena arena;
    // Fill the first block exactly (texts of 999 bytes and a NUL), so that the next text starts
    // the first large block.
    const std::string text = sample(999);
    for (std::size_t i = 0; i < TextArena::block_size / 1000; ++i) {
        arena.add(text);
    }
    const std::size_t left = TextArena::block_size % 1000;
    arena.add(sample(left - 1));
    CHECK(arena.capacity() == TextArena::block_size);
    const std::string_view first_large = arena.add("opens the large block");
    CHECK(arena.capacity() == TextArena::block_size + TextArena::large_block_size);
    CHECK(reinterpret_cast<std::uintptr_t>(first_large.data()) % (std::size_t{1} << 21) == 0);
    // The tail's pages are given back; texts added after read back whole, and so do the ones
    // before.
    arena.release_unused();
    std::vector<std::pair<std::string_view, std::string>> after;
    for (std::size_t i = 0; i < 5000; ++i) {
        const std::string t = sample(i % 300);
        after.emplace_back(arena.add(t), t);
    }
    arena.release_unused();
    arena.release_unused();  // twice, and with nothing added between: harmless
    CHECK(first_large == "opens the large block");
    for (const auto& [view, t] : after) {
        CHECK(view == t);
        CHECK(view.data()[view.size()] == '\0');
    }
    CHECK(arena.capacity() == TextArena::block_size + TextArena::large_block_size);
    TextArena empty;
    empty.release_unused();  // no block yet
    CHECK(empty.add("first") == "first");
    CHECK(empty.capacity() == TextArena::block_size);
    // A long text first takes a block of its own; the first ordinary block is still the small
    // one.
    TextArena long_first;
    const std::string long_text = sample(TextArena::block_size / 8 + 1);
    long_first.add(long_text);
    long_first.add("short");
    CHECK(long_first.capacity() == long_text.size() + 1 + TextArena::block_size);
}

TEST_CASE("TextArena::reserve puts the next texts in order in one block of the size asked for") {
    TextArena arena;
    arena.add("in the first block");
    CHECK(arena.capacity() == TextArena::block_size);
    // 3 MB asked for: a new block of exactly that size, untouched, now current.
    arena.reserve(3'000'000);
    CHECK(arena.capacity() == TextArena::block_size + 3'000'000);
    const auto [first, last] = arena.free_tail();
    CHECK(static_cast<std::size_t>(last - first) == 3'000'000);
    // Texts of up to 300 bytes fill it front to back, each right after the previous one's NUL,
    // and free_tail follows them.
    const char* expected = first;
    std::size_t added = 0;
    for (std::size_t i = 0; added + 301 <= 3'000'000; ++i) {
        const std::string text = sample(i % 301);
        const std::string_view view = arena.add(text);
        CHECK(view.data() == expected);
        CHECK(view == text);
        expected += text.size() + 1;
        added += text.size() + 1;
    }
    CHECK(arena.free_tail().first == expected);
    CHECK(arena.capacity() == TextArena::block_size + 3'000'000);  // no block more
    // Asking for what is left changes nothing; asking for more starts another block.
    const std::size_t left = static_cast<std::size_t>(arena.free_tail().second - expected);
    arena.reserve(left);
    CHECK(arena.free_tail().first == expected);
    arena.reserve(left + 1);
    CHECK(arena.capacity() == TextArena::block_size + 3'000'000 + left + 1);
    CHECK(arena.free_tail().second - arena.free_tail().first ==
          static_cast<std::ptrdiff_t>(left + 1));
    CHECK(arena.add("next") == "next");
}

TEST_CASE("A borrowing CompactString reads its text in place; a copy of it owns its bytes") {
    TextArena arena;
    const std::string text = sample(40);
    const std::string_view stored = arena.add(text);

    CompactString borrowed = CompactString::borrowing(stored);
    CHECK(borrowed.data() == stored.data());
    CHECK(borrowed == text);
    CHECK(borrowed.size() == 40);
    CHECK(borrowed.c_str()[40] == '\0');

    // Copying makes an owned copy, which lives on after the arena would be gone.
    const CompactString copy = borrowed;
    CHECK(copy == text);
    CHECK(copy.data() != stored.data());
    CHECK_FALSE(arena.holds(copy.data()));
    CHECK(borrowed.borrows());
    CHECK_FALSE(copy.borrows());

    // Moving hands the borrowed bytes on; destroying a borrowing string frees nothing (a free of
    // arena bytes would abort under AddressSanitizer).
    CompactString moved = std::move(borrowed);
    CHECK(moved.data() == stored.data());
    CHECK(borrowed.empty());
    moved = "replaced by an owned text longer than fifteen bytes";
    CHECK(arena.holds(stored.data()));
    CHECK(stored == text);

    // Short text is kept inline, not borrowed.
    const std::string_view short_text = arena.add("fifteen bytes!!");
    const CompactString inline_one = CompactString::borrowing(short_text);
    CHECK(inline_one == "fifteen bytes!!");
    CHECK(inline_one.data() != short_text.data());
    CHECK_FALSE(inline_one.borrows());

    // TextArena::string makes the one or the other by length.
    const CompactString short_string = arena.string("fifteen bytes!!");
    CHECK_FALSE(short_string.borrows());
    CHECK(short_string == "fifteen bytes!!");
    const CompactString long_string = arena.string("sixteen bytes!!!");
    CHECK(long_string.borrows());
    CHECK(arena.holds(long_string.data()));
    CHECK(long_string == "sixteen bytes!!!");
}

TEST_CASE("Datasets are equal whatever arena their texts are kept in") {
    Dataset a;
    Dataset b;
    Claim claim;
    claim.id = "c1";
    claim.quote = "a quote longer than fifteen bytes";
    a.claims.push_back(claim);
    auto arena = std::make_shared<TextArena>();
    claim.quote = SlimString::borrowing(arena->add("a quote longer than fifteen bytes"));
    REQUIRE(claim.quote.borrows());
    b.claims.push_back(claim);
    b.texts.arena = arena;
    CHECK(a == b);
    b.claims[0].quote = "another quote";
    CHECK_FALSE(a == b);
}
