// This file implements mutation testing: every conformance program and
// example, broken in small ways (a token deleted, a type swapped, an
// operator changed, an `end` removed, two tokens swapped), must make
// terrac fail cleanly or succeed, never crash or hang.
package conformance

import (
	"flag"
	"hash/fnv"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var (
	allMutants = flag.Bool("mutants", false, "run every mutation of every program (default: one mutation of every fourth program)")
	mutantSeed = flag.Int("mutant-seed", 0, "vary which token each mutation picks")
)

// token is one lexical token of a program: its byte range.
type token struct{ start, end int }

// tokenRE splits Lua/Terra source roughly into tokens; comments are
// matched so they can be skipped (the first line may hold `-- ARGS:`).
var tokenRE = regexp.MustCompile(`--\[\[[\s\S]*?\]\]|--[^\n]*|\[\[[\s\S]*?\]\]|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[A-Za-z_][A-Za-z0-9_]*|[0-9][0-9A-Za-z.]*|\.\.\.|\.\.|==|~=|<=|>=|<<|>>|->|::|\S`)

func tokens(src string) []token {
	var out []token
	for _, m := range tokenRE.FindAllStringIndex(src, -1) {
		if strings.HasPrefix(src[m[0]:m[1]], "--") {
			continue
		}
		out = append(out, token{m[0], m[1]})
	}
	return out
}

// mutation rewrites src; pick chooses among candidates (deterministic
// per program). ok is false when the program offers nothing to mutate.
type mutation struct {
	name string
	fn   func(src string, toks []token, pick int) (string, bool)
}

var typeSwaps = map[string]string{
	"int": "bool", "int32": "double", "double": "&int8", "float": "int", "bool": "int",
	"int64": "float", "uint64": "bool", "int8": "double", "uint8": "&double", "uint": "rawstring",
}

// Operator replacements that make type or syntax errors rather than
// programs that loop forever.
var opSwaps = map[string]string{
	"+": "<", "-": "<=", "*": ">", "/": ">=", "<": "=", ">": "= =", "==": "=", "~=": "!=",
	"<=": "=<", ">=": "+=", "and": "..", "or": "..", "not": "@", "&": "@", "@": "&", "..": "<",
}

func replaceTok(src string, t token, s string) string { return src[:t.start] + s + src[t.end:] }

// nth returns the pick'th (mod len) token whose text satisfies ok.
func nth(src string, toks []token, pick int, ok func(string) bool) (token, bool) {
	var c []token
	for _, t := range toks {
		if ok(src[t.start:t.end]) {
			c = append(c, t)
		}
	}
	if len(c) == 0 {
		return token{}, false
	}
	return c[pick%len(c)], true
}

var mutations = []mutation{
	{"delete", func(src string, toks []token, pick int) (string, bool) {
		t, ok := nth(src, toks, pick, func(string) bool { return true })
		return replaceTok(src, t, ""), ok
	}},
	{"type", func(src string, toks []token, pick int) (string, bool) {
		t, ok := nth(src, toks, pick, func(s string) bool { return typeSwaps[s] != "" })
		return replaceTok(src, t, typeSwaps[src[t.start:t.end]]), ok
	}},
	{"operator", func(src string, toks []token, pick int) (string, bool) {
		t, ok := nth(src, toks, pick, func(s string) bool { return opSwaps[s] != "" })
		return replaceTok(src, t, opSwaps[src[t.start:t.end]]), ok
	}},
	{"end", func(src string, toks []token, pick int) (string, bool) {
		t, ok := nth(src, toks, pick, func(s string) bool { return s == "end" })
		return replaceTok(src, t, ""), ok
	}},
	{"swap", func(src string, toks []token, pick int) (string, bool) {
		if len(toks) < 2 {
			return "", false
		}
		i := pick % (len(toks) - 1)
		a, b := toks[i], toks[i+1]
		return src[:a.start] + src[b.start:b.end] + src[a.end:b.start] + src[a.start:a.end] + src[b.end:], true
	}},
}

// locatedRE is how every error report must start: file:line:col: or
// file:line: (Lua errors carry no column).
var locatedRE = regexp.MustCompile(`^[^\s:]+\.t:\d+(:\d+)?: `)

func TestMutations(t *testing.T) {
	progs, err := filepath.Glob("*/*.t")
	if err != nil {
		t.Fatal(err)
	}
	ex, _ := filepath.Glob("../examples/*.t")
	progs = append(progs, ex...)
	sort.Strings(progs)
	bin := terrac(t)
	for i, prog := range progs {
		src, err := os.ReadFile(prog)
		if err != nil {
			t.Fatal(err)
		}
		h := fnv.New32a()
		h.Write(src)
		pick := int(h.Sum32()>>1) + *mutantSeed*7919
		toks := tokens(string(src))
		for k, m := range mutations {
			// By default a quarter of the programs get one mutation
			// each, the kinds rotating, to keep `go test ./...` quick.
			if !*allMutants && (i%4 != 0 || k != i/4%len(mutations)) {
				continue
			}
			mutant, ok := m.fn(string(src), toks, pick)
			if !ok {
				continue
			}
			name := strings.TrimSuffix(filepath.ToSlash(strings.TrimPrefix(prog, "../")), ".t") + "/" + m.name
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				runMutant(t, bin, prog, mutant)
			})
		}
	}
}

// runMutant runs mutant as a sibling of prog (its libraries are linked
// into a fresh directory) and checks that terrac reported cleanly.
func runMutant(t *testing.T, bin, prog, mutant string) {
	dir := t.TempDir()
	if lib, err := filepath.Abs(filepath.Join(filepath.Dir(prog), "lib")); err == nil && exists(lib) {
		if err := os.Symlink(lib, filepath.Join(dir, "lib")); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Base(prog)
	if err := os.WriteFile(filepath.Join(dir, file), []byte(mutant), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := run(bin, dir, file, programArgs([]byte(mutant)))
	if err != nil {
		t.Fatal(err)
	}
	if res.timedOut {
		t.Fatalf("timed out\nprogram:\n%s", mutant)
	}
	for _, bad := range append(goTraceMarkers, "internal error") {
		if strings.Contains(res.stderr, bad) {
			t.Fatalf("stderr contains %q:\n%s\nprogram:\n%s", bad, res.stderr, mutant)
		}
	}
	if res.exitCode == 0 {
		return
	}
	if res.exitCode < 0 || res.exitCode > 2 {
		t.Errorf("exit status %d\nstderr:\n%s\nprogram:\n%s", res.exitCode, res.stderr, mutant)
	}
	if !locatedRE.MatchString(res.stderr) {
		t.Errorf("error not located (want file:line:col: message)\nstderr:\n%s\nprogram:\n%s", res.stderr, mutant)
	}
}
