// Package cache is terrac's one content-addressed cache of build products:
// JIT objects, `terrac build` objects and translated C headers live in it,
// each under its own kind.
//
// An entry is found by a Key, the sha256 of a canonical description of
// everything that determines its bytes (inputs, versions, flags). On disk:
//
//	<dir>/<kind>/<ab>/<digest>
//
// where digest is the key in hex and ab its first two digits. Each file
// starts with a header holding the payload's length and sha256, so a
// flipped byte or a truncated file is detected on read, removed and
// reported as a miss: the caller rebuilds, and nothing corrupt is loaded.
// Files are written to a temporary name and renamed into place, so
// concurrent processes only ever see whole entries. The total size is
// bounded (TERRAC_CACHE_MAX, default 1 GiB): the least recently used
// entries go first, "used" being the file's mtime, which a hit refreshes.
//
// The cache only accelerates: every failure (unwritable directory, full
// disk, unreachable remote) turns into a miss or a lost write.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// Key is the sha256 digest naming an entry.
type Key [sha256.Size]byte

// String is the key in hex, as in the entry's file name.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// NewKey hashes parts as a canonical description: each part is prefixed
// with its length, so ("ab","c") and ("a","bc") differ.
func NewKey(parts ...string) Key {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		binary.LittleEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		// sha256's digest has no WriteString, so io.WriteString would copy
		// p (a whole module's IR for a JIT key); Write only reads its
		// argument, so p's bytes can be passed as they are.
		h.Write(unsafe.Slice(unsafe.StringData(p), len(p)))
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// ParseKey reads a key written by Key.String.
func ParseKey(s string) (Key, bool) {
	var k Key
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != len(k) {
		return k, false
	}
	copy(k[:], b)
	return k, true
}

// DefaultMax is the size bound when TERRAC_CACHE_MAX is unset.
const DefaultMax = 1 << 30

// magic starts every entry file; it names the format version.
const magic = "terrac-cache-1\n\x00"

const headerSize = len(magic) + 8 + sha256.Size

// touchAge is how stale an entry's mtime must be before a hit refreshes
// it: LRU order at that granularity, without a write for every hit.
const touchAge = time.Hour

// Cache is one cache directory, optionally backed by a remote cache. A nil
// *Cache is a disabled cache: Get misses and Put does nothing.
type Cache struct {
	dir    string
	max    int64
	remote *Remote

	mu sync.Mutex // serializes this process's size accounting (added)

	async asyncWriter // entries PutAsync queued (async.go)
}

// Options configure Open.
type Options struct {
	Max    int64   // size bound in bytes; 0 means DefaultMax
	Remote *Remote // optional remote backend
}

// Open returns the cache in dir, creating the directory on first write.
func Open(dir string, o Options) *Cache {
	if o.Max <= 0 {
		o.Max = DefaultMax
	}
	return &Cache{dir: dir, max: o.Max, remote: o.Remote}
}

var (
	defaultOnce  sync.Once
	defaultCache atomic.Pointer[Cache]
)

// Default returns the cache the environment configures (see Dir, MaxFromEnv
// and RemoteFromEnv), or nil when it is turned off or has no place. It is
// made once per process.
func Default() *Cache {
	defaultOnce.Do(func() {
		dir := Dir()
		if dir == "" {
			return
		}
		defaultCache.Store(Open(dir, Options{Max: MaxFromEnv(), Remote: RemoteFromEnv()}))
	})
	return defaultCache.Load()
}

// Dir is the cache directory the environment names: $TERRAC_CACHE, else
// $XDG_CACHE_HOME/terrac, else ~/.cache/terrac. It is "" when
// TERRAC_CACHE=off or no home directory is known.
func Dir() string {
	if d := os.Getenv("TERRAC_CACHE"); d != "" {
		if d == "off" {
			return ""
		}
		return d
	}
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "terrac")
	}
	if h := os.Getenv("HOME"); h != "" {
		return filepath.Join(h, ".cache", "terrac")
	}
	return ""
}

// MaxFromEnv parses TERRAC_CACHE_MAX: bytes, or a number with a K, M or G
// suffix (binary units). Unset or invalid gives DefaultMax.
func MaxFromEnv() int64 {
	n, err := ParseSize(os.Getenv("TERRAC_CACHE_MAX"))
	if err != nil || n <= 0 {
		return DefaultMax
	}
	return n
}

// ParseSize reads "123", "64K", "512M", "1G" (also "KiB", "MB" forms).
func ParseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errors.New("empty size")
	}
	u := strings.ToUpper(s)
	u = strings.TrimSuffix(strings.TrimSuffix(u, "IB"), "B")
	mult := int64(1)
	if u != "" {
		switch u[len(u)-1] {
		case 'K':
			mult = 1 << 10
		case 'M':
			mult = 1 << 20
		case 'G':
			mult = 1 << 30
		case 'T':
			mult = 1 << 40
		}
		if mult != 1 {
			u = u[:len(u)-1]
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(u), 10, 64)
	if err != nil || n < 0 {
		return 0, errors.New("invalid size " + strconv.Quote(s))
	}
	return n * mult, nil
}

// Path is where the entry kind/key lives (whether or not it exists).
func (c *Cache) Path(kind string, key Key) string {
	h := key.String()
	return filepath.Join(c.dir, kind, h[:2], h)
}

// Root is the cache directory ("" for a nil cache).
func (c *Cache) Root() string {
	if c == nil {
		return ""
	}
	return c.dir
}

// Get returns the payload of kind/key. A local miss asks the remote, if
// any, and a remote hit is stored locally.
func (c *Cache) Get(kind string, key Key) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	if b, ok := c.queued(kind, key); ok {
		return b, true
	}
	if b, ok := c.getLocal(kind, key); ok {
		return b, true
	}
	if c.remote == nil {
		return nil, false
	}
	b, ok := c.remote.get(kind, key)
	if !ok {
		return nil, false
	}
	c.putLocal(kind, key, b)
	return b, true
}

// getLocal reads and checks one entry file, removing it if it is damaged.
func (c *Cache) getLocal(kind string, key Key) ([]byte, bool) {
	p := c.Path(kind, key)
	data, mtime, err := readFile(p)
	if err != nil {
		return nil, false
	}
	payload, ok := decode(data)
	if !ok {
		os.Remove(p)
		return nil, false
	}
	if time.Since(mtime) > touchAge {
		now := time.Now()
		os.Chtimes(p, now, now)
	}
	return payload, true
}

// decode checks an entry's header against its payload.
func decode(data []byte) ([]byte, bool) {
	if len(data) < headerSize || string(data[:len(magic)]) != magic {
		return nil, false
	}
	n := binary.LittleEndian.Uint64(data[len(magic):])
	payload := data[headerSize:]
	if uint64(len(payload)) != n {
		return nil, false
	}
	sum := sha256.Sum256(payload)
	if !bytes.Equal(sum[:], data[len(magic)+8:headerSize]) {
		return nil, false
	}
	return payload, true
}

// encode prefixes payload with the entry header.
func encode(payload []byte) []byte {
	out := make([]byte, headerSize, headerSize+len(payload))
	copy(out, magic)
	binary.LittleEndian.PutUint64(out[len(magic):], uint64(len(payload)))
	sum := sha256.Sum256(payload)
	copy(out[len(magic)+8:], sum[:])
	return append(out, payload...)
}

// Put stores payload as kind/key, locally and (in the background) on the
// remote. Failures are silent: the entry is simply not there next time.
func (c *Cache) Put(kind string, key Key, payload []byte) {
	if c == nil {
		return
	}
	c.putLocal(kind, key, payload)
	if c.remote != nil {
		c.remote.put(kind, key, payload)
	}
}

// PutReader is Put for a payload read from r.
func (c *Cache) PutReader(kind string, key Key, r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	c.Put(kind, key, b)
	return nil
}

func (c *Cache) putLocal(kind string, key Key, payload []byte) {
	p := c.Path(kind, key)
	dir := filepath.Dir(p)
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return
	}
	data := encode(payload)
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil || cerr != nil || os.Rename(f.Name(), p) != nil {
		os.Remove(f.Name())
		return
	}
	c.added(int64(len(data)))
}

// added accounts for a new entry of n bytes and trims the cache when it
// grows past its bound. The running total lives in <dir>/size, shared by
// all processes: reading and rewriting it costs far less than measuring
// the directory on every write. Processes racing on it may lose an
// update, which only delays a trim until the next one; a missing or
// unreadable total (a new or cleared cache, a torn write) is measured
// again.
func (c *Cache) added(n int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sizeFile := filepath.Join(c.dir, "size")
	total := int64(-1)
	if b, err := os.ReadFile(sizeFile); err == nil {
		if v, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && v >= 0 {
			total = v + n
		}
	}
	if total < 0 {
		total = 0
		for _, e := range c.scan() {
			total += e.size
		}
	}
	if total > c.max {
		total = c.trimLocked()
	}
	writeTotal(sizeFile, total)
}

// writeTotal overwrites the total in place, as a fixed-width number, so
// the file is never truncated: on ext4 rewriting a truncated file starts
// a flush of it to disk (the replace-via-truncate heuristic), which made
// the update cost as much as writing the entry itself.
func writeTotal(sizeFile string, total int64) {
	f, err := os.OpenFile(sizeFile, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return
	}
	f.WriteAt([]byte(fmt.Sprintf("%020d\n", total)), 0)
	f.Close()
}

type fileInfo struct {
	path  string
	size  int64
	mtime time.Time
}

// scan lists every entry file (temporaries included: a crashed writer's
// leftovers must count and age out too). Only the kinds' directories
// belong to the cache: files at the top (the REPL's history) are not
// entries.
func (c *Cache) scan() []fileInfo {
	var out []fileInfo
	kinds, _ := os.ReadDir(c.dir)
	for _, k := range kinds {
		if !k.IsDir() {
			continue
		}
		filepath.WalkDir(filepath.Join(c.dir, k.Name()), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				return nil
			}
			out = append(out, fileInfo{p, fi.Size(), fi.ModTime()})
			return nil
		})
	}
	return out
}

// trimLocked removes least recently used entries until the cache holds at
// most 3/4 of its bound, so that trimming does not happen on every write,
// and returns the new total.
func (c *Cache) trimLocked() int64 {
	files := c.scan()
	var total int64
	for _, f := range files {
		total += f.size
	}
	sort.Slice(files, func(i, j int) bool { return files[i].mtime.Before(files[j].mtime) })
	goal := c.max / 4 * 3
	for _, f := range files {
		if total <= goal {
			break
		}
		if os.Remove(f.path) == nil {
			total -= f.size
		}
	}
	return total
}

// Stats describes the cache's contents.
type Stats struct {
	Dir     string
	Max     int64
	Kinds   map[string]KindStats
	Entries int
	Bytes   int64
	Remote  string // remote URL, "" if none
}

// KindStats counts the entries of one kind.
type KindStats struct {
	Entries int
	Bytes   int64
}

// Stats measures the cache directory.
func (c *Cache) Stats() Stats {
	s := Stats{Kinds: map[string]KindStats{}}
	if c == nil {
		return s
	}
	s.Dir, s.Max = c.dir, c.max
	if c.remote != nil {
		s.Remote = c.remote.base
	}
	for _, f := range c.scan() {
		rel, err := filepath.Rel(c.dir, f.path)
		if err != nil {
			continue
		}
		kind, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		k := s.Kinds[kind]
		k.Entries++
		k.Bytes += f.size
		s.Kinds[kind] = k
		s.Entries++
		s.Bytes += f.size
	}
	return s
}

// Clear removes every entry (the remote is left alone; files at the top of
// the directory, which are not entries, stay).
func (c *Cache) Clear() error {
	if c == nil {
		return nil
	}
	ents, err := os.ReadDir(c.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var first error
	for _, e := range ents {
		if !e.IsDir() {
			continue // not an entry (see scan)
		}
		if err := os.RemoveAll(filepath.Join(c.dir, e.Name())); err != nil && first == nil {
			first = err
		}
	}
	os.Remove(filepath.Join(c.dir, "size"))
	return first
}

// Flush waits for background writes (PutAsync) and then uploads to the
// remote, at most timeout in all.
func (c *Cache) Flush(timeout time.Duration) {
	if c == nil {
		return
	}
	deadline := time.Now().Add(timeout)
	c.waitWrites(deadline)
	if c.remote != nil {
		c.remote.flush(time.Until(deadline))
	}
}

// FlushDefault flushes the default cache if it was made; programs call it
// before exiting (background writes and uploads get at most 2 s).
func FlushDefault() {
	defaultCache.Load().Flush(2 * time.Second)
}
