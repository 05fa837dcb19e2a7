// `entente serve`: the seminar page on the user's own machine, a small read-only HTTP server
// (cpp-httplib) serving the page compiled into the binary (src/web/) and the JSON API of
// serve_api.hpp, which runs the library's queries and answers as the CLI's --format json does.
#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>

#include "cli.hpp"
#include "serve_api.hpp"

extern char** environ;

namespace entente::cli {

namespace {

// Written to by on_stop_signal, read by run(): [0] the read end, [1] the write end.
int stop_pipe[2] = {-1, -1};

extern "C" void on_stop_signal(int) {
    const int saved = errno;
    const char byte = 1;
    // Nothing to do if it fails: the write end does not block, and a full pipe holds a byte
    // already, one is enough.
    [[maybe_unused]] const ssize_t written = write(stop_pipe[1], &byte, 1);
    errno = saved;
}

struct ServeOptions {
    DataOptions data;
    std::string host = "127.0.0.1";
    int port = 8080;
    bool open = false;
};

// Longest request line target (path and query) and body accepted: the page's longest question
// (a dozen what-if claims) is under 2 KiB.
constexpr std::size_t max_target_bytes = 4096;
constexpr std::size_t max_body_bytes = 1024;

std::string media_type(const std::string& name) {
    const auto ends = [&](const char* ext) {
        const std::string e(ext);
        return name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
    };
    if (ends(".html")) {
        return "text/html; charset=utf-8";
    }
    if (ends(".js")) {
        return "text/javascript; charset=utf-8";
    }
    if (ends(".css")) {
        return "text/css; charset=utf-8";
    }
    return "application/octet-stream";
}

void json_error(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(api_error_json(status, message), "application/json");
}

// True when `host` is a loopback address, where the Host header is checked (a page elsewhere
// could otherwise reach the server through a name it rebinds to 127.0.0.1).
bool loopback(const std::string& host) {
    return host == "127.0.0.1" || host == "localhost" || host == "::1";
}

// Opens `url` in the desktop's browser (xdg-open), without waiting for it.
void open_browser(const std::string& url) {
    const char* argv[] = {"xdg-open", url.c_str(), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) !=
        0) {
        print_error("serve", "--open: cannot run xdg-open; open " + url + " yourself");
    }
}

int run(ServeOptions& options) {
    // SIGINT and SIGTERM wake this thread through a pipe (the one thing a handler may safely do),
    // whichever thread they reach: a signal mask would not cover threads started before it (the
    // sanitizers' own), which would take the signal's default action and end the process at once.
    if (pipe2(stop_pipe, O_CLOEXEC) != 0 ||
        fcntl(stop_pipe[1], F_SETFL, fcntl(stop_pipe[1], F_GETFL) | O_NONBLOCK) != 0) {
        print_error("serve", "cannot make a pipe to wait for Ctrl-C");
        return exit_data;
    }
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    const KnowledgeGraph& kg = load_for_query(options.data);
    httplib::Server server;
    std::mutex graphviz;  // the library's drawing is one Graphviz context per process
    const ServeLimits limits;
    const bool check_host = loopback(options.host);
    int port = 0;

    // httplib writes a reply's head and body apart: without TCP_NODELAY, Nagle's algorithm holds
    // the body until the client's delayed acknowledgement, 40 ms on Linux, on every answer.
    server.set_tcp_nodelay(true);
    // httplib's default adds SO_REUSEPORT, with which a second server binds a port already in use
    // and the two share its requests; SO_REUSEADDR alone still restarts at once after a stop.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    server.set_payload_max_length(max_body_bytes);
    server.set_read_timeout(5, 0);
    server.set_write_timeout(5, 0);
    server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                {"Referrer-Policy", "no-referrer"},
                                {"Cache-Control", "no-store"}});
    server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        if (req.method != "GET" && req.method != "HEAD") {
            res.set_header("Allow", "GET, HEAD");
            json_error(res, 405,
                       well_formed_utf8(req.method) && req.method.size() <= 20
                           ? "method " + req.method + " not allowed: the page is read-only"
                           : std::string("method not allowed: the page is read-only"));
            return httplib::Server::HandlerResponse::Handled;
        }
        // httplib leaves a GET's body unread; a read-only API takes none.
        if (req.get_header_value<std::uint64_t>("Content-Length") > 0 ||
            req.has_header("Transfer-Encoding")) {
            res.set_header("Connection", "close");
            json_error(res, 413, "request too large: the API takes no body, only the URL's query");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (req.target.size() > max_target_bytes) {
            json_error(res, 414,
                       "request too large: " + std::to_string(req.target.size()) +
                           " bytes of path and query, at most " + std::to_string(max_target_bytes));
            return httplib::Server::HandlerResponse::Handled;
        }
        if (check_host) {
            const std::string given = req.get_header_value("Host");
            const std::string p = ":" + std::to_string(port);
            if (given != "127.0.0.1" + p && given != "localhost" + p && given != "[::1]" + p) {
                json_error(res, 400, "unexpected Host header; open http://127.0.0.1" + p + "/");
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        // httplib's own refusals (an oversize request line or body, a bad request) come with no
        // body: give them the API's JSON error.
        if (res.body.empty()) {
            // The path is echoed only when it is text (JSON carries nothing else).
            const bool text =
                well_formed_utf8(req.path) && req.path.find('\0') == std::string::npos;
            const std::string message =
                res.status == 404   ? (text ? "no such page \"" + req.path + "\""
                                            : std::string("no such page (its path is not "
                                                            "text)"))
                : res.status == 413 ? "request too large: a body of at most " +
                                          std::to_string(max_body_bytes) + " bytes"
                : res.status == 414
                    ? "request too large: at most " + std::to_string(max_target_bytes) +
                          " bytes of path and query"
                    : "bad request";
            json_error(res, res.status, message);
        }
    });
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr e) {
            std::string message = "internal error";
            try {
                std::rethrow_exception(e);
            } catch (const std::bad_alloc&) {
                message = "out of memory: the answer needs more memory than this process may use";
            } catch (const std::exception& ex) {
                message = ex.what();
            } catch (...) {
            }
            json_error(res, 500, message);
        });
    for (const auto& file : embedded_web()) {
        const std::string name(file.name);
        const std::string route = name == "index.html" ? "/" : "/" + name;
        const std::string type = media_type(name);
        const std::string_view bytes = file.bytes;
        server.Get(route, [bytes, type](const httplib::Request&, httplib::Response& res) {
            // The page's own scripts and styles only: nothing inline, nothing from elsewhere.
            res.set_header("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data: blob:; style-src 'self' "
                           "'unsafe-inline'; object-src 'none'; base-uri 'none'; "
                           "frame-ancestors 'none'");
            res.set_content(std::string(bytes), type);
        });
    }
    server.Get(R"(/(api|svg|png|csv)/[a-z_]+)",
               [&](const httplib::Request& req, httplib::Response& res) {
                   ApiParams params;
                   for (const auto& [name, value] : req.params) {
                       params.emplace_back(name, value);
                   }
                   ApiReply reply;
                   {
                       const std::lock_guard<std::mutex> lock(graphviz);
                       reply = api_reply(kg, req.path, params, limits);
                   }
                   res.status = reply.status;
                   res.set_content(std::move(reply.body), reply.content_type);
               });

    port = options.port == 0
               ? server.bind_to_any_port(options.host)
               : (server.bind_to_port(options.host, options.port) ? options.port : -1);
    if (port <= 0) {
        print_error("serve", "cannot listen on " + options.host + ":" +
                                 std::to_string(options.port) +
                                 " (in use, or not an address of this machine); try --port 0");
        return exit_data;
    }
    // Listening before the address is printed: httplib's stop() does nothing to a server whose
    // loop has not started yet, so a signal in between would leave it running.
    std::atomic<bool> ended{false};
    std::thread listener([&server, &ended] {
        server.listen_after_bind();
        ended = true;
    });
    while (!server.is_running() && !ended) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    const std::string shown_host =
        options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
    const std::string url = "http://" + shown_host + ":" + std::to_string(port) + "/";
    // The first line of stdout, so scripts (and the tests) can read where to connect.
    std::cout << url << std::endl;
    if (!check_host) {
        print_error("serve", "listening on " + options.host +
                                 ": anyone who can reach this machine can read the data");
    }
    std::cerr << "entente serve: " << kg.data().actors.size() << " actors, "
              << kg.data().claims.size() << " claims; Ctrl-C stops" << std::endl;
    if (options.open) {
        open_browser(url);
    }
    char byte = 0;
    while (read(stop_pipe[0], &byte, 1) < 0 && errno == EINTR) {
    }
    server.stop();
    listener.join();
    std::cerr << "entente serve: stopped" << std::endl;
    return exit_ok;
}

}  // namespace

void register_serve(CLI::App& app) {
    auto options = std::make_shared<ServeOptions>();
    CLI::App* command = app.add_subcommand(
        "serve",
        "The seminar page: a small read-only web server on this machine with an interactive page "
        "(search an actor, click through its neighbourhood, read the claims behind a tie, ask "
        "align, diverge, balance and path, toggle what-ifs, move through time) and a JSON API "
        "answering as --format json does. Everything is built in: it works offline. The first "
        "line of output is the address; Ctrl-C stops it.");
    add_data_options(*command, options->data);
    command
        ->add_option("--port", options->port,
                     "Port to listen on; 0 picks a free one (the address printed says which)")
        ->type_name("N")
        ->check(CLI::Range(0, 65535))
        ->default_str("8080");
    command
        ->add_option("--host", options->host,
                     "Address to listen on (default 127.0.0.1: this machine only); another "
                     "address lets anyone who can reach it read the data")
        ->type_name("ADDRESS")
        ->default_str("127.0.0.1");
    command->add_flag("--open", options->open, "Open the page in the desktop's browser");
    command->footer(
        "Examples:\n"
        "  entente serve --open\n"
        "  entente serve --port 0 --data examples/highland-tribes.json\n"
        "  curl 'http://127.0.0.1:8080/api/align?a=russia&b=pakistan'\n"
        "See docs/serve.md for a lesson walked through with the page.");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
