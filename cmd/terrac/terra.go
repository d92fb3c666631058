// This file implements the Terra-compatible command line: the same binary
// started under the name `terra` (bin/terra is a link to bin/terrac) takes
// Terra's options, so scripts and tools written for Terra's command work:
//
//	terra [OPTIONS] [source-file] [arguments-to-source-file]
//
// One binary rather than a second main package: the two commands share
// every line of code but the option parsing, and a statically linked LLVM
// would otherwise be installed twice.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/repl"
	"terrac/runtime/jit"
	"terrac/stdlib/terralib"
)

const terraUsage = `terra [OPTIONS] [source-file] [arguments-to-source-file]
    -v enable verbose debugging output
    -g enable debugging symbols
    -h print this help message
    -i enter the REPL after processing source files
    -e 'chunk' : execute command-line 'chunk' of code
    -  Execute stdin instead of script and stop parsing options
`

// invokedAsTerra reports whether the program was started as `terra`.
func invokedAsTerra(argv0 string) bool {
	name := strings.TrimSuffix(filepath.Base(argv0), ".exe")
	return name == "terra"
}

// terraOptions is the parsed command line of `terra`.
type terraOptions struct {
	verbose, debug int
	interactive    bool
	chunks         []string // -e, in order
	script         int      // index in argv of the script ("-" is stdin); len(argv) if none
	help           bool
}

// parseTerraArgs reads options up to the first argument that is not one,
// as getopt with "+" does: the script and everything after it belong to
// the script. Single-letter flags may be combined (-gg) and -e may carry
// its chunk attached (-e'code') or as the next argument.
func parseTerraArgs(argv []string) (terraOptions, error) {
	var o terraOptions
	i := 1
	for ; i < len(argv); i++ {
		a := argv[i]
		if a == "--" {
			i++
			break
		}
		if a == "-" || !strings.HasPrefix(a, "-") {
			break
		}
		if strings.HasPrefix(a, "--") {
			name, val, hasVal := strings.Cut(a[2:], "=")
			switch name {
			case "help":
				o.help = true
			case "verbose":
				o.verbose++
			case "debugsymbols":
				o.debug++
			case "interactive":
				o.interactive = true
			case "execute":
				if !hasVal {
					if i+1 >= len(argv) {
						return o, fmt.Errorf("option --execute needs a chunk")
					}
					i++
					val = argv[i]
				}
				o.chunks = append(o.chunks, val)
			default:
				return o, fmt.Errorf("unknown option %s", a)
			}
			continue
		}
		for j := 1; j < len(a); j++ {
			switch a[j] {
			case 'v':
				o.verbose++
			case 'g':
				o.debug++
			case 'i':
				o.interactive = true
			case 'h':
				o.help = true
			case 'e':
				chunk := a[j+1:]
				if chunk == "" {
					if i+1 >= len(argv) {
						return o, fmt.Errorf("option -e needs a chunk")
					}
					i++
					chunk = argv[i]
				}
				o.chunks = append(o.chunks, chunk)
				j = len(a)
			default:
				return o, fmt.Errorf("unknown option -%c", a[j])
			}
		}
	}
	o.script = i
	return o, nil
}

// runTerra runs the command as Terra's `terra` does: the -e chunks, then
// the script with its arguments, then the REPL if asked for with -i (or
// when there is nothing to run and standard input is a terminal).
func runTerra(argv []string) int {
	o, err := parseTerraArgs(argv)
	if err != nil || o.help {
		if err != nil {
			fmt.Fprintln(os.Stderr, "terra:", err)
		}
		fmt.Print(terraUsage)
		return 255 // Terra exits with -1
	}
	if o.debug > 0 {
		jitDebug = true
	}
	p := newProgram()
	defer jit.Flush()
	p.rt.SetDebugFlags(o.debug)
	p.rt.SetVerbose(o.verbose)
	for _, c := range o.chunks {
		if code := p.run("(command line)", []byte(c), nil); code != 0 {
			return code
		}
	}
	if o.script < len(argv) {
		script, args := argv[o.script], argv[o.script+1:]
		setTerraArgs(p.rt, argv, o.script)
		var src []byte
		name := script
		if script == "-" {
			name = "stdin"
			src, err = io.ReadAll(os.Stdin)
		} else {
			src, err = readSource(script)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if code := p.run(name, src, args); code != 0 {
			return code
		}
	}
	noWork := o.script >= len(argv) && len(o.chunks) == 0
	if (o.interactive || noWork) && stdinIsTerminal() {
		if err := repl.Run(p.rt); err != nil {
			fmt.Fprintln(os.Stderr, "terra:", err)
			return 1
		}
	}
	return 0
}

// setTerraArgs sets the global `arg` as Terra does: arg[0] is the script,
// arg[1..] its arguments, and the command and its options take the
// negative indices.
func setTerraArgs(rt *terralib.Runtime, argv []string, script int) {
	rt.SetArgs(argv[script], argv[script+1:])
	tb, ok := rt.L.GetGlobal("arg").(*lua.LTable)
	if !ok {
		return
	}
	for i := 0; i < script; i++ {
		tb.RawSetInt(i-script, lua.LString(argv[i]))
	}
}

func stdinIsTerminal() bool {
	fi, err := os.Stdin.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
