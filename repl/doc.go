// Package repl is terrac's interactive prompt: each input is parsed with
// the Terra parser and run in one persistent runtime. Expressions print
// their values, top-level locals and imported languages persist across
// inputs, an unfinished input continues on the next line, and a few
// meta-commands (:type, :ir, :asm, :load, :help) inspect Terra code.
package repl
