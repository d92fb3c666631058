package types

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// packedLayout is the part of a layout the packed tests compare.
type packedLayout struct {
	Size, Align int64
	Offsets     []int64
}

func layoutOf(t *testing.T, s *Type) packedLayout {
	t.Helper()
	l, err := s.Layout()
	if err != nil {
		t.Fatal(err)
	}
	pl := packedLayout{Size: l.Size, Align: l.Align}
	for _, f := range l.Fields {
		pl.Offsets = append(pl.Offsets, f.Offset)
	}
	return pl
}

func field(name string, t *Type) Entry { return Entry{Field: Field{Name: name, Type: t}} }

// TestPackedLayout checks packed layouts against what clang gives the
// same C declarations (__attribute__((packed)) and #pragma pack(N)).
func TestPackedLayout(t *testing.T) {
	inner := NewStruct("inner")
	inner.Entries = []Entry{field("a", Int8), field("b", Int32)}
	inner.Packed = true
	for _, c := range []struct {
		name      string
		entries   []Entry
		packAlign int64
		want      packedLayout
	}{
		// struct __attribute__((packed)) { char c; int i; double d; short s; }
		{"attr", []Entry{field("c", Int8), field("i", Int32), field("d", Float64), field("s", Int16)}, 0,
			packedLayout{15, 1, []int64{0, 1, 5, 13}}},
		// #pragma pack(2): struct { char c; double d; int i; char e; }
		{"pack2", []Entry{field("c", Int8), field("d", Float64), field("i", Int32), field("e", Int8)}, 2,
			packedLayout{16, 2, []int64{0, 2, 10, 14}}},
		// #pragma pack(4): struct { char c; double d; short s; }
		{"pack4", []Entry{field("c", Int8), field("d", Float64), field("s", Int16)}, 4,
			packedLayout{16, 4, []int64{0, 4, 12}}},
		// #pragma pack(8) changes nothing for 8-byte-aligned members.
		{"pack8", []Entry{field("c", Int8), field("d", Float64)}, 8,
			packedLayout{16, 8, []int64{0, 8}}},
		// packed with an array and a union: struct __attribute__((packed))
		// { char t; int v[2]; union { short s; double d; } u; }
		{"array+union", []Entry{field("t", Int8), field("v", ArrayOf(Int32, 2)),
			{Union: []Entry{field("s", Int16), field("d", Float64)}}}, 1,
			packedLayout{17, 1, []int64{0, 1, 9, 9}}},
		// a packed struct inside a packed struct
		{"nested", []Entry{field("c", Int8), field("in", inner), field("e", Int16)}, 0,
			packedLayout{8, 1, []int64{0, 1, 6}}},
	} {
		s := NewStruct(c.name)
		s.Entries = c.entries
		s.Packed, s.PackAlign = true, c.packAlign
		if diff := cmp.Diff(c.want, layoutOf(t, s)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
	// A packed struct inside a normal one is placed at any byte.
	outer := NewStruct("outer")
	outer.Entries = []Entry{field("c", Int8), field("in", inner), field("n", Int32)}
	if diff := cmp.Diff(packedLayout{12, 4, []int64{0, 1, 8}}, layoutOf(t, outer)); diff != "" {
		t.Errorf("outer (-want +got):\n%s", diff)
	}
}
