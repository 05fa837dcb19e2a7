#pragma once
// Internal: giving a mapped file's bytes back to the system as a reader goes front to back.

#include <cstddef>

#include "entente/load/loader.hpp"

namespace entente::detail {

/// Gives a mapped file's bytes back to the system once read, a stretch of 2 MiB at a time
/// (MappedFile::release), keeping the last stretch read; nothing when there is no mapping. The
/// file is then never resident whole beside what is built from it.
class Releaser {
  public:
    /// `mapping` (or null) read from byte `from` on.
    Releaser(const MappedFile* mapping, std::size_t from) : mapping_(mapping), from_(from) {}
    /// Everything before `offset` (in the file) has been read. Throws nothing.
    void read_to(std::size_t offset) {
        if (mapping_ != nullptr && offset >= from_ + 2 * stretch) {
            mapping_->release(from_, offset - stretch);
            from_ = offset - stretch;
        }
    }

  private:
    // Big enough that the calls cost nothing (a 279 MB file takes about 140), small enough
    // that the at most two stretches resident count for little beside what is built from them
    // (4 MiB at most: 4 bytes a claim at 10^6; 16 MiB stretches held up to 32). A big file's
    // next 4 MiB are mapped ahead of the parser besides (Prefaulter), never behind it.
    static constexpr std::size_t stretch = 2u << 20;
    const MappedFile* mapping_;
    std::size_t from_;
};

}  // namespace entente::detail
