package terralib

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTraceback checks which frames the traceback of an uncaught error
// shows: none for an error in the main chunk itself, only Lua frames of
// loaded chunks (no Go functions such as error or pcall), and the frames
// beyond a Terra call for an error raised in a Lua callback, a callback
// inside a callback included.
func TestTraceback(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"main chunk only", "local x = nil\nerror('boom')\n", ""},
		{"through a Go function", `local function f() error("x") end
pcall(print, 1)
local ok = select(1, f())
`, "stack traceback:\n\ttest.t:1: in function 'f'\n\ttest.t:3: in main chunk\n"},
		{"callback in callback", `terra call(f : {} -> {}) f() end
local function inner() error("deep") end
local function outer() call(inner) end
function top() call(outer) end
top()
`, "stack traceback:\n" +
			"\ttest.t:2: in function <test.t:2>\n" +
			"\ttest.t:3: in function <test.t:3>\n" +
			"\ttest.t:4: in function 'top'\n" +
			"\ttest.t:5: in main chunk\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rt := New()
			fn, err := rt.LoadString("test.t", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			err = rt.Run(fn)
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tc.want, rt.Traceback(err)); diff != "" {
				t.Errorf("traceback (-want +got):\n%s", diff)
			}
		})
	}
}
