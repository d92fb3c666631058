// This file tests specialization on parsed sources with a fake Host
// backed by a plain gopher-lua state (no Terra runtime).
package specialize

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/parse"
	"terrac/lang/source"
	"terrac/lang/tast"
)

// fakeHost stands Terra objects in Lua as userdata holding the Go value.
type fakeHost struct {
	L    *lua.LState
	syms map[*tree.Symbol]*lua.LUserData
}

func (h *fakeHost) CallHole(fn lua.LValue, args ...lua.LValue) ([]lua.LValue, error) {
	if IndexRequest(fn) {
		return []lua.LValue{h.L.GetField(args[0], string(args[1].(lua.LString)))}, nil
	}
	top := h.L.GetTop()
	if err := h.L.CallByParam(lua.P{Fn: fn, NRet: lua.MultRet, Protect: true}, args...); err != nil {
		return nil, err
	}
	var out []lua.LValue
	for i := top + 1; i <= h.L.GetTop(); i++ {
		out = append(out, h.L.Get(i))
	}
	h.L.SetTop(top)
	return out, nil
}

func (h *fakeHost) wrap(v any) *lua.LUserData {
	ud := h.L.NewUserData()
	ud.Value = v
	return ud
}

func (h *fakeHost) SymbolValue(s *tree.Symbol) lua.LValue {
	if ud := h.syms[s]; ud != nil {
		return ud
	}
	ud := h.wrap(s)
	h.syms[s] = ud
	return ud
}

func (h *fakeHost) Emitter() (lua.LValue, func() []lua.LValue) {
	var got []lua.LValue
	emit := h.L.NewFunction(func(L *lua.LState) int {
		for i := 1; i <= L.GetTop(); i++ {
			got = append(got, L.Get(i))
		}
		return 0
	})
	return emit, func() []lua.LValue { return got }
}

func as[T any](v lua.LValue) T {
	var zero T
	if ud, ok := v.(*lua.LUserData); ok {
		if x, ok := ud.Value.(T); ok {
			return x
		}
	}
	return zero
}

func (h *fakeHost) AsType(v lua.LValue) *types.Type        { return as[*types.Type](v) }
func (h *fakeHost) AsFunction(v lua.LValue) *tree.Function { return as[*tree.Function](v) }
func (h *fakeHost) AsSymbol(v lua.LValue) *tree.Symbol     { return as[*tree.Symbol](v) }
func (h *fakeHost) AsQuote(v lua.LValue) *tree.Quote       { return as[*tree.Quote](v) }
func (h *fakeHost) AsLabel(v lua.LValue) *tree.Label       { return as[*tree.Label](v) }

// env is a parsed and run chunk: the fake `$terra` records each
// anonymous function and quote with its hole closures.
type env struct {
	h     *fakeHost
	file  *source.File
	reg   *tast.Registry
	made  []made
	fns   map[string]*tree.Function
	types map[string]*types.Type
}

type made struct {
	id    int
	holes []lua.LValue
}

// run parses src and runs it with globals int, double (types), g (a
// declared function), and whatever setup adds.
func run(t *testing.T, src string) *env {
	t.Helper()
	L := lua.NewState()
	t.Cleanup(L.Close)
	e := &env{h: &fakeHost{L: L, syms: map[*tree.Symbol]*lua.LUserData{}}, reg: tast.NewRegistry(),
		fns: map[string]*tree.Function{}}
	e.file = source.NewFile("t.t", []byte(src))
	stmts, err := parse.File(e.file, e.reg)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	L.SetGlobal("int", e.h.wrap(types.Int32))
	L.SetGlobal("double", e.h.wrap(types.Float64))
	g := tree.NewFunction("g")
	e.fns["g"] = g
	L.SetGlobal("g", e.h.wrap(g))
	L.SetGlobal("symint", L.NewFunction(func(L *lua.LState) int {
		L.Push(e.h.SymbolValue(tree.NewSymbol(L.CheckString(1), types.Int32)))
		return 1
	}))
	L.SetGlobal("symuntyped", L.NewFunction(func(L *lua.LState) int {
		L.Push(e.h.SymbolValue(tree.NewSymbol(L.CheckString(1), nil)))
		return 1
	}))
	record := func(L *lua.LState) int {
		m := made{id: L.CheckInt(1)}
		for i := 2; i <= L.GetTop(); i++ {
			m.holes = append(m.holes, L.Get(i))
		}
		e.made = append(e.made, m)
		L.Push(lua.LNumber(len(e.made)))
		return 1
	}
	tt := L.NewTable()
	tt.RawSetString("anonfunction", L.NewFunction(record))
	tt.RawSetString("quote", L.NewFunction(func(L *lua.LState) int {
		record(L)
		// Specialize now, as the runtime does, so a later splice sees it.
		m := e.made[len(e.made)-1]
		q, err := New(e.h, e.reg.Get(m.id), m.holes).Quote(e.reg.Get(m.id).Root.(*tast.Quote))
		if err != nil {
			L.RaiseError("%v", err)
		}
		L.Push(e.h.wrap(q))
		return 1
	}))
	L.SetGlobal("$terra", tt)
	proto, err := lua.Compile(stmts, "t.t")
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	L.Push(L.NewFunctionFromProto(proto))
	if err := L.PCall(0, 0, nil); err != nil {
		t.Fatalf("run: %v", err)
	}
	return e
}

// function specializes the last anonymous function made by the chunk.
func (e *env) function(t *testing.T) (*tree.Function, error) {
	t.Helper()
	for i := len(e.made) - 1; i >= 0; i-- {
		tr := e.reg.Get(e.made[i].id)
		if f, ok := tr.Root.(*tast.Func); ok {
			fn := tree.NewFunction("f")
			err := New(e.h, tr, e.made[i].holes).Function(f, fn)
			return fn, err
		}
	}
	t.Fatal("no function made")
	return nil, nil
}

// show prints a specialized expression compactly for comparisons.
func show(x tree.Expr) string {
	switch x := x.(type) {
	case *tree.Var:
		return "var " + x.Sym.Name
	case *tree.FuncRef:
		return "func " + x.Fn.Name
	case *tree.IntLit:
		return "int " + x.Type.String() + " " + itoa(int64(x.Bits))
	case *tree.FloatLit:
		return "float " + x.Type.String()
	case *tree.StringLit:
		return "string " + x.Value
	case *tree.BoolLit:
		if x.Value {
			return "true"
		}
		return "false"
	case *tree.LuaValue:
		if x.Type != nil && x.Type.IsError() {
			return "error"
		}
		return "lua " + x.Value.Type().String()
	case *tree.Binary:
		return "(" + show(x.X) + " " + x.Op + " " + show(x.Y) + ")"
	case *tree.Call:
		var args []string
		for _, a := range x.Args {
			args = append(args, show(a))
		}
		return "call " + show(x.Fn) + "(" + strings.Join(args, ", ") + ")"
	case *tree.Let:
		var es []string
		for _, a := range x.Exprs {
			es = append(es, show(a))
		}
		return "let[" + itoa(int64(len(x.Stmts))) + "](" + strings.Join(es, ", ") + ")"
	}
	return "?"
}

func itoa(n int64) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// returned is what `return e` in the function's last statement became.
func returned(t *testing.T, fn *tree.Function) string {
	t.Helper()
	ss := fn.Def.Body.Stmts
	r, ok := ss[len(ss)-1].(*tree.Return)
	if !ok {
		t.Fatalf("last statement is %T", ss[len(ss)-1])
	}
	var out []string
	for _, x := range r.Exprs {
		out = append(out, show(x))
	}
	return strings.Join(out, "; ")
}

func TestResolveNames(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"lua number local", "local k = 7\nf = terra() return k end", "int int32 7"},
		{"lua float", "local k = 2.5\nf = terra() return k end", "float double"},
		{"big number is double", "local k = 2^40\nf = terra() return k end", "float double"},
		{"string global", "s = 'hi'\nf = terra() return s end", "string hi"},
		{"boolean", "local b = false\nf = terra() return b end", "false"},
		{"function", "f = terra() return g end", "func g"},
		{"call of function", "f = terra(a : int) return g(a, 1) end", "call func g(var a, int int32 1)"},
		{"table stays lua value", "tb = {k = 1}\nf = terra() return tb end", "lua table"},
		{"empty table is an empty list", "tb = {}\nf = terra() return tb end", "let[0]()"},
		{"table field looked up now", "tb = {k = 3}\nf = terra() return tb.k end", "int int32 3"},
		{"symbol value", "local s = symint('q')\nf = terra() return s end", "var q"},
		{"parameter shadows lua", "local a = 1\nf = terra(a : int) return a end", "var a"},
		{"expression quote spliced", "local q = `1 + 2\nf = terra() return q end", "(int int32 1 + int int32 2)"},
		{"escape list expands in args", "local t = {1, 2, 3}\nf = terra() return g([t]) end",
			"call func g(int int32 1, int int32 2, int int32 3)"},
		{"escape multiple returns expand", "local function two() return 4, 5 end\nf = terra() return g(0, [two()]) end",
			"call func g(int int32 0, int int32 4, int int32 5)"},
		{"escape list in single position is a let", "local t = {1, 2}\nf = terra() return [t] + 1 end",
			"(let[0](int int32 1, int int32 2) + int int32 1)"},
		{"escape sees terra locals as symbols", "f = terra(a : int) return [a] end", "var a"},
		{"toterraexpression", "local o = setmetatable({}, {__toterraexpression = function() return 9 end})\nf = terra() return o end",
			"int int32 9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := run(t, tt.src)
			fn, err := e.function(t)
			if err != nil {
				t.Fatalf("specialize: %v", err)
			}
			if diff := cmp.Diff(tt.want, returned(t, fn)); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTypeAnnotations(t *testing.T) {
	tests := []struct {
		name, src string
		params    []*types.Type
		result    *types.Type
	}{
		{"plain", "f = terra(a : int, b : double) : int return a end",
			[]*types.Type{types.Int32, types.Float64}, types.Int32},
		{"list of types is a tuple", "f = terra() : {int, double} return 1, 2 end",
			nil, types.TupleOf(types.Int32, types.Float64)},
		{"one-element list is the type", "f = terra() : {int} return 1 end", nil, types.Int32},
		{"empty list is unit", "f = terra() : {} end", nil, types.Unit()},
		{"escape computes type", "local function T() return double end\nf = terra(x : T()) : T() return x end",
			[]*types.Type{types.Float64}, types.Float64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fn, err := run(t, tt.src).function(t)
			if err != nil {
				t.Fatalf("specialize: %v", err)
			}
			var ps []*types.Type
			for _, p := range fn.Def.Params {
				ps = append(ps, p.Type)
			}
			ident := cmp.Comparer(func(a, b *types.Type) bool { return a == b })
			if diff := cmp.Diff(tt.params, ps, ident); diff != "" {
				t.Errorf("params (-want +got):\n%s", diff)
			}
			if fn.Def.Result != tt.result {
				t.Errorf("result = %v, want %v", fn.Def.Result, tt.result)
			}
			if want := types.FuncOf(tt.params, tt.result, false); fn.Type != want {
				t.Errorf("function type = %v, want %v", fn.Type, want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // rendered "t.t:line:col: message" lines
	}{
		{"unknown name", "f = terra()\n  return nope + 1\nend",
			[]string{"t.t:2:10: variable 'nope' not found"}},
		{"duplicate variable", "f = terra()\n  var x = 1\n  var x = 2\nend",
			[]string{"t.t:3:7: duplicate definition of variable x"}},
		{"duplicate parameter", "f = terra(a : int, a : int) end",
			[]string{"t.t:1:20: duplicate definition of variable a"}},
		{"not a type", "f = terra(a : 3) end",
			[]string{"t.t:1:15: expected a type but found number"}},
		{"not a type in list", "f = terra() : {int, 'x'} end",
			[]string{"t.t:1:15: expected a type but found string"}},
		{"parameter symbol without type", "f = terra([symuntyped('p')]) end",
			[]string{"t.t:1:11: type must be specified for parameters and uninitialized variables"}},
		{"parameter named by a string", "f = terra([('p')]) end",
			[]string{"t.t:1:11: expected a symbol but found string"}},
		{"lua error in escape", "f = terra() return [error('boom', 0)] end",
			[]string{"t.t:1:21: error evaluating lua code: boom"}},
		{"nil escape", "f = terra() return [nil] end",
			[]string{"t.t:1:20: lua object of type nil not understood by terra code"}},
		{"two errors sorted", "f = terra()\n  var y = b\n  return a\nend",
			[]string{"t.t:2:11: variable 'b' not found", "t.t:3:10: variable 'a' not found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := run(t, tt.src).function(t)
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("error = %v, want *specialize.Error", err)
			}
			var got []string
			for _, d := range se.Diagnostics() {
				got = append(got, d.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			if !strings.HasSuffix(err.Error(), "\nErrors reported during typechecking.") {
				t.Errorf("error text lacks Terra's trailer:\n%s", err)
			}
		})
	}
}

func TestConvert(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	h := &fakeHost{L: L, syms: map[*tree.Symbol]*lua.LUserData{}}
	f := source.NewFile("c.t", []byte("xxxx"))
	at := source.Span{File: f, Start: 1, End: 2}
	fn := tree.NewFunction("h")
	sym := tree.NewSymbol("s", types.Int32)
	inner := &tree.Var{Sym: sym}
	exprQ := &tree.Quote{Exprs: []tree.Expr{inner}, IsExpr: true}
	stmtQ := &tree.Quote{Stmts: []tree.Stmt{&tree.ExprStmt{X: &tree.NilLit{}}}}
	tb := L.NewTable()
	tb.RawSetString("k", lua.LTrue)
	list := L.NewTable()
	list.Append(lua.LNumber(1))
	list.Append(lua.LString("x"))
	fnv := L.NewFunction(func(*lua.LState) int { return 0 })
	tests := []struct {
		name string
		v    lua.LValue
		want tree.Expr
	}{
		{"function", h.wrap(fn), &tree.FuncRef{ExprBase: tree.ExprBase{Pos: at}, Fn: fn}},
		{"symbol", h.wrap(sym), &tree.Var{ExprBase: tree.ExprBase{Pos: at}, Sym: sym}},
		{"expression quote is copied", h.wrap(exprQ), &tree.Var{Sym: sym}},
		{"statement quote is a let", h.wrap(stmtQ), &tree.Let{ExprBase: tree.ExprBase{Pos: at},
			Stmts: []tree.Stmt{&tree.ExprStmt{X: &tree.NilLit{}}}}},
		{"integral number", lua.LNumber(-3), &tree.IntLit{ExprBase: tree.ExprBase{Pos: at, Type: types.Int32}, Bits: uint64(0xFFFFFFFFFFFFFFFD)}},
		{"int32 limit", lua.LNumber(2147483647), &tree.IntLit{ExprBase: tree.ExprBase{Pos: at, Type: types.Int32}, Bits: 2147483647}},
		{"beyond int32 is double", lua.LNumber(2147483648), &tree.FloatLit{ExprBase: tree.ExprBase{Pos: at, Type: types.Float64}, Value: 2147483648}},
		{"fraction", lua.LNumber(0.5), &tree.FloatLit{ExprBase: tree.ExprBase{Pos: at, Type: types.Float64}, Value: 0.5}},
		{"bool", lua.LTrue, &tree.BoolLit{ExprBase: tree.ExprBase{Pos: at, Type: types.Boolean}, Value: true}},
		{"string", lua.LString("abc"), &tree.StringLit{ExprBase: tree.ExprBase{Pos: at, Type: types.PointerTo(types.Int8)}, Value: "abc"}},
		{"table", tb, &tree.LuaValue{ExprBase: tree.ExprBase{Pos: at}, Value: tb}},
		{"empty list", L.NewTable(), &tree.Let{ExprBase: tree.ExprBase{Pos: at}}},
		{"list is a let of its values", list, &tree.Let{ExprBase: tree.ExprBase{Pos: at}, Exprs: []tree.Expr{
			&tree.IntLit{ExprBase: tree.ExprBase{Pos: at, Type: types.Int32}, Bits: 1},
			&tree.StringLit{ExprBase: tree.ExprBase{Pos: at, Type: types.PointerTo(types.Int8)}, Value: "x"}}}},
		{"lua function", fnv, &tree.LuaValue{ExprBase: tree.ExprBase{Pos: at}, Value: fnv}},
		{"type stays lua value", h.wrap(types.Int32), &tree.LuaValue{ExprBase: tree.ExprBase{Pos: at}, Value: nil}},
	}
	opts := cmp.Options{
		cmp.Comparer(func(a, b *tree.Symbol) bool { return a == b }),
		cmp.Comparer(func(a, b *tree.Function) bool { return a == b }),
		cmp.Comparer(func(a, b *types.Type) bool { return a == b }),
		cmp.Comparer(func(a, b *source.File) bool { return a == b }),
		cmp.Comparer(func(a, b lua.LValue) bool { return a == b || a == nil || b == nil }),
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Convert(h, tt.v, at)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, opts); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if got, _ := Convert(h, h.wrap(exprQ), at); got == inner {
		t.Errorf("quote expression was not copied")
	}
	if _, err := Convert(h, lua.LNil, at); err == nil || err.Error() != "lua object of type nil not understood by terra code" {
		t.Errorf("Convert(nil) error = %v", err)
	}
}
