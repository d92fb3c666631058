// This file keeps terrac's Lua and native code on the process's main
// thread.
package main

import "runtime"

// init locks the main goroutine to the main OS thread, so JIT-compiled code
// runs where a C program's main would: malloc uses glibc's main arena
// (grown with brk) rather than a per-thread mmap'd arena that is grown and
// shrunk with mprotect, which made allocation-heavy code (binary-trees) up
// to 1.5x slower than C; and libraries that insist on the main thread work.
func init() { runtime.LockOSThread() }
