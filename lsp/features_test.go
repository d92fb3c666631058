package lsp

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// hoverAt asks for a hover at the n-th needle (+delta bytes) and returns
// its text and the line (from 1) of its range.
func (c *client) hoverAt(uri, text, needle string, n, delta int) (string, int) {
	c.t.Helper()
	var h *hover
	c.request("textDocument/hover", textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: uri},
		Position: at(c.t, text, needle, n, delta)}, &h)
	if h == nil {
		return "", 0
	}
	line := 0
	if h.Range != nil {
		line = h.Range.Start.Line + 1
	}
	return h.Contents.Value, line
}

func TestHover(t *testing.T) {
	dir := testdir(t)
	c := startServer(t, nil)
	uri, text := c.open(dir, "errors.t")
	c.diagnostics(uri, 1)
	cases := []struct {
		needle   string
		n, delta int
		want     string // a substring of the hover text
		line     int
	}{
		{"add", 0, 1, "terra add : {int32,int32} -> int32", 10}, // its declaration
		{"add", 1, 1, "terra add : {int32,int32} -> int32", 18}, // a call
		{"sum", 0, 0, "var sum : int32", 11},                    // a local's declaration
		{"sum", 1, 0, "var sum : int32", 12},                    // its use
		{"b : int", 0, 0, "var b : int32", 10},                  // a parameter
		{"p.x", 0, 2, "x : int32\n``` (field of Point)", 18},    // a struct field
		{"a + b", 0, 2, "expression : int32", 11},               // an expression
		{"norm2", 1, 1, "terra norm2 : {&Point} -> double", 17}, // a method call
		{"printf", 0, 1, "int32_t printf(char *a0, ...);", 17},  // a C function from includec
		{"Point", 0, 0, "struct Point {\n  x : int32\n  y : double\n}", 4},
		{"helper", 0, 0, "Lua function", 25}, // a top-level Lua local
		{"C =", 0, 0, "Lua table", 2},
	}
	for _, k := range cases {
		got, line := c.hoverAt(uri, text, k.needle, k.n, k.delta)
		if !strings.Contains(got, k.want) || line != k.line {
			t.Errorf("hover on %q #%d: line %d %q, want line %d with %q", k.needle, k.n, line, got, k.line, k.want)
		}
	}
	if got, _ := c.hoverAt(uri, text, "-- A program", 0, 3); got != "" {
		t.Errorf("hover in a comment: %q", got)
	}
}

// definitionAt asks where the n-th needle (+delta) is defined and
// returns "file:line:col" (from 1) or "".
func (c *client) definitionAt(uri, text, needle string, n, delta int) string {
	c.t.Helper()
	var loc *location
	c.request("textDocument/definition", textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: uri},
		Position: at(c.t, text, needle, n, delta)}, &loc)
	if loc == nil {
		return ""
	}
	return filepath.Base(uriToPath(loc.URI)) + ":" + strconv.Itoa(loc.Range.Start.Line+1) + ":" + strconv.Itoa(loc.Range.Start.Character+1)
}

func TestDefinition(t *testing.T) {
	dir := testdir(t)
	c := startServer(t, nil)
	uri, text := c.open(dir, "defs.t")
	if ds := c.diagnostics(uri, 1); len(ds) != 0 {
		t.Fatalf("diagnostics: %s", lines(ds))
	}
	cases := []struct {
		needle   string
		n, delta int
		want     string
	}{
		{"twice", 0, 1, "lib.t:4:9"},     // a Terra function in a required file
		{"len", 0, 1, "lib.t:3:13"},      // a method there
		{"v.x", 1, 0, "defs.t:5:7"},      // a Terra local
		{"v.x", 1, 2, "lib.t:2:16"},      // a struct field
		{"= n", 0, 2, "defs.t:3:13"},     // a parameter
		{"[s]", 1, 1, "defs.t:2:7"},      // a symbol made in Lua
		{"Vec", 0, 1, "lib.t:2:10"},      // a struct through a Lua name
		{"describe", 0, 1, "lib.t:5:12"}, // a Lua function in a required file
		{"useit", 0, 1, "defs.t:3:7"},    // a function's own name
		{"lib", 0, 0, "defs.t:1:7"},      // a Lua local
	}
	for _, k := range cases {
		if got := c.definitionAt(uri, text, k.needle, k.n, k.delta); got != k.want {
			t.Errorf("definition of %q #%d: %q, want %q", k.needle, k.n, got, k.want)
		}
	}
}

// complete edits the document to text (version v), waits for its
// check, and asks for completions at the end of the n-th needle.
func (c *client) complete(uri, text string, v int, needle string) []string {
	c.t.Helper()
	c.notify("textDocument/didChange", didChangeParams{
		TextDocument:   versionedTextDocumentIdentifier{URI: uri, Version: v},
		ContentChanges: []contentChange{{Text: text}},
	})
	c.diagnostics(uri, v)
	var list completionList
	c.request("textDocument/completion", textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: uri},
		Position: at(c.t, text, needle, 0, len(needle))}, &list)
	var out []string
	for _, it := range list.Items {
		out = append(out, it.Label)
	}
	return out
}

func TestCompletion(t *testing.T) {
	dir := testdir(t)
	c := startServer(t, nil)
	uri, text := c.open(dir, "errors.t")
	c.diagnostics(uri, 1)
	// Each edit leaves the text unparsable, as while typing: the names
	// come from the last version that ran.
	edit := func(v int, insert string) []string {
		t.Helper()
		i := strings.Index(text, "  return add(p.x")
		return c.complete(uri, text[:i]+"  "+insert+"\n"+text[i:], v, insert)
	}
	has := func(got []string, want ...string) {
		t.Helper()
		for _, w := range want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("%q not among %q", w, got)
			}
		}
	}
	if got := edit(2, "p."); strings.Join(got, " ") != "norm2 x y" {
		t.Errorf("after p.: %q", got)
	}
	if got := edit(3, "p:"); strings.Join(got, " ") != "norm2" {
		t.Errorf("after p:: %q", got)
	}
	has(edit(4, "C.pri"), "printf")
	has(edit(5, "terralib.inc"), "includec", "includecstring")
	has(edit(6, "Point."), "methods")
	has(edit(7, "su"), "sum")
}
