package embed_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"terrac/embed"
)

func newState(t *testing.T, opts embed.Options) *embed.State {
	t.Helper()
	s, err := embed.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestRunStringReturnsValues(t *testing.T) {
	var out bytes.Buffer
	s := newState(t, embed.Options{Stdout: &out})
	vals, err := s.RunString(context.Background(), "main.t", `
terra add(a : int, b : int) : int return a + b end
print("hello", add(2, 3))
return add(40, 2), "x", {n = 7}
`)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "hello\t5\n" {
		t.Errorf("stdout = %q", got)
	}
	if len(vals) != 3 {
		t.Fatalf("%d results", len(vals))
	}
	if n, err := vals[0].Int(); err != nil || n != 42 {
		t.Errorf("result 1 = %v, %v", n, err)
	}
	if str, _ := vals[1].Str(); str != "x" {
		t.Errorf("result 2 = %q", str)
	}
	f, err := vals[2].Get("n")
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := f.Float(); n != 7 {
		t.Errorf("n = %v", n)
	}
}

func TestRunFileWithSearchPaths(t *testing.T) {
	dir := t.TempDir()
	lib := dir + "/lib"
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, lib+"/twice.t", `
local M = {}
terra M.twice(x : int) : int return 2 * x end
return M
`)
	writeFile(t, dir+"/main.t", `
local twice = require("twice")
result = twice.twice(21)
return arg[0], arg[1]
`)
	s := newState(t, embed.Options{SearchPaths: []string{lib}, Args: []string{"first"}})
	vals, err := s.RunFile(context.Background(), dir+"/main.t")
	if err != nil {
		t.Fatal(err)
	}
	if a0, _ := vals[0].Str(); a0 != dir+"/main.t" {
		t.Errorf("arg[0] = %q", a0)
	}
	if a1, _ := vals[1].Str(); a1 != "first" {
		t.Errorf("arg[1] = %q", a1)
	}
	r, err := s.Global("result")
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := r.Int(); n != 42 {
		t.Errorf("result = %v", r)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const terraLib = `
struct Point { x : double, y : double }
terra Point:norm2() : double return self.x * self.x + self.y * self.y end
M = {}
terra M.sum(p : &double, n : int) : double
	var s = 0.0
	for i = 0, n do s = s + p[i] end
	return s
end
terra M.upcase(p : &uint8, n : int)
	for i = 0, n do
		if p[i] >= 97 and p[i] <= 122 then p[i] = p[i] - 32 end
	end
end
terra M.fill(p : &int32, n : int, v : int32)
	for i = 0, n do p[i] = v + i end
end
local C = terralib.includecstring("#include <string.h>")
terra M.len(s : rawstring) : int64 return C.strlen(s) end
terra M.scale(p : Point, k : double) : Point return Point { p.x * k, p.y * k } end
terra M.norm2(p : &Point) : double return p:norm2() end
terra M.big(x : int64) : int64 return x + 1 end
`

func TestGlobalLookup(t *testing.T) {
	s := newState(t, embed.Options{})
	if _, err := s.RunString(context.Background(), "lib.t", terraLib); err != nil {
		t.Fatal(err)
	}
	f, err := s.Global("M.sum")
	if err != nil {
		t.Fatal(err)
	}
	if f.Kind() != embed.TerraFunction {
		t.Errorf("M.sum is a %v", f.Kind())
	}
	m, err := s.Global("M")
	if err != nil {
		t.Fatal(err)
	}
	if m.Kind() != embed.Table {
		t.Errorf("M is a %v", m.Kind())
	}
	if none, _ := s.Global("nothing"); !none.IsNil() {
		t.Errorf("nothing = %v", none)
	}
}

func TestCallTerraWithGoValues(t *testing.T) {
	ctx := context.Background()
	s := newState(t, embed.Options{})
	if _, err := s.RunString(ctx, "lib.t", terraLib); err != nil {
		t.Fatal(err)
	}
	call := func(name string, args ...any) []embed.Value {
		t.Helper()
		f, err := s.Global(name)
		if err != nil {
			t.Fatal(err)
		}
		vals, err := f.Call(ctx, args...)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return vals
	}
	if got, _ := call("M.sum", []float64{1.5, 2, 3.5}, 3)[0].Float(); got != 7 {
		t.Errorf("sum = %v", got)
	}
	b := []byte("hello, go")
	call("M.upcase", b, len(b))
	if string(b) != "HELLO, GO" {
		t.Errorf("upcase left %q", b)
	}
	ints := make([]int32, 4)
	call("M.fill", ints, len(ints), int32(10))
	if fmt.Sprint(ints) != "[10 11 12 13]" {
		t.Errorf("fill left %v", ints)
	}
	if got, _ := call("M.len", "héllo")[0].Int(); got != 6 {
		t.Errorf("len = %v", got)
	}
	big := int64(1) << 60
	if got, _ := call("M.big", big)[0].Int(); got != big+1 {
		t.Errorf("big = %v", got)
	}

	p, err := s.New("Point", map[string]any{"x": 3, "y": 4})
	if err != nil {
		t.Fatal(err)
	}
	// Struct names are unique in the process: another State's Point
	// makes this one Point$1.
	if p.Kind() != embed.Cdata || !strings.HasPrefix(p.TypeName(), "Point") {
		t.Errorf("New gave a %v of type %s", p.Kind(), p.TypeName())
	}
	if got, _ := call("M.norm2", p)[0].Float(); got != 25 {
		t.Errorf("norm2 = %v", got)
	}
	q := call("M.scale", p, 2.0)[0]
	x, err := q.Get("x")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := x.Float(); got != 6 {
		t.Errorf("scale(p, 2).x = %v", got)
	}
	if err := p.Set("y", 1); err != nil {
		t.Fatal(err)
	}
	if got, _ := call("M.norm2", p)[0].Float(); got != 10 {
		t.Errorf("norm2 after Set = %v", got)
	}
	norm, err := p.Get("norm2")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := mustCall(t, norm, p)[0].Float(); got != 10 {
		t.Errorf("p:norm2() = %v", got)
	}
}

func mustCall(t *testing.T, f embed.Value, args ...any) []embed.Value {
	t.Helper()
	vals, err := f.Call(context.Background(), args...)
	if err != nil {
		t.Fatal(err)
	}
	return vals
}

var errNegative = errors.New("negative input")

func TestGoFunctionsFromLuaAndTerra(t *testing.T) {
	ctx := context.Background()
	var out bytes.Buffer
	s := newState(t, embed.Options{Stdout: &out})
	err := s.Register("gosqrt", func(args []embed.Value) ([]any, error) {
		x, err := args[0].Float()
		if err != nil {
			return nil, err
		}
		if x < 0 {
			return nil, errNegative
		}
		return []any{math.Sqrt(x)}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var seen []int64
	err = s.RegisterCallback("golog", "{int, int} -> int", func(args []embed.Value) ([]any, error) {
		a, _ := args[0].Int()
		b, _ := args[1].Int()
		seen = append(seen, a, b)
		return []any{a * b}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	vals, err := s.RunString(ctx, "cb.t", `
print(gosqrt(16))
terra useLog(n : int) : int
	var s = 0
	for i = 1, n + 1 do s = s + golog(i, 10) end
	return s
end
terra apply(f : {int} -> int, x : int) : int return f(x) end
return useLog(3), apply
`)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != "4\n" {
		t.Errorf("stdout %q", out.String())
	}
	if n, _ := vals[0].Int(); n != 60 {
		t.Errorf("useLog(3) = %v", vals[0])
	}
	if fmt.Sprint(seen) != "[1 10 2 10 3 10]" {
		t.Errorf("callback saw %v", seen)
	}
	// A Func passed for a function-pointer parameter becomes a callback.
	res := mustCall(t, vals[1], embed.Func(func(args []embed.Value) ([]any, error) {
		x, _ := args[0].Int()
		return []any{x + 100}, nil
	}), 5)
	if n, _ := res[0].Int(); n != 105 {
		t.Errorf("apply = %v", res[0])
	}

	// A Go error becomes a Lua error at the calling line.
	_, err = s.RunString(ctx, "neg.t", "local x = 1\nlocal y = gosqrt(-1)\n")
	var e *embed.Error
	if !errors.As(err, &e) || !errors.Is(err, errNegative) {
		t.Fatalf("err = %#v", err)
	}
	if len(e.Diagnostics) == 0 || e.Diagnostics[0].File != "neg.t" || e.Diagnostics[0].Line != 2 {
		t.Errorf("diagnostics %+v\n%s", e.Diagnostics, e.Message)
	}
	// A panic is an error too, not a crash.
	s.Register("gopanic", func([]embed.Value) ([]any, error) { panic("oops") })
	_, err = s.RunString(ctx, "panic.t", "gopanic()")
	if err == nil || !strings.Contains(err.Error(), "panic in Go function gopanic: oops") {
		t.Errorf("err = %v", err)
	}
}

func TestErrorsCarryPositions(t *testing.T) {
	ctx := context.Background()
	s := newState(t, embed.Options{})
	cases := []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"syntax.t", "local x = 1\nlocal = 2\n", 2, 7, "expected"},
		{"type.t", "terra f() : int\n  return \"s\" + 1\nend\nf()\n", 2, 10, ""},
		{"lua.t", "local t = {}\n  error(\"boom\")\n", 2, 3, "boom"},
	}
	for _, c := range cases {
		_, err := s.RunString(ctx, c.name, c.src)
		var e *embed.Error
		if !errors.As(err, &e) {
			t.Errorf("%s: err = %v", c.name, err)
			continue
		}
		if len(e.Diagnostics) == 0 {
			t.Errorf("%s: no diagnostics in %q", c.name, e.Message)
			continue
		}
		d := e.Diagnostics[0]
		if d.File != c.name || d.Line != c.line || (c.col != 0 && d.Col != c.col) || !strings.Contains(d.Message, c.msg) {
			t.Errorf("%s: diagnostic %v\n%s", c.name, d, e.Message)
		}
		if !strings.Contains(e.Message, "^") {
			t.Errorf("%s: no caret in\n%s", c.name, e.Message)
		}
	}
}

func TestContextCancelsLuaLoop(t *testing.T) {
	s := newState(t, embed.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	s.Register("started", func([]embed.Value) ([]any, error) {
		cancel()
		return nil, nil
	})
	_, err := s.RunString(ctx, "loop.t", "started()\nwhile true do end\n")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	// The state still works afterwards.
	vals, err := s.RunString(context.Background(), "after.t", "return 1 + 1")
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := vals[0].Int(); n != 2 {
		t.Errorf("1 + 1 = %v", vals[0])
	}
	// A context done before the run starts nothing.
	_, err = s.RunString(ctx, "never.t", "ran = true")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
	if v, _ := s.Global("ran"); !v.IsNil() {
		t.Errorf("the chunk ran")
	}
}

func TestUseFromTwoGoroutinesIsAnError(t *testing.T) {
	s := newState(t, embed.Options{})
	started, release := make(chan bool), make(chan bool)
	s.Register("block", func([]embed.Value) ([]any, error) {
		started <- true
		<-release
		return nil, nil
	})
	done := make(chan error)
	go func() {
		_, err := s.RunString(context.Background(), "block.t", "block()\nx = 1\n")
		done <- err
	}()
	<-started
	if _, err := s.Global("x"); !errors.Is(err, embed.ErrConcurrentUse) {
		t.Errorf("Global from a second goroutine: %v", err)
	}
	if _, err := s.RunString(context.Background(), "other.t", "return 1"); !errors.Is(err, embed.ErrConcurrentUse) {
		t.Errorf("RunString from a second goroutine: %v", err)
	}
	if err := s.Close(); !errors.Is(err, embed.ErrConcurrentUse) {
		t.Errorf("Close from a second goroutine: %v", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// Once the first goroutine is out, this one may use the state.
	x, err := s.Global("x")
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := x.Int(); n != 1 {
		t.Errorf("x = %v", x)
	}
}

func TestGoFunctionMayCallItsState(t *testing.T) {
	s := newState(t, embed.Options{})
	s.Register("peek", func(args []embed.Value) ([]any, error) {
		v, err := s.Global("secret")
		if err != nil {
			return nil, err
		}
		n, _ := v.Int()
		return []any{n * 2}, nil
	})
	vals, err := s.RunString(context.Background(), "peek.t", "secret = 21\nreturn peek()")
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := vals[0].Int(); n != 42 {
		t.Errorf("peek() = %v", vals[0])
	}
}

func TestClosedState(t *testing.T) {
	s, err := embed.New(embed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	vals, err := s.RunString(context.Background(), "f.t", "terra f() : int return 1 end\nreturn f")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := s.RunString(context.Background(), "g.t", "return 1"); !errors.Is(err, embed.ErrClosed) {
		t.Errorf("RunString after Close: %v", err)
	}
	if _, err := vals[0].Call(context.Background()); !errors.Is(err, embed.ErrClosed) {
		t.Errorf("Call after Close: %v", err)
	}
}

func TestOsExitEndsOnlyTheRun(t *testing.T) {
	s := newState(t, embed.Options{})
	_, err := s.RunString(context.Background(), "exit.t", "os.exit(3)")
	var ee *embed.ExitError
	if !errors.As(err, &ee) || ee.Code != 3 {
		t.Errorf("err = %v", err)
	}
}

func TestOutputWriters(t *testing.T) {
	var out, errw bytes.Buffer
	s := newState(t, embed.Options{Stdout: &out, Stderr: &errw})
	_, err := s.RunString(context.Background(), "out.t", `
print("a", 1)
io.write("b", 2, "\n")
io.stdout:write("c\n")
io.stderr:write("d\n")
`)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != "a\t1\nb2\nc\n" || errw.String() != "d\n" {
		t.Errorf("stdout %q, stderr %q", out.String(), errw.String())
	}
}

func TestCallbackErrorUnwindsTerra(t *testing.T) {
	s := newState(t, embed.Options{})
	err := s.RegisterCallback("check", "{int} -> int", func(args []embed.Value) ([]any, error) {
		if n, _ := args[0].Int(); n > 2 {
			return nil, errNegative
		}
		return []any{1}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.RunString(context.Background(), "unwind.t", `
terra count(n : int) : int
	var c = 0
	for i = 0, n do c = c + check(i) end
	return c
end
ok = count(3)
bad = count(5)
`)
	if !errors.Is(err, errNegative) {
		t.Fatalf("err = %v", err)
	}
	var e *embed.Error
	if !errors.As(err, &e) || len(e.Diagnostics) == 0 || e.Diagnostics[0].Line != 8 {
		t.Errorf("want the error at unwind.t:8, the Lua line calling Terra; got %v", err)
	}
	if v, _ := s.Global("ok"); v.String() != "3" {
		t.Errorf("ok = %v", v)
	}
	// The state is usable after the native frames were unwound.
	vals, err := s.RunString(context.Background(), "again.t", "return count(2)")
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := vals[0].Int(); n != 2 {
		t.Errorf("count(2) = %v", vals[0])
	}
}
