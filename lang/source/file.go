// This file implements source files and the offset-to-line/column mapping.
package source

import (
	"fmt"
	"sort"
	"sync"
)

// Pos is a byte offset into a File's content. NoPos means "unknown".
type Pos int32

const NoPos Pos = -1

// File is one source text. Files are immutable after creation.
type File struct {
	Name    string
	Content []byte

	once  sync.Once
	lines []int32 // offsets of line starts, computed lazily
}

func NewFile(name string, content []byte) *File {
	return &File{Name: name, Content: content}
}

func (f *File) lineStarts() []int32 {
	f.once.Do(func() {
		f.lines = append(f.lines, 0)
		for i, c := range f.Content {
			if c == '\n' {
				f.lines = append(f.lines, int32(i+1))
			}
		}
	})
	return f.lines
}

// Position is a rendered location: 1-based line and byte column.
type Position struct {
	Filename string
	Line     int
	Col      int
}

func (p Position) String() string {
	if p.Line == 0 {
		return p.Filename
	}
	if p.Col == 0 {
		return fmt.Sprintf("%s:%d", p.Filename, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Col)
}

// Position converts an offset into a line and column.
func (f *File) Position(p Pos) Position {
	if f == nil {
		return Position{}
	}
	if p < 0 {
		return Position{Filename: f.Name}
	}
	ls := f.lineStarts()
	i := sort.Search(len(ls), func(i int) bool { return ls[i] > int32(p) }) - 1
	if i < 0 {
		i = 0
	}
	return Position{Filename: f.Name, Line: i + 1, Col: int(int32(p)-ls[i]) + 1}
}

// LineStart returns the offset of the first byte of 1-based line n.
func (f *File) LineStart(n int) Pos {
	ls := f.lineStarts()
	if n < 1 || n > len(ls) {
		return NoPos
	}
	return Pos(ls[n-1])
}

// LineText returns the text of 1-based line n without its newline.
func (f *File) LineText(n int) string {
	ls := f.lineStarts()
	if n < 1 || n > len(ls) {
		return ""
	}
	start := int(ls[n-1])
	end := len(f.Content)
	if n < len(ls) {
		end = int(ls[n]) - 1
	}
	if end > start && f.Content[end-1] == '\r' {
		end--
	}
	return string(f.Content[start:end])
}
