// This file implements calls from Lua into native code through a
// per-function wrapper `void wrap(i8* args, i8* ret)`. A Plan caches
// everything about a signature (buffer layout, sizes, parameter names)
// and reuses its buffers, so the call path does not allocate.
package cdata

import (
	"fmt"
	"unsafe"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
	"terrac/runtime/jit"
)

// Plan is how to call one function (or function pointer type) from Lua.
type Plan struct {
	Type     *types.Type
	Name     string   // for error messages
	Params   []string // parameter names, "" when unknown
	indirect bool     // the buffer starts with the function pointer
	offsets  []int64
	argBuf   []uint64
	retBuf   []uint64
	busy     bool // the buffers are in use by an outer (re-entrant) call
}

// NewPlan lays out calls of fnType. indirect plans are for the
// wrappers of lower.AddIndirectWrapper (function pointers).
func NewPlan(fnType *types.Type, name string, params []string, indirect bool) (*Plan, error) {
	all := fnType.Params
	if indirect {
		all = append([]*types.Type{types.PointerTo(fnType)}, all...)
	}
	for _, p := range all {
		if err := p.Complete(); err != nil {
			return nil, err
		}
	}
	if err := fnType.Result.Complete(); err != nil {
		return nil, err
	}
	l, err := types.TupleOf(all...).Layout()
	if err != nil {
		return nil, err
	}
	pl := &Plan{Type: fnType, Name: name, Params: params, indirect: indirect}
	for _, f := range l.Fields {
		pl.offsets = append(pl.offsets, f.Offset)
	}
	pl.argBuf = make([]uint64, (l.Size+7)/8+1)
	pl.retBuf = make([]uint64, (fnType.Result.Size()+7)/8+1)
	return pl, nil
}

// ArgError is a Lua argument that does not convert to its parameter.
type ArgError struct {
	Func  string
	N     int    // 1-based
	Param string // "" if unknown
	Err   error
}

func (e *ArgError) Error() string {
	if e.Param != "" {
		return fmt.Sprintf("bad argument #%d '%s' to '%s': %v", e.N, e.Param, e.Func, e.Err)
	}
	return fmt.Sprintf("bad argument #%d to '%s': %v", e.N, e.Func, e.Err)
}

func (e *ArgError) Unwrap() error { return e.Err }

// Call converts the Lua values on L's stack from index first to the top
// into the parameters, calls wrapper (for an indirect plan, with fnptr
// as the function), and converts the result: nil for unit, a tuple as
// one cdata (Terra's rule). A native fault or a failing callback comes
// back as the error.
func (pl *Plan) Call(b Bridge, L *lua.LState, first int, wrapper, fnptr uintptr) (lua.LValue, error) {
	params := pl.Type.Params
	n := L.GetTop() - first + 1
	if n < 0 {
		n = 0
	}
	if n != len(params) && !(pl.Type.Variadic && n > len(params)) {
		return nil, fmt.Errorf("%s: expected %d arguments but got %d", pl.Name, len(params), n)
	}
	argBuf, retBuf := pl.argBuf, pl.retBuf
	if pl.busy {
		// Re-entrant call (Lua → Terra → Lua → this function again).
		argBuf = make([]uint64, len(pl.argBuf))
		retBuf = make([]uint64, len(pl.retBuf))
	} else {
		pl.busy = true
		defer func() { pl.busy = false }()
		clear(argBuf)
	}
	base := unsafe.Pointer(&argBuf[0])
	var keep []unsafe.Pointer
	offs := pl.offsets
	if pl.indirect {
		*(*uintptr)(base) = fnptr
		offs = offs[1:]
	}
	for i, t := range params {
		lv := L.Get(first + i)
		// The hot cases first: plain numbers to int32/int64/double.
		if num, ok := lv.(lua.LNumber); ok {
			p := unsafe.Add(base, offs[i])
			switch {
			case t == types.Float64:
				*(*float64)(p) = float64(num)
				continue
			case t.Kind == types.Int && (t.Bits == 32 || t.Bits == 64):
				storeIntBits(p, t, floatToBits(t, float64(num)))
				continue
			}
		}
		if err := Store(b, unsafe.Add(base, offs[i]), t, lv, &keep); err != nil {
			freeAll(keep)
			name := ""
			if i < len(pl.Params) {
				name = pl.Params[i]
			}
			return nil, &ArgError{Func: pl.Name, N: i + 1, Param: name, Err: err}
		}
	}
	err := jit.Call(wrapper, base, unsafe.Pointer(&retBuf[0]))
	freeAll(keep)
	if err != nil {
		return nil, err
	}
	res := pl.Type.Result
	if res.IsUnit() {
		return lua.LNil, nil
	}
	return Load(b, unsafe.Pointer(&retBuf[0]), res), nil
}

func freeAll(ps []unsafe.Pointer) {
	for _, p := range ps {
		Free(p)
	}
}

// Call is the one-off form of Plan.Call for callers that hold the
// arguments in a slice (no plan caching, no function pointer): it lays
// out fnType's parameters, calls wrapper and returns the result (none
// for unit).
func Call(b Bridge, wrapper uintptr, fnType *types.Type, name string, args []lua.LValue) ([]lua.LValue, error) {
	params := fnType.Params
	if len(args) != len(params) && !(fnType.Variadic && len(args) > len(params)) {
		return nil, fmt.Errorf("%s: expected %d arguments but got %d", name, len(params), len(args))
	}
	l, err := types.TupleOf(params...).Layout()
	if err != nil {
		return nil, err
	}
	argBuf := make([]uint64, (l.Size+7)/8+1)
	retBuf := make([]uint64, (fnType.Result.Size()+7)/8+1)
	base := unsafe.Pointer(&argBuf[0])
	var keep []unsafe.Pointer
	defer func() { freeAll(keep) }()
	for i, f := range l.Fields {
		if err := Store(b, unsafe.Add(base, f.Offset), f.Type, args[i], &keep); err != nil {
			return nil, &ArgError{Func: name, N: i + 1, Err: err}
		}
	}
	if err := jit.Call(wrapper, base, unsafe.Pointer(&retBuf[0])); err != nil {
		return nil, err
	}
	if fnType.Result.IsUnit() {
		return nil, nil
	}
	return []lua.LValue{Load(b, unsafe.Pointer(&retBuf[0]), fnType.Result)}, nil
}
