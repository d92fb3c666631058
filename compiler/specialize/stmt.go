// This file implements specialization of statements and declarations.
package specialize

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/tast"
)

// declare makes the symbols a declaration introduces. A [s] escape may
// produce a list of symbols (a parameter list).
func (s *Specializer) declare(p *tast.VarDecl, requireType bool) []*tree.Symbol {
	var t *types.Type
	if p.Type != nil {
		t = s.evalType(p.Type)
		if p.Self && t.Kind != types.Pointer && !t.IsError() {
			t = types.PointerTo(t)
		}
	}
	var syms []*tree.Symbol
	if p.Symbol != nil {
		vals, ok := s.callHole(p.Symbol)
		if !ok {
			return []*tree.Symbol{tree.NewSymbol("error", types.ErrorT)}
		}
		for _, v := range Flatten(vals) {
			// Only symbols: a name written as a string would not be
			// visible to the code after it, as in Terra.
			if sym := s.host.AsSymbol(v); sym != nil {
				syms = append(syms, sym)
			} else {
				s.errorf(p, "expected a symbol but found %s", typeName(v))
			}
		}
	} else {
		syms = []*tree.Symbol{tree.NewSymbol(p.Name, nil)}
		if n := len(s.scopes); n > 0 {
			if s.scopes[n-1][p.Name] {
				s.errorf(p, "duplicate definition of variable %s", p.Name)
			}
			s.scopes[n-1][p.Name] = true
		}
	}
	out := make([]*tree.Symbol, len(syms))
	for i, sym := range syms {
		if t != nil && sym.Type != t {
			// An annotated declaration of an existing symbol gives the
			// variable that type; a fresh symbol gets it directly.
			if sym.Type == nil {
				sym.Type = t
			} else if !sym.Type.IsError() && !t.IsError() {
				s.errorf(p, "symbol %s has type %s but is declared with type %s", sym, sym.Type, t)
			}
		}
		if requireType && sym.Type == nil {
			s.errorf(p, "type must be specified for parameters and uninitialized variables")
			sym.Type = types.ErrorT
		}
		out[i] = sym
	}
	if len(out) > 0 {
		s.locals[p] = out[0]
	}
	return out
}

func (s *Specializer) block(b *tast.Block) *tree.Block {
	if b == nil {
		return &tree.Block{}
	}
	s.openScope()
	defer s.closeScope()
	return &tree.Block{StmtBase: tree.StmtBase{Pos: s.span(b)}, Stmts: s.stmts(b.Stmts)}
}

func (s *Specializer) stmts(in []tast.Stmt) []tree.Stmt {
	var out []tree.Stmt
	for _, st := range in {
		out = append(out, s.stmt(st)...)
	}
	return out
}

func (s *Specializer) base(n tast.Node) tree.StmtBase { return tree.StmtBase{Pos: s.span(n)} }

func (s *Specializer) stmt(st tast.Stmt) []tree.Stmt {
	switch st := st.(type) {
	case *tast.Block:
		return []tree.Stmt{s.block(st)}
	case *tast.DoStmt:
		return []tree.Stmt{s.block(st.Body)}
	case *tast.VarStmt:
		inits := s.exprList(st.Values)
		d := &tree.VarDecl{StmtBase: s.base(st), Inits: inits}
		for _, v := range st.Vars {
			// Without initializers every variable needs a type.
			for _, sym := range s.declare(v, len(st.Values) == 0) {
				d.Syms = append(d.Syms, sym)
				d.Types = append(d.Types, sym.Type)
			}
		}
		return []tree.Stmt{d}
	case *tast.AssignStmt:
		return []tree.Stmt{&tree.Assign{StmtBase: s.base(st), Lhs: s.exprList(st.Lhs), Rhs: s.exprList(st.Rhs)}}
	case *tast.IfStmt:
		n := &tree.If{StmtBase: s.base(st)}
		for _, c := range st.Clauses {
			n.Branches = append(n.Branches, tree.IfBranch{Cond: s.expr(c.Cond), Body: s.block(c.Body)})
		}
		if st.Else != nil {
			n.Else = s.block(st.Else)
		}
		return []tree.Stmt{n}
	case *tast.WhileStmt:
		return []tree.Stmt{&tree.While{StmtBase: s.base(st), Cond: s.expr(st.Cond), Body: s.block(st.Body)}}
	case *tast.RepeatStmt:
		// The condition sees the body's variables, so they share a scope.
		s.openScope()
		defer s.closeScope()
		body := &tree.Block{StmtBase: s.base(st.Body), Stmts: s.stmts(st.Body.Stmts)}
		return []tree.Stmt{&tree.Repeat{StmtBase: s.base(st), Body: body, Cond: s.expr(st.Cond)}}
	case *tast.ForNumStmt:
		n := &tree.ForNum{StmtBase: s.base(st), Start: s.expr(st.Start), Limit: s.expr(st.Limit)}
		if st.Step != nil {
			n.Step = s.expr(st.Step)
		}
		s.openScope()
		defer s.closeScope()
		vars := s.declare(st.Var, false)
		if len(vars) != 1 {
			s.errorf(st.Var, "expected a single iteration variable but found %d", len(vars))
			vars = []*tree.Symbol{tree.NewSymbol("error", types.ErrorT)}
		}
		n.Var = vars[0]
		n.Body = s.block(st.Body)
		return []tree.Stmt{n}
	case *tast.BreakStmt:
		return []tree.Stmt{&tree.Break{StmtBase: s.base(st)}}
	case *tast.ReturnStmt:
		return []tree.Stmt{&tree.Return{StmtBase: s.base(st), Exprs: s.exprList(st.Values)}}
	case *tast.LabelStmt:
		return []tree.Stmt{&tree.LabelStmt{StmtBase: s.base(st), Label: s.label(st.Label)}}
	case *tast.GotoStmt:
		return []tree.Stmt{&tree.Goto{StmtBase: s.base(st), Label: s.label(st.Label)}}
	case *tast.DeferStmt:
		return []tree.Stmt{&tree.Defer{StmtBase: s.base(st), Call: s.expr(st.X)}}
	case *tast.ExprStmt:
		return s.exprStmt(st)
	case *tast.ForInStmt:
		return []tree.Stmt{s.forIn(st)}
	case *tast.SwitchStmt:
		return []tree.Stmt{s.switchStmt(st)}
	case *tast.CaseStmt:
		return []tree.Stmt{s.caseStmt(st)}
	default:
		s.errorf(st, "internal error: unknown statement %T", st)
	}
	return nil
}

// exprStmt handles expression statements, where escapes may splice
// statement quotes.
func (s *Specializer) exprStmt(st *tast.ExprStmt) []tree.Stmt {
	var vals []lua.LValue
	switch x := st.X.(type) {
	case *tast.Escape:
		v, ok := s.callHole(x.Hole)
		if !ok {
			return nil
		}
		vals = v
	case *tast.BlockEscape:
		vals = s.blockEscape(x)
	default:
		return []tree.Stmt{&tree.ExprStmt{StmtBase: s.base(st), X: s.expr(st.X)}}
	}
	var out []tree.Stmt
	for _, v := range Flatten(vals) {
		if q := s.host.AsQuote(v); q != nil {
			// A Let statement: the checker splices it into the block
			// hygienically (its names never clash with the block's).
			let := &tree.Let{ExprBase: tree.ExprBase{Pos: s.span(st)}, Stmts: tree.CopyStmts(q.Stmts), Exprs: tree.CopyExprs(q.Exprs)}
			out = append(out, &tree.ExprStmt{StmtBase: s.base(st), X: let})
			continue
		}
		if v == lua.LNil {
			continue
		}
		out = append(out, &tree.ExprStmt{StmtBase: s.base(st), X: s.luaToExpr(st, v)})
	}
	return out
}

func (s *Specializer) label(l *tast.Label) *tree.Label {
	if l.Hole != nil {
		vals, ok := s.callHole(l.Hole)
		if !ok || len(vals) == 0 {
			return tree.NewLabel("error")
		}
		if lb := s.host.AsLabel(vals[0]); lb != nil {
			return lb
		}
		// A string may name a field or a method, never a goto target.
		s.errorf(l, "expected a label but found %s", typeName(vals[0]))
		return tree.NewLabel("error")
	}
	return s.namedLabel(l.Name)
}

func (s *Specializer) namedLabel(name string) *tree.Label {
	if lb := s.labels[name]; lb != nil {
		return lb
	}
	lb := tree.NewLabel(name)
	s.labels[name] = lb
	return lb
}

func (s *Specializer) blockEscape(x *tast.BlockEscape) []lua.LValue {
	emit, collect := s.host.Emitter()
	vals, ok := s.callHole(x.Hole, emit)
	if !ok {
		return nil
	}
	_ = vals
	return collect()
}
