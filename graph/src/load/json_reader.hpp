#pragma once
// Internal: the one reader of JSON dataset files.

#include <cstddef>
#include <vector>

#include "entente/load/loader.hpp"

namespace entente::detail {

/// Work one load did, counted so that tests can bound it without a clock.
struct LoadWork {
    /// Bytes the JSON parser consumed, all files together (where the reader stopped a relayed
    /// parse, as far as the parsing thread had got).
    std::size_t bytes_parsed = 0;
    std::size_t records = 0;           ///< Records (objects in the four tables) read.
    std::size_t unknown_keys = 0;      ///< Member names that were not fields (each looked up once).
    std::size_t suggestion_cost = 0;   ///< Characters compared for "did you mean" suggestions.
    std::size_t relocated_fields = 0;  ///< Fields found again in the text to locate a finding.
    std::size_t content_id_lookups = 0;  ///< Ids looked up while giving claims content ids.
    /// Bytes faulted in ahead of the parser by another thread (Prefaulter), for files of
    /// 16 MiB and more: fresh pages of the claims table and the text arena, and the mapped
    /// file's pages.
    std::size_t bytes_prefaulted = 0;
    /// Whether the claim warnings were found on another thread while the record rules ran (from
    /// 16,384 claims, where a thread could be started).
    bool warnings_found_concurrently = false;
    /// Whether a file was parsed on a thread of its own, its SAX events relayed to the reader
    /// (SaxRelay): files of ReaderThreads::relay_from bytes and more.
    bool events_relayed = false;
    /// Relayed files the parsing thread's scanner (scan_json) read to the end of their JSON
    /// value without RapidJSON: all but those with a syntax error, nesting past the cap or a
    /// number of more digits than it reads.
    std::size_t files_scanned_whole = 0;
};

/// Where the reader puts work on a second thread. The defaults are the load's; tests lower them
/// to run every path on small files.
struct ReaderThreads {
    /// Files of this many bytes and more are parsed on a thread of their own, the events
    /// relayed to the reader (SaxRelay): 16 MiB.
    std::size_t relay_from = std::size_t{16} << 20;
};

/// Reads JSON dataset files: one streaming (SAX) pass per file builds the tables and records
/// every problem it meets (byte offset, JSON pointer, message) and goes on, so every problem in
/// a file is reported; syntax errors, nesting deeper than 64 levels and the record limit stop
/// that file. The rules that span records run once all files are read. Line breaks are indexed
/// as the text is read (TextPositions::extend); a mapped file's text is given back a stretch at
/// a time behind the parser (MappedFile::release). `work`, when given, receives the counts.
LoadResult read_json(const std::vector<InputFile>& files, const LoadLimits& limits,
                     const LoadProgress& progress, LoadWork* work = nullptr,
                     const ReaderThreads& threads = {});

}  // namespace entente::detail
