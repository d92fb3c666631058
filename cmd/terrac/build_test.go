// This file tests `terrac build` end to end: it builds executables and
// shared libraries from .t programs, runs them, calls a library from C
// through the generated header, checks debug info with gdb and
// addr2line, cross-compiles for AArch64 and exercises the compile cache.
package main

import (
	"bytes"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var (
	terracOnce sync.Once
	terracBin  string
	terracErr  error
)

// terrac builds the command once per test binary.
func terrac(t testing.TB) string {
	t.Helper()
	terracOnce.Do(func() {
		// make test builds the command once for every package.
		if p := os.Getenv("TERRAC_BIN"); filepath.IsAbs(p) {
			_, terracErr = os.Stat(p) // also ties go test's cache to the binary
			terracBin = p
			return
		}
		dir, err := os.MkdirTemp("", "terrac-build-test-")
		if err != nil {
			terracErr = err
			return
		}
		terracBin = filepath.Join(dir, "terrac")
		out, err := exec.Command("go", "build", "-o", terracBin, ".").CombinedOutput()
		if err != nil {
			terracErr = err
			terracBin = string(out)
		}
	})
	if terracErr != nil {
		t.Fatalf("building terrac: %v\n%s", terracErr, terracBin)
	}
	return terracBin
}

type result struct {
	Stdout, Stderr string
	Code           int
}

// run runs a command in dir with a private compile cache.
func runCmd(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERRAC_CACHE="+filepath.Join(dir, "cache"))
	cmd.Env = append(cmd.Env, env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if s := errb.String(); strings.Contains(s, "goroutine ") || strings.Contains(s, "panic:") {
		t.Fatalf("%s printed a Go trace:\n%s", name, s)
	}
	return result{out.String(), errb.String(), code}
}

// setup copies testdata/build files into a fresh directory.
func setup(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join("testdata", "build", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustBuild(t *testing.T, dir string, args ...string) result {
	t.Helper()
	r := runCmd(t, dir, nil, terrac(t), append([]string{"build"}, args...)...)
	if r.Code != 0 {
		t.Fatalf("terrac build %v: exit %d\n%s", args, r.Code, r.Stderr)
	}
	return r
}

func TestBuildExecutable(t *testing.T) {
	t.Parallel()
	dir := setup(t, "args.t")
	mustBuild(t, dir, "args.t", "-O2")
	r := runCmd(t, dir, nil, filepath.Join(dir, "args"), "1.5", "2.5", "5")
	if diff := cmp.Diff(result{"n=3 sum=9 sqrt=3\n", "", 3}, r); diff != "" {
		t.Errorf("running the executable (-want +got):\n%s", diff)
	}
	r = runCmd(t, dir, nil, filepath.Join(dir, "args"))
	if diff := cmp.Diff(result{"n=0 sum=0 sqrt=0\n", "", 0}, r); diff != "" {
		t.Errorf("running with no arguments (-want +got):\n%s", diff)
	}
}

// TestBuildUnitMainExitsZero checks that an executable whose main
// returns nothing exits with status 0.
func TestBuildUnitMainExitsZero(t *testing.T) {
	t.Parallel()
	dir := setup(t, "unitmain.t")
	mustBuild(t, dir, "unitmain.t")
	r := runCmd(t, dir, nil, filepath.Join(dir, "unitmain"), "x", "y")
	if diff := cmp.Diff(result{"args 3\n", "", 0}, r); diff != "" {
		t.Errorf("running the executable (-want +got):\n%s", diff)
	}
}

// TestBuildDependsOnLibcOnly checks that a built program needs neither
// terrac, LLVM nor the Go runtime: only the C library family.
func TestBuildDependsOnLibcOnly(t *testing.T) {
	t.Parallel()
	dir := setup(t)
	hello, err := filepath.Abs("../../examples/hello.t")
	if err != nil {
		t.Fatal(err)
	}
	mustBuild(t, dir, hello, "-o", "hello")
	r := runCmd(t, dir, nil, filepath.Join(dir, "hello"))
	if diff := cmp.Diff(result{"hello, native code! (0)\n", "", 0}, r); diff != "" {
		t.Errorf("running hello (-want +got):\n%s", diff)
	}
	f, err := elf.Open(filepath.Join(dir, "hello"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	libs, err := f.ImportedLibraries()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range libs {
		if !strings.HasPrefix(l, "libc.so") && !strings.HasPrefix(l, "libm.so") {
			t.Errorf("hello needs %s; want only libc/libm (all: %v)", l, libs)
		}
	}
	if ldd, err := exec.LookPath("ldd"); err == nil {
		out, _ := exec.Command(ldd, filepath.Join(dir, "hello")).CombinedOutput()
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			lib := strings.Fields(line)[0]
			if !strings.HasPrefix(lib, "linux-vdso") && !strings.HasPrefix(lib, "libc.so") &&
				!strings.HasPrefix(lib, "libm.so") && !strings.Contains(lib, "ld-linux") {
				t.Errorf("ldd lists %s:\n%s", lib, out)
			}
		}
	}
}

func TestBuildSharedLibraryFromC(t *testing.T) {
	t.Parallel()
	dir := setup(t, "lib.t", "uselib.c")
	mustBuild(t, dir, "lib.t", "--emit", "so", "-o", "libshapes.so", "--header", "lib.h")
	h, err := os.ReadFile(filepath.Join(dir, "lib.h"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"struct Vec {\n  double x;\n  double y;\n};",
		"Vec pts[3];",
		"double vec_dot(Vec a, Vec b);",
		"void vec_scale(Vec *v, double k);",
		"Vec shape_centroid(Shape *s);",
		"int32_t shape_namelen(Shape *s);",
	} {
		if !strings.Contains(string(h), want) {
			t.Errorf("lib.h lacks %q:\n%s", want, h)
		}
	}
	cc := runCmd(t, dir, nil, "cc", "-Wall", "-Werror", "-o", "uselib", "uselib.c", "-L.", "-lshapes", "-Wl,-rpath,$ORIGIN")
	if cc.Code != 0 {
		t.Fatalf("compiling the C program:\n%s", cc.Stderr)
	}
	r := runCmd(t, dir, nil, filepath.Join(dir, "uselib"))
	want := "dot=11\nscaled=10,20\ncentroid=1,2\nnamelen=8\n"
	if diff := cmp.Diff(result{want, "", 0}, r); diff != "" {
		t.Errorf("running the C program (-want +got):\n%s", diff)
	}
}

func TestBuildOtherKinds(t *testing.T) {
	t.Parallel()
	dir := setup(t, "args.t")
	for _, c := range []struct{ emit, file, magic string }{
		{"obj", "args.o", "\x7fELF"},
		{"bc", "args.bc", "BC\xc0\xde"},
		{"ll", "args.ll", "; ModuleID"},
		{"asm", "args.s", "\t.text"},
	} {
		mustBuild(t, dir, "args.t", "--emit", c.emit)
		b, err := os.ReadFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte(c.magic)) {
			t.Errorf("--emit %s: %s starts %q, want %q", c.emit, c.file, b[:min(len(b), 16)], c.magic)
		}
	}
	if r := runCmd(t, dir, nil, terrac(t), "build", "args.t", "--emit", "ll", "-o", "-"); r.Code != 0 || !strings.HasPrefix(r.Stdout, "; ModuleID") {
		t.Errorf("-o - : exit %d, stdout starts %q", r.Code, r.Stdout[:min(len(r.Stdout), 20)])
	}
	// The IR names the export and keeps helpers internal.
	ll, _ := os.ReadFile(filepath.Join(dir, "args.ll"))
	if !strings.Contains(string(ll), "define i32 @main(") || strings.Contains(string(ll), "define void @add") {
		t.Errorf("args.ll: want an external main and no external add:\n%s", ll)
	}
}

func TestBuildCrossAArch64(t *testing.T) {
	t.Parallel()
	dir := setup(t, "lib.t", "args.t")
	mustBuild(t, dir, "lib.t", "--emit", "obj", "--target", "aarch64-linux-gnu", "-o", "lib-arm64.o")
	f, err := elf.Open(filepath.Join(dir, "lib-arm64.o"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.Machine != elf.EM_AARCH64 || f.Type != elf.ET_REL {
		t.Errorf("got machine %v type %v, want EM_AARCH64 ET_REL", f.Machine, f.Type)
	}
	syms, err := f.Symbols()
	if err != nil {
		t.Fatal(err)
	}
	var global []string
	for _, s := range syms {
		if elf.ST_BIND(s.Info) == elf.STB_GLOBAL && s.Section != elf.SHN_UNDEF {
			global = append(global, s.Name)
		}
	}
	want := []string{"shape_centroid", "shape_namelen", "vec_dot", "vec_scale"}
	if diff := cmp.Diff(want, global); diff != "" {
		t.Errorf("global symbols (-want +got):\n%s", diff)
	}
	r := runCmd(t, dir, nil, terrac(t), "build", "args.t", "--target", "aarch64-linux-gnu")
	if r.Code != 1 || !strings.Contains(r.Stderr, "cannot link for aarch64-linux-gnu") {
		t.Errorf("linking for another target: exit %d, stderr:\n%s", r.Code, r.Stderr)
	}
}

func TestBuildDebugInfo(t *testing.T) {
	t.Parallel()
	dir := setup(t, "debug.t")
	mustBuild(t, dir, "debug.t", "-g", "-O0")
	exe := filepath.Join(dir, "debug")
	// addr2line maps the function's code to its .t file.
	nm := runCmd(t, dir, nil, "nm", exe)
	addr := ""
	for _, line := range strings.Split(nm.Stdout, "\n") {
		if f := strings.Fields(line); len(f) == 3 && strings.HasPrefix(f[2], "twice$") {
			addr = f[0]
		}
	}
	if addr == "" {
		t.Fatalf("no twice symbol in:\n%s", nm.Stdout)
	}
	a2l := runCmd(t, dir, nil, "addr2line", "-e", exe, addr)
	if !strings.HasPrefix(a2l.Stdout, filepath.Join(dir, "debug.t")+":") && !strings.HasPrefix(a2l.Stdout, "debug.t:") && !strings.HasPrefix(a2l.Stdout, "./debug.t:") {
		t.Errorf("addr2line %s = %q, want debug.t:LINE", addr, a2l.Stdout)
	}
	if _, err := exec.LookPath("gdb"); err != nil {
		t.Skip("gdb is not installed (scripts/setup.sh installs it); skipping the debugger check")
	}
	// Debug information names functions $name, as Terra's does (gdb
	// reads "$twice" as a convenience variable): break on a line.
	g := runCmd(t, dir, nil, "gdb", "-batch", "-nx", "-ex", "break debug.t:4", "-ex", "run", "-ex", "bt", exe)
	for _, want := range []string{"twice () at debug.t:4", "main () at debug.t:9"} {
		if !strings.Contains(g.Stdout, want) {
			t.Errorf("gdb output lacks %q:\n%s\n%s", want, g.Stdout, g.Stderr)
		}
	}
}

func TestBuildCache(t *testing.T) {
	t.Parallel()
	dir := setup(t, "args.t")
	env := []string{"TERRAC_PROGRESS=1"}
	first := runCmd(t, dir, env, terrac(t), "build", "args.t")
	if first.Code != 0 || !strings.Contains(first.Stderr, "compiling") || strings.Contains(first.Stderr, "found in the cache") {
		t.Fatalf("cold build: exit %d\n%s", first.Code, first.Stderr)
	}
	exe1, _ := os.ReadFile(filepath.Join(dir, "args"))
	second := runCmd(t, dir, env, terrac(t), "build", "args.t")
	if second.Code != 0 || !strings.Contains(second.Stderr, "compiled code found in the cache") || strings.Contains(second.Stderr, "] compiling") {
		t.Fatalf("warm build: exit %d\n%s", second.Code, second.Stderr)
	}
	exe2, _ := os.ReadFile(filepath.Join(dir, "args"))
	if !bytes.Equal(exe1, exe2) {
		t.Errorf("the cached build differs from the cold one")
	}
	// A different option is a different entry.
	third := runCmd(t, dir, env, terrac(t), "build", "args.t", "-O1")
	if !strings.Contains(third.Stderr, "] compiling") {
		t.Errorf("-O1 build reused the -O2 entry:\n%s", third.Stderr)
	}
	// So is a CPU named without a target triple.
	cpu := runCmd(t, dir, env, terrac(t), "build", "args.t", "--cpu", "x86-64-v2")
	if !strings.Contains(cpu.Stderr, "] compiling") {
		t.Errorf("--cpu x86-64-v2 build reused the host-CPU entry:\n%s", cpu.Stderr)
	}
	quiet := runCmd(t, dir, nil, terrac(t), "build", "args.t")
	if quiet.Stderr != "" {
		t.Errorf("progress printed although stderr is not a terminal:\n%s", quiet.Stderr)
	}
}

func TestBuildErrors(t *testing.T) {
	t.Parallel()
	dir := setup(t, "luaerr.t", "nomain.t", "typeerr.t", "args.t")
	for _, c := range []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"luaerr.t"}, 1, []string{"luaerr.t:3:"}},
		{[]string{"nomain.t"}, 1, []string{"defines no global Terra function main"}},
		{[]string{"typeerr.t"}, 1, []string{"typeerr.t:2:", "Errors reported during typechecking."}},
		{[]string{"args.t", "--export", "nosuch"}, 1, []string{"--export nosuch: no Terra function"}},
		{[]string{"args.t", "--emit", "zip"}, 2, []string{"unknown --emit zip"}},
		{[]string{}, 2, []string{"no input file"}},
		{[]string{"args.t", "--", "-lnosuchlibrary"}, 1, []string{"linking with cc failed", "nosuchlibrary"}},
	} {
		r := runCmd(t, dir, nil, terrac(t), append([]string{"build"}, c.args...)...)
		if r.Code != c.code {
			t.Errorf("build %v: exit %d, want %d\n%s", c.args, r.Code, c.code, r.Stderr)
		}
		rest := r.Stderr
		for _, w := range c.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("build %v: stderr lacks %q (in order):\n%s", c.args, w, r.Stderr)
				break
			}
			rest = rest[i+len(w):]
		}
	}
}

// BenchmarkBuildHello reports `terrac build examples/hello.t` with an
// empty compile cache (cold) and with the entry present (warm).
func BenchmarkBuildHello(b *testing.B) {
	bin := terrac(b)
	hello, err := filepath.Abs("../../examples/hello.t")
	if err != nil {
		b.Fatal(err)
	}
	build := func(b *testing.B, cache string) {
		cmd := exec.Command(bin, "build", hello, "-o", filepath.Join(b.TempDir(), "hello"))
		cmd.Env = append(os.Environ(), "TERRAC_CACHE="+cache)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
	}
	b.Run("cold", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			build(b, b.TempDir())
		}
	})
	b.Run("warm", func(b *testing.B) {
		cache := b.TempDir()
		build(b, cache)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			build(b, cache)
		}
	})
}

func TestBuildGlobals(t *testing.T) {
	t.Parallel()
	dir := setup(t, "globals.t")
	r := mustBuild(t, dir, "globals.t")
	if r.Stdout != "11\n" {
		t.Errorf("Lua stage printed %q, want 11", r.Stdout)
	}
	// counter was 11 when saved; the executable has its own copy.
	got := runCmd(t, dir, nil, filepath.Join(dir, "globals"))
	if diff := cmp.Diff(result{"12 13 5 7\n", "", 0}, got); diff != "" {
		t.Errorf("running (-want +got):\n%s", diff)
	}
}
