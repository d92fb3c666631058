// This file implements the Specializer and its entry points.
package specialize

import (
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
	"terrac/lang/tast"
)

// Specializer specializes one registered tree with its hole values.
type Specializer struct {
	host  Host
	tree  *tast.Tree
	holes []lua.LValue
	diags source.List

	// locals maps each Terra local declaration to its symbol.
	locals map[*tast.VarDecl]*tree.Symbol
	// labels maps label names to labels, per function.
	labels map[string]*tree.Label
	// scopes holds the names declared in each open block, innermost
	// last, to reject a name declared twice in one scope.
	scopes []map[string]bool
	// sigs holds the parameters and result of definitions whose
	// signature was evaluated ahead of the body (see Signature).
	sigs map[*tast.Func]*signature
}

// signature is a function definition's evaluated parameter list.
type signature struct {
	params []*tree.Symbol
	result *types.Type
	scope  map[string]bool
}

// New prepares a specializer for t with the values of its holes.
func New(h Host, t *tast.Tree, holes []lua.LValue) *Specializer {
	return &Specializer{host: h, tree: t, holes: holes, locals: map[*tast.VarDecl]*tree.Symbol{}}
}

// Err returns the collected diagnostics as an error ending in Terra's
// "Errors reported during typechecking." line (current Terra reports
// specialization errors under that name too), or nil.
func (s *Specializer) Err() error {
	if len(s.diags) == 0 {
		return nil
	}
	s.diags.Sort()
	return &Error{List: s.diags}
}

// Error is a failed specialization.
type Error struct{ List source.List }

func (e *Error) Error() string {
	var b strings.Builder
	for _, d := range e.List {
		b.WriteString(source.Render(d))
	}
	b.WriteString("Errors reported during typechecking.")
	return b.String()
}

// Span is the source range of a node of the tree being specialized.
func (s *Specializer) Span(n tast.Node) source.Span { return s.span(n) }

func (s *Specializer) span(n tast.Node) source.Span {
	a, b := n.Span()
	return source.Span{File: s.tree.File, Start: a, End: b}
}

func (s *Specializer) errorf(n tast.Node, format string, args ...any) {
	sp := s.span(n)
	// One message per position is enough.
	for _, d := range s.diags {
		if d.Span.Start == sp.Start {
			return
		}
	}
	s.diags = append(s.diags, &source.Diagnostic{Span: sp, Msg: fmt.Sprintf(format, args...)})
}

// callHole evaluates hole h, passing the symbols of its locals.
func (s *Specializer) callHole(h *tast.Hole, extra ...lua.LValue) ([]lua.LValue, bool) {
	if h.Index < 0 || h.Index >= len(s.holes) {
		s.errorf(h, "internal error: hole %d out of range", h.Index)
		return nil, false
	}
	args := extra
	for _, d := range h.Locals {
		sym := s.locals[d]
		if sym == nil {
			args = append(args, lua.LNil)
			continue
		}
		args = append(args, s.host.SymbolValue(sym))
	}
	vals, err := s.host.CallHole(s.holes[h.Index], args...)
	if err != nil {
		if h.Kind == tast.HoleName {
			return nil, false
		}
		s.errorf(h, "error evaluating lua code: %s", luaMessage(err))
		return nil, false
	}
	return vals, true
}

func luaMessage(err error) string {
	if ae, ok := err.(*lua.ApiError); ok {
		return ae.Object.String()
	}
	return err.Error()
}

// evalType evaluates a type hole. A list of types makes a tuple.
func (s *Specializer) evalType(h *tast.Hole) *types.Type {
	return s.evalTypeOr(h, "expected a type but found %s")
}

// evalTypeOr is evalType with the message for a value that is no type
// (Terra words it differently for struct fields).
func (s *Specializer) evalTypeOr(h *tast.Hole, notType string) *types.Type {
	vals, ok := s.callHole(h)
	if !ok {
		return types.ErrorT
	}
	var v lua.LValue = lua.LNil
	if len(vals) > 0 {
		v = vals[0]
	}
	if t := s.host.AsType(v); t != nil {
		return t
	}
	if tb, ok := v.(*lua.LTable); ok {
		var elems []*types.Type
		for i := 1; i <= tb.Len(); i++ {
			t := s.host.AsType(tb.RawGetInt(i))
			if t == nil {
				s.errorf(h, notType, tb.RawGetInt(i).Type())
				return types.ErrorT
			}
			elems = append(elems, t)
		}
		if len(elems) == 1 {
			return elems[0]
		}
		return types.TupleOf(elems...)
	}
	s.errorf(h, notType, typeName(v))
	return types.ErrorT
}

func typeName(v lua.LValue) string {
	if v == lua.LNil {
		return "nil"
	}
	return v.Type().String()
}

// Signature evaluates the parameter and result types of a definition
// ahead of its body, as a group does before defining its structs: a
// struct's metatype may then refer to the group's functions whose
// result is annotated (their type is set here) before their bodies
// exist. Function reuses the result instead of evaluating again.
func (s *Specializer) Signature(f *tast.Func, fn *tree.Function) error {
	if s.sigs == nil {
		s.sigs = map[*tast.Func]*signature{}
	}
	sig := &signature{}
	s.openScope()
	for _, p := range f.Params {
		sig.params = append(sig.params, s.declare(p, true)...)
	}
	if f.Result != nil {
		sig.result = s.evalType(f.Result)
	}
	sig.scope = s.scopes[len(s.scopes)-1]
	s.closeScope()
	if err := s.Err(); err != nil {
		return err
	}
	s.sigs[f] = sig
	if sig.result != nil && fn.Type == nil {
		fn.Type = types.FuncOf(paramTypes(sig.params), sig.result, f.Vararg)
	}
	return nil
}

func sameTypes(a, b []*types.Type) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func paramTypes(params []*tree.Symbol) []*types.Type {
	ps := make([]*types.Type, len(params))
	for i, p := range params {
		ps[i] = p.Type
	}
	return ps
}

// Function specializes a function definition into fn. The function
// type is set when every parameter and the result are annotated.
func (s *Specializer) Function(f *tast.Func, fn *tree.Function) error {
	s.labels = map[string]*tree.Label{}
	def := &tree.FuncDef{Pos: s.span(f), Variadic: f.Vararg}
	if sig := s.sigs[f]; sig != nil {
		s.scopes = append(s.scopes, sig.scope)
		def.Params, def.Result = sig.params, sig.result
	} else {
		s.openScope()
		for _, p := range f.Params {
			syms := s.declare(p, true)
			def.Params = append(def.Params, syms...)
		}
		if f.Result != nil {
			def.Result = s.evalType(f.Result)
		}
	}
	defer s.closeScope()
	def.Body = s.block(f.Body)
	if err := s.Err(); err != nil {
		return err
	}
	// fn gets its definition only once it agrees with its declaration: a
	// rejected definition leaves the function declared, as in Terra.
	if def.Result != nil {
		ft := types.FuncOf(paramTypes(def.Params), def.Result, def.Variadic)
		if fn.Type != nil && fn.Type != ft {
			s.errorf(f, "attempting to define terra function declaration with type %s with a terra function definition of type %s", fn.Type, ft)
			return s.Err()
		}
		fn.Type = ft
	} else if fn.Type != nil {
		// A declaration fixed the type; the checker verifies the body.
		// The parameters must agree now, as Terra checks at definition.
		if ps := paramTypes(def.Params); fn.Type.Kind == types.Func && (!sameTypes(ps, fn.Type.Params) || def.Variadic != fn.Type.Variadic) {
			s.errorf(f, "attempting to define terra function declaration with type %s with a terra function definition taking %s", fn.Type, types.TupleOf(ps...))
			return s.Err()
		}
		def.Result = fn.Type.Result
	}
	fn.Def = def
	return nil
}

// FuncType evaluates the type of a declaration `terra f :: T`.
func (s *Specializer) FuncType(f *tast.Func) (*types.Type, error) {
	t := s.evalType(f.Type)
	if t.Kind == types.Pointer && t.Elem.Kind == types.Func {
		t = t.Elem
	}
	if t.Kind != types.Func && !t.IsError() {
		s.errorf(f.Type, "expected a function pointer but found %s", t)
	}
	return t, s.Err()
}

// StructEntries evaluates the field types of a struct definition.
func (s *Specializer) StructEntries(st *tast.Struct) ([]types.Entry, error) {
	es := s.entries(st.Entries)
	return es, s.Err()
}

func (s *Specializer) entries(in []tast.Entry) []types.Entry {
	var out []types.Entry
	seen := map[string]bool{}
	for _, e := range in {
		switch e := e.(type) {
		case *tast.Field:
			name := e.Name
			if e.NameHole != nil {
				name = s.nameOf(e.NameHole)
			}
			t := s.evalTypeOr(e.Type, "lua expression is not a terra type but %s")
			if seen[name] {
				s.errorf(e, "duplicate definition of field %s", name)
			}
			seen[name] = true
			out = append(out, types.Entry{Field: types.Field{Name: name, Type: t}})
		case *tast.Union:
			out = append(out, types.Entry{Union: s.entries(e.Entries)})
		}
	}
	return out
}

// Quote specializes a quote.
func (s *Specializer) Quote(q *tast.Quote) (*tree.Quote, error) {
	s.labels = map[string]*tree.Label{}
	out := &tree.Quote{}
	if q.Expr != nil {
		out.IsExpr = true
		out.Exprs = s.exprList([]tast.Expr{q.Expr})
		return out, s.Err()
	}
	if q.Body != nil {
		out.Stmts = s.stmts(q.Body.Stmts)
	}
	if q.Results != nil {
		out.IsExpr = true
		out.Exprs = s.exprList(q.Results)
	}
	return out, s.Err()
}

// HoleValue evaluates a hole that is not part of a tree's body, such as
// a struct's metatype decorator.
func (s *Specializer) HoleValue(h *tast.Hole) ([]lua.LValue, bool) {
	return s.callHole(h)
}

// Diagnostics returns the located errors.
func (e *Error) Diagnostics() source.List { return e.List }

func (s *Specializer) openScope()  { s.scopes = append(s.scopes, map[string]bool{}) }
func (s *Specializer) closeScope() { s.scopes = s.scopes[:len(s.scopes)-1] }

// Trailer is Terra's closing line for specialization errors.
func (e *Error) Trailer() string { return "Errors reported during typechecking." }
