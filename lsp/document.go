// This file implements open documents: their text and version, edits,
// and conversions between LSP positions (UTF-16 units) and byte offsets.
package lsp

import (
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// document is one open text document.
type document struct {
	uri     string
	path    string // file system path, or the URI when it is not a file
	version int
	text    string
}

// uriToPath turns a file:// URI into a path.
func uriToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return uri
	}
	return filepath.FromSlash(u.Path)
}

// pathToURI turns an absolute path into a file:// URI.
func pathToURI(path string) string {
	if strings.Contains(path, "://") {
		return path
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// offset converts an LSP position into a byte offset in text, clamped to
// the line's end and the text's end.
func offset(text string, p position) int {
	off := 0
	for line := 0; line < p.Line; line++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	units := 0
	for off < len(text) && text[off] != '\n' && units < p.Character {
		r, size := utf8.DecodeRuneInString(text[off:])
		units++
		if r >= 0x10000 {
			units++
		}
		off += size
	}
	return off
}

// positionOf converts a byte offset in text into an LSP position.
func positionOf(text string, off int) position {
	if off > len(text) {
		off = len(text)
	}
	if off < 0 {
		off = 0
	}
	line := strings.Count(text[:off], "\n")
	start := strings.LastIndexByte(text[:off], '\n') + 1
	units := 0
	for _, r := range text[start:off] {
		units++
		if r >= 0x10000 {
			units++
		}
	}
	return position{Line: line, Character: units}
}

// applyChange applies one content change (a range edit, or the whole
// text when Range is nil).
func applyChange(text string, c contentChange) string {
	if c.Range == nil {
		return c.Text
	}
	a, b := offset(text, c.Range.Start), offset(text, c.Range.End)
	if b < a {
		a, b = b, a
	}
	return text[:a] + c.Text + text[b:]
}
