// This file implements registration of JIT code with gdb's JIT interface
// (the __jit_debug_register_code protocol), so a debugger attached to
// terrac sees the Terra functions, their .t files and lines.
package jit

/*
#include "shim.h"
*/
import "C"

// RegisterWithDebugger makes every object linked from now on known to
// gdb (and lldb) through their JIT interface: each object with its DWARF
// line information is handed to __jit_debug_register_code, so breakpoints
// on Terra functions or .t lines resolve and backtraces show the .t file
// and line. It costs a copy of each object and a call into the debugger
// hook per object, so the engine calls it only when debug information is
// on. Objects linked before the first call stay unknown to the debugger;
// later calls do nothing.
func (j *JIT) RegisterWithDebugger() {
	j.mu.Lock()
	C.terrac_jit_register_gdb(j.c)
	j.mu.Unlock()
}
