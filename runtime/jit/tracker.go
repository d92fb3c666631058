// This file implements trackers: the JIT code, data and symbols one owner
// (an embedded state) added, removed together when the owner is done,
// which frees their memory. Code added through the JIT's own methods
// belongs to the process and is never removed.

package jit

/*
#include <stdlib.h>
#include "dylib.h"
*/
import "C"

import (
	"errors"
)

// Tracker adds code to the JIT on behalf of one owner. Its methods are
// safe for concurrent use, like the JIT's; after Remove they fail.
//
// Absolute symbols it defines (DefineAbsolute) are not removed: the LLVM
// 14 C API can only define them in the default tracker. Each is a symbol
// table entry of a name no one else uses (a global's storage).
type Tracker struct {
	j   *JIT
	rt  C.LLVMOrcResourceTrackerRef // nil once removed
	opt int                         // optimization level; -1: the JIT's
}

// ErrTrackerRemoved is returned by a Tracker's methods after Remove.
var ErrTrackerRemoved = errors.New("jit: the code of this state was freed (the state is closed)")

// NewTracker makes a tracker whose code can be removed with Remove.
func (j *JIT) NewTracker() *Tracker {
	j.mu.Lock()
	defer j.mu.Unlock()
	return &Tracker{j: j, rt: C.terrac_tracker_new(j.c), opt: -1}
}

// tracked runs op for t with j.mu held: the modules and objects op adds
// become t's.
func (t *Tracker) tracked(op func() error) error {
	j := t.j
	j.mu.Lock()
	defer j.mu.Unlock()
	if t.rt == nil {
		return ErrTrackerRemoved
	}
	C.terrac_tracker_use(j.c, t.rt)
	defer C.terrac_tracker_use(j.c, nil)
	return op()
}

// JIT returns the JIT the tracker adds to.
func (t *Tracker) JIT() *JIT { return t.j }

// SetOptLevel sets the optimization level (0..3) of the modules the
// tracker adds from now on; -1 means the JIT's (Options.OptLevel).
func (t *Tracker) SetOptLevel(level int) {
	t.j.mu.Lock()
	t.opt = level
	t.j.mu.Unlock()
}

// cOpt is the shim's opt argument for the tracker's modules: its own
// level when set, with the JIT's fast-start choice. Called with j.mu held.
func (t *Tracker) cOpt() C.int {
	o := t.j.opts
	if t.opt >= 0 {
		o.OptLevel = t.opt
	}
	return o.cOpt()
}

// AddIR is JIT.AddIR for the tracker's owner.
func (t *Tracker) AddIR(ir, name string) error {
	return t.tracked(func() error {
		opt := t.cOpt()
		if done, err := t.j.addCached(ir, name, opt); done {
			return err
		}
		return t.j.addIROpt(ir, name, opt)
	})
}

// AddLazyIR is JIT.AddLazyIR for the tracker's owner.
func (t *Tracker) AddLazyIR(ir, name string) error {
	return t.tracked(func() error {
		opt := t.cOpt()
		return t.j.addIROpt(ir, name, opt)
	})
}

// DefineAbsolute is JIT.DefineAbsolute (the symbol stays after Remove).
func (t *Tracker) DefineAbsolute(name string, addr uintptr) error {
	if t.removed() {
		return ErrTrackerRemoved
	}
	return t.j.DefineAbsolute(name, addr)
}

// Lookup is JIT.Lookup.
func (t *Tracker) Lookup(name string) (uintptr, error) {
	if t.removed() {
		return 0, ErrTrackerRemoved
	}
	return t.j.Lookup(name)
}

func (t *Tracker) removed() bool {
	t.j.mu.Lock()
	defer t.j.mu.Unlock()
	return t.rt == nil
}

// Remove frees the code and data the tracker's owner added and removes
// their symbols; line information and fault symbolization forget them.
// Nothing may run that code any more. Later calls do nothing.
func (t *Tracker) Remove() error {
	j := t.j
	j.mu.Lock()
	defer j.mu.Unlock()
	if t.rt == nil {
		return nil
	}
	// Parse pending line tables while their code is still placed, so the
	// ones of other owners are kept and ours can be dropped.
	j.takeDebugObjects()
	err := cerr("Remove", C.terrac_tracker_remove(j.c, t.rt))
	t.rt = nil
	j.dropDeadDebugInfo()
	return err
}
