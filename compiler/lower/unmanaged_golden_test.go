package lower_test

// This file checks that programs without managed types (no __init,
// __dtor or __copy anywhere) lower to exactly the IR they did before
// managed types existed: testdata/unmanaged/NAME.t is run in a fresh
// runtime, the functions in its global `golden` list (and everything
// they reach) are lowered into one module, and the text is compared
// with NAME.ll. The .ll files were made by the compiler before managed
// types were implemented (go test -run TestUnmanagedIR -update-unmanaged).

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/lower"
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/stdlib/terralib"
)

var updateUnmanaged = flag.Bool("update-unmanaged", false, "rewrite testdata/unmanaged/*.ll")

// idSuffix matches the numbers that make link names unique ($12,
// terra.global.3); they depend on what else the process created.
var idSuffix = regexp.MustCompile(`\$[0-9]+|terra\.global\.[0-9]+`)

// stableIDs renumbers the unique suffixes in order of first appearance.
func stableIDs(ir string) string {
	seen := map[string]string{}
	return idSuffix.ReplaceAllStringFunc(ir, func(s string) string {
		if r, ok := seen[s]; ok {
			return r
		}
		prefix := "$"
		if strings.HasPrefix(s, "terra.global.") {
			prefix = "terra.global."
		}
		r := prefix + "N" + strconv.Itoa(len(seen))
		seen[s] = r
		return r
	})
}

func unmanagedIR(t *testing.T, file string) string {
	types.ResetStructNames()
	rt := terralib.New()
	defer rt.Close()
	fn, err := rt.LoadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.Run(fn); err != nil {
		t.Fatal(err)
	}
	list, ok := rt.L.GetGlobal("golden").(*lua.LTable)
	if !ok {
		t.Fatalf("%s sets no global table `golden`", file)
	}
	var order []*tree.Function
	seen := map[*tree.Function]bool{}
	var visit func(f *tree.Function)
	visit = func(f *tree.Function) {
		if seen[f] || f.Extern || f.Def == nil {
			return
		}
		seen[f] = true
		if err := rt.Engine.Check(f); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		order = append(order, f)
		for _, r := range f.Refs {
			visit(r)
		}
	}
	for i := 1; i <= list.Len(); i++ {
		f := rt.AsFunction(list.RawGetInt(i))
		if f == nil {
			t.Fatalf("golden[%d] is not a Terra function", i)
		}
		visit(f)
	}
	m := lower.NewModule("golden")
	for _, f := range order {
		if err := m.AddFunction(f); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
	}
	return stableIDs(m.String())
}

func TestUnmanagedIR(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "unmanaged", "*.t"))
	if len(files) == 0 {
		t.Fatal("no testdata/unmanaged/*.t")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".t")
		t.Run(name, func(t *testing.T) {
			ir := unmanagedIR(t, file)
			golden := strings.TrimSuffix(file, ".t") + ".ll"
			if *updateUnmanaged {
				if err := os.WriteFile(golden, []byte(ir), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update-unmanaged on the compiler before managed types)", err)
			}
			if string(want) != ir {
				t.Errorf("IR of %s changed; got:\n%s", file, ir)
			}
		})
	}
}
