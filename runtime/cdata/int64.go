// This file implements 64-bit integers in Lua. Lua numbers are doubles,
// so an int64 or uint64 that does not fit one exactly is boxed: a cdata
// of type int64/uint64 with arithmetic and comparison metamethods, as
// LuaJIT's FFI has. Values crossing from Terra to Lua are plain numbers
// when they lie in [-2^53, 2^53] (every integer there is exact, so they
// work everywhere a number does: table keys, string.format, math.*) and
// boxed otherwise; `1LL` literals in Lua code are always boxed, as in
// LuaJIT, so they keep their type. Boxed values compare with numbers
// through their metamethods (our gopher-lua consults a userdata's
// __eq/__lt/__le for mixed operands, as LuaJIT does for cdata).
package cdata

import (
	"fmt"
	"math"
	"strconv"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
)

// maxExact bounds the integers every double represents exactly.
const maxExact = 1 << 53

// IntLua returns the Lua value of an integer of type t whose bits are
// sign- or zero-extended to 64: a number when exact, else a box.
func IntLua(b Bridge, t *types.Type, bits uint64) lua.LValue {
	if t.Bits < 64 {
		return lua.LNumber(intFloat(t, bits))
	}
	if t.Signed {
		if v := int64(bits); v >= -maxExact && v <= maxExact {
			return lua.LNumber(v)
		}
	} else if bits <= maxExact {
		return lua.LNumber(bits)
	}
	return Box(b, t, bits)
}

// Box makes an int64/uint64 cdata holding bits.
func Box(b Bridge, t *types.Type, bits uint64) lua.LValue {
	v := New(t)
	*(*uint64)(v.Ptr) = bits
	return b.Wrap(v)
}

func intFloat(t *types.Type, bits uint64) float64 {
	if t.Signed {
		return float64(int64(bits))
	}
	return float64(bits)
}

// IntBits reads an integral (or bool) cdata as 64 bits, sign- or
// zero-extended.
func IntBits(v *Value) (uint64, bool) {
	switch v.T.Kind {
	case types.Int:
		return loadIntBits(v.Ptr, v.T), true
	case types.Bool:
		return uint64(*(*uint8)(v.Ptr) & 1), true
	}
	return 0, false
}

// FormatInt prints a 64-bit integer as LuaJIT's tostring does: 123LL, 123ULL.
func FormatInt(t *types.Type, bits uint64) string {
	if t.Signed {
		return strconv.FormatInt(int64(bits), 10) + "LL"
	}
	return strconv.FormatUint(bits, 10) + "ULL"
}

// ParseIntLiteral reads the decimal (or 0x hex) text of a 1LL/1ULL
// literal; the value wraps to 64 bits as in LuaJIT.
func ParseIntLiteral(s string, unsigned bool) (uint64, error) {
	u, err := strconv.ParseUint(s, 0, 64)
	if err != nil {
		return 0, fmt.Errorf("malformed number near '%s'", s)
	}
	return u, nil
}

// Operand is one side of 64-bit integer arithmetic.
type Operand struct {
	T    *types.Type // int64 or uint64 after promotion
	Bits uint64
}

// IntOperand converts a Lua value to an arithmetic operand: boxed or
// other integral cdata keep their bits, numbers are truncated to int64.
// ok is false for anything else (floats in cdata are not 64-bit ints).
func IntOperand(lv lua.LValue) (Operand, bool) {
	switch v := lv.(type) {
	case lua.LNumber:
		return Operand{types.Int64, uint64(f2i(float64(v)))}, true
	}
	if cv, ok := Is(lv); ok && cv.T.Kind == types.Int {
		bits, _ := IntBits(cv)
		t := types.Int64
		if !cv.T.Signed && cv.T.Bits == 64 {
			t = types.Uint64
		}
		return Operand{t, bits}, true
	}
	return Operand{}, false
}

// f2i truncates a double to int64 toward zero, saturating NaN to 0.
func f2i(f float64) int64 {
	switch {
	case math.IsNaN(f):
		return 0
	case f >= 9.223372036854775807e18:
		return math.MaxInt64
	case f <= -9.223372036854775808e18:
		return math.MinInt64
	}
	return int64(f)
}

// Arith applies a Lua arithmetic operator (+ - * / % ^ and unary "unm")
// to two 64-bit operands. The result is uint64 if either operand is,
// else int64; / and % truncate as in C; division by zero gives the
// values LuaJIT gives (the minimum int64, or all ones for uint64).
func Arith(op string, a, b Operand) Operand {
	t := types.Int64
	if a.T == types.Uint64 || b.T == types.Uint64 {
		t = types.Uint64
	}
	x, y := a.Bits, b.Bits
	var r uint64
	switch op {
	case "+":
		r = x + y
	case "-":
		r = x - y
	case "*":
		r = x * y
	case "unm":
		r = -x
	case "/", "%":
		if y == 0 {
			if op == "%" {
				r = 0
			} else if t == types.Uint64 {
				r = math.MaxUint64
			} else {
				r = 1 << 63
			}
			break
		}
		if t == types.Uint64 {
			if op == "/" {
				r = x / y
			} else {
				r = x % y
			}
		} else if int64(x) == math.MinInt64 && int64(y) == -1 {
			r = x
			if op == "%" {
				r = 0
			}
		} else if op == "/" {
			r = uint64(int64(x) / int64(y))
		} else {
			r = uint64(int64(x) % int64(y))
		}
	case "^":
		r = ipow(t, x, y)
	}
	return Operand{t, r}
}

// ipow is integer exponentiation by squaring; a negative signed
// exponent gives 0 except for bases 1 and -1.
func ipow(t *types.Type, x, y uint64) uint64 {
	if t == types.Int64 && int64(y) < 0 {
		switch int64(x) {
		case 1:
			return 1
		case -1:
			if y&1 == 1 {
				return x
			}
			return 1
		}
		return 0
	}
	r := uint64(1)
	for y != 0 {
		if y&1 == 1 {
			r *= x
		}
		x *= x
		y >>= 1
	}
	return r
}

// Compare compares two 64-bit operands: -1, 0 or 1. If either is
// unsigned both compare as unsigned (C's usual conversions).
func Compare(a, b Operand) int {
	if a.T == types.Uint64 || b.T == types.Uint64 {
		return cmpU(a.Bits, b.Bits)
	}
	x, y := int64(a.Bits), int64(b.Bits)
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func cmpU(x, y uint64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
