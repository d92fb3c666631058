// This file implements managed types (RAII): which types are managed,
// the functions that initialize, destroy, copy and move them, and the
// rewriting of checked statements so that every managed value has
// exactly one owner. See docs/raii.md for the rules.
//
// The rewriting runs on each statement right after it is checked
// (raiiStmts, called from stmts), and on return values once the result
// type is known (raiiReturns). It only produces ordinary checked nodes:
//
//   - `var x : T` becomes the declaration, a call of T's initializer and
//     a deferred destructor call (tree.Defer with Owner x), so lowering
//     runs it on every exit of the block, as it does user defers;
//   - a value taken over (initializer, assigned value, by-value
//     argument, constructor field) is left alone when it is a fresh
//     rvalue, and otherwise copied (T's __copy into a fresh temporary)
//     or moved (its bits, then its source re-initialized); a returned
//     value is always moved, and a returned local is not destroyed on
//     that path (tree.Return.Moved);
//   - a managed rvalue nobody takes over becomes a tree.Temp, destroyed
//     by the tree.FullExpr around the statement's expression.
//
// A function with no managed type meets none of these cases and is left
// exactly as it was.
package check

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// raiiInfo is what the checker decided about a struct or array type; it
// is cached in types.Type.RAII. An unmanaged struct with its own __init
// has one too (managed false, initFn set): `var x : T` calls it.
type raiiInfo struct {
	t       *types.Type
	managed bool
	// The functions the compiler calls: the user's methods (wrapped when
	// they are macros or overloaded) or generated ones. copyFn is nil
	// when values of the type cannot be copied (they move instead).
	initFn, dtorFn, copyFn, moveFn *tree.Function
	bad                            bool // a method has a wrong signature
	badMsg                         string
	badNotes                       []source.Note
}

// badMethod records and reports a method of the wrong kind or type; the
// error is repeated in every function that uses the type.
func (check *Checker) badMethod(r *raiiInfo, at source.Span, notes []source.Note, format string, args ...any) {
	r.bad, r.badMsg, r.badNotes = true, fmt.Sprintf(format, args...), notes
	check.reportBad(r, at)
}

func (check *Checker) reportBad(r *raiiInfo, at source.Span) {
	e := check.env
	if e.raiiBad == nil {
		e.raiiBad = map[*raiiInfo]bool{}
	}
	if e.raiiBad[r] {
		return
	}
	e.raiiBad[r] = true
	d := check.errorf(at, "%s", r.badMsg)
	d.Notes = append(d.Notes, r.badNotes...)
}

// RaiiHost is implemented by hosts that publish the methods the
// compiler generates for a managed struct (in its Lua methods table, so
// that Lua code sees T.methods.__dtor and the like). A method the
// struct already has is not replaced.
type RaiiHost interface {
	SetGeneratedMethod(t *types.Type, name string, fn *tree.Function)
	// RawMethod is t.methods[name] without the __getmethod metamethod,
	// which must not be asked about (or invent) the RAII methods.
	RawMethod(t *types.Type, name string) lua.LValue
}

// Managed reports whether t is a managed type, completing it first.
// It is for Lua code (terralib.ismanaged) and may be called between
// function checks; an error is a bad method of t or a failed completion.
func (check *Checker) Managed(t *types.Type) (bool, error) {
	if err := t.Complete(); err != nil {
		return false, err
	}
	// A scratch environment: this may run from Lua in the middle of
	// checking a function (a macro), whose diagnostics must not change.
	saved := check.env
	check.env = &env{labels: map[*tree.Label]*labelInfo{}, refSet: map[*tree.Function]bool{}, completed: map[*types.Type]bool{}}
	defer func() { check.env = saved }()
	r := check.raiiOf(t, source.Span{})
	if len(check.env.diags) > 0 {
		return false, fmt.Errorf("%s", check.env.diags[0].Msg)
	}
	return r != nil, nil
}

// unmanaged is shared by every type found not to be managed.
var unmanaged = &raiiInfo{}

// raiiOf returns the managed-type information of t, or nil when t is not
// managed. at is where the type is used (for errors and for the
// positions of generated functions).
func (check *Checker) raiiOf(t *types.Type, at source.Span) *raiiInfo {
	if t == nil || (t.Kind != types.Struct && t.Kind != types.Array) {
		return nil
	}
	if r, ok := t.RAII.(*raiiInfo); ok {
		if !r.managed {
			return nil
		}
		if r.bad {
			check.reportBad(r, at)
		}
		return r
	}
	if !t.IsComplete() {
		return nil // not decided yet: decided once the type is complete
	}
	if t.Kind == types.Array {
		if check.raiiOf(t.Elem, at) == nil {
			t.RAII = unmanaged
			return nil
		}
	} else if check.userMethod(t, "__dtor") == nil && !check.hasManagedField(t, at) {
		t.RAII = unmanaged
		if v := check.userMethod(t, "__init"); v != nil {
			// Not managed, but `var x : T` still calls T's own __init.
			r := &raiiInfo{t: t}
			t.RAII = r
			r.initFn = check.userMethodFunc(r, "__init", v, at, true) // nil when it does not fit: not an error here
		}
		return nil
	}
	r := &raiiInfo{t: t, managed: true}
	t.RAII = r
	check.raiiFunctions(r, at)
	return r
}

// managed reports whether e's type is managed.
func (check *Checker) managed(e tree.Expr) *raiiInfo {
	if e == nil {
		return nil
	}
	return check.raiiOf(e.Base().Type, e.Span())
}

// userMethod returns t.methods[name] when t is a struct that has it
// (read from the table itself: __getmethod is not consulted).
func (check *Checker) userMethod(t *types.Type, name string) lua.LValue {
	if t.Kind != types.Struct || check.Host == nil {
		return nil
	}
	var v lua.LValue
	if h, ok := check.Host.(RaiiHost); ok {
		v = h.RawMethod(t, name)
	} else {
		v = check.Host.Method(t, name)
	}
	if v == nil || v == lua.LNil {
		return nil
	}
	return v
}

// plainFields are the fields of a struct outside unions, in order
// (union members share storage and are copied as bits).
func plainFields(t *types.Type) []types.FieldLayout {
	lay, err := t.Layout()
	if err != nil {
		return nil
	}
	var out []types.FieldLayout
	for _, f := range lay.Fields {
		if t.Entries[f.Index].Union == nil {
			out = append(out, f)
		}
	}
	return out
}

func (check *Checker) hasManagedField(t *types.Type, at source.Span) bool {
	for _, f := range plainFields(t) {
		if check.raiiOf(f.Type, at) != nil {
			return true
		}
	}
	return false
}

// ---- the functions of a managed type ----

// genFunc makes a function named name with the given parameters whose
// body is built (unchecked) by body; it is checked on first use.
func genFunc(name string, at source.Span, params []*tree.Symbol, body ...tree.Stmt) *tree.Function {
	fn := tree.NewFunction(name)
	fn.Def = &tree.FuncDef{Pos: at, Params: params, Result: types.Unit(), Body: &tree.Block{StmtBase: tree.StmtBase{Pos: at}, Stmts: body}}
	return fn
}

// Unchecked tree builders for generated bodies.
func uVar(s *tree.Symbol, at source.Span) tree.Expr {
	return &tree.Var{ExprBase: tree.ExprBase{Pos: at}, Sym: s}
}
func uAddr(x tree.Expr) tree.Expr {
	return &tree.Unary{ExprBase: tree.ExprBase{Pos: x.Span()}, Op: "&", X: x}
}
func uDeref(x tree.Expr) tree.Expr {
	return &tree.Unary{ExprBase: tree.ExprBase{Pos: x.Span()}, Op: "@", X: x}
}
func uField(p tree.Expr, name string) tree.Expr {
	return &tree.Select{ExprBase: tree.ExprBase{Pos: p.Span()}, X: p, Name: name}
}
func uCall(fn *tree.Function, at source.Span, args ...tree.Expr) tree.Stmt {
	return &tree.ExprStmt{StmtBase: tree.StmtBase{Pos: at}, X: &tree.Call{ExprBase: tree.ExprBase{Pos: at}, Fn: &tree.FuncRef{ExprBase: tree.ExprBase{Pos: at}, Fn: fn}, Args: args}}
}
func uInt(n int64, at source.Span) tree.Expr {
	return &tree.IntLit{ExprBase: tree.ExprBase{Pos: at, Type: types.Int64}, Bits: uint64(n)}
}

// eachElem builds `for i = 0, n do body(&(@p)[i]) end`, or the loop from
// the last element down to the first when reverse is set.
func eachElem(n int, at source.Span, reverse bool, body func(elem func(p *tree.Symbol) tree.Expr) tree.Stmt) tree.Stmt {
	i := tree.NewSymbol("i", types.Int64)
	elem := func(p *tree.Symbol) tree.Expr {
		return uAddr(&tree.Index{ExprBase: tree.ExprBase{Pos: at}, X: uDeref(uVar(p, at)), I: uVar(i, at)})
	}
	loop := &tree.ForNum{StmtBase: tree.StmtBase{Pos: at}, Var: i, Start: uInt(0, at), Limit: uInt(int64(n), at),
		Body: &tree.Block{StmtBase: tree.StmtBase{Pos: at}, Stmts: []tree.Stmt{body(elem)}}}
	if reverse {
		loop.Start, loop.Limit, loop.Step = uInt(int64(n-1), at), uInt(-1, at), uInt(-1, at)
	}
	return loop
}

// raiiFunctions fills in r's functions: the user's methods where the
// type has them, generated ones otherwise.
func (check *Checker) raiiFunctions(r *raiiInfo, at source.Span) {
	t := r.t
	pt := types.PointerTo(t)
	self := func() *tree.Symbol { return tree.NewSymbol("self", pt) }
	name := func(m string) string { return t.String() + "." + m }

	// __init
	if v := check.userMethod(t, "__init"); v != nil {
		r.initFn = check.userMethodFunc(r, "__init", v, at, false)
	} else {
		s := self()
		body := []tree.Stmt{&tree.ExprStmt{StmtBase: tree.StmtBase{Pos: at}, X: &tree.Directive{ExprBase: tree.ExprBase{Pos: at}, Op: "zero", X: uVar(s, at)}}}
		if t.Kind == types.Array {
			if e := check.raiiOf(t.Elem, at); e != nil {
				body = append(body, eachElem(t.N, at, false, func(elem func(*tree.Symbol) tree.Expr) tree.Stmt {
					return uCall(e.initFn, at, elem(s))
				}))
			}
		} else {
			for _, f := range plainFields(t) {
				if e := check.raiiOf(f.Type, at); e != nil {
					body = append(body, uCall(e.initFn, at, uAddr(uField(uVar(s, at), f.Name))))
				}
			}
		}
		r.initFn = genFunc(name("__init"), at, []*tree.Symbol{s}, body...)
	}

	// __dtor
	if v := check.userMethod(t, "__dtor"); v != nil {
		r.dtorFn = check.userMethodFunc(r, "__dtor", v, at, false)
	} else {
		s := self()
		var body []tree.Stmt
		if t.Kind == types.Array {
			e := check.raiiOf(t.Elem, at)
			body = append(body, eachElem(t.N, at, true, func(elem func(*tree.Symbol) tree.Expr) tree.Stmt {
				return uCall(e.dtorFn, at, elem(s))
			}))
		} else {
			fs := plainFields(t)
			for i := len(fs) - 1; i >= 0; i-- {
				if e := check.raiiOf(fs[i].Type, at); e != nil {
					body = append(body, uCall(e.dtorFn, at, uAddr(uField(uVar(s, at), fs[i].Name))))
				}
			}
		}
		r.dtorFn = genFunc(name("__dtor"), at, []*tree.Symbol{s}, body...)
	}

	// __copy
	if v := check.userMethod(t, "__copy"); v != nil {
		r.copyFn = check.userMethodFunc(r, "__copy", v, at, true)
	} else if check.userMethod(t, "__dtor") == nil {
		r.copyFn = check.genCopy(r, at)
	}

	// __move(self : &T) : T returns the object's bits and re-initializes
	// it: `var b = a:__move()`.
	ms := self()
	moved := tree.NewSymbol("moved", t)
	handle := func(x tree.Expr) tree.Expr {
		return &tree.Directive{ExprBase: tree.ExprBase{Pos: at}, Op: "handle", X: x}
	}
	r.moveFn = genFunc(name("__move"), at, []*tree.Symbol{ms},
		&tree.VarDecl{StmtBase: tree.StmtBase{Pos: at}, Syms: []*tree.Symbol{moved}, Types: []*types.Type{t},
			Inits: []tree.Expr{handle(uDeref(uVar(ms, at)))}},
		uCall(r.initFn, at, uVar(ms, at)),
		&tree.Return{StmtBase: tree.StmtBase{Pos: at}, Exprs: []tree.Expr{handle(uVar(moved, at))}})
	r.moveFn.Def.Result = t

	if h, ok := check.Host.(RaiiHost); ok && t.Kind == types.Struct && !r.bad {
		for _, m := range []struct {
			name string
			fn   *tree.Function
		}{{"__init", r.initFn}, {"__dtor", r.dtorFn}, {"__copy", r.copyFn}, {"__move", r.moveFn}} {
			if m.fn != nil && check.userMethod(t, m.name) == nil {
				h.SetGeneratedMethod(t, m.name, m.fn)
			}
		}
	}
}

// genCopy generates a fieldwise (or elementwise) copy when every managed
// part can be copied; nil otherwise.
func (check *Checker) genCopy(r *raiiInfo, at source.Span) *tree.Function {
	t := r.t
	pt := types.PointerTo(t)
	from, to := tree.NewSymbol("from", pt), tree.NewSymbol("to", pt)
	var body []tree.Stmt
	if t.Kind == types.Array {
		e := check.raiiOf(t.Elem, at)
		if e.copyFn == nil {
			return nil
		}
		body = append(body, eachElem(t.N, at, false, func(elem func(*tree.Symbol) tree.Expr) tree.Stmt {
			return uCall(e.copyFn, at, elem(from), elem(to))
		}))
	} else {
		lay, err := t.Layout()
		if err != nil {
			return nil
		}
		for _, f := range lay.Fields {
			fromF, toF := uField(uVar(from, at), f.Name), uField(uVar(to, at), f.Name)
			if t.Entries[f.Index].Union == nil {
				if e := check.raiiOf(f.Type, at); e != nil {
					if e.copyFn == nil {
						return nil
					}
					body = append(body, uCall(e.copyFn, at, uAddr(fromF), uAddr(toF)))
					continue
				}
			}
			body = append(body, &tree.Assign{StmtBase: tree.StmtBase{Pos: at}, Lhs: []tree.Expr{toF},
				Rhs: []tree.Expr{&tree.Directive{ExprBase: tree.ExprBase{Pos: at}, Op: "handle", X: fromF}}})
		}
	}
	return genFunc(t.String()+".__copy", at, []*tree.Symbol{from, to}, body...)
}

// userMethodFunc returns the function that runs the user's method name
// (v) on a T: the method itself when it is a Terra function of the
// right type, else a small function that calls it through the usual
// method-call rules (an overloaded function, a macro). For __init and
// __dtor a Terra function of another type is an error; a __copy that
// cannot take (&T, &T) gives nil: values then move. quiet turns the
// errors into nil too.
func (check *Checker) userMethodFunc(r *raiiInfo, name string, v lua.LValue, at source.Span, quiet bool) *tree.Function {
	t := r.t
	isCopy := name == "__copy"
	quiet = quiet || isCopy
	pt := types.PointerTo(t)
	want := []*types.Type{pt}
	if isCopy {
		want = []*types.Type{pt, pt}
	}
	fits := func(ft *types.Type) bool {
		if ft == nil || ft.Kind != types.Func || len(ft.Params) != len(want) || ft.Variadic {
			return false
		}
		for i, p := range ft.Params {
			if p != want[i] {
				return false
			}
		}
		return true
	}
	if fn := check.Host.AsFunction(v); fn != nil {
		ft := declaredType(fn)
		if fits(ft) {
			return fn
		}
		if quiet || ft == nil {
			return nil
		}
		wt := types.FuncOf(want, types.Unit(), false)
		var notes []source.Note
		if fn.Def != nil {
			notes = append(notes, noteAt(fn.Def.Pos, "definition of "+name+" is here"))
		}
		check.badMethod(r, at, notes, "%s of %s must have type %s but has type %s", name, t, wt, ft)
		return nil
	}
	if defs, ok := check.overloads(v); ok {
		any := false
		for _, d := range defs {
			if fits(declaredType(d)) {
				any = true
			}
		}
		if !any {
			if !quiet {
				check.badMethod(r, at, nil, "no definition of %s of %s takes %s", name, t, typeList(want))
			}
			return nil
		}
	} else if !check.isMacro(v) {
		if !quiet {
			check.badMethod(r, at, nil, "%s of %s must be a terra function, an overloaded function or a macro", name, t)
		}
		return nil
	}
	ps := []*tree.Symbol{tree.NewSymbol("self", pt)}
	if isCopy {
		ps = []*tree.Symbol{tree.NewSymbol("from", pt), tree.NewSymbol("to", pt)}
	}
	args := make([]tree.Expr, len(ps))
	for i, p := range ps {
		args[i] = uVar(p, at)
	}
	call := &tree.Call{ExprBase: tree.ExprBase{Pos: at}, Fn: &tree.LuaValue{ExprBase: tree.ExprBase{Pos: at}, Value: v}, Args: args}
	fn := genFunc(t.String()+"."+name, at, ps, &tree.ExprStmt{StmtBase: tree.StmtBase{Pos: at}, X: call})
	fn.Inline = 1
	return fn
}

// declaredType is fn's type as far as its declaration says (the result
// is unit when not annotated). The RAII methods are chosen by their
// parameters alone, without checking bodies: a body may use the type
// whose methods are being decided, and its errors are reported where
// the method is first called.
func declaredType(fn *tree.Function) *types.Type {
	if fn.Type != nil || fn.Def == nil {
		return fn.Type
	}
	ps := make([]*types.Type, len(fn.Def.Params))
	for i, p := range fn.Def.Params {
		ps[i] = p.VarType()
	}
	res := fn.Def.Result
	if res == nil {
		res = types.Unit()
	}
	return types.FuncOf(ps, res, fn.Def.Variadic)
}

// ---- checked calls of those functions ----

// callFn builds the checked call fn(args...) (args are checked).
func (check *Checker) callFn(fn *tree.Function, at source.Span, args ...tree.Expr) tree.Expr {
	if fn == nil {
		return invalid(&tree.Call{ExprBase: tree.ExprBase{Pos: at}})
	}
	ft := check.useFunction(fn, at)
	if isErr(ft) {
		return invalid(&tree.Call{ExprBase: tree.ExprBase{Pos: at}})
	}
	return &tree.Call{ExprBase: tree.ExprBase{Pos: at, Type: ft.Result},
		Fn: &tree.FuncRef{ExprBase: tree.ExprBase{Pos: at, Type: ft}, Fn: fn}, Args: args}
}

// addr builds the checked address of the place x.
func addr(x tree.Expr) tree.Expr {
	for {
		p, ok := x.(*tree.Paren)
		if !ok {
			break
		}
		x = p.X
	}
	if u, ok := x.(*tree.Unary); ok && u.Op == "@" {
		return u.X
	}
	return &tree.Unary{ExprBase: tree.ExprBase{Pos: x.Span(), Type: types.PointerTo(x.Base().Type)}, Op: "&", X: x}
}

func checkedVar(s *tree.Symbol, at source.Span) tree.Expr {
	return &tree.Var{ExprBase: tree.ExprBase{Pos: at, Type: s.VarType(), LValue: true}, Sym: s}
}

func checkedDeref(p tree.Expr) tree.Expr {
	return &tree.Unary{ExprBase: tree.ExprBase{Pos: p.Span(), Type: p.Base().Type.Elem, LValue: true}, Op: "@", X: p}
}

func exprStmt(x tree.Expr) tree.Stmt {
	return &tree.ExprStmt{StmtBase: tree.StmtBase{Pos: x.Span()}, X: x}
}

// rawDecl declares a compiler temporary (no initializer call, no
// destructor: whoever reads it takes its value over).
func (check *Checker) rawDecl(name string, t *types.Type, at source.Span, init tree.Expr) (*tree.Symbol, tree.Stmt) {
	s := tree.NewSymbol("<"+name+">", nil)
	s.Checked = t
	d := &tree.VarDecl{StmtBase: tree.StmtBase{Pos: at}, Syms: []*tree.Symbol{s}, Types: []*types.Type{t}}
	if init != nil {
		d.Inits = []tree.Expr{init}
	}
	check.raiiMark(d)
	return s, d
}

func (check *Checker) raiiMark(s tree.Stmt) tree.Stmt {
	e := check.env
	if e.raiiDone == nil {
		e.raiiDone = map[tree.Stmt]bool{}
	}
	e.raiiDone[s] = true
	return s
}

// ---- ownership of values ----

// isPlace reports whether x names storage that keeps owning its value
// (a variable, a field, an element, a dereference, a temporary): taking
// its value over needs a copy or a move.
func isPlace(x tree.Expr) bool {
	switch x := x.(type) {
	case *tree.Var, *tree.GlobalRef, *tree.Select, *tree.Index, *tree.Temp:
		return true
	case *tree.Unary:
		return x.Op == "@"
	case *tree.Paren:
		return isPlace(x.X)
	case *tree.Let:
		return len(x.Exprs) == 1 && isPlace(x.Exprs[0])
	}
	return false
}

// consume returns an expression whose value the receiver owns, given the
// walked managed expression x: a fresh rvalue as it is; a place copied
// (when the type has __copy) or moved (its bits, the place then
// re-initialized); __move__ always moves, __handle__ takes the bits only.
func (check *Checker) consume(x tree.Expr) tree.Expr {
	r := check.managed(x)
	if d, ok := x.(*tree.Directive); ok {
		switch d.Op {
		case "handle":
			return d.X
		case "move":
			if r != nil && isPlace(d.X) {
				return check.moveOut(r, d.X)
			}
			return d.X
		}
	}
	if r == nil || !isPlace(x) {
		return x
	}
	if r.copyFn != nil {
		return check.copyOut(r, x)
	}
	return check.moveOut(r, x)
}

// copyOut is `Let{var tmp; init(&tmp); copy(&x, &tmp) in tmp}`.
func (check *Checker) copyOut(r *raiiInfo, x tree.Expr) tree.Expr {
	at := x.Span()
	tmp, decl := check.rawDecl("copy", r.t, at, nil)
	tv := checkedVar(tmp, at)
	return &tree.Let{ExprBase: tree.ExprBase{Pos: at, Type: r.t}, Stmts: []tree.Stmt{decl,
		check.raiiMark(exprStmt(check.callFn(r.initFn, at, addr(tv)))),
		check.raiiMark(exprStmt(check.callFn(r.copyFn, at, addr(x), addr(tv))))},
		Exprs: []tree.Expr{checkedVar(tmp, at)}}
}

// moveOut is `Let{var p = &x; var v = @p; init(p) in v}`.
func (check *Checker) moveOut(r *raiiInfo, x tree.Expr) tree.Expr {
	at := x.Span()
	p, declP := check.rawDecl("from", types.PointerTo(r.t), at, addr(x))
	v, declV := check.rawDecl("moved", r.t, at, checkedDeref(checkedVar(p, at)))
	return &tree.Let{ExprBase: tree.ExprBase{Pos: at, Type: r.t}, Stmts: []tree.Stmt{declP, declV,
		check.raiiMark(exprStmt(check.callFn(r.initFn, at, checkedVar(p, at))))},
		Exprs: []tree.Expr{checkedVar(v, at)}}
}

// full walks a full expression, consuming its value when take is set,
// and wraps it in a FullExpr when it made temporaries.
func (check *Checker) full(x tree.Expr, take bool) tree.Expr {
	if x == nil || isErr(x.Base().Type) {
		return x
	}
	e := check.env
	saved := e.cleanup
	e.cleanup = nil
	take = take && check.managed(x) != nil
	x = check.walk(x, take)
	if take {
		x = check.consume(x)
	}
	cl := e.cleanup
	e.cleanup = saved
	if len(cl) == 0 {
		return x
	}
	out := make([]tree.Expr, len(cl))
	for i, c := range cl {
		out[len(cl)-1-i] = c
	}
	return &tree.FullExpr{ExprBase: tree.ExprBase{Pos: x.Span(), Type: x.Base().Type}, X: x, Cleanup: out}
}

// temp makes the managed rvalue x a temporary destroyed at the end of
// the full expression.
func (check *Checker) temp(r *raiiInfo, x tree.Expr) tree.Expr {
	s := tree.NewSymbol("<temp>", nil)
	s.Checked = r.t
	t := &tree.Temp{ExprBase: tree.ExprBase{Pos: x.Span(), Type: r.t, LValue: true}, X: x, Sym: s}
	check.env.cleanup = append(check.env.cleanup, check.callFn(r.dtorFn, x.Span(), addr(checkedVar(s, x.Span()))))
	return t
}

// take walks x in a place that takes its value over.
func (check *Checker) take(x tree.Expr) tree.Expr {
	if check.managed(x) == nil {
		return check.walk(x, false)
	}
	return check.consume(check.walk(x, true))
}

// walk rewrites the checked expression x: values taken over inside it
// are consumed, and managed rvalues nobody takes become temporaries
// (unless taken is set: the caller takes x itself).
func (check *Checker) walk(x tree.Expr, taken bool) tree.Expr {
	if x == nil || isErr(x.Base().Type) {
		return x
	}
	e := check.env
	if e.raiiSeen[x] {
		// A checked tree a macro spliced twice: rewritten once only, so
		// its values are not taken over (or destroyed) twice.
		return x
	}
	if e.raiiSeen == nil {
		e.raiiSeen = map[tree.Expr]bool{}
	}
	e.raiiSeen[x] = true
	switch x := x.(type) {
	case *tree.Call:
		x.Fn = check.walk(x.Fn, false)
		for i, a := range x.Args {
			x.Args[i] = check.take(a)
		}
		return check.rvalue(x, taken)
	case *tree.Constructor:
		for i, f := range x.Fields {
			x.Fields[i].Value = check.take(f.Value)
		}
		return check.rvalue(x, taken)
	case *tree.ArrayLit:
		for i, a := range x.Elems {
			x.Elems[i] = check.take(a)
		}
		return check.rvalue(x, taken)
	case *tree.Cast:
		if check.managed(x) != nil {
			x.X = check.take(x.X)
		} else {
			x.X = check.walk(x.X, false)
		}
		return check.rvalue(x, taken)
	case *tree.Select:
		x.X = check.walk(x.X, false)
	case *tree.Index:
		x.X, x.I = check.walk(x.X, false), check.walk(x.I, false)
	case *tree.Unary:
		x.X = check.walk(x.X, false)
	case *tree.Binary:
		x.X = check.walk(x.X, false)
		if (x.Op == "and" || x.Op == "or") && x.X.Base().Type == types.Boolean {
			x.Y = check.full(x.Y, false) // evaluated on some paths only
		} else {
			x.Y = check.walk(x.Y, false)
		}
	case *tree.Paren:
		x.X = check.walk(x.X, taken)
	case *tree.Let:
		check.letStmts(x.Stmts)
		for i, e := range x.Exprs {
			if len(x.Exprs) == 1 {
				x.Exprs[i] = check.walk(e, taken)
			} else {
				x.Exprs[i] = check.take(e) // the values form a tuple
			}
		}
		if len(x.Exprs) > 1 {
			return check.rvalue(x, taken)
		}
	case *tree.Temp:
		if r := check.managed(x); r != nil {
			x.X = check.take(x.X)
			check.env.cleanup = append(check.env.cleanup, check.callFn(r.dtorFn, x.Span(), addr(checkedVar(x.Sym, x.Span()))))
		} else {
			x.X = check.walk(x.X, false)
		}
	case *tree.Directive:
		if !taken && x.Op != "zero" {
			return check.walk(x.X, false)
		}
		x.X = check.walk(x.X, true)
	case *tree.CondSelect:
		x.C, x.A, x.B = check.walk(x.C, false), check.walk(x.A, false), check.walk(x.B, false)
		if r := check.managed(x); r != nil {
			// Choose between the operands' addresses: the result is the
			// chosen place, which keeps owning its value (an rvalue
			// operand is a temporary).
			pt := types.PointerTo(r.t)
			x.A, x.B, x.Type = addr(x.A), addr(x.B), pt
			return checkedDeref(x)
		}
	case *tree.Intrinsic:
		for i, a := range x.Args {
			x.Args[i] = check.walk(a, false)
		}
	case *tree.LowLevel:
		for i, a := range x.Args {
			x.Args[i] = check.walk(a, false)
		}
	}
	return x
}

// rvalue makes the fresh managed value x a temporary unless it is taken.
func (check *Checker) rvalue(x tree.Expr, taken bool) tree.Expr {
	if taken {
		return x
	}
	if r := check.managed(x); r != nil {
		return check.temp(r, x)
	}
	return x
}

// letStmts processes the statements of a Let the checker built itself
// (user statements were processed when checked): their initializers
// take their values over.
func (check *Checker) letStmts(ss []tree.Stmt) {
	for _, s := range ss {
		if check.env.raiiDone[s] {
			continue
		}
		check.raiiMark(s)
		switch s := s.(type) {
		case *tree.VarDecl:
			for i, x := range s.Inits {
				s.Inits[i] = check.full(x, true)
			}
		case *tree.ExprStmt:
			s.X = check.full(s.X, false)
		}
	}
}

// ---- statements ----

// raiiStmts rewrites checked statements for managed types.
func (check *Checker) raiiStmts(ss []tree.Stmt) []tree.Stmt {
	var out []tree.Stmt
	for _, s := range ss {
		if check.env.raiiDone[s] {
			out = append(out, s)
			continue
		}
		check.raiiMark(s)
		out = append(out, check.raiiStmt(s)...)
	}
	return out
}

func (check *Checker) raiiStmt(s tree.Stmt) []tree.Stmt {
	switch s := s.(type) {
	case *tree.VarDecl:
		return check.raiiVarDecl(s)
	case *tree.Assign:
		return check.raiiAssign(s)
	case *tree.ExprStmt:
		s.X = check.full(s.X, false)
	case *tree.If:
		for i := range s.Branches {
			s.Branches[i].Cond = check.full(s.Branches[i].Cond, false)
		}
	case *tree.While:
		s.Cond = check.full(s.Cond, false)
	case *tree.Repeat:
		s.Cond = check.full(s.Cond, false)
	case *tree.ForNum:
		s.Start, s.Limit, s.Step = check.full(s.Start, false), check.full(s.Limit, false), check.full(s.Step, false)
	case *tree.Switch:
		s.Value = check.full(s.Value, false)
	case *tree.Defer:
		if c, ok := s.Call.(*tree.Call); ok {
			c.Fn = check.full(c.Fn, false)
			for i, a := range c.Args {
				c.Args[i] = check.full(a, true)
			}
		}
	}
	return []tree.Stmt{s}
}

// own schedules the destructor of the managed variable sym.
func (check *Checker) own(r *raiiInfo, sym *tree.Symbol, at source.Span) tree.Stmt {
	e := check.env
	if e.owned == nil {
		e.owned = map[*tree.Symbol]bool{}
	}
	e.owned[sym] = true
	if n := len(e.defers); n > 0 {
		e.defers[n-1]++
		if e.dtorCount == nil {
			e.dtorCount = map[*tree.Block]int{}
		}
		e.dtorCount[e.blocks[len(e.blocks)-1]]++
	}
	d := &tree.Defer{StmtBase: tree.StmtBase{Pos: at}, Call: check.callFn(r.dtorFn, at, addr(checkedVar(sym, at))), Owner: sym}
	return check.raiiMark(d)
}

func (check *Checker) raiiVarDecl(s *tree.VarDecl) []tree.Stmt {
	handle := make([]bool, len(s.Inits))
	for i, x := range s.Inits {
		if d, ok := x.(*tree.Directive); ok && d.Op == "handle" {
			handle[i] = true // `var h = __handle__(x)`: h owns nothing
		}
		s.Inits[i] = check.full(x, true)
	}
	out := []tree.Stmt{s}
	for i, sym := range s.Syms {
		r := check.raiiOf(sym.VarType(), s.Pos)
		if r == nil && len(s.Inits) == 0 {
			if u, ok := sym.VarType().RAII.(*raiiInfo); ok && u.initFn != nil && !u.bad {
				out = append(out, check.raiiMark(exprStmt(check.callFn(u.initFn, s.Pos, addr(checkedVar(sym, s.Pos))))))
			} else if ok && u.bad {
				check.reportBad(u, s.Pos)
			}
		}
		if r == nil || r.bad || len(handle) > i && handle[i] {
			continue
		}
		if len(s.Inits) == 0 {
			out = append(out, check.raiiMark(exprStmt(check.callFn(r.initFn, s.Pos, addr(checkedVar(sym, s.Pos))))))
		}
		out = append(out, check.own(r, sym, s.Pos))
	}
	if call := check.env.raiiCopies[s]; call != nil {
		out = append(out, exprStmt(check.full(call, false)))
	}
	return out
}

// raiiAssign rewrites an assignment to managed places. `x = y` with y a
// place of a type with __copy calls __copy(&y, &x). Otherwise every
// value is first taken over into a temporary (so `a, b = b, a` works),
// then each target is destroyed and receives its new bits.
func (check *Checker) raiiAssign(s *tree.Assign) []tree.Stmt {
	any := false
	for _, l := range s.Lhs {
		if check.managed(l) != nil {
			any = true
		}
	}
	if !any || len(s.Lhs) != len(s.Rhs) {
		for i, x := range s.Rhs {
			s.Rhs[i] = check.full(x, false)
		}
		return []tree.Stmt{s}
	}
	if len(s.Lhs) == 1 {
		r := check.managed(s.Lhs[0])
		if _, isDirective := s.Rhs[0].(*tree.Directive); r != nil && r.copyFn != nil && !isDirective && isPlace(s.Rhs[0]) && !r.bad {
			e := check.env
			saved := e.cleanup
			e.cleanup = nil
			rhs := check.walk(s.Rhs[0], true)
			lhs := check.walk(s.Lhs[0], false)
			var call tree.Expr = check.callFn(r.copyFn, s.Pos, addr(rhs), addr(lhs))
			if cl := e.cleanup; len(cl) > 0 {
				rev := make([]tree.Expr, len(cl))
				for i, c := range cl {
					rev[len(cl)-1-i] = c
				}
				call = &tree.FullExpr{ExprBase: *call.Base(), X: call, Cleanup: rev}
			}
			e.cleanup = saved
			return []tree.Stmt{check.raiiMark(exprStmt(call))}
		}
	}
	var out []tree.Stmt
	tmps := make([]*tree.Symbol, len(s.Rhs))
	for i, x := range s.Rhs {
		v := check.full(x, true)
		var d tree.Stmt
		tmps[i], d = check.rawDecl("value", v.Base().Type, x.Span(), v)
		out = append(out, d)
	}
	for i, l := range s.Lhs {
		at := l.Span()
		val := checkedVar(tmps[i], at)
		r := check.managed(l)
		if r == nil {
			a := &tree.Assign{StmtBase: s.StmtBase, Lhs: []tree.Expr{check.full(l, false)}, Rhs: []tree.Expr{val}}
			out = append(out, check.raiiMark(a))
			continue
		}
		p, d := check.rawDecl("to", types.PointerTo(r.t), at, check.full(addr(l), false))
		out = append(out, d, check.raiiMark(exprStmt(check.callFn(r.dtorFn, at, checkedVar(p, at)))))
		a := &tree.Assign{StmtBase: s.StmtBase, Lhs: []tree.Expr{checkedDeref(checkedVar(p, at))}, Rhs: []tree.Expr{val}}
		out = append(out, check.raiiMark(a))
	}
	return out
}

// raiiParams schedules the destructors of the managed by-value
// parameters (the callee owns them) at the start of the body.
func (check *Checker) raiiParams(def *tree.FuncDef) {
	var ds []tree.Stmt
	for _, p := range def.Params {
		if r := check.raiiOf(p.VarType(), def.Pos); r != nil && !r.bad {
			saved := check.env.defers
			check.env.defers = nil // the parameters are outside every goto's reach
			ds = append(ds, check.own(r, p, def.Pos))
			check.env.defers = saved
		}
	}
	if len(ds) > 0 {
		def.Body.Stmts = append(ds, def.Body.Stmts...)
	}
}

// raiiReturns processes returned values once they have the result type:
// `return x` of an owned variable moves x out (its destructor is skipped
// on that path); any other managed place is moved out (its bits, then
// the place re-initialized), never copied.
func (check *Checker) raiiReturns() {
	for _, r := range check.env.returns {
		s := r.stmt
		if len(s.Exprs) != 1 || isErr(s.Exprs[0].Base().Type) {
			continue
		}
		x := s.Exprs[0]
		if t := x.Base().Type; t.Kind == types.Struct {
			_ = t.Complete() // a tuple of returned values; funcBody reports a failure
		}
		if check.managed(x) != nil {
			v := x
			for {
				p, ok := v.(*tree.Paren)
				if !ok {
					break
				}
				v = p.X
			}
			if vr, ok := v.(*tree.Var); ok && check.env.owned[vr.Sym] {
				s.Moved = append(s.Moved, vr.Sym)
				continue
			}
			if c, ok := v.(*tree.Constructor); ok {
				// `return a, b`: the owned variables among the values
				// are moved out (each once); the rest as below.
				count := map[*tree.Symbol]int{}
				for _, f := range c.Fields {
					if vr, ok := f.Value.(*tree.Var); ok {
						count[vr.Sym]++
					}
				}
				for i, f := range c.Fields {
					vr, ok := f.Value.(*tree.Var)
					if ok && count[vr.Sym] == 1 && check.env.owned[vr.Sym] && check.managed(vr) != nil {
						s.Moved = append(s.Moved, vr.Sym)
						c.Fields[i].Value = &tree.Directive{ExprBase: *vr.Base(), Op: "handle", X: vr}
					} else if _, isDir := f.Value.(*tree.Directive); !isDir && check.managed(f.Value) != nil {
						c.Fields[i].Value = moveDirective(f.Value)
					}
				}
			} else if _, ok := x.(*tree.Directive); !ok {
				// A returned value is moved out, never copied.
				x = moveDirective(x)
			}
			s.Exprs[0] = check.full(x, true)
			continue
		}
		s.Exprs[0] = check.full(x, false)
	}
}

// dtorPosition is, for each enclosing block, how many of the deferred
// calls deferPosition counts are destructors of managed variables.
func (check *Checker) dtorPosition() []int {
	e := check.env
	out := make([]int, len(e.blocks))
	for i, b := range e.blocks {
		out[i] = e.dtorCount[b]
	}
	return out
}

// minus subtracts b from a element by element.
func minus(a, b []int) []int {
	out := append([]int(nil), a...)
	for i := range out {
		if i < len(b) {
			out[i] -= b[i]
		}
	}
	return out
}

// ---- __copy between different types ----

// mixedCopy builds the call of a __copy that copies from (a value of
// another type than to's) into the place to: a Terra function or an
// overloaded function found in the methods of either type (managed or
// not) whose definition takes (from or &from, &to). Both are checked; ok is false
// when there is none, and the caller converts as usual.
func (check *Checker) mixedCopy(from, to tree.Expr, at source.Span) (tree.Expr, bool) {
	ft, tt := from.Base().Type, to.Base().Type
	if isErr(ft) || isErr(tt) {
		return nil, false
	}
	if tt.Kind != types.Struct && ft.Kind != types.Struct {
		return nil, false
	}
	if tt.Kind == types.Struct {
		_ = tt.Complete() // a declared variable's type; an error is reported when it is declared
	}
	var vals []lua.LValue
	for _, t := range []*types.Type{tt, ft} {
		if v := check.userMethod(t, "__copy"); v != nil && !check.isMacro(v) {
			vals = append(vals, v)
		}
	}
	for _, v := range vals {
		var cands []*candidate
		if fn := check.Host.AsFunction(v); fn != nil {
			if ty := check.candidateType(fn); ty != nil {
				cands = append(cands, &candidate{fn: fn, ft: ty})
			}
		} else if defs, ok := check.overloads(v); ok {
			for _, d := range defs {
				if ty := check.candidateType(d); ty != nil {
					cands = append(cands, &candidate{fn: d, ft: ty})
				}
			}
		}
		var fit []*candidate
		for _, c := range cands {
			if len(c.ft.Params) == 2 && c.ft.Params[1] == types.PointerTo(tt) {
				fit = append(fit, c)
			}
		}
		if len(fit) == 0 {
			continue
		}
		mark := len(check.env.diags)
		r, ok := check.resolve(at, fit, []tree.Expr{from, addr(to)}, castFirst, true, true)
		if ok && len(check.env.diags) == mark {
			return r, true
		}
		check.env.diags = check.env.diags[:mark]
	}
	return nil, false
}

// takeFields is tupleFields for destructuring: the temporary holding a
// multi-value result is the compiler's, so its managed fields are moved
// out, not copied.
func (check *Checker) takeFields(tmp *tree.Symbol, t *types.Type, at tree.Node) []tree.Expr {
	fs := tupleFields(tmp, t, at)
	if check.raiiOf(t, at.Span()) == nil {
		return fs
	}
	for i, f := range fs {
		fs[i] = moveDirective(f)
	}
	return fs
}

func moveDirective(x tree.Expr) tree.Expr {
	return &tree.Directive{ExprBase: tree.ExprBase{Pos: x.Span(), Type: x.Base().Type}, Op: "move", X: x}
}

// pendingCopy remembers the __copy call that initializes the variable of
// s (`var b : B = a`); raiiVarDecl emits it after b's __init.
func (check *Checker) pendingCopy(s *tree.VarDecl, call tree.Expr) {
	e := check.env
	if e.raiiCopies == nil {
		e.raiiCopies = map[*tree.VarDecl]tree.Expr{}
	}
	e.raiiCopies[s] = call
}

// ---- directives and generated methods ----

// directive checks __move__(x) / __handle__(x) (and the internal "zero").
func (check *Checker) directive(d *tree.Directive) tree.Expr {
	d.X = check.expr(d.X)
	if isErr(d.X.Base().Type) {
		return invalid(d)
	}
	if d.Op == "zero" {
		d.Type = types.Unit()
		return d
	}
	d.Type = d.X.Base().Type
	return d
}

// generatedMethod returns the compiler's __init, __dtor, __copy or
// __move of the managed type t, for `x:__dtor()` and the like on a type
// that does not define the method itself.
func (check *Checker) generatedMethod(t *types.Type, name string, at source.Span) *tree.Function {
	r := check.raiiOf(t, at)
	if r == nil {
		return nil
	}
	switch name {
	case "__init":
		return r.initFn
	case "__dtor":
		return r.dtorFn
	case "__copy":
		return r.copyFn
	case "__move":
		return r.moveFn
	}
	return nil
}
