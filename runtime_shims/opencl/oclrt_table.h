/* The opaque device address space of the oclrt runtime (internal; included by oclrt.cpp only).
 *
 * Malloc hands out addresses from a range of virtual memory reserved with no access rights, so they never
 * collide with host memory and a host dereference faults, as it would on a GPU. Allocations are spaced with
 * an unmapped page between them and addresses are not reused. Each address maps to its cl_mem in a sorted
 * table, so host-side pointer arithmetic (d_a + n) still finds its buffer. Managed allocations are keyed by
 * their host address in the same table. */
#ifndef OCLRT_TABLE_H
#define OCLRT_TABLE_H

#include "cl_api.h"

#include <cstdint>
#include <map>
#include <sys/mman.h>

namespace oclrt_detail {

/* What an allocation is: device memory, or host memory that kernels may use too. */
enum class Origin { Device, Managed, Pinned, Registered };

struct Allocation {
    cl_mem mem;
    size_t size;
    bool managed;   /* host-visible (managed, pinned or registered): the key is the host address the buffer wraps */
    void* host;     /* host-visible only: the host memory, mapped while no kernel uses it */
    void* svm;      /* device only, may be null: the SVM memory the buffer wraps (oclrt_svm.h) */
    Origin origin;  /* Managed memory is the runtime's to free; pinned and registered memory is the program's */
};

struct Hit {
    uintptr_t start;
    Allocation* alloc;
    size_t offset;
};

class PointerTable {
public:
    static constexpr size_t kPage = 4096;

    /* Reserves the address range once per process; false when the system refuses every size tried. */
    bool reserve() {
        for (size_t bytes = size_t(1) << 40; !next_ && bytes >= (size_t(1) << 30); bytes /= 2) {
            void* range = mmap(nullptr, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
            if (range == MAP_FAILED) continue;
            base_ = reinterpret_cast<uintptr_t>(range);
            next_ = base_ + kPage;
            limit_ = reinterpret_cast<uintptr_t>(range) + bytes;
        }
        return next_ != 0;
    }

    /* A fresh device address for `size` bytes, or null when the reserved range is used up. */
    void* add_device(const Allocation& alloc) {
        size_t span = (alloc.size + kPage - 1) / kPage * kPage + kPage;
        if (span < kPage || next_ + span > limit_) return nullptr;
        uintptr_t start = next_;
        next_ += span;
        entries_[start] = alloc;
        live_bytes_ += alloc.size;
        return reinterpret_cast<void*>(start);
    }

    void add_managed(const Allocation& alloc) {
        entries_[reinterpret_cast<uintptr_t>(alloc.host)] = alloc;
        live_bytes_ += alloc.size;
    }

    /* The allocation that contains p (one past its end counts, as CUDA allows end pointers). */
    bool find(const void* p, Hit& hit) {
        uintptr_t address = reinterpret_cast<uintptr_t>(p);
        auto it = entries_.upper_bound(address);
        if (it == entries_.begin()) return false;
        --it;
        if (address - it->first > it->second.size) return false;
        hit = Hit{it->first, &it->second, address - it->first};
        return true;
    }

    void erase(uintptr_t start) {
        auto it = entries_.find(start);
        if (it == entries_.end()) return;
        live_bytes_ -= it->second.size;
        entries_.erase(it);
    }

    /* True for any address in the reserved device range, allocated or not. */
    bool in_range(const void* p) const {
        uintptr_t address = reinterpret_cast<uintptr_t>(p);
        return next_ != 0 && address >= base_ && address < limit_;
    }

    void clear() {
        entries_.clear();
        live_bytes_ = 0;
    }

    std::map<uintptr_t, Allocation>& entries() { return entries_; }
    size_t live_bytes() const { return live_bytes_; }

private:
    uintptr_t base_ = 0;
    uintptr_t next_ = 0;
    uintptr_t limit_ = 0;
    size_t live_bytes_ = 0;
    std::map<uintptr_t, Allocation> entries_;
};

}  // namespace oclrt_detail

#endif /* OCLRT_TABLE_H */
