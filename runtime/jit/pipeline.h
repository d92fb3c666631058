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

#ifdef __cplusplus
}
#endif

#endif
