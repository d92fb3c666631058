// This file implements running a .t file and reporting its errors.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/lang/source"
	"terrac/runtime/jit"
	"terrac/stdlib/terralib"
)

// jitDebug (terrac -g) compiles JIT code with frame pointers so that
// faults report the Terra callers too (runtime/engine.DebugFull).
var jitDebug bool

func runFile(path string, args []string) int {
	src, err := readSource(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	p := newProgram()
	defer jit.Flush()
	p.rt.SetArgs(path, args)
	return p.run(path, src, args)
}

// program is one runtime that runs chunks (a file, a -e chunk) and
// reports their errors.
type program struct {
	rt         *terralib.Runtime
	panicStack []byte // where the first Go panic in a callback happened
}

func newProgram() *program {
	p := &program{rt: terralib.New()}
	if jitDebug {
		p.rt.SetDebugFlags(1)
	}
	p.rt.L.Options.OnGoPanic = func(any) {
		if p.panicStack == nil {
			p.panicStack = debug.Stack()
		}
	}
	return p
}

// run loads and runs one chunk with args; the result is the exit code.
func (p *program) run(name string, src []byte, args []string) int {
	rt := p.rt
	fn, err := rt.LoadString(name, src)
	if err != nil {
		reportLoad(err)
		return 1
	}
	if err := rt.Run(fn, args...); err != nil {
		jit.Flush()
		var ae *lua.ApiError
		if errors.As(err, &ae) && ae.Type == lua.ApiErrorPanic {
			// A Go panic inside a Lua callback: a terrac bug.
			fmt.Fprintf(os.Stderr, "internal error: %v\nPlease report this as a terrac bug.\n", ae.Object)
			if os.Getenv("TERRAC_DEBUG") != "" {
				os.Stderr.Write(p.panicStack)
			}
			return 3
		}
		fmt.Fprint(os.Stderr, formatRunError(rt, err))
		fmt.Fprint(os.Stderr, rt.Traceback(err))
		return 1
	}
	jit.Flush()
	return 0
}

// readSource reads a program, naming the file and the reason on failure
// (a missing file, a directory, no permission) in one line.
func readSource(path string) ([]byte, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("terrac: cannot read %s: %v", path, err)
	}
	return src, nil
}

func reportLoad(err error) {
	var list source.List
	if errors.As(err, &list) {
		for _, d := range list {
			fmt.Fprint(os.Stderr, source.Render(d))
		}
		return
	}
	fmt.Fprintln(os.Stderr, "terrac:", err)
}

// luaPos matches the "chunk:line:" prefix gopher-lua puts on errors.
var luaPos = regexp.MustCompile(`^([^\n:]+):(\d+): `)

// formatRunError turns a Lua error into `file:line:col: message` with
// the source line and a caret. Errors raised by terralib already carry
// rendered positions and are printed as they are.
func formatRunError(rt *terralib.Runtime, err error) string {
	msg := err.Error()
	var ae *lua.ApiError
	if errors.As(err, &ae) && ae.Object != nil {
		msg = ae.Object.String()
	}
	msg = strings.TrimRight(msg, "\n")
	if m := luaPos.FindStringSubmatch(msg); m != nil {
		if f := rt.File(m[1]); f != nil {
			line, _ := strconv.Atoi(m[2])
			text := f.LineText(line)
			col := len(text) - len(strings.TrimLeft(text, " \t"))
			d := &source.Diagnostic{
				Span: source.At(f, f.LineStart(line)+source.Pos(col)),
				Msg:  msg[len(m[0]):],
			}
			return source.Render(d)
		}
	}
	return msg + "\n"
}
