// This file implements calls: direct calls by link name, indirect calls
// through function pointers, variadic calls, intrinsics, and the
// caller's side of the System V convention.
package lower

import (
	"strings"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/enum"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

func (b *builder) createCallExpr(e *tree.Call) value.Value {
	var callee value.Value
	var fnType *types.Type
	switch fn := e.Fn.(type) {
	case *tree.FuncRef:
		callee = b.getFunction(fn.Fn)
		fnType = fn.Fn.Type
		if b.declareLLVMIntrinsic(fn.Fn.LinkName, fnType) != nil {
			// An intrinsic takes its operands as they are (see
			// declareLLVMIntrinsic).
			args := make([]value.Value, len(e.Args))
			for i, a := range e.Args {
				args[i] = b.createExpr(a)
			}
			call := b.cur.NewCall(callee, args...)
			if r := fnType.Result; r == nil || r.IsUnit() {
				return unitValue()
			}
			return call
		}
	default:
		ft := tree.TypeOf(e.Fn)
		switch {
		case ft.Kind == types.Pointer && ft.Elem.Kind == types.Func:
			fnType = ft.Elem
		case ft.Kind == types.Func:
			fnType = ft
		default:
			failf("call of a %s", ft)
		}
		callee = b.createExpr(e.Fn)
	}
	args := make([]value.Value, len(e.Args))
	argTypes := make([]*types.Type, len(e.Args))
	for i, a := range e.Args {
		args[i] = b.createExpr(a)
		argTypes[i] = tree.TypeOf(a)
	}
	return b.createCall(fnType, callee, args, argTypes)
}

// createCall calls callee, of Terra function type fnType, with register
// values args, applying the System V convention; it returns the result
// in register form (the unit value for {}). argTypes gives the types of
// all arguments, variadic ones included.
func (b *builder) createCall(fnType *types.Type, callee value.Value, args []value.Value, argTypes []*types.Type) value.Value {
	sig := b.getSignature(fnType)
	if len(args) > len(fnType.Params) {
		if !fnType.Variadic {
			failf("too many arguments in call to %s", fnType)
		}
		// Classify the extra arguments as clang does for `...`.
		sig = b.classifySignature(argTypes, fnType.Result, false)
	} else if len(args) < len(fnType.Params) {
		failf("too few arguments in call to %s", fnType)
	}
	var llArgs []value.Value
	var sret value.Value
	if sig.ret.kind == argMemory {
		sret = b.createAlloca(fnType.Result, "")
		llArgs = append(llArgs, ir.NewArg(sret, ir.SRet{Typ: b.getLLVMType(fnType.Result)}))
	}
	for i, a := range sig.params {
		v := args[i]
		switch a.kind {
		case argDirect:
			if attrs := a.ext(); attrs != nil {
				llArgs = append(llArgs, ir.NewArg(v, attrs...))
			} else {
				llArgs = append(llArgs, v)
			}
		case argCoerce:
			llArgs = append(llArgs, b.createCoerceIn(a, v)...)
		case argMemory:
			if a.indirect {
				// The callee owns (and may change) the copy.
				llArgs = append(llArgs, b.createTemp(a.t, v))
				continue
			}
			tmp := b.aggAddr(a.t, v) // byval: LLVM copies it for the callee
			if !plainAddr(tmp) {
				tmp = b.createTemp(a.t, v)
			}
			llArgs = append(llArgs, ir.NewArg(tmp, ir.Byval{Typ: b.getLLVMType(a.t)}, ir.Align(max(8, a.t.Align()))))
		}
	}
	call := b.cur.NewCall(callee, llArgs...)
	if f, ok := callee.(*ir.Func); ok {
		call.CallingConv = f.CallingConv
	}
	for _, a := range sig.ret.ext() {
		if a == enum.ParamAttrZeroExt {
			call.ReturnAttrs = append(call.ReturnAttrs, enum.ReturnAttrZeroExt)
		} else {
			call.ReturnAttrs = append(call.ReturnAttrs, enum.ReturnAttrSignExt)
		}
	}
	switch sig.ret.kind {
	case argDirect:
		return call
	case argCoerce:
		tmp := b.createCoerceTemp(sig.ret)
		b.cur.NewStore(call, b.cur.NewBitCast(tmp, lltypes.NewPointer(sig.ret.coerce)))
		return b.createLoad(fnType.Result, b.cur.NewBitCast(tmp, lltypes.NewPointer(b.getLLVMType(fnType.Result))))
	case argMemory:
		if inMemory(fnType.Result) {
			return &memValue{ptr: sret, typ: b.getLLVMType(fnType.Result)} // a fresh slot
		}
		return b.createLoad(fnType.Result, sret)
	}
	if rt := fnType.Result; rt != nil && !rt.IsUnit() {
		return zeroValue(b.getValueType(rt)) // an empty aggregate: nothing was passed
	}
	return unitValue()
}

// createCoerceIn splits an aggregate value into its eightbytes.
func (b *builder) createCoerceIn(a abiArg, v value.Value) []value.Value {
	tmp := b.createCoerceTemp(a)
	b.createStore(a.t, v, b.cur.NewBitCast(tmp, lltypes.NewPointer(b.getLLVMType(a.t))))
	var out []value.Value
	for j, part := range a.parts {
		out = append(out, b.cur.NewLoad(part, b.coercePart(a, tmp, j)))
	}
	return out
}

// createCoerceOut turns an aggregate value into the coerced return type.
func (b *builder) createCoerceOut(a abiArg, v value.Value) value.Value {
	tmp := b.createCoerceTemp(a)
	b.createStore(a.t, v, b.cur.NewBitCast(tmp, lltypes.NewPointer(b.getLLVMType(a.t))))
	return b.cur.NewLoad(a.coerce, b.cur.NewBitCast(tmp, lltypes.NewPointer(a.coerce)))
}

// createIntrinsic calls an LLVM intrinsic (or any external symbol) by
// name with the argument and result types of the node.
func (b *builder) createIntrinsic(e *tree.Intrinsic) value.Value {
	if e.Name == "" {
		failf("intrinsic without a name")
	}
	params := make([]*types.Type, len(e.Args))
	args := make([]value.Value, len(e.Args))
	for i, a := range e.Args {
		params[i] = tree.TypeOf(a)
		args[i] = b.createExpr(a)
	}
	fnType := types.FuncOf(params, e.Type, false)
	if f := b.declareLLVMIntrinsic(e.Name, fnType); f != nil {
		call := b.cur.NewCall(f, args...)
		if e.Type == nil || e.Type.IsUnit() {
			return unitValue()
		}
		return call
	}
	return b.createCall(fnType, b.declare(e.Name, fnType), args, params)
}

// declareLLVMIntrinsic declares an llvm.* intrinsic over scalars and
// vectors with the register types themselves: intrinsics have no calling
// convention, so C's coercions (a 4-byte vector passed as i32) would give
// them the wrong type. It returns nil for other functions.
func (m *Module) declareLLVMIntrinsic(name string, fnType *types.Type) *ir.Func {
	if !strings.HasPrefix(name, "llvm.") {
		return nil
	}
	plain := func(t *types.Type) bool { return t.IsPrimitive() || t.Kind == types.Vector || t.Kind == types.Pointer }
	for _, p := range fnType.Params {
		if !plain(p) {
			return nil
		}
	}
	var ret lltypes.Type = lltypes.Void
	if r := fnType.Result; r != nil && !r.IsUnit() {
		if !plain(r) {
			return nil
		}
		ret = m.getValueType(r)
	}
	if f := m.byName[name]; f != nil {
		return f
	}
	params := make([]*ir.Param, len(fnType.Params))
	for i, p := range fnType.Params {
		params[i] = ir.NewParam("", m.getValueType(p))
	}
	f := m.mod.NewFunc(name, ret, params...)
	m.byName[name] = f
	return f
}
