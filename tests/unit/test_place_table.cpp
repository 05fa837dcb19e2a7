// The JSON reader's table of record places: 4 bytes a record, every place given back exactly.

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "load/place_table.hpp"

using entente::detail::Place;
using entente::detail::PlaceTable;

TEST_CASE("a place table gives back every place pushed, across files, 4 GiB and skipped elements") {
    // What a reader pushes: files in order, offsets rising past 2^32 in the second file, an
    // element that was not a record (no place) in the third.
    constexpr std::uint64_t four_gib = std::uint64_t{1} << 32;
    const std::vector<Place> places = {
        {0, 0, 10},           {0, 1, 200},          {0, 2, 4000}, {1, 0, 5},  {1, 1, four_gib - 8},
        {1, 2, four_gib + 3}, {1, 3, 2 * four_gib}, {2, 0, 17},   {2, 2, 90}, {2, 3, 120},
    };
    PlaceTable table;
    for (const Place& p : places) {
        table.push_back(p);
    }
    REQUIRE(table.size() == places.size());
    for (std::size_t k = 0; k < places.size(); ++k) {
        CAPTURE(k);
        CHECK(table[k] == places[k]);
    }
    CHECK(table.back() == places.back());

    // A record cut short is popped: the ones before keep their places, and the next push
    // takes its index.
    table.pop_back();
    table.pop_back();
    CHECK(table.size() == 8);
    CHECK(table.back() == places[7]);
    table.push_back({2, 1, 60});
    CHECK(table[8] == Place{2, 1, 60});
    CHECK(table[7] == places[7]);

    table.release();
    CHECK(table.size() == 0);
    CHECK(table.capacity_bytes() == 0);
}

TEST_CASE("a place table keeps any order of places exactly (random, against a plain vector)") {
    std::mt19937_64 random(16);
    std::vector<Place> expected;
    PlaceTable table;
    for (int i = 0; i < 5000; ++i) {
        if (!expected.empty() && random() % 7 == 0) {
            expected.pop_back();
            table.pop_back();
            continue;
        }
        const Place p{static_cast<std::uint32_t>(random() % 3),
                      static_cast<std::uint32_t>(random() % 4 == 0 ? random() % 100 : i),
                      random() % (std::uint64_t{3} << 32)};
        expected.push_back(p);
        table.push_back(p);
    }
    REQUIRE(table.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        CAPTURE(k);
        CHECK(table[k] == expected[k]);
    }
}

TEST_CASE("a reader's places take 4 bytes a record and one run a file") {
    PlaceTable table;
    table.reserve(3000);
    for (std::uint32_t file = 0; file < 3; ++file) {
        for (std::uint32_t element = 0; element < 1000; ++element) {
            table.push_back({file, element, 100 + std::uint64_t{element} * 70});
        }
    }
    CHECK(table.capacity_bytes() == 3000 * 4);
    CHECK(table.runs() == 3);
}
