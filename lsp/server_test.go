package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestDiagnosticsOnOpen(t *testing.T) {
	dir := testdir(t)
	c := startServer(t, nil)
	uri, _ := c.open(dir, "errors.t")
	ds := c.diagnostics(uri, 1)
	var got []string
	for _, d := range ds {
		got = append(got, strings.Join([]string{itoa(d.Range.Start.Line + 1), itoa(d.Range.Start.Character + 1), d.Message}, ":"))
	}
	want := []string{
		"18:19:invalid conversion from &int8 to int32",
		"22:10:invalid conversion from niltype to int32",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, d := range ds {
		if d.Severity != severityError {
			t.Errorf("severity %d for %q", d.Severity, d.Message)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// lines lists "line:message" for each diagnostic (lines from 1).
func lines(ds []diagnostic) string {
	var out []string
	for _, d := range ds {
		out = append(out, strconv.Itoa(d.Range.Start.Line+1)+":"+d.Message)
	}
	return strings.Join(out, "\n")
}

func TestLuaInfiniteLoopTimesOut(t *testing.T) {
	dir := testdir(t)
	c := startServer(t, map[string]any{"terrac": map[string]any{"timeout": 0.5}})
	uri, _ := c.open(dir, "loop.t")
	ds := c.diagnostics(uri, 1)
	// The loop (lines 3 to 5) is where the run stopped.
	if len(ds) != 1 || ds[0].Range.Start.Line < 2 || ds[0].Range.Start.Line > 4 ||
		!strings.HasPrefix(ds[0].Message, "the Lua stage did not finish within 500ms") {
		t.Errorf("diagnostics:\n%s", lines(ds))
	}
}

func TestChangeCancelsOlderRun(t *testing.T) {
	dir := testdir(t)
	// No timeout to speak of: only cancellation ends the first run.
	c := startServer(t, map[string]any{"timeout": 600})
	uri, _ := c.open(dir, "loop.t")
	c.notify("textDocument/didChange", didChangeParams{
		TextDocument:   versionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []contentChange{{Text: "terra g() : int return true end\n"}},
	})
	var p publishDiagnosticsParams
	c.waitFor("diagnostics of version 2", func(m *message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		json.Unmarshal(m.Params, &p)
		if p.Version != nil && *p.Version == 1 {
			t.Fatalf("version 1 was reported: %s", m.Params)
		}
		return p.Version != nil && *p.Version == 2
	})
	if got := lines(p.Diagnostics); got != "1:invalid conversion from bool to int32" {
		t.Errorf("version 2 diagnostics:\n%s", got)
	}
	if !strings.Contains(c.log.String(), "version 1 cancelled") {
		t.Errorf("no cancellation in the log:\n%s", c.log.String())
	}
}

func TestUntrustedByDefault(t *testing.T) {
	dir := testdir(t)
	c := startServer(t, nil)
	uri, _ := c.open(dir, "unsafe.t")
	if got := lines(c.diagnostics(uri, 1)); !strings.HasPrefix(got, "1:io.open is disabled") {
		t.Errorf("diagnostics:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "written-by-check.txt")); err == nil {
		t.Errorf("the untrusted check wrote a file")
	}
	uri, _ = c.open(dir, "steps.t")
	if got := lines(c.diagnostics(uri, 1)); !strings.HasPrefix(got, "2:image: running programs and steps is disabled here") {
		t.Errorf("diagnostics:\n%s", got)
	}
}

func TestTrustedWorkspace(t *testing.T) {
	dir := testdir(t)
	c := startServer(t, map[string]any{"terrac": map[string]any{"trust": true}})
	uri, _ := c.open(dir, "unsafe.t")
	// The Lua stage ran to its end: the function after the I/O is checked.
	if got := lines(c.diagnostics(uri, 1)); got != "4:invalid conversion from niltype to int32" {
		t.Errorf("diagnostics:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "written-by-check.txt")); err != nil {
		t.Errorf("the trusted check did not write its file: %v", err)
	}
}

func TestDocumentSymbols(t *testing.T) {
	dir := testdir(t)
	c := startServer(t, nil)
	uri, _ := c.open(dir, "errors.t")
	var syms []documentSymbol
	c.request("textDocument/documentSymbol", documentSymbolParams{TextDocument: textDocumentIdentifier{URI: uri}}, &syms)
	var got []string
	for _, s := range syms {
		e := strconv.Itoa(s.Kind) + " " + s.Name + " " + strconv.Itoa(s.SelectionRange.Start.Line+1) + ":" + strconv.Itoa(s.SelectionRange.Start.Character+1)
		for _, f := range s.Children {
			e += " ." + f.Name
		}
		got = append(got, e)
	}
	want := []string{
		"23 Point 4:8 .x .y",
		"6 Point:norm2 6:13",
		"12 add 10:7",
		"12 main 15:7",
		"12 unused 21:7",
		"12 helper 25:16",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("symbols:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSaveRechecksRequiredFiles(t *testing.T) {
	dir := testdir(t)
	c := startServer(t, nil)
	uri, _ := c.open(dir, "defs.t")
	if ds := c.diagnostics(uri, 1); len(ds) != 0 {
		t.Fatalf("diagnostics: %s", lines(ds))
	}
	// The required file breaks on disk; saving the document checks again.
	lib := filepath.Join(dir, "lib.t")
	b, err := os.ReadFile(lib)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(b), "return x * 2", "return nil", 1)
	if err := os.WriteFile(lib, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", didSaveParams{TextDocument: textDocumentIdentifier{URI: uri}})
	libURI := pathToURI(lib)
	var got []string
	c.waitFor("diagnostics of lib.t", func(m *message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var p publishDiagnosticsParams
		json.Unmarshal(m.Params, &p)
		if p.URI == libURI {
			got = append(got, lines(p.Diagnostics))
			return true
		}
		return false
	})
	if got[0] != "4:invalid conversion from niltype to int32" {
		t.Errorf("lib.t diagnostics: %q", got)
	}
}
