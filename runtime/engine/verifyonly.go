// This file implements verify-only mode: lowering and LLVM verification
// without ever adding code to the JIT or running it (used by fuzzing,
// where the programs are untrusted and may compute anything).
package engine

import (
	"errors"
	"fmt"

	"terrac/compiler/tree"
	"terrac/runtime/jit"
)

// ErrVerifyOnly is returned for a request that needs native code (an
// address, a wrapper, a global's storage) while the engine is in
// verify-only mode.
var ErrVerifyOnly = errors.New("native code is not run in verify-only mode")

// SetVerifyOnly switches the engine to verify-only mode: compile batches
// are lowered and checked by LLVM's verifier (jit.Verify) but never added
// to the JIT; addresses and wrappers fail with ErrVerifyOnly.
func (e *Engine) SetVerifyOnly() { e.verifyOnly = true }

// addModule hands a lowered module to the JIT, or only verifies it in
// verify-only mode. A rejected module is a lowering bug: the error names
// the Terra functions of the batch.
func (e *Engine) addModule(ir, name string, batch []*tree.Function) error {
	var err error
	if e.verifyOnly {
		err = jit.Verify(ir, name)
	} else {
		err = e.addIR(ir, name)
	}
	if err == nil {
		return nil
	}
	names := ""
	for i, f := range batch {
		if i > 0 {
			names += ", "
		}
		names += f.Name
	}
	return &InternalError{Msg: fmt.Sprintf("LLVM rejected the code of Terra function(s) %s (module %s): %v", names, name, err)}
}

// InternalError reports a bug in terrac itself (a lowering that LLVM
// rejects), not in the program.
type InternalError struct{ Msg string }

func (e *InternalError) Error() string { return "internal error: " + e.Msg }

// verifyOnlyGlobal marks g as created without storage: lowered modules
// only declare globals, so verification needs no memory, and no
// initializer runs.
func (e *Engine) verifyOnlyGlobal(g *tree.Global) (uintptr, error) {
	if g.Extern {
		return 0, ErrVerifyOnly
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.globals[g] == nil {
		e.globals[g] = &globalState{ready: true}
	}
	return 0, ErrVerifyOnly
}
