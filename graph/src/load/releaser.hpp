#pragma once
// Internal: giving a mapped file's bytes back to the system as a reader goes front to back.

#include <cstddef>

#include "entente/load/loader.hpp"

namespace entente::detail {

/// Gives a mapped file's bytes back to the system once read, a stretch of 16 MiB at a time
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
    // Big enough that the calls cost nothing, small beside any file worth mapping.
    static constexpr std::size_t stretch = 16u << 20;
    const MappedFile* mapping_;
    std::size_t from_;
};

}  // namespace entente::detail
