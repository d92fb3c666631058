// This file implements Session: evaluating one REPL input (expressions,
// statements, persistent top-level locals and imports) and printing
// values and errors.
package repl

import (
	"errors"
	"fmt"
	"io"
	"strings"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/ast"

	"terrac/lang/parse"
	"terrac/lang/source"
	"terrac/runtime/jit"
	"terrac/stdlib/terralib"
)

// chunkName names every input in messages (stdin:LINE:COL).
const chunkName = "stdin"

// Session is one REPL's state: a runtime whose globals persist across
// inputs, and the languages imported so far.
type Session struct {
	rt    *terralib.Runtime
	out   io.Writer
	langs []parse.Language
}

// NewSession makes a session on rt that prints to out.
func NewSession(rt *terralib.Runtime, out io.Writer) *Session {
	return &Session{rt: rt, out: out}
}

// Eval runs one input. It reports incomplete (and does nothing) when the
// input ends inside an unfinished construct, so the caller reads more.
func (s *Session) Eval(src string) (incomplete bool) {
	defer jit.Flush()
	trimmed := strings.TrimSpace(src)
	switch {
	case trimmed == "":
		return false
	case strings.HasPrefix(trimmed, ":"):
		s.meta(trimmed)
		return false
	case strings.HasPrefix(trimmed, "="):
		src = "return " + trimmed[1:]
	}
	fn, exprErr, err := s.load(src)
	if err != nil {
		if isIncomplete(err) || isIncomplete(exprErr) {
			return true
		}
		s.printErr(err)
		return false
	}
	vals, err := s.call(fn)
	if err != nil {
		s.printErr(err)
		return false
	}
	if len(vals) > 0 {
		strs := make([]string, len(vals))
		for i, v := range vals {
			strs[i] = s.show(v)
		}
		jit.Flush()
		fmt.Fprintln(s.out, strings.Join(strs, "\t"))
	}
	return false
}

// load compiles an input: as "return <input>" when that parses (a bare
// expression prints its values), else as statements whose top-level
// locals become globals so later inputs see them. exprErr is why the
// input is not an expression.
func (s *Session) load(src string) (fn *lua.LFunction, exprErr, err error) {
	var imported []parse.Language
	cfg := s.rt.ParseConfig()
	importer := cfg.Importer
	cfg.Importer = func(name string) (parse.Language, error) {
		l, err := importer(name)
		if err == nil {
			imported = append(imported, l)
		}
		return l, err
	}
	cfg.Languages = s.langs
	fn, exprErr = s.rt.LoadChunk(chunkName, []byte("return "+src), cfg, nil)
	if exprErr == nil {
		return fn, nil, nil
	}
	imported = nil
	fn, err = s.rt.LoadChunk(chunkName, []byte(src), cfg, globalizeLocals)
	if err == nil {
		s.langs = append(s.langs, imported...)
	}
	return fn, exprErr, err
}

// globalizeLocals turns top-level `local a, b = e` (and `local function
// f`) into assignments to globals: each input is its own chunk, and a
// local would die with it.
func globalizeLocals(stmts []ast.Stmt) []ast.Stmt {
	for i, st := range stmts {
		la, ok := st.(*ast.LocalAssignStmt)
		if !ok {
			continue
		}
		as := &ast.AssignStmt{Rhs: la.Exprs}
		for _, n := range la.Names {
			id := &ast.IdentExpr{Value: n}
			id.SetLine(la.Line())
			as.Lhs = append(as.Lhs, id)
		}
		if len(as.Rhs) == 0 {
			nilx := &ast.NilExpr{}
			nilx.SetLine(la.Line())
			as.Rhs = []ast.Expr{nilx}
		}
		as.SetLine(la.Line())
		as.SetLastLine(la.LastLine())
		stmts[i] = as
	}
	return stmts
}

// isIncomplete reports whether a parse failed only because the input
// ended early: its first error is at the end of the input.
func isIncomplete(err error) bool {
	var list source.List
	if !errors.As(err, &list) || len(list) == 0 {
		return false
	}
	msg := list[0].Msg
	return strings.HasSuffix(msg, "near <eof>") || strings.HasSuffix(msg, "near '<eof>'")
}

func (s *Session) call(fn *lua.LFunction) ([]lua.LValue, error) {
	L := s.rt.L
	top := L.GetTop()
	L.Push(fn)
	if err := L.PCall(0, lua.MultRet, nil); err != nil {
		L.SetTop(top)
		return nil, err
	}
	vals := make([]lua.LValue, 0, L.GetTop()-top)
	for i := top + 1; i <= L.GetTop(); i++ {
		vals = append(vals, L.Get(i))
	}
	L.SetTop(top)
	return vals, nil
}

// evalExpr evaluates expr and returns its first value.
func (s *Session) evalExpr(expr string) (lua.LValue, error) {
	cfg := s.rt.ParseConfig()
	cfg.Languages = s.langs
	fn, err := s.rt.LoadChunk(chunkName, []byte("return "+expr), cfg, nil)
	if err != nil {
		return nil, err
	}
	vals, err := s.call(fn)
	if err != nil {
		return nil, err
	}
	if len(vals) == 0 {
		return lua.LNil, nil
	}
	return vals[0], nil
}

func (s *Session) printErr(err error) {
	jit.Flush()
	var list source.List
	if errors.As(err, &list) {
		for _, d := range list {
			fmt.Fprint(s.out, source.Render(d))
		}
		return
	}
	msg := err.Error()
	var ae *lua.ApiError
	if errors.As(err, &ae) && ae.Object != nil {
		msg = ae.Object.String()
		if ae.Type == lua.ApiErrorPanic {
			// A Go panic inside a Lua callback is a terrac bug, not the
			// user's: say so, and keep the session going.
			msg = "internal error: " + msg + "\nPlease report this as a terrac bug."
		}
	}
	if i := strings.Index(msg, "\nstack traceback:"); i >= 0 {
		msg = msg[:i]
	}
	fmt.Fprintln(s.out, strings.TrimRight(msg, "\n"))
}
