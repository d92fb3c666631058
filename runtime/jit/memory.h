// memory.h declares the JIT's object linking layer (memory.cpp).
#ifndef TERRAC_MEMORY_H
#define TERRAC_MEMORY_H

#include <llvm-c/OrcEE.h>

#ifdef __cplusplus
extern "C" {
#endif

// terrac_create_object_layer makes the RuntimeDyld linking layer LLJIT
// makes by default on ELF hosts, but linking into one shared pool of
// doubly mapped memory (legacy: a SectionMemoryManager per object, as
// LLJIT does).
LLVMOrcObjectLayerRef terrac_create_object_layer(LLVMOrcExecutionSessionRef es,
                                                 int legacy);

// terrac_object_layer_private_pages makes objects linked from now on use
// private pages of their own (for gdb, which writes breakpoints into code).
void terrac_object_layer_private_pages(void);

#ifdef __cplusplus
}
#endif

#endif
