// This file implements how faults in JIT code reach the user: at the
// Terra source line that faulted, naming the Terra function, with the
// Terra callers found on the native stack as notes.
package terralib

import (
	"errors"
	"path/filepath"
	"strconv"

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
	return source.Render(d), true
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
