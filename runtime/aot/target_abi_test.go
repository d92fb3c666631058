package aot

import (
	"strings"
	"testing"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/runtime/jit"
)

// A module saved for aarch64 uses that target's calling convention: an
// HFA parameter is [2 x float], and a 24-byte struct goes by reference.
func TestBuildModuleUsesTargetABI(t *testing.T) {
	pair := types.NewStruct("Pair")
	big := types.NewStruct("Big")
	for _, n := range []string{"x", "y"} {
		pair.Entries = append(pair.Entries, types.Entry{Field: types.Field{Name: n, Type: types.Float32}})
	}
	for _, n := range []string{"a", "b", "c"} {
		big.Entries = append(big.Entries, types.Entry{Field: types.Field{Name: n, Type: types.Int64}})
	}
	p, b := tree.NewSymbol("p", pair), tree.NewSymbol("b", big)
	fn := tree.NewFunction("f")
	fn.Type = types.FuncOf([]*types.Type{pair, big}, pair, false)
	fn.Def = &tree.FuncDef{Params: []*tree.Symbol{p, b}, Result: pair, Body: &tree.Block{Stmts: []tree.Stmt{
		&tree.Return{Exprs: []tree.Expr{&tree.Var{ExprBase: tree.ExprBase{Type: pair, LValue: true}, Sym: p}}},
	}}}
	fn.State = tree.Checked
	noCheck := func(*tree.Function) error { return nil }
	for _, c := range []struct{ triple, want string }{
		{"aarch64-linux-gnu", "define %Pair @f([2 x float] %p.coerce, %Big* %b)"},
		{"x86_64-pc-linux-gnu", "define <2 x float> @f(<2 x float> %p.coerce, %Big* byval(%Big) align 8 %b)"},
	} {
		m, err := BuildModule([]Export{{Name: "f", Fn: fn}}, noCheck, Options{Target: jit.Target{Triple: c.triple}})
		if err != nil {
			t.Fatal(err)
		}
		if ir := m.String(); !strings.Contains(ir, c.want) {
			t.Errorf("%s: no %q in\n%s", c.triple, c.want, ir)
		}
	}
}
