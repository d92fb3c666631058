// This file implements the recovery from declarations cc/v4 cannot type
// check in system headers: they are blanked out and translation retried.

package cimport

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/cc/v4"
)

// maxPruneRounds bounds the retries of a translation.
const maxPruneRounds = 4

// isSystem reports whether file lies in one of the system directories.
func isSystem(file string, sysDirs []string) bool {
	for _, d := range sysDirs {
		if strings.HasPrefix(file, d+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// prune blanks, in the overlay of fsys, the top-level declarations that
// contain errs; it reports false when some error is not in a system header
// or not inside a declaration it can find, so the errors must be reported.
func prune(cfg *cc.Config, sources []cc.Source, fsys *depFS, errs ErrorList, sysDirs []string, skipped map[string]string) bool {
	for _, e := range errs {
		if e.File == "" || !isSystem(e.File, sysDirs) {
			return false
		}
	}
	ast, err := cc.Parse(cfg, sources)
	if err != nil {
		return false
	}
	type span struct{ from, to int }
	spans := map[string][]span{}
	for l := ast.TranslationUnit; l != nil; l = l.TranslationUnit {
		toks := cc.NodeTokens(l.ExternalDeclaration)
		if len(toks) == 0 {
			continue
		}
		first, last := toks[0].Position(), toks[len(toks)-1].Position()
		if first.Filename != last.Filename || !isSystem(first.Filename, sysDirs) {
			continue
		}
		spans[first.Filename] = append(spans[first.Filename], span{first.Line, last.Line})
	}
	for _, e := range errs {
		found := false
		for _, s := range spans[e.File] {
			if s.from <= e.Line && e.Line <= s.to {
				if !fsys.blank(e.File, s.from, s.to) {
					return false
				}
				skipped[e.Error()] = "declaration skipped: cc/v4 cannot type check it"
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// blank replaces lines from..to (1-based) of file with empty lines in the
// overlay, keeping line numbers; preprocessor directives are kept.
func (d *depFS) blank(file string, from, to int) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	data, ok := d.overlay[file]
	if !ok {
		var err error
		if data, err = os.ReadFile(file); err != nil {
			return false
		}
	}
	lines := bytes.Split(data, []byte("\n"))
	if to > len(lines) {
		return false
	}
	for i := from - 1; i < to; i++ {
		if !bytes.HasPrefix(bytes.TrimSpace(lines[i]), []byte("#")) {
			lines[i] = nil
		}
	}
	if d.overlay == nil {
		d.overlay = map[string][]byte{}
	}
	d.overlay[file] = bytes.Join(lines, []byte("\n"))
	return true
}

// memFile is an overlay file.
type memFile struct {
	*bytes.Reader
	name string
	size int64
}

func (f *memFile) Stat() (fs.FileInfo, error) { return memInfo{f.name, f.size}, nil }
func (f *memFile) Close() error               { return nil }

type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return filepath.Base(i.name) }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o444 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
