// pipeline.h declares the C++ half of the JIT's compiler (pipeline.cpp):
// an IR optimizer and a code generator built once and reused for every
// module, where the C API builds both afresh for each module.
#ifndef TERRAC_PIPELINE_H
#define TERRAC_PIPELINE_H

#include <llvm-c/Core.h>
#include <llvm-c/TargetMachine.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct terrac_pipeline terrac_pipeline;

// Pipelines for terrac_pipeline_optimize: default<O0..3> are 0..3.
enum { TERRAC_PIPE_TINY = 4, TERRAC_PIPE_FAST = 5 };

// terrac_pipeline_new makes an empty set of pipelines for modules of one
// target; tm (borrowed, must outlive it) gives the optimizer its cost model.
terrac_pipeline *terrac_pipeline_new(LLVMTargetMachineRef tm);

// terrac_pipeline_optimize runs pipeline which (0..3: clang's -O<which>
// IR pipeline; TERRAC_PIPE_TINY: the short one for tiny modules;
// TERRAC_PIPE_FAST: fast-start mode's, for any module) over m.
// Returns NULL or a malloc'd message.
char *terrac_pipeline_optimize(terrac_pipeline *p, LLVMModuleRef m,
                               int which);

// terrac_pipeline_codegen compiles m to an ELF object with tm (borrowed;
// at most a few distinct machines per pipeline, each gets a code
// generation pass pipeline of its own, kept). Returns NULL if the target
// cannot emit objects; the module is left changed by the code generator.
LLVMMemoryBufferRef terrac_pipeline_codegen(terrac_pipeline *p,
                                            LLVMModuleRef m,
                                            LLVMTargetMachineRef tm);

// terrac_codegen_begin must come before, and terrac_codegen_end (with
// its result) after, running any code generator over m: it switches
// passes that are too slow for m's longest function off meanwhile
// (pipeline.cpp). terrac_pipeline_codegen does it itself.
int terrac_codegen_begin(LLVMModuleRef m);
void terrac_codegen_end(int token);
// terrac_codegen_domain_off reports whether the switch is on now (tests).
int terrac_codegen_domain_off(void);

#ifdef __cplusplus
}
#endif

#endif
