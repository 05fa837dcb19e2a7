#include "entente/curate/lint.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>
#include <unordered_map>

#include "entente/curate/quotes.hpp"
#include "entente/load/loader.hpp"

namespace entente {

std::string_view to_string(LintCheck check) {
    switch (check) {
        case LintCheck::text_unreadable:
            return "text-unreadable";
        case LintCheck::quote_not_found:
            return "quote-not-found";
        case LintCheck::no_quote:
            return "no-quote";
        case LintCheck::hedged_quote:
            return "hedged-quote";
        case LintCheck::shared_quote:
            return "shared-quote";
        case LintCheck::context_unsourced:
            return "context-unsourced";
        case LintCheck::undated_event:
            return "undated-event";
    }
    return "unknown";
}

std::size_t LintReport::errors() const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(),
                      [](const LintFinding& f) { return f.severity == Severity::error; }));
}

std::size_t LintReport::warnings() const {
    return findings.size() - errors();
}

bool is_stated(const Claim& claim) {
    return claim.modality == Modality::stated;
}

std::vector<SourceText> read_source_texts(const Dataset& data, const DatasetLocations& locations,
                                          const std::vector<InputFile>& bundled,
                                          std::uint64_t max_bytes) {
    namespace fs = std::filesystem;
    std::vector<SourceText> out;
    for (std::size_t i = 0; i < data.sources.size(); ++i) {
        const Source& source = data.sources[i];
        if (source.text.empty()) {
            continue;
        }
        SourceText t;
        t.source = static_cast<Index>(i);
        const fs::path written(source.text.view());
        const std::string declared_in =
            i < locations.sources.size() ? locations.sources[i].record.file : std::string();
        t.path =
            (fs::path(declared_in).parent_path() / written).lexically_normal().generic_string();
        if (written.is_absolute()) {
            t.problem = "\"" + source.text +
                        "\" is an absolute path; a source's text is named relative to its dataset "
                        "file";
            out.push_back(std::move(t));
            continue;
        }
        const auto in_bundle = std::find_if(bundled.begin(), bundled.end(),
                                            [&](const InputFile& f) { return f.name == t.path; });
        if (in_bundle != bundled.end()) {
            t.text = in_bundle->text;
            out.push_back(std::move(t));
            continue;
        }
        std::error_code ec;
        if (fs::is_directory(t.path, ec)) {
            t.problem = "cannot read " + t.path + ": a directory, not a text file";
            out.push_back(std::move(t));
            continue;
        }
        std::vector<Diagnostic> problems;
        LoadLimits limits;
        limits.max_bytes = max_bytes;
        auto read = read_dataset_path(t.path, problems, limits);
        if (!read.empty()) {
            t.text = std::move(read.front().text);
        } else {
            t.problem = problems.empty() ? "cannot read " + t.path
                                         : t.path + ": " + problems.front().message;
        }
        out.push_back(std::move(t));
    }
    return out;
}

namespace {

// A whole number from 1000 to 2099 in `text`, not inside a longer number or word; empty if none.
std::string year_in(std::string_view text) {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    auto word = [&](char c) {
        return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    };
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        if ((i > 0 && word(text[i - 1])) || (i + 4 < text.size() && word(text[i + 4]))) {
            continue;
        }
        const std::string_view y = text.substr(i, 4);
        if (digit(y[0]) && digit(y[1]) && digit(y[2]) && digit(y[3]) &&
            (y[0] == '1' || (y[0] == '2' && y[1] == '0'))) {
            return std::string(y);
        }
    }
    return {};
}

std::string join_ids(const std::vector<Index>& claims, const Dataset& data) {
    std::string out;
    for (Index c : claims) {
        out += (out.empty() ? "" : ", ") + data.claims[c].id;
    }
    return out;
}

}  // namespace

LintReport lint(const Dataset& data, const DatasetLocations& locations,
                const std::vector<SourceText>& texts, const LintOptions& options,
                const std::string& fallback_file) {
    LintReport report;
    report.claims = data.claims.size();
    // Where a claim's member is; a claim the locations lack (a compiled dataset) by pointer only.
    auto where = [&](Index claim, std::string_view member) {
        if (claim < locations.claims.size()) {
            return locations.claims[claim].member(member);
        }
        Location l;
        l.file = fallback_file;
        l.pointer = "/claims/" + std::to_string(claim);
        return l;
    };
    auto add = [&](Severity severity, LintCheck check, Location location, Index claim, Index source,
                   std::string message) {
        report.findings.push_back(
            {severity, check, std::move(location), claim, source, std::move(message)});
    };

    // The texts, prepared once; a source whose text could not be read is reported once.
    std::vector<std::optional<QuoteText>> prepared(data.sources.size());
    std::vector<bool> has_text(data.sources.size(), false);
    for (const SourceText& t : texts) {
        has_text[t.source] = true;
        if (t.text) {
            prepared[t.source].emplace(*t.text);
            ++report.texts;
            continue;
        }
        Location l;
        if (t.source < locations.sources.size()) {
            l = locations.sources[t.source].member("text");
        } else {
            l.file = fallback_file;
            l.pointer = "/sources/" + std::to_string(t.source) + "/text";
        }
        add(Severity::error, LintCheck::text_unreadable, std::move(l), no_index, t.source,
            "source \"" + data.sources[t.source].id + "\": " + t.problem);
    }

    // Claims sharing a quote, by source and folded quote: the first claim carries the warning.
    std::map<std::pair<Index, std::string>, std::vector<Index>> by_quote;
    for (std::size_t i = 0; i < data.claims.size(); ++i) {
        const Claim& c = data.claims[i];
        if (!c.quote.empty()) {
            by_quote[{c.source, fold_for_quotes(c.quote)}].push_back(static_cast<Index>(i));
        }
    }
    std::unordered_map<Index, std::vector<Index>> shared;  // first claim -> all claims
    for (auto& [key, claims] : by_quote) {
        if (claims.size() > options.max_claims_per_quote) {
            shared.emplace(claims.front(), claims);
        }
    }

    for (std::size_t i = 0; i < data.claims.size(); ++i) {
        const auto ci = static_cast<Index>(i);
        const Claim& c = data.claims[i];
        const Source& source = data.sources[c.source];
        if (has_text[c.source]) {
            if (c.quote.empty()) {
                add(Severity::warning, LintCheck::no_quote, where(ci, {}), ci, c.source,
                    "claim \"" + c.id + "\" has no quote to check against the text of source \"" +
                        source.id + "\"");
            } else if (prepared[c.source]) {
                ++report.quotes_checked;
                const QuoteMatch match = prepared[c.source]->find(c.quote);
                if (match.found) {
                    ++report.quotes_found;
                } else {
                    std::string message = "quote of claim \"" + c.id +
                                          "\" not found in the text of source \"" + source.id +
                                          "\"";
                    if (match.parts > 1) {
                        message += ": no \"" + match.missing + "\" after the parts before it";
                    } else if (match.parts == 0) {
                        message += ": the quote has no text besides ellipses";
                    }
                    add(Severity::error, LintCheck::quote_not_found, where(ci, "quote"), ci,
                        c.source, std::move(message));
                }
            }
        } else if (c.quote.empty() || source.url.empty()) {
            const std::string what =
                c.quote.empty() && source.url.empty()
                    ? "without a quote, and its source \"" + source.id + "\" has no URL"
                : c.quote.empty() ? "without a quote"
                                  : "whose source \"" + source.id + "\" has no URL";
            add(Severity::warning, LintCheck::context_unsourced, where(ci, {}), ci, c.source,
                "context claim \"" + c.id + "\" (its source has no text to check it against) " +
                    what + ": a reader cannot check it");
        }
        if (!c.quote.empty() && is_stated(c)) {
            const auto hedges = find_hedging_words(c.quote);
            if (!hedges.empty()) {
                std::string words;
                for (const auto& h : hedges) {
                    words += (words.empty() ? "\"" : ", \"") + h + "\"";
                }
                add(Severity::warning, LintCheck::hedged_quote, where(ci, "quote"), ci, c.source,
                    "quote of stated claim \"" + c.id + "\" hedges (" + words +
                        "): the author is less than certain");
            }
        }
        if (auto it = shared.find(ci); it != shared.end()) {
            add(Severity::warning, LintCheck::shared_quote, where(ci, "quote"), ci, c.source,
                "one quote supports " + std::to_string(it->second.size()) + " claims (" +
                    join_ids(it->second, data) + "); more than " +
                    std::to_string(options.max_claims_per_quote) +
                    " weigh one sentence as many times");
        }
        if (!c.from && !c.until) {
            std::string why;
            const Actor& object = data.actors[c.object];
            if (std::string y = year_in(c.quote); !y.empty()) {
                why = "its quote names " + y;
            } else if (y = year_in(object.name); !y.empty()) {
                why = "its object \"" + object.id + "\" names " + y;
            } else if (object.kind == ActorKind::event) {
                why = "its object \"" + object.id + "\" is an event";
            }
            if (!why.empty()) {
                add(Severity::warning, LintCheck::undated_event, where(ci, {}), ci, c.source,
                    "undated claim \"" + c.id + "\" about a dated event (" + why +
                        "): without \"from\" or \"until\" it holds " +
                        (source.date ? "from its source's date, " + source.date->to_string()
                                     : std::string("at all times")));
            }
        }
    }

    // By file, in load order, then by position in the file.
    std::unordered_map<std::string, std::size_t> rank;
    for (std::size_t f = 0; f < locations.files.size(); ++f) {
        rank.emplace(locations.files[f], f);
    }
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [&](const LintFinding& a, const LintFinding& b) {
                         const auto ra = rank.count(a.location.file) ? rank[a.location.file] : 0;
                         const auto rb = rank.count(b.location.file) ? rank[b.location.file] : 0;
                         return std::tie(ra, a.location.offset) < std::tie(rb, b.location.offset);
                     });
    return report;
}

}  // namespace entente
