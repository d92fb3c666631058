// This file implements reporting the errors raised inside __cast
// metamethods: when no conversion applies, each candidate's error is a
// note on the "invalid conversion" diagnostic, at the Lua line that
// raised it. Speculative conversions (overload resolution) call implicit
// without convert, so their cast errors are never reported.
package check

import (
	"errors"
	"fmt"

	"terrac/compiler/types"
	"terrac/lang/source"
)

// castNote turns the error of st's __cast, tried for the expression at,
// into a note where the Lua code raised it (at when unknown).
func castNote(st *types.Type, err error, at source.Span) source.Note {
	var le LocatedError
	if errors.As(err, &le) {
		d := le.Diagnostic(at)
		return source.Note{Span: d.Span, Msg: fmt.Sprintf("__cast of %s failed: %s", st, d.Msg)}
	}
	return source.Note{Span: at, Msg: fmt.Sprintf("__cast of %s failed: %s", st, err)}
}

// addCastNotes attaches the notes of the last failed conversion to d.
func (check *Checker) addCastNotes(d *source.Diagnostic) {
	if check.env == nil {
		return
	}
	d.Notes = append(d.Notes, check.env.castNotes...)
	check.env.castNotes = nil
}
