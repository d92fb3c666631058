// This file implements the check of an LLVM intrinsic's declared type,
// so that a wrong signature is the program's located error instead of a
// module LLVM rejects later.
package terralib

import (
	"fmt"
	"strings"

	"terrac/compiler/lower"
	"terrac/compiler/types"
	"terrac/runtime/jit"
)

// checkIntrinsic asks LLVM's verifier whether the intrinsic name (an
// "llvm." name; others are ordinary external symbols) accepts type t.
func checkIntrinsic(name string, t *types.Type) error {
	if !strings.HasPrefix(name, "llvm.") {
		return nil
	}
	text, err := lower.IntrinsicProbe(name, t)
	if err == nil {
		err = jit.Verify(text, name)
	}
	if err == nil {
		return nil
	}
	msg := err.Error()
	if i := strings.Index(msg, "invalid module: "); i >= 0 {
		msg = msg[i+len("invalid module: "):]
	}
	msg, _, _ = strings.Cut(msg, "\n")
	if !strings.HasPrefix(msg, "Intrinsic ") {
		// About the probe's zero arguments, not the signature.
		return nil
	}
	return fmt.Errorf("intrinsic %s cannot have type %s: %s", name, t, msg)
}
