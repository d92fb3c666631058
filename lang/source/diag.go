// This file implements located diagnostics and their rendering.
package source

import (
	"fmt"
	"sort"
	"strings"
)

// Span is a half-open byte range in one file. End may equal Start
// when only a point is known.
type Span struct {
	File       *File
	Start, End Pos
}

// At makes a point span.
func At(f *File, p Pos) Span { return Span{File: f, Start: p, End: p} }

func (s Span) Position() Position { return s.File.Position(s.Start) }

// Note is an extra located line attached to a diagnostic.
type Note struct {
	Span Span
	Msg  string
}

// Diagnostic is one user-facing error with a position.
type Diagnostic struct {
	Span  Span
	Msg   string
	Notes []Note
}

func (d *Diagnostic) Error() string {
	if d.Span.File == nil {
		return d.Msg
	}
	return d.Span.Position().String() + ": " + d.Msg
}

// List is a sortable list of diagnostics; it is itself an error.
type List []*Diagnostic

func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// Sort orders diagnostics by file name then offset, keeping the
// original order for equal positions.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Span, l[j].Span
		an, bn := "", ""
		if a.File != nil {
			an = a.File.Name
		}
		if b.File != nil {
			bn = b.File.Name
		}
		if an != bn {
			return an < bn
		}
		return a.Start < b.Start
	})
}

// Render prints a diagnostic as
//
//	file:line:col: message
//	    source line
//	    ^~~~
//
// Tabs of the source line are kept in the caret line so the caret
// lines up in any tab width.
func Render(d *Diagnostic) string {
	var b strings.Builder
	renderOne(&b, d.Span, d.Msg)
	for _, n := range d.Notes {
		renderOne(&b, n.Span, "note: "+n.Msg)
	}
	return b.String()
}

func renderOne(b *strings.Builder, s Span, msg string) {
	if s.File == nil {
		b.WriteString(msg)
		b.WriteByte('\n')
		return
	}
	pos := s.Position()
	fmt.Fprintf(b, "%s: %s\n", pos, msg)
	if pos.Line == 0 || pos.Col == 0 {
		return
	}
	line := pos.Col - 1
	text := s.File.LineText(pos.Line)
	b.WriteString("    ")
	b.WriteString(text)
	b.WriteString("\n    ")
	for i := 0; i < line && i < len(text); i++ {
		if text[i] == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	if n := int(s.End - s.Start); n > 1 {
		rest := len(text) - line
		if n > rest {
			n = rest
		}
		for i := 1; i < n; i++ {
			b.WriteByte('~')
		}
	}
	b.WriteByte('\n')
}
