// This file tests the harness's own matching rules.
package conformance

import "testing"

func TestMatchLines(t *testing.T) {
	stderr := "p.t:3:8: expected a bool expression but found int32\n    if 3 then\n       ^\nErrors reported during typechecking.\n"
	tests := []struct {
		want, missing string
	}{
		{"p.t:3:8: expected a bool expression\nErrors reported during typechecking.\n", ""},
		{"\n\np.t:3:8:\n\n", ""},
		{"Errors reported during typechecking.\np.t:3:8:", "p.t:3:8:"}, // order matters
		{"p.t:3:9:", "p.t:3:9:"},
		{"found int32   \r\n", ""}, // trailing blanks are ignored
	}
	for _, tt := range tests {
		if got := matchLines(tt.want, stderr); got != tt.missing {
			t.Errorf("matchLines(%q) = %q, want %q", tt.want, got, tt.missing)
		}
	}
}

func TestProgramArgs(t *testing.T) {
	if got := programArgs([]byte("-- ARGS: a  bb c\nprint(1)\n")); len(got) != 3 || got[1] != "bb" {
		t.Errorf("programArgs = %q", got)
	}
	if got := programArgs([]byte("print(1)\n-- ARGS: a\n")); got != nil {
		t.Errorf("programArgs without header = %q", got)
	}
}
