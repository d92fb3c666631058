package aot

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"terrac/compiler/types"
)

// TestHeaderPackedStructs checks that a header declares packed structs
// with C's packing, by having the C compiler assert Terra's offsets and
// sizes.
func TestHeaderPackedStructs(t *testing.T) {
	if _, err := exec.LookPath("cc"); err != nil {
		t.Skip("no C compiler")
	}
	p1 := types.NewStruct("P1")
	p1.Entries = []types.Entry{
		{Field: types.Field{Name: "c", Type: types.Int8}},
		{Field: types.Field{Name: "d", Type: types.Float64}},
		{Field: types.Field{Name: "s", Type: types.Int16}},
	}
	p1.Packed = true
	p4 := types.NewStruct("P4")
	p4.Entries = []types.Entry{
		{Field: types.Field{Name: "c", Type: types.Int8}},
		{Field: types.Field{Name: "in", Type: p1}},
		{Field: types.Field{Name: "d", Type: types.Float64}},
	}
	p4.Packed, p4.PackAlign = true, 4
	h, err := Header([]Export{export("use", []*types.Type{p4}, p1)}, "P_H")
	if err != nil {
		t.Fatal(err)
	}
	var src strings.Builder
	src.WriteString("#include <stddef.h>\n#include \"p.h\"\n")
	for _, s := range []*types.Type{p1, p4} {
		l, err := s.Layout()
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&src, "_Static_assert(sizeof(%s) == %d, \"size\");\n", s, l.Size)
		fmt.Fprintf(&src, "_Static_assert(_Alignof(%s) == %d, \"align\");\n", s, l.Align)
		for _, f := range l.Fields {
			fmt.Fprintf(&src, "_Static_assert(offsetof(%s, %s) == %d, \"%s.%s\");\n", s, f.Name, f.Offset, s, f.Name)
		}
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "p.h"), []byte(h), 0o644)
	os.WriteFile(filepath.Join(dir, "p.c"), []byte(src.String()), 0o644)
	cmd := exec.Command("cc", "-fsyntax-only", "-Wall", "-Werror", "p.c")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("C disagrees with Terra's packed layout: %v\n%s\n%s\n%s", err, out, h, src.String())
	}
}
