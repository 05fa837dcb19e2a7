#include "entente/model/model.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace entente {

namespace {

constexpr std::array<std::string_view, 8> kind_names = {
    "state", "organization", "person", "group", "position", "project", "region", "event",
};

// Exactly ASCII digits: std::from_chars alone would also take a leading minus ("-123").
bool parse_int(std::string_view text, int& out) {
    if (text.empty() ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
    }
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc{} && ptr == end;
}

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

// Polarity +1 cooperative, -1 hostile, 0 structural or neutral; symmetric relations read both
// ways. abstains_on comes last so that the indices of the first fifteen stay those of version 1.
const std::array<Relation, 16> builtins = {{
    {"supports", "supports", 1, false, true, ""},
    {"opposes", "opposes", -1, false, true, ""},
    {"allied_with", "is allied with", 1, true, true, ""},
    {"cooperates_with", "cooperates with", 1, true, true, ""},
    {"partners_with", "partners with", 1, true, true, ""},
    {"trades_with", "trades with", 1, true, true, ""},
    {"proposes", "proposes", 1, false, true, ""},
    {"pressures", "pressures", -1, false, true, ""},
    {"objects_to", "objects to", -1, false, true, ""},
    {"sanctions", "sanctions", -1, false, true, ""},
    {"threatens", "threatens", -1, false, true, ""},
    {"hostile_to", "is hostile to", -1, true, true, ""},
    {"rivals", "rivals", -1, true, true, ""},
    {"member_of", "is a member of", 0, false, true, ""},
    {"part_of", "is part of", 0, false, true, ""},
    {"abstains_on", "abstains on", 0, false, true, ""},
}};

}  // namespace

std::string_view to_string(ActorKind kind) {
    return kind_names[static_cast<std::size_t>(kind)];
}

std::optional<ActorKind> parse_actor_kind(std::string_view text) {
    for (std::size_t i = 0; i < kind_names.size(); ++i) {
        if (kind_names[i] == text) {
            return static_cast<ActorKind>(i);
        }
    }
    return std::nullopt;
}

namespace {

constexpr std::array<std::string_view, 5> modality_names = {"stated", "predicted", "recommended",
                                                            "questioned", "hedged"};

}  // namespace

std::string_view to_string(Modality modality) {
    return modality_names[static_cast<std::size_t>(modality)];
}

std::optional<Modality> parse_modality(std::string_view text) {
    for (std::size_t i = 0; i < modality_names.size(); ++i) {
        if (modality_names[i] == text) {
            return static_cast<Modality>(i);
        }
    }
    return std::nullopt;
}

bool takes_sides(ActorKind kind) {
    return kind == ActorKind::state || kind == ActorKind::organization ||
           kind == ActorKind::person || kind == ActorKind::group;
}

int Date::earliest() const {
    return year * 10000 + (month == 0 ? 1 : month) * 100 + (day == 0 ? 1 : day);
}

int Date::latest() const {
    const int m = month == 0 ? 12 : month;
    return year * 10000 + m * 100 + (day == 0 ? days_in_month(year, m) : day);
}

std::string Date::to_string() const {
    // Four digits, as data files write years: "0800", so that what is written reads back.
    std::string out = std::to_string(year);
    if (year >= 0 && year < 1000) {
        out.insert(0, 4 - out.size(), '0');
    }
    auto two = [&](int v) {
        out += '-';
        out += static_cast<char>('0' + v / 10);
        out += static_cast<char>('0' + v % 10);
    };
    if (month != 0) {
        two(month);
        if (day != 0) {
            two(day);
        }
    }
    return out;
}

std::optional<Date> parse_date(std::string_view text) {
    int year = 0;
    int month = 0;
    int day = 0;
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) {
        return std::nullopt;
    }
    if (!parse_int(text.substr(0, 4), year)) {
        return std::nullopt;
    }
    if (text.size() >= 7) {
        if (text[4] != '-' || !parse_int(text.substr(5, 2), month) || month < 1 || month > 12) {
            return std::nullopt;
        }
    }
    if (text.size() == 10) {
        if (text[7] != '-' || !parse_int(text.substr(8, 2), day) || day < 1 ||
            day > days_in_month(year, month)) {
            return std::nullopt;
        }
    }
    // Four digits, 1-12 and 1-31: each fits its field.
    return make_date(year, month, day);
}

std::span<const Relation> builtin_relations() {
    return builtins;
}

}  // namespace entente
