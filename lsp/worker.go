// This file implements the worker: the one goroutine that owns every Lua
// state. Check runs and the questions asked of their results (hover,
// definition, completion) are queued to it as tasks, so no state is used
// by two goroutines.
package lsp

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/stdlib/terralib"
	"terrac/tools/checkmode"
)

// snapshot is the checked state of one document version.
type snapshot struct {
	doc    document
	rt     *terralib.Runtime // nil when the program did not parse
	fns    []*tree.Function
	result checkmode.Result
	set    settings // what the run used
	ran    bool     // its Lua stage ran to its end or to a call into Terra
}

func (s *snapshot) close() {
	if s != nil && s.rt != nil {
		s.rt.Close()
		s.rt = nil
	}
}

// worker runs tasks one at a time on its own goroutine.
type worker struct {
	tasks chan func()
	// snaps holds the latest checked version of each document (by URI);
	// usable the latest whose Lua stage ran through (else the latest with
	// a state), for completion while the text is half typed. Both are
	// touched only by the worker.
	snaps  map[string]*snapshot
	usable map[string]*snapshot
}

func newWorker() *worker {
	w := &worker{tasks: make(chan func(), 64), snaps: map[string]*snapshot{}, usable: map[string]*snapshot{}}
	go func() {
		for t := range w.tasks {
			w.run(t)
		}
	}()
	return w
}

// run runs one task; a Go panic (a terrac bug) is logged and the server
// goes on with the next task rather than exit.
func (w *worker) run(t func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "terrac lsp: internal error: %v\n", r)
		}
	}()
	t()
}

// do runs f on the worker and waits for it.
func (w *worker) do(f func()) {
	done := make(chan struct{})
	w.tasks <- func() {
		defer close(done)
		f()
	}
	<-done
}

// check runs the check of one document version. It returns nil when ctx
// was cancelled (a newer version arrived) before or during the run.
func (w *worker) check(ctx context.Context, doc document, set settings) *snapshot {
	if ctx.Err() != nil {
		return nil
	}
	ran := false // the Lua stage reached its end or a call into Terra
	opts := checkmode.Options{
		NoLuaIO:        !set.Trust,
		OutputToStderr: true, // standard output carries the protocol
		Timeout:        set.Timeout,
		Context:        ctx,
		Keep:           true,
		Setup: func(rt *terralib.Runtime) {
			addSearchDir(rt, filepath.Dir(doc.path))
			installEndHook(rt, func() { ran = true })
		},
		OnStop: func(L *lua.LState) {
			ran = true
			captureLocals(L, doc.path)
		},
	}
	if !set.Trust {
		opts.Prelude = []string{untrustedPrelude}
	}
	text := doc.text
	if pd := parseText(doc.path, text); pd.err == nil && !pd.endsWithReturn() {
		text += endHook(pd.topLocals()) // nothing may follow a chunk's last return
	}
	res := checkmode.Source(doc.path, []byte(text), opts)
	if res.Cancelled || ctx.Err() != nil && !res.TimedOut {
		if res.Runtime != nil {
			res.Runtime.Close()
		}
		return nil
	}
	snap := &snapshot{doc: doc, rt: res.Runtime, fns: res.Functions, result: res, set: set, ran: ran}
	old, good := w.snaps[doc.uri], w.usable[doc.uri]
	w.snaps[doc.uri] = snap
	if snap.rt != nil && (snap.ran || good == nil || !good.ran) || good == nil {
		w.usable[doc.uri] = snap
	}
	for _, x := range []*snapshot{old, good} {
		if x != nil && x != w.snaps[doc.uri] && x != w.usable[doc.uri] {
			x.close()
		}
	}
	return snap
}

// closeAll drops every snapshot of uri.
func (w *worker) closeAll(uri string) {
	w.snaps[uri].close()
	w.usable[uri].close()
	delete(w.snaps, uri)
	delete(w.usable, uri)
}

// addSearchDir puts dir first on package.terrapath and package.path, so
// that require finds the modules next to the document.
func addSearchDir(rt *terralib.Runtime, dir string) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return
	}
	pkg, ok := rt.L.GetGlobal("package").(*lua.LTable)
	if !ok {
		return
	}
	dir = strings.ReplaceAll(dir, "?", "")
	for field, pats := range map[string]string{
		"terrapath": dir + "/?.t;" + dir + "/?/init.t;",
		"path":      dir + "/?.lua;",
	} {
		pkg.RawSetString(field, lua.LString(pats+lua.LVAsString(pkg.RawGetString(field))))
	}
}
