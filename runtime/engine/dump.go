// This file implements TERRAC_DUMP_IR: writing each compile batch's IR
// (before optimization) to a directory, for comparing terrac's code with
// clang's when tuning performance.
package engine

import (
	"os"
	"path/filepath"
	"strings"

	"terrac/compiler/lower"
	"terrac/compiler/tree"
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

// ModuleText is the LLVM IR of everything compiled so far (Terra's
// dumpmodule): the compiled Terra functions lowered again into one module
// (keeping the text of every batch would cost memory in every program
// for a debugging aid), followed by the modules linked from C or LLVM.
func (e *Engine) ModuleText() (string, error) {
	e.mu.Lock()
	fns := append([]*tree.Function(nil), e.compiled...)
	linked := append(append([]string(nil), e.cmodIR...), e.linked...)
	e.mu.Unlock()
	m := lower.NewModule("terra")
	for _, f := range fns {
		if err := m.AddFunction(f); err != nil {
			return "", err
		}
	}
	text := m.String()
	for _, l := range linked {
		text += "\n" + l
	}
	return text, nil
}

// LinkModule adds an LLVM module (IR text or bitcode) that did not come
// from Terra code to the JIT; its functions are reached by name through
// extern declarations.
func (e *Engine) LinkModule(name, ir string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.openJIT(); err != nil {
		return err
	}
	if err := e.addIR(ir, name); err != nil {
		return err
	}
	e.noteLinked(ir)
	return nil
}

// noteLinked keeps the text of a module linked from LLVM for ModuleText
// (bitcode is not text and is left out; C modules are in cmodIR).
func (e *Engine) noteLinked(ir string) {
	if strings.HasPrefix(ir, "BC\xc0\xde") {
		return
	}
	e.linked = append(e.linked, ir)
}
