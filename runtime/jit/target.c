// This file implements ahead-of-time output for any target LLVM was built
// with: objects, assembly, bitcode and (optimized) IR text for a given
// triple, CPU and feature string.
//
// It keeps its own small helpers rather than sharing shim.c's statics so
// the two files can change independently.

#define _GNU_SOURCE
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/BitWriter.h>
#include <llvm-c/Core.h>
#include <llvm-c/IRReader.h>
#include <llvm-c/Linker.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "pipeline.h"
#include "shim.h"

static char *tdupf(const char *fmt, ...) {
  va_list ap;
  char *s = NULL;
  va_start(ap, fmt);
  if (vasprintf(&s, fmt, ap) < 0) s = strdup("out of memory");
  va_end(ap);
  return s;
}

static char *tstr(char *m) {
  char *r = strdup(m ? m : "");
  LLVMDisposeMessage(m);
  return r;
}

static pthread_once_t all_once = PTHREAD_ONCE_INIT;

// Cross targets are registered only when first asked for: the JIT needs
// just the native one, and registering every target costs start-up time.
static void init_all(void) {
  LLVMInitializeAllTargetInfos();
  LLVMInitializeAllTargets();
  LLVMInitializeAllTargetMCs();
  LLVMInitializeAllAsmPrinters();
}

static char *strip_nl(char *r) {
  size_t n = strlen(r);
  while (n > 0 && r[n - 1] == '\n') r[--n] = 0;
  return r;
}

static char *tparse(LLVMContextRef ctx, const char *ir, size_t len,
                    const char *name, LLVMModuleRef *out) {
  LLVMMemoryBufferRef buf =
      LLVMCreateMemoryBufferWithMemoryRangeCopy(ir ? ir : "", len, name);
  char *msg = NULL;
  if (LLVMParseIRInContext(ctx, buf, out, &msg)) return strip_nl(tstr(msg));
  if (LLVMVerifyModule(*out, LLVMReturnStatusAction, &msg)) {
    char *r = tdupf("%s: invalid module: %s", name, msg);
    LLVMDisposeMessage(msg);
    LLVMDisposeModule(*out);
    *out = NULL;
    return strip_nl(r);
  }
  LLVMDisposeMessage(msg);
  return NULL;
}

// link_c links the C modules (nextra of them, back to back in extra) into
// m. Their functions that neither m nor another C module uses become
// internal first, so the optimizer drops them (a saved file carries only
// the C code it calls) and they cannot clash with m's own definitions,
// which win over C functions of the same name.
static int declared_in(LLVMModuleRef mod, const char *nm) {
  LLVMValueRef f = LLVMGetNamedFunction(mod, nm);
  return f && LLVMIsDeclaration(f);
}

static char *link_c(LLVMContextRef ctx, LLVMModuleRef m, const char *extra,
                    const size_t *extralens, int nextra) {
  LLVMModuleRef *cms = calloc(nextra, sizeof *cms);
  char *e = NULL;
  for (int i = 0; i < nextra && !e; i++) {
    e = tparse(ctx, extra, extralens[i], "c-module", &cms[i]);
    extra += extralens[i];
  }
  for (int i = 0; i < nextra && !e; i++) {
    for (LLVMValueRef f = LLVMGetFirstFunction(cms[i]); f;
         f = LLVMGetNextFunction(f)) {
      if (LLVMIsDeclaration(f)) continue;
      size_t n;
      const char *nm = LLVMGetValueName2(f, &n);
      LLVMValueRef own = LLVMGetNamedFunction(m, nm);
      int used = own && LLVMIsDeclaration(own);
      for (int j = 0; j < nextra && !used && !own; j++)
        used = j != i && declared_in(cms[j], nm);
      if (!used) LLVMSetLinkage(f, LLVMInternalLinkage);
    }
  }
  for (int i = 0; i < nextra; i++) {
    if (!cms[i]) continue;
    if (e)
      LLVMDisposeModule(cms[i]);
    else if (LLVMLinkModules2(m, cms[i]))
      e = tdupf("linking C code failed");
  }
  free(cms);
  return e;
}

char *terrac_emit_target(const char *ir, size_t len, const char *name,
                         const char *triple, const char *cpu,
                         const char *features, int opt, int kind,
                         const char *extra, const size_t *extralens,
                         int nextra, void **out, size_t *outlen) {
  char *e = terrac_init();
  if (e) return e;
  pthread_once(&all_once, init_all);
  char *host = terrac_host_triple();
  int is_host = !*triple || strcmp(triple, host) == 0;
  char *tr = strdup(*triple ? triple : host);
  free(host);
  LLVMTargetRef t;
  char *msg = NULL;
  if (LLVMGetTargetFromTriple(tr, &t, &msg)) {
    e = tdupf("target %s: %s", tr, msg);
    LLVMDisposeMessage(msg);
    free(tr);
    return e;
  }
  // An empty CPU means the host's when compiling for the host (what
  // clang's -march=native gives), else the target's generic CPU.
  char *c = *cpu ? strdup(cpu) : is_host ? terrac_host_cpu() : strdup("generic");
  char *f = *cpu || *features || !is_host ? strdup(features) : terrac_host_features();
  static const LLVMCodeGenOptLevel levels[] = {
      LLVMCodeGenLevelNone, LLVMCodeGenLevelLess, LLVMCodeGenLevelDefault,
      LLVMCodeGenLevelAggressive};
  int lv = opt < 0 ? 0 : opt > 3 ? 3 : opt;
  // Position-independent code links into both PIE executables and shared
  // libraries.
  LLVMTargetMachineRef tm = LLVMCreateTargetMachine(
      t, tr, c, f, levels[lv], LLVMRelocPIC, LLVMCodeModelDefault);
  free(c);
  free(f);
  if (!tm) {
    e = tdupf("cannot create target machine for %s", tr);
    free(tr);
    return e;
  }
  LLVMContextRef ctx = LLVMContextCreate();
  LLVMModuleRef m = NULL;
  e = tparse(ctx, ir, len, name, &m);
  if (!e && nextra > 0) e = link_c(ctx, m, extra, extralens, nextra);
  if (!e) {
    // The module's own triple and layout are replaced: the target given
    // here wins, and its layout must match the code generator's.
    LLVMSetTarget(m, tr);
    LLVMTargetDataRef td = LLVMCreateTargetDataLayout(tm);
    char *dl = LLVMCopyStringRepOfTargetData(td);
    LLVMSetDataLayout(m, dl);
    LLVMDisposeMessage(dl);
    LLVMDisposeTargetData(td);
    char passes[16];
    snprintf(passes, sizeof passes, "default<O%d>", lv);
    LLVMPassBuilderOptionsRef o = LLVMCreatePassBuilderOptions();
    LLVMPassBuilderOptionsSetLoopVectorization(o, lv >= 2);
    LLVMPassBuilderOptionsSetSLPVectorization(o, lv >= 2);
    LLVMPassBuilderOptionsSetLoopUnrolling(o, lv >= 1);
    LLVMErrorRef pe = LLVMRunPasses(m, passes, tm, o);
    LLVMDisposePassBuilderOptions(o);
    if (pe) {
      char *pm = LLVMGetErrorMessage(pe);
      e = tdupf("optimizing: %s", pm);
      LLVMDisposeErrorMessage(pm);
    }
  }
  if (!e) {
    LLVMMemoryBufferRef buf = NULL;
    char *text = NULL;
    switch (kind) {
    case TERRAC_EMIT_OBJECT:
    case TERRAC_EMIT_ASM: {
      int token = terrac_codegen_begin(m);
      LLVMBool failed = LLVMTargetMachineEmitToMemoryBuffer(
          tm, m, kind == TERRAC_EMIT_ASM ? LLVMAssemblyFile : LLVMObjectFile,
          &msg, &buf);
      terrac_codegen_end(token);
      if (failed) {
        e = tdupf("emitting %s: %s", name, msg);
        LLVMDisposeMessage(msg);
      }
      break;
    }
    case TERRAC_EMIT_BITCODE:
      buf = LLVMWriteBitcodeToMemoryBuffer(m);
      if (!buf) e = tdupf("writing bitcode for %s failed", name);
      break;
    case TERRAC_EMIT_IR:
      text = LLVMPrintModuleToString(m);
      break;
    default:
      e = tdupf("unknown output kind %d", kind);
    }
    if (buf) {
      *outlen = LLVMGetBufferSize(buf);
      *out = malloc(*outlen ? *outlen : 1);
      memcpy(*out, LLVMGetBufferStart(buf), *outlen);
      LLVMDisposeMemoryBuffer(buf);
    } else if (text) {
      *outlen = strlen(text);
      *out = malloc(*outlen + 1);
      memcpy(*out, text, *outlen + 1);
      LLVMDisposeMessage(text);
    }
  }
  if (m) LLVMDisposeModule(m);
  LLVMContextDispose(ctx);
  LLVMDisposeTargetMachine(tm);
  free(tr);
  return e;
}
