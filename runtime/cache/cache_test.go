package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestPutGetLayout(t *testing.T) {
	dir := t.TempDir()
	c := Open(dir, Options{})
	k := NewKey("module", "triple")
	if _, ok := c.Get("jit", k); ok {
		t.Fatal("hit in an empty cache")
	}
	c.Put("jit", k, []byte("object bytes"))
	got, ok := c.Get("jit", k)
	if !ok {
		t.Fatal("miss after Put")
	}
	if diff := cmp.Diff("object bytes", string(got)); diff != "" {
		t.Errorf("payload (-want +got):\n%s", diff)
	}
	h := k.String()
	want := filepath.Join(dir, "jit", h[:2], h)
	if diff := cmp.Diff(want, c.Path("jit", k)); diff != "" {
		t.Errorf("path (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(want); err != nil {
		t.Errorf("entry file: %v", err)
	}
	// Kinds are separate namespaces.
	if _, ok := c.Get("obj", k); ok {
		t.Error("hit under another kind")
	}
	if err := c.PutReader("obj", k, strings.NewReader("from a reader")); err != nil {
		t.Fatal(err)
	}
	got, _ = c.Get("obj", k)
	if diff := cmp.Diff("from a reader", string(got)); diff != "" {
		t.Errorf("PutReader payload (-want +got):\n%s", diff)
	}
}

func TestKeyIsCanonical(t *testing.T) {
	if NewKey("ab", "c") == NewKey("a", "bc") {
		t.Error("length prefixes missing: parts run together")
	}
	k := NewKey("x")
	back, ok := ParseKey(k.String())
	if !ok || back != k {
		t.Errorf("ParseKey(%s) = %v, %v", k, back, ok)
	}
	if _, ok := ParseKey("zz"); ok {
		t.Error("ParseKey accepted garbage")
	}
}

// Damaged entries are misses, are removed, and are rebuilt by the next Put.
func TestCorruptEntries(t *testing.T) {
	payload := bytes.Repeat([]byte("0123456789abcdef"), 64)
	for _, tc := range []struct {
		name   string
		damage func(b []byte) []byte
	}{
		{"flipped payload byte", func(b []byte) []byte { b[len(b)-100] ^= 0x40; return b }},
		{"flipped header byte", func(b []byte) []byte { b[len(magic)+8] ^= 1; return b }},
		{"truncated", func(b []byte) []byte { return b[:len(b)-7] }},
		{"truncated header", func(b []byte) []byte { return b[:10] }},
		{"empty", func(b []byte) []byte { return nil }},
		{"grown", func(b []byte) []byte { return append(b, 'x') }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Open(t.TempDir(), Options{})
			k := NewKey(tc.name)
			c.Put("jit", k, payload)
			p := c.Path("jit", k)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, tc.damage(b), 0o644); err != nil {
				t.Fatal(err)
			}
			if got, ok := c.Get("jit", k); ok {
				t.Fatalf("damaged entry loaded (%d bytes)", len(got))
			}
			if _, err := os.Stat(p); !os.IsNotExist(err) {
				t.Errorf("damaged entry not removed: %v", err)
			}
			c.Put("jit", k, payload)
			got, ok := c.Get("jit", k)
			if !ok || !bytes.Equal(got, payload) {
				t.Errorf("rebuilt entry: ok=%v, %d bytes", ok, len(got))
			}
		})
	}
}

// Writers racing on one key, and readers among them, only ever see whole
// entries, and leave no temporary files behind.
func TestConcurrentWriters(t *testing.T) {
	dir := t.TempDir()
	k := NewKey("shared")
	payload := bytes.Repeat([]byte{7}, 1<<16)
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := Open(dir, Options{}) // as separate processes would
			for j := 0; j < 20; j++ {
				c.Put("jit", k, payload)
				if got, ok := c.Get("jit", k); ok && !bytes.Equal(got, payload) {
					errs <- "partial entry read"
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
	ents, err := os.ReadDir(filepath.Dir(Open(dir, Options{}).Path("jit", k)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if diff := cmp.Diff([]string{k.String()}, names); diff != "" {
		t.Errorf("files left (-want +got):\n%s", diff)
	}
}

// Over its bound, the cache drops the least recently used entries; a hit
// counts as a use.
func TestEvictLRU(t *testing.T) {
	dir := t.TempDir()
	entry := bytes.Repeat([]byte{1}, 1000)
	size := int64(headerSize + len(entry))
	c := Open(dir, Options{Max: 4 * size})
	keys := []Key{NewKey("a"), NewKey("b"), NewKey("c"), NewKey("d")}
	old := time.Now().Add(-48 * time.Hour)
	for i, k := range keys {
		c.Put("jit", k, entry)
		// a is the oldest, d the newest.
		mt := old.Add(time.Duration(i) * time.Hour)
		os.Chtimes(c.Path("jit", k), mt, mt)
	}
	// Using a makes it the most recent.
	if _, ok := c.Get("jit", keys[0]); !ok {
		t.Fatal("miss before eviction")
	}
	c.Put("jit", NewKey("e"), entry) // 5 entries > 4: trim to 3
	var have []string
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		if _, err := os.Stat(c.Path("jit", NewKey(n))); err == nil {
			have = append(have, n)
		}
	}
	if diff := cmp.Diff([]string{"a", "d", "e"}, have); diff != "" {
		t.Errorf("entries left (-want +got):\n%s", diff)
	}
	if s := c.Stats(); s.Bytes > 4*size {
		t.Errorf("cache holds %d bytes, bound %d", s.Bytes, 4*size)
	}
}

func TestStatsAndClear(t *testing.T) {
	dir := t.TempDir()
	c := Open(dir, Options{Max: 12345})
	c.Put("jit", NewKey("1"), []byte("x"))
	c.Put("jit", NewKey("2"), []byte("yy"))
	c.Put("obj", NewKey("3"), []byte("zzz"))
	s := c.Stats()
	want := Stats{Dir: dir, Max: 12345, Entries: 3, Bytes: int64(3*headerSize + 6), Kinds: map[string]KindStats{
		"jit": {Entries: 2, Bytes: int64(2*headerSize + 3)},
		"obj": {Entries: 1, Bytes: int64(headerSize + 3)},
	}}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("Stats (-want +got):\n%s", diff)
	}
	// Files at the top are not entries (the REPL keeps its history there).
	hist := filepath.Join(dir, "history")
	os.WriteFile(hist, []byte("print(1)\n"), 0o600)
	if s2 := c.Stats(); s2.Entries != 3 {
		t.Errorf("history counted as an entry: %+v", s2)
	}
	if err := c.Clear(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(hist); err != nil {
		t.Errorf("Clear removed the history: %v", err)
	}
	if s := c.Stats(); s.Entries != 0 {
		t.Errorf("after Clear: %+v", s)
	}
	if _, ok := c.Get("jit", NewKey("1")); ok {
		t.Error("hit after Clear")
	}
}

func TestNilCacheIsOff(t *testing.T) {
	var c *Cache
	c.Put("jit", NewKey("k"), []byte("x"))
	if _, ok := c.Get("jit", NewKey("k")); ok {
		t.Error("nil cache hit")
	}
	c.Flush(time.Second)
	if err := c.Clear(); err != nil {
		t.Error(err)
	}
}

func TestDirFromEnv(t *testing.T) {
	for _, tc := range []struct {
		cache, xdg, home, want string
	}{
		{"/c", "/x", "/h", "/c"},
		{"off", "/x", "/h", ""},
		{"", "/x", "/h", "/x/terrac"},
		{"", "", "/h", "/h/.cache/terrac"},
		{"", "relative", "/h", "/h/.cache/terrac"}, // XDG requires absolute paths
		{"", "", "", ""},
	} {
		t.Setenv("TERRAC_CACHE", tc.cache)
		t.Setenv("XDG_CACHE_HOME", tc.xdg)
		t.Setenv("HOME", tc.home)
		if got := Dir(); got != tc.want {
			t.Errorf("TERRAC_CACHE=%q XDG_CACHE_HOME=%q HOME=%q: Dir() = %q, want %q", tc.cache, tc.xdg, tc.home, got, tc.want)
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"123": 123, "64K": 64 << 10, "512M": 512 << 20, "1G": 1 << 30, "2GiB": 2 << 30, "10MB": 10 << 20, " 7 ": 7,
	} {
		got, err := ParseSize(in)
		if err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "x", "-1", "1.5G"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) accepted", in)
		}
	}
	t.Setenv("TERRAC_CACHE_MAX", "bogus")
	if MaxFromEnv() != DefaultMax {
		t.Error("invalid TERRAC_CACHE_MAX not ignored")
	}
}

// fakeRemote is an in-memory Bazel HTTP cache that records requests.
type fakeRemote struct {
	mu   sync.Mutex
	m    map[string][]byte
	log  []string
	auth string
}

func (f *fakeRemote) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.log = append(f.log, r.Method+" "+strings.SplitN(r.URL.Path[1:], "/", 3)[1])
	if f.auth != "" && r.Header.Get("Authorization") != f.auth {
		http.Error(w, "no", http.StatusUnauthorized)
		return
	}
	switch r.Method {
	case http.MethodGet:
		b, ok := f.m[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	case http.MethodPut:
		b, _ := io.ReadAll(r.Body)
		f.m[r.URL.Path] = b
		w.WriteHeader(http.StatusCreated)
	}
}

func TestRemote(t *testing.T) {
	f := &fakeRemote{m: map[string][]byte{}, auth: "Bearer s3cret"}
	srv := httptest.NewServer(f)
	defer srv.Close()
	newRemote := func(ro bool) *Remote {
		return NewRemote(srv.URL+"/prefix", RemoteOptions{Header: "Authorization: Bearer s3cret", ReadOnly: ro})
	}
	k := NewKey("program")
	a := Open(t.TempDir(), Options{Remote: newRemote(false)})
	a.Put("jit", k, []byte("native code"))
	a.Flush(2 * time.Second)

	sum := sha256.Sum256([]byte("native code"))
	digest := hex.EncodeToString(sum[:])
	if diff := cmp.Diff("native code", string(f.m["/prefix/cas/"+digest])); diff != "" {
		t.Errorf("cas entry (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(digest, string(f.m["/prefix"+acPath("jit", k)])); diff != "" {
		t.Errorf("ac entry (-want +got):\n%s", diff)
	}

	// Another machine: a local miss is a remote hit, which fills local.
	bdir := t.TempDir()
	b := Open(bdir, Options{Remote: newRemote(true)})
	got, ok := b.Get("jit", k)
	if !ok || string(got) != "native code" {
		t.Fatalf("remote Get = %q, %v", got, ok)
	}
	if _, err := os.Stat(b.Path("jit", k)); err != nil {
		t.Errorf("remote hit not stored locally: %v", err)
	}
	// Read-only: nothing is uploaded.
	f.log = nil
	b.Put("jit", NewKey("other"), []byte("x"))
	b.Flush(2 * time.Second)
	if len(f.log) != 0 {
		t.Errorf("read-only remote got %v", f.log)
	}
	// Content that does not match its digest is a miss.
	f.m["/prefix/cas/"+digest] = []byte("evil code")
	c := Open(t.TempDir(), Options{Remote: newRemote(true)})
	if got, ok := c.Get("jit", k); ok {
		t.Errorf("tampered content accepted: %q", got)
	}
}

// A dead remote costs one failure, reported once; later calls skip it.
func TestDeadRemote(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	var stderr bytes.Buffer
	r := NewRemote(url, RemoteOptions{Timeout: 500 * time.Millisecond})
	r.Stderr = &stderr
	c := Open(t.TempDir(), Options{Remote: r})
	start := time.Now()
	for i := 0; i < 20; i++ {
		k := NewKey(fmt.Sprint(i))
		if _, ok := c.Get("jit", k); ok {
			t.Fatal("hit from a dead remote")
		}
		c.Put("jit", k, []byte("x"))
	}
	c.Flush(2 * time.Second)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("dead remote cost %v", d)
	}
	if n := strings.Count(stderr.String(), "\n"); n != 1 {
		t.Errorf("want one report, got:\n%s", stderr.String())
	}
	// The local cache works regardless.
	if _, ok := c.Get("jit", NewKey("3")); !ok {
		t.Error("local entry missing")
	}
}

// The bound holds across processes: each write is accounted in the shared
// total, and a cache that lost its total measures itself again.
func TestBoundAcrossProcesses(t *testing.T) {
	dir := t.TempDir()
	entry := bytes.Repeat([]byte{2}, 4000)
	max := int64(10 * (headerSize + len(entry)))
	for i := 0; i < 50; i++ {
		if i == 20 {
			os.Remove(filepath.Join(dir, "size")) // e.g. an older terrac's cache
		}
		Open(dir, Options{Max: max}).Put("build", NewKey(fmt.Sprint(i)), entry)
		if s := Open(dir, Options{Max: max}).Stats(); s.Bytes > max {
			t.Fatalf("after %d writes the cache holds %d bytes, bound %d", i+1, s.Bytes, max)
		}
	}
	// The newest entry always survives.
	if _, ok := Open(dir, Options{Max: max}).Get("build", NewKey("49")); !ok {
		t.Error("newest entry evicted")
	}
}

// readFile (the hit path's own open/fstat/read) gives the file's bytes
// and mtime, an fs.ErrNotExist error for a missing file, and a hit on an
// entry older than touchAge still refreshes its mtime for the LRU order.
func TestReadFileAndTouch(t *testing.T) {
	c := Open(t.TempDir(), Options{})
	k := NewKey("touch")
	payload := bytes.Repeat([]byte{7}, 5000)
	c.Put("jit", k, payload)
	p := c.Path("jit", k)
	old := time.Now().Add(-2 * touchAge).Truncate(time.Second)
	if err := os.Chtimes(p, old, old); err != nil {
		t.Fatal(err)
	}
	data, mtime, err := readFile(p)
	want, _ := os.ReadFile(p)
	if err != nil || !bytes.Equal(data, want) || !mtime.Equal(old) {
		t.Fatalf("readFile: %d bytes (want %d), mtime %v (want %v), %v", len(data), len(want), mtime, old, err)
	}
	if _, _, err := readFile(p + "-missing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	if got, ok := c.Get("jit", k); !ok || !bytes.Equal(got, payload) {
		t.Fatalf("Get: ok=%v, %d bytes", ok, len(got))
	}
	fi, err := os.Stat(p)
	if err != nil || !fi.ModTime().After(old.Add(touchAge)) {
		t.Errorf("hit on a stale entry left mtime %v (was %v): %v", fi.ModTime(), old, err)
	}
}

// The shared total is rewritten in place and stays equal to what the
// directory holds, over totals of different digit counts.
func TestSizeFileTracksEntries(t *testing.T) {
	dir := t.TempDir()
	c := Open(dir, Options{Max: 1 << 30})
	for i, n := range []int{5, 50000, 7} {
		c.Put("jit", NewKey(fmt.Sprint(i)), bytes.Repeat([]byte{3}, n))
		b, err := os.ReadFile(filepath.Join(dir, "size"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
		if err != nil {
			t.Fatalf("size file %q: %v", b, err)
		}
		if want := c.Stats().Bytes; got != want {
			t.Errorf("after %d entries the size file says %d, the directory holds %d", i+1, got, want)
		}
	}
}

// PutAsync's entries are found at once, and are on disk after Flush, in
// a later "process" too.
func TestPutAsync(t *testing.T) {
	dir := t.TempDir()
	c := Open(dir, Options{})
	var keys []Key
	for i := 0; i < 50; i++ {
		k := NewKey("async", fmt.Sprint(i))
		keys = append(keys, k)
		c.PutAsync("jit", k, []byte(fmt.Sprint("object ", i)))
		if b, ok := c.Get("jit", k); !ok || string(b) != fmt.Sprint("object ", i) {
			t.Fatalf("entry %d right after PutAsync: %q, %v", i, b, ok)
		}
	}
	c.PutAsync("jit", keys[0], []byte("replaced"))
	c.Flush(10 * time.Second)
	later := Open(dir, Options{})
	for i, k := range keys {
		want := fmt.Sprint("object ", i)
		if i == 0 {
			want = "replaced"
		}
		if b, ok := later.getLocal("jit", k); !ok || string(b) != want {
			t.Errorf("entry %d after Flush: %q, %v; want %q", i, b, ok, want)
		}
	}
	if n := later.Stats().Entries; n != 50 {
		t.Errorf("%d entries on disk, want 50", n)
	}
}
