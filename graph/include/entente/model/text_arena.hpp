#pragma once
/// @file TextArena: one store for the many texts of a loaded dataset, which its CompactStrings
/// borrow instead of taking a heap block each (docs/architecture.md, "Memory").

#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/model/compact_string.hpp"
#include "entente/model/slim_string.hpp"

namespace entente {

/// An append-only store of texts, each followed by a NUL, in blocks: 1 MiB for the first, 4 MiB for
/// the next ones, or one block of a size asked for (reserve); a text longer than 128 KiB gets a
/// block of its own. A text costs its bytes and a NUL, where a heap block of its own costs about 16
/// bytes more (malloc's header and rounding) and a call to malloc: for the 10^6 quotes of a
/// generated dataset, 14 MB and 10^6 calls. Texts are never freed one by one: the arena gives back
/// every block when it is destroyed. Not copyable; moving keeps the texts where they are.
class TextArena {
  public:
    TextArena() = default;
    TextArena(const TextArena&) = delete;
    TextArena& operator=(const TextArena&) = delete;

    /// A copy of `text` (any bytes, NULs included), followed by a NUL, valid until the arena is
    /// destroyed. Throws std::bad_alloc.
    std::string_view add(std::string_view text);
    /// A string of `text`: inline when it fits (15 bytes or fewer), else borrowing a copy added
    /// to the arena (CompactString::borrowing), which must then outlive the string. Throws
    /// std::bad_alloc.
    CompactString string(std::string_view text) {
        return text.size() <= CompactString::inline_capacity ? CompactString(text)
                                                             : CompactString::borrowing(add(text));
    }
    /// A SlimString of `text`: inline when it fits (6 bytes or fewer), else borrowing a copy
    /// added to the arena when it may (SlimString::borrowing), which must then outlive the
    /// string, else a copy of its own. Throws std::bad_alloc.
    SlimString slim(std::string_view text) {
        if (text.size() <= SlimString::inline_capacity ||
            text.size() > SlimString::borrowed_capacity) {
            return SlimString(text);
        }
        return SlimString::borrowing(add(text));
    }
    /// Makes sure that the next `bytes` bytes of texts (NULs included) go into one block, in
    /// order: when the current block has less left, a new block of that size becomes the
    /// current one (untouched, so it takes no memory until written; its unused
    /// tail is given back by release_unused). For a loader that knows an upper bound of what it
    /// will add (a JSON file's texts are no longer than the file) and wants the pages ahead of
    /// it faulted in by another thread (free_tail). Throws std::bad_alloc.
    void reserve(std::size_t bytes);
    /// The current block's unused tail, [first, last): where the next texts go, in order, until
    /// the block is full. Throws nothing.
    std::pair<const char*, const char*> free_tail() const noexcept {
        return {next_, next_ + left_};
    }
    /// Gives the memory of the whole pages in the current block's unused tail back to the
    /// system (Linux: madvise MADV_DONTNEED), for when no more texts are expected (pages faulted
    /// in ahead of the writer, by another thread, and never written). The arena stays usable;
    /// pages written later are taken again. Throws nothing.
    void release_unused() noexcept;
    /// Bytes in the arena's blocks, used or not (the unused tail of the last block takes no
    /// memory until written, unless faulted in ahead, which release_unused gives back). Throws
    /// nothing.
    std::size_t capacity() const noexcept { return capacity_; }
    /// True when `p` points into one of the arena's blocks (a text it holds, or the unused tail).
    /// O(blocks). Throws nothing.
    bool holds(const char* p) const noexcept;

    /// Size of the first block, in bytes; a text longer than an eighth of it gets a block of
    /// its own.
    static constexpr std::size_t block_size = std::size_t{1} << 20;
    /// Size of each later ordinary block, in bytes.
    static constexpr std::size_t large_block_size = std::size_t{4} << 20;

  private:
    struct Block {
        std::unique_ptr<char[]> bytes;
        std::size_t size;
    };
    // Makes a new block of `size` bytes, left uninitialized, the current one. Throws
    // std::bad_alloc.
    void start_block(std::size_t size);

    std::vector<Block> blocks_;
    bool ordinary_ = false;  // an ordinary block was made: the next one is large
    char* next_ = nullptr;   // the first free byte of the current block
    std::size_t left_ = 0;   // free bytes from next_ to the end of the current block
    std::size_t capacity_ = 0;
};

/// The arena a dataset's CompactStrings and SlimStrings may borrow from (their borrowing()), shared
/// by every copy of the dataset so that it lives as long as the last of them. It is storage, not
/// part of the dataset's value: any two compare equal.
struct SharedTexts {
    std::shared_ptr<const TextArena> arena;  ///< Null when nothing is borrowed.
    /// Always true: two datasets with the same records are equal wherever their texts are kept.
    bool operator==(const SharedTexts&) const noexcept { return true; }
};

}  // namespace entente
