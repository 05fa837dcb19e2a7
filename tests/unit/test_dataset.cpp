// The curated default dataset compiled into the binary.
#include <doctest/doctest.h>

#include <set>

#include "entente/load/embedded.hpp"
#include "entente/load/loader.hpp"
#include "entente/query/alignment.hpp"
#include "entente/query/alignment_matrix.hpp"
#include "entente/query/balance.hpp"
#include "entente/query/divergence.hpp"
#include "entente/query/scenario.hpp"

using namespace entente;

namespace {

const KnowledgeGraph& embedded() {
    static const LoadResult result = [] {
        std::vector<InputFile> files;
        for (const auto& f : embedded_dataset()) {
            files.push_back({std::string(f.name), std::string(f.bytes)});
        }
        return load_dataset(files);
    }();
    REQUIRE_MESSAGE(result.graph, "the embedded dataset does not load");
    return *result.graph;
}

// The embedded dataset as every query sees it by default: stated, non-negated claims only.
const KnowledgeGraph& counted() {
    static const KnowledgeGraph graph = apply_scenario(embedded(), Scenario{});
    return graph;
}

bool has_claim(const KnowledgeGraph& kg, const char* subject, const char* relation,
               const char* object) {
    const Index s = kg.find_actor(subject);
    const Index o = kg.find_actor(object);
    const Index r = kg.find_relation(relation);
    for (const auto& c : kg.data().claims) {
        if (c.subject == s && c.relation == r && c.object == o) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("the embedded dataset holds the data/ files and loads without errors") {
    std::set<std::string> names;
    for (const auto& f : embedded_dataset()) {
        names.emplace(f.name);
    }
    CHECK(names.count("data/korybko-2024-russia-pakistan.json") == 1);
    CHECK(names.count("data/context.json") == 1);
    std::vector<InputFile> files;
    for (const auto& f : embedded_dataset()) {
        files.push_back({std::string(f.name), std::string(f.bytes)});
    }
    const auto result = load_dataset(files);
    CHECK(result.error_count() == 0);
}

TEST_CASE("the article's source record names article, author, publisher and date") {
    const KnowledgeGraph& kg = embedded();
    const Source* article = nullptr;
    for (const auto& s : kg.data().sources) {
        if (s.id == "korybko-2024-russia-pakistan") {
            article = &s;
        }
    }
    REQUIRE(article);
    CHECK(article->title == "India will be a roadblock in Russia-Pakistan relations");
    CHECK(article->author == "Andrew Korybko");
    CHECK(article->publisher == "Global Village Space");
    CHECK(article->date == Date{2024, 5, 22});
}

TEST_CASE("every article claim quotes the article and is asserted by its author or publisher") {
    const KnowledgeGraph& kg = embedded();
    const Index author = kg.find_actor("andrew-korybko");
    const Index publisher = kg.find_actor("global-village-space");
    std::size_t article_claims = 0;
    for (const auto& c : kg.data().claims) {
        if (kg.source(c.source).id != "korybko-2024-russia-pakistan") {
            continue;
        }
        ++article_claims;
        CAPTURE(c.id);
        CHECK(!c.quote.empty());
        CHECK((c.asserted_by_actor == author || c.asserted_by_actor == publisher));
    }
    CHECK(article_claims >= 40);
    CHECK(kg.data().claims.size() >= 50);
}

TEST_CASE("context claims each come from a named source other than the article") {
    const KnowledgeGraph& kg = embedded();
    for (const auto& c : kg.data().claims) {
        if (kg.source(c.source).id == "korybko-2024-russia-pakistan") {
            continue;
        }
        CAPTURE(c.id);
        CHECK(!kg.source(c.source).title.empty());
        CHECK((!kg.source(c.source).publisher.empty() || !kg.source(c.source).author.empty()));
        CHECK(c.confidence <= 1.0);
    }
}

TEST_CASE("the article's central claims are in the data") {
    const KnowledgeGraph& kg = embedded();
    CHECK(has_claim(kg, "russia", "supports", "india-jk-reorganisation"));
    CHECK(has_claim(kg, "pakistan", "opposes", "india-jk-reorganisation"));
    CHECK(kg.actor(kg.find_actor("india-jk-reorganisation")).holder == kg.find_actor("india"));
    CHECK(has_claim(kg, "russia", "cooperates_with", "pakistan"));
    CHECK(has_claim(kg, "india", "allied_with", "united-states"));
    CHECK(has_claim(kg, "india", "pressures", "russia"));
    CHECK(has_claim(kg, "russia", "supports", "afghan-peace-process"));
    CHECK(has_claim(kg, "pakistan", "supports", "afghan-peace-process"));
    // The four resolutions, as the article names them, are one position.
    CHECK(has_claim(kg, "russia", "supports", "unsc-resolutions-1993-karabakh"));
    CHECK(has_claim(kg, "pakistan", "supports", "unsc-resolutions-1993-karabakh"));
    CHECK(kg.find_actor("UNSC Resolution 853") == kg.find_actor("unsc-resolutions-1993-karabakh"));
    // Pakistan's Article 51 and Russia's "purely political means" are one position.
    CHECK(has_claim(kg, "pakistan", "supports", "azerbaijan-article-51-right"));
    CHECK(has_claim(kg, "russia", "opposes", "azerbaijan-article-51-right"));
    CHECK(has_claim(kg, "andrew-korybko", "proposes", "n-cpec-plus"));
    CHECK(has_claim(kg, "andrew-korybko", "proposes", "w-cpec-plus"));
    CHECK(kg.find_actor("RuPak corridor") == kg.find_actor("n-cpec-plus"));
    CHECK(kg.find_actor("North-South Transport Corridor") == kg.find_actor("nstc"));
}

TEST_CASE("Russia and Pakistan: aligned, diverging over India and its Jammu & Kashmir position") {
    const KnowledgeGraph& kg = counted();
    const TieTable ties(kg);
    const Index russia = kg.find_actor("russia");
    const Index pakistan = kg.find_actor("pakistan");
    const auto points = diverge(kg, ties, russia, pakistan);
    REQUIRE(!points.empty());
    // India is their first roadblock: Russia's net tie to it is positive, Pakistan's negative.
    CHECK(kg.actor(points[0].object).id == "india");
    CHECK(points[0].roadblock);
    CHECK(points[0].tie_a->value > 0);
    CHECK(points[0].tie_b->value < 0);
    bool jk = false;
    for (const auto& p : points) {
        jk = jk || kg.actor(p.object).id == "india-jk-reorganisation";
    }
    CHECK(jk);

    const Alignment al = align(ties, russia, pakistan);
    REQUIRE(al.alignment);
    CHECK(*al.alignment > 0);
    REQUIRE(al.direct);
    CHECK(al.direct->value > 0);
    std::set<std::string> shared;
    for (const auto& s : al.shared_objects) {
        if (s.tie_a->sign() == s.tie_b->sign()) {
            shared.insert(kg.actor(s.object).id);
        }
    }
    for (const char* id :
         {"afghan-peace-process", "unsc-resolutions-1993-karabakh",
          "trans-continental-connectivity", "closer-russia-pakistan-ties", "china", "isis"}) {
        CAPTURE(id);
        CHECK(shared.count(id) == 1);
    }
}

TEST_CASE("the Russia-India-Pakistan triangle is unbalanced") {
    const KnowledgeGraph& kg = counted();
    const TieTable ties(kg);
    const BalanceReport r = balance(kg, ties);
    bool found = false;
    for (const auto& t : r.unbalanced) {
        std::set<std::string> ids{kg.actor(r.actors[t.u]).id, kg.actor(r.actors[t.v]).id,
                                  kg.actor(r.actors[t.w]).id};
        found = found || ids == std::set<std::string>{"india", "pakistan", "russia"};
    }
    CHECK(found);
    CHECK(r.frustration.exact);
}

TEST_CASE("the article's predictions, recommendations, hedges and negations are marked so") {
    const KnowledgeGraph& kg = embedded();
    auto claim = [&](const char* id) -> const Claim& { return kg.claim(kg.find_claim(id)); };
    // "much more work remains to be done in order to make them truly strategic": not partners.
    CHECK(claim("kor-13").negated);
    CHECK(kg.relation(claim("kor-13").relation).id == "partners_with");
    // "Russia should explore ... expanding commercial relations": a recommendation, not trade.
    CHECK(claim("kor-16").modality == Modality::recommended);
    // The headline is the publisher's prediction.
    CHECK(claim("kor-47").modality == Modality::predicted);
    CHECK(claim("kor-47").asserted_by == "global-village-space");
    // "Russia seems reluctant ... due to India's sensitivities": hedged, and weighed down.
    CHECK(claim("kor-48").modality == Modality::hedged);
    CHECK(claim("kor-48").confidence < 1.0);
    // None of them counts by default; every one of them is still in the data.
    const KnowledgeGraph& scoped = counted();
    for (const char* id : {"kor-13", "kor-16", "kor-47", "kor-48"}) {
        CAPTURE(id);
        CHECK_THROWS_AS((void)scoped.find_claim(id), UnknownNameError);
    }
    CHECK(scoped.data().claims.size() < kg.data().claims.size());
}
