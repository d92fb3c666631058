// This file implements the parts of terralib that describe and inspect
// the toolchain itself: version numbers and the installation prefix,
// printraw, dumpmodule, the JIT compilation unit, light userdata,
// linking LLVM modules into the JIT, terralib.debuginfo and the
// lookupsymbol/lookupline debug interface.
package terralib

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/lower"
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
	"terrac/runtime/cdata"
	"terrac/runtime/engine"
	"terrac/runtime/jit"
)

// Version is what terralib.version reports: the Terra release whose
// language and API terrac follows, marked as terrac's.
const Version = "1.2.0-terrac"

// TerraHome is the installation prefix: the directory above the one that
// holds the running executable (PREFIX for PREFIX/bin/terrac), so
// PREFIX/bin/terra names the Terra-compatible command next to it.
func TerraHome() string {
	exe := Executable()
	if exe == "" {
		return "."
	}
	return filepath.Dir(filepath.Dir(exe))
}

// Executable is the absolute path of the running terrac, symlinks
// resolved (so it names terrac even when run as its `terra` link), or ""
// if the system cannot say. A Lua stage uses it to run `terrac build` on
// another file (images/rescue.t builds its provisioning program so).
func Executable() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if r, err := filepath.EvalSymlinks(exe); err == nil {
		exe = r
	}
	return exe
}

func (rt *Runtime) initAPI() {
	L := rt.L
	tl := L.GetGlobal("terralib").(*lua.LTable)
	tl.RawSetString("version", lua.LString(Version))
	llvm := lua.LNumber(jit.LLVMVersion())
	tl.RawSetString("llvm_version", llvm)
	tl.RawSetString("llvmversion", llvm)
	tl.RawSetString("terrahome", lua.LString(TerraHome()))
	tl.RawSetString("executable", lua.LString(Executable()))
	tl.RawSetString("isdebug", lua.LNumber(0))
	tl.RawSetString("isverbose", lua.LNumber(0))

	cu := L.NewTable()
	cu.RawSetString("llvm_cu", rt.lightUserdata(0))
	// terrac's JIT adds one LLVM module per compile batch and keeps no
	// module of everything compiled (docs/compat.md), so there is nothing
	// to save: say so instead of failing with a nil method.
	cu.RawSetString("saveobj", L.NewFunction(func(L *lua.LState) int {
		L.RaiseError("terralib.jitcompilationunit:saveobj is not available in terrac (the JIT keeps no single module); use terralib.saveobj with the functions to save, or terralib.dumpmodule")
		return 0
	}))
	tl.RawSetString("jitcompilationunit", cu)

	L.SetFuncs(tl, map[string]lua.LGFunction{
		"printraw": rt.luaPrintraw,
		"disas":    rt.luaDisas, // disas.go
		// dumpmodule([cu]) writes the IR of everything compiled so far to
		// stderr, as LLVM's Module::dump does for Terra.
		"dumpmodule": func(L *lua.LState) int {
			text, err := rt.Engine.ModuleText()
			if err != nil {
				rt.raise(L, err)
			}
			jit.Flush()
			os.Stderr.WriteString(text)
			return 0
		},
		"pointertolightuserdata": func(L *lua.LState) int {
			v, ok := cdata.Is(L.Get(1))
			if !ok || v.T.Kind != types.Pointer {
				L.ArgError(1, "expected a pointer cdata")
			}
			L.Push(rt.lightUserdata(uintptr(v.Pointee())))
			return 1
		},
		"linkllvm": func(L *lua.LState) int {
			name := L.CheckString(1)
			if lua.LVAsBool(L.Get(3)) { // linkllvm(text, target, true): from a string
				return rt.linkLLVM(L, "llvmstring", name)
			}
			data, err := os.ReadFile(name)
			if err != nil {
				L.RaiseError("linkllvm: cannot read %s: %v", name, pathErr(err))
			}
			return rt.linkLLVM(L, name, string(data))
		},
		"linkllvmstring": func(L *lua.LState) int {
			return rt.linkLLVM(L, "llvmstring", L.CheckString(1))
		},
	})

	// debuginfo(file, line) in Terra code attributes the code that follows
	// in the function to that file and line in the debug information.
	tl.RawSetString("debuginfo", rt.macroValue(&Macro{Name: "debuginfo", Builtin: func(args []tree.Expr, at source.Span) (tree.Expr, error) {
		if len(args) != 2 {
			return nil, fmt.Errorf("debuginfo expects a file name and a line number")
		}
		file, ok1 := exprValue(args[0])
		line, ok2 := exprValue(args[1])
		fs, okf := file.(lua.LString)
		ln, okl := line.(lua.LNumber)
		if !ok1 || !ok2 || !okf || !okl {
			return nil, fmt.Errorf("debuginfo expects a constant file name and line number")
		}
		return &tree.LowLevel{ExprBase: tree.ExprBase{Pos: at}, Op: "debuginfo", Asm: string(fs), Align: int64(ln)}, nil
	}}))

	// The debug interface: Terra functions over the JIT's symbol and line
	// tables, with the structs they fill in.
	symInfo := types.NewStruct("SymbolInfo")
	symInfo.Entries = []types.Entry{
		{Field: types.Field{Name: "addr", Type: types.PointerTo(types.OpaqueT)}},
		{Field: types.Field{Name: "size", Type: types.Uint64}},
		{Field: types.Field{Name: "name", Type: types.PointerTo(types.Int8)}},
		{Field: types.Field{Name: "namelength", Type: types.Uint64}},
	}
	symInfo.Defined = true
	lineInfo := types.NewStruct("LineInfo")
	lineInfo.Entries = []types.Entry{
		{Field: types.Field{Name: "name", Type: types.PointerTo(types.Int8)}},
		{Field: types.Field{Name: "namelength", Type: types.Uint64}},
		{Field: types.Field{Name: "linenum", Type: types.Uint64}},
	}
	lineInfo.Defined = true
	tl.RawSetString("SymbolInfo", rt.TypeValue(symInfo))
	tl.RawSetString("LineInfo", rt.TypeValue(lineInfo))
	opq := types.PointerTo(types.OpaqueT)
	tl.RawSetString("lookupsymbol", rt.FunctionValue(tree.NewExtern("terrac_lookupsymbol",
		types.FuncOf([]*types.Type{opq, types.PointerTo(symInfo)}, types.Boolean, false))))
	tl.RawSetString("lookupline", rt.FunctionValue(tree.NewExtern("terrac_lookupline",
		types.FuncOf([]*types.Type{opq, opq, types.PointerTo(lineInfo)}, types.Boolean, false))))
}

// SetDebugFlags records how many -g flags the command was given
// (terralib.isdebug) and turns on full debug information for any.
func (rt *Runtime) SetDebugFlags(n int) {
	tl := rt.L.GetGlobal("terralib").(*lua.LTable)
	tl.RawSetString("isdebug", lua.LNumber(n))
	if n > 0 {
		rt.Engine.SetDebugLevel(engine.DebugFull)
	}
	lower.AbsoluteDebugPaths = n > 1
}

// SetVerbose records how many -v flags the command was given.
func (rt *Runtime) SetVerbose(n int) {
	tl := rt.L.GetGlobal("terralib").(*lua.LTable)
	tl.RawSetString("isverbose", lua.LNumber(n))
}

func pathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// linkLLVM adds an LLVM module (IR text or bitcode) to the JIT and returns
// the library object whose :extern(name, type) gives Terra functions for
// the module's definitions.
func (rt *Runtime) linkLLVM(L *lua.LState, what, data string) int {
	sum := sha256.Sum256([]byte(data))
	name := "llvm." + hex.EncodeToString(sum[:6])
	if err := rt.Engine.LinkModule(name, data); err != nil {
		L.RaiseError("linkllvm: LLVM rejected %s: %v", what, err)
	}
	lib := L.NewTable()
	lib.RawSetString("extern", L.NewFunction(func(L *lua.LState) int {
		fname := L.CheckString(2)
		t := rt.checkType(L, 3)
		if t.IsPointerToFunction() {
			t = t.Elem
		}
		if !t.IsFunction() {
			L.ArgError(3, "expected a function type")
		}
		L.Push(rt.FunctionValue(tree.NewExtern(fname, t)))
		return 1
	}))
	L.Push(lib)
	return 1
}

// lightUserdata is a Lua value holding a bare address, as LuaJIT's light
// userdata: it prints as one and converts to any pointer type.
func (rt *Runtime) lightUserdata(addr uintptr) lua.LValue {
	L := rt.L
	ud := L.NewUserData()
	ud.Value = cdata.Light(addr)
	mt := L.GetTypeMetatable("terra.lightuserdata")
	if mt == lua.LNil {
		t := L.NewTypeMetatable("terra.lightuserdata")
		t.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
			a := uintptr(0)
			if u, ok := L.Get(1).(*lua.LUserData); ok {
				if l, ok := u.Value.(cdata.Light); ok {
					a = uintptr(l)
				}
			}
			L.Push(lua.LString(fmt.Sprintf("userdata: 0x%x", a)))
			return 1
		}))
		mt = t
	}
	L.SetMetatable(ud, mt)
	return ud
}

// luaPrintraw is terralib.printraw(v): v's header line, then for a
// table every field but kind and offset, one per line, indented under
// its parent, nested tables expanded (cycles cut, nested Terra functions
// not), types by their names.
func (rt *Runtime) luaPrintraw(L *lua.LState) int {
	v := L.Get(1)
	var lines []string
	header := func(v lua.LValue) string {
		if t, ok := v.(*lua.LTable); ok {
			if mt, ok := L.GetMetatable(t).(*lua.LTable); ok {
				if _, ok := mt.RawGetString("__fields").(*lua.LTable); ok {
					if k := t.RawGetString("kind"); k != lua.LNil {
						return L.ToStringMeta(k).String()
					}
					return L.ToStringMeta(mt).String()
				}
			}
		}
		return L.ToStringMeta(v).String()
	}
	open := map[*lua.LTable]bool{}
	var walk func(t *lua.LTable, indent string)
	walk = func(t *lua.LTable, indent string) {
		if open[t] {
			lines = append(lines, strings.Repeat(" ", len(indent))+"<cyclic reference>")
			return
		}
		open[t] = true
		defer delete(open, t)
		for _, k := range luaKeysSorted(t) {
			fv := t.RawGet(k)
			if ks, ok := k.(lua.LString); ok && (ks == "kind" || ks == "offset") {
				continue
			}
			key := L.ToStringMeta(k).String()
			if kt, ok := k.(*lua.LTable); ok {
				key = "<table (mt = " + L.ToStringMeta(L.GetMetatable(kt)).String() + ")>"
			}
			prefix := indent + key + ": "
			if rt.AsType(fv) != nil {
				lines = append(lines, prefix+L.ToStringMeta(fv).String())
				continue
			}
			lines = append(lines, prefix+header(fv))
			sub, ok := fv.(*lua.LTable)
			if !ok {
				continue
			}
			if sub.Len() > 0 {
				walk(sub, strings.Repeat(" ", len(indent)+2))
			} else {
				walk(sub, strings.Repeat(" ", len(prefix)+2))
			}
		}
	}
	lines = append(lines, header(v))
	if t, ok := v.(*lua.LTable); ok {
		walk(t, "  ")
	}
	print := L.GetGlobal("print")
	for _, line := range lines {
		L.Push(print)
		L.Push(lua.LString(line))
		L.Call(1, 0)
	}
	return 0
}

// luaKeysSorted lists a table's keys in a stable order (numbers ascending,
// then strings, then the rest by their text), so that printraw prints the
// same thing every run.
func luaKeysSorted(t *lua.LTable) []lua.LValue {
	var keys []lua.LValue
	t.ForEach(func(k, _ lua.LValue) { keys = append(keys, k) })
	rank := func(v lua.LValue) int {
		switch v.(type) {
		case lua.LNumber:
			return 0
		case lua.LString:
			return 1
		}
		return 2
	}
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra < rb
		}
		if na, ok := a.(lua.LNumber); ok {
			return na < b.(lua.LNumber)
		}
		return a.String() < b.String()
	})
	return keys
}
