// This file implements the declaration cache: an in-process memo in front
// of entries in terrac's content-addressed cache (kind "cimport", format in
// encode.go), both validated by the size and mtime of every file the
// preprocessor looked at.

package cimport

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"strconv"
	"sync"

	"terrac/runtime/cache"
)

// cacheKey hashes everything an import depends on besides file contents:
// the code, args, compiler identity, working directory (relative include
// directories and the "." of the quote form) and target.
func cacheKey(code string, args []string, opts Options, identity string) string {
	h := sha256.New()
	put := func(s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	wd, _ := os.Getwd()
	put("cimport")
	put(strconv.Itoa(cacheVersion))
	put(goos + "/" + goarch)
	put(identity)
	put(wd)
	put(opts.Name)
	put(code)
	for _, a := range args {
		put(a)
	}
	return hex.EncodeToString(h.Sum(nil))
}

type memoEntry struct {
	h    *Header
	deps []dep
}

var memo struct {
	sync.Mutex
	m map[string]*memoEntry
}

func depsCurrent(deps []dep) bool {
	for _, d := range deps {
		if !d.current() {
			return false
		}
	}
	return true
}

// store is the content-addressed cache (runtime/cache) the entries go to:
// opts.CacheDir's when set (tests), else the user's (nil when TERRAC_CACHE=off).
func store(opts Options) *cache.Cache {
	if opts.CacheDir == "" {
		return cache.Default()
	}
	if c, ok := stores.Load(opts.CacheDir); ok {
		return c.(*cache.Cache)
	}
	c, _ := stores.LoadOrStore(opts.CacheDir, cache.Open(opts.CacheDir, cache.Options{}))
	return c.(*cache.Cache)
}

var stores sync.Map // CacheDir -> *cache.Cache

// Cache kinds: translated headers and clang's IR of their function bodies.
const (
	headerKind = "cimport"
	bodyKind   = "cbody"
)

// cacheGet and cachePut store entries of kind under the hex key.
func cacheGet(opts Options, kind, key string) ([]byte, bool) {
	k, ok := cache.ParseKey(key)
	if !ok {
		return nil, false
	}
	return store(opts).Get(kind, k)
}

func cachePut(opts Options, kind, key string, data []byte) {
	if k, ok := cache.ParseKey(key); ok {
		store(opts).Put(kind, k, data)
	}
}

// cacheLoad returns the cached Header for key if all its files are
// unchanged, from memory or else from disk.
func cacheLoad(key string, opts Options) *Header {
	mkey := opts.CacheDir + "\x00" + key
	memo.Lock()
	e := memo.m[mkey]
	memo.Unlock()
	if e != nil && depsCurrent(e.deps) {
		return e.h
	}
	data, ok := cacheGet(opts, headerKind, key)
	if !ok {
		return nil
	}
	d, deps, ok := decodeDeps(data)
	if !ok || !depsCurrent(deps) {
		return nil
	}
	h, ok := decodeRest(d)
	if !ok {
		return nil
	}
	h.deps = deps
	remember(mkey, h, deps)
	return h
}

func remember(mkey string, h *Header, deps []dep) {
	memo.Lock()
	if memo.m == nil {
		memo.m = map[string]*memoEntry{}
	}
	memo.m[mkey] = &memoEntry{h, deps}
	memo.Unlock()
}

// cacheStore records h in memory and, best effort, on disk.
func cacheStore(key string, opts Options, h *Header, deps []dep) {
	remember(opts.CacheDir+"\x00"+key, h, deps)
	cachePut(opts, headerKind, key, encode(h, deps))
}

// ForgetInProcess drops the in-process memo of headers and bodies, so the
// next Import behaves as the first one of a new process (it may still use
// the on-disk cache). For benchmarks and tests.
func ForgetInProcess() {
	memo.Lock()
	memo.m = nil
	memo.Unlock()
	bodyMemo.Lock()
	bodyMemo.m = nil
	bodyMemo.Unlock()
}
