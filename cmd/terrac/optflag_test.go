package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"terrac/runtime/jit"
)

func TestOptFlags(t *testing.T) {
	defer func(l int, f bool) { jit.DefaultOptLevel, jit.DefaultFastStart = l, f }(jit.DefaultOptLevel, jit.DefaultFastStart)
	tests := []struct {
		args  []string
		rest  []string
		level int
		fast  bool
	}{
		{[]string{"-O1", "run", "x.t"}, []string{"run", "x.t"}, 1, false},
		{[]string{"-O3", "-O0", "x.t", "-O2"}, []string{"x.t", "-O2"}, 0, false}, // the last one before the file wins; program args are untouched
		{[]string{"-O", "x.t"}, []string{"x.t"}, 2, false},
		{[]string{"build", "x.t", "-O1"}, []string{"build", "x.t", "-O1"}, 3, false}, // build's own flag
		{[]string{"-Ofast-start", "x.t"}, []string{"x.t"}, 3, true},
		{[]string{"-O2", "-Ofast-start", "run", "x.t"}, []string{"run", "x.t"}, 2, true},
	}
	for _, tt := range tests {
		jit.DefaultOptLevel, jit.DefaultFastStart = 3, false
		rest := optFlags(tt.args)
		if diff := cmp.Diff(tt.rest, rest); diff != "" {
			t.Errorf("optFlags(%q) rest (-want +got):\n%s", tt.args, diff)
		}
		if jit.DefaultOptLevel != tt.level {
			t.Errorf("optFlags(%q) level = %d, want %d", tt.args, jit.DefaultOptLevel, tt.level)
		}
		if jit.DefaultFastStart != tt.fast {
			t.Errorf("optFlags(%q) fast start = %v, want %v", tt.args, jit.DefaultFastStart, tt.fast)
		}
	}
}
