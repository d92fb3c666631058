// Package jit turns LLVM 14 IR text into native code in this process and
// calls it.
//
// It is a thin cgo layer over the LLVM C API (shim.c) with one ORC LLJIT per
// process, created on first use by Default. Modules are parsed, verified and
// optimized with the new pass manager for the host CPU before they are added;
// symbols materialize lazily on Lookup. Host symbols (libc, libm, libraries
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
// because os.Exit does not flush C's buffers.
package jit
