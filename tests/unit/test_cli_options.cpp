// The command line as CLI11 parses it, on the real application (src/, as the entente_cli
// library): every value option takes one value per use, and empty values are refused.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli.hpp"

namespace {

// The command's options, those of its option groups (nameless subcommands) included.
void collect_options(CLI::App* app, std::vector<CLI::Option*>& out) {
    for (CLI::Option* opt : app->get_options()) {
        out.push_back(opt);
    }
    for (CLI::App* group : app->get_subcommands({})) {
        if (group->get_name().empty()) {
            collect_options(group, out);
        }
    }
}

// A fresh application whose commands do nothing when run: only the parse is under test.
std::unique_ptr<CLI::App> inert_app() {
    return entente::cli::make_app(entente::cli::Actions::none);
}

// Parses `args` (without the program name); whatever CLI11 throws is swallowed, returned.
std::string parse(CLI::App& app, const std::vector<std::string>& args) {
    std::vector<const char*> argv{"entente"};
    for (const auto& a : args) {
        argv.push_back(a.c_str());
    }
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::Error& e) {
        return e.what();
    }
    return "";
}

std::string option_name(const CLI::Option* opt) {
    return opt->get_lnames().empty() ? "-" + opt->get_snames().front()
                                     : "--" + opt->get_lnames().front();
}

}  // namespace

TEST_CASE("every value option of every command takes exactly one value per use") {
    const auto listing = entente::cli::make_app();
    std::size_t checked = 0;
    for (CLI::App* command : listing->get_subcommands({})) {
        std::vector<CLI::Option*> options;
        collect_options(command, options);
        for (const CLI::Option* opt : options) {
            // Flags and positional arguments are not options with a value.
            if (!opt->nonpositional() || opt->get_items_expected_max() == 0) {
                continue;
            }
            const std::string name = option_name(opt);
            CAPTURE(command->get_name());
            CAPTURE(name);
            // Given once with words after it: it keeps one, the words are left to the command.
            auto app = inert_app();
            (void)parse(*app, {command->get_name(), name, "v1", "v2", "v3", "v4"});
            const CLI::Option* parsed = app->get_subcommand(command->get_name())->get_option(name);
            CHECK(parsed->results() == std::vector<std::string>{"v1"});
            ++checked;
        }
    }
    // 11 commands, each with --data, --with and the four limits at least: the walk saw them.
    CHECK(checked >= 11 * 6);
}

TEST_CASE("the repeatable options keep every use") {
    auto app = inert_app();
    CHECK(parse(*app, {"balance", "--data", "x.json", "--assume", "a supports b", "a", "b",
                       "--data", "y.json", "c", "--without", "q1", "--with", "z.json"}) == "");
    CLI::App* balance = app->get_subcommand("balance");
    CHECK(balance->get_option("--data")->results() == std::vector<std::string>{"x.json", "y.json"});
    CHECK(balance->get_option("--with")->results() == std::vector<std::string>{"z.json"});
    CHECK(balance->get_option("--assume")->results() == std::vector<std::string>{"a supports b"});
    CHECK(balance->get_option("--without")->results() == std::vector<std::string>{"q1"});
    CHECK(balance->get_option("actors")->results() == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("lists split at commas, one list per use") {
    auto app = inert_app();
    CHECK(parse(*app, {"path", "--relations", "supports,opposes", "a", "b", "--relations",
                       "pressures"}) == "");
    CLI::App* path = app->get_subcommand("path");
    CHECK(path->get_option("--relations")->results() ==
          std::vector<std::string>{"supports", "opposes", "pressures"});
    CHECK(path->get_option("from")->results() == std::vector<std::string>{"a"});
    CHECK(path->get_option("to")->results() == std::vector<std::string>{"b"});
}

TEST_CASE("empty values are refused, not taken for no filter") {
    auto check = [](std::vector<std::string> args, const std::string& message) {
        CAPTURE(args.front());
        auto app = inert_app();
        CHECK(parse(*app, args) == message);
    };
    check({"balance", "--as-of", ""}, "--as-of: \"\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    check({"export", "--as-of", ""}, "--as-of: \"\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    check({"align", "a", "--as-of=-123"},
          "--as-of: \"-123\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    check({"path", "a", "b", "--relations", ""},
          "--relations: an empty item; give names separated by commas");
    check({"path", "a", "b", "--relations", ","}, "--relations: 1 required LIST missing");
    check({"export", "--relations", ",,"}, "--relations: 1 required LIST missing");
}
