// This file implements table tests for Terra trees and syntax errors.
package parse

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"terrac/lang/source"
	"terrac/lang/tast"
)

func parseTrees(t *testing.T, src string) []*tast.Tree {
	t.Helper()
	reg := tast.NewRegistry()
	if _, err := File(source.NewFile("t.t", []byte(src)), reg); err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	var trees []*tast.Tree
	for i := 1; i <= reg.Len(); i++ {
		trees = append(trees, reg.Get(i))
	}
	return trees
}

func TestTerraTrees(t *testing.T) {
	tests := []struct{ src, want string }{
		{"terra f(a : int, b : int) : int return a + b end",
			"(group (func f (a#1:$0:type() b#2:$1:type()) -> $2:type(a#1,b#2) (block (return (+ a#1 b#2)))))"},
		{"terra f() var x = 1 var y : int = x + g return y end",
			"(group (func f () (block (var 1:int32 -> x#1) (var (+ x#1 $1:name(g)) -> y#2:$0:type(x#1)) (return y#2))))"},
		{"local terra f() return [x] + y + y end",
			"(group (func f local () (block (return (+ (+ [$0:escape()] $1:name(y)) $1:name(y))))))"},
		{"terra T:m(x : int) return self.a end",
			"(group (func T.methods.m (self#1:$0:type() x#2:$1:type()) (block (return (. self#1 a)))))"},
		{"terra f :: {int} -> int", "(group (func f :: $0:type()))"},
		{"struct S { a : int; b : &S, union { c : int, d : float } }",
			"(group (struct S { (a $0:type()) (b $1:type()) (union (c $2:type()) (d $3:type())) }))"},
		{"struct S struct T(meta) { }", "(group (struct S) (struct T meta=$0:meta() { }))"},
		{"x = `1 + 2.5f", "(quote (+ 1:int32 2.5f:float))"},
		{"x = quote var a = 1 in a, 2LL end", "(quote (block (var 1:int32 -> a#1)) in a#1 2LL:int64)"},
		{"terra f(p : &int) @p = 1; p[0], p[1] = p[1], &p[0] end",
			"(group (func f (p#1:$0:type()) (block (set (@ p#1) = 1:int32) (set (index p#1 0:int32) (index p#1 1:int32) = (index p#1 1:int32) (& (index p#1 0:int32))))))"},
		{"terra f() for i = 0, 10 do for j : int = i, 10, 2 do end end for a, b in x do end end",
			"(group (func f () (block (fornum i#1 0:int32 10:int32 (block (fornum j#2:$0:type(i#1) i#1 10:int32 2:int32 (block)))) (forin a#3 b#4 in $1:name(x) (block)))))"},
		{"terra f() repeat var x = 1 until x > 0 while true do break end end",
			"(group (func f () (block (repeat (block (var 1:int32 -> x#1)) (> x#1 0:int32)) (while true (block (break))))))"},
		{"terra f() if a then elseif b then else end do end end",
			"(group (func f () (block (if $0:name(a) (block) $1:name(b) (block) else (block)) (do (block)))))"},
		{"terra f() ::top:: goto top ::[l]:: goto [l] defer g() end",
			"(group (func f () (block (label top) (goto top) (label $0:symbol()) (goto $1:symbol()) (defer (call $2:name(g))))))"},
		{"terra f(a : int) switch a do case 1 then return 2 case 2, 3 then return 5 end else return 3 end end",
			"(group (func f (a#1:$0:type()) (block (switch a#1 (case 1:int32 (block (return 2:int32))) (case 2:int32 3:int32 (block (return 5:int32))) else (block (return 3:int32))))))"},
		{"terra f(x : int) var [s] = 1 [stmt]; escape emit(x) end; o:m(1) o:[n]() o.[k] = {1, a = 2, [k] = 3} end",
			"(group (func f (x#1:$0:type()) (block (var 1:int32 -> [$1:symbol(x#1)]) [$2:escape(x#1)] (escape $3:block(x#1)) (method $4:name(o) m 1:int32) (method $4:name(o) $5:symbol(x#1)) (set (. $4:name(o) $6:symbol(x#1)) = {1:int32 a=2:int32 [$7:symbol(x#1)]=3:int32}))))"},
		{"terra f() return [int](1), (x), not a and b or c << 1 end",
			"(group (func f () (block (return (call [$0:escape()] 1:int32) (paren $1:name(x)) (or (and (not $2:name(a)) $3:name(b)) (<< $4:name(c) 1:int32))))))"},
		{"terra f(x : int, y : int) do var x = 1; [x] end end",
			"(group (func f (x#1:$0:type() y#2:$1:type()) (block (do (block (var 1:int32 -> x#3) [$2:escape(y#2,x#3)])))))"},
		{"x = terra(a : int) return a end", "(func  (a#1:$0:type()) (block (return a#1)))"},
		{"x = struct { a : int }", "(struct  { (a $0:type()) })"},
		{"terra f(...) end", "(group (func f ( ...) (block)))"},
		{"terra f() g()\n(h)() end", "(group (func f () (block (call $0:name(g)) (call (paren $1:name(h))))))"},
		{"terra f() var a : int, b = 1, 2 end", "(group (func f () (block (var 1:int32 2:int32 -> a#1:$0:type() b#2))))"},
		{"terra f() return 1U, 0xff, 4294967296, 1e3, 3.f end",
			"(group (func f () (block (return 1U:uint32 0xff:int32 4294967296:double 1e3:double 3.f:float))))"},
	}
	for _, tt := range tests {
		trees := parseTrees(t, tt.src)
		if len(trees) == 0 {
			t.Errorf("%q: no tree", tt.src)
			continue
		}
		got := tast.Dump(trees[len(trees)-1].Root)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q: (-want +got)\n%s", tt.src, diff)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"local var = 1", "t.t:1:7: <name> expected near 'var'"},
		{"x = = 1", "t.t:1:5: unexpected symbol near '='"},
		{"local x 1", "t.t:1:9: unexpected symbol near '1'"},
		{"x.y", "t.t:1:4: syntax error near <eof>"},
		{"function f()\n  x = 1\n", "t.t:3:1: 'end' expected (to close 'function' at line 1) near <eof>"},
		{"f(", "t.t:1:3: unexpected symbol near <eof>"},
		{"x = a << 1", "t.t:1:7: @, <<, and >> operators not supported in Lua code. near '<<'"},
		{"terra f() return #x end", "t.t:1:18: # operator not supported in Terra code. near '#'"},
		{"terra f() local x = 1 end", "t.t:1:11: local keywords cannot be nested in terra functions. near 'local'"},
		{"var x = 1", "t.t:1:1: variables cannot be used outside terra functions."},
		{"x = [1]", "t.t:1:5: antiquotation cannot be used outside terra functions. near '['"},
		{"for i do end", "t.t:1:7: '=' or 'in' expected near 'do'"},
		{"x = 1 end", "t.t:1:7: '<eof>' expected near 'end'"},
		{"x = 3x", "t.t:1:5: malformed number near '3x'"},
		{"local function f() return ... end", "t.t:1:27: cannot use '...' outside a vararg function near '...'"},
	}
	for _, tt := range tests {
		_, err := File(source.NewFile("t.t", []byte(tt.src)), tast.NewRegistry())
		if err == nil {
			t.Errorf("%q: no error", tt.src)
			continue
		}
		first := strings.SplitN(err.Error(), "\n", 2)[0]
		if first != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, first, tt.want)
		}
	}
}

func TestErrorRecovery(t *testing.T) {
	src := "x = = 1\ny = = 2\nlocal z = 3\nw = = 4 = = 5\n"
	_, err := File(source.NewFile("t.t", []byte(src)), tast.NewRegistry())
	l, ok := err.(source.List)
	if !ok || len(l) != 3 {
		t.Fatalf("want 3 errors (one per line), got %v", err)
	}
	var b strings.Builder
	for i := 0; i < 30; i++ {
		b.WriteString("x = = 1\n")
	}
	_, err = File(source.NewFile("t.t", []byte(b.String())), tast.NewRegistry())
	if l := err.(source.List); len(l) != maxErrors {
		t.Fatalf("want %d errors, got %d", maxErrors, len(l))
	}
}

func TestNestingLimit(t *testing.T) {
	src := "x = " + strings.Repeat("(", 10000) + "1" + strings.Repeat(")", 10000)
	_, err := File(source.NewFile("t.t", []byte(src)), tast.NewRegistry())
	if err == nil || !strings.Contains(err.Error(), "too many syntax levels") {
		t.Fatalf("got %v", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"terra f(a : int) : int return a end",
		"local x = `1 + [y]",
		"struct S { a : int, union { b : int } }",
		"x = quote var a = 1 in a end",
		"terra f() switch a do case 1 then end else end end",
		"print((f()))",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		File(source.NewFile("fuzz.t", []byte(src)), tast.NewRegistry())
	})
}

// TestLongBlockNames checks name resolution in a block long enough to be
// indexed by name: a redeclared local shadows the earlier one, outer
// locals and parameters are still found, and an escape's hole sees each
// name once, bound to its latest declaration.
func TestLongBlockNames(t *testing.T) {
	var b strings.Builder
	b.WriteString("terra f(x : int) : int var a0 = x")
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&b, " var a%d = a%d", i, i-1)
	}
	b.WriteString(" var a3 = x do var a3 = a20 end var y = [a3] return a3 + g end")
	trees := parseTrees(t, b.String())
	got := tast.Dump(trees[len(trees)-1].Root)
	// Parameter x is #1, a0..a20 are #2..#22, the second a3 is #23, the
	// inner one #24, y #25.
	for _, want := range []string{
		"(var x#1 -> a0#2)", "(var a19#21 -> a20#22)", "(var x#1 -> a3#23)",
		"(do (block (var a20#22 -> a3#24)))", "(return (+ a3#23 $3:name(g)))",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	// The escape's locals: x, a0..a20 without the shadowed a3#5, then the
	// latest a3, in declaration order.
	esc := regexp.MustCompile(`\[\$2:escape\(([^)]*)\)\]`).FindStringSubmatch(got)
	if esc == nil {
		t.Fatalf("no escape in\n%s", got)
	}
	want := "x#1,a0#2,a1#3,a2#4"
	for i := 4; i <= 20; i++ {
		want += fmt.Sprintf(",a%d#%d", i, i+2)
	}
	want += ",a3#23"
	if esc[1] != want {
		t.Errorf("escape locals\n got %s\nwant %s", esc[1], want)
	}
}
