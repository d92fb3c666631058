package aot_test

import (
	"regexp"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"terrac/runtime/aot"
	"terrac/stdlib/terralib"
)

// saveIR runs a Terra program and saves the functions its chunk returns
// (a table) as LLVM IR at optimization level opt.
func saveIR(t *testing.T, src string, opt int) string {
	t.Helper()
	rt := terralib.New()
	defer rt.Close()
	fn, err := rt.LoadString("fold.t", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	L := rt.L
	top := L.GetTop()
	L.Push(fn)
	if err := L.PCall(0, 1, nil); err != nil {
		t.Fatal(err)
	}
	tb, ok := L.Get(top + 1).(*lua.LTable)
	if !ok {
		t.Fatal("the program returns no table")
	}
	es, err := rt.SaveExports(tb)
	if err != nil {
		t.Fatal(err)
	}
	out, err := aot.Save("", aot.LLVMIR, es, rt.Engine.Check, nil, rt.SaveOptions(aot.Options{Opt: opt}))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// function returns the text of the definition of @name.
func function(t *testing.T, ir, name string) string {
	t.Helper()
	i := strings.Index(ir, "@"+name+"(")
	for i >= 0 && !strings.HasPrefix(ir[strings.LastIndex(ir[:i], "\n")+1:], "define") {
		j := strings.Index(ir[i+1:], "@"+name+"(")
		if j < 0 {
			i = -1
			break
		}
		i += 1 + j
	}
	if i < 0 {
		t.Fatalf("no definition of @%s in\n%s", name, ir)
	}
	end := strings.Index(ir[i:], "\n}")
	return ir[i : i+end]
}

// globalLine returns the definition line of the global whose initializer
// mentions want.
func globalLine(t *testing.T, ir, want string) string {
	t.Helper()
	for _, l := range strings.Split(ir, "\n") {
		if strings.HasPrefix(l, "@") && strings.Contains(l, " = ") && strings.Contains(l, want) {
			return l
		}
	}
	t.Fatalf("no global mentioning %q in\n%s", want, ir)
	return ""
}

var ctorEntries = regexp.MustCompile(`@llvm\.global_ctors = appending global \[(\d+) x`)

func ctorCount(ir string) string {
	m := ctorEntries.FindStringSubmatch(ir)
	if m == nil {
		return "0"
	}
	return m[1]
}

// A constant(...) table of function pointers is saved as an LLVM
// constant with its value, not filled in by a constructor, even when its
// address escapes (which keeps LLVM from proving it read-only itself);
// a load from it then folds into a direct call.
func TestConstantFunctionTableIsLLVMConstant(t *testing.T) {
	src := `
terra inc(x : int) : int return x + 1 end
terra dbl(x : int) : int return x * 2 end
local FT = {int} -> int
local tbl = constant(FT[2], ` + "`" + `arrayof(FT, inc, dbl))
terra table() : &FT return &tbl[0] end
terra second(x : int) : int return tbl[1](x) end
terra pick(i : int, x : int) : int return tbl[i](x) end
return { table = table, second = second, pick = pick }
`
	for _, opt := range []int{0, 2} {
		ir := saveIR(t, src, opt)
		g := globalLine(t, ir, "@\"dbl")
		if !strings.Contains(g, " internal constant [2 x i32 (i32)*] [") {
			t.Errorf("-O%d: the table is not an initialized constant:\n%s", opt, g)
		}
		if n := ctorCount(ir); n != "0" {
			t.Errorf("-O%d: %s constructors remain:\n%s", opt, n, ir)
		}
		if opt == 0 {
			continue
		}
		// second(x) = dbl(x): no load from the table, no indirect call.
		body := function(t, ir, "second")
		if strings.Contains(body, "load") || strings.Contains(body, "call i32 %") {
			t.Errorf("-O%d: the load from the table did not fold:\n%s", opt, body)
		}
		if !strings.Contains(body, "shl i32 %x, 1") && !strings.Contains(body, "mul i32 %x, 2") && !strings.Contains(body, "add i32 %x, %x") && !strings.Contains(body, "@\"dbl") {
			t.Errorf("-O%d: second does not compute dbl directly:\n%s", opt, body)
		}
	}
}

// A struct built field by field (as the class system builds vtables: a
// parent pointer, a name, function pointers) folds too.
func TestConstantVtableStructFolds(t *testing.T) {
	src := `
struct VT { parent : &opaque; name : rawstring; area : {&opaque} -> double; n : int }
terra sq(p : &opaque) : double return 4.0 end
terra circ(p : &opaque) : double return 3.0 end
local base = constant(VT, ` + "`" + `VT { nil, "Shape", circ, 1 })
local derived = constant(VT, ` + "`" + `VT { [&opaque](&base), "Square", sq, 2 })
terra vt() : &VT return &derived end
terra area() : double return derived.area(nil) + ([&VT](derived.parent)).area(nil) end
terra name() : rawstring return derived.name end
return { vt = vt, area = area, name = name }
`
	for _, opt := range []int{0, 2} {
		ir := saveIR(t, src, opt)
		if g := globalLine(t, ir, "@\"sq"); !regexp.MustCompile(` internal constant %"?VT[$0-9]*"? \{`).MatchString(g) {
			t.Errorf("-O%d: the derived vtable is not a constant:\n%s", opt, g)
		}
		if n := ctorCount(ir); n != "0" {
			t.Errorf("-O%d: %s constructors remain:\n%s", opt, n, ir)
		}
		if opt == 0 {
			continue
		}
		if body := function(t, ir, "area"); !strings.Contains(body, "ret double 7.0") && !strings.Contains(body, "ret double 7.000000e+00") {
			t.Errorf("-O%d: area does not fold to 7:\n%s", opt, body)
		}
	}
}

// A global (not a constant) holding addresses gets its value statically
// too, but stays writable; an initializer that calls a function still
// runs from a constructor.
func TestGlobalInitializers(t *testing.T) {
	src := `
terra f(x : int) : int return x end
local FT = {int} -> int
local g = global(FT, f)
local x = global(int[4])
local h = global(&int8, ` + "`" + `[&int8]([int64](&x) + 4))
terra useg(x : int) : int g = f; return g(x) end
terra useh() : &int8 return h end
return { useg = useg, useh = useh }
`
	ir := saveIR(t, src, 0)
	if g := globalLine(t, ir, "@\"f$"); !strings.Contains(g, " internal global i32 (i32)* @\"f$") {
		t.Errorf("the global is not initialized statically and writable:\n%s", g)
	}
	if n := ctorCount(ir); n != "1" {
		t.Errorf("want one constructor (for h), got %s:\n%s", n, ir)
	}
}
