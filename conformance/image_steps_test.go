package conformance

// The step engine of `require "image"` (image.step, image.graph,
// image.build): its sha256 against sha256sum, restarts after SIGKILL at
// each kill point (IMAGE_KILL_AT), a builder compiled by `terrac build`,
// the console output when stdout is not a terminal, and failures.

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

func TestImageSteps(t *testing.T) {
	bin := terrac(t)
	t.Run("sha256", func(t *testing.T) { t.Parallel(); testStepsSHA256(t, bin) })
	t.Run("restart", func(t *testing.T) { t.Parallel(); testStepsRestart(t, bin) })
	t.Run("console", func(t *testing.T) { t.Parallel(); testStepsConsole(t, bin) })
	t.Run("failure", func(t *testing.T) { t.Parallel(); testStepsFailure(t, bin) })
	t.Run("options", func(t *testing.T) { t.Parallel(); testStepsOptions(t, bin) })
	t.Run("terminal", func(t *testing.T) { t.Parallel(); testStepsTerminal(t, bin) })
}

// runSteps runs argv in dir with env and returns stdout, stderr and the
// error (an *exec.ExitError when it exited non-zero or was killed).
func runSteps(dir string, env []string, argv ...string) (string, string, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = imageEnv(env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return out.String(), errb.String(), err
}

func mustRunSteps(t *testing.T, dir string, env []string, argv ...string) string {
	t.Helper()
	out, errs, err := runSteps(dir, env, argv...)
	if err != nil {
		t.Fatalf("%s: %v\n%s%s", strings.Join(argv, " "), err, out, errs)
	}
	return out
}

func testStepsSHA256(t *testing.T, bin string) {
	needTools(t, "sha256sum")
	dir := t.TempDir()
	sizes := []int{0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 4103, 65536, 1 << 20, 3<<20 + 17}
	var names []string
	x := uint32(12345)
	for _, n := range sizes {
		b := make([]byte, n)
		for i := range b {
			x = x*1103515245 + 12345
			b[i] = byte(x >> 16)
		}
		name := fmt.Sprintf("f%d", n)
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	script := `local image = require "image"
for _, f in ipairs(arg) do print(image.sha256file(f) .. "  " .. f) end
local s = io.open(arg[#arg], "rb"):read("*a")
print(image.sha256(s) .. "  string")
`
	if err := os.WriteFile(filepath.Join(dir, "sha.t"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	got := mustRunSteps(t, dir, nil, append([]string{bin, "run", "sha.t"}, names...)...)
	want := tool(t, dir, "sha256sum", names...)
	last := names[len(names)-1]
	want += fmt.Sprintf("%x  string\n", sha256.Sum256(mustRead(t, filepath.Join(dir, last))))
	if got != want {
		t.Errorf("image.sha256file:\n%s\nsha256sum:\n%s", got, want)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// restartScript is a graph of six steps of each kind (shell through an
// explicit argv, a Terra function, a pipe). Each step appends its name to
// runs.txt when it runs, so the test sees which steps ran. With
// BUILD_NOW=1 it builds under terrac; `terrac build` makes a builder from
// its main.
const restartScript = `
local image = require "image"
local C = terralib.includec("stdio.h")
local terra upper(c : &image.StepCtx) : int
  var log = C.fopen("runs.txt", "a")
  C.fprintf(log, "upper\n")
  C.fclose(log)
  var i = C.fopen(c.inputs[0], "r")
  var o = C.fopen(c.outputs[0], "w")
  if i == nil or o == nil then return 1 end
  while true do
    var ch = C.fgetc(i)
    if ch < 0 then break end
    if ch >= 97 and ch <= 122 then ch = ch - 32 end
    C.fputc(ch, o)
  end
  C.fclose(i)
  C.fclose(o)
  return 0
end
local function sh(name, code, ...)
  return { "/bin/sh", "-c", "echo " .. name .. " >> runs.txt; " .. code, ... }
end
local gen = image.step{ name = "gen", inputs = { "src.txt" }, outputs = { "out/gen.txt" },
  run = sh("gen", '{ cat "$0"; seq 1 3000; } > "$1"', image.input(1), image.output(1)) }
local up = image.step{ name = "upper", inputs = { gen }, outputs = { "out/upper.txt" }, run = upper }
local gz = image.step{ name = "gz", inputs = { up }, outputs = { "out/upper.gz" },
  run = sh("gz", 'gzip -9n -c "$0" > "$1"', image.input(1), image.output(1)) }
local big = image.step{ name = "big", inputs = { "src.txt" }, outputs = { "out/big.bin" },
  run = sh("big", 'head -c 3000000 /dev/zero | tr "\\000" x > "$0"', image.output(1)) }
local count = image.step{ name = "count", inputs = { gen, up, big }, outputs = { "out/count.txt" },
  run = image.pipe{ sh("count", 'cat "$0" "$1" "$2"', image.input(1), image.input(2), image.input(3)), { "wc", "-c" },
    stdout = image.output(1) } }
local final = image.step{ name = "final", inputs = { gz, count }, outputs = { "final.bin" },
  run = sh("final", 'cat "$0" "$1" > "$2"', image.input(1), image.input(2), image.output(1)) }
local g = image.graph{ final, big, dir = "build" }
if os.getenv("BUILD_NOW") then os.exit(g:run()) end
main = g.main
`

var restartSteps = []string{"gen", "upper", "gz", "big", "count", "final"}
var restartOutputs = []string{"out/gen.txt", "out/upper.txt", "out/upper.gz", "out/big.bin", "out/count.txt", "final.bin"}

// setupRestart makes a directory holding the script and its source file.
func setupRestart(t *testing.T) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "steps.t"), []byte(restartScript), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "src.txt"), []byte("a source file\nwith two lines\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func outputsOf(t *testing.T, dir string) map[string][32]byte {
	m := map[string][32]byte{}
	for _, o := range restartOutputs {
		m[o] = sha256.Sum256(mustRead(t, filepath.Join(dir, o)))
	}
	return m
}

func runsOf(t *testing.T, dir string) map[string]int {
	b, err := os.ReadFile(filepath.Join(dir, "runs.txt"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	m := map[string]int{}
	for _, l := range strings.Fields(string(b)) {
		m[l]++
	}
	return m
}

func killedBySIGKILL(err error) bool {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL
}

func testStepsRestart(t *testing.T, bin string) {
	needTools(t, "cc", "gzip")
	// the reference: a clean build under terrac
	ref := setupRestart(t)
	mustRunSteps(t, ref, []string{"BUILD_NOW=1"}, bin, "steps.t")
	want := outputsOf(t, ref)
	for _, s := range restartSteps {
		if runsOf(t, ref)[s] != 1 {
			t.Fatalf("clean build: runs.txt %v", runsOf(t, ref))
		}
	}

	// one builder for the kill loop: each run is a few milliseconds
	bdir := setupRestart(t)
	mustRunSteps(t, bdir, nil, bin, "build", "steps.t", "-o", "builder")
	builder := filepath.Join(bdir, "builder")

	points := []string{"step-start", "step-ran", "store-temp", "store-rename", "ac-temp", "output-temp", "stamp-temp", "step-done"}
	for _, p := range points {
		for _, n := range []int{1, 3, 6} {
			dir := setupRestart(t)
			_, errs, err := runSteps(dir, []string{fmt.Sprintf("IMAGE_KILL_AT=%s:%d", p, n)}, builder)
			if !killedBySIGKILL(err) {
				t.Errorf("%s:%d: the builder was not killed: %v\n%s", p, n, err, errs)
				continue
			}
			out := mustRunSteps(t, dir, nil, builder)
			// steps before the nth were finished: the rerun must not run them
			runs := runsOf(t, dir)
			for i, s := range restartSteps {
				line := regexp.MustCompile(fmt.Sprintf(`(?m)^\[%d/6\] %s (cached|[0-9.]+s)`, i+1, s)).FindStringSubmatch(out)
				if line == nil {
					t.Errorf("%s:%d: rerun output lacks step %s:\n%s", p, n, s, out)
					continue
				}
				if i < n-1 && (line[1] != "cached" || runs[s] != 1) {
					t.Errorf("%s:%d: step %s finished before the kill but was run again (%s, %d runs)", p, n, s, line[0], runs[s])
				}
				if runs[s] < 1 || runs[s] > 2 {
					t.Errorf("%s:%d: step %s ran %d times", p, n, s, runs[s])
				}
			}
			if got := outputsOf(t, dir); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s:%d: outputs differ from a clean build", p, n)
			}
			// a third run has nothing to do
			out = mustRunSteps(t, dir, nil, builder)
			if strings.Count(out, " cached\n") != 6 {
				t.Errorf("%s:%d: third run:\n%s", p, n, out)
			}
			// no temp file is left next to the outputs
			tmps, _ := filepath.Glob(filepath.Join(dir, "out", ".*"))
			if len(tmps) > 0 {
				t.Errorf("%s:%d: temp files left: %v", p, n, tmps)
			}
		}
	}

	// and under terrac itself: killed in the middle of a temp write
	dir := setupRestart(t)
	_, _, err := runSteps(dir, []string{"BUILD_NOW=1", "IMAGE_KILL_AT=store-temp:4"}, bin, "steps.t")
	if !killedBySIGKILL(err) {
		t.Fatalf("terrac was not killed: %v", err)
	}
	out := mustRunSteps(t, dir, []string{"BUILD_NOW=1"}, bin, "steps.t")
	if !strings.Contains(out, "[3/6] gz cached\n") || !strings.Contains(out, "[4/6] big ") {
		t.Errorf("terrac rerun:\n%s", out)
	}
	if got := outputsOf(t, dir); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("terrac rerun: outputs differ from a clean build")
	}

	// the compiled builder run twice in a fresh directory: the second run
	// does nothing, and both match the terrac build
	dir = setupRestart(t)
	if err := os.Rename(builder, filepath.Join(dir, "builder")); err != nil {
		t.Fatal(err)
	}
	mustRunSteps(t, dir, nil, "./builder")
	out = mustRunSteps(t, dir, nil, "./builder")
	if strings.Count(out, " cached\n") != 6 || runsOf(t, dir)["gen"] != 1 {
		t.Errorf("second builder run:\n%s", out)
	}
	if got := outputsOf(t, dir); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("builder: outputs differ from the terrac build")
	}
}

const consoleScript = `
local image = require "image"
local a = image.step{ name = "one", inputs = { "console.t" }, outputs = { "one.txt" },
  run = function(s) local f = io.open(s.outputs[1], "w") f:write("one\n") f:close() s.print("wrote one") print("printed") end }
local b = image.step{ name = "two", inputs = { a }, outputs = { "two.txt" },
  run = image.pipe{ { "cat", image.input(1) }, { "tr", "o", "O" }, stdout = image.output(1) } }
local c = image.step{ name = "three", inputs = { b }, outputs = { "three.txt" },
  run = { "/bin/sh", "-c", 'echo "log line"; cat "$0" "$0" > "$1"', image.input(1), image.output(1) } }
image.build{ c, dir = "build" }
`

func testStepsConsole(t *testing.T, bin string) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "console.t"), []byte(consoleScript), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustRunSteps(t, dir, nil, bin, "console.t")
	re := regexp.MustCompile(`^\[1/3\] one [0-9]+\.[0-9]{2}s\n\[2/3\] two [0-9]+\.[0-9]{2}s\n\[3/3\] three [0-9]+\.[0-9]{2}s\n$`)
	if !re.MatchString(out) {
		t.Errorf("first run, stdout not a terminal:\n%s", out)
	}
	if got := string(mustRead(t, filepath.Join(dir, "build/.logs/three.log"))); got != "log line\n" {
		t.Errorf("three.log: %q", got)
	}
	if got := string(mustRead(t, filepath.Join(dir, "build/.logs/one.log"))); got != "wrote one\nprinted\n" {
		t.Errorf("one.log: %q", got)
	}
	out = mustRunSteps(t, dir, nil, bin, "console.t")
	if out != "[1/3] one cached\n[2/3] two cached\n[3/3] three cached\n" {
		t.Errorf("second run:\n%s", out)
	}
	// a removed output is put back from the store
	if err := os.Remove(filepath.Join(dir, "two.txt")); err != nil {
		t.Fatal(err)
	}
	out = mustRunSteps(t, dir, nil, bin, "console.t")
	if out != "[1/3] one cached\n[2/3] two cached (from the store)\n[3/3] three cached\n" {
		t.Errorf("after removing an output:\n%s", out)
	}
	// an output edited in place (it is a hard link into the store) is seen
	// as changed, and the step runs again
	if err := os.WriteFile(filepath.Join(dir, "two.txt"), []byte("edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out = mustRunSteps(t, dir, nil, bin, "console.t")
	if !regexp.MustCompile(`^\[1/3\] one cached\n\[2/3\] two [0-9.]+s\n\[3/3\] three cached\n$`).MatchString(out) {
		t.Errorf("after editing an output:\n%s", out)
	}
	for f, want := range map[string]string{"one.txt": "one\n", "two.txt": "One\n", "three.txt": "One\nOne\n"} {
		if got := string(mustRead(t, filepath.Join(dir, f))); got != want {
			t.Errorf("%s: %q", f, got)
		}
	}
}

const failScript = `
local image = require "image"
local a = image.step{ name = "ok", outputs = { "ok.txt" }, run = { "/bin/sh", "-c", 'echo ok > "$0"', image.output(1) } }
local b = image.step{ name = "bad", inputs = { a }, outputs = { "bad.txt" },
  run = { "/bin/sh", "-c", 'for i in $(seq 1 30); do echo "output line $i"; done; echo "an error" >&2; exit 3' } }
local c = image.step{ name = "after", inputs = { b }, outputs = { "after.txt" }, run = { "touch", image.output(1) } }
image.build{ c, dir = "build" }
`

func testStepsFailure(t *testing.T, bin string) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "fail.t"), []byte(failScript), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, err := runSteps(dir, nil, bin, "fail.t")
	if err == nil {
		t.Fatalf("a failing step did not fail the build:\n%s", out)
	}
	if !regexp.MustCompile(`^\[1/3\] ok [0-9.]+s\n$`).MatchString(out) {
		t.Errorf("stdout:\n%s", out)
	}
	want := "image: step bad failed (exit status 3) after "
	i := strings.Index(errs, want)
	// The log path is absolute, so it can be opened from any directory.
	abs, _ := filepath.EvalSymlinks(dir)
	if i < 0 || !strings.Contains(errs, "image: log: "+filepath.Join(abs, "build", ".logs", "bad.log")+"\n") {
		t.Fatalf("stderr:\n%s", errs)
	}
	// the last 20 lines of the log, and no more
	tail := errs[i:]
	for k := 12; k <= 30; k++ {
		if !strings.Contains(tail, fmt.Sprintf("output line %d\n", k)) {
			t.Errorf("stderr lacks log line %d:\n%s", k, errs)
		}
	}
	if strings.Contains(tail, "output line 11\n") || !strings.Contains(tail, "an error\n") {
		t.Errorf("stderr shows the wrong tail:\n%s", errs)
	}
	if !strings.Contains(errs, "fail.t:7:1: image.build: a step failed") {
		t.Errorf("stderr lacks the located error:\n%s", errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "after.txt")); err == nil {
		t.Errorf("the step after the failure ran")
	}
	if _, err := os.Stat(filepath.Join(dir, "bad.txt")); err == nil {
		t.Errorf("the failed step's output exists")
	}

	// a step that does not write an output, and a Lua error
	for _, c := range []struct{ run, want, log string }{
		{`function(s) end`, "image: step lazy failed (it did not write lazy.txt)", ""},
		{`function(s) s.print("about to fail") error("no luck") end`, "image: step lazy failed (its Lua function failed)", "about to fail\nerror: "},
		{`seven`, "image: step lazy failed (its Terra function returned 7)", ""},
	} {
		src := "local image = require \"image\"\nlocal terra seven() : int return 7 end\nimage.build{ image.step{ name = \"lazy\", outputs = { \"lazy.txt\" }, run = " + c.run + " }, dir = \"b\" }\n"
		if err := os.WriteFile(filepath.Join(dir, "lazy.t"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, errs, err := runSteps(dir, nil, bin, "lazy.t")
		if err == nil || !strings.Contains(errs, c.want) || !strings.Contains(errs, "lazy.t:3:1: image.build: a step failed") {
			t.Errorf("%s: %v\n%s", c.run, err, errs)
		}
		if !strings.HasPrefix(string(mustRead(t, filepath.Join(dir, "b/.logs/lazy.log"))), c.log) {
			t.Errorf("%s: log %q", c.run, mustRead(t, filepath.Join(dir, "b/.logs/lazy.log")))
		}
	}
}

const optionsScript = `
local image = require "image"
local level = os.getenv("LEVEL") or "9"
local a = image.step{ name = "a", inputs = { "opts.t" }, outputs = { "a.gz" },
  run = { "gzip", "-" .. level .. "n", "-c", image.input(1), stdout = image.output(1) } }
local b = image.step{ name = "b", inputs = { a }, outputs = { "b.txt" },
  run = image.pipe{ { "gzip", "-dc", image.input(1) }, { "wc", "-l" }, stdout = image.output(1) } }
local g = image.graph{ b, dir = "build" }
os.exit(g:run())
`

func testStepsOptions(t *testing.T, bin string) {
	needTools(t, "gzip")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "opts.t"), []byte(optionsScript), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := mustRunSteps(t, dir, nil, bin, "run", "opts.t", "--dry-run"); out != "would run a\nwould run b (if its inputs change)\n" {
		t.Errorf("--dry-run before a build:\n%s", out)
	}
	mustRunSteps(t, dir, nil, bin, "opts.t")
	if got := strings.TrimSpace(string(mustRead(t, filepath.Join(dir, "b.txt")))); got != fmt.Sprint(strings.Count(optionsScript, "\n")) {
		t.Errorf("b.txt: %q", got)
	}
	if out := mustRunSteps(t, dir, nil, bin, "run", "opts.t", "--dry-run"); out != "" {
		t.Errorf("--dry-run after a build:\n%s", out)
	}
	out := mustRunSteps(t, dir, nil, bin, "run", "opts.t", "--force", "a")
	if !regexp.MustCompile(`^\[1/2\] a [0-9.]+s\n\[2/2\] b cached\n$`).MatchString(out) {
		t.Errorf("--force a:\n%s", out)
	}
	// another definition of a: a new key; the old entries stay until --prune
	out = mustRunSteps(t, dir, []string{"LEVEL=1"}, bin, "run", "opts.t", "--list")
	if out != "a                        would run\nb                        would run if its inputs change\n" {
		t.Errorf("--list:\n%s", out)
	}
	mustRunSteps(t, dir, []string{"LEVEL=1"}, bin, "opts.t")
	out = mustRunSteps(t, dir, []string{"LEVEL=1"}, bin, "run", "opts.t", "--prune")
	if !regexp.MustCompile(`^pruned [1-9][0-9]* store entries`).MatchString(out) {
		t.Errorf("--prune: %s", out)
	}
	// back to level 9: it must run again (its entry was pruned)
	out = mustRunSteps(t, dir, nil, bin, "opts.t")
	if !regexp.MustCompile(`^\[1/2\] a [0-9.]+s\n`).MatchString(out) {
		t.Errorf("after --prune:\n%s", out)
	}
	if _, errs, err := runSteps(dir, nil, bin, "run", "opts.t", "--force", "nosuch"); err == nil || !strings.Contains(errs, "there is no step named nosuch") {
		t.Errorf("--force nosuch: %v %s", err, errs)
	}
}

// On a terminal (a pty from script(1)) the console shows a progress bar
// redrawn in place and one summary line.
func testStepsTerminal(t *testing.T, bin string) {
	needTools(t, "script")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "console.t"), []byte(consoleScript), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustRunSteps(t, dir, nil, "script", "-qec", bin+" console.t", "/dev/null")
	for _, w := range []string{"\r\x1b[K[....................] 1/3 one", "\r\x1b[K[######..............] 2/3 two",
		"\r\x1b[K[#############.......] 3/3 three", "\r\x1b[Kimage: 3 steps, 3 ran, 0 cached\r\n"} {
		if !strings.Contains(out, w) {
			t.Errorf("terminal output lacks %q:\n%q", w, out)
		}
	}
	if strings.Contains(out, "[1/3]") {
		t.Errorf("terminal output has per-step lines:\n%q", out)
	}
	out = mustRunSteps(t, dir, nil, "script", "-qec", bin+" console.t", "/dev/null")
	if !strings.HasSuffix(out, "image: 3 steps, 0 ran, 3 cached\r\n") || strings.Contains(out, "[1/3]") {
		t.Errorf("second run on a terminal: %q", out)
	}
}
