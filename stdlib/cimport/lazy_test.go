// This file tests the lazy decoding of cached headers.

package cimport

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"terrac/runtime/cache"
)

// decoded counts the types of h decoded so far.
func decoded(h *Header) int {
	n := 0
	for _, t := range h.lazy.types {
		if t != nil {
			n++
		}
	}
	return n
}

const lazyCode = "#include <stdio.h>\n#include <stdlib.h>\nstruct node { struct node *next; int v; };\nint count(struct node *);\n"

// TestLazyLookupDecodesOne: a warm import decodes no type until a lookup,
// and a lookup decodes that declaration's types only.
func TestLazyLookupDecodesOne(t *testing.T) {
	opts := Options{CacheDir: t.TempDir()}
	cold, err := Import(lazyCode, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	clearMemo()
	h, err := ImportLazy(lazyCode, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	if h.lazy == nil {
		t.Fatal("a header read from the cache is not lazy")
	}
	total := len(h.lazy.types)
	if n := decoded(h); n != 0 {
		t.Fatalf("%d of %d types decoded before any lookup", n, total)
	}
	if len(h.Funcs) != 0 {
		t.Fatalf("Funcs filled before any whole-table use: %d", len(h.Funcs))
	}
	f := h.Lookup(FuncNames, "count")
	if f == nil || f.Kind != Func || len(f.Params) != 1 {
		t.Fatalf("count = %v", f)
	}
	node := f.Params[0].Elem
	if node.Name != "node" || node.Fields[0].Type.Elem != node {
		t.Fatalf("struct node and its cycle: %+v", node)
	}
	// int count(struct node *): the function, the pointer, the struct,
	// its two member types, and int (shared by v and the result).
	if n := decoded(h); n > 6 || n*10 > total {
		t.Errorf("one lookup decoded %d of %d types", n, total)
	}
	if h.Lookup(TagNames, "node") != node {
		t.Errorf("the tag lookup gives another type than the one count uses")
	}
	if h.Lookup(FuncNames, "no_such_function") != nil || h.Has(FuncNames, "no_such_function") || !h.Has(FuncNames, "printf") {
		t.Errorf("Has/Lookup of absent and present names")
	}
	if got, want := h.Names(FuncNames), sortedNames(cold.Funcs); !cmp.Equal(got, want) {
		t.Errorf("Names differ from the cold import's: %d vs %d", len(got), len(want))
	}
	// A whole-table use decodes everything, keeping the types already
	// handed out.
	h.fill()
	if n := decoded(h); n != total {
		t.Errorf("fill decoded %d of %d types", n, total)
	}
	if h.Funcs["count"] != f || h.Tags["node"] != node {
		t.Errorf("fill made new types for names already looked up")
	}
	if d := cmp.Diff(cold, h, cmpopts.IgnoreUnexported(Header{})); d != "" {
		t.Fatalf("lazy header differs from the cold one (-cold +lazy):\n%s", d)
	}
}

// TestCorruptEntryRebuilt: an entry in an old format, or malformed but
// with a valid hash, is a miss; the import translates again and rewrites it.
func TestCorruptEntryRebuilt(t *testing.T) {
	opts := Options{CacheDir: t.TempDir()}
	code := "#include <stdio.h>\n"
	if _, err := Import(code, nil, opts); err != nil {
		t.Fatal(err)
	}
	opts.defaults()
	id, err := compilerIdentity(opts.Compiler)
	if err != nil {
		t.Fatal(err)
	}
	key := cacheKey(code, nil, opts, id)
	good, ok := cacheGet(opts, headerKind, key)
	if !ok {
		t.Fatal("no entry written")
	}
	old := append([]byte(encMagic), 8) // version 8, the gob format's
	truncated := good[:len(good)/2]
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)-3] ^= 0xff // in the type section
	for name, bad := range map[string][]byte{"old version": old, "truncated": truncated, "garbage": []byte("not an entry")} {
		cachePut(opts, headerKind, key, bad)
		clearMemo()
		h, err := ImportLazy(code, nil, opts)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if h.lazy != nil || h.Lookup(FuncNames, "printf") == nil {
			t.Errorf("%s: entry not rebuilt (lazy %v)", name, h.lazy != nil)
		}
		if again, _ := cacheGet(opts, headerKind, key); string(again) == string(bad) {
			t.Errorf("%s: entry not rewritten", name)
		}
	}
	// A malformed type decodes as Unsupported, never a panic.
	cachePut(opts, headerKind, key, flipped)
	clearMemo()
	h, err := ImportLazy(code, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	h.fill()
}

// TestRedefinedMacros: redefined macros get their final value whether
// they can be evaluated without the declarations (numbers, other macros,
// typedefs of basic types) or not (an enumeration constant).
func TestRedefinedMacros(t *testing.T) {
	code := `typedef unsigned char byte_t;
enum { SEVEN = 7 };
#define A 1
#undef A
#define A 2
#define B (A + 40)
#undef B
#define B (A + 40L)
#define C 0
#undef C
#define C ((int) sizeof (byte_t) * 3)
#define D 0
#undef D
#define D (SEVEN * 6)
#define E 0
#undef E
#define E __attribute__((unused))
`
	h, err := Import(code, nil, Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]IntConst{"A": {2, false, 4}, "B": {42, false, 8}, "C": {3, false, 4}, "D": {42, false, 4}}
	for name, w := range want {
		if got, ok := h.IntMacros[name]; !ok || got != w {
			t.Errorf("%s = %+v (present %v), want %+v", name, got, ok, w)
		}
	}
	if v, ok := h.IntMacros["E"]; ok {
		t.Errorf("E, an attribute, has value %+v", v)
	}
	if !h.Literal["A"] || h.Literal["B"] {
		t.Errorf("Literal: A %v B %v", h.Literal["A"], h.Literal["B"])
	}
}

// TestProbeCached: a later process importing another header reads the
// compiler probe from the cache instead of running the compiler, until a
// directory the probe depends on changes.
func TestProbeCached(t *testing.T) {
	dir := t.TempDir()
	logf := filepath.Join(dir, "runs")
	cc := filepath.Join(dir, "cc")
	if err := os.WriteFile(cc, []byte("#!/bin/sh\necho run >> "+logf+"\nexec clang-14 \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	runs := func() int {
		b, _ := os.ReadFile(logf)
		return strings.Count(string(b), "run")
	}
	newProcess := func() {
		clearMemo()
		probes.Lock()
		probes.m = nil
		probes.Unlock()
	}
	opts := Options{Compiler: cc, CacheDir: filepath.Join(dir, "cache")}
	if _, err := Import("#include <stddef.h>\n", nil, opts); err != nil {
		t.Fatal(err)
	}
	if runs() != 1 {
		t.Fatalf("compiler ran %d times for the first import, want 1", runs())
	}
	newProcess()
	h, err := Import("#include <stdint.h>\n", nil, opts)
	if err != nil || h.Typedefs["uint32_t"] == nil {
		t.Fatalf("second import: %v", err)
	}
	if runs() != 1 {
		t.Fatalf("compiler ran again (%d) with the probe cached", runs())
	}
	// Make the cached probe depend on a directory, then change it.
	opts.defaults()
	id, _ := compilerIdentity(opts.Compiler)
	ckey := cache.NewKey("cprobe1", goos, goarch, hostCPU(), id+"\x00").String()
	data, ok := cacheGet(opts, probeKind, ckey)
	if !ok {
		t.Fatal("no cached probe")
	}
	var p probe
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	watched := filepath.Join(dir, "watched")
	os.Mkdir(watched, 0o755)
	old := time.Unix(1000, 0)
	os.Chtimes(watched, old, old)
	p.Deps = append(p.Deps, statDep(watched))
	data, _ = json.Marshal(&p)
	cachePut(opts, probeKind, ckey, data)
	newProcess()
	if _, err := Import("#include <stdbool.h>\n", nil, opts); err != nil || runs() != 1 {
		t.Fatalf("unchanged directory: err %v, runs %d", err, runs())
	}
	os.WriteFile(filepath.Join(watched, "new.h"), nil, 0o644)
	newProcess()
	if _, err := Import("#include <stdarg.h>\n", nil, opts); err != nil || runs() != 2 {
		t.Fatalf("changed directory: err %v, runs %d, want 2", err, runs())
	}
}

// TestEncodeLastRecord: the type encoded last keeps its members and
// parameters (their counts are stored plus one, at the very end of the
// entry).
func TestEncodeLastRecord(t *testing.T) {
	h := newHeader()
	i := &Type{Kind: Int, Size: 4, Align: 4, Signed: true, Name: "int"}
	h.Funcs["a"] = &Type{Kind: Func, Elem: i, Params: []*Type{i}}
	h.Funcs["b"] = &Type{Kind: Func, Params: []*Type{i}}
	h2 := newHeader()
	h2.Tags["s"] = &Type{Kind: Struct, Name: "s", Complete: true, Fields: []Field{{Type: &Type{Kind: Pointer, Size: 8}}}}
	roundTrip := func(h *Header) *Header {
		d, _, ok := decodeDeps(encode(h, nil))
		if !ok {
			t.Fatal("decodeDeps")
		}
		back, ok := decodeRest(d)
		if !ok {
			t.Fatal("decodeRest")
		}
		return back
	}
	back := roundTrip(h)
	for _, name := range []string{"a", "b"} {
		if f := back.Lookup(FuncNames, name); f == nil || f.Kind != Func || len(f.Params) != 1 || f.Params[0].Kind != Int {
			t.Errorf("%s = %+v", name, f)
		}
	}
	if s := roundTrip(h2).Lookup(TagNames, "s"); s == nil || s.Kind != Struct || len(s.Fields) != 1 || s.Fields[0].Type.Kind != Pointer {
		t.Errorf("s = %+v", s)
	}
}
