// This file implements `terrac build`: run a program's Lua stage, then
// save its exported Terra functions as an executable, shared library,
// object, assembly, bitcode or IR file.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	lua "github.com/yuin/gopher-lua"

	"terrac/runtime/aot"
	"terrac/runtime/cache"
	"terrac/runtime/jit"
	"terrac/stdlib/terralib"
)

const buildUsage = `usage: terrac build FILE.t [-o OUT] [--emit exe|obj|so|asm|ll|bc] [-O0..-O3] [-g]
                    [--export name,...] [--header OUT.h] [--target TRIPLE] [--cpu CPU]
                    [--features F] [--fast-math] [--no-cache] [-- linkargs...]
`

// emitKinds maps --emit values to saveobj kinds and default extensions.
var emitKinds = map[string]struct{ kind, ext string }{
	"exe": {aot.Executable, ""},
	"obj": {aot.Object, ".o"},
	"so":  {aot.SharedLibrary, ".so"},
	"asm": {aot.Asm, ".s"},
	"ll":  {aot.LLVMIR, ".ll"},
	"bc":  {aot.Bitcode, ".bc"},
}

type buildConfig struct {
	file, out, emit, header string
	exports                 []string
	opt                     int
	debug, fastMath, noCach bool
	target                  jit.Target
	linkargs                []string
}

func parseBuildArgs(args []string) (*buildConfig, error) {
	c := &buildConfig{emit: "exe", opt: 2}
	need := func(i int, flag string) (string, error) {
		if i+1 >= len(args) {
			return "", fmt.Errorf("%s needs a value", flag)
		}
		return args[i+1], nil
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		var err error
		switch {
		case a == "--":
			c.linkargs = append(c.linkargs, args[i+1:]...)
			i = len(args)
		case a == "-o" || a == "--emit" || a == "--export" || a == "--header" || a == "--target" || a == "--cpu" || a == "--features":
			var v string
			if v, err = need(i, a); err != nil {
				return nil, err
			}
			i++
			switch a {
			case "-o":
				c.out = v
			case "--emit":
				c.emit = v
			case "--export":
				for _, n := range strings.Split(v, ",") {
					if n = strings.TrimSpace(n); n != "" {
						c.exports = append(c.exports, n)
					}
				}
			case "--header":
				c.header = v
			case "--target":
				c.target.Triple = v
			case "--cpu":
				c.target.CPU = v
			case "--features":
				c.target.Features = v
			}
		case len(a) == 3 && strings.HasPrefix(a, "-O") && a[2] >= '0' && a[2] <= '3':
			c.opt, _ = strconv.Atoi(a[2:])
		case a == "-g":
			c.debug = true
		case a == "--fast-math":
			c.fastMath = true
		case a == "--no-cache":
			c.noCach = true
		case strings.HasPrefix(a, "-") && a != "-":
			return nil, fmt.Errorf("unknown flag %s", a)
		default:
			if c.file != "" {
				return nil, fmt.Errorf("more than one input file (%s and %s)", c.file, a)
			}
			c.file = a
		}
	}
	if c.file == "" {
		return nil, fmt.Errorf("no input file")
	}
	if _, ok := emitKinds[c.emit]; !ok {
		return nil, fmt.Errorf("unknown --emit %s (want exe, obj, so, asm, ll or bc)", c.emit)
	}
	if c.out == "" {
		base := strings.TrimSuffix(filepath.Base(c.file), ".t")
		if c.emit == "so" {
			base = "lib" + base
		}
		c.out = base + emitKinds[c.emit].ext
	}
	return c, nil
}

// progress prints one line per phase on stderr when it is a terminal
// (TERRAC_PROGRESS=1 forces it on, =0 off).
type progress struct {
	on    bool
	start time.Time
}

func newProgress() *progress {
	fi, err := os.Stderr.Stat()
	on := err == nil && fi.Mode()&os.ModeCharDevice != 0
	switch os.Getenv("TERRAC_PROGRESS") {
	case "1":
		on = true
	case "0":
		on = false
	}
	return &progress{on: on, start: time.Now()}
}

func (p *progress) say(format string, args ...any) {
	if p.on {
		fmt.Fprintf(os.Stderr, "terrac build: [%5.2fs] %s\n", time.Since(p.start).Seconds(), fmt.Sprintf(format, args...))
	}
}

func buildFile(args []string) int {
	c, err := parseBuildArgs(args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "terrac build: %v\n%s", err, buildUsage)
		return 2
	}
	src, err := readSource(c.file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	p := newProgress()
	jit.DisableAhead() // the Lua stage defines functions to save, not to call
	rt := terralib.New()
	defer jit.Flush()
	rt.SetArgs(c.file, nil)
	p.say("running the Lua stage of %s", c.file)
	fn, err := rt.LoadString(c.file, src)
	if err != nil {
		reportLoad(err)
		return 1
	}
	L := rt.L
	top := L.GetTop()
	L.Push(fn)
	if err := L.PCall(0, lua.MultRet, nil); err != nil {
		jit.Flush()
		fmt.Fprint(os.Stderr, formatRunError(rt, err))
		return 1
	}
	var ret lua.LValue = lua.LNil
	if L.GetTop() > top {
		ret = L.Get(top + 1)
	}
	jit.Flush()
	exports, err := chooseExports(rt, c, ret)
	if err != nil {
		fmt.Fprintf(os.Stderr, "terrac build: %s\n", terralib.Message(err))
		return 1
	}
	kind := emitKinds[c.emit].kind
	if kind == aot.Executable && !hasMain(exports) {
		fmt.Fprintf(os.Stderr, "terrac build: an executable needs a Terra function exported as main (define a global terra main, or use --export)\n")
		return 1
	}
	o := rt.SaveOptions(aot.Options{Target: c.target, Opt: c.opt, Debug: c.debug})
	if c.fastMath {
		o.FastMath = []string{"fast"}
	}
	if !c.noCach {
		o.Cache = cache.Default()
	}
	o.Progress = func(phase string) {
		switch phase {
		case "cached":
			p.say("compiled code found in the cache")
		default:
			p.say("%s", phase)
		}
	}
	// "-o -" writes the output to stdout.
	file := c.out
	if file == "-" {
		file = ""
	}
	out, err := aot.Save(file, kind, exports, rt.Engine.Check, c.linkargs, o)
	if err != nil {
		fmt.Fprintf(os.Stderr, "terrac build: %s\n", strings.TrimRight(terralib.Message(err), "\n"))
		return 1
	}
	if c.out == "-" {
		os.Stdout.Write(out)
	}
	if c.header != "" {
		guard := strings.ToUpper(cIdentForGuard(filepath.Base(c.header)))
		h, err := aot.Header(exports, guard)
		if err == nil {
			err = os.WriteFile(c.header, []byte(h), 0o644)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "terrac build: %v\n", err)
			return 1
		}
	}
	p.say("wrote %s", c.out)
	return 0
}

// chooseExports picks what to save: --export names (looked up in the
// chunk's returned table, then as globals), else the returned table's
// Terra functions, else a returned function (as main), else global main.
func chooseExports(rt *terralib.Runtime, c *buildConfig, ret lua.LValue) ([]aot.Export, error) {
	L := rt.L
	if len(c.exports) > 0 {
		var es []aot.Export
		for _, name := range c.exports {
			var v lua.LValue = lua.LNil
			if tb, ok := ret.(*lua.LTable); ok {
				v = tb.RawGetString(name)
			}
			if v == lua.LNil {
				v = L.GetGlobal(name)
			}
			fn := rt.AsFunction(v)
			if fn == nil {
				return nil, fmt.Errorf("--export %s: no Terra function of that name (a global, or a field of the table the program returns)", name)
			}
			es = append(es, aot.Export{Name: name, Fn: fn})
		}
		return es, nil
	}
	if tb, ok := ret.(*lua.LTable); ok {
		return rt.SaveExports(tb)
	}
	if fn := rt.AsFunction(ret); fn != nil {
		return []aot.Export{{Name: "main", Fn: fn}}, nil
	}
	if fn := rt.AsFunction(L.GetGlobal("main")); fn != nil {
		return []aot.Export{{Name: "main", Fn: fn}}, nil
	}
	return nil, fmt.Errorf("nothing to build: %s defines no global Terra function main and returns no function or table of functions (or use --export)", c.file)
}

func hasMain(es []aot.Export) bool {
	for _, e := range es {
		if e.Name == "main" {
			return true
		}
	}
	return false
}

func cIdentForGuard(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[i] = '_'
		}
	}
	return "TERRAC_" + string(b)
}
