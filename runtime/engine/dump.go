// This file implements TERRAC_DUMP_IR: writing each compile batch's IR
// (before optimization) to a directory, for comparing terrac's code with
// clang's when tuning performance.
package engine

import (
	"os"
	"path/filepath"
)

// dumpIR writes ir to $TERRAC_DUMP_IR/name.ll when that variable names a
// directory; errors are ignored since this is a debugging aid.
func dumpIR(name, ir string) {
	dir := os.Getenv("TERRAC_DUMP_IR")
	if dir == "" {
		return
	}
	_ = os.WriteFile(filepath.Join(dir, name+".ll"), []byte(ir), 0o644)
}
