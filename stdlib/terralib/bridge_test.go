package terralib

import (
	"runtime"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"terrac/runtime/cdata"
	"terrac/runtime/jit"
)

// runBridge loads and runs src in a fresh runtime.
func runBridge(t testing.TB, src string) *Runtime {
	t.Helper()
	rt := New()
	fn, err := rt.LoadString("test.t", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.Run(fn); err != nil {
		t.Fatal(err)
	}
	jit.Flush()
	return rt
}

// TestNewDoesNotLeak allocates 1e6 values with terralib.new and checks
// that, after collections, the C blocks still alive are a small
// fraction of them: the finalizers free memory Lua no longer refers to.
func TestNewDoesNotLeak(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a million values")
	}
	runtime.GC()
	before := cdata.LiveAllocations()
	rt := runBridge(t, `
struct S { a : int, b : double, c : int8[40] }
for i = 1, 1000000 do
  local s = terralib.new(S, {i, i})
  assert(s.a == i)
end
`)
	defer rt.Close()
	rt.L.SetTop(0)
	for i := 0; i < 5; i++ {
		runtime.GC()
	}
	live := cdata.LiveAllocations() - before
	if live > 100000 {
		t.Fatalf("%d of 1000000 values are still allocated after GC", live)
	}
}

func TestKeptValueSurvivesGC(t *testing.T) {
	rt := runBridge(t, `
struct S { a : int }
keep = terralib.new(S, {42})
`)
	defer rt.Close()
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	if err := rt.L.DoString(`assert(keep.a == 42)`); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkLuaToTerraCall measures one call of a Terra function with two
// number arguments from Lua (through the cached plan and wrapper).
func BenchmarkLuaToTerraCall(b *testing.B) {
	rt := runBridge(b, `terra add(a : int, b : double) : double return a + b end
add(1, 2)`)
	defer rt.Close()
	L := rt.L
	fn := L.GetGlobal("add")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		L.Push(fn)
		L.Push(lua.LNumber(1))
		L.Push(lua.LNumber(2))
		L.Call(2, 1)
		L.Pop(1)
	}
}

// BenchmarkLuaLoopCall is the same call made from a Lua loop (includes
// the Lua VM's loop and call overhead).
func BenchmarkLuaLoopCall(b *testing.B) {
	rt := runBridge(b, `terra add(a : int, b : double) : double return a + b end
function loop(n) local s = 0 for i = 1, n do s = add(i, s) end return s end`)
	defer rt.Close()
	L := rt.L
	b.ResetTimer()
	if err := L.CallByParam(lua.P{Fn: L.GetGlobal("loop"), NRet: 1, Protect: true}, lua.LNumber(b.N)); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkTerraToLuaCallback measures one callback from Terra code into
// a Lua function taking and returning a number.
func BenchmarkTerraToLuaCallback(b *testing.B) {
	rt := runBridge(b, `
local cb = terralib.cast({int} -> int, function(x) return x + 1 end)
terra loop(f : {int} -> int, n : int) : int
  var s = 0
  for i = 0, n do s = f(s) end
  return s
end
function bench(n) return loop(cb, n) end
`)
	defer rt.Close()
	L := rt.L
	b.ReportAllocs()
	b.ResetTimer()
	if err := L.CallByParam(lua.P{Fn: L.GetGlobal("bench"), NRet: 1, Protect: true}, lua.LNumber(b.N)); err != nil {
		b.Fatal(err)
	}
	if got := L.Get(-1); got != lua.LNumber(b.N) {
		b.Fatalf("loop returned %v, want %d", got, b.N)
	}
}
