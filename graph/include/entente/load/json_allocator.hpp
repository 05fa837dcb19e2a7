#pragma once
/// @file A RapidJSON allocator that throws std::bad_alloc instead of returning null.

#include <cstddef>
#include <cstdlib>
#include <new>

namespace entente {

/// Meets RapidJSON's Allocator concept (rapidjson/allocators.h) like its CrtAllocator, but throws
/// std::bad_alloc when malloc or realloc fails: RapidJSON writes through the pointer a failed
/// growth returns without checking it, so with CrtAllocator running out of memory while writing
/// JSON is a crash rather than an error. Zero-byte requests return null, as CrtAllocator's do.
/// Use it for every buffer and writer stack that grows with the data:
/// `rapidjson::GenericStringBuffer<rapidjson::UTF8<>, ThrowingJsonAllocator>`.
class ThrowingJsonAllocator {
  public:
    /// Blocks come from malloc and must go back through Free.
    static const bool kNeedFree = true;
    /// `size` bytes, or null for 0; throws std::bad_alloc when malloc fails.
    void* Malloc(std::size_t size) {
        if (size == 0) {
            return nullptr;
        }
        void* p = std::malloc(size);
        if (p == nullptr) {
            throw std::bad_alloc();
        }
        return p;
    }
    /// `original` grown or shrunk to `new_size` bytes (freed, null, for 0); throws
    /// std::bad_alloc when realloc fails, leaving `original` valid and unchanged.
    void* Realloc(void* original, std::size_t /*original_size*/, std::size_t new_size) {
        if (new_size == 0) {
            std::free(original);
            return nullptr;
        }
        void* p = std::realloc(original, new_size);
        if (p == nullptr) {
            throw std::bad_alloc();
        }
        return p;
    }
    /// Frees a block from Malloc or Realloc (null is fine).
    static void Free(void* p) { std::free(p); }
};

}  // namespace entente
