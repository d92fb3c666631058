package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"terrac/runtime/jit"
)

func TestOptFlags(t *testing.T) {
	defer func(l int) { jit.DefaultOptLevel = l }(jit.DefaultOptLevel)
	tests := []struct {
		args  []string
		rest  []string
		level int
	}{
		{[]string{"-O1", "run", "x.t"}, []string{"run", "x.t"}, 1},
		{[]string{"-O3", "-O0", "x.t", "-O2"}, []string{"x.t", "-O2"}, 0}, // the last one before the file wins; program args are untouched
		{[]string{"-O", "x.t"}, []string{"x.t"}, 2},
		{[]string{"build", "x.t", "-O1"}, []string{"build", "x.t", "-O1"}, 3}, // build's own flag
	}
	for _, tt := range tests {
		jit.DefaultOptLevel = 3
		rest := optFlags(tt.args)
		if diff := cmp.Diff(tt.rest, rest); diff != "" {
			t.Errorf("optFlags(%q) rest (-want +got):\n%s", tt.args, diff)
		}
		if jit.DefaultOptLevel != tt.level {
			t.Errorf("optFlags(%q) level = %d, want %d", tt.args, jit.DefaultOptLevel, tt.level)
		}
	}
}
