// This file implements the -O0..-O3 options: the optimization level of the
// JIT (and of anything it compiles), as clang's -O, and -Ofast-start
// (docs/jit.md).
package main

import "terrac/runtime/jit"

// optFlags consumes leading -O<n> options and returns the rest.
func optFlags(args []string) []string {
	for len(args) > 0 {
		switch args[0] {
		case "-O0", "-O1", "-O2", "-O3":
			jit.DefaultOptLevel = int(args[0][2] - '0')
		case "-O":
			jit.DefaultOptLevel = 2
		case "-Ofast-start":
			jit.DefaultFastStart = true
		default:
			return args
		}
		args = args[1:]
	}
	return args
}
