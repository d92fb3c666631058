// This file implements C modules in the JIT (LLVM IR clang made from C
// function bodies) and the translation of unresolved-symbol failures into
// "undefined symbol" errors that name the Terra functions involved.
package engine

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"terrac/compiler/tree"
)

// AddCModule adds ir, an LLVM module compiled from C, to the JIT once per
// key (equal keys promise equal IR).
func (e *Engine) AddCModule(key, ir string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cmods[key] {
		return nil
	}
	if err := e.openJIT(); err != nil {
		return err
	}
	if err := e.addLazyIR(ir, "c."+key[:min(12, len(key))]); err != nil {
		return fmt.Errorf("LLVM rejected the IR clang made from C code: %v", err)
	}
	if e.cmods == nil {
		e.cmods = map[string]bool{}
	}
	e.cmods[key] = true
	e.cmodIR = append(e.cmodIR, ir)
	return nil
}

// CModules returns the IR of every C module added, in order, for saved
// files to link.
func (e *Engine) CModules() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.cmodIR...)
}

// noteExternUsers records which functions of a batch call which extern
// symbols, for undefinedSymbols.
func (e *Engine) noteExternUsers(batch []*tree.Function) {
	if e.users == nil {
		e.users = map[string][]string{}
	}
	for _, f := range batch {
		seen := map[string]bool{}
		for _, r := range f.Refs {
			if r.Extern && !seen[r.LinkName] {
				seen[r.LinkName] = true
				e.users[r.LinkName] = append(e.users[r.LinkName], f.Name)
			}
		}
	}
}

var notFoundRE = regexp.MustCompile(`Symbols not found: \[ ([^\]]*) \]`)

// undefinedSymbols rewrites the JIT's "Symbols not found: [ a, b ]" as one
// `undefined symbol: a (referenced by Terra function f)` line per symbol.
func (e *Engine) undefinedSymbols(err error) error {
	m := notFoundRE.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	var lines []string
	for _, name := range strings.Split(m[1], ", ") {
		name = strings.TrimSpace(name)
		line := "undefined symbol: " + name
		if users := e.users[name]; len(users) > 0 {
			u := append([]string(nil), users...)
			sort.Strings(u)
			line += " (referenced by Terra function " + strings.Join(u, ", ") + ")"
		}
		lines = append(lines, line)
	}
	return fmt.Errorf("%s", strings.Join(lines, "\n"))
}
