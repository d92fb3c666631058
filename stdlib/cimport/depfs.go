// This file implements the recording file system that lists every file the
// preprocessor opened or probed, for the cache's validity check.

package cimport

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// dep is one file the preprocessor looked at. A missing file matters too:
// creating it could change which header an #include finds.
type dep struct {
	Path    string
	Exists  bool
	Size    int64
	ModTime int64 // UnixNano
	Dir     bool  // a directory (the probe's); a header never is
}

// current reports whether the file is still as recorded.
func (d dep) current() bool {
	fi, err := os.Stat(d.Path)
	if err != nil {
		return !d.Exists
	}
	return d.Exists && fi.IsDir() == d.Dir && fi.Size() == d.Size && fi.ModTime().UnixNano() == d.ModTime
}

// statDep records the file or directory path as it is now.
func statDep(path string) dep {
	fi, err := os.Stat(path)
	if err != nil {
		return dep{Path: path}
	}
	return dep{Path: path, Exists: true, Dir: fi.IsDir(), Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
}

// depFS opens files from the host file system by the names cc/v4 passes
// (absolute or relative to the working directory), recording each lookup.
type depFS struct {
	mu      sync.Mutex
	deps    map[string]dep
	overlay map[string][]byte // pruned copies of headers, see prune.go
}

func newDepFS() *depFS { return &depFS{deps: map[string]dep{}} }

func (d *depFS) Open(name string) (fs.File, error) {
	d.mu.Lock()
	data, ok := d.overlay[name]
	d.mu.Unlock()
	if ok {
		return &memFile{bytes.NewReader(data), name, int64(len(data))}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		// A missing header is recorded by its directory: creating the
		// file changes the directory's mtime. The include search probes
		// many names in a few directories, so the warm path stats a
		// dozen directories instead of a hundred names.
		dir := filepath.Dir(name)
		d.mu.Lock()
		if _, seen := d.deps[dir]; !seen {
			d.deps[dir] = statDep(dir)
		}
		d.mu.Unlock()
		return nil, err
	}
	rec := dep{Path: name}
	if fi, serr := f.Stat(); serr == nil && !fi.IsDir() {
		rec = dep{Path: name, Exists: true, Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
	}
	d.mu.Lock()
	if _, seen := d.deps[name]; !seen {
		d.deps[name] = rec
	}
	d.mu.Unlock()
	return f, nil
}

// list returns the recorded lookups sorted by path.
func (d *depFS) list() []dep {
	d.mu.Lock()
	defer d.mu.Unlock()
	r := make([]dep, 0, len(d.deps))
	for _, v := range d.deps {
		r = append(r, v)
	}
	sort.Slice(r, func(i, j int) bool { return r[i].Path < r[j].Path })
	return r
}
