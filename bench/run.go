// This file implements running one program and reading its figures: the
// kernel time it prints ("time SECONDS"), its wall time and its peak
// resident memory from wait4's rusage.
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// result is one run of one program.
type result struct {
	kernel float64 // seconds the program printed on its "time" line; -1 if none
	wall   float64 // seconds from start to exit
	cpu    float64 // user + system seconds of the process and its waited children
	rssKB  int64   // peak resident set size
	output string  // stdout without the "time" line
	err    error
}

// runProg runs argv in dir with env added and collects its figures. A
// non-zero exit is an error that carries stderr.
func runProg(dir string, env []string, argv ...string) result {
	c := exec.Command(argv[0], argv[1:]...)
	c.Dir = dir
	c.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	c.Stdout, c.Stderr = &stdout, &stderr
	t0 := time.Now()
	err := c.Run()
	r := result{wall: time.Since(t0).Seconds(), kernel: -1}
	if c.ProcessState != nil {
		if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.rssKB = ru.Maxrss // kilobytes on Linux
			r.cpu = float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
		}
	}
	if err != nil {
		r.err = fmt.Errorf("%s: %v\n%s", strings.Join(argv, " "), err, stderr.String())
		return r
	}
	var keep []string
	for _, l := range strings.Split(stdout.String(), "\n") {
		if v, ok := strings.CutPrefix(l, "time "); ok {
			if f, perr := strconv.ParseFloat(strings.TrimSpace(v), 64); perr == nil {
				r.kernel = f
				continue
			}
		}
		keep = append(keep, l)
	}
	r.output = strings.Join(keep, "\n")
	return r
}
