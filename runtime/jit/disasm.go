// This file implements disassembling JIT-compiled code in memory, for
// :disas() (Terra prints the machine code the JIT actually made).

package jit

/*
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <llvm-c/Disassembler.h>
#include <llvm-c/Target.h>
#include "shim.h"

// terrac_disasm returns malloc'd text: one "0xADDR(+OFF):\t<inst>" line per
// instruction of the size bytes at addr (at most ninst of them when ninst
// is not 0), in Intel syntax on x86.
static char *terrac_disasm(uint64_t addr, uint64_t size, uint64_t ninst) {
  LLVMInitializeNativeTarget();
  LLVMInitializeNativeDisassembler();
  char *triple = terrac_host_triple();
  char *cpu = terrac_host_cpu();
  LLVMDisasmContextRef dc = LLVMCreateDisasmCPU(triple, cpu, NULL, 0, NULL, NULL);
  free(triple);
  free(cpu);
  if (!dc) return NULL;
  LLVMSetDisasmOptions(dc, LLVMDisassembler_Option_AsmPrinterVariant);
  size_t cap = 4096, len = 0;
  char *out = malloc(cap);
  out[0] = 0;
  uint8_t *code = (uint8_t *)(uintptr_t)addr;
  uint64_t off = 0;
  char inst[256], line[400];
  for (uint64_t i = 0; off < size && (ninst == 0 || i < ninst); i++) {
    size_t n = LLVMDisasmInstruction(dc, code + off, size - off, addr + off, inst, sizeof inst);
    if (n == 0) break;
    int w = snprintf(line, sizeof line, "0x%llx(+%llu):\t%s\n", (unsigned long long)(addr + off),
                     (unsigned long long)off, inst);
    if (len + w + 1 > cap) {
      cap = 2 * (len + w + 1);
      out = realloc(out, cap);
    }
    memcpy(out + len, line, w + 1);
    len += w;
    off += n;
  }
  LLVMDisasmDispose(dc);
  return out;
}
*/
import "C"

import "unsafe"

// Disassemble returns the machine code of the JIT-compiled symbol that
// starts at addr, one instruction per line with its address and offset.
func (j *JIT) Disassemble(addr uintptr) (string, bool) {
	_, start, size, ok := j.SymbolRange(addr)
	if !ok || start != addr {
		return "", false
	}
	return DisassembleRange(addr, size, 0), true
}

// DisassembleRange disassembles the nbytes at addr, or only their first
// ninst instructions when ninst is not 0. The memory must be readable.
func DisassembleRange(addr uintptr, nbytes, ninst uint64) string {
	p := C.terrac_disasm(C.uint64_t(addr), C.uint64_t(nbytes), C.uint64_t(ninst))
	if p == nil {
		return ""
	}
	defer C.free(unsafe.Pointer(p))
	return C.GoString(p)
}

// Created returns the process's JIT if one has been made.
func Created() *JIT { return created.Load() }
