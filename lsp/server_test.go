package lsp

import (
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
