// This file implements the Lua stack traceback printed after an uncaught
// error (Terra's standalone runner prints one too): only frames of
// chunks this runtime loaded (.t files and embedded libraries), never Go
// frames, and only when the error went through more than one of them.
package terralib

import (
	"errors"
	"regexp"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// traceFrame matches one frame line of gopher-lua's traceback:
// "\tchunk:line: in what".
var traceFrame = regexp.MustCompile(`^\t([^\n]+):(\d+): in (.+)$`)

// Traceback renders the Lua frames err was raised through, innermost
// first, as "stack traceback:" and one "\tfile:line: in …" line per
// frame; "" when err carries no trace or at most one such frame (an
// error at top level of the main chunk needs none).
func (rt *Runtime) Traceback(err error) string {
	var ae *lua.ApiError
	if !errors.As(err, &ae) || ae.StackTrace == "" {
		return ""
	}
	frames := rt.userFrames(ae.StackTrace)
	// An error that came out of a Lua callback was raised again at the
	// Terra call: its first trace also has the frames beyond that call.
	if t := rt.bridge.calleeTrace; t != nil && t.obj == ae.Object && hasSuffix(t.frames, frames) {
		frames = t.frames
	}
	if n := len(frames); n > 0 && frames[n-1] == "\t..." {
		frames = frames[:n-1]
	}
	if len(frames) < 2 {
		return ""
	}
	return "stack traceback:\n" + strings.Join(frames, "\n") + "\n"
}

// userFrames picks from a gopher-lua traceback the frames of chunks
// this runtime loaded.
func (rt *Runtime) userFrames(trace string) []string {
	var frames []string
	for _, line := range strings.Split(trace, "\n") {
		if line == "\t..." && len(frames) > 0 {
			frames = append(frames, line) // gopher-lua elided the middle of a deep stack
			continue
		}
		m := traceFrame.FindStringSubmatch(line)
		if m == nil || rt.File(m[1]) == nil {
			continue // a Go function, a tail call, or code we did not load
		}
		frames = append(frames, "\t"+m[1]+":"+m[2]+": in "+m[3])
	}
	return frames
}

// calleeTrace is the trace of the last Lua error a callback raised,
// kept when the bridge raises the error again past the native frames.
type calleeTrace struct {
	obj    lua.LValue
	frames []string
}

// keepCalleeTrace records ae's trace before callError raises ae.Object
// again; a deeper trace of the same error (a callback inside a
// callback) is kept.
func (rt *Runtime) keepCalleeTrace(ae *lua.ApiError) {
	frames := rt.userFrames(ae.StackTrace)
	if t := rt.bridge.calleeTrace; t != nil && t.obj == ae.Object && hasSuffix(t.frames, frames) {
		return
	}
	rt.bridge.calleeTrace = &calleeTrace{obj: ae.Object, frames: frames}
}

// hasSuffix reports whether outer ends with the frames of inner.
func hasSuffix(outer, inner []string) bool {
	if len(inner) > len(outer) {
		return false
	}
	off := len(outer) - len(inner)
	for i, f := range inner {
		if outer[off+i] != f {
			return false
		}
	}
	return true
}
