// This file tests offset-to-position mapping, rendering and sorting.
package source

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPosition(t *testing.T) {
	tests := []struct {
		name    string
		content string
		off     Pos
		want    Position
	}{
		{"first byte", "abc\ndef\n", 0, Position{"f.t", 1, 1}},
		{"end of first line", "abc\ndef\n", 2, Position{"f.t", 1, 3}},
		{"newline belongs to its line", "abc\ndef\n", 3, Position{"f.t", 1, 4}},
		{"start of second line", "abc\ndef\n", 4, Position{"f.t", 2, 1}},
		{"last line without newline", "abc\ndef", 6, Position{"f.t", 2, 3}},
		{"offset at end of file", "abc\ndef", 7, Position{"f.t", 2, 4}},
		{"after final newline", "abc\n", 4, Position{"f.t", 2, 1}},
		{"CRLF: CR is a column", "ab\r\ncd\r\n", 2, Position{"f.t", 1, 3}},
		{"CRLF: next line", "ab\r\ncd\r\n", 5, Position{"f.t", 2, 2}},
		{"tab counts as one byte", "\t\tx", 2, Position{"f.t", 1, 3}},
		{"empty lines", "\n\n\nx", 3, Position{"f.t", 4, 1}},
		{"unknown position", "abc", NoPos, Position{Filename: "f.t"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := NewFile("f.t", []byte(tt.content))
			if diff := cmp.Diff(tt.want, f.Position(tt.off)); diff != "" {
				t.Errorf("Position(%d) mismatch (-want +got):\n%s", tt.off, diff)
			}
		})
	}
	var nilFile *File
	if got := nilFile.Position(3); got != (Position{}) {
		t.Errorf("nil file Position = %+v, want zero", got)
	}
}

func TestPositionString(t *testing.T) {
	tests := []struct {
		p    Position
		want string
	}{
		{Position{"a.t", 3, 7}, "a.t:3:7"},
		{Position{"a.t", 3, 0}, "a.t:3"},
		{Position{"a.t", 0, 0}, "a.t"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestLineTextAndStart(t *testing.T) {
	f := NewFile("f.t", []byte("one\r\ntwo\n\nlast"))
	var got []string
	var starts []Pos
	for n := 0; n <= 5; n++ {
		got = append(got, f.LineText(n))
		starts = append(starts, f.LineStart(n))
	}
	want := []string{"", "one", "two", "", "last", ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LineText mismatch (-want +got):\n%s", diff)
	}
	wantStarts := []Pos{NoPos, 0, 5, 9, 10, NoPos}
	if diff := cmp.Diff(wantStarts, starts); diff != "" {
		t.Errorf("LineStart mismatch (-want +got):\n%s", diff)
	}
}

func TestRender(t *testing.T) {
	src := "local x = 1\n\tif  foo(bar) then\nend\r\nz = y + 1"
	f := NewFile("prog.t", []byte(src))
	off := func(sub string) Pos {
		for i := 0; i+len(sub) <= len(src); i++ {
			if src[i:i+len(sub)] == sub {
				return Pos(i)
			}
		}
		t.Fatalf("%q not in source", sub)
		return 0
	}
	tests := []struct {
		name string
		d    *Diagnostic
		want string
	}{
		{
			name: "point on first line",
			d:    &Diagnostic{Span: At(f, 6), Msg: "bad x"},
			want: "prog.t:1:7: bad x\n    local x = 1\n          ^\n",
		},
		{
			name: "tab kept before caret and span underlined",
			d:    &Diagnostic{Span: Span{f, off("foo"), off("foo") + 8}, Msg: "call"},
			want: "prog.t:2:6: call\n    \tif  foo(bar) then\n    \t    ^~~~~~~~\n",
		},
		{
			name: "span past end of line is clipped",
			d:    &Diagnostic{Span: Span{f, off("then"), off("end")}, Msg: "m"},
			want: "prog.t:2:15: m\n    \tif  foo(bar) then\n    \t             ^~~~\n",
		},
		{
			name: "CR is not part of the shown line",
			d:    &Diagnostic{Span: Span{f, off("end"), off("end") + 3}, Msg: "e"},
			want: "prog.t:3:1: e\n    end\n    ^~~\n",
		},
		{
			name: "last line without newline, with a note",
			d: &Diagnostic{Span: At(f, off("y")), Msg: "undefined y",
				Notes: []Note{{Span: At(f, 6), Msg: "x here"}}},
			want: "prog.t:4:5: undefined y\n    z = y + 1\n        ^\n" +
				"prog.t:1:7: note: x here\n    local x = 1\n          ^\n",
		},
		{
			name: "no file",
			d:    &Diagnostic{Msg: "somewhere"},
			want: "somewhere\n",
		},
		{
			name: "unknown offset prints only the name",
			d:    &Diagnostic{Span: At(f, NoPos), Msg: "lost"},
			want: "prog.t: lost\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Render(tt.d)); diff != "" {
				t.Errorf("Render mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDiagnosticError(t *testing.T) {
	f := NewFile("a.t", []byte("x\ny\n"))
	l := List{
		{Span: At(f, 2), Msg: "first"},
		{Msg: "no position"},
	}
	want := "a.t:2:1: first\nno position"
	if got := l.Error(); got != want {
		t.Errorf("List.Error() = %q, want %q", got, want)
	}
}

func TestListSortStable(t *testing.T) {
	a := NewFile("a.t", []byte("0123456789"))
	b := NewFile("b.t", []byte("0123456789"))
	l := List{
		{Span: At(b, 1), Msg: "b1"},
		{Span: At(a, 5), Msg: "a5-first"},
		{Msg: "nofile"},
		{Span: At(a, 2), Msg: "a2"},
		{Span: At(a, 5), Msg: "a5-second"},
		{Span: At(b, 0), Msg: "b0"},
		{Span: At(a, 5), Msg: "a5-third"},
	}
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.Msg)
	}
	want := []string{"nofile", "a2", "a5-first", "a5-second", "a5-third", "b0", "b1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sorted order mismatch (-want +got):\n%s", diff)
	}
}
