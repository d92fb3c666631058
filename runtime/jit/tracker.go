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
	"unsafe"
)

// Tracker adds code to the JIT on behalf of one owner. Its methods are
// safe for concurrent use, like the JIT's; after Remove they fail.
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
	j.sweep()
	return &Tracker{j: j, rt: C.terrac_tracker_new(j.c), opt: -1}
}

// sweep gives what untracked operations added since the last sweep to
// the process, so that no tracker adopts it. j.mu must be held.
func (j *JIT) sweep() {
	if j.processRT == nil {
		j.processRT = C.terrac_tracker_new(j.c)
	}
	C.terrac_tracker_adopt(j.c, j.processRT)
}

// tracked runs op for t with j.mu held: what op adds to the JIT becomes
// t's; symbols the process generator defines while op looks symbols up
// (host functions) become the process's.
func (t *Tracker) tracked(op func() error) error {
	j := t.j
	j.mu.Lock()
	defer j.mu.Unlock()
	if t.rt == nil {
		return ErrTrackerRemoved
	}
	j.sweep()
	err := op()
	C.terrac_tracker_adopt(j.c, t.rt)
	return err
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

// AddIR is JIT.AddIR for the tracker's owner.
func (t *Tracker) AddIR(ir, name string) error {
	return t.tracked(func() error {
		opts := t.j.opts
		if t.opt >= 0 {
			t.j.opts.OptLevel = t.opt
			defer func() { t.j.opts = opts }()
		}
		if done, err := t.j.addCached(ir, name, t.j.opts.OptLevel); done {
			return err
		}
		return t.j.addIR(ir, name)
	})
}

// AddLazyIR is JIT.AddLazyIR for the tracker's owner.
func (t *Tracker) AddLazyIR(ir, name string) error {
	return t.tracked(func() error {
		opts := t.j.opts
		if t.opt >= 0 {
			t.j.opts.OptLevel = t.opt
			defer func() { t.j.opts = opts }()
		}
		return t.j.addIR(ir, name)
	})
}

// DefineAbsolute is JIT.DefineAbsolute for the tracker's owner: the
// symbol disappears with the tracker.
func (t *Tracker) DefineAbsolute(name string, addr uintptr) error {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	return t.tracked(func() error {
		return cerr("DefineAbsolute "+name, C.terrac_jit_define_absolute(t.j.c, cname, C.uint64_t(addr)))
	})
}

// Lookup is JIT.Lookup; the module it compiles is the owner's already,
// the host symbols it resolves are the process's.
func (t *Tracker) Lookup(name string) (uintptr, error) {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	var addr C.uint64_t
	j := t.j
	j.mu.Lock()
	defer j.mu.Unlock()
	if t.rt == nil {
		return 0, ErrTrackerRemoved
	}
	j.sweep()
	err := cerr("Lookup "+name, C.terrac_jit_lookup(j.c, cname, &addr))
	j.sweep()
	if err != nil {
		return 0, err
	}
	return uintptr(addr), nil
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
	// ones of other owners are kept and ours can be dropped by address.
	j.takeDebugObjects()
	j.sweep()
	err := cerr("Remove", C.terrac_tracker_remove(j.c, t.rt))
	t.rt = nil
	j.dropDeadDebugInfo()
	return err
}
