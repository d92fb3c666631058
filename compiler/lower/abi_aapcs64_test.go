package lower

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// aapcsC declares, for each struct shape K, K f_K(K x) and a function
// mixing scalars and aggregates; clang-14 lowers it for aarch64 and the
// test compares those signatures with terrac's.
const aapcsC = `
typedef struct { float x, y; } F2;
typedef struct { double a, b, c; } D3;
typedef struct { int a, b; } I2;
typedef struct { char c[3]; } C3;
typedef struct { int a; double b; } M;
typedef struct { long a, b, c; } L3;
typedef struct { float a, b, c, d; } F4;
typedef struct { float a, b, c, d, e; } F5;
typedef struct { int a, b, c; } I3;
typedef struct { double a; float b; } DF;
typedef float v4f __attribute__((vector_size(16)));
typedef struct { v4f a, b; } V2;
#define DEF(K) K f_##K(K x) { return x; }
DEF(F2) DEF(D3) DEF(I2) DEF(C3) DEF(M) DEF(L3) DEF(F4) DEF(F5) DEF(I3) DEF(DF) DEF(V2)
char f_mix(char c, short s, _Bool b, F2 f, L3 l, C3 d, double g) { return c; }
`

// llSig extracts "ret(param, ...)" types from define lines, keyed by
// function name; struct names lose clang's "struct." prefix and sret
// parameters are marked.
func llSig(ir string) map[string]string {
	out := map[string]string{}
	re := regexp.MustCompile(`(?m)^define (.*) @(\w+)\((.*)\)[^(]*\{$`)
	for _, mt := range re.FindAllStringSubmatch(ir, -1) {
		ret := lastType(mt[1])
		var ps []string
		for _, p := range splitTop(mt[3]) {
			ty := firstType(p)
			if strings.Contains(p, "sret(") {
				ty += " sret"
			}
			for _, ext := range []string{"signext", "zeroext", "byval("} {
				if strings.Contains(p, ext) {
					ty += " " + strings.TrimSuffix(ext, "(")
				}
			}
			ps = append(ps, ty)
		}
		out[mt[2]] = strings.ReplaceAll(ret+"("+strings.Join(ps, ", ")+")", "%struct.", "%")
	}
	return out
}

func splitTop(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, c := range s {
		switch c {
		case '[', '(', '<', '{':
			depth++
		case ']', ')', '>', '}':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	if strings.TrimSpace(s[start:]) != "" {
		parts = append(parts, strings.TrimSpace(s[start:]))
	}
	return parts
}

// firstType is the type at the start of a parameter.
func firstType(p string) string {
	if p[0] == '[' || p[0] == '<' || p[0] == '{' {
		depth := 0
		for i, c := range p {
			switch c {
			case '[', '<', '{':
				depth++
			case ']', '>', '}':
				depth--
				if depth == 0 {
					j := i + 1
					for j < len(p) && p[j] == '*' {
						j++
					}
					return p[:j]
				}
			}
		}
	}
	return strings.Fields(p)[0]
}

// lastType is the type at the end of the text before the name.
func lastType(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "]") || strings.HasSuffix(s, ">") || strings.HasSuffix(s, "}") {
		depth := 0
		for i := len(s) - 1; i >= 0; i-- {
			switch s[i] {
			case ']', '>', '}':
				depth++
			case '[', '<', '{':
				depth--
				if depth == 0 {
					return s[i:]
				}
			}
		}
	}
	f := strings.Fields(s)
	return f[len(f)-1]
}

func TestAAPCS64SignaturesMatchClang(t *testing.T) {
	clang := haveTool(t, "clang-14")
	dir := t.TempDir()
	cfile := filepath.Join(dir, "a.c")
	if err := os.WriteFile(cfile, []byte(aapcsC), 0o644); err != nil {
		t.Fatal(err)
	}
	cout, err := exec.Command(clang, "--target=aarch64-linux-gnu", "-O1", "-S", "-emit-llvm", "-o", "-", cfile).Output()
	if err != nil {
		t.Fatalf("clang: %v", err)
	}
	want := llSig(string(cout))

	v4f := types.VectorOf(f32, 4)
	shapes := []*types.Type{
		abiStruct("F2", f32, f32), abiStruct("D3", f64, f64, f64), abiStruct("I2", i32, i32),
		abiStruct("C3", types.ArrayOf(i8, 3)), abiStruct("M", i32, f64), abiStruct("L3", i64, i64, i64),
		abiStruct("F4", f32, f32, f32, f32), abiStruct("F5", f32, f32, f32, f32, f32),
		abiStruct("I3", i32, i32, i32), abiStruct("DF", f64, f32), abiStruct("V2", v4f, v4f),
	}
	m := NewModule(t.Name(), "aarch64-linux-gnu")
	add := func(fn *tree.Function) {
		t.Helper()
		if err := m.AddFunction(fn); err != nil {
			t.Fatalf("AddFunction(%s): %v", fn.Name, err)
		}
	}
	for _, st := range shapes {
		x := sym("x", st)
		f := fun("f_"+st.StructInfo.Name, []*tree.Symbol{x}, st, ret(vr(x)))
		f.LinkName = f.Name
		add(f)
		// A caller, so call sites are lowered (and verified) too.
		y := sym("y", st)
		c := fun("call_"+st.StructInfo.Name, []*tree.Symbol{y}, st, ret(call(f, vr(y))))
		add(c)
	}
	c, s, b, g := sym("c", i8), sym("s", types.Int16), sym("b", tb), sym("g", f64)
	f, l, d := sym("f", shapes[0]), sym("l", shapes[5]), sym("d", shapes[3])
	mix := fun("f_mix", []*tree.Symbol{c, s, b, f, l, d, g}, i8, ret(vr(c)))
	mix.LinkName = "f_mix"
	add(mix)
	ir := m.String()
	verify(t, ir)
	got := llSig(ir)
	for name := range got {
		if !strings.HasPrefix(name, "f_") {
			delete(got, name)
		}
	}
	if len(want) != len(shapes)+1 {
		t.Fatalf("parsed %d clang signatures, want %d:\n%s", len(want), len(shapes)+1, cout)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("signatures (-clang +terrac):\n%s\n%s", diff, numbered(ir))
	}
	// The IR compiles for the target (the backend accepts the coerced types).
	if llc, err := exec.LookPath("llc-14"); err == nil {
		cmd := exec.Command(llc, "-mtriple=aarch64-linux-gnu", "-o", "/dev/null")
		cmd.Stdin = strings.NewReader(ir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("llc-14: %v\n%s", err, out)
		}
	}
}

// The triple alone chooses the convention: the same function lowers
// differently for x86-64 and aarch64.
func TestABIChosenByTriple(t *testing.T) {
	st := abiStruct("F2", f32, f32)
	x := sym("x", st)
	fn := fun("f", []*tree.Symbol{x}, st, ret(vr(x)))
	sigOf := func(triple string) string {
		m := NewModule("m", triple)
		if err := m.AddFunction(fn); err != nil {
			t.Fatal(err)
		}
		return m.getSignature(fn.Type).llvm.String()
	}
	got := []string{sigOf(""), sigOf("x86_64-unknown-linux-gnu"), sigOf("aarch64-linux-gnu"), sigOf("arm64-unknown-linux-gnu")}
	// Struct names are unique per process (F2, F2$1, …): other tests make
	// an F2 too.
	named := "%" + st.String()
	want := []string{"<2 x float> (<2 x float>)", "<2 x float> (<2 x float>)", named + " ([2 x float])", named + " ([2 x float])"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("signatures (-want +got):\n%s", diff)
	}
}
