// This file implements how Go-side errors reach Lua: as string error
// values (Terra programs match on their text) that already carry the
// rendered positions, source lines and carets.
package terralib

import (
	"errors"
	"regexp"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/lang/source"
)

// diagnosticError is implemented by errors that carry located
// diagnostics and a closing line (the checker's and specializer's).
type diagnosticError interface {
	Diagnostics() source.List
	Trailer() string
}

// locatedError is a diagnosticError made here (not by the checker or the
// specializer): diagnostics and the closing line to print after them.
type locatedError struct {
	list    source.List
	trailer string
}

func (e locatedError) Error() string            { return Message(e) }
func (e locatedError) Diagnostics() source.List { return e.list }
func (e locatedError) Trailer() string          { return e.trailer }

// Message renders err for a user: located diagnostics with their source
// lines and carets, then the closing line.
func Message(err error) string {
	var de diagnosticError
	if errors.As(err, &de) {
		var b strings.Builder
		for _, d := range de.Diagnostics() {
			b.WriteString(source.Render(d))
		}
		b.WriteString(de.Trailer())
		return b.String()
	}
	return err.Error()
}

// raise raises err as a Lua error without adding a Lua position: the
// message already says where.
func (rt *Runtime) raise(L *lua.LState, err error) {
	if rt.OnDiagnostics != nil {
		var de diagnosticError
		if errors.As(err, &de) {
			rt.OnDiagnostics(de.Diagnostics())
		}
	}
	L.Error(lua.LString(Message(err)), 0)
}

// raiseAt raises err as a Lua error. One without located diagnostics
// (a link error, a declared but undefined function) gets the position
// of the Lua code that asked for native code, as Lua errors do.
func (rt *Runtime) raiseAt(L *lua.LState, err error) {
	var de diagnosticError
	if errors.As(err, &de) || locatedMsg.MatchString(err.Error()) {
		rt.raise(L, err)
	}
	L.RaiseError("%s", err.Error())
}

// locatedMsg matches a message that already starts with its position.
var locatedMsg = regexp.MustCompile(`^[^\s:]+:\d+:`)
