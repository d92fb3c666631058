// This file implements the on-disk compile cache: LLVM's output keyed by
// the module's IR text and every option that changes the output.
package aot

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"terrac/runtime/jit"
)

// cacheVersion changes whenever the meaning of cached entries does.
const cacheVersion = "terrac-aot-1"

// DefaultCacheDir is $TERRAC_CACHE/build, else the user cache directory's
// terrac/build; "" when neither is known.
func DefaultCacheDir() string {
	if d := os.Getenv("TERRAC_CACHE"); d != "" {
		return filepath.Join(d, "build")
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "terrac", "build")
}

func cacheKey(ir, kind string, o Options) string {
	h := sha256.New()
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
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%d\x00", cacheVersion, kind, t.Triple, t.CPU, t.Features, o.Opt)
	h.Write([]byte(ir))
	for _, c := range o.CModules {
		fmt.Fprintf(h, "\x00%d\x00%s", len(c), c)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func cacheGet(dir, key string) ([]byte, bool) {
	if dir == "" {
		return nil, false
	}
	b, err := os.ReadFile(filepath.Join(dir, key[:2], key))
	return b, err == nil
}

// cachePut stores an entry atomically (write then rename) so concurrent
// builds never read half a file. Failures only cost a later rebuild.
func cachePut(dir, key string, b []byte) {
	if dir == "" {
		return
	}
	sub := filepath.Join(dir, key[:2])
	if os.MkdirAll(sub, 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(sub, "tmp-*")
	if err != nil {
		return
	}
	_, werr := f.Write(b)
	cerr := f.Close()
	if werr != nil || cerr != nil || os.Rename(f.Name(), filepath.Join(sub, key)) != nil {
		os.Remove(f.Name())
	}
}
