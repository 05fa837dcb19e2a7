#pragma once
// Internal: where the records a JSON reader read start, kept compactly until every finding is
// located.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

namespace entente::detail {

/// Where a record starts in the files a reader reads: file index, element index in that file's
/// array of its table, byte offset of its '{'.
struct Place {
    std::uint32_t file = 0;
    std::uint32_t element = 0;
    std::uint64_t offset = 0;
    bool operator==(const Place&) const = default;
};

/// The places of one table's records (Place, in record order): 4 bytes a record, plus 24 a
/// run of records in one file whose offsets share their high 32 bits and whose elements follow
/// one another. Any order of places is kept exactly; a reader's (file order, offsets and
/// elements rising within a file) takes a few runs a file. Throws only std::bad_alloc.
class PlaceTable {
    // A Place takes 16 bytes; held beside the records until every finding is located, a table
    // of them was 16 MB of the load's peak at 10^6 claims.
  public:
    /// Room for `records` records without growing. Throws std::bad_alloc.
    void reserve(std::size_t records) { low_.reserve(records); }
    /// The record after the last one pushed is at `place`. Throws std::bad_alloc.
    void push_back(const Place& place) {
        const auto high = static_cast<std::uint32_t>(place.offset >> 32);
        if (runs_.empty() || runs_.back().file != place.file || runs_.back().high != high ||
            runs_.back().element + (low_.size() - runs_.back().first) != place.element) {
            runs_.push_back({low_.size(), place.file, place.element, high});
        }
        low_.push_back(static_cast<std::uint32_t>(place.offset));
    }
    /// Forgets the last record pushed (there is one). Throws nothing.
    void pop_back() {
        low_.pop_back();
        if (runs_.back().first == low_.size()) {
            runs_.pop_back();
        }
    }
    /// The place of record `k` (< size()). O(log runs); throws nothing.
    Place operator[](std::size_t k) const {
        const auto run =
            std::prev(std::upper_bound(runs_.begin(), runs_.end(), k,
                                       [](std::size_t i, const Run& r) { return i < r.first; }));
        return {run->file, static_cast<std::uint32_t>(run->element + (k - run->first)),
                (std::uint64_t{run->high} << 32) | low_[k]};
    }
    /// The last record's place (there is one). Throws nothing.
    Place back() const { return (*this)[low_.size() - 1]; }
    /// Records pushed and not popped.
    std::size_t size() const { return low_.size(); }
    /// Runs held (24 bytes each, beside the 4 a record).
    std::size_t runs() const { return runs_.size(); }
    /// Bytes the offsets may take without growing (4 a record reserved).
    std::size_t capacity_bytes() const { return low_.capacity() * sizeof(std::uint32_t); }
    /// Forgets every record and gives the memory back (`= {}` would keep the capacity). Throws
    /// nothing.
    void release() {
        low_ = std::vector<std::uint32_t>();
        runs_ = std::vector<Run>();
    }

  private:
    struct Run {
        std::size_t first;  // the run's first record
        std::uint32_t file;
        std::uint32_t element;  // the first record's element
        std::uint32_t high;     // the offsets' high 32 bits
    };
    std::vector<std::uint32_t> low_;
    std::vector<Run> runs_;
};

}  // namespace entente::detail
