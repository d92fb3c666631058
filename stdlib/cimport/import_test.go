// This file tests Import on the system headers terrac must handle.

package cimport

import (
	"math"
	"testing"
)

func mustImport(t testing.TB, code string, args ...string) *Header {
	t.Helper()
	h, err := Import(code, args, Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatalf("Import(%q): %v", code, err)
	}
	return h
}

func TestSystemHeaders(t *testing.T) {
	for _, hdr := range []string{"stdio.h", "stdlib.h", "string.h", "math.h", "time.h", "sys/stat.h",
		"pthread.h", "zlib.h", "setjmp.h", "stdint.h", "errno.h", "signal.h", "unistd.h", "stdarg.h", "stddef.h", "stdbool.h"} {
		t.Run(hdr, func(t *testing.T) {
			h, err := Import("#include <"+hdr+">\n", nil, Options{NoCache: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(h.Funcs)+len(h.Typedefs)+len(h.IntMacros) == 0 {
				t.Fatalf("nothing declared")
			}
			for name, why := range h.Skipped {
				t.Logf("skipped %s: %s", name, why)
			}
		})
	}
}

func TestStdio(t *testing.T) {
	h := mustImport(t, "#include <stdio.h>\n")
	printf := h.Funcs["printf"]
	if printf == nil || printf.Kind != Func || !printf.Variadic {
		t.Fatalf("printf = %v, want variadic function", printf)
	}
	if r := printf.Elem; r.Kind != Int || r.Size != 4 || !r.Signed {
		t.Errorf("printf result = %v", r)
	}
	if len(printf.Params) != 1 {
		t.Fatalf("printf params = %v", printf.Params)
	}
	if p := printf.Params[0]; p.Kind != Pointer || p.Elem.Kind != Int || p.Elem.Size != 1 || !p.Elem.Signed {
		t.Errorf("printf param 0 = %v", p)
	}
	file := h.Typedefs["FILE"]
	if file == nil || file.Kind != Struct || !file.Complete || file.Name != "_IO_FILE" || file != h.Tags["_IO_FILE"] {
		t.Errorf("FILE = %v", file)
	}
	if got := h.IntMacros["EOF"]; got.Value != -1 || got.Unsigned {
		t.Errorf("EOF = %+v", got)
	}
	if got := h.IntMacros["SEEK_END"].Value; got != 2 {
		t.Errorf("SEEK_END = %d", got)
	}
	if got := h.IntMacros["BUFSIZ"].Value; got != 8192 {
		t.Errorf("BUFSIZ = %d", got)
	}
	if so := h.Vars["stdout"]; so == nil || so.Kind != Pointer || so.Elem != file {
		t.Errorf("stdout = %v", so)
	}
	if _, ok := h.IntMacros["stdout"]; ok {
		t.Errorf("stdout exported as a macro")
	}
	if f := h.Funcs["fopen"]; f == nil || f.Elem.Kind != Pointer || f.Elem.Elem != file {
		t.Errorf("fopen = %v", f)
	}
}

func TestVaList(t *testing.T) {
	h := mustImport(t, "#include <stdio.h>\n#include <stdarg.h>\n")
	va := h.Typedefs["va_list"]
	if va == nil || va.Kind != Array || va.Len != 1 || va.Size != 24 || va.Elem.Kind != Struct || va.Elem.Name != "__va_list_tag" {
		t.Fatalf("va_list = %v", va)
	}
	vp := h.Funcs["vprintf"]
	if vp == nil || len(vp.Params) != 2 || vp.Params[1].Kind != Pointer || vp.Params[1].Elem != va.Elem || vp.Variadic {
		t.Errorf("vprintf = %v", vp)
	}
}

func TestStdlibMath(t *testing.T) {
	h := mustImport(t, "#include <stdlib.h>\n#include <math.h>\n")
	m := h.Funcs["malloc"]
	if m == nil || m.Elem.Kind != Pointer || m.Elem.Elem.Kind != Void || len(m.Params) != 1 || m.Params[0].Size != 8 || m.Params[0].Signed {
		t.Errorf("malloc = %v", m)
	}
	s := h.Funcs["sqrt"]
	if s == nil || s.Elem.Kind != Float || s.Elem.Size != 8 || len(s.Params) != 1 || s.Params[0].Kind != Float || s.Params[0].Size != 8 {
		t.Errorf("sqrt = %v", s)
	}
	// gcc's default dialect is gnu17, so features.h turns on
	// _DEFAULT_SOURCE and M_PI is visible.
	if pi, ok := h.FloatMacros["M_PI"]; !ok || math.Abs(pi-math.Pi) > 1e-15 {
		t.Errorf("M_PI = %v, %v", pi, ok)
	}
	for name, want := range map[string]int64{"RAND_MAX": 2147483647, "EXIT_FAILURE": 1, "EXIT_SUCCESS": 0, "INT_MAX": 0} {
		if name == "INT_MAX" {
			continue // needs limits.h
		}
		if got, ok := h.IntMacros[name]; !ok || got.Value != want {
			t.Errorf("%s = %+v, %v; want %d", name, got, ok, want)
		}
	}
	// stdlib.h defines static inline helpers (__bswap_16 and friends), but
	// bodies from system headers are not compiled.
	if len(h.Inline) != 0 {
		t.Errorf("system header functions listed as bodies to compile: %v", h.Inline)
	}
}

func TestMacros(t *testing.T) {
	h := mustImport(t, `#include <limits.h>
#define A 3
#define B (A * 2 + 1)
#define C ((unsigned long)-1)
#define D (1.5f * 2)
#define E "a string"
#define F(x) (x)
#define G sizeof(int)
#define H (-A)
enum { K = 7 }; // enumeration constants are int, even with gcc's unsigned enum types
#define I (K + 1)
#define J 0x10u
`)
	ints := map[string]IntConst{
		"A": {3, false, 4}, "B": {7, false, 4}, "C": {-1, true, 8}, "G": {4, true, 8}, "H": {-3, false, 4},
		"I": {8, false, 4}, "J": {16, true, 4}, "INT_MAX": {math.MaxInt32, false, 4}, "LLONG_MIN": {math.MinInt64, false, 8},
	}
	for name, want := range ints {
		if got, ok := h.IntMacros[name]; !ok || got != want {
			t.Errorf("%s = %+v, %v; want %+v", name, got, ok, want)
		}
	}
	if got := h.FloatMacros["D"]; got != 3 {
		t.Errorf("D = %v", got)
	}
	for _, name := range []string{"E", "F"} {
		if _, ok := h.IntMacros[name]; ok {
			t.Errorf("%s exported", name)
		}
	}
	for name, want := range map[string]bool{"A": true, "J": true, "B": false, "H": false, "INT_MAX": false, "__INT_MAX__": true} {
		if h.Literal[name] != want {
			t.Errorf("Literal[%s] = %v, want %v", name, h.Literal[name], want)
		}
	}
}

func TestIncludecString(t *testing.T) {
	h := mustImport(t, `
struct point { int x, y; };
typedef struct { double re, im; } complex_t;
union u { int i; float f; };
enum color { RED, GREEN = 5, BLUE };
typedef enum color color_t;
struct node { struct node *next; int v; };
int add(int a, int b) { return a + b; }
static inline int twice(int a) { return 2 * a; }
static int hidden(void);
extern int counter;
int oldstyle();
void takes_array(int a[10], void (*cb)(int));
`)
	pt := h.Tags["point"]
	if pt == nil || pt.Kind != Struct || pt.Size != 8 || len(pt.Fields) != 2 || pt.Fields[1].Name != "y" || pt.Fields[1].Offset != 4 {
		t.Errorf("struct point = %+v", pt)
	}
	if c := h.Typedefs["complex_t"]; c == nil || c.Name != "complex_t" || c.Size != 16 {
		t.Errorf("complex_t = %+v", c)
	}
	if _, ok := h.Tags["complex_t"]; ok {
		t.Errorf("anonymous struct in Tags")
	}
	if u := h.Tags["u"]; u == nil || u.Kind != Union || u.Size != 4 {
		t.Errorf("union u = %+v", u)
	}
	col := h.Tags["color"]
	if col == nil || col.Kind != Enum || col.Elem == nil || col.Elem.Kind != Int || col.Elem.Size != 4 || h.Typedefs["color_t"] != col {
		t.Errorf("enum color = %+v", col)
	}
	if h.Enums["RED"] != 0 || h.Enums["GREEN"] != 5 || h.Enums["BLUE"] != 6 {
		t.Errorf("enums = %v", h.Enums)
	}
	n := h.Tags["node"]
	if n == nil || n.Fields[0].Type.Elem != n {
		t.Errorf("struct node is not self-referential: %+v", n)
	}
	if a := h.Funcs["add"]; a == nil || len(a.Params) != 2 || a.Static {
		t.Errorf("add = %v", a)
	}
	if tw := h.Funcs["twice"]; tw == nil || !tw.Static {
		t.Errorf("twice = %+v", tw)
	}
	if hd := h.Funcs["hidden"]; hd == nil || !hd.Static || len(hd.Params) != 0 || hd.NoProto {
		t.Errorf("hidden = %+v", hd)
	}
	if o := h.Funcs["oldstyle"]; o == nil || !o.NoProto || o.Variadic {
		t.Errorf("oldstyle = %+v", o)
	}
	ta := h.Funcs["takes_array"]
	if ta == nil || ta.Params[0].Kind != Pointer || ta.Params[1].Kind != Pointer || ta.Params[1].Elem.Kind != Func {
		t.Errorf("takes_array = %v", ta)
	}
	if c := h.Vars["counter"]; c == nil || c.Kind != Int {
		t.Errorf("counter = %v", c)
	}
	if len(h.Inline) != 2 || h.Inline[0] != "add" || h.Inline[1] != "twice" {
		t.Errorf("Inline = %v", h.Inline)
	}
}
