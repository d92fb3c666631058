package jit

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCacheable(t *testing.T) {
	for ir, want := range map[string]bool{
		"define i32 @f() {\n  ret i32 1\n}\n":                          true,
		"  %0 = inttoptr i64 538256928 to i32*\n":                      false, // a cdata address
		"  store i8* inttoptr (i64 140737488355328 to i8*), i8** %p\n": false,
		"  %0 = inttoptr i64 %x to i32*\n":                             true, // computed, not embedded
		"  %0 = inttoptr i64 4096 to i32*\n":                           true, // small constants are not addresses
		"  ret i8* inttoptr (i64 -1 to i8*)\n":                         true,
	} {
		if got := cacheable(ir); got != want {
			t.Errorf("cacheable(%q) = %v, want %v", ir, got, want)
		}
	}
}

func TestObjKeyIgnoresModuleName(t *testing.T) {
	j, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	body := "target triple = \"x86_64-pc-linux-gnu\"\n\ndefine i32 @f() {\n  ret i32 1\n}\n"
	a := objKey(j, "; ModuleID = 'terrac.batch1'\nsource_filename = \"terrac.batch1\"\n"+body, 3)
	b := objKey(j, "source_filename = \"terrac.batch7\"\n"+body, 3)
	if a != b {
		t.Error("the module name changes the key")
	}
	if diff := cmp.Diff(body, stripModuleName("source_filename = \"x\"\n"+body)); diff != "" {
		t.Errorf("stripModuleName (-want +got):\n%s", diff)
	}
	for name, other := range map[string]struct {
		ir  string
		opt int
	}{
		"opt level": {body, 2},
		"code":      {body[:len(body)-3] + "2\n}\n", 3},
	} {
		if objKey(j, other.ir, other.opt) == a {
			t.Errorf("a different %s gives the same key", name)
		}
	}
}
