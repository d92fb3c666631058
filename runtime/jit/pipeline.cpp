// This file implements the JIT's reusable compiler pipelines (pipeline.h).
//
// Through the C API, every module paid for building its pipelines: the
// optimizer's pass builder, its four analysis managers with every analysis
// registered, the parsed default<O3> pipeline, and then the legacy pass
// manager of the code generator (a hundred passes set up and scheduled).
// For the small modules a first call produces that is a large share of the
// work (bench/RESULTS.md, "JIT latency (issue 16)"). Here each pipeline is
// built once per process and run over module after module; the analysis
// caches are cleared between modules, so each module is optimized exactly
// as a fresh pipeline would.
//
// The code generator's legacy pass manager can be run on several modules
// in turn: its passes set up per-module state in doInitialization and drop
// it in doFinalization (the machine module info resets its MC context, the
// asm printer resets its streamer), which is what lets llc-like drivers
// compile a module at a time.

#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Module.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Passes/StandardInstrumentations.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

#include <llvm/Support/CommandLine.h>

#include <memory>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"

using namespace llvm;

namespace {

// optimizer is one IR pipeline with its analysis managers.
//
// Pass instrumentation is what makes the new pass manager skip optnone
// functions, but it is not free: with any callback registered, every pass
// run builds the pass's name from its type name and boxes the IR unit in
// an llvm::Any (a heap allocation), about 2% of compiling a small module.
// So a module without optnone functions goes through an uninstrumented
// copy of the same pipeline; for such modules the only callback a release
// LLVM registers (OptNone's) lets every pass run anyway.
struct optimizer {
  PassInstrumentationCallbacks pic;
  StandardInstrumentations si{false, false};
  LoopAnalysisManager lam;
  FunctionAnalysisManager fam;
  CGSCCAnalysisManager cgam;
  ModuleAnalysisManager mam;
  ModulePassManager mpm;
  std::unique_ptr<PassBuilder> pb;
  bool ok = false;
  std::string err;

  optimizer(TargetMachine *tm, int which, bool instrumented) {
    // The options clang gives its pipeline (and the shim gave
    // LLVMRunPasses): vectorizers from -O2, unrolling from -O1.
    PipelineTuningOptions pto;
    int level = which > 3 ? 3 : which;
    pto.LoopVectorization = level >= 2;
    pto.SLPVectorization = level >= 2;
    pto.LoopUnrolling = level >= 1;
    pb = std::make_unique<PassBuilder>(tm, pto, None,
                                       instrumented ? &pic : nullptr);
    pb->registerLoopAnalyses(lam);
    pb->registerFunctionAnalyses(fam);
    pb->registerCGSCCAnalyses(cgam);
    pb->registerModuleAnalyses(mam);
    pb->crossRegisterProxies(lam, fam, cgam, mam);
    if (instrumented) si.registerCallbacks(pic, &fam);
    std::string text;
    if (which == TERRAC_PIPE_FAST)
      // Fast start (-Ofast-start): the tiny pipeline for every module,
      // plus hoisting loop invariants, which costs little and spares the
      // -O0 code generator reloading them on every iteration.
      text = "function(sroa),cgscc(inline),"
             "function(sroa,early-cse,instcombine,simplifycfg,"
             "loop-mssa(licm),instcombine)";
    else if (which == TERRAC_PIPE_TINY)
      // Promote locals to registers and fold: all -O1..-O3 find in
      // straight-line code; inline, as the -O3 pipeline would.
      text = "function(sroa),cgscc(inline),"
             "function(sroa,early-cse,instcombine,simplifycfg)";
    else
      text = "default<O" + std::to_string(which) + ">";
    if (Error e = pb->parsePassPipeline(mpm, text)) {
      err = toString(std::move(e));
      return;
    }
    ok = true;
  }

  void run(Module &m) {
    mpm.run(m, mam);
    // Results are keyed by the module's IR objects, which die with it.
    lam.clear();
    fam.clear();
    cgam.clear();
    mam.clear();
  }
};

// codegen is one target machine's object emission pipeline. The pass
// manager writes into buf through os; buf is emptied before each module.
struct codegen {
  TargetMachine *tm;
  legacy::PassManager pm;
  SmallVector<char, 0> buf;
  raw_svector_ostream os{buf};
  bool ok;

  explicit codegen(TargetMachine *t) : tm(t) {
    ok = !tm->addPassesToEmitFile(pm, os, nullptr, CGFT_ObjectFile);
  }
};

} // namespace

struct terrac_pipeline {
  TargetMachine *tm;
  // opt[which][instrumented]
  std::unique_ptr<optimizer> opt[TERRAC_PIPE_FAST + 1][2];
  std::unique_ptr<codegen> cg[4];
};

extern "C" {

terrac_pipeline *terrac_pipeline_new(LLVMTargetMachineRef tm) {
  auto *p = new terrac_pipeline();
  p->tm = reinterpret_cast<TargetMachine *>(tm);
  return p;
}

char *terrac_pipeline_optimize(terrac_pipeline *p, LLVMModuleRef m,
                               int which) {
  if (which < 0) which = 0;
  if (which > TERRAC_PIPE_FAST) which = TERRAC_PIPE_FAST;
  bool optnone = false;
  for (Function &f : *unwrap(m))
    if (f.hasOptNone()) {
      optnone = true;
      break;
    }
  auto &o = p->opt[which][optnone];
  if (!o) o = std::make_unique<optimizer>(p->tm, which, optnone);
  if (!o->ok) return strdup(("optimizing: " + o->err).c_str());
  o->run(*unwrap(m));
  return nullptr;
}

LLVMMemoryBufferRef terrac_pipeline_codegen(terrac_pipeline *p,
                                            LLVMModuleRef m,
                                            LLVMTargetMachineRef tmref) {
  auto *tm = reinterpret_cast<TargetMachine *>(tmref);
  codegen *c = nullptr;
  for (auto &slot : p->cg) {
    if (!slot) {
      slot = std::make_unique<codegen>(tm);
      c = slot.get();
      break;
    }
    if (slot->tm == tm) {
      c = slot.get();
      break;
    }
  }
  if (!c || !c->ok) return nullptr;
  c->buf.clear();
  int token = terrac_codegen_begin(m);
  c->pm.run(*unwrap(m));
  terrac_codegen_end(token);
  auto mb = MemoryBuffer::getMemBufferCopy(
      StringRef(c->buf.data(), c->buf.size()), "terrac-object");
  c->buf.clear();
  return wrap(mb.release());
}

// LLVM 14's X86 domain reassignment pass (it moves chains of integer
// operations into AVX-512 mask registers) takes time quadratic in a
// function's length: on an AVX-512 machine a function of 3,600
// instructions spends 0.53 s in it out of 0.69 s of code generation, one
// of 15,000 12.8 s out of 14.4 s (clang -O3 -march=native pays the same).
// It only pays off for mask-heavy vector code, which comes in short
// functions, so it is switched off while a module holding a longer
// function is compiled. The switch is LLVM's process-wide option, read
// when the pass runs: code generators of other threads hold the lock
// shared while they run, a module that flips it holds it exclusively.
static const unsigned longFunction = 2000;
static pthread_rwlock_t domainLock = PTHREAD_RWLOCK_INITIALIZER;

static cl::opt<bool> *domainOption() {
  static cl::opt<bool> *opt = [] {
    auto &opts = cl::getRegisteredOptions();
    auto it = opts.find("disable-x86-domain-reassignment");
    return it == opts.end() ? nullptr
                            : static_cast<cl::opt<bool> *>(it->second);
  }();
  return opt;
}

static bool hasLongFunction(Module &m) {
  for (Function &f : m) {
    if (f.isDeclaration()) continue;
    unsigned n = f.getInstructionCount();
    if (n > longFunction) return true;
  }
  return false;
}

int terrac_codegen_begin(LLVMModuleRef m) {
  cl::opt<bool> *opt = domainOption();
  if (opt && hasLongFunction(*unwrap(m))) {
    pthread_rwlock_wrlock(&domainLock);
    *opt = true;
    return 1;
  }
  pthread_rwlock_rdlock(&domainLock);
  return 0;
}

int terrac_codegen_domain_off(void) {
  cl::opt<bool> *opt = domainOption();
  return opt && *opt;
}

void terrac_codegen_end(int token) {
  if (token) {
    *domainOption() = false;
    pthread_rwlock_unlock(&domainLock);
  } else {
    pthread_rwlock_unlock(&domainLock);
  }
}

} // extern "C"
