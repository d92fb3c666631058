// This file implements calls from the compiler into user Lua code
// (macros, metamethods, __getmethod, __getentries, __staticinitialize,
// __for): they run as callback frames, so that an error raised inside
// is reported at the user's Lua line with a note "Errors reported
// during <what>" at the Terra site that invoked it, and so that
// debug.traceback shows those frames as Terra's traceback does.
package terralib

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
	"terrac/lang/source"
)

// luaPosPrefix matches the "chunk:line: " a Lua error message starts with.
var luaPosPrefix = regexp.MustCompile(`^([^\n:]+):(\d+):(?:(\d+):)? `)

// callbackFrame is a user callback being run by the compiler.
type callbackFrame struct {
	what  string
	at    source.Span
	depth int // Lua call frames below the callback
}

// CallbackError is a Lua error raised inside a user callback.
type CallbackError struct {
	What   string      // "invoking macro", …
	At     source.Span // the Terra site that invoked the callback
	Raised source.Span // the Lua line that raised, if the message names it
	Msg    string      // the message, without the position it starts with
}

func (e *CallbackError) Error() string {
	var b strings.Builder
	if e.Raised.File != nil {
		fmt.Fprintf(&b, "%s:%d: ", e.Raised.File.Name, e.Raised.Position().Line)
	}
	b.WriteString(e.Msg)
	if e.At.File != nil {
		fmt.Fprintf(&b, "\n%s: Errors reported during %s", e.At.Position(), e.What)
	} else {
		// No Terra site (a type completed from Lua): still say which
		// callback failed, as Terra's traceback does.
		fmt.Fprintf(&b, "\nErrors reported during %s", e.What)
	}
	return b.String()
}

// Diagnostic reports the error where the Lua code raised it, with a
// note at the Terra site (check.LocatedError).
func (e *CallbackError) Diagnostic(at source.Span) *source.Diagnostic {
	if e.At.File != nil {
		at = e.At
	}
	if e.Raised.File == nil {
		return &source.Diagnostic{Span: at, Msg: e.Msg, Notes: []source.Note{{Span: at, Msg: "Errors reported during " + e.What}}}
	}
	return &source.Diagnostic{Span: e.Raised, Msg: e.Msg, Notes: []source.Note{{Span: at, Msg: "Errors reported during " + e.What}}}
}

// invokeUser calls the user function fn for the compiler: what names
// the callback ("invoking macro"), at is the Terra site.
func (rt *Runtime) invokeUser(what string, at source.Span, fn lua.LValue, args ...lua.LValue) ([]lua.LValue, error) {
	rt.callbacks = append(rt.callbacks, callbackFrame{what: what, at: at, depth: rt.luaDepth()})
	defer func() { rt.callbacks = rt.callbacks[:len(rt.callbacks)-1] }()
	vals, err := rt.CallHole(fn, args...)
	if err != nil {
		return nil, rt.callbackError(what, at, err)
	}
	return vals, nil
}

// callbackError locates a Lua error message "chunk:line: msg".
func (rt *Runtime) callbackError(what string, at source.Span, err error) error {
	msg := strings.TrimRight(luaErrorText(err), "\n")
	if i := strings.IndexByte(msg, '\n'); i >= 0 && strings.Contains(msg, "\nErrors reported during") {
		// Already a rendered terrac error (source lines, carets and a
		// trailer): keep its located first line; the diagnostic built
		// from it is rendered again below.
		msg = msg[:i]
	}
	ce := &CallbackError{What: what, At: at, Msg: msg}
	if m := luaPosPrefix.FindStringSubmatch(msg); m != nil {
		if f := rt.File(m[1]); f != nil {
			line, _ := strconv.Atoi(m[2])
			text := f.LineText(line)
			col := len(text) - len(strings.TrimLeft(text, " \t"))
			if m[3] != "" {
				// An error already located by the compiler (a
				// nested typechecking error).
				col, _ = strconv.Atoi(m[3])
				col--
			}
			ce.Raised = source.At(f, f.LineStart(line)+source.Pos(col))
			ce.Msg = msg[len(m[0]):]
		}
	}
	return ce
}

// luaDepth counts the Lua call frames now on the stack.
func (rt *Runtime) luaDepth() int {
	n := 0
	for {
		if _, ok := rt.L.GetStack(n); !ok {
			return n
		}
		n++
	}
}

// LookupMethod is Method with __getmethod's errors (check.MethodLookupHost).
func (rt *Runtime) LookupMethod(t *types.Type, name string, at source.Span) (lua.LValue, error) {
	if t.Kind != types.Struct {
		return lua.LNil, nil
	}
	rt.TypeValue(t)
	if gm := rt.Metamethod(t, "__getmethod"); gm != lua.LNil {
		vals, err := rt.invokeUser("invoking __getmethod of "+t.String(), at, gm, rt.TypeValue(t), lua.LString(name))
		if err != nil {
			return lua.LNil, err
		}
		if len(vals) == 0 {
			return lua.LNil, nil
		}
		return vals[0], nil
	}
	return rt.Method(t, name), nil
}

// traceback is debug.traceback: Lua's stack traceback, with the frames
// of user callbacks the compiler is running rendered as
// "file:line:col: Errors reported during <what>" at their Terra site.
func (rt *Runtime) traceback(L *lua.LState) int {
	msg := L.Get(1)
	if msg != lua.LNil {
		if _, ok := msg.(lua.LString); !ok {
			if _, ok := msg.(lua.LNumber); !ok {
				L.Push(msg)
				return 1
			}
		}
	}
	level := L.OptInt(2, 1)
	var b strings.Builder
	if msg != lua.LNil {
		b.WriteString(lua.LVAsString(msg))
		b.WriteByte('\n')
	}
	b.WriteString("stack traceback:")
	total := rt.luaDepth()
	cbs := rt.callbacks
	next := len(cbs) - 1
	for i := level; i < total; i++ {
		// A callback entered with depth d sits below the frames that
		// were on the stack before it (absolute depth <= d).
		for next >= 0 && total-i <= cbs[next].depth {
			fmt.Fprintf(&b, "\n\t%s: Errors reported during %s", cbs[next].at.Position(), cbs[next].what)
			next--
		}
		dbg, ok := L.GetStack(i)
		if !ok {
			break
		}
		if _, err := L.GetInfo("Snl", dbg, lua.LNil); err != nil {
			continue
		}
		src := dbg.Source
		b.WriteString("\n\t")
		switch {
		case dbg.What == "G":
			b.WriteString("[G]: in function '" + dbg.Name + "'")
		case dbg.CurrentLine > 0:
			fmt.Fprintf(&b, "%s:%d: ", src, dbg.CurrentLine)
			if dbg.What == "main" {
				b.WriteString("in main chunk")
			} else if dbg.Name != "" {
				b.WriteString("in function '" + dbg.Name + "'")
			} else {
				fmt.Fprintf(&b, "in function <%s:%d>", src, dbg.LineDefined)
			}
		default:
			fmt.Fprintf(&b, "%s: in function <%s:%d>", src, src, dbg.LineDefined)
		}
	}
	for ; next >= 0; next-- {
		fmt.Fprintf(&b, "\n\t%s: Errors reported during %s", cbs[next].at.Position(), cbs[next].what)
	}
	L.Push(lua.LString(b.String()))
	return 1
}

func (rt *Runtime) initTraceback() {
	if dbg, ok := rt.L.GetGlobal("debug").(*lua.LTable); ok {
		dbg.RawSetString("traceback", rt.L.NewFunction(rt.traceback))
	}
}

// located renders a callback error that reaches Lua directly (not through
// the checker): the Lua line that raised, with a note at the Terra site
// naming the callback, so the text says "Errors reported during …".
func (e *CallbackError) located() error { return locatedError{list: source.List{e.Diagnostic(e.At)}} }
