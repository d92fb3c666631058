// This file implements linking executables and shared libraries with the
// system C compiler.
package aot

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// CCommand is the C compiler command: $CC split on spaces, else "cc".
func CCommand() []string {
	if cc := strings.Fields(os.Getenv("CC")); len(cc) > 0 {
		return cc
	}
	return []string{"cc"}
}

// link writes obj to a temporary file and links it into filename (a
// temporary file when filename is empty), returning the linked bytes.
// libm is linked only if the program uses it (--as-needed), so a program
// that calls no math function depends on libc alone.
func link(filename, kind string, obj []byte, linkargs []string) ([]byte, error) {
	dir, err := os.MkdirTemp("", "terrac-link-")
	if err != nil {
		return nil, fmt.Errorf("saveobj: %v", err)
	}
	defer os.RemoveAll(dir)
	objPath := filepath.Join(dir, "terra.o")
	if err := os.WriteFile(objPath, obj, 0o644); err != nil {
		return nil, fmt.Errorf("saveobj: %v", err)
	}
	out := filename
	if out == "" {
		out = filepath.Join(dir, "out")
	}
	cc := CCommand()
	args := append([]string{}, cc[1:]...)
	if kind == SharedLibrary {
		args = append(args, "-shared")
	}
	args = append(args, "-o", out, objPath)
	for _, a := range linkargs {
		args = append(args, libraryArg(a))
	}
	args = append(args, "-Wl,--as-needed", "-lm")
	cmd := exec.Command(cc[0], args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("saveobj: linking with %s failed:\n%s", cc[0], msg)
	}
	return os.ReadFile(out)
}

// libraryArg turns a library named by its file name alone, as
// terralib.linklibrary("libz.so.1") names it for dlopen, into "-l:NAME" so
// that the linker searches its library path for that exact file (there is
// often no unversioned libz.so without the -dev package) and the program
// records the soname as DT_NEEDED. Paths, flags and files that exist
// relative to the working directory are passed unchanged.
func libraryArg(a string) string {
	if strings.HasPrefix(a, "-") || strings.Contains(a, "/") {
		return a
	}
	base := a
	if i := strings.Index(base, ".so"); i > 0 && (i+3 == len(base) || base[i+3] == '.') {
		base = base[:i]
	} else if strings.HasSuffix(base, ".a") {
		base = strings.TrimSuffix(base, ".a")
	} else {
		return a
	}
	if !strings.HasPrefix(base, "lib") || len(base) == 3 {
		return a
	}
	if _, err := os.Stat(a); err == nil {
		return a
	}
	return "-l:" + a
}
