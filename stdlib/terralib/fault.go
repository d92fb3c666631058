// This file implements how faults in JIT code reach the user: at the
// Terra source line that faulted, naming the Terra function, with the
// Terra callers found on the native stack as notes.
package terralib

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"terrac/lang/source"
	"terrac/runtime/jit"
)

// faultMessage renders a native fault that has line information as a
// located diagnostic. ok is false for other errors.
func (rt *Runtime) faultMessage(err error) (msg string, ok bool) {
	var f *jit.Fault
	if !errors.As(err, &f) || len(f.Source) == 0 {
		return "", false
	}
	d := &source.Diagnostic{Msg: f.Description(), Span: rt.sourceSpan(f.Source[0])}
	if d.Span.File == nil {
		d.Msg = f.Error()
	}
	for _, s := range f.Source[1:] {
		n := source.Note{Span: rt.sourceSpan(s), Msg: "called from terra function " + s.Func}
		if n.Span.File == nil {
			n.Msg = sourceFrameString(s) + ": " + n.Msg
		}
		d.Notes = append(d.Notes, n)
	}
	msg = source.Render(d)
	if len(f.Source) > 1 {
		// The callers again, one per line in Terra's backtrace layout,
		// for tools that read Terra's output.
		var b strings.Builder
		b.WriteString("terra backtrace:\n")
		for i, s := range f.Source {
			b.WriteString(rt.jitFrameLine(i, s))
		}
		msg += b.String()
	}
	return msg, true
}

// jitFrameLine is one frame of JIT code in Terra's backtrace layout:
// index, "terra (JIT)", the function and its file:line.
func (rt *Runtime) jitFrameLine(i int, f jit.SourceFrame) string {
	file := f.File
	if s := rt.sourceSpan(f); s.File != nil {
		file = s.File.Name
	}
	return fmt.Sprintf("%-3d %-14s %s (%s:%d)\n", i, "terra (JIT)", f.Func, file, f.Line)
}

// sourceSpan finds a frame's position in the files this runtime loaded;
// the line table holds absolute paths, the runtime the names it was given.
func (rt *Runtime) sourceSpan(s jit.SourceFrame) source.Span {
	f := rt.fileByPath(s.File)
	if f == nil || s.Line <= 0 {
		return source.Span{}
	}
	p := f.LineStart(s.Line)
	if s.Col > 0 {
		p += source.Pos(s.Col - 1)
	}
	return source.At(f, p)
}

func (rt *Runtime) fileByPath(path string) *source.File {
	if f := rt.files[path]; f != nil {
		return f
	}
	for name, f := range rt.files {
		if abs, err := filepath.Abs(name); err == nil && abs == path {
			return f
		}
	}
	return nil
}

func sourceFrameString(s jit.SourceFrame) string {
	pos := s.File + ":" + strconv.Itoa(s.Line)
	if s.Col > 0 {
		pos += ":" + strconv.Itoa(s.Col)
	}
	return pos
}
