package cache

import (
	"errors"
	"io/fs"
	"syscall"
	"time"
)

// readFile reads the file at p and gives its mtime, in four system calls
// (open, fstat, read, close). os.Open would add an epoll registration
// that fails for a regular file and several fcntl calls: a warm JIT run
// reads one entry per module, a thousand for a thousand functions. A
// missing file gives an error wrapping fs.ErrNotExist; a short read
// gives the bytes read, which decode then rejects.
func readFile(p string) ([]byte, time.Time, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(p, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, time.Time{}, &fs.PathError{Op: "open", Path: p, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, time.Time{}, &fs.PathError{Op: "fstat", Path: p, Err: err}
	}
	if st.Size < 0 || st.Size > 1<<32 {
		return nil, time.Time{}, &fs.PathError{Op: "read", Path: p, Err: errors.New("entry too large")}
	}
	data := make([]byte, st.Size)
	n := 0
	for n < len(data) {
		m, err := syscall.Read(fd, data[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, time.Time{}, &fs.PathError{Op: "read", Path: p, Err: err}
		}
		if m == 0 {
			break
		}
		n += m
	}
	return data[:n], time.Unix(st.Mtim.Unix()), nil
}
