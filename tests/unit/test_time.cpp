// When a claim holds, windows of time, and the periods a series is cut into.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "entente/query/periods.hpp"
#include "entente/query/scenario.hpp"
#include "fixture.hpp"

namespace entente::test {

namespace {

Claim dated(std::optional<Date> from, std::optional<Date> until, Index source = 0) {
    Claim c;
    c.from = from;
    c.until = until;
    c.source = source;
    return c;
}

Date d(const char* text) {
    return *parse_date(text);
}

std::vector<std::string> labels(const std::vector<Period>& periods) {
    std::vector<std::string> out;
    for (const auto& p : periods) {
        out.push_back(p.label);
    }
    return out;
}

}  // namespace

TEST_CASE("holding: a claim's own dates, else its source's date, else all times") {
    std::vector<Source> sources(2);
    sources[0].date = d("2024-05-22");
    // sources[1] has no date.

    const Holding own = holding(dated(d("2019"), d("2024-05")), sources);
    CHECK(own.first == 20190101);
    CHECK(own.last == 20240531);

    // Undated, from a dated source: the author's reading when writing, onward.
    const Holding article = holding(dated(std::nullopt, std::nullopt, 0), sources);
    CHECK(article.first == 20240522);
    CHECK(article.last == 99991231);

    // Undated, from an undated source: at all times.
    const Holding always = holding(dated(std::nullopt, std::nullopt, 1), sources);
    CHECK(always.first == 0);
    CHECK(always.last == 99991231);

    // One date of its own: open on the other side, the source's date not used.
    const Holding until_only = holding(dated(std::nullopt, d("2020")), sources);
    CHECK(until_only.first == 0);
    CHECK(until_only.last == 20201231);
    const Holding from_only = holding(dated(d("2019-02"), std::nullopt), sources);
    CHECK(from_only.first == 20190201);
    CHECK(from_only.last == 99991231);

    // A leap year's February ends on the 29th.
    CHECK(holding(dated(std::nullopt, d("2024-02")), sources).last == 20240229);
    CHECK(holding(dated(std::nullopt, d("2023-02")), sources).last == 20230228);
}

TEST_CASE("holds_during and holds_within: any overlap counts, bounds inclusive") {
    std::vector<Source> sources(1);
    sources[0].date = d("2024-05-22");
    const Claim article = dated(std::nullopt, std::nullopt);
    CHECK_FALSE(holds_during(article, sources, d("1990")));
    CHECK_FALSE(holds_during(article, sources, d("2024-05-21")));
    CHECK(holds_during(article, sources, d("2024-05-22")));
    CHECK(holds_during(article, sources, d("2024-05")));  // the month holds the day
    CHECK(holds_during(article, sources, d("2030")));

    const Claim term = dated(d("2019"), d("2020-06"));
    CHECK_FALSE(holds_during(term, sources, d("2018-12-31")));
    CHECK(holds_during(term, sources, d("2019-01-01")));
    CHECK(holds_during(term, sources, d("2020-06-30")));
    CHECK_FALSE(holds_during(term, sources, d("2020-07")));

    CHECK(holds_within(term, sources, std::nullopt, std::nullopt));
    CHECK(holds_within(term, sources, d("2020-06"), std::nullopt));
    CHECK_FALSE(holds_within(term, sources, d("2020-07"), std::nullopt));
    CHECK(holds_within(term, sources, std::nullopt, d("2019")));
    CHECK_FALSE(holds_within(term, sources, std::nullopt, d("2018")));
    CHECK(holds_within(term, sources, d("2010"), d("2030")));
    CHECK_FALSE(holds_within(term, sources, d("2021"), d("2030")));
    CHECK_FALSE(holds_within(article, sources, d("2000"), d("2024-05-21")));
    CHECK(holds_within(article, sources, d("2000"), d("2024-05")));
}

TEST_CASE("scenario: --as-of 1990 leaves out an article's undated claims, --from/--until window") {
    // small_dataset: one source dated 2024-05-22; one claim 2019..2024-05, three undated.
    const auto loaded = load_text(small_dataset);
    REQUIRE(loaded.graph);
    const KnowledgeGraph& kg = *loaded.graph;
    Scenario before;
    before.as_of = d("1990");
    CHECK(apply_scenario(kg, before).data().claims.empty());
    Scenario in_2020;
    in_2020.as_of = d("2020");
    CHECK(apply_scenario(kg, in_2020).data().claims.size() == 1);

    Scenario window;
    window.from = d("2019");
    window.until = d("2024-05-21");
    const KnowledgeGraph w = apply_scenario(kg, window);
    REQUIRE(w.data().claims.size() == 1);
    CHECK(w.actor(w.data().claims[0].subject).id == "russia");
    CHECK(w.relation(w.data().claims[0].relation).id == "cooperates_with");
    window.until = d("2024-05");
    CHECK(apply_scenario(kg, window).data().claims.size() == 4);
    window.from = d("2024-06");
    window.until = std::nullopt;
    CHECK(apply_scenario(kg, window).data().claims.size() == 3);
    CHECK_FALSE(window.empty_for(kg));
}

TEST_CASE("periods_between: whole years, quarters and months covering the window") {
    CHECK(labels(periods_between(d("2018-07-04"), d("2020-02"), PeriodUnit::year)) ==
          std::vector<std::string>{"2018", "2019", "2020"});
    const auto quarters = periods_between(d("2019-02"), d("2019-12-31"), PeriodUnit::quarter);
    CHECK(labels(quarters) == std::vector<std::string>{"2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"});
    CHECK(quarters[0].first == d("2019-01-01"));
    CHECK(quarters[0].last == d("2019-03-31"));
    CHECK(quarters[3].last == d("2019-12-31"));
    const auto months = periods_between(d("2023-12-15"), d("2024-02"), PeriodUnit::month);
    CHECK(labels(months) == std::vector<std::string>{"2023-12", "2024-01", "2024-02"});
    CHECK(months[2].last == d("2024-02-29"));
    // Years before 1000 are labelled with four digits, as data files write them.
    CHECK(labels(periods_between(d("0999"), d("1000"), PeriodUnit::year)) ==
          std::vector<std::string>{"0999", "1000"});
    CHECK(periods_between(d("2020"), d("2019"), PeriodUnit::year).empty());
    CHECK(parse_period_unit("quarter") == PeriodUnit::quarter);
    CHECK_FALSE(parse_period_unit("week"));
    CHECK_FALSE(parse_period_unit("Year"));
}

TEST_CASE("dated_span: from the earliest to the latest day any claim's holding names") {
    const auto loaded = load_text(small_dataset);
    REQUIRE(loaded.graph);
    const auto span = dated_span(*loaded.graph);
    REQUIRE(span);
    CHECK(span->first == d("2019-01-01"));
    CHECK(span->second == d("2024-05-31"));

    Dataset data = loaded.graph->data();
    data.sources[0].date = std::nullopt;
    for (auto& c : data.claims) {
        c.from = c.until = std::nullopt;
    }
    CHECK_FALSE(dated_span(KnowledgeGraph(std::move(data))));
}

}  // namespace entente::test
