#include "entente/query/periods.hpp"

#include <algorithm>

#include "entente/query/scenario.hpp"

namespace entente {

namespace {

// The full date of a day number (YYYYMMDD).
Date day_of(int day) {
    return make_date(day / 10000, day / 100 % 100, day % 100);
}

// The last day of a month: the day before the first of the next.
Date last_day(int year, int month) {
    const Date whole = make_date(year, month, 0);
    return day_of(whole.latest());
}

std::string two_digits(int v) {
    return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
}

}  // namespace

std::optional<PeriodUnit> parse_period_unit(std::string_view text) {
    if (text == "year") {
        return PeriodUnit::year;
    }
    if (text == "quarter") {
        return PeriodUnit::quarter;
    }
    if (text == "month") {
        return PeriodUnit::month;
    }
    return std::nullopt;
}

std::vector<Period> periods_between(const Date& from, const Date& until, PeriodUnit unit) {
    std::vector<Period> out;
    const Date start = day_of(from.earliest());
    const Date end = day_of(until.latest());
    if (start.earliest() > end.earliest()) {
        return out;
    }
    const int step = unit == PeriodUnit::year ? 12 : unit == PeriodUnit::quarter ? 3 : 1;
    // Months counted from year 0, so that a period's first month is a multiple of its step.
    int month = start.year * 12 + (start.month - 1);
    month -= month % step;
    const int last_month = end.year * 12 + (end.month - 1);
    for (; month <= last_month; month += step) {
        const int year = month / 12;
        const int first_month = month % 12 + 1;
        Period p;
        p.first = make_date(year, first_month, 1);
        p.last = last_day(year, first_month + step - 1);
        p.label = make_date(year, 0, 0).to_string();
        if (unit == PeriodUnit::quarter) {
            p.label += "-Q" + std::to_string((first_month - 1) / 3 + 1);
        } else if (unit == PeriodUnit::month) {
            p.label += "-" + two_digits(first_month);
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::optional<std::pair<Date, Date>> dated_span(const KnowledgeGraph& graph) {
    const Holding open;
    int first = 99991231;
    int last = 0;
    for (const Claim& c : graph.data().claims) {
        const Holding h = holding(c, graph.data().sources);
        if (h.first != open.first) {
            first = std::min(first, h.first);
            last = std::max(last, h.first);
        }
        if (h.last != open.last) {
            first = std::min(first, h.last);
            last = std::max(last, h.last);
        }
    }
    if (last == 0) {
        return std::nullopt;
    }
    return std::pair{day_of(first), day_of(last)};
}

}  // namespace entente
