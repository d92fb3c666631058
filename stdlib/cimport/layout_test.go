// This file tests struct layouts against the host C compiler's.

package cimport

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const layoutDecls = `#include <sys/stat.h>
#include <time.h>
#include <pthread.h>
#include <setjmp.h>
struct packed_s { char c; int i; short s; long l; } __attribute__((packed));
struct aligned_s { char c; int i __attribute__((aligned(16))); char t; };
struct bits { char c; int a:3; int b:5; unsigned d:20; long e; unsigned f:1; };
struct pbits { char c; int a:7; int b:13; } __attribute__((packed));
struct flex { int n; double d[]; };
struct anon { int k; union { int i; double f; }; struct { char x, y; }; };
#pragma pack(push, 2)
struct pk2 { char c; double d; int i; };
#pragma pack(pop)
union mixed { char c[5]; int i; long double ld; };
`

// layoutProbes: C type, then its members (non-bitfield members are checked
// with offsetof, bitfields by setting all their bits).
var layoutProbes = []struct {
	tag     string // key in Header.Tags
	ctype   string
	members []string
	bits    []string
}{
	{"stat", "struct stat", []string{"st_dev", "st_ino", "st_mode", "st_size", "st_mtim", "st_blocks"}, nil},
	{"timespec", "struct timespec", []string{"tv_sec", "tv_nsec"}, nil},
	{"tm", "struct tm", []string{"tm_sec", "tm_isdst", "tm_gmtoff", "tm_zone"}, nil},
	{"packed_s", "struct packed_s", []string{"c", "i", "s", "l"}, nil},
	{"aligned_s", "struct aligned_s", []string{"c", "i", "t"}, nil},
	{"bits", "struct bits", []string{"c", "e"}, []string{"a", "b", "d", "f"}},
	{"pbits", "struct pbits", []string{"c"}, []string{"a", "b"}},
	{"flex", "struct flex", []string{"n", "d"}, nil},
	{"anon", "struct anon", []string{"k", "i", "f", "x", "y"}, nil},
	{"pk2", "struct pk2", []string{"c", "d", "i"}, nil},
	{"mixed", "union mixed", []string{"c", "i", "ld"}, nil},
	{"__jmp_buf_tag", "struct __jmp_buf_tag", []string{"__mask_was_saved", "__saved_mask"}, nil},
}

// groundTruth compiles and runs a C program printing "ctype.member value"
// lines: sizeof, alignof, offsetof and bit positions.
func groundTruth(t *testing.T) map[string]int64 {
	var b strings.Builder
	b.WriteString(layoutDecls + "#include <stdio.h>\n#include <stddef.h>\n#include <string.h>\n")
	b.WriteString("static int lowbit(const unsigned char *p, size_t n) { for (size_t i = 0; i < n*8; i++) if (p[i/8] >> (i%8) & 1) return (int)i; return -1; }\n")
	b.WriteString("int main(void) {\n")
	for _, p := range layoutProbes {
		fmt.Fprintf(&b, "printf(\"%s.sizeof %%zu\\n\", sizeof(%s));\n", p.tag, p.ctype)
		fmt.Fprintf(&b, "printf(\"%s.alignof %%zu\\n\", _Alignof(%s));\n", p.tag, p.ctype)
		for _, m := range p.members {
			fmt.Fprintf(&b, "printf(\"%s.%s %%zu\\n\", offsetof(%s, %s));\n", p.tag, m, p.ctype, m)
		}
		for _, m := range p.bits {
			fmt.Fprintf(&b, "{ %s s; memset(&s, 0, sizeof s); s.%s = -1; printf(\"%s.%s %%d\\n\", lowbit((unsigned char *)&s, sizeof s)); }\n", p.ctype, m, p.tag, m)
		}
	}
	b.WriteString("return 0; }\n")
	dir := t.TempDir()
	src, exe := filepath.Join(dir, "layout.c"), filepath.Join(dir, "layout")
	if err := os.WriteFile(src, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("cc", "-w", "-o", exe, src).CombinedOutput(); err != nil {
		t.Skipf("cannot compile ground truth with cc: %v\n%s", err, out)
	}
	out, err := exec.Command(exe).Output()
	if err != nil {
		t.Fatal(err)
	}
	r := map[string]int64{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		k, v, _ := strings.Cut(l, " ")
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			t.Fatalf("bad line %q", l)
		}
		r[k] = n
	}
	return r
}

// findField finds a member by name, descending into anonymous members, and
// returns its bit position in the outer type.
func findField(t *Type, name string) (*Field, int64, bool) {
	for i := range t.Fields {
		f := &t.Fields[i]
		if f.Name == name {
			return f, f.Offset*8 + int64(f.BitOffset), true
		}
		if f.Name == "" && f.Type != nil && f.Type.Fields != nil {
			if g, pos, ok := findField(f.Type, name); ok {
				return g, f.Offset*8 + pos, true
			}
		}
	}
	return nil, 0, false
}

func TestLayoutMatchesCC(t *testing.T) {
	want := groundTruth(t)
	h, err := Import(layoutDecls, nil, Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range layoutProbes {
		typ := h.Tags[p.tag]
		if typ == nil || !typ.Complete {
			t.Errorf("%s: not found or incomplete: %v", p.ctype, typ)
			continue
		}
		if typ.Size != want[p.tag+".sizeof"] || typ.Align != want[p.tag+".alignof"] {
			t.Errorf("%s: size %d align %d, cc says %d %d", p.ctype, typ.Size, typ.Align, want[p.tag+".sizeof"], want[p.tag+".alignof"])
		}
		for _, m := range p.members {
			f, pos, ok := findField(typ, m)
			if !ok || f.BitfieldWidth != 0 || pos != 8*want[p.tag+"."+m] {
				t.Errorf("%s.%s: found %v at bit %d, cc says byte %d", p.ctype, m, ok, pos, want[p.tag+"."+m])
			}
		}
		for _, m := range p.bits {
			f, pos, ok := findField(typ, m)
			if !ok || f.BitfieldWidth == 0 || pos != want[p.tag+"."+m] {
				t.Errorf("%s.%s: bitfield %v at bit %d, cc says bit %d", p.ctype, m, ok, pos, want[p.tag+"."+m])
			}
		}
	}
	if !h.Tags["packed_s"].Packed || !h.Tags["pk2"].Packed || h.Tags["stat"].Packed {
		t.Errorf("Packed flags wrong")
	}
	if !h.Tags["bits"].HasBitfields || h.Tags["stat"].HasBitfields {
		t.Errorf("HasBitfields flags wrong")
	}
	if d := h.Tags["flex"].Fields[1].Type; d.Kind != Array || d.Len != -1 {
		t.Errorf("flexible array member = %+v", d)
	}
	an := h.Tags["anon"]
	if len(an.Fields) != 3 || an.Fields[1].Name != "" || an.Fields[1].Type.Kind != Union || an.Fields[2].Type.Kind != Struct {
		t.Errorf("anonymous members = %+v", an.Fields)
	}
	if ld := h.Tags["mixed"].Fields[2].Type; ld.Kind != Float || !ld.LongDouble || ld.Size != 16 {
		t.Errorf("long double = %+v", ld)
	}
}
