// This file finds the current goroutine's id, to tell the goroutine that
// uses a State from another one.
package embed

import (
	"runtime"
	"strconv"
)

// goroutineID parses "goroutine N [" from the current goroutine's stack
// header. Go has no API for it; the header format is stable.
func goroutineID() int64 {
	var buf [32]byte
	n := runtime.Stack(buf[:], false)
	b := buf[:n]
	const prefix = "goroutine "
	if len(b) < len(prefix) {
		return -1
	}
	b = b[len(prefix):]
	i := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	id, err := strconv.ParseInt(string(b[:i]), 10, 64)
	if err != nil {
		return -1
	}
	return id
}
