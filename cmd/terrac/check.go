// This file implements `terrac check`: run a program's Lua stage with the
// engine in verify-only mode (no native code ever runs), then typecheck,
// lower and verify every Terra function it defined, called or not, and
// report every error sorted by position.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
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

const checkUsage = `usage: terrac check [--json] [--no-lua-io] [--timeout SECONDS] FILE.t...

Typechecks every Terra function the programs define, whether or not they
are called, and lowers and verifies them, without running native code.
The Lua stage of each program does run, including its real I/O (files it
reads or writes, programs it starts) unless --no-lua-io is given. When it
calls a Terra function, that function is checked and the Lua stage stops
there; everything defined up to that point is then checked.

  --json        one JSON object per diagnostic on stdout
  --no-lua-io   make the io and os functions with side effects fail
  --timeout S   stop a Lua stage that runs longer than S seconds (default 10)

Exit status: 0 no errors, 1 errors, 2 usage.
`

// checkOptions configure one check run.
type checkOptions struct {
	json    bool
	noLuaIO bool
	timeout time.Duration
}

// checkResult is what checking one file found.
type checkResult struct {
	diags source.List
	notes []string // "stopped at ..." and similar, printed after the diagnostics
}

func runCheck(args []string) int {
	o := checkOptions{timeout: 10 * time.Second}
	var files []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--json":
			o.json = true
		case a == "--no-lua-io":
			o.noLuaIO = true
		case a == "--timeout":
			if i+1 == len(args) {
				fmt.Fprint(os.Stderr, "terrac check: --timeout needs a number of seconds\n", checkUsage)
				return 2
			}
			i++
			s, err := strconv.ParseFloat(args[i], 64)
			if err != nil || s <= 0 {
				fmt.Fprintf(os.Stderr, "terrac check: bad --timeout %q\n%s", args[i], checkUsage)
				return 2
			}
			o.timeout = time.Duration(s * float64(time.Second))
		case a == "-h" || a == "--help":
			fmt.Print(checkUsage)
			return 0
		case strings.HasPrefix(a, "-") && a != "-":
			fmt.Fprintf(os.Stderr, "terrac check: unknown flag %s\n%s", a, checkUsage)
			return 2
		default:
			files = append(files, a)
		}
	}
	if len(files) == 0 {
		fmt.Fprint(os.Stderr, "terrac check: no input file\n", checkUsage)
		return 2
	}
	code := 0
	for _, f := range files {
		src, err := readSource(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
			continue
		}
		r := checkSource(f, src, o)
		if len(r.diags) > 0 {
			code = 1
		}
		if o.json {
			writeJSONDiagnostics(os.Stdout, r.diags)
		} else {
			for _, d := range r.diags {
				fmt.Fprint(os.Stderr, source.Render(d))
			}
		}
		for _, n := range r.notes {
			fmt.Fprintln(os.Stderr, n)
		}
	}
	return code
}

// errStopped ends the Lua stage where it calls into Terra code.
var errStopped = errors.New("terrac check: stopped at a call into Terra code")

// checkSource checks one program. It never runs native code.
func checkSource(name string, src []byte, o checkOptions) (res checkResult) {
	rt := terralib.New()
	defer rt.Close()
	rt.Engine.SetVerifyOnly()
	var fns []*tree.Function
	rt.OnFunction = func(fn *tree.Function) { fns = append(fns, fn) }
	add := func(l source.List) { res.diags = append(res.diags, l...) }
	rt.OnDiagnostics = add
	stopped := ""
	rt.OnVerifiedCall = func(L *lua.LState, fn *tree.Function) {
		if stopped == "" {
			stopped = strings.TrimSuffix(strings.TrimSpace(L.Where(1)), ":")
		}
		L.RaiseError("%s", errStopped.Error())
	}
	defer func() {
		// A Go panic is a terrac bug; report it as one diagnostic-free note
		// rather than crash the checker.
		if r := recover(); r != nil {
			res.notes = append(res.notes, fmt.Sprintf("%s: internal error while checking: %v", name, r))
		}
	}()
	if o.json {
		// Standard output carries the JSON lines: the program's own
		// output goes to stderr.
		if err := rt.L.DoString(outputToStderr); err != nil {
			res.notes = append(res.notes, "terrac check: "+err.Error())
			return res
		}
	}
	if o.noLuaIO {
		if err := rt.L.DoString(noLuaIO); err != nil {
			res.notes = append(res.notes, "terrac check: "+err.Error())
			return res
		}
	}
	rt.SetArgs(name, nil)
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()
	rt.L.SetContext(ctx)

	fn, err := rt.LoadString(name, src)
	if err != nil {
		var list source.List
		if errors.As(err, &list) {
			add(list)
		} else {
			res.notes = append(res.notes, "terrac check: "+err.Error())
		}
		return res
	}
	before := len(res.diags)
	runErr := rt.Run(fn)
	rt.L.RemoveContext()
	jit.Flush()
	switch {
	case stopped != "":
		res.notes = append(res.notes, fmt.Sprintf("stopped at %s: the program calls Terra code here; definitions after this point were not checked", stopped))
	case runErr != nil && ctx.Err() != nil:
		res.notes = append(res.notes, fmt.Sprintf("%s: the Lua stage was stopped after %v; definitions after that point were not checked", name, o.timeout))
	case runErr != nil && strings.Contains(runErr.Error(), engine.ErrVerifyOnly.Error()):
		res.notes = append(res.notes, fmt.Sprintf("%s: the Lua stage stopped where it needs native code (%s); definitions after that point were not checked", name, firstLine(luaErrorText(runErr))))
	case runErr != nil && len(res.diags) == before:
		// A Lua error: located at its line, like terrac's own report.
		if d := luaDiagnostic(rt, runErr); d != nil {
			add(source.List{d})
		} else {
			res.notes = append(res.notes, firstLine(luaErrorText(runErr)))
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
			res.notes = append(res.notes, fmt.Sprintf("%s: %v", f.Name, err))
		}
	}
	res.diags = dedupe(res.diags)
	res.diags.Sort()
	return res
}

// noLuaIO replaces the io and os functions with side effects by ones that
// raise an error; reading the environment and the clock stays allowed.
const noLuaIO = `
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

func luaErrorText(err error) string {
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

// luaDiagnostic locates a Lua error's "chunk:line:" prefix in its file.
func luaDiagnostic(rt *terralib.Runtime, err error) *source.Diagnostic {
	msg := strings.TrimRight(luaErrorText(err), "\n")
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

// jsonDiagnostic is one line of --json output. Lines and columns count
// from 1; columns are bytes.
type jsonDiagnostic struct {
	File      string     `json:"file"`
	Line      int        `json:"line"`
	Column    int        `json:"column"`
	EndLine   int        `json:"endLine"`
	EndColumn int        `json:"endColumn"`
	Severity  string     `json:"severity"`
	Message   string     `json:"message"`
	Notes     []jsonNote `json:"notes,omitempty"`
}

type jsonNote struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

func writeJSONDiagnostics(w io.Writer, l source.List) {
	enc := json.NewEncoder(w)
	for _, d := range l {
		j := jsonDiagnostic{Severity: "error", Message: d.Msg}
		if f := d.Span.File; f != nil {
			start, end := f.Position(d.Span.Start), f.Position(d.Span.End)
			j.File, j.Line, j.Column, j.EndLine, j.EndColumn = f.Name, start.Line, start.Col, end.Line, end.Col
		}
		for _, n := range d.Notes {
			jn := jsonNote{Message: n.Msg}
			if f := n.Span.File; f != nil {
				p := f.Position(n.Span.Start)
				jn.File, jn.Line, jn.Column = f.Name, p.Line, p.Col
			}
			j.Notes = append(j.Notes, jn)
		}
		enc.Encode(j)
	}
}
