// Command terrac runs Terra programs: Lua code that builds and calls
// native Terra functions.
//
//	terrac FILE.t [args...]      run a program
//	terrac run FILE.t [args...]  the same
//	terrac [repl]                the interactive prompt
//	terrac build FILE.t [flags]  save the program's Terra functions natively
//	terrac check FILE.t...       typecheck every Terra function, running no native code
//	terrac cache stats|clear     show or empty the compiled-code cache
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"terrac/internal/phase"
	"terrac/runtime/cache"
	"terrac/runtime/jit"
)

const usage = `usage:
  terrac [-g] FILE.t [args...] run a Terra program (-g: backtraces of
                               faults through Terra callers)
  terrac run FILE.t [args...]  run a Terra program
  terrac [repl]                start the interactive prompt
  terrac build FILE.t [-o OUT] [--emit exe|obj|so|asm|ll|bc] [-O0..-O3] [-g]
                [--export name,...] [--header OUT.h] [-- linkargs...]
                               build a native executable, library or object
  terrac check [--json] [--no-lua-io] FILE.t...
                               typecheck every function without running native
                               code (terrac check --help)
  terrac lsp                   language server over stdio (docs/editors.md)
  terrac version               terrac's version, its LLVM and the Terra it follows
  terrac cache stats|clear     show or empty the compiled-code cache
options (before the command):
  -O0 -O1 -O2 -O3              JIT optimization level (default -O3, as clang -O3)
  -Ofast-start                 cheapest JIT compile for every function: starts
                               fast, loops run slower (docs/jit.md)
`

func main() {
	var code int
	if invokedAsTerra(os.Args[0]) {
		code = runTerra(os.Args)
	} else {
		code = run(os.Args[1:])
	}
	cache.FlushDefault() // uploads to a remote cache get at most 2 s
	jit.PrintStats()     // TERRAC_JIT_STATS=1: os.Exit runs no C atexit handlers
	phase.Print(os.Stderr)
	os.Exit(code)
}

func run(args []string) (code int) {
	defer startProfile()()
	defer func() {
		if r := recover(); r != nil {
			jit.Flush()
			fmt.Fprintf(os.Stderr, "internal error: %v\nPlease report this as a terrac bug.\n", r)
			if os.Getenv("TERRAC_DEBUG") != "" {
				os.Stderr.Write(debug.Stack())
			}
			code = 3
		}
	}()
	args = optFlags(args)
	if len(args) == 0 {
		return runREPL()
	}
	switch args[0] {
	case "repl":
		return runREPL()
	case "-g":
		jitDebug = true
		return run(args[1:])
	case "run":
		if len(args) >= 2 && args[1] == "-g" {
			jitDebug = true
			args = append(args[:1:1], args[2:]...)
		}
		if len(args) < 2 {
			fmt.Fprint(os.Stderr, usage)
			return 2
		}
		return runFile(args[1], args[2:])
	case "build":
		return buildFile(args[1:])
	case "check":
		return runCheck(args[1:])
	case "lsp":
		return runLSP(args[1:])
	case "cache":
		return cacheCommand(args[1:], os.Stdout, os.Stderr)
	case "-h", "--help", "help":
		fmt.Print(usage)
		return 0
	case "version", "--version":
		printVersion(os.Stdout)
		return 0
	}
	return runFile(args[0], args[1:])
}
