//go:build llvmstatic

// This file implements the static link of LLVM (go build -tags llvmstatic,
// which the Makefile uses for bin/terrac): only the LLVM components the JIT
// uses are linked in, from llvm-14-dev's archives, so start-up skips the
// dynamic loader's relocation of libLLVM-14 (an empty program: 23 ms of CPU
// dynamic, 6.5 ms static). The list is llvm-config-14 --link-static --libs
// orcjit native irreader passes analysis target asmparser object.
package jit

/*
#cgo LDFLAGS: -L/usr/lib/llvm-14/lib -lLLVMX86TargetMCA -lLLVMMCA -lLLVMX86Disassembler -lLLVMX86AsmParser -lLLVMX86CodeGen -lLLVMCFGuard -lLLVMGlobalISel -lLLVMX86Desc -lLLVMX86Info -lLLVMSelectionDAG -lLLVMAsmPrinter -lLLVMDebugInfoMSF -lLLVMCodeGen -lLLVMOrcJIT -lLLVMPasses -lLLVMObjCARCOpts -lLLVMCoroutines -lLLVMipo -lLLVMInstrumentation -lLLVMVectorize -lLLVMLinker -lLLVMIRReader -lLLVMAsmParser -lLLVMFrontendOpenMP -lLLVMScalarOpts -lLLVMInstCombine -lLLVMBitWriter -lLLVMAggressiveInstCombine -lLLVMTransformUtils -lLLVMMCDisassembler -lLLVMJITLink -lLLVMExecutionEngine -lLLVMTarget -lLLVMAnalysis -lLLVMProfileData -lLLVMDebugInfoDWARF -lLLVMRuntimeDyld -lLLVMOrcTargetProcess -lLLVMOrcShared -lLLVMObject -lLLVMTextAPI -lLLVMMCParser -lLLVMBitReader -lLLVMMC -lLLVMDebugInfoCodeView -lLLVMCore -lLLVMRemarks -lLLVMBitstreamReader -lLLVMBinaryFormat -lLLVMSupport -lLLVMDemangle -lstdc++ -lz -ltinfo -lrt -ldl -lm
*/
import "C"
