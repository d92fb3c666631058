package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"terrac/runtime/jit"
)

func TestOptFlags(t *testing.T) {
	defer func(l int, f bool) { jit.DefaultOptLevel, jit.DefaultFastStart = l, f }(jit.DefaultOptLevel, jit.DefaultFastStart)
	tests := []struct {
		args  []string
		rest  []string
		level int
		fast  bool
	}{
		{[]string{"-O1", "run", "x.t"}, []string{"run", "x.t"}, 1, false},
		{[]string{"-O3", "-O0", "x.t", "-O2"}, []string{"x.t", "-O2"}, 0, false}, // the last one before the file wins; program args are untouched
		{[]string{"-O", "x.t"}, []string{"x.t"}, 2, false},
		{[]string{"build", "x.t", "-O1"}, []string{"build", "x.t", "-O1"}, 3, false}, // build's own flag
		{[]string{"-Ofast-start", "x.t"}, []string{"x.t"}, 3, true},
		{[]string{"-O2", "-Ofast-start", "run", "x.t"}, []string{"run", "x.t"}, 2, true},
	}
	for _, tt := range tests {
		jit.DefaultOptLevel, jit.DefaultFastStart = 3, false
		rest := optFlags(tt.args)
		if diff := cmp.Diff(tt.rest, rest); diff != "" {
			t.Errorf("optFlags(%q) rest (-want +got):\n%s", tt.args, diff)
		}
		if jit.DefaultOptLevel != tt.level {
			t.Errorf("optFlags(%q) level = %d, want %d", tt.args, jit.DefaultOptLevel, tt.level)
		}
		if jit.DefaultFastStart != tt.fast {
			t.Errorf("optFlags(%q) fast start = %v, want %v", tt.args, jit.DefaultFastStart, tt.fast)
		}
	}
}

// TestO0UsesFastCodeGenerator checks that -O0 compiles every module with
// LLVM's -O0 code generator (fast instruction selection), as clang -O0
// does, and that -O3 does not: the default level's scheduler is quadratic
// in the length of a block.
func TestO0UsesFastCodeGenerator(t *testing.T) {
	dir := t.TempDir()
	src := `terra sum(n : int) : int
  var s = 0
  for i = 0, n do s = s + i * i end
  return s
end
print(sum(10))
`
	if err := os.WriteFile(filepath.Join(dir, "loop.t"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	counts := func(level string) (fast, full string) {
		r := runCmd(t, dir, []string{"TERRAC_CACHE=off", "TERRAC_JIT_STATS=1"}, terrac(t), level, "loop.t")
		if r.Code != 0 || r.Stdout != "285\n" {
			t.Fatalf("terrac %s loop.t: exit %d, stdout %q, stderr:\n%s", level, r.Code, r.Stdout, r.Stderr)
		}
		for _, line := range strings.Split(r.Stderr, "\n") {
			f := strings.Fields(line)
			if len(f) >= 2 && f[0] == "codegen-tiny" {
				fast = f[1]
			} else if len(f) >= 2 && f[0] == "codegen" {
				full = f[1]
			}
		}
		return fast, full
	}
	if fast, full := counts("-O0"); fast == "0" || full != "0" {
		t.Errorf("-O0: %s fast and %s full code generations, want every module on the fast one", fast, full)
	}
	if _, full := counts("-O3"); full == "0" || full == "" {
		t.Errorf("-O3: %q full code generations, want the loop compiled by the full one", full)
	}
}
