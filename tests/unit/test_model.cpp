#include <doctest/doctest.h>

#include <set>

#include "entente/model/model.hpp"

using namespace entente;

TEST_CASE("the built-in relation vocabulary has the documented signs and symmetry") {
    struct Expected {
        const char* id;
        int polarity;
        bool symmetric;
    };
    const Expected expected[] = {
        {"supports", 1, false},       {"opposes", -1, false},     {"allied_with", 1, true},
        {"cooperates_with", 1, true}, {"partners_with", 1, true}, {"trades_with", 1, true},
        {"proposes", 1, false},       {"pressures", -1, false},   {"objects_to", -1, false},
        {"sanctions", -1, false},     {"threatens", -1, false},   {"hostile_to", -1, true},
        {"rivals", -1, true},         {"member_of", 0, false},    {"part_of", 0, false},
        {"abstains_on", 0, false},
    };
    const auto builtins = builtin_relations();
    REQUIRE(builtins.size() == std::size(expected));
    for (std::size_t i = 0; i < builtins.size(); ++i) {
        CAPTURE(builtins[i].id);
        CHECK(builtins[i].id == expected[i].id);
        CHECK(builtins[i].polarity == expected[i].polarity);
        CHECK(builtins[i].symmetric == expected[i].symmetric);
        CHECK(builtins[i].builtin);
        CHECK(!builtins[i].label.empty());
    }
}

TEST_CASE("actor kinds round-trip through their names") {
    std::set<std::string_view> names;
    for (ActorKind k : all_actor_kinds) {
        CHECK(parse_actor_kind(to_string(k)) == k);
        names.insert(to_string(k));
    }
    CHECK(names.size() == 8);
    CHECK(!parse_actor_kind("country"));
    CHECK(takes_sides(ActorKind::state));
    CHECK(takes_sides(ActorKind::group));
    CHECK(!takes_sides(ActorKind::position));
    CHECK(!takes_sides(ActorKind::project));
}

TEST_CASE("dates: full and partial ISO dates, calendar-checked") {
    CHECK(parse_date("2024-05-22") == Date{2024, 5, 22});
    CHECK(parse_date("2024-05") == Date{2024, 5, 0});
    CHECK(parse_date("2024") == Date{2024, 0, 0});
    CHECK(parse_date("2024-02-29"));
    CHECK(!parse_date("2023-02-29"));
    CHECK(!parse_date("1900-02-29"));
    CHECK(parse_date("2000-02-29"));
    CHECK(!parse_date("2024-13"));
    CHECK(!parse_date("2024-04-31"));
    CHECK(!parse_date("2024-00-10"));
    CHECK(!parse_date("24-05-22"));
    CHECK(!parse_date("2024/05/22"));
    CHECK(!parse_date("2024-5-2"));
    CHECK(!parse_date(""));
}

TEST_CASE("dates are written as they are read: years of four digits") {
    for (const char* text : {"0800-12-25", "0001", "0999-01", "2024-05-22", "9999-12-31"}) {
        const auto date = parse_date(text);
        REQUIRE(date);
        CHECK(date->to_string() == text);
    }
}

TEST_CASE("dates: every part is exactly its digits, no sign or space") {
    // std::from_chars accepts a leading minus: "-123" was the year -123.
    CHECK(!parse_date("-123"));
    CHECK(!parse_date("-999-01"));
    CHECK(!parse_date("2024--1"));
    CHECK(!parse_date("2024-01--1"));
    CHECK(!parse_date("+202"));
    CHECK(!parse_date(" 202"));
    CHECK(!parse_date("2024-+1"));
    CHECK(!parse_date("2024-1 "));
    CHECK(parse_date("0001") == Date{1, 0, 0});
}

TEST_CASE("partial dates span their whole period") {
    CHECK(parse_date("2024")->earliest() == 20240101);
    CHECK(parse_date("2024")->latest() == 20241231);
    CHECK(parse_date("2024-02")->latest() == 20240229);
    CHECK(parse_date("2023-02")->latest() == 20230228);
    CHECK(parse_date("2024-05-22")->earliest() == parse_date("2024-05-22")->latest());
    CHECK(parse_date("2024-05")->to_string() == "2024-05");
    CHECK(Date{2019, 8, 5}.to_string() == "2019-08-05");
}
