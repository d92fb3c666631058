package cache

import (
	"os"
	"testing"
	"time"
)

// A hit on an entry used within touchAge leaves the file alone (no write
// per hit); TestReadFileAndTouch covers the refresh of a stale one.
func TestHitLeavesRecentEntryAlone(t *testing.T) {
	c := Open(t.TempDir(), Options{})
	k := NewKey("recent")
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
}

// A directory where an entry file should be (readFile opens it, and its
// read fails) is a miss, not a crash, and is not removed recursively.
func TestDirectoryAtEntryPathIsAMiss(t *testing.T) {
	c := Open(t.TempDir(), Options{})
	k := NewKey("dir")
	p := c.Path("jit", k)
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
	if b, ok := c.Get("jit", k); ok {
		t.Fatalf("a directory read as an entry (%d bytes)", len(b))
	}
	if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
		t.Errorf("directory at the entry's path: %v, %v", fi, err)
	}
}
