package checkmode

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// A library's constructors are native code: checking a program that
// links a library must not load it.
func TestLinkLibraryRunsNoConstructor(t *testing.T) {
	cc, err := exec.LookPath("cc")
	if err != nil {
		if os.Getenv("TERRA_TESTS_REQUIRED") == "1" {
			t.Fatal("cc is not installed")
		}
		t.Skip("cc is not installed")
	}
	dir := t.TempDir()
	mark := filepath.Join(dir, "constructor-ran")
	c := `#include <stdio.h>
__attribute__((constructor)) static void ran(void) { FILE *f = fopen("` + mark + `", "w"); if (f) fclose(f); }
int answer(void) { return 42; }
`
	if err := os.WriteFile(filepath.Join(dir, "lib.c"), []byte(c), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := filepath.Join(dir, "libmark.so")
	if out, err := exec.Command(cc, "-shared", "-fPIC", "-o", lib, filepath.Join(dir, "lib.c")).CombinedOutput(); err != nil {
		t.Fatalf("cc: %v\n%s", err, out)
	}
	src := "terralib.linklibrary(\"" + lib + "\")\nterra f() : int return nil end\n"
	res := Source("prog.t", []byte(src), Options{NoLuaIO: true})
	if _, err := os.Stat(mark); err == nil {
		t.Errorf("the library's constructor ran")
	}
	if len(res.Diags) != 1 || res.Diags[0].Msg != "invalid conversion from niltype to int32" {
		t.Errorf("diagnostics: %v, notes %v", res.Diags, res.Notes)
	}
}
