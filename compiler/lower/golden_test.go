package lower

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

var update = flag.Bool("update", false, "rewrite testdata/*.ll golden files")

// goldenCases are small functions whose IR is compared with
// testdata/NAME.ll. Link names are fixed so the output is stable.
func goldenCases() map[string][]*tree.Function {
	named := func(fn *tree.Function, name string) *tree.Function { fn.LinkName = name; return fn }
	a, b := sym("a", i32), sym("b", i32)
	add := named(fun("add", []*tree.Symbol{a, b}, i32, ret(bin("+", vr(a), vr(b)))), "add")

	n, i, s := sym("n", u32), sym("i", u32), sym("s", u32)
	sum := named(fun("sum", []*tree.Symbol{n}, u32,
		decl(s, lit(u32, 0)),
		fornum(i, lit(u32, 0), vr(n), nil, assign(vr(s), bin("+", vr(s), bin("/", vr(i), lit(u32, 2))))),
		ret(vr(s))), "sum")

	x, y := sym("x", tb), sym("y", tb)
	both := named(fun("both", []*tree.Symbol{x, y}, tb, ret(bin("and", vr(x), un("not", vr(y))))), "both")

	pt := pointStruct()
	p := sym("p", types.PointerTo(pt))
	getY := named(fun("gety", []*tree.Symbol{p}, f64,
		ifs(sel(un("@", vr(p)), "ok"), block(ret(sel(un("@", vr(p)), "y"))), nil),
		ret(flit(f64, -1))), "gety")

	v := sym("v", types.VectorOf(f32, 4))
	vec := named(fun("scale", []*tree.Symbol{v}, types.VectorOf(f32, 4),
		ret(bin("*", vr(v), cast(types.VectorOf(f32, 4), flit(f32, 2))))), "scale")

	// Addresses are in bounds, as clang marks C's (bench/RESULTS.md).
	q, k := sym("q", types.PointerTo(i32)), sym("k", i32)
	at := named(fun("at", []*tree.Symbol{q, k}, i32,
		ret(bin("+", idx(vr(q), vr(k)), un("@", bin("+", vr(q), vr(k)))))), "at")

	return map[string][]*tree.Function{
		"inbounds": {at},
		"add":      {add},
		"sum":      {sum},
		"bool":     {both},
		"struct":   {getY},
		"vector":   {vec},
	}
}

// fuzzyIR drops comments, blank lines and source_filename.
func fuzzyIR(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if i := strings.Index(l, ";"); i >= 0 && !strings.Contains(l[:i], "\"") {
			l = l[:i]
		}
		l = strings.TrimRight(l, " \t")
		if l == "" || strings.HasPrefix(l, "source_filename") {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

func TestGolden(t *testing.T) {
	for name, fns := range goldenCases() {
		t.Run(name, func(t *testing.T) {
			ir := build(t, fns...)
			verify(t, ir)
			file := filepath.Join("testdata", name+".ll")
			if *update {
				if err := os.WriteFile(file, []byte(ir), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if fuzzyIR(string(want)) != fuzzyIR(ir) {
				t.Errorf("IR differs from %s:\n%s", file, ir)
			}
		})
	}
}
