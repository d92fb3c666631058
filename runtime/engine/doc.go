// Package engine turns Terra functions into native code on demand: it
// typechecks a function (lazily, on first need), lowers it together
// with every not-yet-compiled function it reaches into one LLVM module,
// hands that module to the JIT, and keeps the addresses of functions
// and their Lua-call wrappers.
package engine
