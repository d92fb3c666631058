package types

import "testing"

func TestMemoized(t *testing.T) {
	if PointerTo(Int32) != PointerTo(Int32) {
		t.Error("pointer types not memoized")
	}
	if ArrayOf(Float64, 3) != ArrayOf(Float64, 3) || ArrayOf(Float64, 3) == ArrayOf(Float64, 4) {
		t.Error("array memoization wrong")
	}
	if TupleOf(Int32, Boolean) != TupleOf(Int32, Boolean) {
		t.Error("tuple types not memoized")
	}
	if FuncOf([]*Type{Int32}, nil, false) != FuncOf([]*Type{Int32}, Unit(), false) {
		t.Error("function types not memoized")
	}
	if NewStruct("S") == NewStruct("S") {
		t.Error("structs must be nominal")
	}
}

func TestString(t *testing.T) {
	cases := []struct {
		t    *Type
		want string
	}{
		{Int32, "int32"},
		{PointerTo(Int8), "&int8"},
		{ArrayOf(Int32, 3), "int32[3]"},
		{ArrayOf(PointerTo(Int32), 3), "(&int32)[3]"},
		{PointerTo(ArrayOf(Int32, 3)), "&int32[3]"},
		{VectorOf(Float32, 4), "vector(float,4)"},
		{FuncOf([]*Type{Int32, Float64}, Boolean, false), "{int32,double} -> bool"},
		{FuncOf(nil, nil, false), "{} -> {}"},
		{TupleOf(Int32, Float64), "{int32,double}"},
		{Unit(), "{}"},
		{PointerIn(Float32, 3), "pointer(float,3)"},
	}
	for _, c := range cases {
		if got := c.t.String(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestLayout(t *testing.T) {
	s := NewStruct("S")
	s.Entries = []Entry{
		{Field: Field{"a", Int8}},
		{Field: Field{"b", Float64}},
		{Union: []Entry{{Field: Field{"c", Int32}}, {Field: Field{"d", Int16}}}},
		{Field: Field{"e", Int8}},
	}
	l, err := s.Layout()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"a": 0, "b": 8, "c": 16, "d": 16, "e": 20}
	for _, f := range l.Fields {
		if want[f.Name] != f.Offset {
			t.Errorf("%s at %d, want %d", f.Name, f.Offset, want[f.Name])
		}
	}
	if l.Size != 24 || l.Align != 8 {
		t.Errorf("size %d align %d, want 24 8", l.Size, l.Align)
	}
	if got := VectorOf(Int32, 5).Size(); got != 32 {
		t.Errorf("vector(int,5) size %d, want 32", got)
	}
}

func TestRecursiveStruct(t *testing.T) {
	s := NewStruct("R")
	s.Entries = []Entry{{Field: Field{"self", s}}}
	if err := s.Complete(); err == nil || err.Error() != "type recursively contains itself, or using a type whose layout failed: R" {
		t.Errorf("got %v", err)
	}
	p := NewStruct("P")
	p.Entries = []Entry{{Field: Field{"next", PointerTo(p)}}, {Field: Field{"v", Int32}}}
	if sz := p.Size(); sz != 16 {
		t.Errorf("size %d", sz)
	}
}
