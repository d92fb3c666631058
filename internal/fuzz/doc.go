// Package fuzz runs untrusted Terra programs through terrac's pipeline
// in process — parse, the Lua run with specialization, typechecking of
// every Terra function, lowering and LLVM verification — without ever
// running native code, and tells terrac's bugs (Go panics, modules LLVM
// rejects, hangs) from the program's own errors.
//
// FuzzPipeline (pipeline_test.go) drives it with `go test -fuzz`; its
// seed corpus is every conformance program and example.
package fuzz
