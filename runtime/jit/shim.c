// This file implements the LLVM side of package jit: parsing, verifying and
// optimizing IR text, the ORC LLJIT, object emission and the shared stdout.
//
// It uses the LLVM 14 C API, except for what the C API cannot do, which is
// in C++ files of their own: pipelines kept across modules (pipeline.cpp)
// and the memory objects are linked into (memory.cpp). Errors are returned
// as malloc'd strings (never LLVM-owned ones) so Go frees them all the
// same way.

#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/Core.h>
#include <llvm-c/Error.h>
#include <llvm-c/ExecutionEngine.h>
#include <llvm-c/IRReader.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Object.h>
#include <llvm-c/Orc.h>
#include <llvm-c/OrcEE.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "memory.h"
#include "pipeline.h"
#include "shim.h"
#include "stats.h"
#include "tier.h"
#include "dylib.h"

// sym is a sized symbol of a compiled object: its name and size now, its
// address once symbol_at has looked it up (0 before, 1 if that failed).
typedef struct {
  char *name;
  uint64_t size, addr;
} sym;

struct terrac_jit {
  LLVMOrcLLJITRef lljit;
  // tm is used only to optimize: it carries the host CPU and features so
  // the cost model matches what the LLJIT code generator (detectHost) targets.
  LLVMTargetMachineRef tm;
  // fast_tm compiles tiny modules (tier.c) with LLVM's -O0 code generator;
  // created on first use.
  LLVMTargetMachineRef fast_tm;
  // pipe holds the optimizer and code generator pipelines, built once and
  // reused for every module (pipeline.cpp).
  terrac_pipeline *pipe;
  // syms lists every sized symbol compiled so far, for mapping a fault's pc
  // back to a function. The C API has no JIT event listener hook, so an
  // object transform reads the symbol table of each object on its way to
  // the linker; addresses come from lookups later, and only on a fault.
  sym *syms;
  size_t nsyms, capsyms;
  // objs holds copies of the compiled objects that carry DWARF line
  // information until Go takes them (debuginfo.go) to map pcs to lines.
  struct dobj {
    void *data;
    size_t len;
  } *objs;
  size_t nobjs, capobjs;
  // objlayer is the LLJIT's RuntimeDyld linking layer (made by
  // create_object_layer), kept so gdb's JIT interface can be attached to it
  // when debug information is turned on (terrac_jit_register_gdb).
  LLVMOrcObjectLayerRef objlayer;
  int gdb;
};

static char *dupf(const char *fmt, ...) {
  va_list ap;
  char *s = NULL;
  va_start(ap, fmt);
  if (vasprintf(&s, fmt, ap) < 0) s = strdup("out of memory");
  va_end(ap);
  return s;
}

// err_msg consumes e and returns its message behind prefix.
static char *err_msg(const char *prefix, LLVMErrorRef e) {
  char *m = LLVMGetErrorMessage(e);
  char *r = dupf("%s%s", prefix, m);
  LLVMDisposeErrorMessage(m);
  return r;
}

// llvm_str turns an LLVM-owned message into a malloc'd one.
static char *llvm_str(char *m) {
  char *r = strdup(m ? m : "");
  LLVMDisposeMessage(m);
  return r;
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static const char *init_err;

static void do_init(void) {
  if (LLVMInitializeNativeTarget()) init_err = "LLVM has no native target";
  else if (LLVMInitializeNativeAsmPrinter()) init_err = "LLVM has no native asm printer";
  else if (LLVMInitializeNativeAsmParser()) init_err = "LLVM has no native asm parser";
}

char *terrac_init(void) {
  pthread_once(&init_once, do_init);
  return init_err ? strdup(init_err) : NULL;
}

// Session errors (for example unresolved symbols found while linking during
// a lookup) go to the ExecutionSession's reporter, not to the failing
// lookup. The default reporter prints to stderr; we collect them so Lookup
// can return them instead.
static pthread_mutex_t reported_mu = PTHREAD_MUTEX_INITIALIZER;
static char *reported;

static void report(void *ctx, LLVMErrorRef e) {
  (void)ctx;
  char *m = LLVMGetErrorMessage(e);
  pthread_mutex_lock(&reported_mu);
  char *r = reported ? dupf("%s; %s", reported, m) : strdup(m);
  free(reported);
  reported = r;
  pthread_mutex_unlock(&reported_mu);
  LLVMDisposeErrorMessage(m);
}

static char *take_reported(void) {
  pthread_mutex_lock(&reported_mu);
  char *r = reported;
  reported = NULL;
  pthread_mutex_unlock(&reported_mu);
  return r;
}

// LLVM's default diagnostic handler prints an error found while compiling
// (an invalid inline assembly operand, say) and calls exit(1). Ours keeps
// errors so that Lookup and emission return them; warnings and remarks
// are dropped. LLVM calls the handler on the compiling thread, and the
// ahead-of-need worker (ahead.go) compiles beside the JIT's own thread,
// so each thread keeps its own.
static __thread char *diagnosed;

static void diagnose(LLVMDiagnosticInfoRef di, void *ctx) {
  (void)ctx;
  if (LLVMGetDiagInfoSeverity(di) != LLVMDSError) return;
  char *m = LLVMGetDiagInfoDescription(di);
  char *r = !diagnosed              ? strdup(m)
            : strstr(diagnosed, m) ? strdup(diagnosed) // said already
                                   : dupf("%s; %s", diagnosed, m);
  free(diagnosed);
  diagnosed = r;
  LLVMDisposeMessage(m);
}

static char *take_diagnosed(void) {
  char *r = diagnosed;
  diagnosed = NULL;
  return r;
}

static char *host_cpu(void) { return llvm_str(LLVMGetHostCPUName()); }
static char *host_features(void) { return llvm_str(LLVMGetHostCPUFeatures()); }

char *terrac_host_cpu(void) { return host_cpu(); }
char *terrac_host_features(void) { return host_features(); }

char *terrac_host_triple(void) {
  char *t = LLVMGetDefaultTargetTriple();
  char *n = LLVMNormalizeTargetTriple(t);
  LLVMDisposeMessage(t);
  return llvm_str(n);
}

// new_tm creates a target machine for triple. host selects the host CPU and
// its features (what clang's -march=native gives); otherwise generic.
static char *new_tm(const char *triple, int host, LLVMCodeGenOptLevel level,
                    LLVMRelocMode reloc, LLVMCodeModel model,
                    LLVMTargetMachineRef *out) {
  char *e = terrac_init();
  if (e) return e;
  LLVMTargetRef t;
  char *msg = NULL;
  if (LLVMGetTargetFromTriple(triple, &t, &msg)) {
    char *r = dupf("target %s: %s", triple, msg);
    LLVMDisposeMessage(msg);
    return r;
  }
  char *cpu = host ? host_cpu() : strdup("generic");
  char *feat = host ? host_features() : strdup("");
  *out = LLVMCreateTargetMachine(t, triple, cpu, feat, level, reloc, model);
  free(cpu);
  free(feat);
  return *out ? NULL : dupf("cannot create target machine for %s", triple);
}

char *terrac_host_data_layout(void) {
  char *triple = terrac_host_triple();
  LLVMTargetMachineRef tm;
  char *e = new_tm(triple, 1, LLVMCodeGenLevelDefault, LLVMRelocDefault,
                   LLVMCodeModelDefault, &tm);
  free(triple);
  if (e) {
    free(e);
    return strdup("");
  }
  LLVMTargetDataRef td = LLVMCreateTargetDataLayout(tm);
  char *r = llvm_str(LLVMCopyStringRepOfTargetData(td));
  LLVMDisposeTargetData(td);
  LLVMDisposeTargetMachine(tm);
  return r;
}

// parse reads IR text (or bitcode) named name into ctx and verifies it.
// Parse errors carry name:line:col and the offending line with a caret.
static char *parse(LLVMContextRef ctx, const char *ir, size_t len,
                   const char *name, LLVMModuleRef *out) {
  LLVMMemoryBufferRef buf =
      LLVMCreateMemoryBufferWithMemoryRangeCopy(ir ? ir : "", len, name);
  char *msg = NULL;
  // LLVMParseIRInContext takes ownership of buf.
  if (LLVMParseIRInContext(ctx, buf, out, &msg)) {
    char *r = llvm_str(msg);
    size_t n = strlen(r);
    while (n > 0 && r[n - 1] == '\n') r[--n] = 0;
    return r;
  }
  if (LLVMVerifyModule(*out, LLVMReturnStatusAction, &msg)) {
    char *r = dupf("%s: invalid module: %s", name, msg);
    LLVMDisposeMessage(msg);
    LLVMDisposeModule(*out);
    *out = NULL;
    size_t n = strlen(r);
    while (n > 0 && r[n - 1] == '\n') r[--n] = 0;
    return r;
  }
  LLVMDisposeMessage(msg);
  return NULL;
}

// fill_target gives a module without a triple or data layout the target's,
// so that optimization sees real type sizes and the JIT accepts it.
static void fill_target(LLVMModuleRef m, const char *triple, const char *dl) {
  if (!*LLVMGetTarget(m)) LLVMSetTarget(m, triple);
  if (!*LLVMGetDataLayoutStr(m)) LLVMSetDataLayout(m, dl);
}

// optimize runs the new pass manager's default<On> pipeline, configured the
// way clang configures it (vectorizers on from O2).
static char *optimize(LLVMModuleRef m, LLVMTargetMachineRef tm, int opt) {
  if (opt < 0) opt = 0;
  if (opt > 3) opt = 3;
  char passes[16];
  snprintf(passes, sizeof passes, "default<O%d>", opt);
  LLVMPassBuilderOptionsRef o = LLVMCreatePassBuilderOptions();
  LLVMPassBuilderOptionsSetLoopVectorization(o, opt >= 2);
  LLVMPassBuilderOptionsSetSLPVectorization(o, opt >= 2);
  LLVMPassBuilderOptionsSetLoopUnrolling(o, opt >= 1);
  LLVMErrorRef e = LLVMRunPasses(m, passes, tm, o);
  LLVMDisposePassBuilderOptions(o);
  return e ? err_msg("optimizing: ", e) : NULL;
}

// optimize_tiny is the pipeline for tiny modules (tier.c): promote locals
// to registers and fold, which is all -O1..-O3 find in straight-line code,
// inline (as the -O3 pipeline would), at a sixth of default<O1>'s cost.
static char *optimize_tiny(LLVMModuleRef m, LLVMTargetMachineRef tm) {
  LLVMPassBuilderOptionsRef o = LLVMCreatePassBuilderOptions();
  LLVMErrorRef e = LLVMRunPasses(
      m, "function(sroa),cgscc(inline),function(sroa,early-cse,instcombine,simplifycfg)", tm,
      o);
  LLVMDisposePassBuilderOptions(o);
  return e ? err_msg("optimizing: ", e) : NULL;
}

// has_thread_locals reports whether m defines or uses a thread-local
// global: those need the JIT code generator's emulated TLS, which a target
// machine made through the C API cannot be asked for.
static int has_thread_locals(LLVMModuleRef m) {
  for (LLVMValueRef g = LLVMGetFirstGlobal(m); g; g = LLVMGetNextGlobal(g))
    if (LLVMIsThreadLocal(g)) return 1;
  return 0;
}

// use_legacy is set by TERRAC_JIT_LEGACY=1: build the pipelines through
// the C API for every module and link each object into memory of its own,
// as before pipeline.cpp and memory.cpp (to compare; docs/jit.md).
static int use_legacy(void) {
  static int v = -1;
  if (v < 0) {
    const char *s = getenv("TERRAC_JIT_LEGACY");
    v = s && strcmp(s, "1") == 0;
  }
  return v;
}

// jit_optimize runs the JIT's IR pipeline for m: the short one for a tiny
// module (tier.c), else clang's -O<opt>.
static char *jit_optimize(terrac_jit *t, LLVMModuleRef m, int tiny, int opt) {
  int fast = opt & TERRAC_OPT_FAST_START;
  opt &= ~TERRAC_OPT_FAST_START;
  if (opt < 0) opt = 0;
  if (opt > 3) opt = 3;
  if (use_legacy()) return tiny && opt > 0 ? optimize_tiny(m, t->tm) : optimize(m, t->tm, opt);
  int which = !tiny || opt == 0 ? opt : fast ? TERRAC_PIPE_FAST : TERRAC_PIPE_TINY;
  return terrac_pipeline_optimize(t->pipe, m, which);
}

// jit_tiny reports whether m takes the cheap path (tier.c): a tiny module,
// or in fast-start mode any module without thread-locals.
static int jit_tiny(LLVMModuleRef m, int opt) {
  if (opt & TERRAC_OPT_FAST_START) return !has_thread_locals(m);
  return terrac_tiny_module(m);
}

// jit_codegen compiles m to an object with tm, or returns NULL if that
// failed or LLVM diagnosed an error (the JIT's own code generator will
// then say why, on lookup).
static LLVMMemoryBufferRef jit_codegen(terrac_jit *t, LLVMModuleRef m,
                                       LLVMTargetMachineRef tm) {
  free(take_diagnosed());
  LLVMMemoryBufferRef buf = NULL;
  if (use_legacy()) {
    char *msg = NULL;
    int token = terrac_codegen_begin(m);
    if (LLVMTargetMachineEmitToMemoryBuffer(tm, m, LLVMObjectFile, &msg, &buf)) {
      LLVMDisposeMessage(msg);
      buf = NULL;
    }
    terrac_codegen_end(token);
  } else {
    buf = terrac_pipeline_codegen(t->pipe, m, tm);
  }
  char *d = take_diagnosed();
  if (d && buf) {
    LLVMDisposeMemoryBuffer(buf);
    buf = NULL;
  }
  free(d);
  return buf;
}

char *terrac_verify(const char *ir, size_t len, const char *name) {
  char *e = terrac_init();
  if (e) return e;
  LLVMContextRef ctx = LLVMContextCreate();
  LLVMModuleRef m;
  e = parse(ctx, ir, len, name, &m);
  if (!e) LLVMDisposeModule(m);
  LLVMContextDispose(ctx);
  return e;
}

// keep_debug_object copies obj into t->objs if it has a .debug_line
// section. A copy, because the linker relocates the original in place.
static void keep_debug_object(terrac_jit *t, LLVMBinaryRef bin,
                              LLVMMemoryBufferRef obj) {
  int has = 0;
  LLVMSectionIteratorRef it = LLVMObjectFileCopySectionIterator(bin);
  for (; !LLVMObjectFileIsSectionIteratorAtEnd(bin, it);
       LLVMMoveToNextSection(it)) {
    const char *n = LLVMGetSectionName(it);
    if (n && strcmp(n, ".debug_line") == 0) {
      has = 1;
      break;
    }
  }
  LLVMDisposeSectionIterator(it);
  if (!has) return;
  if (t->nobjs == t->capobjs) {
    t->capobjs = t->capobjs ? 2 * t->capobjs : 16;
    t->objs = realloc(t->objs, t->capobjs * sizeof *t->objs);
  }
  size_t n = LLVMGetBufferSize(obj);
  void *p = malloc(n ? n : 1);
  memcpy(p, LLVMGetBufferStart(obj), n);
  t->objs[t->nobjs++] = (struct dobj){p, n};
}

int terrac_jit_take_object(terrac_jit *t, void **data, size_t *len) {
  if (t->nobjs == 0) return 0;
  *data = t->objs[0].data;
  *len = t->objs[0].len;
  memmove(t->objs, t->objs + 1, --t->nobjs * sizeof *t->objs);
  return 1;
}

static LLVMErrorRef record_symbols(void *ctx, LLVMMemoryBufferRef *obj) {
  terrac_jit *t = ctx;
  char *msg = NULL;
  LLVMBinaryRef bin = LLVMCreateBinary(*obj, NULL, &msg);
  if (!bin) {
    LLVMDisposeMessage(msg); // not fatal: the linker will say what is wrong
    return NULL;
  }
  LLVMSymbolIteratorRef it = LLVMObjectFileCopySymbolIterator(bin);
  for (; !LLVMObjectFileIsSymbolIteratorAtEnd(bin, it); LLVMMoveToNextSymbol(it)) {
    const char *name = LLVMGetSymbolName(it);
    uint64_t size = LLVMGetSymbolSize(it);
    if (!name || !*name || size == 0 || name[0] == '.') continue;
    if (t->nsyms == t->capsyms) {
      t->capsyms = t->capsyms ? 2 * t->capsyms : 256;
      t->syms = realloc(t->syms, t->capsyms * sizeof *t->syms);
    }
    t->syms[t->nsyms++] = (sym){strdup(name), size, 0};
  }
  LLVMDisposeSymbolIterator(it);
  keep_debug_object(t, bin, *obj);
  LLVMDisposeBinary(bin);
  return NULL;
}

int terrac_jit_symbol_at(terrac_jit *t, uint64_t pc, const char **name,
                         uint64_t *start, uint64_t *size) {
  for (size_t i = 0; i < t->nsyms; i++) {
    sym *s = &t->syms[i];
    if (s->addr == 0) {
      uint64_t a = 0;
      LLVMErrorRef err = LLVMOrcLLJITLookup(t->lljit, &a, s->name);
      if (err) LLVMConsumeError(err);
      s->addr = err || a == 0 ? 1 : a;
    }
    if (s->addr > 1 && pc >= s->addr && pc - s->addr < s->size) {
      *name = s->name;
      *start = s->addr;
      if (size) *size = s->size;
      return 1;
    }
  }
  free(take_reported());
  return 0;
}

// create_object_layer builds the same linking layer LLJIT makes by default
// on ELF hosts (RuntimeDyld, a SectionMemoryManager per object), but keeps
// a handle to it: the C API has no other way to reach the layer to register
// a JIT event listener on it.
static LLVMOrcObjectLayerRef create_object_layer(void *ctx,
                                                 LLVMOrcExecutionSessionRef es,
                                                 const char *triple) {
  (void)triple;
  terrac_jit *t = ctx;
  t->objlayer = terrac_create_object_layer(es, use_legacy());
  return t->objlayer;
}

void terrac_jit_register_gdb(terrac_jit *t) {
  if (t->gdb || !t->objlayer) return;
  t->gdb = 1;
  terrac_object_layer_private_pages();
  LLVMOrcRTDyldObjectLinkingLayerRegisterJITEventListener(
      t->objlayer, LLVMCreateGDBRegistrationListener());
}

char *terrac_jit_create(terrac_jit **out) {
  char *e = terrac_init();
  if (e) return e;
  terrac_jit *t = calloc(1, sizeof *t);
  LLVMOrcLLJITRef j;
  // A null builder means a default LLJITBuilder: host target via
  // JITTargetMachineBuilder::detectHost (host CPU and features, clang's
  // -march=native), in-place materialization on the thread that looks a
  // symbol up. Its code generator runs at the default (-O2) level: the C API
  // cannot set the level on that builder, and a builder made from our own
  // target machine would lose the emulated TLS the JIT needs for thread
  // locals. The IR pipeline, where clang's -O3 differs from -O2, is ours.
  // The builder only replaces the object linking layer (see
  // create_object_layer); its target machine builder stays the default.
  LLVMOrcLLJITBuilderRef b = LLVMOrcCreateLLJITBuilder();
  LLVMOrcLLJITBuilderSetObjectLinkingLayerCreator(b, create_object_layer, t);
  LLVMErrorRef err = LLVMOrcCreateLLJIT(&j, b);
  if (err) {
    free(t);
    return err_msg("creating LLJIT: ", err);
  }
  LLVMOrcExecutionSessionSetErrorReporter(LLVMOrcLLJITGetExecutionSession(j),
                                          report, NULL);

  LLVMOrcDefinitionGeneratorRef gen;
  err = LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(
      &gen, LLVMOrcLLJITGetGlobalPrefix(j), NULL, NULL);
  if (err) {
    LLVMOrcDisposeLLJIT(j);
    free(t);
    return err_msg("process symbol generator: ", err);
  }
  LLVMOrcJITDylibAddGenerator(LLVMOrcLLJITGetMainJITDylib(j), gen);

  LLVMTargetMachineRef tm;
  e = new_tm(LLVMOrcLLJITGetTripleString(j), 1, LLVMCodeGenLevelDefault,
             LLVMRelocDefault, LLVMCodeModelJITDefault, &tm);
  if (e) {
    LLVMOrcDisposeLLJIT(j);
    free(t);
    return e;
  }
  t->lljit = j;
  t->tm = tm;
  t->pipe = terrac_pipeline_new(tm);
  LLVMOrcObjectTransformLayerSetTransform(LLVMOrcLLJITGetObjTransformLayer(j),
                                          record_symbols, t);
  *out = t;
  return NULL;
}

// terrac_jit_worker makes a compiler for another thread: a terrac_jit
// that only compiles objects (terrac_jit_compile_object), with target
// machines and pipelines of its own (neither is safe to share between
// threads) set up exactly as t's, so its objects are the ones t would
// make. It borrows t's LLJIT for the triple and data layout only.
char *terrac_jit_worker(terrac_jit *t, terrac_jit **out) {
  terrac_stats_enabled(); // read the switch here, before two threads can
  terrac_jit *w = calloc(1, sizeof *w);
  char *e = new_tm(terrac_jit_triple(t), 1, LLVMCodeGenLevelDefault,
                   LLVMRelocDefault, LLVMCodeModelJITDefault, &w->tm);
  if (e) {
    free(w);
    return e;
  }
  w->lljit = t->lljit;
  w->pipe = terrac_pipeline_new(w->tm);
  *out = w;
  return NULL;
}

const char *terrac_jit_triple(terrac_jit *t) {
  return LLVMOrcLLJITGetTripleString(t->lljit);
}

const char *terrac_jit_data_layout(terrac_jit *t) {
  return LLVMOrcLLJITGetDataLayoutStr(t->lljit);
}

// emit_fast compiles a tiny module to an object with the -O0 code
// generator, or returns NULL if that failed or LLVM diagnosed an error.
static LLVMMemoryBufferRef emit_fast(terrac_jit *t, LLVMModuleRef m) {
  if (!t->fast_tm) {
    char *e = new_tm(terrac_jit_triple(t), 1, LLVMCodeGenLevelNone,
                     LLVMRelocDefault, LLVMCodeModelJITDefault, &t->fast_tm);
    if (e) {
      free(e);
      t->fast_tm = NULL;
      return NULL;
    }
  }
  return jit_codegen(t, m, t->fast_tm);
}

char *terrac_jit_add_ir(terrac_jit *t, const char *ir, size_t len,
                        const char *name, int opt) {
  // Each module gets its own context, freed with the module once it has
  // been compiled; a shared context would only grow.
  double t0 = terrac_stats_now();
  LLVMOrcThreadSafeContextRef tsc = LLVMOrcCreateNewThreadSafeContext();
  LLVMContextRef ctx = LLVMOrcThreadSafeContextGetContext(tsc);
  LLVMContextSetDiagnosticHandler(ctx, diagnose, NULL);
  LLVMModuleRef m;
  char *e = parse(ctx, ir, len, name, &m);
  terrac_stats_add(TERRAC_STAGE_PARSE, t0);
  int tiny = 0;
  if (!e) {
    fill_target(m, terrac_jit_triple(t), terrac_jit_data_layout(t));
    tiny = jit_tiny(m, opt);
    t0 = terrac_stats_now();
    e = jit_optimize(t, m, tiny, opt);
    terrac_stats_add(TERRAC_STAGE_OPTIMIZE, t0);
    if (e) LLVMDisposeModule(m);
  }
  if (e) {
    LLVMOrcDisposeThreadSafeContext(tsc);
    return e;
  }
  if (tiny || ((opt & ~TERRAC_OPT_FAST_START) <= 0 && !has_thread_locals(m))) {
    // -O0: see terrac_jit_compile_object
    t0 = terrac_stats_now();
    LLVMMemoryBufferRef obj = emit_fast(t, m);
    terrac_stats_add(TERRAC_STAGE_CODEGEN, t0);
    if (obj) {
      LLVMDisposeModule(m);
      LLVMOrcDisposeThreadSafeContext(tsc);
      t0 = terrac_stats_now();
      // Takes ownership of obj.
      LLVMErrorRef err = terrac_add_object(t, obj);
      terrac_stats_add(TERRAC_STAGE_ADD, t0);
      return err ? err_msg("", err) : NULL;
    }
    // Not compiled here: the JIT's own code generator will say why, on
    // lookup, as for any module.
  }
  t0 = terrac_stats_now();
  LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(m, tsc);
  LLVMOrcDisposeThreadSafeContext(tsc); // tsm keeps it alive
  LLVMErrorRef err = terrac_add_module(t, tsm);
  terrac_stats_add(TERRAC_STAGE_ADD, t0);
  return err ? err_msg("", err) : NULL;
}

// add_object copies an object file into an LLVM buffer and hands it to the
// JIT's object layer, as if the JIT had compiled it.
static char *add_object(terrac_jit *t, const void *obj, size_t len) {
  LLVMMemoryBufferRef buf =
      LLVMCreateMemoryBufferWithMemoryRangeCopy(obj, len, "terrac-object");
  // Takes ownership of buf.
  LLVMErrorRef err = terrac_add_object(t, buf);
  return err ? err_msg("", err) : NULL;
}

char *terrac_jit_add_object(terrac_jit *t, const void *obj, size_t len,
                            int cached) {
  double t0 = terrac_stats_now();
  char *e = add_object(t, obj, len);
  terrac_stats_add(cached ? TERRAC_STAGE_CACHED : TERRAC_STAGE_ADD, t0);
  return e;
}

char *terrac_jit_compile_object(terrac_jit *t, const char *ir, size_t len,
                                const char *name, int opt, void **obj,
                                size_t *objlen, int *cheap) {
  *obj = NULL;
  *objlen = 0;
  *cheap = 0;
  double t0 = terrac_stats_now();
  LLVMContextRef ctx = LLVMContextCreate();
  LLVMContextSetDiagnosticHandler(ctx, diagnose, NULL);
  LLVMModuleRef m;
  char *e = parse(ctx, ir, len, name, &m);
  terrac_stats_add(TERRAC_STAGE_PARSE, t0);
  if (e) {
    LLVMContextDispose(ctx);
    return e;
  }
  fill_target(m, terrac_jit_triple(t), terrac_jit_data_layout(t));
  if (has_thread_locals(m)) {
    // Not compiled here: the caller adds the IR the ordinary way.
    LLVMDisposeModule(m);
    LLVMContextDispose(ctx);
    return NULL;
  }
  int tiny = jit_tiny(m, opt);
  t0 = terrac_stats_now();
  e = jit_optimize(t, m, tiny, opt);
  terrac_stats_add(TERRAC_STAGE_OPTIMIZE, t0);
  LLVMMemoryBufferRef buf = NULL;
  if (!e) {
    t0 = terrac_stats_now();
    // At -O0 the code generator runs at its -O0 level too, as clang -O0's
    // does: the default level's scheduler is quadratic in a block's length
    // (a 5,000-line function took 31 s).
    if (tiny || (opt & ~TERRAC_OPT_FAST_START) <= 0) {
      buf = emit_fast(t, m);
      terrac_stats_add(TERRAC_STAGE_CODEGEN, t0);
    } else {
      // t->tm is the host target at the JIT code generator's level,
      // relocation model and code model: the object is what the JIT
      // would have made on lookup.
      buf = jit_codegen(t, m, t->tm);
      terrac_stats_add(TERRAC_STAGE_CODEGEN_FULL, t0);
    }
  }
  LLVMDisposeModule(m);
  LLVMContextDispose(ctx);
  if (e || !buf) return e; // !buf: the caller adds the IR, whose lookup says why
  *cheap = tiny;
  *objlen = LLVMGetBufferSize(buf);
  *obj = malloc(*objlen ? *objlen : 1);
  memcpy(*obj, LLVMGetBufferStart(buf), *objlen);
  LLVMDisposeMemoryBuffer(buf);
  return NULL;
}

char *terrac_jit_compile_ir(terrac_jit *t, const char *ir, size_t len,
                            const char *name, int opt, void **obj,
                            size_t *objlen) {
  int cheap;
  char *e = terrac_jit_compile_object(t, ir, len, name, opt, obj, objlen, &cheap);
  if (e || !*obj) return e;
  double t0 = terrac_stats_now();
  e = add_object(t, *obj, *objlen);
  terrac_stats_add(TERRAC_STAGE_ADD, t0);
  if (e) {
    free(*obj);
    *obj = NULL;
    *objlen = 0;
  }
  return e;
}

char *terrac_jit_lookup(terrac_jit *t, const char *name, uint64_t *addr) {
  free(take_reported());
  free(take_diagnosed());
  double t0 = terrac_stats_now();
  LLVMErrorRef err = LLVMOrcLLJITLookup(t->lljit, addr, name);
  terrac_stats_add(TERRAC_STAGE_MATERIALIZE, t0);
  char *rep = take_reported();
  char *diag = take_diagnosed();
  if (!err && diag) {
    // Compiled, but LLVM reported an error: the code is not usable.
    free(rep);
    *addr = 0;
    return diag;
  }
  free(diag);
  if (!err) {
    free(rep);
    return NULL;
  }
  char *m = LLVMGetErrorMessage(err);
  // The reporter's message says why (e.g. "Symbols not found: [ foo ]");
  // the lookup error only says which module failed to materialize.
  char *r = rep ? dupf("%s (%s)", rep, m) : strdup(m);
  LLVMDisposeErrorMessage(m);
  free(rep);
  return r;
}

char *terrac_jit_define_absolute(terrac_jit *t, const char *name,
                                 uint64_t addr) {
  LLVMJITCSymbolMapPair pair = {
      .Name = LLVMOrcLLJITMangleAndIntern(t->lljit, name),
      .Sym = {.Address = addr,
              .Flags = {.GenericFlags = LLVMJITSymbolGenericFlagsExported |
                                        LLVMJITSymbolGenericFlagsCallable}},
  };
  // LLVMOrcAbsoluteSymbols takes over the reference on pair.Name.
  LLVMOrcMaterializationUnitRef mu = LLVMOrcAbsoluteSymbols(&pair, 1);
  LLVMErrorRef err =
      LLVMOrcJITDylibDefine(LLVMOrcLLJITGetMainJITDylib(t->lljit), mu);
  if (err) {
    LLVMOrcDisposeMaterializationUnit(mu);
    return err_msg("", err);
  }
  return NULL;
}

char *terrac_load_library(const char *path) {
  // RTLD_GLOBAL puts the library's symbols in the global scope, which the
  // process search generator (dlsym on the program handle) searches.
  if (dlopen(path, RTLD_NOW | RTLD_GLOBAL)) return NULL;
  const char *m = dlerror();
  if (m && strstr(m, path)) return strdup(m); // already names the file
  return dupf("cannot load library %s: %s", path, m ? m : "unknown error");
}

char *terrac_emit(const char *ir, size_t len, const char *name, int opt,
                  int assembly, void **out, size_t *outlen) {
  char *e = terrac_init();
  if (e) return e;
  LLVMContextRef ctx = LLVMContextCreate();
  LLVMContextSetDiagnosticHandler(ctx, diagnose, NULL);
  free(take_diagnosed());
  LLVMModuleRef m;
  e = parse(ctx, ir, len, name, &m);
  if (e) {
    LLVMContextDispose(ctx);
    return e;
  }
  char *host = terrac_host_triple();
  const char *mt = LLVMGetTarget(m);
  char *triple = *mt ? strdup(mt) : strdup(host);
  static const LLVMCodeGenOptLevel levels[] = {
      LLVMCodeGenLevelNone, LLVMCodeGenLevelLess, LLVMCodeGenLevelDefault,
      LLVMCodeGenLevelAggressive};
  int lv = opt < 0 ? 0 : opt > 3 ? 3 : opt;
  LLVMTargetMachineRef tm = NULL;
  // Position-independent code links into both PIE executables and shared
  // libraries. The host CPU is used only when compiling for the host.
  e = new_tm(triple, strcmp(triple, host) == 0, levels[lv], LLVMRelocPIC,
             LLVMCodeModelDefault, &tm);
  free(host);
  if (!e) {
    LLVMTargetDataRef td = LLVMCreateTargetDataLayout(tm);
    char *dl = LLVMCopyStringRepOfTargetData(td);
    fill_target(m, triple, dl);
    LLVMDisposeMessage(dl);
    LLVMDisposeTargetData(td);
    e = optimize(m, tm, opt);
  }
  if (!e) {
    char *msg = NULL;
    LLVMMemoryBufferRef buf;
    int token = terrac_codegen_begin(m);
    LLVMBool failed = LLVMTargetMachineEmitToMemoryBuffer(
        tm, m, assembly ? LLVMAssemblyFile : LLVMObjectFile, &msg, &buf);
    terrac_codegen_end(token);
    if (failed) {
      e = dupf("emitting %s: %s", name, msg);
      LLVMDisposeMessage(msg);
    } else if ((e = take_diagnosed())) {
      LLVMDisposeMemoryBuffer(buf);
    } else {
      *outlen = LLVMGetBufferSize(buf);
      *out = malloc(*outlen ? *outlen : 1);
      memcpy(*out, LLVMGetBufferStart(buf), *outlen);
      LLVMDisposeMemoryBuffer(buf);
    }
  }
  if (tm) LLVMDisposeTargetMachine(tm);
  free(triple);
  LLVMDisposeModule(m);
  LLVMContextDispose(ctx);
  return e;
}

// One stdout: Lua's print/io.write and C's printf share C's FILE buffer, so
// their output interleaves in program order even when stdout is a pipe.
void terrac_stdout_write(const char *p, size_t n) { fwrite(p, 1, n, stdout); }

void terrac_stdout_flush(void) { fflush(stdout); }

// The two functions below serve resource trackers (dylib.c), which need
// the LLJIT and the symbol list.

LLVMOrcLLJITRef terrac_jit_lljit(terrac_jit *t) { return t->lljit; }

void terrac_jit_forget_symbols(terrac_jit *t) {
  size_t n = 0;
  for (size_t i = 0; i < t->nsyms; i++) {
    sym s = t->syms[i];
    uint64_t a = 0;
    LLVMErrorRef err = LLVMOrcLLJITLookup(t->lljit, &a, s.name);
    if (err) LLVMConsumeError(err);
    if (err || a == 0) {
      free(s.name);
      continue;
    }
    s.addr = a;
    t->syms[n++] = s;
  }
  t->nsyms = n;
  free(take_reported());
}
