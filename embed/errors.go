// This file implements the errors the API returns: located diagnostics
// parsed out of terrac's rendered messages, as the terrac command prints
// them.
package embed

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/lang/source"
	"terrac/stdlib/terralib"
)

// Errors that say how the API was misused.
var (
	// ErrClosed is returned by every method of a closed State, and of
	// Values that belong to one.
	ErrClosed = errors.New("embed: the state is closed")
	// ErrConcurrentUse is returned when a goroutine uses a State while
	// another goroutine is using it: a State serves one goroutine at a
	// time.
	ErrConcurrentUse = errors.New("embed: the state is in use by another goroutine (a State serves one goroutine at a time)")
)

// Diagnostic is one located message of an Error.
type Diagnostic struct {
	File    string // the chunk name: a file path, or the name given to RunString
	Line    int    // 1-based
	Col     int    // 1-based; the first non-blank column for Lua errors
	Message string // without the position
	Note    bool   // a note attached to the diagnostic before it
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", d.File, d.Line, d.Col, d.Message)
}

// Error is a failed load or run: a syntax or type error, a Lua error, a
// fault in native code, a cancelled context.
type Error struct {
	// Message is the error as terrac prints it: each diagnostic as
	// `file:line:col: message`, followed by its source line and a caret.
	Message string
	// Diagnostics are the located lines of Message, in order; empty for
	// an error without a position.
	Diagnostics []Diagnostic
	// Traceback is the Lua stack traceback of a run error, if any.
	Traceback string
	// Err is the cause the error wraps: the context's error for a
	// cancelled run, an *ExitError for os.exit, nil otherwise.
	Err error
}

func (e *Error) Error() string { return strings.TrimRight(e.Message, "\n") }

// Unwrap returns the cause (context.Canceled for a cancelled run).
func (e *Error) Unwrap() error { return e.Err }

// ExitError is the cause of the Error a run returns when the program
// calls os.exit: an embedded program cannot end the host process.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("os.exit(%d) called", e.Code) }

// locatedLine matches a rendered diagnostic line `file:line:col: msg`.
var locatedLine = regexp.MustCompile(`^([^\s:][^:\n]*):(\d+):(\d+): (.*)$`)

// luaPos matches the `chunk:line: ` gopher-lua puts before Lua errors.
var luaPos = regexp.MustCompile(`^([^\n:]+):(\d+): `)

// loadError turns a parse error (a source.List) into an *Error.
func (s *State) loadError(err error) *Error {
	var list source.List
	if errors.As(err, &list) {
		var b strings.Builder
		for _, d := range list {
			b.WriteString(source.Render(d))
		}
		return newError(b.String(), "", nil)
	}
	return newError(err.Error(), "", nil)
}

// runError turns an error of a Lua call into an *Error, locating a Lua
// error at its line as the terrac command does.
func (s *State) runError(err error) *Error {
	if e, ok := err.(*Error); ok {
		return e
	}
	msg := err.Error()
	var ae *lua.ApiError
	if errors.As(err, &ae) && ae.Object != nil {
		if ud, ok := ae.Object.(*lua.LUserData); ok {
			if e, ok := ud.Value.(*Error); ok {
				return e // raised by a Go function: keep it
			}
		}
		msg = ae.Object.String()
	}
	msg = strings.TrimRight(msg, "\n")
	if m := luaPos.FindStringSubmatch(msg); m != nil && !locatedLine.MatchString(firstLine(msg)) {
		if f := s.rt.File(m[1]); f != nil {
			line, _ := strconv.Atoi(m[2])
			text := f.LineText(line)
			col := len(text) - len(strings.TrimLeft(text, " \t"))
			d := &source.Diagnostic{Span: source.At(f, f.LineStart(line)+source.Pos(col)), Msg: msg[len(m[0]):]}
			msg = source.Render(d)
		}
	}
	return newError(msg, s.rt.Traceback(err), nil)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func newError(msg, traceback string, cause error) *Error {
	if !strings.HasSuffix(msg, "\n") {
		msg += "\n"
	}
	e := &Error{Message: msg, Traceback: traceback, Err: cause}
	for _, line := range strings.Split(msg, "\n") {
		m := locatedLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		ln, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		d := Diagnostic{File: m[1], Line: ln, Col: col, Message: m[4]}
		if rest, ok := strings.CutPrefix(d.Message, "note: "); ok {
			d.Message, d.Note = rest, true
		}
		e.Diagnostics = append(e.Diagnostics, d)
	}
	return e
}

// message renders an error for a Go caller that is not a run (a type
// expression that fails, say), without a traceback.
func message(err error) string { return terralib.Message(err) }
