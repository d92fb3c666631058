// This file implements `terrac version` (and --version): terrac's own
// version and commit, the LLVM it is built with, and the Terra release
// whose language and API it follows.
package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"terrac/runtime/jit"
	"terrac/stdlib/terralib"
)

// terracVersion is terrac's release number; builds from a checkout add
// their commit.
const terracVersion = "0.1.0-dev"

func printVersion(w io.Writer) {
	v := terracVersion
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, when, dirty string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					dirty = ", modified"
				}
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" {
			v += fmt.Sprintf(" (commit %s %s%s)", rev, when, dirty)
		}
	}
	llvm := jit.LLVMVersion()
	fmt.Fprintf(w, "terrac %s\nLLVM %d.%d\nTerra-compatible: Terra 1.2 (terralib.version %s)\n", v, llvm/10, llvm%10, terralib.Version)
}
