// Package embed runs Terra programs (Lua with Terra, as the terrac
// command runs them) inside a Go program.
//
// A State is one program: create it with New, run code with RunString or
// RunFile, find functions and tables with Global or in what a run
// returns, call them with Value.Call, and free everything with Close:
//
//	s, err := embed.New(embed.Options{SearchPaths: []string{"lib"}})
//	...
//	defer s.Close()
//	vals, err := s.RunFile(ctx, "kernels.t")
//	sum, err := s.Global("kernels.sum")
//	res, err := sum.Call(ctx, []float64{1, 2, 3}, 3)
//
// # Values
//
// Call converts Go arguments to Lua values, which Terra then converts to
// its parameter types: numbers, strings (to rawstring), slices of bytes
// and numbers (to a pointer to their first element, pinned for the
// call), Values (a struct cdata also converts to a pointer to it), Func
// (to a Lua function, which converts to a callback for a function-pointer
// parameter; each such call compiles a new callback, kept until Close, so
// register a function called often once with RegisterCallback), maps and slices of any (to tables). Results come back as
// Values: read numbers with Int or Float, strings with Str, and fields
// of tables and structs with Get. New makes a struct or array of a Terra
// type.
//
// # Go functions
//
// Register makes a Go function a Lua global; RegisterCallback makes it a
// native function pointer of a Terra function type that Terra code calls
// like any function. Errors they return become Lua errors at the line
// that called them, and come out of the run as an *Error that wraps them.
//
// # Errors
//
// Failed loads and runs return an *Error: the message as terrac prints
// it (file:line:col, the source line, a caret) and its Diagnostics.
// Nothing in the package panics on a bad program; Go panics in a Func
// are recovered and returned as errors.
//
// # Goroutines and threads
//
// A State serves one goroutine at a time. A call made while another
// goroutine is inside a call of the same State returns ErrConcurrentUse;
// a Func the program calls may call its State again (same goroutine).
// Different States may run in different goroutines at once.
//
// Each outermost call locks its goroutine to its OS thread for the
// duration of the call, so native code and the callbacks it makes stay on
// one thread. Native code that keeps thread-local state between calls
// (thread-local globals, libraries that must stay on one thread) needs
// the caller to call runtime.LockOSThread before creating the State and
// to use it from that goroutine only. The terrac command runs programs on
// the main thread, which also makes glibc's malloc use its main arena;
// an embedding program that wants that should use the State from main.
//
// # Cancellation
//
// The context given to RunString, RunFile and Call stops Lua code: the
// Lua VM checks it between instructions and the run fails with an *Error
// that wraps ctx.Err(). Native code is not interrupted: a Terra loop that
// never returns keeps its goroutine, and the context only takes effect
// when control is back in Lua (a callback, or the return).
//
// # Closing
//
// Close frees the State's JIT-compiled code and data (each State adds
// its code to the process's JIT through its own ORC resource tracker,
// removed at Close), its callbacks, its global variables and its Lua
// state. Afterwards its Values return ErrClosed, and native code of the
// State must not run (a function pointer kept by C code would dangle).
//
// # Limits
//
//   - Output of native code (printf) goes to the process's stdout and
//     stderr, not to Options.Stdout and Stderr, which receive Lua output.
//   - Shared libraries loaded with terralib.linklibrary stay loaded.
//   - A global variable's symbol (its name in the JIT) stays defined after
//     Close, pointing at freed memory no code refers to: the LLVM 14 C API
//     cannot remove absolute symbols. It costs a symbol table entry.
//   - Struct names are unique in the process, so the second State that
//     defines Point prints it as Point$1.
//   - os.exit ends the run with an *Error wrapping an *ExitError, not the
//     process.
package embed
