// This file implements `terrac check`: run a program's Lua stage with the
// engine in verify-only mode (no native code ever runs), then typecheck,
// lower and verify every Terra function it defined, called or not, and
// report every error sorted by position.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"terrac/lang/source"
	"terrac/tools/checkmode"
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
		if len(r.Diags) > 0 {
			code = 1
		}
		if o.json {
			writeJSONDiagnostics(os.Stdout, r.Diags)
		} else {
			for _, d := range r.Diags {
				fmt.Fprint(os.Stderr, source.Render(d))
			}
		}
		for _, n := range r.Notes {
			fmt.Fprintln(os.Stderr, n)
		}
	}
	return code
}

// checkSource checks one program through the checkmode library. It never
// runs native code.
func checkSource(name string, src []byte, o checkOptions) checkmode.Result {
	return checkmode.Source(name, src, checkmode.Options{
		NoLuaIO:        o.noLuaIO,
		OutputToStderr: o.json, // standard output carries the JSON lines
		Timeout:        o.timeout,
	})
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
