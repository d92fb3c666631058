// shim.h declares the small C layer between package jit and the LLVM 14 C API.
//
// Every function that can fail returns NULL on success or a malloc'd message
// that the caller frees with free(). LLVM objects never cross into Go except
// as opaque handles.
#ifndef TERRAC_JIT_SHIM_H
#define TERRAC_JIT_SHIM_H

#include <stddef.h>
#include <stdint.h>

// terrac_init initializes the native target, asm printer and asm parser once.
char *terrac_init(void);

// JIT lifetime and contents. All calls for one JIT must be serialized by the
// caller (the Go side holds a mutex).
typedef struct terrac_jit terrac_jit;
// An opt argument is an optimization level 0..3, possibly or'ed with
// TERRAC_OPT_FAST_START: every module (not only tiny ones) then takes the
// cheap path of tier.c, short IR pipeline and -O0 code generator.
enum { TERRAC_OPT_FAST_START = 16 };
char *terrac_jit_create(terrac_jit **out);
char *terrac_jit_add_ir(terrac_jit *j, const char *ir, size_t len,
                        const char *name, int opt);
char *terrac_jit_lookup(terrac_jit *j, const char *name, uint64_t *addr);
// terrac_jit_compile_ir does what terrac_jit_add_ir and a later lookup do
// (parse, verify, optimize, generate code) at once and adds the object to
// the JIT; *obj receives a malloc'd copy of it, for a cache. A module this
// path cannot compile (thread-locals, a code generator error) yields no
// error and *obj == NULL, with nothing added: add it with
// terrac_jit_add_ir.
char *terrac_jit_compile_ir(terrac_jit *j, const char *ir, size_t len,
                            const char *name, int opt, void **obj,
                            size_t *objlen);
// terrac_jit_compile_object is terrac_jit_compile_ir without adding the
// object to the JIT; *cheap tells whether it took the cheap path (tier.c).
char *terrac_jit_compile_object(terrac_jit *j, const char *ir, size_t len,
                                const char *name, int opt, void **obj,
                                size_t *objlen, int *cheap);
// terrac_jit_add_object adds an object made by terrac_jit_compile_ir
// (possibly in another process) to the JIT; cached says whether it came
// from the object cache (TERRAC_JIT_STATS counts it as a cache load).
char *terrac_jit_add_object(terrac_jit *j, const void *obj, size_t len,
                            int cached);
// terrac_jit_worker makes a compiler of objects for another thread (shim.c).
char *terrac_jit_worker(terrac_jit *j, terrac_jit **out);
char *terrac_jit_define_absolute(terrac_jit *j, const char *name,
                                 uint64_t addr);
// terrac_jit_symbol_at finds the compiled symbol containing pc. Returns 0
// if there is none; *name stays valid for the JIT's lifetime. size may be
// NULL.
int terrac_jit_symbol_at(terrac_jit *j, uint64_t pc, const char **name,
                         uint64_t *start, uint64_t *size);
// terrac_jit_take_object hands over the oldest compiled object that carries
// DWARF line information (malloc'd; the caller frees it). Returns 0 if none
// is left.
int terrac_jit_take_object(terrac_jit *j, void **data, size_t *len);
// terrac_jit_register_gdb makes every object linked from now on known to
// gdb's JIT interface (once; later calls do nothing).
void terrac_jit_register_gdb(terrac_jit *j);
const char *terrac_jit_triple(terrac_jit *j);
const char *terrac_jit_data_layout(terrac_jit *j);

// Process-wide helpers that need no JIT.
char *terrac_load_library(const char *path);
char *terrac_verify(const char *ir, size_t len, const char *name);

// terrac_immargs sets out[i] to 1 for each of the first n parameters of
// function fn in module ir that LLVM requires to be an immediate.
char *terrac_immargs(const char *ir, size_t len, const char *fn,
                     unsigned char *out, unsigned n);
char *terrac_emit(const char *ir, size_t len, const char *name, int opt,
                  int assembly, void **out, size_t *outlen);
// terrac_emit_target compiles IR for triple/cpu/features (empty strings
// mean the host's) into one of the TERRAC_EMIT_* kinds (target.c), after
// linking in nextra modules of C code (IR texts back to back in extra,
// of lengths extralens).
enum {
  TERRAC_EMIT_OBJECT = 0,
  TERRAC_EMIT_ASM = 1,
  TERRAC_EMIT_BITCODE = 2,
  TERRAC_EMIT_IR = 3
};
char *terrac_emit_target(const char *ir, size_t len, const char *name,
                         const char *triple, const char *cpu,
                         const char *features, int opt, int kind,
                         const char *extra, const size_t *extralens,
                         int nextra, void **out, size_t *outlen);
char *terrac_host_triple(void);
char *terrac_host_data_layout(void);
char *terrac_host_cpu(void);
char *terrac_host_features(void);

// One stdout for Lua and C: both go through C's stdout FILE buffer.
void terrac_stdout_write(const char *p, size_t n);
void terrac_stdout_flush(void);

// terrac_fault describes how a native call ended. status is 0 for a normal
// return, a signal number for a fault, or TERRAC_CALLBACK_PANIC when a Go
// callback panicked and the native frames were unwound.
enum { TERRAC_CALLBACK_PANIC = -1 };
typedef struct {
  int status;
  int code;        // si_code
  uintptr_t addr;  // si_addr: faulting data address
  uintptr_t pc;    // program counter at the fault, 0 if unknown
  uintptr_t panic; // cgo.Handle of the recovered panic value
  // frames holds nframes return addresses found by following the frame
  // pointer chain from the fault (malloc'd, or NULL; the caller frees it).
  uintptr_t *frames;
  int nframes;
} terrac_fault;

// terrac_install_handlers installs the fault handlers (once). Returns 0 or
// errno.
int terrac_install_handlers(void);

// terrac_call calls wrapper(args, ret) and reports how it ended instead of
// crashing. The result is returned by value so Go need not pass a pointer
// (which would make it escape to the heap on every call).
terrac_fault terrac_call(uintptr_t wrapper, uintptr_t args, uintptr_t ret);

// terrac_callback is the one native -> Go entry. JIT code declares it as
//   declare void @terrac_callback(i64, i8*, i8*)
void terrac_callback(int64_t id, void *args, void *ret);

// terrac_traceback reports the native frames above it to the Go traceback
// handler (SetTracebackHandler). JIT code declares it as
//   declare void @terrac_traceback(i8*)
void terrac_traceback(void *ctx);

// terrac_lookupsymbol and terrac_lookupline are terralib.lookupsymbol and
// terralib.lookupline as JIT code sees them (the structs are terralib's
// SymbolInfo and LineInfo):
//   declare i1 @terrac_lookupsymbol(i8* ip, SymbolInfo* out)
//   declare i1 @terrac_lookupline(i8* fnaddr, i8* ip, LineInfo* out)
_Bool terrac_lookupsymbol(void *ip, void *out);
_Bool terrac_lookupline(void *fnaddr, void *ip, void *out);

#endif
