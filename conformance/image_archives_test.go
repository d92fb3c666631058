package conformance

// The archive writers and readers of `require "image"` (image.cpio,
// image.tar, image.compress, image.read, image.extract, image.ext4) are
// held to the standard tools: cpio -itv and tar -tvf list what the tree
// holds, gzip -t and xz -t accept the streams, dpkg-deb builds the .deb
// the reader opens, e2fsck and debugfs check the ext4 image. Crafted
// archives (built here with Python's tarfile and by hand for cpio) try to
// write outside the extraction directory.

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func TestImageArchives(t *testing.T) {
	bin := terrac(t)
	t.Run("listing", func(t *testing.T) { t.Parallel(); testArchiveListing(t, bin) })
	t.Run("segments", func(t *testing.T) { t.Parallel(); testArchiveSegments(t, bin) })
	t.Run("escape", func(t *testing.T) { t.Parallel(); testArchiveEscape(t, bin) })
	t.Run("deb", func(t *testing.T) { t.Parallel(); testArchiveDeb(t, bin) })
	t.Run("ext4", func(t *testing.T) { t.Parallel(); testArchiveExt4(t, bin) })
	t.Run("ext4-nonroot", func(t *testing.T) { t.Parallel(); testArchiveExt4NonRoot(t, bin) })
	t.Run("reproducible", func(t *testing.T) { t.Parallel(); testArchiveReproducible(t, bin) })
	t.Run("build", func(t *testing.T) { t.Parallel(); testArchiveBuild(t, bin) })
	t.Run("build-ext4", func(t *testing.T) { t.Parallel(); testArchiveBuildExt4(t, bin) })
}

// archiveTree is a tree with every kind of entry, owners, a long path
// (pax), a long symlink target (pax), a non-ASCII name and a file from
// the host.
const archiveTree = `
local image = require "image"
local t = image.tree{ mtime = 1700000000 }
t:dir("etc", { mode = "0750", uid = 0, gid = 4 })
t:file("etc/hostname", { data = "box\n" })
t:file("etc/shadow", { data = "root:*:1:0:99999:7:::\n", mode = "0600", gid = 42 })
t:file("bin/busybox", { host = "payload.bin", mode = "0755" })
t:symlink("bin/sh", "busybox")
t:hardlink("bin/ash", "bin/busybox")
t:hardlink("sbin/init", "bin/busybox")
t:chardev("dev/console", 5, 1, { mode = "0600" })
t:chardev("dev/null", 1, 3, { mode = "0666" })
t:blockdev("dev/vda1", 254, 1, { uid = 6, gid = 6, mode = "0660" })
t:fifo("run/initctl", { mode = "0600" })
t:dir("tmp", { mode = "1777" })
t:file("usr/bin/su", { data = "#!/bin/sh\n", mode = "4755" })
t:file("home/user/notes-été.txt", { data = "ça\n", uid = 1000, gid = 1000, mtime = 1600000000 })
t:file(string.rep("long-directory-name/", 9) .. string.rep("f", 90), { data = "deep\n" })
t:symlink("lib/far", string.rep("../", 40) .. "target")
t:file("big/uid", { data = "x", uid = 3000000, gid = 3000001 })
-- listing: kind path mode uid gid size major minor target
local function listing(tree)
  for _, e in ipairs(tree:entries()) do
    local f = e.kind == "hardlink" and tree:get(e.target) or e
    print(string.format("%s\t%s\t%o\t%d\t%d\t%d\t%d\t%d\t%s", e.kind, e.path, f.mode, f.uid, f.gid,
      f.size or 0, f.major or 0, f.minor or 0, e.target or ""))
  end
end
-- norm is listing with hard-link groups shown as files naming the group's
-- first path: which name holds the data is the archive format's choice.
local function norm(tree)
  local first = {}
  for _, e in ipairs(tree:entries()) do
    local key = e.kind == "hardlink" and e.target or e.path
    if e.kind == "file" or e.kind == "hardlink" then
      if not first[key] or e.path < first[key] then first[key] = e.path end
    end
  end
  for _, e in ipairs(tree:entries()) do
    local f = e.kind == "hardlink" and tree:get(e.target) or e
    local key = e.kind == "hardlink" and e.target or e.path
    print(string.format("%s\t%s\t%o\t%d\t%d\t%d\t%d\t%d\t%s\t%s", f.kind, e.path, f.mode, f.uid, f.gid,
      f.size or 0, f.major or 0, f.minor or 0, f.target or "", first[key] or ""))
  end
end
`

type listEntry struct {
	kind, path, target     string
	mode                   uint64
	uid, gid, size, mj, mn int64
}

func parseListing(t *testing.T, out string) []listEntry {
	var es []listEntry
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 9 {
			t.Fatalf("bad listing line %q", line)
		}
		n := func(s string, base int) int64 {
			v, err := strconv.ParseInt(s, base, 64)
			if err != nil {
				t.Fatalf("bad number %q in %q", s, line)
			}
			return v
		}
		es = append(es, listEntry{kind: f[0], path: f[1], mode: uint64(n(f[2], 8)), uid: n(f[3], 10), gid: n(f[4], 10),
			size: n(f[5], 10), mj: n(f[6], 10), mn: n(f[7], 10), target: f[8]})
	}
	return es
}

// modeString is ls -l's mode column.
func modeString(kind string, mode uint64) string {
	c := map[string]byte{"file": '-', "hardlink": '-', "dir": 'd', "symlink": 'l', "char": 'c', "block": 'b', "fifo": 'p'}[kind]
	b := []byte{c}
	for i := 2; i >= 0; i-- {
		p := mode >> (3 * uint(i)) & 7
		for j, ch := range "rwx" {
			if p&(4>>uint(j)) != 0 {
				b = append(b, byte(ch))
			} else {
				b = append(b, '-')
			}
		}
	}
	if mode&0o4000 != 0 {
		b[3] = map[byte]byte{'x': 's', '-': 'S'}[b[3]]
	}
	if mode&0o2000 != 0 {
		b[6] = map[byte]byte{'x': 's', '-': 'S'}[b[6]]
	}
	if mode&0o1000 != 0 {
		b[9] = map[byte]byte{'x': 't', '-': 'T'}[b[9]]
	}
	return string(b)
}

func testArchiveListing(t *testing.T, bin string) {
	needTools(t, "cpio", "tar", "gzip", "xz")
	dir := t.TempDir()
	payload := bytes.Repeat([]byte("busybox payload 0123456789\n"), 5000)
	if err := os.WriteFile(filepath.Join(dir, "payload.bin"), payload, 0o644); err != nil {
		t.Fatal(err)
	}
	out := runImageScript(t, bin, dir, "write", archiveTree+`
image.cpio(t):write("a.cpio")
image.cpio{ tree = t, compress = "gzip" }:write("a.cpio.gz")
image.cpio{ tree = t, compress = "xz" }:write("a.cpio.xz")
image.tar(t):write("a.tar")
image.tar{ tree = t, compress = "gzip", level = 9 }:write("a.tar.gz")
image.tar{ tree = t, compress = "xz" }:write("a.tar.xz")
listing(t)
print("--")
norm(t)
print("--")
for _, f in ipairs{ "a.cpio", "a.cpio.gz", "a.cpio.xz", "a.tar", "a.tar.gz", "a.tar.xz" } do
  local back, skipped = image.read(f)
  assert(#skipped == 0)
  norm(back)
  print("--")
end
`)
	parts := strings.Split(out, "--\n")
	want := parseListing(t, parts[0])
	if len(want) < 20 {
		t.Fatalf("listing too short:\n%s", parts[0])
	}
	// Round trips: every format reads back to the same listing.
	for i, f := range []string{"a.cpio", "a.cpio.gz", "a.cpio.xz", "a.tar", "a.tar.gz", "a.tar.xz"} {
		if parts[i+2] != parts[1] {
			t.Errorf("%s read back differs:\nwant:\n%s\ngot:\n%s", f, parts[1], parts[i+2])
		}
	}
	tool(t, dir, "gzip", "-t", "a.cpio.gz")
	tool(t, dir, "gzip", "-t", "a.tar.gz")
	tool(t, dir, "xz", "-t", "a.tar.xz")
	tool(t, dir, "xz", "-t", "a.cpio.xz")
	raw, _ := os.ReadFile(filepath.Join(dir, "a.cpio"))
	if got := tool(t, dir, "sh", "-c", "gzip -dc a.cpio.gz | sha256sum; xz -dc a.cpio.xz | sha256sum"); got != strings.Repeat(fmt.Sprintf("%x  -\n", sha256.Sum256(raw)), 2) {
		t.Errorf("the compressed cpio does not decompress to the plain one")
	}
	if len(raw)%512 != 0 {
		t.Errorf("a.cpio is %d bytes, not padded to 512 as GNU cpio pads", len(raw))
	}

	// cpio -itv: one line per entry, in the tree's order. Hard links are
	// regular files sharing an inode; the data is on the last name.
	cpioOut := tool(t, dir, "cpio", "-itv", "--numeric-uid-gid", "-F", "a.cpio")
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(cpioOut), "\n") {
		if strings.HasSuffix(l, " blocks") {
			continue
		}
		got = append(got, l)
	}
	re := regexp.MustCompile(`^(\S+)\s+\d+\s+(\d+)\s+(\d+)\s+(\d+,\s*\d+|\d+)\s+\S+\s+\d+\s+\S+\s(.*)$`)
	if len(got) != len(want) {
		t.Fatalf("cpio lists %d entries, the tree has %d:\n%s", len(got), len(want), cpioOut)
	}
	last := map[string]string{}
	for _, w := range want {
		if w.kind == "hardlink" {
			last[w.target] = w.path
		}
	}
	for i, w := range want {
		m := re.FindStringSubmatch(got[i])
		if m == nil {
			t.Fatalf("cannot parse cpio line %q", got[i])
		}
		size := fmt.Sprint(w.size)
		switch w.kind {
		case "char", "block":
			size = fmt.Sprintf("%d, %d", w.mj, w.mn)
		case "dir", "fifo":
			size = "0"
		case "symlink":
			size = fmt.Sprint(len(w.target))
		case "file", "hardlink":
			key := w.path
			if w.kind == "hardlink" {
				key = w.target
			}
			if l, ok := last[key]; ok && l != w.path {
				size = "0"
			}
		}
		name := w.path
		if w.kind == "symlink" {
			name += " -> " + w.target
		}
		sz := regexp.MustCompile(`,\s+`).ReplaceAllString(m[4], ", ")
		if m[1] != modeString(w.kind, w.mode) || m[2] != fmt.Sprint(w.uid) || m[3] != fmt.Sprint(w.gid) || sz != size || m[5] != name {
			t.Errorf("cpio line %q, want mode %s owner %d/%d size %s name %q", got[i], modeString(w.kind, w.mode), w.uid, w.gid, size, name)
		}
	}

	// tar -tvf: the first name of a hard-link group holds the data, later
	// names link to it.
	for _, f := range []string{"a.tar", "a.tar.gz", "a.tar.xz"} {
		tarOut := tool(t, dir, "tar", "--numeric-owner", "-tvf", f)
		lines := strings.Split(strings.TrimSpace(tarOut), "\n")
		if len(lines) != len(want) {
			t.Fatalf("tar lists %d entries, the tree has %d:\n%s", len(lines), len(want), tarOut)
		}
		tre := regexp.MustCompile(`^(\S+) (\d+)/(\d+)\s+(\d+,\d+|\d+) \S+ \S+ (.*)$`)
		first := map[string]string{}
		for i, w := range want {
			m := tre.FindStringSubmatch(lines[i])
			if m == nil {
				t.Fatalf("cannot parse tar line %q", lines[i])
			}
			mode := modeString(w.kind, w.mode)
			size := fmt.Sprint(w.size)
			name := w.path
			switch w.kind {
			case "char", "block":
				size = fmt.Sprintf("%d,%d", w.mj, w.mn)
			case "dir":
				size, name = "0", name+"/"
			case "fifo":
				size = "0"
			case "symlink":
				size, name = "0", name+" -> "+w.target
			case "file", "hardlink":
				key := w.path
				if w.kind == "hardlink" {
					key = w.target
				}
				if f, ok := first[key]; ok {
					mode, size, name = "h"+mode[1:], "0", name+" link to "+f
				} else {
					first[key] = w.path
				}
			}
			if m[1] != mode || m[2] != fmt.Sprint(w.uid) || m[3] != fmt.Sprint(w.gid) || m[4] != size || m[5] != name {
				t.Errorf("%s: tar line %q, want %s %d/%d %s %q", f, lines[i], mode, w.uid, w.gid, size, name)
			}
		}
	}
}

func testArchiveSegments(t *testing.T, bin string) {
	needTools(t, "cpio", "gzip")
	dir := t.TempDir()
	runImageScript(t, bin, dir, "seg", `
local image = require "image"
local ucode = image.tree{ mtime = 0 }
ucode:file("kernel/x86/microcode/GenuineIntel.bin", { data = string.rep("U", 1000) })
local root = image.tree{ mtime = 0 }
root:file("init", { data = "#!/bin/sh\n", mode = "0755" })
root:chardev("dev/console", 5, 1)
image.cpio{ segments = { { tree = ucode }, { tree = root, compress = "gzip" } } }:write("initrd.img")
image.cpio(ucode):write("ucode.cpio")
image.cpio(root):write("root.cpio")
local t = image.read("initrd.img")
for _, e in ipairs(t:entries()) do print(e.kind, e.path) end
`)
	img, _ := os.ReadFile(filepath.Join(dir, "initrd.img"))
	uc, _ := os.ReadFile(filepath.Join(dir, "ucode.cpio"))
	if !bytes.HasPrefix(img, uc) {
		t.Fatalf("initrd.img does not start with the uncompressed microcode cpio")
	}
	rest := img[len(uc):]
	if len(uc)%512 != 0 || len(rest) < 2 || rest[0] != 0x1f || rest[1] != 0x8b {
		t.Fatalf("the second segment is not a gzip stream at a 512-byte boundary (offset %d)", len(uc))
	}
	if err := os.WriteFile(filepath.Join(dir, "rest.gz"), rest, 0o644); err != nil {
		t.Fatal(err)
	}
	tool(t, dir, "gzip", "-t", "rest.gz")
	if got := tool(t, dir, "sh", "-c", "gzip -dc rest.gz | cmp - root.cpio && cpio -it < ucode.cpio 2>/dev/null"); got != "kernel\nkernel/x86\nkernel/x86/microcode\nkernel/x86/microcode/GenuineIntel.bin\n" {
		t.Errorf("segments: %q", got)
	}
}

// crafted writes the malicious archives with Python and by hand.
const craftPy = `
import io, tarfile, sys
def add(tf, name, kind="file", data=b"pwned\n", target=""):
    ti = tarfile.TarInfo(name)
    if kind == "file":
        ti.size = len(data); tf.addfile(ti, io.BytesIO(data))
    else:
        ti.type = {"symlink": tarfile.SYMTYPE, "hardlink": tarfile.LNKTYPE, "dir": tarfile.DIRTYPE}[kind]
        ti.linkname = target; tf.addfile(ti)
with tarfile.open("dotdot.tar", "w", format=tarfile.GNU_FORMAT) as tf:
    add(tf, "ok.txt")
    add(tf, "../escaped-dotdot")
    add(tf, "sub/../../escaped-dotdot2")
with tarfile.open("abs.tar.gz", "w:gz", format=tarfile.PAX_FORMAT) as tf:
    add(tf, sys.argv[1] + "/escaped-abs")
    add(tf, "ok.txt")
with tarfile.open("symlink.tar", "w", format=tarfile.USTAR_FORMAT) as tf:
    add(tf, "link", "symlink", target=sys.argv[1])
    add(tf, "link/escaped-symlink")
    add(tf, "dirlink", "symlink", target="..")
    add(tf, "dirlink/escaped-dirlink")
    add(tf, "victimlink", "symlink", target=sys.argv[1] + "/victim")
    add(tf, "victimlink")
    add(tf, "ok.txt")
with tarfile.open("hardlink.tar.xz", "w:xz", format=tarfile.GNU_FORMAT) as tf:
    add(tf, "hl", "hardlink", target="../../etc/passwd")
    add(tf, "hl2", "hardlink", target=sys.argv[1] + "/victim")
    add(tf, "ok.txt")
def newc(name, mode, data=b""):
    name = name.encode() + b"\0"
    h = b"070701" + b"".join(b"%08X" % v for v in (1, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name), 0))
    b = h + name
    b += b"\0" * (-len(b) % 4)
    b += data + b"\0" * (-len(data) % 4)
    return b
with open("dotdot.cpio", "wb") as f:
    f.write(newc("ok.txt", 0o100644, b"ok\n") + newc("../escaped-cpio", 0o100644, b"pwned\n")
            + newc("lnk", 0o120777, sys.argv[1].encode()) + newc("lnk/escaped-cpio-link", 0o100644, b"pwned\n")
            + newc("TRAILER!!!", 0))
`

func testArchiveEscape(t *testing.T, bin string) {
	needTools(t, "python3")
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "victim"), []byte("victim\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "a", "b")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "craft.py"), []byte(craftPy), 0o644); err != nil {
		t.Fatal(err)
	}
	tool(t, work, "python3", "craft.py", outside)
	if err := os.WriteFile(filepath.Join(work, "esc.t"), []byte(`
local image = require "image"
for _, f in ipairs{ "dotdot.tar", "abs.tar.gz", "symlink.tar", "hardlink.tar.xz", "dotdot.cpio" } do
  image.extract(f, "x-" .. f)
  local t, skipped = image.read(f, { quiet = true })
  local names = {}
  for _, e in ipairs(t:entries()) do names[#names + 1] = e.kind .. ":" .. e.path end
  print(f, table.concat(names, " "), #skipped)
end
`), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "esc.t")
	cmd.Dir, cmd.Env = work, imageEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("terrac: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	want := "dotdot.tar\tfile:ok.txt\t2\n" +
		"abs.tar.gz\tfile:ok.txt\t1\n" +
		"symlink.tar\tsymlink:dirlink symlink:link file:ok.txt file:victimlink\t2\n" +
		"hardlink.tar.xz\tfile:ok.txt\t2\n" +
		"dotdot.cpio\tsymlink:lnk file:ok.txt\t2\n"
	if stdout.String() != want {
		t.Errorf("trees read from crafted archives:\n%s\nwant:\n%s", stdout.String(), want)
	}
	for _, w := range []string{"skipping ../escaped-dotdot: '..' in the path", "absolute path",
		"skipping link/escaped-symlink: a parent is a symlink or not a directory", "hard link target outside the tree"} {
		if !strings.Contains(stderr.String(), w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr.String())
		}
	}
	// Nothing was written anywhere but the x-* directories.
	var found []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasPrefix(info.Name(), "escaped") {
			found = append(found, p)
		}
		return nil
	})
	if len(found) > 0 {
		t.Errorf("extraction wrote outside its directory: %v", found)
	}
	if b, _ := os.ReadFile(filepath.Join(outside, "victim")); string(b) != "victim\n" {
		t.Errorf("victim changed: %q", b)
	}
	for _, d := range []string{"x-dotdot.tar", "x-abs.tar.gz", "x-symlink.tar", "x-hardlink.tar.xz", "x-dotdot.cpio"} {
		if b, err := os.ReadFile(filepath.Join(work, d, "ok.txt")); err != nil || len(b) == 0 {
			t.Errorf("%s/ok.txt was not extracted: %v", d, err)
		}
	}
}

func testArchiveDeb(t *testing.T, bin string) {
	needTools(t, "dpkg-deb")
	dir := t.TempDir()
	pkg := filepath.Join(dir, "pkg")
	for p, s := range map[string]string{
		"DEBIAN/control":             "Package: hello-image\nVersion: 1.0\nArchitecture: all\nMaintainer: t <t@example.com>\nDescription: test\n",
		"usr/share/hello/greeting":   "hello from a deb\n",
		"usr/share/doc/hello/README": strings.Repeat("readme ", 100),
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(pkg, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pkg, p), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("greeting", filepath.Join(pkg, "usr/share/hello/link")); err != nil {
		t.Fatal(err)
	}
	tool(t, dir, "dpkg-deb", "--root-owner-group", "-Zxz", "--build", "pkg", "xz.deb")
	tool(t, dir, "dpkg-deb", "--root-owner-group", "-Zgzip", "--build", "pkg", "gz.deb")
	out := runImageScript(t, bin, dir, "deb", `
local image = require "image"
for _, f in ipairs{ "xz.deb", "gz.deb" } do
  local t = image.read(f)
  local g = t:get("usr/share/hello/greeting")
  print(f, g.kind, string.format("%o", g.mode), g.uid, (g.data:gsub("\n", "")), t:get("usr/share/hello/link").target, t:get("DEBIAN") == nil)
end
image.extract("xz.deb", "x")
`)
	want := "xz.deb\tfile\t644\t0\thello from a deb\tgreeting\ttrue\n" +
		"gz.deb\tfile\t644\t0\thello from a deb\tgreeting\ttrue\n"
	if out != want {
		t.Errorf("reading .deb files:\n%s\nwant:\n%s", out, want)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "x/usr/share/hello/greeting")); err != nil || string(b) != "hello from a deb\n" {
		t.Errorf("extracted greeting: %q %v", b, err)
	}
}

const ext4Script = `
local image = require "image"
local t = image.tree{ mtime = 1700000000 }
t:file("etc/hostname", { data = "box\n" })
t:file("etc/shadow", { data = "root:*:1:0:::::\n", mode = "0640", gid = 42 })
t:file("bin/busybox", { data = string.rep("B", 100000), mode = "0755" })
t:symlink("bin/sh", "busybox")
t:hardlink("bin/ash", "bin/busybox")
t:chardev("dev/console", 5, 1, { mode = "0600" })
t:blockdev("dev/vda", 254, 0, { uid = 6, gid = 7, mode = "0660" })
t:fifo("run/initctl")
t:dir("tmp", { mode = "1777" })
t:file("home/user/a file", { data = "z", uid = 1000, gid = 1000, mode = "0640" })
image.ext4{ tree = t, size = "16M", seed = "s", label = "root" }:write("root.img")
`

func testArchiveExt4(t *testing.T, bin string) {
	needTools(t, "mke2fs", "debugfs", "e2fsck")
	dir := t.TempDir()
	runImageScript(t, bin, dir, "ext4", ext4Script)
	tool(t, dir, "e2fsck", "-fn", "root.img")
	for _, c := range []struct{ path, want string }{
		{"/dev/console", `Type: character special\s+Mode:\s+0600.*\n.*\nUser:\s+0\s+Group:\s+0(.|\n)*Device major/minor number: 05:01`},
		{"/dev/vda", `Type: block special\s+Mode:\s+0660.*\n.*\nUser:\s+6\s+Group:\s+7(.|\n)*Device major/minor number: 254:00`},
		{"/run/initctl", `Type: FIFO`},
		{"/etc/shadow", `Mode:\s+0640.*\n.*\nUser:\s+0\s+Group:\s+42\s(.|\n)*Size: 16\n(.|\n)*mtime: 0x6553f100`},
		{"/home/user/a file", `Mode:\s+0640.*\n.*\nUser:\s+1000\s+Group:\s+1000\s`},
		{"/tmp", `Type: directory\s+Mode:\s+01777`},
		{"/bin/ash", `Links: 2\s`},
		{"/bin/sh", `Type: symlink(.|\n)*Fast link dest: "busybox"`},
	} {
		out := tool(t, dir, "debugfs", "-R", fmt.Sprintf("stat \"%s\"", c.path), "root.img")
		if !regexp.MustCompile(c.want).MatchString(out) {
			t.Errorf("debugfs stat %s:\n%s\nwant /%s/", c.path, out, c.want)
		}
	}
	if got := tool(t, dir, "debugfs", "-R", "cat /bin/busybox", "root.img"); !strings.HasSuffix(got, strings.Repeat("B", 100000)) {
		t.Errorf("/bin/busybox content differs")
	}
	if ents, _ := filepath.Glob(filepath.Join(dir, "root.img.*")); len(ents) != 0 {
		t.Errorf("scratch files left behind: %v", ents)
	}
}

// testArchiveExt4NonRoot makes an ext4 image as user nobody (through
// setpriv when the tests run as root): root-owned files, a device node,
// unreadable and read-only entries still come out right.
func testArchiveExt4NonRoot(t *testing.T, bin string) {
	needTools(t, "mke2fs", "debugfs", "e2fsck")
	dir := t.TempDir()
	var prefix []string
	if os.Geteuid() == 0 {
		needTools(t, "setpriv")
		prefix = []string{"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"}
		// nobody needs to reach the directory and run a copy of terrac
		for _, d := range []string{filepath.Dir(dir), dir} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		data, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		bin = filepath.Join(dir, "terrac")
		if err := os.WriteFile(bin, data, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(dir, 65534, 65534); err != nil {
			t.Fatal(err)
		}
	}
	script := `
local image = require "image"
local t = image.tree{ mtime = 1700000000 }
t:file("etc/secret", { data = "s\n", mode = "0000" })
t:dir("ro", { mode = "0555" })
t:file("ro/f", { data = "x", mode = "0444" })
t:chardev("dev/console", 5, 1, { mode = "0600" })
image.ext4{ tree = t, size = "8M", seed = "n" }:write("nr.img")
`
	if err := os.WriteFile(filepath.Join(dir, "nr.t"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	argv := append(prefix, bin, "nr.t")
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir, cmd.Env = dir, imageEnv("HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("terrac nr.t as nobody: %v\n%s", err, out)
	}
	tool(t, dir, "e2fsck", "-fn", "nr.img")
	for _, c := range []struct{ path, want string }{
		{"/etc/secret", `Type: regular\s+Mode:\s+0000\s(.|\n)*User:\s+0\s+Group:\s+0\s+Project:\s+0\s+Size: 2\n`},
		{"/ro", `Type: directory\s+Mode:\s+0555\s(.|\n)*User:\s+0\s+Group:\s+0\s`},
		{"/ro/f", `Mode:\s+0444\s`},
		{"/dev/console", `Type: character special\s+Mode:\s+0600(.|\n)*Device major/minor number: 05:01`},
	} {
		out := tool(t, dir, "debugfs", "-R", "stat "+c.path, "nr.img")
		if !regexp.MustCompile(c.want).MatchString(out) {
			t.Errorf("debugfs stat %s:\n%s\nwant /%s/", c.path, out, c.want)
		}
	}
}

// testArchiveReproducible builds the same archives twice, in different
// directories with different umask, TZ and HOME, and compares bytes.
func testArchiveReproducible(t *testing.T, bin string) {
	needTools(t, "sh", "mke2fs", "debugfs")
	var sums [2]string
	for i, env := range [][]string{
		{"TZ=UTC", "HOME=/nonexistent", "UMASK=022"},
		{"TZ=America/New_York", "HOME=/tmp", "UMASK=077"},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "payload.bin"), bytes.Repeat([]byte{1, 2, 3}, 70000), 0o600); err != nil {
			t.Fatal(err)
		}
		script := archiveTree + `
image.cpio{ tree = t, compress = "gzip" }:write("a.cpio.gz")
image.tar{ tree = t, compress = "xz" }:write("a.tar.xz")
image.cpio{ tree = image.tree(), compress = "gzip" }:write("empty.cpio.gz")
` + strings.TrimPrefix(ext4Script, "\nlocal image = require \"image\"\n")
		if err := os.WriteFile(filepath.Join(dir, "r.t"), []byte(script), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("sh", "-c", `umask $UMASK && exec "$0" r.t`, bin)
		cmd.Dir = dir
		cmd.Env = append(imageEnv(env...), "SOURCE_DATE_EPOCH=1234567890")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("terrac r.t: %v\n%s", err, out)
		}
		var b strings.Builder
		names, _ := filepath.Glob(filepath.Join(dir, "*"))
		sort.Strings(names)
		for _, n := range names {
			if strings.HasSuffix(n, ".t") || strings.HasSuffix(n, ".bin") {
				continue
			}
			data, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %x\n", filepath.Base(n), sha256.Sum256(data))
		}
		sums[i] = b.String()
	}
	if sums[0] != sums[1] {
		t.Errorf("two builds differ:\n%s\n%s", sums[0], sums[1])
	}
	if strings.Count(sums[0], "\n") != 4 {
		t.Errorf("expected 4 outputs, got:\n%s", sums[0])
	}
}

// testArchiveBuild compiles a script that writes a cpio.gz and a tar.xz
// into a native builder: it needs libz.so.1 and liblzma.so.5 (DT_NEEDED)
// and writes the same bytes as the script run by terrac.
func testArchiveBuild(t *testing.T, bin string) {
	needTools(t, "cc", "gzip")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "payload.bin"), bytes.Repeat([]byte("payload"), 100000), 0o644); err != nil {
		t.Fatal(err)
	}
	script := archiveTree + `
local c = image.cpio{ segments = { { tree = t }, { tree = t, compress = "gzip" } } }
local x = image.tar{ tree = t, compress = "xz" }
local g = image.compress{ input = "payload.bin", format = "gzip", level = 9 }
if arg[1] == "now" then c:write("jit.cpio") x:write("jit.tar.xz") g:write("jit.gz") end
terra main() : int
  if c.writer("exe.cpio") ~= 0 or x.writer("exe.tar.xz") ~= 0 then return 1 end
  return g.writer("exe.gz")
end
`
	runImageScript(t, bin, dir, "build", script, "SOURCE_DATE_EPOCH=1")
	cmd := exec.Command(bin, "build.t", "now")
	cmd.Dir, cmd.Env = dir, imageEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("terrac build.t now: %v\n%s", err, out)
	}
	cmd = exec.Command(bin, "build", "build.t", "-o", "builder")
	cmd.Dir, cmd.Env = dir, imageEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("terrac build: %v\n%s", err, out)
	}
	f, err := elf.Open(filepath.Join(dir, "builder"))
	if err != nil {
		t.Fatal(err)
	}
	libs, _ := f.ImportedLibraries()
	f.Close()
	for _, want := range []string{"libz.so.1", "liblzma.so.5"} {
		found := false
		for _, l := range libs {
			found = found || l == want
		}
		if !found {
			t.Errorf("builder does not record %s as DT_NEEDED: %v", want, libs)
		}
	}
	cmd = exec.Command("./builder")
	cmd.Dir, cmd.Env = dir, []string{}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("./builder: %v\n%s", err, out)
	}
	for _, p := range [][2]string{{"jit.cpio", "exe.cpio"}, {"jit.tar.xz", "exe.tar.xz"}, {"jit.gz", "exe.gz"}} {
		a, _ := os.ReadFile(filepath.Join(dir, p[0]))
		b, _ := os.ReadFile(filepath.Join(dir, p[1]))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s and %s differ (%d and %d bytes)", p[0], p[1], len(a), len(b))
		}
	}
	if got := tool(t, dir, "sh", "-c", "gzip -dc exe.gz | cmp - payload.bin && echo same"); got != "same\n" {
		t.Errorf("image.compress output does not decompress to its input: %s", got)
	}
}

// testArchiveBuildExt4: a builder made by `terrac build` extracts an
// archive and makes an ext4 image (running mke2fs and debugfs itself),
// with an empty environment, byte for byte as the script does.
func testArchiveBuildExt4(t *testing.T, bin string) {
	needTools(t, "cc", "mke2fs", "debugfs", "e2fsck")
	dir := t.TempDir()
	script := `
local image = require "image"
local t = image.tree{ mtime = 1700000000 }
t:file("etc/hostname", { data = "box\n" })
t:chardev("dev/console", 5, 1, { mode = "0600" })
t:symlink("bin/sh", "busybox")
image.tar{ tree = t, compress = "xz" }:write("in.tar.xz")
local fs = image.ext4{ tree = t, size = "8M", seed = "b" }
local x = image.extract{ archive = "in.tar.xz", dir = "out" }
if arg[1] == "now" then fs:write("jit.img") end
terra main() : int
  if x.writer() ~= 0 then return 2 end
  return fs.writer("exe.img")
end
`
	if err := os.WriteFile(filepath.Join(dir, "b.t"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, argv := range [][]string{{bin, "b.t", "now"}, {bin, "build", "b.t", "-o", "builder"}, {"./builder"}} {
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir, cmd.Env = dir, imageEnv()
		if argv[0] == "./builder" {
			cmd.Env = []string{}
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(argv, " "), err, out)
		}
	}
	a, _ := os.ReadFile(filepath.Join(dir, "jit.img"))
	b, _ := os.ReadFile(filepath.Join(dir, "exe.img"))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("the builder's ext4 image differs from the script's")
	}
	tool(t, dir, "e2fsck", "-fn", "exe.img")
	if l, err := os.Readlink(filepath.Join(dir, "out/bin/sh")); err != nil || l != "busybox" {
		t.Errorf("extracted out/bin/sh: %q %v", l, err)
	}
}
