// This file implements Source: one check run of one program.
package checkmode

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/lang/source"
	"terrac/runtime/engine"
	"terrac/runtime/jit"
	"terrac/stdlib/terralib"
)

// Options configure one check run.
type Options struct {
	// NoLuaIO makes the io and os functions with side effects fail.
	NoLuaIO bool
	// OutputToStderr sends the program's print and io.write to stderr.
	OutputToStderr bool
	// Timeout bounds the Lua stage (and Inspect); 0 means no bound.
	Timeout time.Duration
	// Context cancels the run early (a newer version of the document).
	Context context.Context
	// Prelude is Lua code run in the fresh state before the program
	// (the language server's safe-mode switches).
	Prelude []string
	// Setup, when set, is called with the fresh runtime before anything
	// runs (to set search paths).
	Setup func(rt *terralib.Runtime)
	// OnStop, when set, is called where the Lua stage calls into Terra
	// code, before it is stopped there.
	OnStop func(L *lua.LState)
	// Keep leaves the runtime open and returns it in Result.Runtime (the
	// caller closes it), for questions about the checked program.
	Keep bool
}

// Result is what checking one program found.
type Result struct {
	Diags source.List
	// Notes are "stopped at ..." and similar, printed after the diagnostics.
	Notes []string
	// TimedOut and Cancelled say why the Lua stage stopped early.
	TimedOut, Cancelled bool
	// StoppedAt is "FILE:LINE" where the program first called Terra code.
	StoppedAt string
	// Where is the place the Lua stage was stopped by the timeout, when
	// known.
	Where *source.Diagnostic
	// Runtime (with Options.Keep) is the checked program's state, and
	// Functions every Terra function it defined.
	Runtime   *terralib.Runtime
	Functions []*tree.Function
}

// errStopped ends the Lua stage where it calls into Terra code.
var errStopped = errors.New("terrac check: stopped at a call into Terra code")

// Source checks one program. It never runs native code.
func Source(name string, src []byte, o Options) (res Result) {
	rt := terralib.New()
	defer func() {
		if o.Keep && res.Runtime != nil {
			return
		}
		rt.Close()
	}()
	rt.Engine.SetVerifyOnly()
	var fns []*tree.Function
	rt.OnFunction = func(fn *tree.Function) { fns = append(fns, fn) }
	add := func(l source.List) { res.Diags = append(res.Diags, l...) }
	rt.OnDiagnostics = add
	rt.OnVerifiedCall = func(L *lua.LState, fn *tree.Function) {
		if res.StoppedAt == "" {
			res.StoppedAt = strings.TrimSuffix(strings.TrimSpace(L.Where(1)), ":")
			if o.OnStop != nil {
				o.OnStop(L)
			}
		}
		L.RaiseError("%s", errStopped.Error())
	}
	defer func() {
		// A Go panic is a terrac bug; report it as one diagnostic-free note
		// rather than crash the checker.
		if r := recover(); r != nil {
			res.Notes = append(res.Notes, fmt.Sprintf("%s: internal error while checking: %v", name, r))
		}
	}()
	if o.Setup != nil {
		o.Setup(rt)
	}
	prelude := o.Prelude
	if o.NoLuaIO {
		prelude = append([]string{NoLuaIO}, prelude...)
	}
	if o.OutputToStderr {
		prelude = append([]string{outputToStderr}, prelude...)
	}
	for _, p := range prelude {
		if err := rt.L.DoString(p); err != nil {
			res.Notes = append(res.Notes, "terrac check: "+err.Error())
			return res
		}
	}
	rt.SetArgs(name, nil)
	ctx := o.Context
	if ctx == nil {
		ctx = context.Background()
	}
	var cancel context.CancelFunc
	if o.Timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, o.Timeout)
	} else {
		ctx, cancel = context.WithCancel(ctx)
	}
	defer cancel()
	rt.L.SetContext(ctx)

	fn, err := rt.LoadString(name, src)
	if err != nil {
		var list source.List
		if errors.As(err, &list) {
			add(list)
		} else {
			res.Notes = append(res.Notes, "terrac check: "+err.Error())
		}
		return res
	}
	before := len(res.Diags)
	runErr := rt.Run(fn)
	rt.L.RemoveContext()
	jit.Flush()
	switch {
	case res.StoppedAt != "":
		res.Notes = append(res.Notes, fmt.Sprintf("stopped at %s: the program calls Terra code here; definitions after this point were not checked", res.StoppedAt))
	case runErr != nil && ctx.Err() != nil:
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			res.TimedOut = true
			res.Where = luaDiagnostic(rt, runErr)
			res.Notes = append(res.Notes, fmt.Sprintf("%s: the Lua stage was stopped after %v; definitions after that point were not checked", name, o.Timeout))
		} else {
			res.Cancelled = true
			res.Notes = append(res.Notes, fmt.Sprintf("%s: the check was cancelled", name))
			return res
		}
	case runErr != nil && strings.Contains(runErr.Error(), engine.ErrVerifyOnly.Error()):
		res.Notes = append(res.Notes, fmt.Sprintf("%s: the Lua stage stopped where it needs native code (%s); definitions after that point were not checked", name, firstLine(LuaErrorText(runErr))))
	case runErr != nil && len(res.Diags) == before:
		// A Lua error: located at its line, like terrac's own report.
		if d := luaDiagnostic(rt, runErr); d != nil {
			add(source.List{d})
		} else {
			res.Notes = append(res.Notes, firstLine(LuaErrorText(runErr)))
		}
	}

	// Every function the program defined, called or not.
	rt.OnDiagnostics = nil
	for i := 0; i < len(fns); i++ {
		f := fns[i]
		if f.Extern || !f.IsDefined() {
			continue
		}
		err := rt.Engine.Compile(f, true)
		if err == nil {
			continue
		}
		var de interface{ Diagnostics() source.List }
		var ie *engine.InternalError
		switch {
		case errors.As(err, &de):
			add(de.Diagnostics())
		case errors.As(err, &ie):
			res.Notes = append(res.Notes, fmt.Sprintf("%s: %v", f.Name, err))
		}
	}
	res.Diags = dedupe(res.Diags)
	res.Diags.Sort()
	res.Functions = fns
	if o.Keep {
		res.Runtime = rt
	}
	return res
}

// NoLuaIO replaces the io and os functions with side effects by ones that
// raise an error; reading the environment and the clock stays allowed.
const NoLuaIO = `
local function denied(name)
  return function() error(name .. " is disabled by --no-lua-io", 2) end
end
for _, n in ipairs { "open", "lines", "popen", "output", "input", "tmpfile" } do
  if io[n] then io[n] = denied("io." .. n) end
end
for _, n in ipairs { "execute", "remove", "rename", "tmpname", "exit" } do
  if os[n] then os[n] = denied("os." .. n) end
end
`

const outputToStderr = `
local stderr = io.stderr
print = function(...)
  local n = select("#", ...)
  for i = 1, n do
    if i > 1 then stderr:write("\t") end
    stderr:write(tostring((select(i, ...))))
  end
  stderr:write("\n")
end
io.write = function(...) return stderr:write(...) end
`

// dedupe drops repeated diagnostics (the same error reached through
// several callers), keeping the first.
func dedupe(l source.List) source.List {
	type key struct {
		file  string
		start source.Pos
		msg   string
	}
	seen := map[key]bool{}
	var out source.List
	for _, d := range l {
		k := key{msg: d.Msg, start: d.Span.Start}
		if d.Span.File != nil {
			k.file = d.Span.File.Name
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, d)
		}
	}
	return out
}

// LuaErrorText is the message of a Lua error value.
func LuaErrorText(err error) string {
	var ae *lua.ApiError
	if errors.As(err, &ae) && ae.Object != nil {
		return ae.Object.String()
	}
	return err.Error()
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// luaPos matches the "chunk:line:" prefix gopher-lua puts on errors.
var luaPos = regexp.MustCompile(`^([^\n:]+):(\d+): `)

// luaDiagnostic locates a Lua error's "chunk:line:" prefix in its file.
func luaDiagnostic(rt *terralib.Runtime, err error) *source.Diagnostic {
	msg := strings.TrimRight(LuaErrorText(err), "\n")
	m := luaPos.FindStringSubmatch(msg)
	if m == nil {
		return nil
	}
	f := rt.File(m[1])
	if f == nil {
		return nil
	}
	line, _ := strconv.Atoi(m[2])
	text := f.LineText(line)
	col := len(text) - len(strings.TrimLeft(text, " \t"))
	msg, _, _ = strings.Cut(msg[len(m[0]):], "\nstack traceback:")
	return &source.Diagnostic{Span: source.At(f, f.LineStart(line)+source.Pos(col)), Msg: msg}
}
