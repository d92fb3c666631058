// This file implements compiling ahead of need: a worker thread turns the
// IR of modules the engine expects to add soon (CompileAhead) into
// objects, so that when the module is added its object is ready and the
// calling thread only links it.
//
// The engine offers a function when it is defined, if checking it can
// run no Lua and depends on nothing that may change before its first call
// (check.Standalone): a program that defines many such functions and then
// calls them (generated kernels, a table of specializations) gets their
// code generation done on a second core while Lua goes on. A module is
// matched by its object-cache key, so an offer whose IR turns out
// different from what is added later (the function's attributes were
// changed in between, say) is never used, only wasted.
//
// The worker takes the newest offer first, while the calling thread
// compiles for itself whatever it needs that the worker has not started:
// when functions are defined in one order and called in the same order,
// the two meet in the middle and neither waits for the other. An offer
// the worker is compiling when it is needed is waited for (it is further
// along than a fresh start would be).
//
// What it costs: CPU time for functions that are never called. Offers
// stop once maxAhead are held; TERRAC_AHEAD=0 turns it off, and it is off
// on a machine with one processor, where the worker would only take time
// from the thread that needs the code.

package jit

/*
#include <stdlib.h>
#include "shim.h"
#include "stats.h"
*/
import "C"

import (
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"unsafe"

	"terrac/runtime/cache"
)

// maxAhead bounds the offers held (queued, being compiled, or compiled
// and not yet taken): about 4 KB each.
const maxAhead = 4096

// aheadNice is the worker thread's nice value: its work is a guess, so
// other processes on a busy machine go first.
const aheadNice = 5

const (
	aheadQueued = iota
	aheadRunning
	aheadDone
	aheadDropped // taken by the calling thread before the worker began
)

type aheadJob struct {
	key       cache.Key
	ir        string
	opt       C.int
	state     int
	obj       []byte // nil when the worker could not compile it
	fromCache bool   // obj was read from the cache
	done      chan struct{}
}

type ahead struct {
	mu    sync.Mutex
	cond  *sync.Cond
	jobs  map[cache.Key]*aheadJob
	stack []*aheadJob // newest last
	w     *C.terrac_jit
	off   bool         // the worker could not be made
	taken atomic.Int64 // objects compiled ahead and used (tests)
}

var (
	aheadOnce sync.Once
	aheadOn   bool
	aheadOff  atomic.Bool // DisableAhead
)

// DisableAhead turns compiling ahead off for the rest of the process:
// terrac build, whose Lua stage defines functions to save them, not to
// call them.
func DisableAhead() { aheadOff.Store(true) }

// AheadEnabled reports whether compiling ahead is on for this process:
// TERRAC_AHEAD=0 or off turns it off, =1 on; by default it is on when
// the process may use more than one processor.
func AheadEnabled() bool {
	if aheadOff.Load() {
		return false
	}
	aheadOnce.Do(func() {
		if v := os.Getenv("TERRAC_AHEAD"); v != "" {
			aheadOn = v != "0" && v != "off"
		} else {
			aheadOn = runtime.NumCPU() > 1 && runtime.GOMAXPROCS(0) > 1
		}
	})
	return aheadOn
}

// CompileAhead offers ir, a module the caller expects to add with AddIR
// soon, to the worker. It returns at once; it does nothing when compiling
// ahead is off, the offer is held already, or maxAhead offers are held.
func (j *JIT) CompileAhead(ir string) {
	if !AheadEnabled() || !cacheable(ir) {
		return
	}
	j.mu.Lock()
	opt := j.opts.cOpt()
	a := j.ahead
	if a == nil {
		a = &ahead{jobs: map[cache.Key]*aheadJob{}}
		a.cond = sync.NewCond(&a.mu)
		j.ahead = a
	}
	j.mu.Unlock()
	key := objKey(j, ir, int(opt))
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.off || a.jobs[key] != nil || len(a.jobs) >= maxAhead {
		return
	}
	if a.w == nil {
		var w *C.terrac_jit
		if err := cerr("worker", C.terrac_jit_worker(j.c, &w)); err != nil {
			a.off = true
			return
		}
		a.w = w
		go a.work()
	}
	job := &aheadJob{key: key, ir: ir, opt: opt, done: make(chan struct{})}
	a.jobs[key] = job
	a.stack = append(a.stack, job)
	a.cond.Signal()
}

// work is the worker: it compiles the newest queued offer, forever.
func (a *ahead) work() {
	runtime.LockOSThread() // the nice value belongs to this thread
	_ = syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), aheadNice)
	name := C.CString("terrac.ahead")
	defer C.free(unsafe.Pointer(name))
	for {
		a.mu.Lock()
		var job *aheadJob
		for job == nil {
			for len(a.stack) == 0 {
				a.cond.Wait()
			}
			job = a.stack[len(a.stack)-1]
			a.stack = a.stack[:len(a.stack)-1]
			if job.state == aheadDropped {
				job = nil
			}
		}
		job.state = aheadRunning
		a.mu.Unlock()

		var obj []byte
		fromCache := false
		if c := objCache(job.ir); c != nil {
			if o, ok := c.Get(cacheKind, job.key); ok && len(o) > 0 {
				obj, fromCache = o, true
			}
		}
		if obj == nil {
			p, n := irPtr(job.ir)
			var o unsafe.Pointer
			var olen C.size_t
			var cheap C.int
			if m := C.terrac_jit_compile_object(a.w, p, n, name, job.opt, &o, &olen, &cheap); m != nil {
				C.free(unsafe.Pointer(m)) // the calling thread compiles it again and reports
			} else if o != nil {
				obj = C.GoBytes(o, C.int(olen))
				C.free(o)
			}
		}

		a.mu.Lock()
		job.obj, job.fromCache = obj, fromCache
		job.state = aheadDone
		close(job.done)
		a.mu.Unlock()
	}
}

// take returns the object compiled ahead for key, waiting if the worker
// is compiling it; ok is false when there is none (never offered, not
// started: the offer is dropped, or the worker failed), and the caller
// compiles the module itself.
func (a *ahead) take(key cache.Key) (obj []byte, fromCache, ok bool) {
	if a == nil {
		return nil, false, false
	}
	a.mu.Lock()
	job := a.jobs[key]
	if job == nil {
		a.mu.Unlock()
		return nil, false, false
	}
	delete(a.jobs, key)
	if job.state == aheadQueued {
		job.state = aheadDropped
		job.ir = ""
		a.mu.Unlock()
		return nil, false, false
	}
	a.mu.Unlock()
	t0 := C.terrac_stats_now()
	<-job.done
	if job.obj == nil {
		return nil, false, false
	}
	C.terrac_stats_add(C.TERRAC_STAGE_AHEAD, t0)
	a.taken.Add(1)
	return job.obj, job.fromCache, true
}
