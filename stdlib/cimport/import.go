// This file implements Import: probe, configure, translate with cc/v4,
// walk the declarations, and go through the cache.

package cimport

import (
	"os"
	"runtime"
	"strings"
	"sync/atomic"

	"modernc.org/cc/v4"

	"terrac/internal/phase"
)

var goos, goarch = runtime.GOOS, runtime.GOARCH

// sourceCache lets imports in one process share scanned headers.
var sourceCache cc.SourceCache

// Options configure Import.
type Options struct {
	// Compiler is the host C compiler asked for predefined macros and
	// include directories; default "clang-14", the compiler that builds
	// the function bodies (bodies.go), so that declarations and bodies
	// come from the same headers, as in Terra, which embeds clang.
	Compiler string
	// Name is the file name of code in positions; default "<buffer>",
	// like Terra.
	Name string
	// NoCache bypasses both the in-process and the on-disk cache (neither
	// read nor written).
	NoCache bool
	// CacheDir overrides the on-disk cache directory, default
	// os.UserCacheDir()/terrac/cimport.
	CacheDir string
}

func (o *Options) defaults() {
	if o.Compiler == "" {
		o.Compiler = "clang-14"
	}
	if o.Name == "" {
		o.Name = "<buffer>"
	}
}

// Import preprocesses and type checks code (for example
// `#include <stdio.h>`) with the clang-style args (-I, -D, -U, -include,
// -isystem, -iquote, -std=; other flags are ignored) and returns what it
// declares. Errors in the C code are returned as an ErrorList. The result
// is cached (see cache.go) and must not be modified.
func Import(code string, args []string, opts Options) (*Header, error) {
	h, err := ImportLazy(code, args, opts)
	if h != nil {
		h.fill()
	}
	return h, err
}

// ImportLazy is Import, except that a Header read from the cache decodes
// its types on demand: use Lookup, Names and Has rather than the Funcs,
// Vars, Typedefs and Tags maps, which stay empty for such a Header.
func ImportLazy(code string, args []string, opts Options) (*Header, error) {
	opts.defaults()
	identity, err := compilerIdentity(opts.Compiler)
	if err != nil {
		return nil, err
	}
	if opts.NoCache {
		h, deps, err := translate(code, args, opts, identity)
		if h != nil {
			h.deps = deps
		}
		return h, err
	}
	key := cacheKey(code, args, opts, identity)
	phase.Enter(phase.CLoad)
	h := cacheLoad(key, opts)
	phase.Leave()
	if h != nil {
		return h, nil
	}
	phase.Enter(phase.CParse)
	h, deps, err := translate(code, args, opts, identity)
	phase.Leave()
	if err != nil {
		return nil, err
	}
	h.deps = deps
	cacheStore(key, opts, h, deps)
	return h, nil
}

// vaListAMD64 declares __builtin_va_list as clang and gcc do on x86-64,
// before cc.Builtin would make it void*.
// It is a single declaration with a declarator: cc/v4 (v4.34.0,
// AST.check) assumes every declaration before cc.Builtin's
// __predefined_declarator has one.
const vaListAMD64 = `typedef struct __va_list_tag { unsigned int gp_offset; unsigned int fp_offset; void *overflow_arg_area; void *reg_save_area; } __builtin_va_list[1];
#define __builtin_va_list __builtin_va_list
`

// floatNames makes the _FloatN names ordinary identifiers. To clang 14
// they are not types, so glibc's headers typedef them (_Float32 is float),
// and Terra's include tables hold those typedefs; to cc/v4 they are
// keywords, which made it reject the typedefs. declare renames them back.
const floatNames = `#define _Float32 __cimport_Float32
#define _Float64 __cimport_Float64
#define _Float32x __cimport_Float32x
#define _Float64x __cimport_Float64x
`

// floatNamePrefix marks a name renamed by floatNames.
const floatNamePrefix = "__cimport_Float"

// translate does the uncached work of Import and returns the files the
// preprocessor looked at.
func translate(code string, args []string, opts Options, identity string) (*Header, []dep, error) {
	a, err := parseArgs(args)
	if err != nil {
		return nil, nil, err
	}
	// Read here, before the compiler starts, so that the count holds this
	// thread alone of ours.
	var overlap func(stop *atomic.Bool)
	if data, _ := os.ReadFile("/proc/loadavg"); idleProcessor(data, runtime.GOMAXPROCS(0)) {
		src := code // translate appends to code meanwhile
		overlap = func(stop *atomic.Bool) {
			compilerPath, _, _ := strings.Cut(identity, "|")
			prewarm(src, a.includes, cleanDirs(a.quote), a.systemDirs(guessSystemDirs(compilerPath)), stop)
		}
	}
	p, err := getProbe(opts.Compiler, identity, a.dialect, opts, overlap)
	if err != nil {
		return nil, nil, err
	}
	cfg, err := a.config(p)
	if err != nil {
		return nil, nil, err
	}
	fs := newDepFS()
	cfg.FS = fs
	cfg.SourceCache = &sourceCache
	var prelude string
	if goarch == "amd64" {
		prelude = vaListAMD64
	}
	if strings.Contains(p.Predefined, "#define __clang__ ") {
		prelude += floatNames
	}
	cmdline := a.prelude.String()
	for _, inc := range a.includes {
		cmdline += "#include \"" + inc + "\"\n"
	}
	if !strings.HasSuffix(code, "\n") {
		code += "\n"
	}
	sources := []cc.Source{
		{Name: srcPredefined, Value: p.Predefined},
		{Name: srcPrelude, Value: prelude},
		{Name: srcBuiltin, Value: cc.Builtin},
		{Name: srcCommandLine, Value: cmdline},
		{Name: opts.Name, Value: code},
	}
	h := newHeader()
	ast, err := cc.Translate(cfg, sources)
	sysDirs := append(append([]string{}, p.System...), a.system...)
	for round := 0; err != nil; round++ {
		errs := errorList(err)
		if round == maxPruneRounds || !prune(cfg, sources, fs, errs, sysDirs, h.Skipped) {
			return nil, nil, errs
		}
		ast, err = cc.Translate(cfg, sources)
	}
	declare(h, newConverter(), ast, sysDirs)
	// Redefined macros are evaluated in further translations (macro.go).
	// Errors there would be cc/v4's; the aliases are a bonus.
	var aliases []aliasSet
	self, defs, other := splitCandidates(ast, macroCandidates(ast))
	if len(self) > 0 {
		small := []cc.Source{sources[0], sources[1], {Name: srcBuiltin, Value: macroBuiltin}, {Name: srcMacros, Value: defs + macroAliases(self)}}
		if a, err := cc.Translate(cfg, small); err == nil {
			aliases = append(aliases, aliasSet{a, self})
		} else {
			other = append(other, self...)
		}
	}
	if len(other) > 0 {
		if a, err := cc.Translate(cfg, append(sources, cc.Source{Name: srcMacros, Value: macroAliases(other)})); err == nil {
			aliases = append(aliases, aliasSet{a, other})
		}
	}
	macros(h, ast, aliases)
	return h, fs.list(), nil
}
