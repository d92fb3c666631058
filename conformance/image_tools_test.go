package conformance

// The disk-image writers of `require "image"` are held to the tools that
// read their formats: sfdisk for MBR, sgdisk for GPT, fsck.fat and mtools
// for FAT32/FAT16, stat for sparseness. Each subtest writes a script into a
// temporary directory, runs terrac on it there, then asks the tools.
//
// The tools come from scripts/setup.sh. A missing tool skips the subtest,
// or fails it when TERRA_TESTS_REQUIRED=1.

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// needTools skips (or fails, under TERRA_TESTS_REQUIRED=1) when a tool is
// not installed.
func needTools(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			if os.Getenv("TERRA_TESTS_REQUIRED") == "1" {
				t.Fatalf("%s is not installed (scripts/setup.sh installs it)", n)
			}
			t.Skipf("%s is not installed", n)
		}
	}
}

// imageEnv is a small fixed environment for the scripts and the tools;
// mtools needs a UTF-8 locale to print long names.
func imageEnv(extra ...string) []string {
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.TempDir(), "LC_ALL=C.UTF-8",
		"MTOOLS_SKIP_CHECK=1"}
	return append(env, extra...)
}

// runImageScript writes src as NAME.t into dir and runs it with terrac.
func runImageScript(t *testing.T, bin, dir, name, src string, env ...string) string {
	t.Helper()
	path := filepath.Join(dir, name+".t")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, name+".t")
	cmd.Dir = dir
	cmd.Env = imageEnv(env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("terrac %s.t: %v\n%s%s", name, err, out.String(), errb.String())
	}
	return out.String()
}

// tool runs a command and returns its combined output; it fails the test
// unless the exit status is 0.
func tool(t *testing.T, dir string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = imageEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// allocated is the number of bytes of disk a file uses (stat's %b * 512).
func allocated(t *testing.T, path string) (size, alloc int64) {
	t.Helper()
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil {
		t.Fatal(err)
	}
	return st.Size, st.Blocks * 512
}

func TestImageTools(t *testing.T) {
	bin := terrac(t)
	t.Run("sparse", func(t *testing.T) { t.Parallel(); testImageSparse(t, bin) })
	t.Run("mbr", func(t *testing.T) { t.Parallel(); testImageMBR(t, bin) })
	t.Run("gpt", func(t *testing.T) { t.Parallel(); testImageGPT(t, bin) })
	t.Run("fat32", func(t *testing.T) { t.Parallel(); testImageFAT(t, bin, 32) })
	t.Run("fat16", func(t *testing.T) { t.Parallel(); testImageFAT(t, bin, 16) })
	t.Run("patch", func(t *testing.T) { t.Parallel(); testImagePatch(t, bin) })
	t.Run("reproducible", func(t *testing.T) { t.Parallel(); testImageReproducible(t, bin) })
	t.Run("build", func(t *testing.T) { t.Parallel(); testImageBuild(t, bin) })
}

func testImageSparse(t *testing.T, bin string) {
	dir := t.TempDir()
	runImageScript(t, bin, dir, "sparse", `
local image = require "image"
image.sparse("raw.img", "1G")
local d = image.gpt{ size = "1G", seed = "s", partitions = { { name = "ESP", type = "esp", size = "100M" }, { name = "root" } } }
d:write("gpt.img")
image.fat{ fat = 32, partition = d.partitions[1], label = "ESP", files = { { path = "a.txt", data = "a" } } }:write()
image.fat{ fat = 32, size = "100M" }:write("fat.img")
image.place("fat.img", d.partitions[1])
`)
	for _, c := range []struct {
		name     string
		size     int64
		maxAlloc int64
	}{
		{"raw.img", 1 << 30, 0},
		{"gpt.img", 1 << 30, 2 << 20},   // tables and two FATs' first sectors
		{"fat.img", 100 << 20, 1 << 20}, // boot sectors and the used FAT sectors
	} {
		size, alloc := allocated(t, filepath.Join(dir, c.name))
		if size != c.size || alloc > c.maxAlloc {
			t.Errorf("%s: size %d, %d bytes allocated; want size %d, at most %d allocated", c.name, size, alloc, c.size, c.maxAlloc)
		}
	}
}

func testImageMBR(t *testing.T, bin string) {
	needTools(t, "sfdisk")
	dir := t.TempDir()
	runImageScript(t, bin, dir, "mbr", `
local image = require "image"
image.mbr{ size = "256M", id = 0xC0FFEE01, partitions = {
  { type = "efi", size = "32M", boot = true },
  { type = "swap", start = 70000, sectors = 65536 },
  { type = 0x8e, size = "64M" },
  { type = "linux" },
} }:write("disk.img")
-- a hand-made layout: exact sectors, old-style start at 63
image.mbr{ size = "8M", id = 1, partitions = { { type = "fat16", start = 63, sectors = 16002 } } }:write("old.img")
`)
	got := tool(t, dir, "sfdisk", "-d", "disk.img")
	want := []string{
		"label: dos",
		"label-id: 0xc0ffee01",
		"disk.img1 : start=        2048, size=       65536, type=ef, bootable",
		"disk.img2 : start=       70000, size=       65536, type=82",
		"disk.img3 : start=      137216, size=      131072, type=8e",
		"disk.img4 : start=      268288, size=      256000, type=83",
	}
	for _, w := range want {
		if !strings.Contains(got, w+"\n") {
			t.Errorf("sfdisk -d disk.img lacks %q:\n%s", w, got)
		}
	}
	got = tool(t, dir, "sfdisk", "-d", "old.img")
	if !strings.Contains(got, "old.img1 : start=          63, size=       16002, type=e\n") {
		t.Errorf("sfdisk -d old.img:\n%s", got)
	}
	if v := tool(t, dir, "sfdisk", "-V", "disk.img"); !strings.Contains(v, "No errors detected") {
		t.Errorf("sfdisk -V: %s", v)
	}
}

func testImageGPT(t *testing.T, bin string) {
	needTools(t, "sgdisk")
	dir := t.TempDir()
	out := runImageScript(t, bin, dir, "gpt", `
local image = require "image"
local d = image.gpt{ size = "128M", seed = "tools", partitions = {
  { name = "BIOS boot", type = "bios", start = 34, sectors = 2014 },
  { name = "EFI System Partition", type = "esp", size = "32M" },
  { name = "Microsoft reserved", type = "msr", size = "16M" },
  { name = "RAID mirror ü", type = "raid", size = "16M", attrs = { "required", "legacy_boot", 60 } },
  { name = "Linux root", type = "linux" },
} }
d:write("disk.img")
print(d.guid)
for _, p in ipairs(d.partitions) do print(p.guid) end
`)
	guids := strings.Fields(out)
	if len(guids) != 6 {
		t.Fatalf("script printed %q", out)
	}
	v := tool(t, dir, "sgdisk", "-v", "disk.img")
	if !strings.Contains(v, "No problems found") {
		t.Errorf("sgdisk -v:\n%s", v)
	}
	p := tool(t, dir, "sgdisk", "-p", "disk.img")
	if !strings.Contains(p, "Disk identifier (GUID): "+guids[0]) {
		t.Errorf("sgdisk -p: disk GUID %s not found:\n%s", guids[0], p)
	}
	total := int64(128 << 20 / 512)
	want := []struct {
		code, typ, name, attrs string
		first, last            int64
	}{
		{"21686148-6449-6E6F-744E-656564454649", "BIOS boot partition", "BIOS boot", "0000000000000000", 34, 2047},
		{"C12A7328-F81F-11D2-BA4B-00A0C93EC93B", "EFI system partition", "EFI System Partition", "0000000000000000", 2048, 67583},
		{"E3C9E316-0B5C-4DB8-817D-F92DF00215AE", "Microsoft reserved", "Microsoft reserved", "0000000000000000", 67584, 100351},
		{"A19D880F-05FC-4D3B-A006-743F0F84911E", "Linux RAID", "RAID mirror ü", "1000000000000005", 100352, 133119},
		{"0FC63DAF-8483-4772-8E79-3D69D8477DE4", "Linux filesystem", "Linux root", "0000000000000000", 133120, total - 34},
	}
	for i, w := range want {
		info := tool(t, dir, "sgdisk", "-i", strconv.Itoa(i+1), "disk.img")
		fields := map[string]string{
			"Partition GUID code":   w.code + " (" + w.typ + ")",
			"Partition unique GUID": guids[i+1],
			"First sector":          fmt.Sprintf("%d ", w.first),
			"Last sector":           fmt.Sprintf("%d ", w.last),
			"Partition size":        fmt.Sprintf("%d sectors", w.last-w.first+1),
			"Attribute flags":       w.attrs,
			"Partition name":        "'" + w.name + "'",
		}
		for k, val := range fields {
			re := regexp.MustCompile("(?m)^" + regexp.QuoteMeta(k) + ": (.*)$")
			m := re.FindStringSubmatch(info)
			if m == nil || !strings.HasPrefix(m[1], val) {
				t.Errorf("sgdisk -i %d: %s: got %q, want %q", i+1, k, m, val)
			}
		}
	}
}

// makeTree writes the FAT test tree under root and returns the Lua list
// naming it (paths relative to root, host files by absolute path). big
// adds the 500-entry directory and the 10 MB file.
func makeTree(t *testing.T, root string, big bool) string {
	var lua strings.Builder
	lua.WriteString("return {\n")
	seed := uint32(12345)
	rnd := func() uint32 { seed = seed*1664525 + 1013904223; return seed >> 8 }
	add := func(rel string, data []byte) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&lua, "  { path = %s, host = %s },\n", strconv.Quote(rel), strconv.Quote(p))
	}
	content := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rnd())
		}
		return b
	}
	nsub, nfile := 4, 30
	if big {
		nsub, nfile = 10, 55
		for i := 1; i <= 500; i++ {
			add(fmt.Sprintf("big dir/Datei %03d – grün ü.txt", i), []byte(fmt.Sprintf("file %d\n", i)))
		}
		b := content(10 << 20)
		for i := 3 << 20; i < 5<<20; i++ { // a zero stretch: stays a hole
			b[i] = 0
		}
		add("big.bin", b)
	}
	for d := 0; d < nsub; d++ {
		for i := 0; i < nfile; i++ {
			add(fmt.Sprintf("dir%02d/sub %d/file%03d.dat", d, d%3, i), content(int(rnd()%20000)))
		}
	}
	add("日本語/ファイル名.txt", []byte("unicode\n"))
	add("emoji 🎉 party.txt", []byte("surrogate pair\n"))
	add("A Very Long File Name That Needs More Than Thirteen Characters.text", []byte("lfn\n"))
	add("UPPER.TXT", []byte("8.3\n"))
	add("lower.txt", []byte("case\n"))
	add("empty file", nil)
	lua.WriteString("  { path = \"empty dir\", dir = true },\n}\n")
	return lua.String()
}

// mtoolsName is the name mcopy gives a file: it converts long names one
// UTF-16 unit at a time, so a character outside the BMP (a surrogate pair)
// comes out as "__". The pair itself is checked in the image's bytes.
func mtoolsName(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r > 0xFFFF {
			b.WriteString("__")
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// compareTrees checks that every file and directory of want is in got
// with the same bytes, and nothing else.
func compareTrees(t *testing.T, want, got string) int {
	t.Helper()
	list := func(root string) map[string]string {
		m := map[string]string{}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || p == root {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			if d.IsDir() {
				m[rel] = "dir"
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			m[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
			return nil
		})
		return m
	}
	w, g := map[string]string{}, list(got)
	for k, v := range list(want) {
		w[mtoolsName(k)] = v
	}
	var diffs []string
	for k, v := range w {
		if g[k] != v {
			diffs = append(diffs, fmt.Sprintf("%s: want %.12s, got %.12s", k, v, g[k]))
		}
	}
	for k := range g {
		if _, ok := w[k]; !ok {
			diffs = append(diffs, k+": not in the source tree")
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		if len(diffs) > 20 {
			diffs = diffs[:20]
		}
		t.Errorf("mcopy -s round trip differs:\n%s", strings.Join(diffs, "\n"))
	}
	return len(w)
}

func testImageFAT(t *testing.T, bin string, kind int) {
	needTools(t, "fsck.fat", "mcopy", "mdir")
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	big := kind == 32
	if err := os.WriteFile(filepath.Join(dir, "tree.lua"), []byte(makeTree(t, src, big)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(src, "empty dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	size := "48M"
	if !big {
		size = "3M"
	}
	runImageScript(t, bin, dir, "fat", fmt.Sprintf(`
local image = require "image"
local fs = image.fat{ fat = %d, size = %q, cluster = 512, label = "TREE", seed = "t", files = dofile("tree.lua") }
fs:write("fs.img")
print(fs.clusters)
`, kind, size))
	fsck := tool(t, dir, "fsck.fat", "-nv", "fs.img")
	m := regexp.MustCompile(`(\d+) bit entries[\s\S]*?(\d+) data clusters`).FindStringSubmatch(fsck)
	if m == nil {
		t.Fatalf("fsck.fat -nv: no geometry:\n%s", fsck)
	}
	bits, _ := strconv.Atoi(m[1])
	clusters, _ := strconv.Atoi(m[2])
	minc := map[int]int{32: 65525, 16: 4085}[kind]
	if bits != kind || clusters < minc {
		t.Errorf("fsck.fat: %d bit entries, %d clusters; want FAT%d with at least %d", bits, clusters, kind, minc)
	}
	for _, bad := range []string{"differ", "wrong", "Free cluster summary", "bad", "invalid", "lost"} {
		if strings.Contains(fsck, bad) {
			t.Errorf("fsck.fat -nv reports a problem (%q):\n%s", bad, fsck)
		}
	}
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	tool(t, dir, "mcopy", "-s", "-n", "-i", "fs.img", "::/*", out)
	n := compareTrees(t, src, out)
	if big {
		if n < 1000 {
			t.Errorf("tree has %d entries, want at least 1000", n)
		}
		list := tool(t, dir, "mdir", "-i", "fs.img", "::/big dir")
		if c := strings.Count(list, "grün ü.txt"); c != 500 {
			t.Errorf("mdir '::/big dir' lists %d long names, want 500", c)
		}
	}
	// 🎉 (U+1F389) is stored as the surrogate pair D83C DF89, little-endian
	img, err := os.ReadFile(filepath.Join(dir, "fs.img"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(img, []byte{' ', 0, 0x3C, 0xD8, 0x89, 0xDF, ' ', 0}) {
		t.Errorf("fs.img: no LFN entry holding the surrogate pair of U+1F389")
	}
	if size, alloc := allocated(t, filepath.Join(dir, "fs.img")); big && alloc > size-(2<<20) {
		t.Errorf("fs.img: %d of %d bytes allocated; the zero stretch of big.bin should stay a hole", alloc, size)
	}
}

func testImagePatch(t *testing.T, bin string) {
	needTools(t, "fsck.fat")
	dir := t.TempDir()
	code := make([]byte, 512)
	for i := range code {
		code[i] = byte(i*13 + 7)
	}
	if err := os.WriteFile(filepath.Join(dir, "boot.bin"), code, 0o644); err != nil {
		t.Fatal(err)
	}
	runImageScript(t, bin, dir, "patch", `
local image = require "image"
image.fat{ fat = 32, size = "40M", cluster = 512, seed = "p", files = { { path = "x", data = "x" } } }:write("fs.img")
image.patch("fs.img", { file = "boot.bin" })
`)
	// the backup boot sector (sector 6) is patched too, else fsck.fat
	// reports that the two differ
	if fsck := tool(t, dir, "fsck.fat", "-n", "fs.img"); strings.Contains(fsck, "differ") {
		t.Errorf("fsck.fat -n:\n%s", fsck)
	}
	img, err := os.ReadFile(filepath.Join(dir, "fs.img"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(img[:3], code[:3]) || !bytes.Equal(img[90:512], code[90:]) ||
		!bytes.Equal(img[:512], img[6*512:7*512]) {
		t.Errorf("boot code not spliced into the boot sector and its backup")
	}
	if string(img[82:90]) != "FAT32   " || img[13] != 1 {
		t.Errorf("BPB not kept: %q", img[3:90])
	}
}

func testImageReproducible(t *testing.T, bin string) {
	script := `
local image = require "image"
local d = image.gpt{ size = "64M", seed = "repro", partitions = { { name = "ESP", type = "esp", size = "40M" }, { name = "root" } } }
d:write("disk.img")
image.fat{ fat = 32, partition = d.partitions[1], cluster = 512, label = "EFI", seed = "repro", files = {
  { path = "EFI/BOOT/BOOTX64.EFI", data = string.rep("MZ\0\0", 4096) },
  { path = "loader/entries/linux ünïcode.conf", data = "title Linux\n" },
} }:write()
`
	sum := func(dir string, env ...string) [32]byte {
		runImageScript(t, bin, dir, "repro", script, env...)
		b, err := os.ReadFile(filepath.Join(dir, "disk.img"))
		if err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(b)
	}
	old := syscall.Umask(0o077)
	a := sum(t.TempDir(), "TZ=Asia/Tokyo", "SOURCE_DATE_EPOCH=1700000000")
	syscall.Umask(0o022)
	b := sum(t.TempDir(), "TZ=America/New_York", "HOME=/nonexistent", "SOURCE_DATE_EPOCH=1700000000")
	c := sum(t.TempDir(), "SOURCE_DATE_EPOCH=1600000000")
	syscall.Umask(old)
	if a != b {
		t.Errorf("the same script gave different images: %x and %x", a, b)
	}
	if a == c {
		t.Errorf("SOURCE_DATE_EPOCH did not change the image")
	}
}

// testImageBuild compiles an image script with terrac build and checks that
// the executable writes the same bytes as the script run by terrac.
func testImageBuild(t *testing.T, bin string) {
	needTools(t, "cc")
	dir := t.TempDir()
	script := `
local image = require "image"
local d = image.gpt{ size = "64M", seed = "b", partitions = { { name = "ESP", type = "esp", size = "40M" }, { name = "root" } } }
local fs = image.fat{ fat = 32, partition = d.partitions[1], cluster = 512, label = "EFI", seed = "b",
  files = { { path = "hello.txt", data = "hello\n" }, { path = "host copy.t", host = "build.t" } } }
if arg[1] == "now" then
  d:write("jit.img")
  fs:write()
end
terra main() : int
  if d.writer("exe.img") ~= 0 then return 1 end
  return fs.writer("exe.img", [d.partitions[1].offset], false)
end
`
	runImageScript(t, bin, dir, "build", script)
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
	cmd = exec.Command("./builder")
	cmd.Dir, cmd.Env = dir, []string{}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("./builder: %v\n%s", err, out)
	}
	a, err := os.ReadFile(filepath.Join(dir, "jit.img"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "exe.img"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("the compiled builder wrote different bytes than the script")
	}
}
