// The entente command-line tool: parses the command line and maps typed errors to exit codes.
#include <algorithm>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli.hpp"
#include "entente/model/errors.hpp"
#include "entente/model/text.hpp"

int main(int argc, char** argv) {
    using namespace entente::cli;
    try {
        const auto app = make_app();
        // A mistyped command would otherwise get CLI11's "A subcommand is required".
        if (argc > 1 && argv[1][0] != '-') {
            std::vector<std::string> names;
            for (const CLI::App* sub : app->get_subcommands({})) {
                names.push_back(sub->get_name());
            }
            if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
                std::string message = std::string("unknown command \"") + argv[1] + "\"";
                const auto near = entente::nearest_names(argv[1], names, 1);
                if (!near.empty()) {
                    message += "; did you mean \"" + near.front() + "\"?";
                }
                print_error(message);
                std::cerr << "Run with --help for the commands.\n";
                return exit_usage;
            }
        }
        try {
            app->parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            // Prints help, the version or a usage error; a command's own status comes as a
            // CLI::RuntimeError carrying it, and CLI11's codes for usage errors (105, 106, ...)
            // are all the one documented usage status.
            const int code = app->exit(e);
            if (dynamic_cast<const CLI::RuntimeError*>(&e) != nullptr) {
                return code;
            }
            return code == 0 ? exit_ok : exit_usage;
        }
    } catch (const entente::UnknownNameError& e) {
        print_error(e.what());
        return exit_unknown_name;
    } catch (const entente::AmbiguousNameError& e) {
        print_error(e.what());
        return exit_unknown_name;
    } catch (const std::bad_alloc&) {
        // Files are written atomically and JSON is built whole before it is printed, so neither
        // is left half-written.
        print_error(
            "out of memory: the data and the answer need more memory than this process "
            "may use");
        return exit_data;
    } catch (const std::exception& e) {
        print_error(e.what());
        return exit_data;
    }
    return exit_ok;
}
