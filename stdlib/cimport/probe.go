// This file implements the host C compiler probe: its identity, predefined
// macros and include directories, asked once per compiler and dialect.

package cimport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"terrac/internal/phase"
	"terrac/runtime/cache"
)

// probe is what the host compiler tells us about itself.
type probe struct {
	Predefined string   // `#define` lines from cc -E -dM
	Quote      []string // #include "..." search directories (-iquote)
	System     []string // #include <...> search directories
	// Deps are the directories the answer depends on besides the
	// compiler binary: the search directories and the GCC installation
	// clang selected (a new GCC version changes the list).
	Deps []dep
}

// compilerIdentity resolves compiler on PATH and returns a string that
// changes when the compiler binary does: its resolved path, size and mtime.
// It runs no process, so it is cheap enough for the warm path.
func compilerIdentity(compiler string) (string, error) {
	path, err := exec.LookPath(compiler)
	if err != nil {
		return "", fmt.Errorf("cimport: C compiler %q: %v", compiler, err)
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	fi, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("cimport: C compiler %q: %v", compiler, err)
	}
	return fmt.Sprintf("%s|%d|%d", path, fi.Size(), fi.ModTime().UnixNano()), nil
}

// prewarms counts the overlap functions still running (tests wait for
// them before resetting sourceCache).
var prewarms sync.WaitGroup

var probes struct {
	sync.Mutex
	m map[string]*probe
}

// probeKind is the cache kind of probes: a later process importing a
// header not cached yet skips running the compiler.
const probeKind = "cprobe"

// getProbe returns the probe of compiler for the dialect flags, running
// the compiler only the first time in a process, or not at all when the
// cache holds a probe whose directories are unchanged. When it runs the
// compiler, it runs overlap (if not nil) meanwhile, on another goroutine,
// and sets overlap's stop flag when the compiler is done.
func getProbe(compiler, identity string, dialect []string, opts Options, overlap func(stop *atomic.Bool)) (*probe, error) {
	key := identity + "\x00" + strings.Join(dialect, "\x00")
	probes.Lock()
	defer probes.Unlock()
	if p := probes.m[key]; p != nil {
		return p, nil
	}
	phase.Enter(phase.CProbe)
	ckey := cache.NewKey("cprobe1", goos, goarch, hostCPU(), key).String()
	var p *probe
	if data, ok := cacheGet(opts, probeKind, ckey); ok && !opts.NoCache {
		var c probe
		if json.Unmarshal(data, &c) == nil && len(c.System) > 0 && depsCurrent(c.Deps) {
			p = &c
		}
	}
	var err error
	if p == nil {
		var stop atomic.Bool
		if overlap != nil {
			prewarms.Add(1)
			go func() {
				defer prewarms.Done()
				overlap(&stop)
			}()
		}
		p, err = runProbe(compiler, dialect)
		stop.Store(true)
		if err == nil && !opts.NoCache {
			if data, jerr := json.Marshal(p); jerr == nil {
				cachePut(opts, probeKind, ckey, data)
			}
		}
	}
	phase.Leave()
	if err != nil {
		return nil, err
	}
	if probes.m == nil {
		probes.m = map[string]*probe{}
	}
	probes.m[key] = p
	return p, nil
}

// hostCPU describes the processor for the probe's cache key: -march=native
// makes the predefined macros depend on it, and a remote cache may be
// shared by machines with the same compiler and other processors.
func hostCPU() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	var r []string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "model name") || strings.HasPrefix(l, "flags") {
			r = append(r, l)
		}
		if l == "" && len(r) > 0 {
			break // the first processor's lines
		}
	}
	return strings.Join(r, "\n")
}

// runProbe runs the compiler once: with -dM and -v, the predefined macros
// go to stdout and the include search list to stderr.
func runProbe(compiler string, dialect []string) (*probe, error) {
	// Optimizing and tuned for the host CPU, as Terra's clang is:
	// headers see __OPTIMIZE__, and __AVX2__ and friends when the
	// machine has them.
	args := append(append([]string{"-O3", "-march=native"}, dialect...), "-E", "-dM", "-v", "-x", "c", os.DevNull)
	cmd := exec.Command(compiler, args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("cimport: %s %s: %v\n%s%s", compiler, strings.Join(args, " "), err, stdout.Bytes(), stderr.Bytes())
	}
	macros, verbose := stdout.Bytes(), stderr.Bytes()
	p := &probe{}
	var defs []string
	for _, l := range strings.Split(string(macros), "\n") {
		if strings.HasPrefix(l, "#define ") {
			defs = append(defs, l)
		}
	}
	p.Predefined = strings.Join(defs, "\n") + "\n"
	var dst *[]string
	for _, l := range bytes.Split(verbose, []byte("\n")) {
		s := string(l)
		switch {
		case strings.HasPrefix(s, `#include "..." search starts here:`):
			dst = &p.Quote
		case strings.HasPrefix(s, `#include <...> search starts here:`):
			dst = &p.System
		case strings.HasPrefix(s, "End of search list."):
			dst = nil
		case dst != nil && strings.HasPrefix(s, " "):
			*dst = append(*dst, filepath.Clean(strings.TrimSpace(s)))
		}
	}
	if len(p.System) == 0 {
		return nil, fmt.Errorf("cimport: %s -E -v printed no include search list", compiler)
	}
	dirs := append(append([]string{}, p.Quote...), p.System...)
	if _, gcc, ok := strings.Cut(string(verbose), "Selected GCC installation: "); ok {
		gcc, _, _ = strings.Cut(gcc, "\n")
		dirs = append(dirs, filepath.Dir(filepath.Clean(gcc)))
	}
	for _, d := range dirs {
		p.Deps = append(p.Deps, statDep(d))
	}
	return p, nil
}
