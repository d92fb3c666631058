package cache

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// readFile's mtime drives the LRU order: a hit on an entry not used for
// longer than touchAge refreshes its mtime, a hit on a recent one leaves
// the file alone (no write per hit).
func TestHitRefreshesOnlyStaleEntries(t *testing.T) {
	c := Open(t.TempDir(), Options{})
	k := NewKey("touch")
	c.Put("jit", k, []byte("payload"))
	p := c.Path("jit", k)

	recent := time.Now().Add(-touchAge / 2).Truncate(time.Second)
	if err := os.Chtimes(p, recent, recent); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get("jit", k); !ok {
		t.Fatal("miss on a whole entry")
	}
	if fi, err := os.Stat(p); err != nil || !fi.ModTime().Equal(recent) {
		t.Fatalf("recent entry's mtime changed by a hit: %v (%v), want %v", fi.ModTime(), err, recent)
	}

	stale := time.Now().Add(-2 * touchAge)
	if err := os.Chtimes(p, stale, stale); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get("jit", k); !ok {
		t.Fatal("miss on a whole entry")
	}
	if fi, err := os.Stat(p); err != nil || time.Since(fi.ModTime()) > touchAge/2 {
		t.Fatalf("stale entry not refreshed by a hit: mtime %v (%v)", fi.ModTime(), err)
	}
}

// readFile gives the whole file and its mtime; a missing file is an error
// that says so; a directory where an entry should be is a miss, not a
// crash, and is left in place.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	want := bytes.Repeat([]byte("terrac"), 5000) // more than one page
	if err := os.WriteFile(p, want, 0o644); err != nil {
		t.Fatal(err)
	}
	mt := time.Date(2025, 3, 4, 5, 6, 7, 8000, time.UTC)
	if err := os.Chtimes(p, mt, mt); err != nil {
		t.Fatal(err)
	}
	got, gotMt, err := readFile(p)
	if err != nil || !bytes.Equal(got, want) || !gotMt.Equal(mt) {
		t.Errorf("readFile = %d bytes, %v, %v; want %d bytes, %v", len(got), gotMt, err, len(want), mt)
	}
	if _, _, err := readFile(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: err = %v, want fs.ErrNotExist", err)
	}

	c := Open(t.TempDir(), Options{})
	k := NewKey("dir")
	if err := os.MkdirAll(c.Path("jit", k), 0o755); err != nil {
		t.Fatal(err)
	}
	if b, ok := c.Get("jit", k); ok {
		t.Fatalf("a directory read as an entry (%d bytes)", len(b))
	}
	if fi, err := os.Stat(c.Path("jit", k)); err != nil || !fi.IsDir() {
		t.Errorf("directory at the entry's path: %v, %v", fi, err)
	}
}
