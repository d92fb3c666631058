// This file re-evaluates enumeration constants whose initializer shifts by
// the width of its type or more, which C leaves undefined. cc/v4 computes
// such a shift in 64 bits (1 << 44 truncated to int is 0); clang, whose
// values Terra exports, clamps the shift count to width-1 instead (1 << 44
// is INT_MIN), and a negative count shifts the other way. Only the
// integer operators are recomputed; any other subexpression keeps cc's
// value.

package cimport

import "modernc.org/cc/v4"

// enumValue is the value of the enumeration constant e, as clang has it.
func enumValue(e *cc.Enumerator) int64 {
	if e.ConstantExpression != nil {
		if v, changed, ok := clangInt(e.ConstantExpression); ok && changed {
			return v
		}
	}
	return intValue(e.Value())
}

// clangInt evaluates the integer expression n; changed reports that some
// shift in it was out of range, so the result differs from cc's.
func clangInt(n cc.ExpressionNode) (v int64, changed, ok bool) {
	if n == nil || n.Type() == nil || !cc.IsIntegerType(n.Type()) {
		return 0, false, false
	}
	own := func() (int64, bool, bool) {
		switch n.Value().(type) {
		case cc.Int64Value, cc.UInt64Value:
			return intValue(n.Value()), false, true
		}
		return 0, false, false
	}
	bin := func(a, b cc.ExpressionNode, op func(x, y uint64, signed bool) uint64) (int64, bool, bool) {
		x, cx, okx := clangInt(a)
		y, cy, oky := clangInt(b)
		if !okx || !oky {
			return own()
		}
		if !cx && !cy {
			return own()
		}
		// Operands are converted to the result type first (the usual
		// arithmetic conversions); shifts keep each operand's type.
		if _, isShift := n.(*cc.ShiftExpression); !isShift {
			x, y = fit(x, n.Type()), fit(y, n.Type())
		}
		return fit(int64(op(uint64(x), uint64(y), cc.IsSignedInteger(n.Type()))), n.Type()), true, true
	}
	switch x := n.(type) {
	case *cc.ConstantExpression:
		return clangInt(x.ConditionalExpression)
	case *cc.PrimaryExpression:
		if x.Case == cc.PrimaryExpressionExpr {
			if v, c, ok := clangInt(x.ExpressionList); ok && c {
				return fit(v, n.Type()), true, true
			}
		}
	case *cc.ExpressionList:
		if x.ExpressionList == nil {
			return clangInt(x.AssignmentExpression)
		}
	case *cc.ShiftExpression:
		if x.Case != cc.ShiftExpressionLsh && x.Case != cc.ShiftExpressionRsh {
			break
		}
		a, ca, oka := clangInt(x.ShiftExpression)
		b, cb, okb := clangInt(x.AdditiveExpression)
		if !oka || !okb {
			return own()
		}
		width := n.Type().Size() * 8
		left := x.Case == cc.ShiftExpressionLsh
		if b < 0 && cc.IsSignedInteger(x.AdditiveExpression.Type()) {
			left, b = !left, -b
		}
		out := uint64(b) >= uint64(width)
		if !out && !ca && !cb {
			return own()
		}
		if out {
			b = width - 1
		}
		a = fit(a, n.Type())
		if left {
			return fit(int64(uint64(a)<<uint(b)), n.Type()), true, true
		}
		if cc.IsSignedInteger(n.Type()) {
			return fit(a>>uint(b), n.Type()), true, true
		}
		return fit(int64(uint64(a)>>uint(b)), n.Type()), true, true
	case *cc.AdditiveExpression:
		switch x.Case {
		case cc.AdditiveExpressionAdd:
			return bin(x.AdditiveExpression, x.MultiplicativeExpression, func(a, b uint64, _ bool) uint64 { return a + b })
		case cc.AdditiveExpressionSub:
			return bin(x.AdditiveExpression, x.MultiplicativeExpression, func(a, b uint64, _ bool) uint64 { return a - b })
		}
	case *cc.MultiplicativeExpression:
		switch x.Case {
		case cc.MultiplicativeExpressionMul:
			return bin(x.MultiplicativeExpression, x.CastExpression, func(a, b uint64, _ bool) uint64 { return a * b })
		case cc.MultiplicativeExpressionDiv, cc.MultiplicativeExpressionMod:
			div := x.Case == cc.MultiplicativeExpressionDiv
			if _, _, ok := clangInt(x.CastExpression); !ok {
				return own()
			}
			if y, _, _ := clangInt(x.CastExpression); y == 0 {
				return own()
			}
			return bin(x.MultiplicativeExpression, x.CastExpression, func(a, b uint64, signed bool) uint64 {
				switch {
				case signed && int64(b) == -1:
					if div {
						return -a
					}
					return 0
				case signed && div:
					return uint64(int64(a) / int64(b))
				case signed:
					return uint64(int64(a) % int64(b))
				case div:
					return a / b
				}
				return a % b
			})
		}
	case *cc.AndExpression:
		if x.Case == cc.AndExpressionAnd {
			return bin(x.AndExpression, x.EqualityExpression, func(a, b uint64, _ bool) uint64 { return a & b })
		}
	case *cc.ExclusiveOrExpression:
		if x.Case == cc.ExclusiveOrExpressionXor {
			return bin(x.ExclusiveOrExpression, x.AndExpression, func(a, b uint64, _ bool) uint64 { return a ^ b })
		}
	case *cc.InclusiveOrExpression:
		if x.Case == cc.InclusiveOrExpressionOr {
			return bin(x.InclusiveOrExpression, x.ExclusiveOrExpression, func(a, b uint64, _ bool) uint64 { return a | b })
		}
	case *cc.UnaryExpression:
		var op func(uint64) uint64
		switch x.Case {
		case cc.UnaryExpressionPlus:
			op = func(a uint64) uint64 { return a }
		case cc.UnaryExpressionMinus:
			op = func(a uint64) uint64 { return -a }
		case cc.UnaryExpressionCpl:
			op = func(a uint64) uint64 { return ^a }
		}
		if op != nil {
			if a, c, ok := clangInt(x.CastExpression); ok && c {
				return fit(int64(op(uint64(fit(a, n.Type())))), n.Type()), true, true
			}
		}
	case *cc.CastExpression:
		if x.Case == cc.CastExpressionCast {
			if a, c, ok := clangInt(x.CastExpression); ok && c {
				return fit(a, n.Type()), true, true
			}
		}
	}
	return own()
}

// fit truncates v to the size of the integer type t and extends it back
// by t's signedness.
func fit(v int64, t cc.Type) int64 {
	bits := t.Size() * 8
	if bits <= 0 || bits >= 64 {
		return v
	}
	if cc.IsSignedInteger(t) {
		s := 64 - uint(bits)
		return v << s >> s
	}
	return int64(uint64(v) & (1<<uint(bits) - 1))
}
