// This file implements the memory JIT code is linked into: one shared
// pool of doubly mapped memory instead of LLVM's SectionMemoryManager.
//
// SectionMemoryManager maps fresh pages for every object and, once the
// object is linked, mprotects its code pages from writable to executable.
// Taking write permission away makes the kernel flush the TLB of every CPU
// running one of the process's threads (the Go runtime has several), an
// interprocessor interrupt that is slow on virtual machines: with a
// thousand small modules, mprotect was a tenth of a warm run's time.
//
// Here a chunk of a memfd is mapped twice, side by side: a writable view
// and an executable one. The linker writes code through the writable view
// and relocates it for the executable view (as a remote JIT does for
// another process); data goes to private memory next to them; nothing is
// ever remapped. No page is writable and executable through the same address.
// Memory is never returned to the system: JIT code lives as long as the
// process (the cost of a removed module's code is its size, not a leak
// that grows with reuse). If a memfd cannot be made, LLVM's
// SectionMemoryManager is used as before.

#include <llvm/ExecutionEngine/Orc/Core.h>
#include <llvm/ExecutionEngine/Orc/RTDyldObjectLinkingLayer.h>
#include <llvm/ExecutionEngine/RTDyldMemoryManager.h>
#include <llvm/ExecutionEngine/SectionMemoryManager.h>
#include <llvm/Support/Memory.h>
#include <llvm-c/OrcEE.h>

#include <atomic>
#include <mutex>
#include <new>
#include <vector>

#include <pthread.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "memory.h"

using namespace llvm;
using namespace llvm::orc;

namespace {

// chunkSize is the size of each view of a chunk. Code and its data are in
// the same chunk, within 2*chunkSize of each other, so 32-bit pc-relative
// references (the small code model) always reach.
const size_t chunkSize = 64 << 20;

struct pool {
  std::mutex mu;
  // A chunk is three regions of size bytes side by side: a writable view
  // of a memfd, an executable view of it, then private anonymous memory
  // for data (private, so that a forked child's writes to a Terra global
  // stay its own).
  uint8_t *rw = nullptr, *rx = nullptr, *data = nullptr;
  size_t size = 0, codeUsed = 0, dataUsed = 0;
  bool failed = false;

  // newChunk maps a chunk of at least n bytes per region.
  bool newChunk(size_t n) {
    size_t sz = chunkSize;
    while (sz < n) sz *= 2;
    int fd = memfd_create("terrac-jit", MFD_CLOEXEC);
    if (fd < 0) return false;
    bool ok = ftruncate(fd, (off_t)sz) == 0;
    void *base = ok ? mmap(nullptr, 3 * sz, PROT_NONE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
                    : MAP_FAILED;
    ok = base != MAP_FAILED;
    uint8_t *b = (uint8_t *)base;
    if (ok)
      ok = mmap(b, sz, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd,
                0) != MAP_FAILED &&
           mmap(b + sz, sz, PROT_READ | PROT_EXEC, MAP_SHARED | MAP_FIXED,
                fd, 0) != MAP_FAILED &&
           mmap(b + 2 * sz, sz, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1,
                0) != MAP_FAILED;
    close(fd);
    if (!ok) {
      if (base != MAP_FAILED) munmap(base, 3 * sz);
      return false;
    }
    rw = b;
    rx = b + sz;
    data = b + 2 * sz;
    size = sz;
    codeUsed = dataUsed = 0;
    return true;
  }

  // reserve makes sure an object's code and data (at most n bytes each,
  // alignment included) come from one chunk.
  bool reserve(size_t code, size_t dat) {
    if (rw && size - codeUsed >= code && size - dataUsed >= dat) return true;
    return newChunk(code > dat ? code : dat);
  }

  static uint8_t *bump(uint8_t *region, size_t size, size_t &used, size_t n,
                       size_t align) {
    if (align == 0) align = 16;
    size_t at = (used + align - 1) & ~(align - 1);
    if (at + n > size) return nullptr;
    used = at + n;
    return region + at;
  }

  // allocCode returns where to write n bytes of code; they run at the
  // result + size.
  uint8_t *allocCode(size_t n, size_t align) {
    uint8_t *p = rw ? bump(rw, size, codeUsed, n, align) : nullptr;
    if (!p && newChunk(n + align)) p = bump(rw, size, codeUsed, n, align);
    return p;
  }

  uint8_t *allocData(size_t n, size_t align) {
    uint8_t *p = rw ? bump(data, size, dataUsed, n, align) : nullptr;
    if (!p && newChunk(n + align)) p = bump(data, size, dataUsed, n, align);
    return p;
  }
};

pool thePool;

// private_pages is set once gdb's JIT interface is on: gdb sets a
// breakpoint by writing into the code through ptrace, which the kernel
// refuses for a shared mapping that is not writable, so objects linked
// from then on get private pages of their own again.
std::atomic<bool> private_pages{false};

class manager : public RTDyldMemoryManager {
  // code lists the writable addresses of code sections and their
  // executable aliases, mapped for the linker once the object is loaded.
  struct section {
    uint8_t *rw;
    uint64_t rx;
    size_t size;
  };
  std::vector<section> code;

  // slice is the part of one chunk reserved for this object, so that its
  // code and data stay within reach of each other even when other objects
  // are linked at the same time; what is left of it is given back once
  // the object is loaded.
  struct slice {
    uint8_t *chunk = nullptr; // the chunk's writable view
    size_t at = 0, end = 0;   // offsets in the region
  } cs, ds;
  size_t viewSize = 0; // the chunk's region size

  static uint8_t *carve(slice &sl, uint8_t *region, size_t n, size_t align) {
    if (!sl.chunk) return nullptr;
    if (align == 0) align = 16;
    size_t at = (sl.at + align - 1) & ~(align - 1);
    if (at + n > sl.end) return nullptr;
    sl.at = at + n;
    return region + at;
  }

public:
  bool needsToReserveAllocationSpace() override { return true; }

  void reserveAllocationSpace(uintptr_t codeSize, uint32_t codeAlign,
                              uintptr_t roSize, uint32_t roAlign,
                              uintptr_t rwSize, uint32_t rwAlign) override {
    std::lock_guard<std::mutex> l(thePool.mu);
    // Sections are allocated one by one later; leave room for the
    // alignment of each (the totals do not say how many there are).
    size_t c = codeSize + 16 * codeAlign + 4096;
    size_t d = roSize + rwSize + 16 * (roAlign + rwAlign) + 4096;
    if (!thePool.reserve(c, d)) return;
    viewSize = thePool.size;
    cs = {thePool.rw, thePool.codeUsed, thePool.codeUsed + c};
    ds = {thePool.rw, thePool.dataUsed, thePool.dataUsed + d};
    thePool.codeUsed += c;
    thePool.dataUsed += d;
  }

  uint8_t *allocateCodeSection(uintptr_t size, unsigned align, unsigned,
                               StringRef) override {
    uint8_t *p = carve(cs, cs.chunk, size, align);
    size_t delta = viewSize;
    if (!p) { // more than reserved: from the pool, wherever it is
      std::lock_guard<std::mutex> l(thePool.mu);
      p = thePool.allocCode(size, align);
      delta = thePool.size;
    }
    if (p) code.push_back({p, (uint64_t)(uintptr_t)(p + delta), size});
    return p;
  }

  uint8_t *allocateDataSection(uintptr_t size, unsigned align, unsigned,
                               StringRef, bool) override {
    uint8_t *p = carve(ds, ds.chunk ? ds.chunk + 2 * viewSize : nullptr,
                       size, align);
    if (p) return p;
    std::lock_guard<std::mutex> l(thePool.mu);
    return thePool.allocData(size, align);
  }

  void notifyObjectLoaded(RuntimeDyld &dyld,
                          const object::ObjectFile &) override {
    for (auto &c : code) dyld.mapSectionAddress(c.rw, c.rx);
    // Give back the unused end of the slices if nothing was reserved
    // after them.
    std::lock_guard<std::mutex> l(thePool.mu);
    if (cs.chunk && thePool.rw == cs.chunk) {
      if (thePool.codeUsed == cs.end) thePool.codeUsed = cs.at;
      if (thePool.dataUsed == ds.end) thePool.dataUsed = ds.at;
    }
    cs.chunk = ds.chunk = nullptr;
  }

  // The unwinder reads the frames where the code runs from.
  void registerEHFrames(uint8_t *addr, uint64_t load, size_t size) override {
    (void)addr;
    RTDyldMemoryManager::registerEHFrames((uint8_t *)(uintptr_t)load, load,
                                          size);
  }

  bool finalizeMemory(std::string *) override {
    for (auto &c : code)
      sys::Memory::InvalidateInstructionCache((void *)(uintptr_t)c.rx, c.size);
    code.clear();
    return false;
  }
};

} // namespace

// A forked child that compiles must not write code where its parent will:
// it starts a chunk of its own.
static void forked_child(void) {
  new (&thePool.mu) std::mutex(); // only the forking thread lives on
  thePool.rw = thePool.rx = thePool.data = nullptr;
}

extern "C" LLVMOrcObjectLayerRef
terrac_create_object_layer(LLVMOrcExecutionSessionRef es, int legacy) {
  bool pooled = false;
  if (!legacy) {
    std::lock_guard<std::mutex> l(thePool.mu);
    if (!thePool.rw && !thePool.failed) {
      thePool.failed = !thePool.newChunk(0);
      if (!thePool.failed) pthread_atfork(nullptr, nullptr, forked_child);
    }
    pooled = !thePool.failed;
  }
  ExecutionSession &s = *reinterpret_cast<ExecutionSession *>(es);
  ObjectLayer *layer;
  if (pooled)
    layer = new RTDyldObjectLinkingLayer(
        s, []() -> std::unique_ptr<RuntimeDyld::MemoryManager> {
          if (private_pages) return std::make_unique<SectionMemoryManager>();
          return std::make_unique<manager>();
        });
  else
    layer = new RTDyldObjectLinkingLayer(
        s, []() { return std::make_unique<SectionMemoryManager>(); });
  return reinterpret_cast<LLVMOrcObjectLayerRef>(layer);
}

extern "C" void terrac_object_layer_private_pages(void) { private_pages = true; }
