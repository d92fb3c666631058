//go:build !linux

package cache

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"time"
)

// readFile reads the file at p and gives its mtime (see readfile_linux.go,
// which avoids os.File's extra system calls; here portability wins). A
// short read gives the bytes read, which decode then rejects.
func readFile(p string) ([]byte, time.Time, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	if fi.Size() > 1<<32 {
		return nil, time.Time{}, &fs.PathError{Op: "read", Path: p, Err: errors.New("entry too large")}
	}
	data := make([]byte, fi.Size())
	n, err := io.ReadFull(f, data)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, time.Time{}, err
	}
	return data[:n], fi.ModTime(), nil
}
