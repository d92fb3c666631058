// This file implements the parsing of clang/gcc-style command-line args
// (-I, -isystem, -iquote, -D, -U, -include, -std=, ...) into a cc.Config.

package cimport

import (
	"fmt"
	"path/filepath"
	"strings"

	"modernc.org/cc/v4"
)

// cargs is the part of the args cimport understands.
type cargs struct {
	dialect  []string // passed to the compiler probe and cc.Config.ApplyOptions
	quote    []string // -iquote: for #include "..." only
	user     []string // -I: for both forms, before system directories
	system   []string // -isystem: for both forms, before the compiler's
	after    []string // -idirafter
	prelude  strings.Builder
	includes []string // -include files, in order
}

// parseArgs splits args; flags it does not know (-O3, -Wno-..., -v) are
// ignored, as they do not change declarations.
func parseArgs(args []string) (*cargs, error) {
	a := &cargs{}
	for i := 0; i < len(args); i++ {
		arg := args[i]
		// value returns the operand of a flag spelled -Xvalue or -X value.
		value := func(flag string) (string, error) {
			if len(arg) > len(flag) {
				return strings.TrimPrefix(arg[len(flag):], "="), nil
			}
			if i+1 >= len(args) {
				return "", fmt.Errorf("cimport: missing argument after %s", flag)
			}
			i++
			return args[i], nil
		}
		var err error
		var v string
		switch {
		case strings.HasPrefix(arg, "-isystem"):
			v, err = value("-isystem")
			a.system = append(a.system, v)
		case strings.HasPrefix(arg, "-iquote"):
			v, err = value("-iquote")
			a.quote = append(a.quote, v)
		case strings.HasPrefix(arg, "-idirafter"):
			v, err = value("-idirafter")
			a.after = append(a.after, v)
		case arg == "-include" || arg == "--include":
			v, err = value(arg)
			a.includes = append(a.includes, v)
		case strings.HasPrefix(arg, "-I"):
			v, err = value("-I")
			a.user = append(a.user, v)
		case strings.HasPrefix(arg, "-D"):
			v, err = value("-D")
			name, val, ok := strings.Cut(v, "=")
			if !ok {
				val = "1"
			}
			fmt.Fprintf(&a.prelude, "#define %s %s\n", name, val)
		case strings.HasPrefix(arg, "-U"):
			v, err = value("-U")
			fmt.Fprintf(&a.prelude, "#undef %s\n", v)
		case strings.HasPrefix(arg, "-std="), arg == "-ansi",
			arg == "-fno-asm", arg == "-ffreestanding", arg == "-fno-builtin",
			arg == "-m32", arg == "-m64", arg == "-mlong-double-64", arg == "-pthread",
			strings.HasPrefix(arg, "-march="), strings.HasPrefix(arg, "-fgnuc-version="):
			a.dialect = append(a.dialect, arg)
		}
		if err != nil {
			return nil, err
		}
	}
	return a, nil
}

// config builds the cc.Config for a probe and parsed args.
func (a *cargs) config(p *probe) (*cc.Config, error) {
	abi, err := cc.NewABI(goos, goarch)
	if err != nil {
		return nil, err
	}
	// cc/v4 leaves the half-precision types out of some ABIs, so that any
	// header mentioning them (gcc's and clang's x86 intrinsics do) fails
	// to import. They are 2-byte floats wherever compilers offer them; the
	// adapter maps them to an unsupported type, like long double.
	for k, at := range map[cc.Kind]cc.AbiType{cc.Float16: {Size: 2, Align: 2, FieldAlign: 2},
		cc.BFloat16: {Size: 2, Align: 2, FieldAlign: 2}, cc.ComplexFloat16: {Size: 4, Align: 2, FieldAlign: 2}} {
		if _, ok := abi.Types[k]; !ok {
			abi.Types[k] = at
		}
	}
	// gcc order: "" (the includer's directory, quote form only), -iquote,
	// -I, -isystem, the compiler's system directories, -idirafter.
	sys := a.systemDirs(p.System)
	quote := append(append(append([]string{""}, cleanDirs(a.quote)...), p.Quote...), sys...)
	cfg := &cc.Config{
		ABI:                 abi,
		Predefined:          p.Predefined,
		IncludePaths:        quote,
		SysIncludePaths:     sys,
		HostIncludePaths:    p.Quote,
		HostSysIncludePaths: p.System,
		Header:              true,
		ABILayout:           true,
		EvalAllMacros:       true,
		// Headers are checked by the real compiler; cc/v4's evaluation of
		// these is not worth failing an import for.
		IgnoreStaticAssert:         true,
		IgnoreNegativeShiftAmounts: true,
		// Not UnsignedEnums: it makes enumeration constants unsigned, but
		// in C they are int (only gcc's enum *type* is unsigned).
	}
	if err := cfg.ApplyOptions(a.dialect...); err != nil {
		return nil, err
	}
	return cfg, nil
}

// systemDirs is the #include <...> search order around the compiler's
// own directories: -I, -isystem, the compiler's, -idirafter.
func (a *cargs) systemDirs(compiler []string) []string {
	return append(append(append(cleanDirs(a.user), cleanDirs(a.system)...), compiler...), cleanDirs(a.after)...)
}

func cleanDirs(dirs []string) []string {
	r := make([]string, len(dirs))
	for i, d := range dirs {
		r[i] = filepath.Clean(d)
	}
	return r
}
