package aot

import "testing"

func TestLibraryArg(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"libz.so.1", "-l:libz.so.1"},
		{"liblzma.so.5", "-l:liblzma.so.5"},
		{"libz.so", "-l:libz.so"},
		{"libfoo.a", "-l:libfoo.a"},
		{"/usr/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1"},
		{"./libshapes.so", "./libshapes.so"},
		{"-lz", "-lz"},
		{"prog.o", "prog.o"},
		{"libsomething.sox", "libsomething.sox"},
	} {
		if got := libraryArg(c.in); got != c.want {
			t.Errorf("libraryArg(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
