// This file implements diagnostics collection and the error a failed
// function records.
package check

import (
	"fmt"
	"strings"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// Trailer is the line that ends every typechecking error, as in Terra.
const Trailer = "Errors reported during typechecking."

// CheckError is the error of a function that failed to typecheck. Diags
// holds the function's own diagnostics and those of the failed functions
// it references, sorted by position.
type CheckError struct {
	Fn    *tree.Function
	Diags source.List
}

func newCheckError(fn *tree.Function, own, callees source.List) *CheckError {
	seen := map[*source.Diagnostic]bool{}
	var all source.List
	for _, l := range []source.List{own, callees} {
		for _, d := range l {
			if !seen[d] {
				seen[d] = true
				all = append(all, d)
			}
		}
	}
	all.Sort()
	return &CheckError{Fn: fn, Diags: all}
}

// Error renders one `file:line:col: msg` line per diagnostic followed by
// the Trailer line.
func (e *CheckError) Error() string {
	var b strings.Builder
	for _, d := range e.Diags {
		b.WriteString(d.Error())
		b.WriteByte('\n')
		for _, n := range d.Notes {
			if n.Span.File != nil {
				b.WriteString(n.Span.Position().String() + ": ")
			}
			b.WriteString(n.Msg)
			b.WriteByte('\n')
		}
	}
	b.WriteString(Trailer)
	return b.String()
}

// Render prints every diagnostic with its source line and caret (see
// source.Render), followed by the Trailer line.
func (e *CheckError) Render() string {
	var b strings.Builder
	for _, d := range e.Diags {
		b.WriteString(source.Render(d))
	}
	b.WriteString(Trailer)
	b.WriteByte('\n')
	return b.String()
}

// errorf records a diagnostic at span and returns it (to attach notes).
func (check *Checker) errorf(at source.Span, format string, args ...any) *source.Diagnostic {
	d := &source.Diagnostic{Span: at, Msg: fmt.Sprintf(format, args...)}
	check.env.diags = append(check.env.diags, d)
	return d
}

// invalid marks e as erroneous: it absorbs later errors.
func invalid(e tree.Expr) tree.Expr {
	b := e.Base()
	b.Type = types.ErrorT
	b.LValue = false
	return e
}

// isErr reports whether t is the error type (or missing).
func isErr(t *types.Type) bool { return t == nil || t.Kind == types.ErrorKind }

// anyErr reports whether any of ts is the error type.
func anyErr(ts ...*types.Type) bool {
	for _, t := range ts {
		if isErr(t) {
			return true
		}
	}
	return false
}

func noteAt(at source.Span, msg string) source.Note { return source.Note{Span: at, Msg: msg} }

// Diagnostics and Trailer let the runtime render the error with source
// lines and carets (see terralib.Message), as every other located error.
func (e *CheckError) Diagnostics() source.List { return e.Diags }

// Trailer returns the closing line.
func (e *CheckError) Trailer() string { return Trailer }
