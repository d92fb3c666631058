// This file implements TERRAC_CPUPROFILE: a pprof CPU profile of the whole
// run written to the named file, for start-up and JIT latency work
// (go tool pprof bin/terrac FILE).
package main

import (
	"os"
	"runtime/pprof"
)

// startProfile starts profiling when TERRAC_CPUPROFILE is set and returns
// the function that stops it.
func startProfile() func() {
	path := os.Getenv("TERRAC_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	if pprof.StartCPUProfile(f) != nil {
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
