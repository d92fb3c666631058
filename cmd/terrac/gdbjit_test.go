// This file tests that JIT code is visible to gdb when debug information
// is on: breakpoints on Terra functions and .t lines resolve through gdb's
// JIT interface and the backtrace names the .t file and line.
package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const gdbProg = `terra scaleadd(a : int, b : int) : int
  var c = a * 2
  return c + b
end

terra twice(x : int) : int
  var y = scaleadd(x, 1)
  return scaleadd(y, x)
end

print(twice(20))
`

// runGDB runs terrac under gdb in batch mode with the given breakpoint and
// returns the backtrace lines ("#0 ...") and the whole output.
func runGDB(t *testing.T, env []string, brk string, terracArgs ...string) (frames []string, out string) {
	t.Helper()
	return runGDBCmds(t, env, []string{"break " + brk, "run", "bt 3"}, terracArgs...)
}

// runGDBCmds runs terrac under gdb in batch mode with the given commands.
func runGDBCmds(t *testing.T, env []string, cmds []string, terracArgs ...string) (frames []string, out string) {
	t.Helper()
	gdb, err := exec.LookPath("gdb")
	if err != nil {
		t.Skip("gdb is not installed; skipping the JIT debugger test")
	}
	dir := t.TempDir()
	prog := filepath.Join(dir, "prog.t")
	if err := os.WriteFile(prog, []byte(gdbProg), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := []string{"-nx", "-batch",
		"-ex", "set debuginfod enabled off",
		"-ex", "set breakpoint pending on"}
	for _, c := range cmds {
		args = append(args, "-ex", c)
	}
	args = append(args, "--args", terrac(t))
	args = append(args, terracArgs...)
	args = append(args, prog)
	cmd := exec.CommandContext(ctx, gdb, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERRAC_CACHE="+filepath.Join(dir, "cache"))
	cmd.Env = append(cmd.Env, env...)
	b, _ := cmd.CombinedOutput() // gdb's exit status says nothing useful here
	out = string(b)
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "#") {
			frames = append(frames, l)
		}
	}
	return frames, out
}

// frameRE matches a backtrace line's function and source position.
var frameRE = regexp.MustCompile(`^#\d+\s+(?:0x[0-9a-f]+ in )?(\S+) \(\) at (\S+):(\d+)`)

// framePos returns "func file:line" for each frame gdb placed in source.
func framePos(frames []string) []string {
	var r []string
	for _, f := range frames {
		if m := frameRE.FindStringSubmatch(f); m != nil {
			// Terra's debug information names functions $name.
			r = append(r, strings.TrimPrefix(m[1], "$")+" "+filepath.Base(m[2])+":"+m[3])
		}
	}
	return r
}

func TestGDBBreakOnTerraFunction(t *testing.T) {
	// -O0 keeps scaleadd a real call, so the frames are exact.
	// A line of it: gdb takes "$scaleadd" for a convenience variable.
	frames, out := runGDB(t, nil, "prog.t:2", "-g", "-O0")
	got := framePos(frames)
	want := []string{"scaleadd prog.t:2", "twice prog.t:7"}
	if len(got) < 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("backtrace frames %q, want them to start with %q\ngdb output:\n%s", got, want, out)
	}
}

func TestGDBPendingLineBreakpoint(t *testing.T) {
	// Line information only (no frame pointers), default -O3: scaleadd is
	// inlined, and gdb still stops at the line and shows the inlined frame.
	frames, out := runGDB(t, []string{"TERRAC_DEBUG_INFO=lines"}, "prog.t:3")
	got := framePos(frames)
	if len(got) < 2 || got[0] != "scaleadd prog.t:3" || got[1] != "twice prog.t:7" {
		t.Fatalf("backtrace frames %q, want scaleadd prog.t:3 then twice prog.t:7\ngdb output:\n%s", got, out)
	}
}

func TestGDBRegistrationOnlyWithDebugInfo(t *testing.T) {
	// gdb's "maint info jit" lists the objects registered through its JIT
	// interface; stop at the process's exit and count them.
	cmds := []string{"catch syscall exit_group", "run", "maint info jit"}
	entries := regexp.MustCompile(`(?m)^0x[0-9a-f]+\s+0x[0-9a-f]+\s+\d+`)
	for _, tc := range []struct {
		debug string
		want  bool
	}{{"0", false}, {"lines", true}} {
		_, out := runGDBCmds(t, []string{"TERRAC_DEBUG_INFO=" + tc.debug}, cmds)
		if !strings.Contains(out, "102") || !strings.Contains(out, "exit_group") {
			t.Fatalf("TERRAC_DEBUG_INFO=%s: the program did not run to its exit under gdb\n%s", tc.debug, out)
		}
		if got := entries.MatchString(out); got != tc.want {
			t.Errorf("TERRAC_DEBUG_INFO=%s: JIT objects registered with gdb: %v, want %v\ngdb output:\n%s", tc.debug, got, tc.want, out)
		}
	}
}
