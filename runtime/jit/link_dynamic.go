//go:build !llvmstatic

// This file implements the default link of LLVM: the shared libLLVM-14,
// quick to link (tests link many binaries) but slower to start, since the
// dynamic loader relocates all of libLLVM at every start (about 15 ms of
// CPU). Build with -tags llvmstatic for the static link (link_static.go).
package jit

/*
#cgo LDFLAGS: -L/usr/lib/llvm-14/lib -lLLVM-14 -ldl
*/
import "C"
