package embed_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestExampleProgram builds examples/embed, a Go program that uses the
// API, and checks what it prints.
func TestExampleProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		gobin = filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(gobin); err != nil {
			t.Skip("no go command")
		}
	}
	exe := filepath.Join(t.TempDir(), "embed-example")
	build := exec.Command(gobin, "build", "-o", exe, "./examples/embed")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./examples/embed: %v\n%s", err, out)
	}
	out, err := exec.Command(exe).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", exe, err, out)
	}
	const want = `n = 6
mean = 18
min = 4
max = 42
normalized: [0.000 0.105 0.289 0.316 0.500 1.000] (6 callbacks)
error at broken.t:2:10: variable 'nothing' not found
runaway loop stopped: true
`
	if string(out) != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}
