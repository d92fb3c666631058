// This file implements the persistent object cache of the JIT: the
// machine code compiled for a module is stored in the content-addressed
// cache (runtime/cache, kind "jit"), keyed by the module's IR text and by
// everything else that shapes the code (target triple, CPU and features,
// optimization level, LLVM and terrac versions). A later process that
// lowers the same IR loads the object into the LLJIT and runs neither
// LLVM's optimizer nor its code generator.
//
// IR that embeds a process address (a cdata pointer written into Terra
// code becomes `inttoptr (i64 <address>)`) is not cached: it is correct to
// key on it, since the address is part of the text, but the same address
// will hardly come again, so the entry would only take space. Everything
// else in generated code refers to process state by symbol (globals,
// callback thunks, host functions), resolved when the object is linked.

package jit

/*
#include <stdlib.h>
#include "shim.h"
*/
import "C"

import (
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"terrac/runtime/cache"
)

// cacheKind is the cache directory of JIT objects.
const cacheKind = "jit"

// objFormat changes whenever the way objects are made changes (the shim's
// pipelines, target machine settings), so old entries stop matching.
const objFormat = "terrac-jit-object-1"

var (
	identityOnce sync.Once
	identity     string // target and compiler identity, for keys
)

// objIdentity describes what besides the IR decides the object: the
// host target as the JIT compiles for it, LLVM's version and terrac's.
func objIdentity(j *JIT) string {
	identityOnce.Do(func() {
		identity = strings.Join([]string{objFormat, j.Triple(), HostCPU(), HostFeatures(),
			strconv.Itoa(LLVMVersion()), terracVersion()}, "\x00")
	})
	return identity
}

// terracVersion identifies this build of terrac: the VCS revision it was
// built from and, for a build with local changes (or no VCS information,
// as in tests), the executable's size and modification time, so that a
// rebuilt compiler never reuses objects an older one made.
func terracVersion() string {
	v := ""
	modified := true
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if v == "" {
		modified = true
	}
	if modified {
		if exe, err := os.Executable(); err == nil {
			if fi, err := os.Stat(exe); err == nil {
				v += "+" + strconv.FormatInt(fi.Size(), 10) + "." + strconv.FormatInt(fi.ModTime().UnixNano(), 10)
			}
		}
	}
	return v
}

// embeddedAddress matches an integer of 7 or more digits turned into a
// pointer: a process address (they start at 0x400000) baked into the
// code. Small constants (null, sentinels) do not count.
var embeddedAddress = regexp.MustCompile(`inttoptr \(?i64 -?[0-9]{7,}`)

// cacheable reports whether the object of ir is worth caching.
func cacheable(ir string) bool {
	return !strings.Contains(ir, "inttoptr") || !embeddedAddress.MatchString(ir)
}

// objKey is the cache key of ir's object at opt level opt. The module's
// name lines are left out: the name only labels messages.
func objKey(j *JIT, ir string, opt int) cache.Key {
	return cache.NewKey(objIdentity(j), strconv.Itoa(opt), stripModuleName(ir))
}

// stripModuleName drops the leading "; ModuleID" and "source_filename"
// lines, which differ between batches of the same code.
func stripModuleName(ir string) string {
	for {
		line, rest, ok := strings.Cut(ir, "\n")
		if !ok || !(strings.HasPrefix(line, "; ModuleID") || strings.HasPrefix(line, "source_filename")) {
			return ir
		}
		ir = rest
	}
}

// CacheOff turns the object cache off for this process. It starts on in
// test binaries that name no cache (TERRAC_CACHE): their benchmarks and
// tests measure compilation, and must not read or fill the user's cache.
var CacheOff = testing.Testing() && os.Getenv("TERRAC_CACHE") == ""

// addCached adds ir through the object cache, compiling it here (with the
// shim's reused pipelines) when the cache misses or does not apply; done
// is false when the module cannot be compiled this way (thread-locals, a
// code generator error) and the caller must add ir itself. Called with
// j.mu held.
func (j *JIT) addCached(ir, name string, opt C.int) (done bool, err error) {
	c := objCache(ir)
	var key cache.Key
	if c != nil || j.ahead != nil {
		key = objKey(j, ir, int(opt))
	}
	if obj, fromCache, ok := j.ahead.take(key); ok {
		if j.linkObject(obj, fromCache) {
			if c != nil && !fromCache {
				c.PutAsync(cacheKind, key, obj)
			}
			return true, nil
		}
	}
	if c != nil {
		if obj, ok := c.Get(cacheKind, key); ok && len(obj) > 0 {
			if j.linkObject(obj, true) {
				return true, nil
			}
			// An object LLVM cannot load (it passed its checksum, so it was
			// made by a different LLVM?): compile afresh below.
		}
	}
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	p, n := irPtr(ir)
	var obj unsafe.Pointer
	var objlen C.size_t
	freshTimeSlice()
	if err := cerr("AddIR", C.terrac_jit_compile_ir(j.c, p, n, cname, opt, &obj, &objlen)); err != nil {
		return true, err
	}
	if obj == nil {
		return false, nil
	}
	if c != nil {
		c.PutAsync(cacheKind, key, C.GoBytes(obj, C.int(objlen)))
	}
	C.free(obj)
	return true, nil
}

// linkObject adds obj, compiled ahead (ahead.go) or read from the cache
// (cached, which TERRAC_JIT_STATS counts as a cache load), to the JIT. It
// reports false for an object LLVM cannot load; the caller then compiles
// the module afresh. Called with j.mu held.
func (j *JIT) linkObject(obj []byte, cached bool) bool {
	var c C.int
	if cached {
		c = 1
	}
	return cerr("AddObject", C.terrac_jit_add_object(j.c, unsafe.Pointer(&obj[0]), C.size_t(len(obj)), c)) == nil
}

// objCache returns the cache for ir's object, or nil when the cache is
// off or ir is not worth caching.
func objCache(ir string) *cache.Cache {
	if CacheOff || !cacheable(ir) {
		return nil
	}
	return cache.Default()
}

// compileObject compiles ir with the JIT's current options into an object
// without adding it, and tells whether the cheap path (tier.c) made it.
// It returns nil for a module only the JIT's own code generator compiles.
func (j *JIT) compileObject(ir, name string) (obj []byte, cheap bool, err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	p, n := irPtr(ir)
	var o unsafe.Pointer
	var olen C.size_t
	var ch C.int
	freshTimeSlice()
	if err := cerr("compile", C.terrac_jit_compile_object(j.c, p, n, cname, j.opts.cOpt(), &o, &olen, &ch)); err != nil {
		return nil, false, err
	}
	if o == nil {
		return nil, false, nil
	}
	defer C.free(o)
	return C.GoBytes(o, C.int(olen)), ch != 0, nil
}
