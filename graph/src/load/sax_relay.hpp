#pragma once
// Internal: a big file's JSON parsed on a second thread, its SAX events relayed to the loading
// thread. Parsing (scanning strings, numbers, white space) was a quarter of the loading thread's
// time on a 10^6-claim file, while the reader's handling of each event, which builds the
// tables, is the rest; the two are a pipeline. The parsing thread reads with its own scanner
// (json_scan.hpp), and with RapidJSON from the first thing the scanner is unsure of. The
// parsing thread records each event with the stream position the handler would have seen at
// that call (Tell()), and the loading thread calls its handler with the same events, in the same
// order, at the same positions, so the load, its diagnostics and their places are the same as
// from a direct parse (the test runs every file of the corpora both ways).

#include <rapidjson/reader.h>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "load/json_scan.hpp"
#include "load/text_positions.hpp"

namespace entente::detail {

/// The typed number callbacks of RapidJSON's handler concept, for handlers parsed with
/// kParseNumbersAsStringsFlag: every number then arrives as RawNumber, as written, and these
/// are never called. Derive from it and define RawNumber.
struct RawNumbersOnly {
    bool Int(int) { return true; }
    bool Uint(unsigned) { return true; }
    bool Int64(std::int64_t) { return true; }
    bool Uint64(std::uint64_t) { return true; }
    bool Double(double) { return true; }
};

/// Parses `text` (NUL-terminated one past its end, as InputFile::bytes is) from `start` on a
/// thread of its own, as a `Reader` (a rapidjson::GenericReader) parsing with `Flags`
/// (kParseStopWhenDoneFlag | kParseNumbersAsStringsFlag, which scan_json mirrors) would, with
/// scan_json and, from the first thing that is unsure of, the Reader itself; a bounded number of
/// events ahead of the handler: at most `chunks` x `events_per_chunk` events, 16 bytes each,
/// plus the texts of strings with escapes (others point into `text`). Throws nothing when
/// started; relay() rethrows what the parse threw (std::bad_alloc).
template <class Reader, unsigned Flags>
class SaxRelay {
    static_assert(Flags ==
                      (rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseNumbersAsStringsFlag),
                  "the scanner gives the events of these flags only");

  public:
    /// The end of the parse, as a direct parse's Reader and stream would report it.
    struct Outcome {
        bool has_error = false;                                       ///< Reader::HasParseError().
        rapidjson::ParseErrorCode code = rapidjson::kParseErrorNone;  ///< GetParseErrorCode().
        std::size_t error_offset = 0;                                 ///< GetErrorOffset().
        std::size_t end = 0;  ///< The stream's Tell() once Parse returned.
    };

    /// A relay over `text` from byte `start`, for a handler that stops the parse at the latest
    /// when a container opens `max_depth` levels deep (which it sees before the parsing thread
    /// goes further); no thread until start(). `positions`, if given (deferred, over `text`),
    /// is extended by the parsing thread as it goes, a chunk of events at a time, while the
    /// bytes are in its cache; leave it alone until relay() returns. Throws std::bad_alloc.
    SaxRelay(std::string_view text, std::size_t start, std::size_t max_depth,
             TextPositions* positions = nullptr)
        : text_(text), start_(start), max_depth_(max_depth), positions_(positions) {
        for (Chunk& c : chunks_) {
            c.events.resize(events_per_chunk);
        }
    }
    SaxRelay(const SaxRelay&) = delete;
    SaxRelay& operator=(const SaxRelay&) = delete;
    ~SaxRelay() { cancel(); }

    /// Starts the parsing thread; false where none could be started (parse directly then).
    /// Throws nothing.
    bool start() noexcept {
        try {
            thread_ = std::thread([this] { produce(); });
            return true;
        } catch (...) {
            return false;
        }
    }

    /// Calls `handler`'s SAX methods with every event of the parse, in order (a string or key the
    /// scanner found all ASCII, with no byte below 0x20, to AsciiString or AsciiKey(s, n) where
    /// the handler has them: it need not check their UTF-8 or look for a NUL), setting
    /// `stream.src_` before each call to where the parse was at that call (so `stream.Tell()`
    /// reads what it would in a direct parse), until the events end or the handler returns
    /// false. Returns how the parse ended. Rethrows what the parsing thread threw; what the
    /// handler throws stops the parsing thread and propagates.
    template <class Handler>
    Outcome relay(Handler& handler, rapidjson::StringStream& stream) {
        try {
            for (std::uint32_t n = 0;; ++n) {
                // Wait for chunk n to be filled.
                for (std::uint32_t have = produced_.load(std::memory_order_acquire); have == n;
                     have = produced_.load(std::memory_order_acquire)) {
                    produced_.wait(have, std::memory_order_acquire);
                }
                // Read once: a filled chunk does not change until it is handed back, and the
                // handler's calls would otherwise make the compiler read them again each event.
                const Chunk& chunk = chunks_[n % chunks];
                const Event* const events = chunk.events.data();
                const std::size_t count = chunk.count;
                const char* const text = text_.data();
                const char* side = chunk.side.data();  // escaped texts, in event order
                for (std::size_t i = 0; i < count; ++i) {
                    // The events were written by the other core: their lines are asked for
                    // well ahead, and a text once its event's line is here, so that neither
                    // read waits for the other core (reading an event's offset to ask for its
                    // text, with the event's line still there, did).
                    if (i + prefetch_lines < count) {
                        __builtin_prefetch(events + i + prefetch_lines);
                    }
                    if (i + prefetch_events < count) {
                        __builtin_prefetch(text + events[i + prefetch_events].offset);
                    }
                    const Event& e = events[i];
                    stream.src_ = stream.head_ + e.offset;
                    const char* s;
                    if (e.escaped) {
                        s = side;
                        side += e.length;
                    } else {
                        // A string's text starts after its opening quote.
                        s = text + e.offset +
                            (e.kind == Kind::string || e.kind == Kind::key ? 1 : 0);
                    }
                    if (!deliver(handler, e, s)) {
                        cancel();
                        Outcome out = outcome_;
                        out.has_error = true;
                        out.code = rapidjson::kParseErrorTermination;
                        return out;
                    }
                }
                const bool last = chunk.last;
                consumed_.fetch_add(1, std::memory_order_release);
                consumed_.notify_one();
                if (last) {
                    join();
                    if (error_) {
                        std::rethrow_exception(error_);
                    }
                    return outcome_;
                }
            }
        } catch (...) {
            cancel();
            throw;
        }
    }

    /// How the scan of the text ended (ScanEnd::unsure: RapidJSON parsed on from its start).
    /// Read once relay() has returned. Throws nothing.
    ScanEnd scan_end() const noexcept { return how_; }

    /// Events a chunk holds, and chunks in flight: 4 x 16384 x 16 bytes, 1 MiB (chunks of 4096
    /// woke the threads four times as often, for no less memory at the load's peak, which comes
    /// after the parse).
    static constexpr std::size_t events_per_chunk = 16384;
    static constexpr std::size_t chunks = 4;
    /// How many events ahead the loading thread asks for the next events' lines, and for the
    /// next texts.
    static constexpr std::size_t prefetch_lines = 64;
    static constexpr std::size_t prefetch_events = 16;

  private:
    using Kind = SaxKind;
    // Sixteen bytes: the loading thread reads every event from the other core's cache, and a
    // third less to read (from 24 bytes) was fewer stalls. A text is where its token starts in
    // the file (after a string's quote), or, escaped, next in the chunk's side buffer.
    struct Event {
        Kind kind;
        bool escaped;          // text in the chunk's side buffer, not in the file
        bool ascii;            // a text of ASCII bytes, none below 0x20 (the scanner's mark)
        std::uint32_t length;  // of the text
        std::size_t offset;    // Tell() at the call
    };
    static_assert(sizeof(Event) == 16);
    // A chunk's fields on lines of their own: the parsing thread writes the count of the one it
    // fills at every event, and the loading thread reads the fields of the one before.
    struct alignas(64) Chunk {
        std::vector<Event> events;
        std::string side;  // texts that differ from the file's bytes (escapes decoded)
        std::size_t count = 0;
        bool last = false;
    };

    template <class Handler>
    static bool deliver(Handler& handler, const Event& e, const char* s) {
        const auto n = static_cast<rapidjson::SizeType>(e.length);
        switch (e.kind) {
            case Kind::null:
                return handler.Null();
            case Kind::boolean_false:
                return handler.Bool(false);
            case Kind::boolean_true:
                return handler.Bool(true);
            case Kind::number:
                return handler.RawNumber(s, n, true);
            case Kind::string:
                if constexpr (requires { handler.AsciiString(s, n); }) {
                    if (e.ascii) {
                        return handler.AsciiString(s, n);
                    }
                }
                return handler.String(s, n, true);
            case Kind::key:
                if constexpr (requires { handler.AsciiKey(s, n); }) {
                    if (e.ascii) {
                        return handler.AsciiKey(s, n);
                    }
                }
                return handler.Key(s, n, true);
            case Kind::start_object:
                return handler.StartObject();
            case Kind::start_array:
                return handler.StartArray();
            case Kind::end_object:
                return handler.EndObject(0);
            case Kind::end_array:
                return handler.EndArray(0);
        }
        return false;
    }

    // The parsing thread's handler: records each event into the chunk being filled.
    class Recorder : public RawNumbersOnly {
      public:
        Recorder(SaxRelay& relay, const rapidjson::StringStream& stream)
            : relay_(relay), stream_(stream) {}
        bool Null() { return add(Kind::null); }
        bool Bool(bool b) { return add(b ? Kind::boolean_true : Kind::boolean_false); }
        bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
            return add_text(Kind::number, s, n, 0);
        }
        bool String(const char* s, rapidjson::SizeType n, bool) {
            return add_text(Kind::string, s, n, 1);
        }
        bool Key(const char* s, rapidjson::SizeType n, bool) {
            return add_text(Kind::key, s, n, 1);
        }
        bool StartObject() { return open(Kind::start_object); }
        bool StartArray() { return open(Kind::start_array); }
        bool EndObject(rapidjson::SizeType) { return close(Kind::end_object); }
        bool EndArray(rapidjson::SizeType) { return close(Kind::end_array); }

      private:
        // RapidJSON recurses once a level, and the handler's depth cap is what bounds the
        // stack: the parsing thread, up to a chunk ahead of the handler, stops one level past
        // the cap itself, after recording the opening the handler stops at.
        bool open(Kind kind) {
            if (++depth_ > relay_.max_depth_ + 1) {
                return false;
            }
            return add(kind);
        }
        bool close(Kind kind) {
            --depth_;
            return add(kind);
        }
        bool add(Kind kind) {
            if (relay_.skip_ != 0) {
                --relay_.skip_;
                return true;
            }
            return relay_.record({kind, false, false, 0, stream_.Tell()}, nullptr);
        }
        // A string or number is read on a copy of the stream (StreamLocalCopy), so Tell() is
        // where its token starts: a number's first byte, a string's opening quote. A number is
        // handed over as written, so it is the file's bytes there. A string is too when it has
        // no escape: every escape is longer than what it stands for, so the string has none
        // exactly when its closing quote is `n` bytes on, a quote not escaped (no backslash
        // before it). Those point into the file; the rest are copied.
        bool add_text(Kind kind, const char* s, rapidjson::SizeType n, std::size_t quote) {
            if (relay_.skip_ != 0) {
                --relay_.skip_;
                return true;
            }
            const std::size_t at = stream_.Tell();
            const std::size_t from = at + quote;
            const std::string_view text = relay_.text_;
            if (quote == 0 || (from + n < text.size() && text[from + n] == '"' &&
                               (n == 0 || text[from + n - 1] != '\\'))) {
                return relay_.record({kind, false, false, n, at}, nullptr);
            }
            return relay_.record({kind, true, false, n, at}, s);
        }

        SaxRelay& relay_;
        const rapidjson::StringStream& stream_;
        std::size_t depth_ = 0;
    };

    // Adds one event to the chunk being filled, `copy` (its length bytes) to the chunk's side
    // buffer; hands the chunk over when it is full, its lines counted. False once the relay is
    // cancelled, which stops the parse.
    bool record(Event e, const char* copy) {
        Chunk& chunk = chunks_[filling_ % chunks];
        if (copy != nullptr) {
            chunk.side.append(copy, e.length);
        }
        chunk.events[chunk.count++] = e;
        ++recorded_;
        if (chunk.count == events_per_chunk) {
            if (positions_ != nullptr) {
                positions_->extend(e.offset);
            }
            hand_over(false);
            return begin_chunk();
        }
        return true;
    }

    // Waits for the next chunk to be free (consumed), then clears it. False when cancelled.
    bool begin_chunk() {
        for (;;) {
            // The count before the flag: a cancel raises the flag, then the count, so a count
            // read after the cancel's is followed by the flag raised, and a wait on a count read
            // before it returns at once. Either way no wake-up is lost.
            const std::uint32_t done = consumed_.load(std::memory_order_acquire);
            if (cancelled_.load(std::memory_order_acquire)) {
                return false;
            }
            if (filling_ - done < chunks) {
                break;
            }
            consumed_.wait(done, std::memory_order_acquire);
        }
        Chunk& chunk = chunks_[filling_ % chunks];
        chunk.count = 0;
        chunk.side.clear();
        chunk.last = false;
        return true;
    }

    void hand_over(bool last) {
        chunks_[filling_ % chunks].last = last;
        ++filling_;
        produced_.store(filling_, std::memory_order_release);
        produced_.notify_one();
    }

    // Scans the text (scan_json), and parses it with RapidJSON from the start where the scan is
    // unsure, passing over the events the scan recorded, which are RapidJSON's first ones.
    void produce() {
        try {
            if (begin_chunk()) {
                auto sink = [this](Kind kind, std::size_t offset, std::uint32_t length,
                                   const char* decoded, bool ascii) {
                    return record({kind, decoded != nullptr, ascii, length, offset}, decoded);
                };
                std::size_t end = 0;
                how_ = scan_json(text_, start_, max_depth_, sink, end);
                if (how_ == ScanEnd::unsure) {
                    skip_ = recorded_;
                    rapidjson::StringStream stream(text_.data());
                    stream.src_ += start_;
                    Recorder recorder(*this, stream);
                    Reader reader;
                    reader.template Parse<Flags>(stream, recorder);
                    outcome_.has_error = reader.HasParseError();
                    outcome_.code = reader.GetParseErrorCode();
                    outcome_.error_offset = reader.GetErrorOffset();
                    outcome_.end = stream.Tell();
                } else {
                    // Refused: cancelled, and no one reads on; as RapidJSON would say.
                    outcome_.has_error = how_ == ScanEnd::refused;
                    outcome_.code = outcome_.has_error ? rapidjson::kParseErrorTermination
                                                       : rapidjson::kParseErrorNone;
                    outcome_.error_offset = outcome_.has_error ? end : 0;
                    outcome_.end = end;
                }
                // The last lines too, before the loading thread gives their pages back.
                if (positions_ != nullptr && !outcome_.has_error) {
                    positions_->extend(outcome_.end);
                }
            }
        } catch (...) {
            error_ = std::current_exception();
        }
        // The last chunk, however full, ends the events; a cancelled relay hands over nothing
        // more (no one reads it), but the chunk count still moves so no wait is left hanging.
        hand_over(true);
    }

    void join() {
        if (thread_.joinable()) {
            thread_.join();
        }
    }

    // Stops the parsing thread (it sees the flag at its next chunk) and joins it.
    void cancel() noexcept {
        cancelled_.store(true, std::memory_order_release);
        consumed_.fetch_add(1, std::memory_order_release);
        consumed_.notify_one();
        join();
    }

    std::string_view text_;
    std::size_t start_;
    std::size_t max_depth_;
    TextPositions* positions_;  // extended by the parsing thread, or null
    // The parsing thread's own, on a line of their own: recorded_ changes at every event, and
    // on the line of text_, which the loading thread reads, it made each read wait for the
    // other core.
    alignas(64) std::size_t recorded_ = 0;  // events recorded so far
    std::size_t skip_ = 0;                  // of RapidJSON's first events, those still to pass over
    ScanEnd how_ = ScanEnd::done;           // how the scan ended (read once the thread is joined)
    // Chunk counts, 32 bits for the futex behind atomic wait; they wrap after 2^32 chunks of
    // 16,384 events, and compare by difference.
    std::uint32_t filling_ = 0;  // chunks handed over so far
    std::array<Chunk, chunks> chunks_;
    alignas(64) std::atomic<std::uint32_t> produced_{0};
    std::atomic<std::uint32_t> consumed_{0};
    std::atomic<bool> cancelled_{false};
    Outcome outcome_;  // written by the parsing thread before its last hand-over
    std::exception_ptr error_;
    std::thread thread_;  // last: started once everything it uses is
};

}  // namespace entente::detail
