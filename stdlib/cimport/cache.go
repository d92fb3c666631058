// This file implements the declaration cache: an in-process memo in front
// of gob files under os.UserCacheDir()/terrac/cimport, both validated by
// the size and mtime of every file the preprocessor looked at.

package cimport

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"os"
	"path/filepath"
	"sync"
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
	put(string(rune('0' + cacheVersion)))
	put("definedvars") // entries written before Header.DefinedVars existed lack it
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

func cacheDir(opts Options) string {
	if opts.CacheDir != "" {
		return opts.CacheDir
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "terrac", "cimport")
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
	dir := cacheDir(opts)
	if dir == "" {
		return nil
	}
	data, err := os.ReadFile(filepath.Join(dir, key+".gob"))
	if err != nil {
		return nil
	}
	var enc encHeader
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&enc) != nil || enc.Version != cacheVersion || !depsCurrent(enc.Deps) {
		return nil
	}
	h, ok := enc.unflatten()
	if !ok {
		return nil
	}
	h.deps = enc.Deps
	remember(mkey, h, enc.Deps)
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
	dir := cacheDir(opts)
	if dir == "" || os.MkdirAll(dir, 0o755) != nil {
		return
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(flatten(h, deps)) != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, key+".*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.Write(buf.Bytes())
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(dir, key+".gob")) != nil {
		os.Remove(tmp.Name())
	}
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
