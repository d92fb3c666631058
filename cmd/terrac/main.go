// Command terrac runs Terra programs: Lua code that builds and calls
// native Terra functions.
//
//	terrac FILE.t [args...]      run a program
//	terrac run FILE.t [args...]  the same
//	terrac [repl]                the interactive prompt
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"terrac/runtime/jit"
)

const usage = `usage:
  terrac FILE.t [args...]      run a Terra program
  terrac run FILE.t [args...]  run a Terra program
  terrac [repl]                start the interactive prompt
`

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) (code int) {
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
	if len(args) == 0 {
		return runREPL()
	}
	switch args[0] {
	case "repl":
		return runREPL()
	case "run":
		if len(args) < 2 {
			fmt.Fprint(os.Stderr, usage)
			return 2
		}
		return runFile(args[1], args[2:])
	case "-h", "--help", "help":
		fmt.Print(usage)
		return 0
	}
	return runFile(args[0], args[1:])
}
