package check

import (
	"strings"
	"testing"

	"terrac/compiler/tree"
)

// TestRaiiRewrite checks the statements the checker makes for a managed
// type: initializer and destructor of a declared variable, a move (no
// __copy) of a variable into another, a destroyed temporary, and a
// returned local that keeps its destructor off the return path.
func TestRaiiRewrite(t *testing.T) {
	s := newSuite()
	S := structT("S", "x", i32)
	self := sym("self", ptr(S))
	dtor := terra("dtor", syms(self), unit)
	s.host.addMethod(S, "__dtor", dtor)
	r := sym("r", S)
	mk := terra("mk", nil, S, vardecl(r, nil), ret(v(r)))
	a, b := sym("a", S), sym("b", S)
	f := terra("f", nil, S,
		vardecl(a, nil),
		vardecl(b, v(a)),
		es(call(fref(mk))),
		ret(v(b)))
	s.run(t, f, mk, dtor)
	got := dump(f)
	for _, want := range []string{
		"var a : S\n  S.__init(&a)\n  defer dtor(&a)",
		"var b : S = let(var <from> : &S = &a; var <moved> : S = @<from>; S.__init(<from>) in <moved>)\n  defer dtor(&b)",
		"<*tree.FullExpr>",
		"return b",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("dump lacks %q:\n%s", want, got)
		}
	}
	var ret *tree.Return
	for _, st := range f.Def.Body.Stmts {
		if r, ok := st.(*tree.Return); ok {
			ret = r
		}
	}
	if ret == nil || len(ret.Moved) != 1 || ret.Moved[0] != b {
		t.Errorf("return b does not move b out: %+v", ret)
	}
	if S.RAII == nil {
		t.Errorf("S's managed-type decision is not cached on the type")
	}
}

// TestUnmanagedUntouched checks that a struct without the methods is
// left alone: no calls, no deferred destructors.
func TestUnmanagedUntouched(t *testing.T) {
	s := newSuite()
	P := structT("P", "x", i32)
	a, b := sym("a", P), sym("b", P)
	f := terra("f", nil, P, vardecl(a, nil), vardecl(b, v(a)), ret(v(b)))
	s.run(t, f)
	expectDump(t, dump(f), `
		f : {} -> P
		  var a : P
		  var b : P = a
		  return b`)
}
