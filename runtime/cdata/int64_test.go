package cdata

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"terrac/compiler/types"
)

func TestArith(t *testing.T) {
	i := func(v int64) Operand { return Operand{types.Int64, uint64(v)} }
	u := func(v uint64) Operand { return Operand{types.Uint64, v} }
	tests := []struct {
		op   string
		a, b Operand
		want Operand
	}{
		{"+", i(1 << 53), i(1), i(1<<53 + 1)},
		{"-", u(0), u(1), u(^uint64(0))},
		{"+", u(1), i(-2), u(^uint64(0))},
		{"*", i(-3), i(5), i(-15)},
		{"/", i(-7), i(2), i(-3)},
		{"%", i(-7), i(3), i(-1)},
		{"/", u(7), u(2), u(3)},
		{"/", i(5), i(0), i(-1 << 63)},
		{"/", u(5), u(0), u(^uint64(0))},
		{"/", i(-1 << 63), i(-1), i(-1 << 63)},
		{"^", i(2), i(62), i(1 << 62)},
		{"^", i(-1), i(-3), i(-1)},
		{"^", i(2), i(-1), i(0)},
		{"unm", i(5), i(5), i(-5)},
	}
	for _, tc := range tests {
		got := Arith(tc.op, tc.a, tc.b)
		// Types are unique pointers: compare them by identity.
		if diff := cmp.Diff(tc.want, got, cmp.Comparer(func(x, y *types.Type) bool { return x == y })); diff != "" {
			t.Errorf("%v %s %v: (-want +got)\n%s", tc.a, tc.op, tc.b, diff)
		}
	}
}

func TestCompare(t *testing.T) {
	if got := Compare(Operand{types.Int64, uint64(1<<64 - 1)}, Operand{types.Int64, 0}); got != -1 {
		t.Errorf("-1LL vs 0LL = %d, want -1", got)
	}
	if got := Compare(Operand{types.Uint64, uint64(1<<64 - 1)}, Operand{types.Int64, 0}); got != 1 {
		t.Errorf("max uint64 vs 0 = %d, want 1", got)
	}
}

func TestFormatAndParse(t *testing.T) {
	got := []string{FormatInt(types.Int64, uint64(1<<64-5)), FormatInt(types.Uint64, 7)}
	if diff := cmp.Diff([]string{"-5LL", "7ULL"}, got); diff != "" {
		t.Error(diff)
	}
	if v, err := ParseIntLiteral("0xff", false); err != nil || v != 255 {
		t.Errorf("ParseIntLiteral(0xff) = %d, %v", v, err)
	}
}
