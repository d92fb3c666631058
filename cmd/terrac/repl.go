// This file implements `terrac repl` (and terrac with no arguments).
package main

import (
	"fmt"
	"os"

	"terrac/repl"
	"terrac/runtime/jit"
	"terrac/stdlib/terralib"
)

func runREPL() int {
	rt := terralib.New()
	defer jit.Flush()
	rt.SetArgs("", nil)
	if err := repl.Run(rt); err != nil {
		fmt.Fprintln(os.Stderr, "terrac:", err)
		return 1
	}
	return 0
}
