// This file folds conversions of numeric constants. Generated code
// converts many literals (an int literal stored into a double field, an
// index widened to i64); emitting each as an instruction bloats the
// module that LLVM then parses and optimizes, and pushes small functions
// past the JIT's cheap tier, all to compute what is known here.
package lower

import (
	"math"

	"github.com/llir/llvm/ir/constant"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/types"
)

// foldNumber converts the constant v from primitive type from to to
// (register type lt), or returns nil when v is not a plain numeric
// constant or the result is not exactly what LLVM would compute.
func foldNumber(v value.Value, from, to *types.Type, lt lltypes.Type) constant.Constant {
	if from.Bits > 64 || to.Bits > 64 {
		return nil
	}
	switch c := v.(type) {
	case *constant.Int:
		if !c.X.IsInt64() && !c.X.IsUint64() {
			return nil
		}
		var raw uint64
		if c.X.IsInt64() {
			raw = uint64(c.X.Int64())
		} else {
			raw = c.X.Uint64()
		}
		return foldInt(raw, from, to, lt)
	case *constant.Float:
		f, _ := c.X.Float64()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil
		}
		return foldFloat(f, to, lt)
	}
	return nil
}

// foldInt converts an integer (or bool) constant given by its bits.
func foldInt(raw uint64, from, to *types.Type, lt lltypes.Type) constant.Constant {
	bits := uint64(from.Bits)
	if from.Kind == types.Bool {
		bits = 1
	}
	if bits < 64 {
		raw &= 1<<bits - 1
	}
	signed := from.Kind == types.Int && from.Signed
	if signed && bits < 64 && raw&(1<<(bits-1)) != 0 {
		raw |= ^uint64(0) << bits // sign-extend
	}
	switch to.Kind {
	case types.Bool:
		return constant.NewBool(raw != 0)
	case types.Int:
		it, ok := lt.(*lltypes.IntType)
		if !ok {
			return nil
		}
		return constInt(it, raw)
	case types.Float:
		ft, ok := lt.(*lltypes.FloatType)
		if !ok {
			return nil
		}
		var f float64
		switch {
		case to.Bits == 32 && signed:
			f = float64(float32(int64(raw)))
		case to.Bits == 32:
			f = float64(float32(raw))
		case signed:
			f = float64(int64(raw))
		default:
			f = float64(raw)
		}
		return constant.NewFloat(ft, f)
	}
	return nil
}

// foldFloat converts a finite floating-point constant.
func foldFloat(f float64, to *types.Type, lt lltypes.Type) constant.Constant {
	switch to.Kind {
	case types.Bool:
		return constant.NewBool(f != 0)
	case types.Float:
		ft, ok := lt.(*lltypes.FloatType)
		if !ok {
			return nil
		}
		if to.Bits == 32 {
			f = float64(float32(f))
			if math.IsInf(f, 0) {
				return nil
			}
		}
		return constant.NewFloat(ft, f)
	case types.Int:
		it, ok := lt.(*lltypes.IntType)
		if !ok {
			return nil
		}
		t := math.Trunc(f)
		n := to.Bits
		if to.Signed {
			if t < -math.Ldexp(1, n-1) || t >= math.Ldexp(1, n-1) {
				return nil // out of range: LLVM gives poison
			}
			return constInt(it, uint64(int64(t)))
		}
		if t < 0 || t >= math.Ldexp(1, n) {
			return nil
		}
		return constInt(it, uint64(t))
	}
	return nil
}
