package grubcfg

import (
	"math/rand"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func load(t *testing.T, name string) (*Doc, string) {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(name, string(b))
	if err != nil {
		t.Fatal(err)
	}
	return d, string(b)
}

func TestRoundTrip(t *testing.T) {
	for _, name := range []string{"debian.cfg", "crlf.cfg"} {
		d, src := load(t, name)
		if diff := cmp.Diff(src, d.Text()); diff != "" {
			t.Errorf("%s: round trip differs (-want +got):\n%s", name, diff)
		}
	}
	for _, src := range []string{"", "\n", "# only a comment", "a;b ; c\n", "x {\n}\n", "test_blockarg { test_blockarg { true } }; test_blockarg { true }\n", "echo \"\\\\\\$\"\n", "menuentry x{}"} {
		d, err := Parse("s", src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if got := d.Text(); got != src {
			t.Errorf("%q printed as %q", src, got)
		}
	}
}

func titles(d *Doc) []string {
	var out []string
	for _, e := range d.Entries() {
		out = append(out, string(e.Kind)+":"+e.Title())
	}
	return out
}

func TestEntries(t *testing.T) {
	d, _ := load(t, "debian.cfg")
	want := []string{
		"menuentry:Debian GNU/Linux",
		"submenu:Advanced options for Debian GNU/Linux",
		"menuentry:Debian GNU/Linux, with Linux 6.1.0-13-amd64",
		"menuentry:Debian GNU/Linux, with Linux 6.1.0-13-amd64 (recovery mode)",
		"menuentry:UEFI Firmware Settings",
		`menuentry:Memtest86+ "serial"`,
	}
	if diff := cmp.Diff(want, titles(d)); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	e := d.Find("Advanced options for Debian GNU/Linux>Debian GNU/Linux, with Linux 6.1.0-13-amd64 (recovery mode)")
	if e == nil {
		t.Fatal("path lookup failed")
	}
	if got := e.ID(); got != "gnulinux-6.1.0-13-amd64-recovery-6f1c7b0e-8d3a-4a57-9c2e-2b1f0a9d4e11" {
		t.Errorf("id %q", got)
	}
	k := e.KernelLine()
	if k == nil || k.Args()[0] != "/boot/vmlinuz-6.1.0-13-amd64" || k.KernelArgs() != "root=UUID=6f1c7b0e-8d3a-4a57-9c2e-2b1f0a9d4e11 ro single" {
		t.Errorf("kernel line %+v", k)
	}
	if d.Find("uefi-firmware") == nil || d.Find("nope") != nil {
		t.Error("find by id")
	}
	// without a path, nested entries are found too, the first in document order
	if n := d.Find("Debian GNU/Linux, with Linux 6.1.0-13-amd64 (recovery mode)"); n != e {
		t.Error("nested entry not found without its path")
	}
	if d.Find("Debian GNU/Linux>x") != nil || d.Find("UEFI Firmware Settings>x") != nil {
		t.Error("a path through a menuentry")
	}
	if d.Find(">Debian GNU/Linux") != nil {
		t.Error("an empty path step")
	}
	m := d.Find(`Memtest86+ "serial"`)
	if got := m.KernelLine().KernelArgs(); got != "console=ttyS0,115200 quiet" {
		t.Errorf("continued line args %q", got)
	}
}

func TestEdit(t *testing.T) {
	d, src := load(t, "debian.cfg")
	e := d.Find("Debian GNU/Linux")
	c := e.Copy()
	c.SetTitle("Debian GNU/Linux (serial console)")
	c.SetID("gnulinux-serial")
	c.KernelLine().SetKernel("/boot/vmlinuz-6.6.0-test")
	c.KernelLine().SetKernelArgs(`root=/dev/vda2 ro console=ttyS0,115200 foo="a b" $vt_handoff`)
	c.InitrdLine().SetArgs([]string{"/boot/initrd.img-6.6.0-test", "/boot/ucode.img"})
	e.Parent.Insert(e.Index()+1, c)
	if n := d.SetVar("timeout", "2"); n != 3 {
		t.Errorf("SetVar changed %d commands, want 3", n)
	}
	got := d.Text()
	// The edit touches only the new entry's text and the timeouts.
	want := strings.NewReplacer("set timeout=30", "set timeout=2", "set timeout=5", "set timeout=2").Replace(src)
	entry := e.Text()
	newEntry := strings.NewReplacer(
		"'Debian GNU/Linux' --class", "'Debian GNU/Linux (serial console)' --class",
		"'gnulinux-simple-6f1c7b0e-8d3a-4a57-9c2e-2b1f0a9d4e11'", "'gnulinux-serial'",
		"linux\t/boot/vmlinuz-6.1.0-13-amd64 root=UUID=6f1c7b0e-8d3a-4a57-9c2e-2b1f0a9d4e11 ro  quiet",
		`linux	/boot/vmlinuz-6.6.0-test root=/dev/vda2 ro console=ttyS0,115200 'foo="a b"' $vt_handoff`,
		"initrd\t/boot/initrd.img-6.1.0-13-amd64", "initrd\t/boot/initrd.img-6.6.0-test /boot/ucode.img",
	).Replace(entry)
	want = strings.Replace(want, entry, entry+"\n"+newEntry, 1)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("edited text (-want +got):\n%s", diff)
	}
	// the copy reads back as written
	d2, err := Parse("edited", got)
	if err != nil {
		t.Fatal(err)
	}
	c2 := d2.Find("gnulinux-serial")
	if c2 == nil || c2.Title() != "Debian GNU/Linux (serial console)" {
		t.Fatal("copy not found after reparsing")
	}
	if got := c2.KernelLine().KernelArgs(); got != `root=/dev/vda2 ro console=ttyS0,115200 foo="a b" $vt_handoff` {
		t.Errorf("args read back as %q", got)
	}
}

func TestInsertIntoSubmenuAndRemove(t *testing.T) {
	d, src := load(t, "debian.cfg")
	sub := d.Find("Advanced options for Debian GNU/Linux")
	c := d.Find("Debian GNU/Linux").Copy()
	c.SetTitle("Nested")
	sub.Insert(len(sub.Children), c)
	got := d.Text()
	if !strings.Contains(got, "\t}\n\tmenuentry 'Nested' --class") {
		t.Errorf("nested entry not indented like its siblings:\n%s", got)
	}
	if d.Find("Advanced options for Debian GNU/Linux>Nested") != c {
		t.Error("path lookup of the inserted entry")
	}
	c.Remove()
	if got := d.Text(); got != src {
		t.Errorf("insert then remove is not the identity:\n%s", cmp.Diff(src, got))
	}
}

func TestSetVarAddsAtTop(t *testing.T) {
	d, err := Parse("x", "# header\nmenuentry a {\n}\n")
	if err != nil {
		t.Fatal(err)
	}
	d.SetVar("timeout", "0")
	d.SetVar("default", "a b")
	if got, want := d.Text(), "set default='a b'\nset timeout=0\n# header\nmenuentry a {\n}\n"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
}

func TestSetVarForms(t *testing.T) {
	src := "timeout=15\nset timeout='3'\nset  timeout=\"${saved}\"\nif x; then timeout=4; fi\necho timeout=9\n"
	d, err := Parse("x", src)
	if err != nil {
		t.Fatal(err)
	}
	if n := d.SetVar("timeout", "1"); n != 3 {
		t.Errorf("SetVar changed %d, want 3", n)
	}
	want := "timeout=1\nset timeout=1\nset  timeout=\"${saved}\"\nif x; then timeout=1; fi\necho timeout=9\n"
	if got := d.Text(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestQuote(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"/boot/vmlinuz", "/boot/vmlinuz"},
		{"a b", "'a b'"},
		{"it's", `'it'\''s'`},
		{"", "''"},
		{"$x", "'$x'"},
	} {
		if got := Quote(c.in); got != c.out {
			t.Errorf("Quote(%q) = %q, want %q", c.in, got, c.out)
		}
		if got := Unquote(Quote(c.in)); got != c.in {
			t.Errorf("Unquote(Quote(%q)) = %q", c.in, got)
		}
	}
	if got := Unquote(`"a\"b\$c"'d'e\ f`); got != `a"b$cde f` {
		t.Errorf("Unquote: %q", got)
	}
	if diff := cmp.Diff([]string{"a", `b="x y"`, "c"}, SplitCmdline(` a  b="x y"	c `)); diff != "" {
		t.Error(diff)
	}
}

func TestErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"menuentry 'x' {\n  linux /v\n", `e.cfg:3:1: unexpected token end of file (expected "}")`},
		{"if true; then\n  echo\n", "e.cfg:3:1:"},
		{"echo 'unterminated\n", "e.cfg:1:6:"},
		{"}\n", "e.cfg:1:1:"},
	} {
		_, err := Parse("e.cfg", c.src)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: error %v, want prefix %s", c.src, err, c.want)
		}
	}
}

// TestMutations damages the Debian fixture in 200 seeded ways (cut
// ranges, inserted braces, quotes, escapes): each result either fails to
// parse with an error or prints back unchanged and survives the edits of
// checkEdits.
func TestMutations(t *testing.T) {
	b, err := os.ReadFile("testdata/debian.cfg")
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(1))
	chars := "{};'\"\\$#\n ab"
	parsed := 0
	for i := 0; i < 200; i++ {
		s := []byte(string(b))
		for k := 0; k < 3; k++ {
			p := r.Intn(len(s))
			if r.Intn(3) == 0 {
				q := min(p+r.Intn(40), len(s))
				s = append(s[:p], s[q:]...)
			} else {
				s = append(s[:p], append([]byte{chars[r.Intn(len(chars))]}, s[p:]...)...)
			}
		}
		d, err := Parse("m", string(s))
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("mutation %d: error without a position: %v", i, err)
			}
			continue
		}
		parsed++
		if d.Text() != string(s) {
			t.Fatalf("mutation %d does not print back unchanged", i)
		}
		checkEdits(t, d)
	}
	t.Logf("%d of 200 mutations parsed", parsed)
	if parsed < 20 {
		t.Errorf("only %d of 200 mutations parsed; the test checks little", parsed)
	}
}

// checkEdits copies every entry with a new title, kernel and arguments,
// sets the timeout, and parses the result again.
func checkEdits(t *testing.T, d *Doc) {
	t.Helper()
	for _, e := range d.Entries() {
		c := e.Copy()
		c.SetTitle("t")
		if k := c.KernelLine(); k != nil {
			k.SetKernel("/k")
			k.SetKernelArgs(`a b="c d"`)
		}
		e.Parent.Insert(e.Index()+1, c)
	}
	d.SetVar("timeout", "1")
	if _, err := Parse("again", d.Text()); err != nil {
		t.Fatalf("edited text does not parse: %v\n%s", err, d.Text())
	}
}

// FuzzRoundTrip: whatever parses prints back unchanged, and no input makes
// the parser or the edits panic.
func FuzzRoundTrip(f *testing.F) {
	for _, name := range []string{"debian.cfg", "crlf.cfg"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("menuentry 'a' { linux /k x=1; initrd /i }\nsubmenu s { menuentry b { linux16 /m } }\n")
	f.Add("if a; then b; elif c; then d; else e; fi; for x in 1; do y; done; function f { g; }")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Parse("f", src)
		if err != nil {
			return
		}
		if got := d.Text(); got != src {
			t.Fatalf("round trip of %q gave %q", src, got)
		}
		checkEdits(t, d)
	})
}
