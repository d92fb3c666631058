// This file implements how errors raised by user callbacks (macros,
// metamethods, __getmethod, __getentries, …) become diagnostics: a host
// error that knows where it was raised is reported there, with a note
// at the Terra site that invoked the callback.
package check

import (
	"errors"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
	"terrac/lang/source"
)

// LocatedError is implemented by host errors that carry their own
// position (the Lua line that raised them).
type LocatedError interface {
	error
	// Diagnostic returns the diagnostic to report for the callback
	// invoked at the Terra site at.
	Diagnostic(at source.Span) *source.Diagnostic
}

// MethodLookupHost is implemented by hosts whose method lookup can fail
// (a __getmethod that raises an error).
type MethodLookupHost interface {
	LookupMethod(t *types.Type, name string, at source.Span) (lua.LValue, error)
}

// hostError reports err, returned by the host for the construct at.
func (check *Checker) hostError(at source.Span, err error) *source.Diagnostic {
	var le LocatedError
	if errors.As(err, &le) {
		d := le.Diagnostic(at)
		check.env.diags = append(check.env.diags, d)
		return d
	}
	return check.errorf(at, "%s", err.Error())
}

// lookupMethod is Host.Method(st, name); ok is false (and the error
// reported) when the lookup itself failed.
func (check *Checker) lookupMethod(st *types.Type, name string, at source.Span) (lua.LValue, bool) {
	if check.Host == nil {
		return lua.LNil, true
	}
	if h, ok := check.Host.(MethodLookupHost); ok {
		v, err := h.LookupMethod(st, name, at)
		if err != nil {
			check.hostError(at, err)
			return lua.LNil, false
		}
		return v, true
	}
	return check.Host.Method(st, name), true
}
