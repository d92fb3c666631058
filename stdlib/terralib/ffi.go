// This file implements the subset of LuaJIT's `ffi` module that Terra
// programs use, over the cdata runtime: ffi.new, cdef, C, string, cast,
// typeof, sizeof, offsetof, istype, copy, fill, load, abi, os and arch.
// C declarations and type strings are read by stdlib/cimport (the same
// front end as includec), and C types become Terra types: ffi.typeof
// returns a Terra type, which every ffi and terralib function accepts.
package terralib

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unsafe"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/runtime/cdata"
	"terrac/stdlib/cimport"
)

// ffiState is what ffi.cdef has declared so far.
type ffiState struct {
	cdefs   strings.Builder        // every cdef's source, in order
	names   *lua.LTable            // ffi.C's functions, variables and enum constants
	records cRecords               // structs and unions, by tag or typedef name
	ctypes  map[string]*types.Type // parsed type strings
}

// ffiPrelude declares the types LuaJIT knows without a cdef.
const ffiPrelude = "#include <stddef.h>\n#include <stdint.h>\n#include <stdbool.h>\n#include <stdarg.h>\n"

func (rt *Runtime) initFFI(osName, arch string) *lua.LTable {
	L := rt.L
	rt.ffi.names = L.NewTable()
	rt.ffi.ctypes = map[string]*types.Type{}
	ffi := L.NewTable()
	ffi.RawSetString("os", lua.LString(osName))
	ffi.RawSetString("arch", lua.LString(arch))
	cns := L.NewTable()
	cmeta := L.NewTable()
	cmeta.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		name := L.CheckString(2)
		v := rt.ffi.names.RawGetString(name)
		if v == lua.LNil {
			L.RaiseError("missing declaration for symbol '%s'", name)
		}
		L.Push(v)
		return 1
	}))
	L.SetMetatable(cns, cmeta)
	ffi.RawSetString("C", cns)
	L.SetFuncs(ffi, map[string]lua.LGFunction{
		"cdef":     rt.ffiCdef,
		"new":      rt.ffiNew,
		"cast":     rt.ffiCast,
		"typeof":   rt.ffiTypeof,
		"sizeof":   rt.ffiSizeof,
		"alignof":  rt.ffiAlignof,
		"offsetof": rt.ffiOffsetof,
		"istype":   rt.ffiIstype,
		"string":   rt.ffiString,
		"copy":     rt.ffiCopy,
		"fill":     rt.ffiFill,
		"abi":      ffiAbi,
		"load": func(L *lua.LState) int {
			name := L.CheckString(1)
			path := name
			if !strings.Contains(name, "/") && !strings.Contains(name, ".so") {
				path = "lib" + name + ".so"
			}
			if err := rt.Engine.LoadLibrary(path); err != nil {
				L.RaiseError("%s", err.Error())
			}
			// Declarations come from cdef; the library's symbols are
			// visible to them once loaded.
			L.Push(cns)
			return 1
		},
	})
	meta := L.NewTable()
	meta.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		L.RaiseError("ffi.%s is not supported by terrac (it has ffi.new, cdef, C, string, cast, typeof, sizeof, alignof, offsetof, istype, copy, fill, load, abi, os and arch)", L.CheckString(2))
		return 0
	}))
	L.SetMetatable(ffi, meta)
	return ffi
}

// ffiCdef is ffi.cdef(decls): the declarations join everything declared
// before, and their functions, variables and enum constants appear in
// ffi.C.
func (rt *Runtime) ffiCdef(L *lua.LState) int {
	src := L.CheckString(1)
	st := &rt.ffi
	code := ffiPrelude + st.cdefs.String() + "#line 1 \"<cdef>\"\n" + src + "\n"
	h, err := cimport.Import(code, nil, importOptions)
	if err != nil {
		L.RaiseError("%s", err.Error())
	}
	st.cdefs.WriteString("#line 1 \"<cdef>\"\n" + src + "\n")
	m := newCmapper(rt, &st.records)
	set := func(name string, v lua.LValue) {
		if st.names.RawGetString(name) == lua.LNil {
			st.names.RawSetString(name, v)
		}
	}
	for _, name := range sortedKeys(h.Funcs) {
		if st.names.RawGetString(name) != lua.LNil {
			continue
		}
		ft, err := m.funcType(h.Funcs[name])
		if err != nil {
			continue // LuaJIT would refuse only at the call
		}
		set(name, rt.FunctionValue(tree.NewExtern(name, ft)))
	}
	for _, name := range sortedKeys(h.Vars) {
		if st.names.RawGetString(name) != lua.LNil {
			continue
		}
		if v, err := m.cglobal(name, h.Vars[name]); err == nil {
			set(name, v)
		}
	}
	for _, name := range sortedKeys(h.Enums) {
		set(name, lua.LNumber(h.Enums[name]))
	}
	return 0
}

var (
	ffiAlignedRE = regexp.MustCompile(`__attribute__\s*\(\(\s*(?:__)?aligned(?:__)?\s*\(\s*(\d+)\s*\)\s*\)\)`)
	ffiVLA       = regexp.MustCompile(`\[\s*\?\s*\]`)
)

// ffiArgType reads the C type argument at n: a Terra type, a cdata (its
// type) or a C type string. A string may hold one variable dimension
// "[?]" (the count argument at n+1 fixes it; vla reports it) and an
// aligned attribute, returned as align.
func (rt *Runtime) ffiArgType(L *lua.LState, n int) (t *types.Type, align int64, vla bool) {
	lv := L.Get(n)
	if t := rt.AsType(lv); t != nil {
		return t, 0, false
	}
	if v, ok := cdata.Is(lv); ok {
		return v.T, 0, false
	}
	s, ok := lv.(lua.LString)
	if !ok {
		L.ArgError(n, "C type expected, got "+lua.TypeName(lv))
	}
	decl := string(s)
	if m := ffiAlignedRE.FindStringSubmatch(decl); m != nil {
		align, _ = strconv.ParseInt(m[1], 10, 64)
		decl = ffiAlignedRE.ReplaceAllString(decl, "")
	}
	if ffiVLA.MatchString(decl) {
		vla = true
		count, ok := intArg(L.Get(n + 1))
		if !ok || count < 0 {
			L.ArgError(n+1, "number of elements expected for a variable-length array")
		}
		decl = ffiVLA.ReplaceAllLiteralString(decl, "["+strconv.FormatInt(count, 10)+"]")
	}
	decl = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(decl), "&"))
	t, err := rt.ffiParseType(decl)
	if err != nil {
		L.ArgError(n, err.Error())
	}
	return t, align, vla
}

// intArg reads a Lua number or integer cdata.
func intArg(lv lua.LValue) (int64, bool) {
	if n, ok := lv.(lua.LNumber); ok {
		return int64(n), true
	}
	if op, ok := cdata.IntOperand(lv); ok {
		return int64(op.Bits), true
	}
	return 0, false
}

// ffiParseType turns a C type name into a Terra type: simple ones
// directly, others through a typedef read by the C front end together
// with the cdefs so far.
func (rt *Runtime) ffiParseType(decl string) (*types.Type, error) {
	st := &rt.ffi
	if t := st.ctypes[decl]; t != nil {
		return t, nil
	}
	t, ok := simpleCType(decl)
	if !ok {
		const name = "__terrac_ffi_type"
		code := ffiPrelude + st.cdefs.String() + "#line 1 \"<ctype>\"\ntypedef " + declareAs(decl, name) + ";\n"
		h, err := cimport.Import(code, nil, importOptions)
		if err != nil {
			return nil, fmt.Errorf("invalid C type '%s': %v", decl, err)
		}
		c := h.Typedefs[name]
		if c == nil {
			return nil, fmt.Errorf("invalid C type '%s'", decl)
		}
		m := newCmapper(rt, &st.records)
		if t, err = m.typ(c); err != nil {
			return nil, fmt.Errorf("C type '%s': %v", decl, err)
		}
	}
	st.ctypes[decl] = t
	return t, nil
}

var simpleCTypes = map[string]*types.Type{
	"void": types.OpaqueT, "bool": types.Boolean, "_Bool": types.Boolean,
	"char": types.Int8, "signed char": types.Int8, "unsigned char": types.Uint8,
	"short": types.Int16, "short int": types.Int16, "signed short": types.Int16,
	"unsigned short": types.Uint16, "unsigned short int": types.Uint16,
	"int": types.Int32, "signed": types.Int32, "signed int": types.Int32,
	"unsigned": types.Uint32, "unsigned int": types.Uint32,
	"long": types.Int64, "long int": types.Int64, "long long": types.Int64, "long long int": types.Int64,
	"unsigned long": types.Uint64, "unsigned long int": types.Uint64,
	"unsigned long long": types.Uint64, "unsigned long long int": types.Uint64,
	"float": types.Float32, "double": types.Float64,
	"int8_t": types.Int8, "int16_t": types.Int16, "int32_t": types.Int32, "int64_t": types.Int64,
	"uint8_t": types.Uint8, "uint16_t": types.Uint16, "uint32_t": types.Uint32, "uint64_t": types.Uint64,
	"size_t": types.Uint64, "uintptr_t": types.Uint64, "ssize_t": types.Int64,
	"ptrdiff_t": types.Int64, "intptr_t": types.Int64,
}

// simpleCType reads "BASE *…[N]…" for a builtin BASE (qualifiers are
// ignored); ok is false for anything else.
func simpleCType(decl string) (*types.Type, bool) {
	if types.PointerTo(types.Int8).Size() != 8 {
		return nil, false // the table above is for 64-bit hosts
	}
	s := strings.NewReplacer("*", " * ", "[", " [ ", "]", " ] ").Replace(decl)
	var base []string
	var t *types.Type
	var dims []int
	f := strings.Fields(s)
	for i := 0; i < len(f); i++ {
		switch w := f[i]; {
		case w == "const" || w == "volatile" || w == "restrict":
		case w == "*":
			if len(dims) > 0 {
				return nil, false
			}
			if t == nil {
				if t = simpleCTypes[strings.Join(base, " ")]; t == nil {
					return nil, false
				}
			}
			t = types.PointerTo(t)
		case w == "[":
			if i+2 >= len(f) || f[i+2] != "]" {
				return nil, false
			}
			n, err := strconv.Atoi(f[i+1])
			if err != nil || n < 0 {
				return nil, false
			}
			dims = append(dims, n)
			i += 2
		default:
			if t != nil || len(dims) > 0 {
				return nil, false
			}
			base = append(base, w)
		}
	}
	if t == nil {
		if t = simpleCTypes[strings.Join(base, " ")]; t == nil {
			return nil, false
		}
	}
	for i := len(dims) - 1; i >= 0; i-- {
		if t.Kind == types.Opaque {
			return nil, false
		}
		t = types.ArrayOf(t, dims[i])
	}
	return t, true
}

// declareAs puts name where a C abstract declarator omits it: inside the
// first grouping parenthesis "(*…" after its stars and qualifiers, else
// before the first array dimension, else at the end.
func declareAs(decl, name string) string {
	for i := 0; i < len(decl); i++ {
		if decl[i] != '(' {
			continue
		}
		j := i + 1
		for j < len(decl) && decl[j] == ' ' {
			j++
		}
		if j >= len(decl) || decl[j] != '*' {
			continue
		}
		for j < len(decl) && !strings.ContainsRune("[)(", rune(decl[j])) {
			j++
		}
		return decl[:j] + " " + name + decl[j:]
	}
	if i := strings.IndexByte(decl, '['); i >= 0 {
		return decl[:i] + " " + name + decl[i:]
	}
	return decl + " " + name
}

// ffiNew is ffi.new(ct [, count] [, init…]): a zeroed cdata, initialized
// from one value (a table, a cdata, or a scalar that fills an array) or
// from several (elements or fields in order).
func (rt *Runtime) ffiNew(L *lua.LState) int {
	t, align, vla := rt.ffiArgType(L, 1)
	first := 2
	if vla {
		first = 3
	}
	if err := t.Complete(); err != nil {
		L.RaiseError("%s", err.Error())
	}
	if t.Kind == types.Opaque || t.Kind == types.Func || rt.ffi.records.opaque[t] || rt.cRecords.opaque[t] {
		L.RaiseError("cannot create a value of incomplete type '%s'", t)
	}
	v := cdata.NewAligned(t, align)
	var err error
	switch n := L.GetTop() - first + 1; {
	case n <= 0:
	case n == 1:
		init := L.Get(first)
		if _, isTable := init.(*lua.LTable); t.Kind == types.Array && !isTable {
			if cv, ok := cdata.Is(init); !ok || cv.T != t {
				err = fillArray(rt, v, init)
				break
			}
		}
		err = cdata.Store(rt, v.Ptr, t, init, nil)
	default:
		tb := L.NewTable()
		for i := first; i <= L.GetTop(); i++ {
			tb.Append(L.Get(i))
		}
		err = cdata.Store(rt, v.Ptr, t, tb, nil)
	}
	if err != nil {
		L.RaiseError("%s", err.Error())
	}
	L.Push(rt.Wrap(v))
	return 1
}

// fillArray stores init in every element of the array v, as LuaJIT does
// for a single scalar initializer.
func fillArray(rt *Runtime, v *cdata.Value, init lua.LValue) error {
	et := v.T.Elem
	for i := 0; i < v.T.N; i++ {
		if err := cdata.Store(rt, unsafe.Add(v.Ptr, int64(i)*et.Size()), et, init, nil); err != nil {
			return err
		}
	}
	return nil
}

// ffiCast is ffi.cast(ct, v), terralib.cast with a C type.
func (rt *Runtime) ffiCast(L *lua.LState) int {
	t, _, _ := rt.ffiArgType(L, 1)
	L.Replace(1, rt.TypeValue(t))
	return rt.luaCast(L)
}

// ffiTypeof is ffi.typeof(ct): the Terra type of a C type or cdata.
func (rt *Runtime) ffiTypeof(L *lua.LState) int {
	t, _, _ := rt.ffiArgType(L, 1)
	L.Push(rt.TypeValue(t))
	return 1
}

// ffiSizeof is ffi.sizeof(ct [, count]); nil for a type without a size.
func (rt *Runtime) ffiSizeof(L *lua.LState) int {
	t, _, _ := rt.ffiArgType(L, 1)
	if t.Kind == types.Opaque || t.Kind == types.Func || t.Complete() != nil {
		L.Push(lua.LNil)
		return 1
	}
	L.Push(lua.LNumber(t.Size()))
	return 1
}

// ffiAlignof is ffi.alignof(ct).
func (rt *Runtime) ffiAlignof(L *lua.LState) int {
	t, align, _ := rt.ffiArgType(L, 1)
	if t.Kind == types.Opaque || t.Kind == types.Func || t.Complete() != nil {
		L.Push(lua.LNil)
		return 1
	}
	L.Push(lua.LNumber(max(align, t.Align())))
	return 1
}

// ffiOffsetof is ffi.offsetof(ct, field); nil for a missing field.
func (rt *Runtime) ffiOffsetof(L *lua.LState) int {
	t, _, _ := rt.ffiArgType(L, 1)
	name := L.CheckString(2)
	if t.Kind != types.Struct {
		L.ArgError(1, "struct type expected")
	}
	if _, err := t.Layout(); err != nil {
		L.RaiseError("%s", err.Error())
	}
	f, ok := t.FieldByName(name)
	if !ok {
		L.Push(lua.LNil)
		return 1
	}
	L.Push(lua.LNumber(f.Offset))
	return 1
}

// ffiIstype is ffi.istype(ct, obj).
func (rt *Runtime) ffiIstype(L *lua.LState) int {
	t, _, _ := rt.ffiArgType(L, 1)
	v, ok := cdata.Is(L.Get(2))
	L.Push(lua.LBool(ok && v.T == t))
	return 1
}

// ffiAddress is the memory a cdata argument denotes: what a pointer
// points at, or an array's or struct's own storage.
func ffiAddress(L *lua.LState, n int) unsafe.Pointer {
	lv := L.Get(n)
	if u, ok := lv.(*lua.LUserData); ok {
		if l, ok := u.Value.(cdata.Light); ok {
			return *(*unsafe.Pointer)(unsafe.Pointer(&l)) // an address from native code
		}
	}
	v, ok := cdata.Is(lv)
	if !ok {
		L.ArgError(n, "cannot convert '"+lua.TypeName(lv)+"' to a pointer")
	}
	switch v.T.Kind {
	case types.Pointer:
		return v.Pointee()
	case types.Array, types.Struct:
		return v.Ptr
	}
	L.ArgError(n, "cannot convert '"+v.T.String()+"' to a pointer")
	return nil
}

// ffiString is ffi.string(ptr [, len]): the bytes up to the first NUL,
// or exactly len bytes.
func (rt *Runtime) ffiString(L *lua.LState) int {
	if s, ok := L.Get(1).(lua.LString); ok && L.GetTop() < 2 {
		L.Push(s)
		return 1
	}
	p := ffiAddress(L, 1)
	if L.GetTop() >= 2 && L.Get(2) != lua.LNil {
		n, ok := intArg(L.Get(2))
		if !ok || n < 0 {
			L.ArgError(2, "length expected")
		}
		if n > 0 && p == nil {
			L.ArgError(1, "NULL pointer")
		}
		L.Push(lua.LString(unsafe.Slice((*byte)(p), n)))
		return 1
	}
	if p == nil {
		L.ArgError(1, "cannot convert 'NULL' to a string")
	}
	L.Push(lua.LString(cdata.GoString(p)))
	return 1
}

// ffiCopy is ffi.copy(dst, src, len) and ffi.copy(dst, str), which also
// copies the terminating NUL.
func (rt *Runtime) ffiCopy(L *lua.LState) int {
	dst := ffiAddress(L, 1)
	var src []byte
	if s, ok := L.Get(2).(lua.LString); ok {
		src = []byte(string(s))
		if L.GetTop() < 3 {
			src = append(src, 0)
		}
	}
	if L.GetTop() >= 3 {
		n, ok := intArg(L.Get(3))
		if !ok || n < 0 {
			L.ArgError(3, "length expected")
		}
		if src == nil {
			src = unsafe.Slice((*byte)(ffiAddress(L, 2)), n)
		} else if int64(len(src)) > n {
			src = src[:n]
		}
	} else if src == nil {
		L.ArgError(3, "length expected")
	}
	copy(unsafe.Slice((*byte)(dst), len(src)), src)
	return 0
}

// ffiFill is ffi.fill(dst, len [, byte]).
func (rt *Runtime) ffiFill(L *lua.LState) int {
	dst := ffiAddress(L, 1)
	n, ok := intArg(L.Get(2))
	if !ok || n < 0 {
		L.ArgError(2, "length expected")
	}
	c := byte(L.OptInt(3, 0))
	b := unsafe.Slice((*byte)(dst), n)
	for i := range b {
		b[i] = c
	}
	return 0
}

// ffiAbi is ffi.abi(param) for this 64-bit little-endian host.
func ffiAbi(L *lua.LState) int {
	p := L.CheckString(1)
	one := uint16(1)
	le := *(*byte)(unsafe.Pointer(&one)) == 1
	wide := unsafe.Sizeof(uintptr(0)) == 8
	L.Push(lua.LBool(map[string]bool{"64bit": wide, "32bit": !wide, "le": le, "be": !le, "fpu": true}[p]))
	return 1
}
