// This file implements running a .t file and reporting its errors.
package main

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/lang/source"
	"terrac/runtime/engine"
	"terrac/runtime/jit"
	"terrac/stdlib/terralib"
)

// jitDebug (terrac -g) compiles JIT code with frame pointers so that
// faults report the Terra callers too (runtime/engine.DebugFull).
var jitDebug bool

func runFile(path string, args []string) int {
	rt := terralib.New()
	if jitDebug {
		rt.Engine.SetDebugLevel(engine.DebugFull)
	}
	defer jit.Flush()
	rt.SetArgs(path, args)
	fn, err := rt.LoadFile(path)
	if err != nil {
		reportLoad(err)
		return 1
	}
	if err := rt.Run(fn, args...); err != nil {
		jit.Flush()
		fmt.Fprint(os.Stderr, formatRunError(rt, err))
		return 1
	}
	jit.Flush()
	return 0
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
