package aot

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

func export(name string, params []*types.Type, result *types.Type) Export {
	fn := tree.NewFunction(name)
	fn.Type = types.FuncOf(params, result, false)
	return Export{Name: name, Fn: fn}
}

// TestHeaderDeclarations checks the C spelling of Terra types, and that
// the header compiles as C.
func TestHeaderDeclarations(t *testing.T) {
	inner := types.NewStruct("Inner")
	inner.Entries = []types.Entry{{Field: types.Field{Name: "a", Type: types.Uint8}}}
	outer := types.NewStruct("Outer")
	outer.Entries = []types.Entry{
		{Field: types.Field{Name: "in", Type: inner}},
		{Union: []types.Entry{
			{Field: types.Field{Name: "i", Type: types.Int64}},
			{Field: types.Field{Name: "d", Type: types.Float64}},
		}},
		{Field: types.Field{Name: "cb", Type: types.PointerTo(types.FuncOf([]*types.Type{types.Int32}, types.Boolean, false))}},
		{Field: types.Field{Name: "grid", Type: types.ArrayOf(types.ArrayOf(types.Float32, 3), 2)}},
	}
	es := []Export{
		export("use", []*types.Type{types.PointerTo(outer), types.PointerTo(types.Int8)}, types.Unit()),
		export("get", nil, outer),
		export("pair", []*types.Type{types.Uint16}, types.TupleOf(types.Int32, types.Float64)),
		export("arr", []*types.Type{types.PointerTo(types.ArrayOf(types.Int32, 4))}, types.PointerTo(types.OpaqueT)),
	}
	h, err := Header(es, "T_H")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(h, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "/*") && line != "extern \"C\" {" && line != "}" {
			got = append(got, line)
		}
	}
	want := []string{
		"typedef struct Outer Outer;",
		"typedef struct Inner Inner;",
		"struct Inner {", "  uint8_t a;", "};",
		"struct Outer {",
		"  Inner in;",
		"  union {", "    int64_t i;", "    double d;", "  };",
		"  bool (*cb)(int32_t p0);",
		"  float grid[2][3];",
		"};",
		"typedef struct tuple tuple;",
		"struct tuple {", "  int32_t _0;", "  double _1;", "};",
		"void use(Outer *a0, char *a1);",
		"Outer get(void);",
		"tuple pair(uint16_t a0);",
		"void *arr(int32_t (*a0)[4]);",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("header (-want +got):\n%s\n%s", diff, h)
	}
	if _, err := exec.LookPath("cc"); err != nil {
		t.Skip("no C compiler")
	}
	dir := t.TempDir()
	hp := filepath.Join(dir, "t.h")
	os.WriteFile(hp, []byte(h), 0o644)
	out, err := exec.Command("cc", "-fsyntax-only", "-Wall", "-Werror", "-x", "c", hp).CombinedOutput()
	if err != nil {
		t.Errorf("the header does not compile: %v\n%s\n%s", err, out, h)
	}
}

func TestKindFromFilename(t *testing.T) {
	for name, want := range map[string]string{
		"a.o": Object, "a.s": Asm, "a.bc": Bitcode, "a.ll": LLVMIR,
		"liba.so": SharedLibrary, "prog": Executable, "dir.v2/prog.exe": Executable,
	} {
		got, err := KindFromFilename(name)
		if err != nil || got != want {
			t.Errorf("KindFromFilename(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := KindFromFilename("x.zip"); err == nil {
		t.Errorf("x.zip: want an error")
	}
}
