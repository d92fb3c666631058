// This file implements numeric literals: their Terra literal type and value.
package scan

import (
	"math"
	"strconv"
	"strings"
)

// NumKind is the Terra type a numeric literal gets.
type NumKind uint8

const (
	Int32  NumKind = iota // plain integer that fits 32 bits ('int')
	Uint32                // suffix U
	Int64                 // suffix LL
	Uint64                // suffix ULL
	Float                 // trailing f on a decimal form
	Double                // decimal point, exponent, or an integer too large for int32
)

func (k NumKind) String() string {
	return [...]string{"int32", "uint32", "int64", "uint64", "float", "double"}[k]
}

// IsInteger reports whether the literal has an integer type.
func (k NumKind) IsInteger() bool { return k <= Uint64 }

// NumValue is a decoded numeric literal. Int holds the bits of integer
// kinds, Float the value of every kind (rounded for big integers), so Lua
// code can always use Float.
type NumValue struct {
	Kind  NumKind
	Int   uint64
	Float float64
	// Text is the literal without its type suffix, in a form Lua's
	// tonumber (and gopher-lua's parser) understands.
	Text string
}

// ParseNumber decodes the raw text of a numeric literal. Terra follows
// LuaJIT's scanner: an unsuffixed integer that does not fit int32 becomes a
// double, a decimal point or exponent always gives a double, and a trailing
// f on a decimal form gives a float.
func ParseNumber(raw string) (NumValue, bool) {
	s := raw
	lower := strings.ToLower(s)
	hex := strings.HasPrefix(lower, "0x")
	var suffix string
	switch {
	case strings.HasSuffix(lower, "ull"):
		suffix = "ull"
	case strings.HasSuffix(lower, "ll"):
		suffix = "ll"
	case strings.HasSuffix(lower, "u"):
		suffix = "u"
	case !hex && strings.HasSuffix(lower, "f"):
		suffix = "f"
	}
	body := s[:len(s)-len(suffix)]
	v := NumValue{Text: body}
	if body == "" {
		return v, false
	}
	isFloatForm := false
	if hex {
		digits := body[2:]
		isFloatForm = strings.ContainsAny(digits, ".pP")
		if digits == "" || !validHex(digits) {
			return v, false
		}
	} else {
		isFloatForm = strings.ContainsAny(body, ".eE")
		if !validDec(body) {
			return v, false
		}
	}
	if isFloatForm || suffix == "f" {
		if suffix != "" && suffix != "f" {
			return v, false
		}
		t := body
		if hex && !strings.ContainsAny(t, "pP") {
			t += "p0"
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil && !isRange(err) {
			return v, false
		}
		v.Float = f
		v.Kind = Double
		if suffix == "f" {
			v.Kind = Float
		}
		return v, true
	}
	base, digits := 10, body
	if hex {
		base, digits = 16, body[2:]
	}
	u, err := strconv.ParseUint(digits, base, 64)
	if err != nil {
		if suffix != "" || !isRange(err) {
			return v, false
		}
		// Too large even for 64 bits: only a double can hold it.
		f, _ := strconv.ParseFloat(body, 64)
		if hex {
			f = hexToFloat(digits)
		}
		v.Kind, v.Float = Double, f
		return v, true
	}
	v.Int, v.Float = u, float64(u)
	switch suffix {
	case "":
		if u <= math.MaxInt32 {
			v.Kind = Int32
		} else {
			v.Kind = Double
		}
	case "u":
		v.Kind = Uint32
		if u > math.MaxUint32 {
			v.Kind = Uint64
		}
	case "ll":
		v.Kind = Int64
		v.Float = float64(int64(u))
	case "ull":
		v.Kind = Uint64
	}
	return v, true
}

func isRange(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func validDec(s string) bool { return validMantissa(s, isDigit, 'e') }

func validHex(s string) bool { return validMantissa(s, isHex, 'p') }

// validMantissa checks digits[.digits][<exp>[+-]decimal-digits], with at
// least one mantissa digit; exp is the lower-case exponent letter (e for
// decimal, p for hex, whose exponent is still decimal).
func validMantissa(s string, digit func(byte) bool, exp byte) bool {
	i, n := 0, len(s)
	digits := 0
	for i < n && digit(s[i]) {
		i++
		digits++
	}
	if i < n && s[i] == '.' {
		i++
		for i < n && digit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < n && (s[i] == exp || s[i] == exp-'a'+'A') {
		i++
		if i < n && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for i < n && isDigit(s[i]) {
			i++
		}
		if i == start {
			return false
		}
	}
	return i == n
}

func hexToFloat(digits string) float64 {
	f := 0.0
	for i := 0; i < len(digits); i++ {
		d, _ := strconv.ParseUint(digits[i:i+1], 16, 8)
		f = f*16 + float64(d)
	}
	return f
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isHex(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
