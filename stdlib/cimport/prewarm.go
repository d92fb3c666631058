// This file implements the pre-scan of headers while the compiler probe
// runs: the probe is a process start (about 100 ms, mostly clang loading
// itself) and the translation cannot begin before it ends, so the headers
// the code will likely include are scanned into sourceCache meanwhile, and
// the translation that follows skips scanning them.

package cimport

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing/fstest"

	"modernc.org/cc/v4"
)

// prewarmMaxFiles bounds the pre-scan; the four common headers of glibc
// reach about 60 files.
const prewarmMaxFiles = 400

// prewarm scans into sourceCache the headers reachable from code by the
// #include lines of the files, followed whatever the conditions around
// them, in dirs. It stops when stop is set, and returns the files it
// scanned. What it guesses only decides what is scanned ahead: the cache
// hands a scanned source to a translation only under the same path and
// with the same bytes.
func prewarm(code string, includes []string, quote, dirs []string, stop *atomic.Bool) []string {
	// cc/v4 keeps a source on its second sighting, so each file is
	// preprocessed twice. No #include resolves (empty FS), which stops
	// the preprocessor at the first one: what is left is mostly the scan
	// into preprocessing groups, the part a translation reuses.
	cfg := &cc.Config{FS: fstest.MapFS{}, FSOnly: true, SourceCache: &sourceCache}
	seen := map[string]bool{}
	var order []string
	var visit func(path string, data []byte)
	resolve := func(name string, form byte, next bool, from string) {
		if len(seen) >= prewarmMaxFiles || stop.Load() {
			return
		}
		var cand []string
		if form == '"' {
			if filepath.IsAbs(name) {
				cand = []string{name}
			} else {
				cand = append(cand, filepath.Join(filepath.Dir(from), name))
				for _, d := range quote {
					cand = append(cand, filepath.Join(d, name))
				}
			}
		}
		search := dirs
		if next {
			// #include_next: the directories after the includer's.
			for i, d := range dirs {
				if strings.HasPrefix(from, d+string(filepath.Separator)) {
					search = dirs[i+1:]
					break
				}
			}
		}
		for _, d := range search {
			cand = append(cand, filepath.Join(d, name))
		}
		for _, p := range cand {
			if seen[p] {
				return
			}
			data, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			visit(p, data)
			return
		}
	}
	visit = func(path string, data []byte) {
		seen[path] = true
		order = append(order, path)
		for i := 0; i < 2 && !stop.Load(); i++ {
			preprocessQuietly(cfg, path, data)
		}
		forIncludes(data, func(name string, form byte, next bool) { resolve(name, form, next, path) })
	}
	for _, inc := range includes {
		resolve(inc, '"', false, "./x")
	}
	forIncludes([]byte(code), func(name string, form byte, next bool) { resolve(name, form, next, "./x") })
	return order
}

// forIncludes calls f for each `#include <name>`, `#include "name"` and
// #include_next line of src.
func forIncludes(src []byte, f func(name string, form byte, next bool)) {
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		line = bytes.TrimLeft(line, " \t")
		if len(line) == 0 || line[0] != '#' {
			continue
		}
		line = bytes.TrimLeft(line[1:], " \t")
		if !bytes.HasPrefix(line, []byte("include")) {
			continue
		}
		line = line[len("include"):]
		next := bytes.HasPrefix(line, []byte("_next"))
		if next {
			line = line[len("_next"):]
		}
		line = bytes.TrimLeft(line, " \t")
		if len(line) < 2 || (line[0] != '<' && line[0] != '"') {
			continue
		}
		end := byte('>')
		if line[0] == '"' {
			end = '"'
		}
		if j := bytes.IndexByte(line[1:], end); j > 0 {
			f(string(line[1:1+j]), line[0], next)
		}
	}
}

// idleProcessor reports whether, by the kernel's count of runnable threads
// now (/proc/loadavg, which counts the reading thread too), a processor is
// left for the pre-scan beside the compiler: on a busy machine the
// pre-scan's extra work (each file is scanned twice to save one scan
// later) would slow the probe and the translation instead.
func idleProcessor(loadavg []byte, ncpu int) bool {
	f := strings.Fields(string(loadavg))
	if len(f) < 4 {
		return false
	}
	running, _, ok := strings.Cut(f[3], "/")
	n, err := strconv.Atoi(running)
	return ok && err == nil && n < ncpu
}

// guessSystemDirs guesses the compiler's #include <...> directories before
// the probe tells them: clang's resource directory next to the binary, and
// the usual Linux ones.
func guessSystemDirs(compilerPath string) []string {
	var r []string
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(filepath.Dir(compilerPath)), "lib", "clang", "*", "include")); len(m) > 0 {
		r = append(r, m[len(m)-1])
	}
	r = append(r, "/usr/local/include")
	switch goarch {
	case "amd64":
		r = append(r, "/usr/include/x86_64-linux-gnu")
	case "arm64":
		r = append(r, "/usr/include/aarch64-linux-gnu")
	}
	return append(r, "/usr/include")
}

// preprocessQuietly preprocesses data as the source path; a failure in
// cc/v4 costs only the speed-up.
func preprocessQuietly(cfg *cc.Config, path string, data []byte) {
	defer func() { recover() }()
	cc.Preprocess(cfg, []cc.Source{{Name: path, Value: data}}, discard{})
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
