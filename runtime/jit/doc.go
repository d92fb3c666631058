// Package jit turns LLVM 14 IR text into native code in this process and
// calls it.
//
// It is a thin cgo layer over the LLVM C API (shim.c, with pipeline.cpp and
// memory.cpp for what the C API lacks) with one ORC LLJIT per process,
// created on first use by Default. Modules are parsed, verified, optimized
// with the new pass manager for the host CPU and compiled to objects when
// they are added (docs/jit.md); objects are linked on first Lookup. Host symbols (libc, libm, libraries
// loaded with LoadLibrary) resolve by name.
//
// Every Lua → native call goes through Call with a per-signature wrapper
//
//	define void @wrap(i8* %args, i8* %ret)
//
// and every native → Go call goes through the C function terrac_callback,
// visible to JIT code as
//
//	declare void @terrac_callback(i64, i8*, i8*)
//
// which dispatches to the handler set with SetCallbackHandler. Faults in
// native code reached through Call come back as *Fault errors; a panic in a
// callback handler unwinds the native frames and comes back from Call as a
// *CallbackPanic.
//
// Lua output and C's printf share C's stdout buffer: write Lua output with
// StdoutWrite (or the Stdout writer) and call Flush before the process exits,
// because os.Exit does not flush C's buffers. Go code writing to os.Stdout
// directly bypasses that buffer and can overtake it.
//
// # Faults
//
// The first Default or Call installs handlers for SIGSEGV, SIGBUS, SIGFPE,
// SIGILL, SIGABRT and SIGTRAP over the Go runtime's. While a thread runs
// native code under Call (a thread-local frame is set), a handler
// siglongjmps back to Call, which returns a *Fault with the signal, si_addr,
// the pc and, for JIT code, the function name (JIT.SymbolAt) and, for code
// compiled with DWARF line information, its source frames (Fault.Source,
// JIT.SourceAt: debuginfo.go), including callers found by following frame
// pointers from the fault. Otherwise the
// handler calls the Go runtime's handler with the same arguments, so Go's
// own nil-pointer panics and crash reports are unchanged. The frame is
// cleared while a callback's Go code runs.
//
// # Limits
//
//   - A fault abandons the native frames: their memory and locks leak. A
//     fault or abort inside libc with a lock held (malloc detecting heap
//     corruption) can deadlock the next call that needs that lock.
//   - Only the thread running Call is protected. Faults in threads started by
//     native code, or in C code outside Call (including LLVM), crash as
//     before; LLVM's fatal errors (report_fatal_error) still exit.
//   - A callback handler must not call runtime.Goexit (t.FailNow). Its panics
//     unwind to Call only when it runs inside Call; on a foreign thread they
//     crash as usual.
//   - Modules added through the JIT are never removed; those added through
//     a Tracker (tracker.go, an embedded state's) are, with Tracker.Remove.
//     llvm.global_ctors are not run.
//   - Objects with line information are kept in memory (a copy) until a pc
//     is mapped, then their line tables are; code in a text section with no
//     global function in it has no line information.
//   - Caller frames are found only through frame pointers, so only JIT code
//     compiled with "frame-pointer"="all" (engine.DebugFull) shows its
//     callers; the innermost function is always found.
//   - Call does not enforce cgo's pointer rules on args and ret (checking
//     them cost more than the call itself).
package jit
