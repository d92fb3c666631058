// This file implements f:disas(), f:printstats() and terralib.disas:
// looking at the code the JIT made, on the streams Terra uses (the
// definition line and the machine code on stdout, LLVM IR on stderr as
// LLVM's dump does).
package terralib

import (
	"fmt"
	"os"
	"strings"
	"time"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/lower"
	"terrac/compiler/tree"
	"terrac/runtime/cdata"
	"terrac/runtime/jit"
)

// luaFuncDisas is f:disas(): "definition <type>", then f's optimized IR
// (stderr), then the machine code at f's address.
func (rt *Runtime) luaFuncDisas(L *lua.LState) int {
	fn := rt.checkFunction(L, 1)
	addr, err := rt.Engine.Address(fn)
	if err != nil {
		rt.raise(L, err)
	}
	ir, err := optimizedIR(fn)
	if err != nil {
		rt.raise(L, err)
	}
	jit.StdoutWriteString("definition \t" + fn.Type.String() + "\n")
	jit.Flush()
	os.Stderr.WriteString(ir)
	var b strings.Builder
	fmt.Fprintf(&b, "assembly for function at address %#x\n", addr)
	if j := jit.Created(); j != nil {
		if text, ok := j.Disassemble(addr); ok {
			b.WriteString(text)
		}
	}
	jit.StdoutWriteString(b.String())
	return 0
}

// optimizedIR lowers fn alone and optimizes it as the JIT does (its
// callees stay declarations, so they are not inlined into it here).
func optimizedIR(fn *tree.Function) (string, error) {
	m := lower.NewModule("disas")
	if err := m.AddFunction(fn); err != nil {
		return "", err
	}
	out, err := jit.Emit(m.String(), jit.Target{}, jit.DefaultOptLevel, jit.KindIR)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// luaPrintStats is f:printstats(): f compiled, then its definition line
// and the compile statistics Terra lists under it (here the time the
// first compile of f took, in seconds).
func (rt *Runtime) luaPrintStats(L *lua.LState) int {
	fn := rt.checkFunction(L, 1)
	start := time.Now()
	if _, err := rt.Engine.Address(fn); err != nil {
		rt.raise(L, err)
	}
	if fn.Type == nil {
		return 0
	}
	elapsed := time.Since(start).Seconds()
	if rt.compileTimes == nil {
		rt.compileTimes = map[*tree.Function]float64{}
	}
	if t, ok := rt.compileTimes[fn]; ok {
		elapsed = t
	} else {
		rt.compileTimes[fn] = elapsed
	}
	print := L.GetGlobal("print")
	L.Push(print)
	L.Push(lua.LString("definition "))
	L.Push(lua.LString(fn.Type.String()))
	L.Call(2, 0)
	L.Push(print)
	L.Push(lua.LString(""))
	L.Push(lua.LString("compile"))
	L.Push(lua.LNumber(elapsed))
	L.Call(3, 0)
	return 0
}

// luaDisas is terralib.disas(addr, nbytes [, ninst]): the machine code at
// an address (a pointer cdata, a light userdata or a number).
func (rt *Runtime) luaDisas(L *lua.LState) int {
	var addr uintptr
	switch v := L.Get(1).(type) {
	case lua.LNumber:
		addr = uintptr(v)
	case *lua.LUserData:
		if l, ok := v.Value.(cdata.Light); ok {
			addr = uintptr(l)
		} else if c, ok := cdata.Is(v); ok {
			addr = uintptr(c.Pointee())
		}
	}
	if addr == 0 {
		L.ArgError(1, "expected an address")
	}
	nbytes := uint64(L.OptInt64(2, 0))
	ninst := uint64(L.OptInt64(3, 0))
	if nbytes == 0 && ninst == 0 {
		L.ArgError(2, "expected a number of bytes or instructions")
	}
	if nbytes == 0 {
		nbytes = ninst * 16 // no instruction is longer on the hosts supported
	}
	jit.StdoutWriteString(jit.DisassembleRange(addr, nbytes, ninst))
	return 0
}
