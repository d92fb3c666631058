// This file keys `terrac build` outputs in the content-addressed cache
// (runtime/cache, kind "build"): LLVM's output is named by the module's IR
// text and every option that changes it.
package aot

import (
	"fmt"

	"terrac/runtime/cache"
	"terrac/runtime/jit"
)

// cacheVersion changes whenever the meaning of cached entries does.
const cacheVersion = "terrac-aot-1"

// cacheKind is the cache directory of build outputs.
const cacheKind = "build"

func cacheKey(ir, kind string, o Options) cache.Key {
	t := o.Target
	if t.Triple == "" {
		t.Triple = jit.HostTriple()
	}
	if t.CPU == "" {
		// The host's code is tuned for its CPU: a different machine
		// sharing the cache must not reuse it. An explicit CPU (--cpu)
		// keeps its own name and features.
		t.CPU = "host:" + jit.HostCPU()
		if t.Features == "" {
			t.Features = jit.HostFeatures()
		}
	}
	parts := []string{cacheVersion, kind, t.Triple, t.CPU, t.Features, fmt.Sprint(o.Opt), ir}
	return cache.NewKey(append(parts, o.CModules...)...)
}
