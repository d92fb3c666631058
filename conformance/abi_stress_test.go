// This file implements the generated System V ABI stress test: C functions
// with random struct signatures, compiled by clang through includecstring,
// called from Terra with known values, and calling back into Terra
// functions through function pointers; both sides check every value.
package conformance

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// abiScalar is a C scalar type with its Terra spelling.
type abiScalar struct{ c, terra string }

var abiScalars = []abiScalar{
	{"char", "int8"}, {"short", "int16"}, {"int", "int32"}, {"long", "int64"},
	{"float", "float"}, {"double", "double"},
	{"unsigned char", "uint8"}, {"unsigned int", "uint32"},
}

// abiField is one member: a scalar, an array of scalars, or an earlier
// struct.
type abiField struct {
	scalar *abiScalar
	n      int        // > 0: array length
	sub    *abiStruct // nested struct
}

type abiStruct struct {
	name   string
	fields []abiField
}

// abiType is a parameter or result type: a struct or a scalar.
type abiType struct {
	st *abiStruct
	sc *abiScalar
}

func (t abiType) c() string {
	if t.st != nil {
		return t.st.name
	}
	return t.sc.c
}

// tn is the type's spelling in the Terra program.
func (t abiType) tn() string {
	if t.st != nil {
		return "C." + t.st.name
	}
	return t.sc.terra
}

type abiGen struct {
	r       *rand.Rand
	structs []*abiStruct
}

func (g *abiGen) scalar() *abiScalar { return &abiScalars[g.r.Intn(len(abiScalars))] }

func (g *abiGen) newStruct(i int) *abiStruct {
	s := &abiStruct{name: fmt.Sprintf("S%d", i)}
	for j, n := 0, 1+g.r.Intn(5); j < n; j++ {
		switch k := g.r.Intn(10); {
		case k < 2:
			s.fields = append(s.fields, abiField{scalar: g.scalar(), n: 1 + g.r.Intn(4)})
		case k < 3 && len(g.structs) > 0:
			s.fields = append(s.fields, abiField{sub: g.structs[g.r.Intn(len(g.structs))]})
		default:
			s.fields = append(s.fields, abiField{scalar: g.scalar()})
		}
	}
	return s
}

func (g *abiGen) typ() abiType {
	if g.r.Intn(10) < 7 {
		return abiType{st: g.structs[g.r.Intn(len(g.structs))]}
	}
	return abiType{sc: g.scalar()}
}

// value returns a literal exactly representable in sc.
func (g *abiGen) value(sc *abiScalar) string {
	switch sc.c {
	case "float":
		return fmt.Sprintf("%g", float64(g.r.Intn(801)-400)/4)
	case "double":
		return fmt.Sprintf("%g", float64(g.r.Intn(2000001)-1000000)/8)
	case "long":
		return fmt.Sprint(g.r.Int63n(1<<40) - 1<<39)
	case "short":
		return fmt.Sprint(g.r.Intn(60001) - 30000)
	case "unsigned char":
		return fmt.Sprint(g.r.Intn(256))
	case "unsigned int":
		return fmt.Sprint(g.r.Int63n(1 << 32))
	}
	return fmt.Sprint(g.r.Intn(201) - 100)
}

// leaves lists the scalar paths of t under prefix with fresh values.
type abiLeaf struct{ path, val string }

func (g *abiGen) leaves(t abiType, prefix string) []abiLeaf {
	if t.sc != nil {
		return []abiLeaf{{prefix, g.value(t.sc)}}
	}
	return g.structLeaves(t.st, prefix)
}

func (g *abiGen) structLeaves(s *abiStruct, prefix string) []abiLeaf {
	var out []abiLeaf
	for j, f := range s.fields {
		p := fmt.Sprintf("%s.f%d", prefix, j)
		switch {
		case f.sub != nil:
			out = append(out, g.structLeaves(f.sub, p)...)
		case f.n > 0:
			for k := 0; k < f.n; k++ {
				out = append(out, abiLeaf{fmt.Sprintf("%s[%d]", p, k), g.value(f.scalar)})
			}
		default:
			out = append(out, abiLeaf{p, g.value(f.scalar)})
		}
	}
	return out
}

// generateABI writes the C source and the Terra program for nfn
// functions; the program prints "abi ok" lines or the failing checks.
func generateABI(seed int64, nfn int) (csrc, tsrc string) {
	g := &abiGen{r: rand.New(rand.NewSource(seed))}
	var c, t strings.Builder
	for i := 0; i < 120; i++ {
		s := g.newStruct(i)
		g.structs = append(g.structs, s)
		fmt.Fprintf(&c, "typedef struct %s {", s.name)
		for j, f := range s.fields {
			switch {
			case f.sub != nil:
				fmt.Fprintf(&c, " %s f%d;", f.sub.name, j)
			case f.n > 0:
				fmt.Fprintf(&c, " %s f%d[%d];", f.scalar.c, j, f.n)
			default:
				fmt.Fprintf(&c, " %s f%d;", f.scalar.c, j)
			}
		}
		fmt.Fprintf(&c, " } %s;\n", s.name)
	}
	t.WriteString("local C = terralib.includecstring(io.open(arg[1]):read('*a'))\n")
	for i := 0; i < nfn; i++ {
		np := 1 + g.r.Intn(4)
		var params []abiType
		for k := 0; k < np; k++ {
			params = append(params, g.typ())
		}
		ret := g.typ()
		var plist, ptypes, tparams []string
		for k, p := range params {
			plist = append(plist, fmt.Sprintf("%s p%d", p.c(), k))
			ptypes = append(ptypes, p.c())
			tparams = append(tparams, fmt.Sprintf("p%d : %s", k, p.tn()))
		}
		// Values for the call into C and for the callback.
		var inLeaves, cbLeaves [][]abiLeaf
		for k, p := range params {
			inLeaves = append(inLeaves, g.leaves(p, fmt.Sprintf("p%d", k)))
			cbLeaves = append(cbLeaves, g.leaves(p, fmt.Sprintf("p%d", k)))
		}
		outLeaves := g.leaves(ret, "r")
		cbOut := g.leaves(ret, "r")

		// C: f checks its arguments and returns known values.
		fmt.Fprintf(&c, "int bad_f%d;\n%s f%d(%s) {\n", i, ret.c(), i, strings.Join(plist, ", "))
		for _, ls := range inLeaves {
			for _, l := range ls {
				fmt.Fprintf(&c, "  if (%s != %s) bad_f%d++;\n", l.path, l.val, i)
			}
		}
		fmt.Fprintf(&c, "  %s r;\n", ret.c())
		for _, l := range outLeaves {
			fmt.Fprintf(&c, "  %s = %s;\n", l.path, l.val)
		}
		c.WriteString("  return r;\n}\n")
		// C: g calls the Terra callback with known values and checks
		// what it returns.
		fmt.Fprintf(&c, "int g%d(%s (*cb)(%s)) {\n  int bad = 0;\n", i, ret.c(), strings.Join(ptypes, ", "))
		var args []string
		for k, p := range params {
			fmt.Fprintf(&c, "  %s p%d;\n", p.c(), k)
			for _, l := range cbLeaves[k] {
				fmt.Fprintf(&c, "  %s = %s;\n", l.path, l.val)
			}
			args = append(args, fmt.Sprintf("p%d", k))
		}
		fmt.Fprintf(&c, "  %s r = cb(%s);\n", ret.c(), strings.Join(args, ", "))
		for _, l := range cbOut {
			fmt.Fprintf(&c, "  if (%s != %s) bad++;\n", l.path, l.val)
		}
		c.WriteString("  return bad;\n}\n")

		// Terra: the callback checks its arguments; a wrong argument
		// spoils the result, which C then reports.
		fmt.Fprintf(&t, "terra cb%d(%s) : %s\n  var ok = true\n", i, strings.Join(tparams, ", "), ret.tn())
		for _, ls := range cbLeaves {
			for _, l := range ls {
				fmt.Fprintf(&t, "  if %s ~= %s then ok = false end\n", l.path, l.val)
			}
		}
		fmt.Fprintf(&t, "  var r : %s\n", ret.tn())
		for _, l := range cbOut {
			fmt.Fprintf(&t, "  %s = %s\n", l.path, l.val)
		}
		if ret.sc != nil {
			t.WriteString("  if not ok then r = r + 1 end\n")
		} else {
			fmt.Fprintf(&t, "  if not ok then %s = %s + 1 end\n", cbOut[0].path, cbOut[0].path)
		}
		t.WriteString("  return r\nend\n")
		// Terra: call f with known values, check the result.
		fmt.Fprintf(&t, "terra t%d() : int\n  var bad = 0\n", i)
		for k, p := range params {
			fmt.Fprintf(&t, "  var p%d : %s\n", k, p.tn())
			for _, l := range inLeaves[k] {
				fmt.Fprintf(&t, "  %s = %s\n", l.path, l.val)
			}
		}
		fmt.Fprintf(&t, "  var r = C.f%d(%s)\n", i, strings.Join(args, ", "))
		for _, l := range outLeaves {
			fmt.Fprintf(&t, "  if %s ~= %s then bad = bad + 1 end\n", l.path, l.val)
		}
		fmt.Fprintf(&t, "  bad = bad + C.bad_f%d\n", i)
		fmt.Fprintf(&t, "  var cbbad = C.g%d(cb%d)\n", i, i)
		fmt.Fprintf(&t, "  if bad + cbbad ~= 0 then C.printf(\"f%d: %%d bad results, callback: %%d\\n\", bad, cbbad) end\n", i)
		t.WriteString("  return bad + cbbad\nend\ndo end -- keeps definition groups small\n")
	}
	c.WriteString("int printf(const char *, ...);\n")
	t.WriteString("local bad = 0\n")
	fmt.Fprintf(&t, "for i = 0, %d do\n  bad = bad + _G['t'..i]()\nend\n", nfn-1)
	fmt.Fprintf(&t, "print('abi checks failed:', bad)\n")
	return c.String(), t.String()
}

func TestABIStress(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	t.Parallel()
	bin := terrac(t)
	dir := t.TempDir()
	csrc, tsrc := generateABI(20240611, abiCount)
	if err := os.WriteFile(filepath.Join(dir, "abi.c"), []byte(csrc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "abi.t"), []byte(tsrc), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := run(bin, dir, "abi.t", []string{"abi.c"})
	if err != nil {
		t.Fatal(err)
	}
	if res.exitCode != 0 || res.timedOut || res.stdout != "abi checks failed:\t0\n" {
		t.Errorf("exit %d (timed out %v)\nstdout:\n%s\nstderr:\n%s", res.exitCode, res.timedOut, tail(res.stdout), tail(res.stderr))
	}
}

func tail(s string) string {
	if len(s) > 4000 {
		return "…" + s[len(s)-4000:]
	}
	return s
}

// abiCount is the number of generated functions (each called both ways).
var abiCount = 500
