// `entente add`: append one claim to a dataset file, validated against everything loaded, in the
// file's own layout, written atomically.
#include <cstdlib>
#include <iostream>
#include <limits>
#include <unordered_set>

#include "cli.hpp"
#include "entente/curate/append.hpp"
#include "entente/export/atomic_write.hpp"
#include "entente/load/compiled.hpp"
#include "entente/load/locations.hpp"
#include "entente/model/errors.hpp"
#include "entente/model/text.hpp"

namespace entente::cli {

namespace {

struct AddOptions {
    DataOptions data;
    std::string subject;
    std::string relation;
    std::string object;
    std::string source;
    std::string quote;
    std::string id;
    std::string asserted_by;
    std::string note;
    std::optional<double> confidence;
    std::optional<double> weight;
    std::string from;
    std::string until;
    std::string to;
    std::string modality = "stated";
    bool negated = false;
};

Index find_source(const KnowledgeGraph& kg, const std::string& id) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < kg.data().sources.size(); ++i) {
        if (kg.data().sources[i].id == id) {
            return static_cast<Index>(i);
        }
        ids.push_back(kg.data().sources[i].id.str());
    }
    throw UnknownNameError("source", id, nearest_names(id, ids, 3));
}

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    return std::filesystem::equivalent(a, b, ec);
}

int run(const AddOptions& options) {
    // The file itself: a JSON dataset file (not a directory, not a compiled dataset).
    std::vector<Diagnostic> problems;
    if (std::error_code ec; std::filesystem::is_directory(options.to, ec)) {
        print_error("add", "--to " + options.to + ": a directory; name one dataset file");
        return exit_usage;
    }
    auto target = read_dataset_path(options.to, problems, options.data.limits);
    if (target.empty()) {
        Loaded failed;
        failed.diagnostics = std::move(problems);
        failed.errors = failed.diagnostics.size();
        print_diagnostics(failed);
        return exit_data;
    }
    InputFile file = std::move(target.front());
    if (is_compiled(file.text)) {
        print_error("add", "--to " + options.to +
                               ": a compiled dataset; add to the JSON it was compiled from");
        return exit_usage;
    }

    // Everything loaded: the --data set (or the embedded one) and --with, plus the file.
    std::vector<InputFile> others;
    {
        const Loaded loaded = load(options.data, &others);
        if (!loaded.graph) {
            print_diagnostics(loaded);
            return exit_data;
        }
    }
    std::erase_if(others, [&](const InputFile& f) { return same_file(f.name, file.name); });
    auto with = [&](const InputFile& last) {
        std::vector<InputFile> all = others;
        all.push_back(last);
        return all;
    };
    LoadResult before = load_dataset(with(file), options.data.limits);
    if (!before.graph) {
        Loaded failed;
        failed.diagnostics = std::move(before.diagnostics);
        failed.errors = before.error_count();
        failed.warnings = before.warning_count();
        failed.files = before.files;
        print_diagnostics(failed);
        return exit_data;
    }
    const KnowledgeGraph& kg = *before.graph;

    NewClaim claim;
    claim.subject = kg.actor(kg.find_actor(options.subject)).id;
    claim.relation = kg.relation(kg.find_relation(options.relation)).id;
    claim.object = kg.actor(kg.find_actor(options.object)).id;
    claim.source = kg.source(find_source(kg, options.source)).id;
    claim.quote = options.quote;
    claim.modality = *parse_modality(options.modality);  // checked by the option
    claim.negated = options.negated;
    claim.asserted_by = options.asserted_by;
    claim.confidence = options.confidence;
    claim.weight = options.weight;
    claim.note = options.note;
    claim.from = options.from.empty() ? std::nullopt : parse_date(options.from);
    claim.until = options.until.empty() ? std::nullopt : parse_date(options.until);

    const DatasetLocations at = locate_records({file});
    if (at.claim_arrays.empty() || !at.claim_arrays.front().present) {
        print_error("add", options.to + ": no \"claims\" array at the top level to add to");
        return exit_data;
    }
    std::unordered_set<std::string> taken;
    for (const Claim& c : kg.data().claims) {
        taken.insert(c.id.str());
    }
    if (!options.id.empty()) {
        claim.id = options.id;
    } else {
        std::vector<std::string> file_ids;
        for (const RecordLocation& r : at.claims) {
            // The ids as written in this file (the loaded claims of all files are in `taken`).
            const Location& l = r.member("id");
            if (&l != &r.record) {
                const std::size_t open = file.text.find('"', l.offset);
                const std::size_t close = file.text.find('"', open + 1);
                if (open != std::string::npos && close != std::string::npos) {
                    file_ids.push_back(file.text.substr(open + 1, close - open - 1));
                }
            }
        }
        claim.id = next_claim_id(file_ids, [&](const std::string& id) {
                       return taken.count(id) != 0;
                   }).value_or("");
    }
    const RecordLocation* last = at.claims.empty() ? nullptr : &at.claims.back();
    InputFile edited{file.name, append_claim(file.text, at.claim_arrays.front(), last, claim)};

    // Validated as the whole: the claim must load with everything else.
    LoadResult after = load_dataset(with(edited), options.data.limits);
    const std::string pointer = "/claims/" + std::to_string(at.claims.size());
    if (!after.graph) {
        print_error("add", "the claim was not added; with it appended, " + file.name +
                               " does not load with the data:");
        for (const auto& d : after.diagnostics) {
            if (d.severity == Severity::error) {
                std::cerr << terminal_safe(format_diagnostic(d)) << '\n';
            }
        }
        return exit_data;
    }
    try {
        write_file_atomically(file.name, edited.text);
    } catch (const IoError& e) {
        print_error(e.what());
        return exit_data;
    }
    const KnowledgeGraph& added = *after.graph;
    const Index index = claim.id.empty() ? static_cast<Index>(added.data().claims.size() - 1)
                                         : added.find_claim(claim.id);
    Lines& lines = out();
    lines.line("added to ", file.name, " at ", pointer, ":");
    print_claim(lines, added, index, "  ");
    // Warnings about the new claim (a repeated claim, a contradiction) are the curator's to see.
    for (const auto& d : after.diagnostics) {
        if (d.file == file.name &&
            (d.pointer == pointer || d.pointer.rfind(pointer + "/", 0) == 0)) {
            std::cerr << terminal_safe(format_diagnostic(d)) << '\n';
        }
    }
    return exit_ok;
}

}  // namespace

void register_add(CLI::App& app) {
    auto options = std::make_shared<AddOptions>();
    CLI::App* command = app.add_subcommand(
        "add",
        "Append a claim to a dataset file: SUBJECT RELATION OBJECT by any name, checked against "
        "everything loaded (the data, or the embedded dataset, and the file), given the next id "
        "in the file's scheme, added in the file's own layout and written atomically; nothing is "
        "written when it does not load.");
    command->add_option("subject", options->subject, "Subject actor")
        ->type_name("SUBJECT")
        ->required();
    command->add_option("relation", options->relation, "Relation id")
        ->type_name("RELATION")
        ->required();
    command->add_option("object", options->object, "Object actor")->type_name("OBJECT")->required();
    command->add_option("--to", options->to, "The dataset file to add the claim to")
        ->type_name("FILE")
        ->required();
    CLI::App* claim = command->add_option_group("Claim");
    claim->add_option("--source", options->source, "Source id (required)")
        ->type_name("SOURCE")
        ->required();
    claim->add_option("--quote", options->quote, "The sentence in the source that supports it")
        ->type_name("TEXT");
    claim->add_option("--confidence", options->confidence, "How sure the reading is, in (0, 1]")
        ->type_name("X")
        ->check([](const std::string& value) {
            // The loader's rule (a number in (0, 1]), refused here before anything is read.
            char* end = nullptr;
            const double x = std::strtod(value.c_str(), &end);
            const bool number = !value.empty() && end == value.c_str() + value.size();
            return number && x > 0 && x <= 1
                       ? std::string()
                       : "\"" + value + "\" is not a confidence (a number in (0, 1])";
        });
    claim
        ->add_option("--weight", options->weight,
                     "How much, a number >= 0 (events, summed intensity; default 1); separate "
                     "from confidence")
        ->type_name("W")
        ->check([](const std::string& value) {
            char* end = nullptr;
            const double x = std::strtod(value.c_str(), &end);
            const bool number = !value.empty() && end == value.c_str() + value.size();
            return number && x >= 0 && x <= std::numeric_limits<double>::max()
                       ? std::string()
                       : "\"" + value + "\" is not a weight (a finite number at least 0)";
        });
    add_window_options(*claim, options->from, options->until);
    claim
        ->add_option("--asserted-by", options->asserted_by,
                     "Whose view it is (default: the source's author)")
        ->type_name("WHO");
    claim->add_option("--note", options->note, "Curator's note")->type_name("TEXT");
    claim->add_option("--id", options->id, "Claim id (default: the next in the file's scheme)")
        ->type_name("ID");
    claim
        ->add_option("--modality", options->modality,
                     "How the source says it: stated (the default), predicted, recommended, "
                     "questioned or hedged (docs/curation.md)")
        ->check(CLI::IsMember({"stated", "predicted", "recommended", "questioned", "hedged"}))
        ->default_str("stated");
    claim->add_flag("--negated", options->negated,
                    "The source says the relation does NOT hold (it then makes no tie)");
    add_data_options(*command, options->data);
    command->footer(
        "Examples:\n"
        "  entente add russia supports afghan-peace-process \\\n"
        "      --to data/korybko-2024-russia-pakistan.json \\\n"
        "      --source korybko-2024-russia-pakistan --quote \"…\" --confidence 0.8\n"
        "  entente add Moscow cooperates_with Islamabad --to mine.json --data mine.json \\\n"
        "      --source my-source --from 2019");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
