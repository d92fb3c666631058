package conformance

// The tree library of `require "image"` against the host: library
// closures compared with ldd and run through the copied loader, kernel
// module closures over a crafted modules directory compressed with the
// real xz and gzip, host-directory copies of crafted directories holding
// links that point outside, and a compiled builder running the Terra
// decoders and the regex patcher.

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
)

func TestImageTrees(t *testing.T) {
	bin := terrac(t)
	t.Run("libs", func(t *testing.T) { t.Parallel(); testTreeLibs(t, bin) })
	t.Run("runpath", func(t *testing.T) { t.Parallel(); testTreeRunpath(t, bin) })
	t.Run("modules", func(t *testing.T) { t.Parallel(); testTreeModules(t, bin) })
	t.Run("modprobe", func(t *testing.T) { t.Parallel(); testTreeModprobe(t, bin) })
	t.Run("hostdir", func(t *testing.T) { t.Parallel(); testTreeHostDir(t, bin) })
	t.Run("builder", func(t *testing.T) { t.Parallel(); testTreeBuilder(t, bin) })
	t.Run("rootfs", func(t *testing.T) { t.Parallel(); testTreeRootfs(t, bin) })
	t.Run("initramfs", func(t *testing.T) { t.Parallel(); testTreeInitramfs(t, bin) })
}

// runImageScriptErr runs a script that must fail and returns its stderr.
func runImageScriptErr(t *testing.T, bin, dir, name, src string) string {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name+".t"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, name+".t")
	cmd.Dir, cmd.Env = dir, imageEnv()
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("terrac %s.t succeeded, want a failure\n%s", name, out)
	}
	if strings.Contains(string(out), "goroutine ") {
		t.Errorf("terrac %s.t printed a Go trace:\n%s", name, out)
	}
	return string(out)
}

// sameFile reports whether two host paths name the same file.
func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// materialize writes the entries a script printed ("F path host mode",
// "D path", "L path target") under root.
func materialize(t *testing.T, root, listing string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(listing), "\n") {
		f := strings.Split(line, "\t")
		p := filepath.Join(root, f[1])
		switch f[0] {
		case "D":
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
		case "F":
			data, err := os.ReadFile(f[2])
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o755); err != nil {
				t.Fatal(err)
			}
		case "L":
			if err := os.Symlink(f[2], p); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func testTreeLibs(t *testing.T, bin string) {
	needTools(t, "ldd")
	lddLine := regexp.MustCompile(`^\s*(\S+) => (\S+) \(0x[0-9a-f]+\)$`)
	interpLine := regexp.MustCompile(`^\s*(/\S+) \(0x[0-9a-f]+\)$`)
	for _, b := range []string{"/usr/sbin/mke2fs", "/bin/ls", "/usr/bin/xz", "/usr/bin/sgdisk", "/usr/bin/xorriso"} {
		if _, err := os.Stat(b); err != nil {
			continue
		}
		t.Run(filepath.Base(b), func(t *testing.T) {
			dir := t.TempDir()
			out := runImageScript(t, bin, dir, "libs", `
local image = require "image"
local t = image.tree()
local added = t:binary("bin/prog", "`+b+`")
for _, a in ipairs(added) do print("A", a.name, a.host, a.path, a.interp and "interp" or "") end
for _, e in ipairs(t:entries()) do
  if e.kind == "dir" then print("D", e.path)
  elseif e.kind == "file" then print("F", e.path, e.host, string.format("%o", e.mode))
  elseif e.kind == "symlink" then print("L", e.path, e.target) end
end
`)
			ours := map[string]string{}
			var interp, listing string
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				f := strings.Split(line, "\t")
				switch f[0] {
				case "A":
					if f[4] == "interp" {
						interp = f[1]
					} else {
						ours[f[1]] = f[2]
					}
				default:
					listing += line + "\n"
				}
			}
			ldd := tool(t, dir, "ldd", b)
			theirs := map[string]string{}
			var lddInterp string
			for _, line := range strings.Split(ldd, "\n") {
				if m := lddLine.FindStringSubmatch(line); m != nil {
					theirs[m[1]] = m[2]
				} else if m := interpLine.FindStringSubmatch(line); m != nil {
					lddInterp = m[1]
				}
			}
			if interp != lddInterp {
				t.Errorf("interpreter %q, ldd says %q", interp, lddInterp)
			}
			// ldd names the loader only by its interpreter path
			delete(ours, filepath.Base(lddInterp))
			var names []string
			for n := range theirs {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				if ours[n] == "" {
					t.Errorf("%s: ldd lists %s => %s, we did not copy it", b, n, theirs[n])
				} else if !sameFile(ours[n], theirs[n]) {
					t.Errorf("%s: %s from %s, ldd says %s", b, n, ours[n], theirs[n])
				}
			}
			for n, p := range ours {
				if theirs[n] == "" {
					t.Errorf("%s: we copied %s (%s), ldd does not list it", b, n, p)
				}
			}
			// The copied tree runs: through the interpreter symlink, and
			// every library the loader initializes comes from the tree.
			root := filepath.Join(dir, "root")
			materialize(t, root, listing)
			var libdirs []string
			for _, p := range ours {
				libdirs = append(libdirs, filepath.Join(root, filepath.Dir(strings.TrimPrefix(p, "/"))))
			}
			ld := filepath.Join(root, strings.TrimPrefix(interp, "/"))
			if fi, err := os.Lstat(ld); err != nil || fi.Mode()&os.ModeSymlink == 0 {
				t.Fatalf("%s in the tree is not a symlink to the copied loader (%v)", interp, err)
			}
			cmd := exec.Command(ld, "--inhibit-cache", "--library-path", strings.Join(libdirs, ":"),
				filepath.Join(root, "bin/prog"), "--version")
			cmd.Env = []string{"LD_DEBUG=libs", "LC_ALL=C"}
			res, _ := cmd.CombinedOutput() // some tools exit 1 after --version
			inits := regexp.MustCompile(`calling init: (\S+)`).FindAllStringSubmatch(string(res), -1)
			if len(inits) == 0 {
				t.Fatalf("the copied binary did not start:\n%s", res)
			}
			for _, m := range inits {
				if !strings.HasPrefix(m[1], root+"/") && !strings.HasSuffix(m[1], filepath.Base(interp)) {
					t.Errorf("library loaded from outside the tree: %s", m[1])
				}
			}
		})
	}
}

// craftModules makes lib/modules/VERSION with fake modules, some
// compressed with xz and gzip, and returns the fake contents by path.
func craftModules(t *testing.T, dir string) map[string]string {
	t.Helper()
	mods := filepath.Join(dir, "lib/modules/6.1.0-99-test")
	contents := map[string]string{}
	files := []string{"kernel/fs/ext4/ext4.ko", "kernel/lib/crc16.ko", "kernel/fs/mbcache.ko",
		"kernel/fs/jbd2/jbd2.ko", "kernel/drivers/block/virtio_blk.ko", "kernel/drivers/virtio/virtio_ring.ko",
		"kernel/drivers/ata/ahci.ko", "kernel/drivers/ata/libahci.ko", "kernel/drivers/ata/libata.ko",
		"kernel/drivers/scsi/scsi_mod.ko", "kernel/fs/fat/vfat.ko", "kernel/fs/fat/fat.ko", "kernel/fs/nls/nls_cp437.ko",
		"kernel/crypto/crc32c_generic.ko"}
	for i, f := range files {
		p := filepath.Join(mods, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		// big enough for xz to use several blocks of its buffer, and binary
		var b bytes.Buffer
		b.WriteString("\x7fELF fake module " + f + "\n")
		for k := 0; k < 20000*(i+1); k++ {
			b.WriteByte(byte(k*7 + i))
		}
		contents[f] = b.String()
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tool(t, mods, "xz", "kernel/fs/ext4/ext4.ko", "kernel/lib/crc16.ko", "kernel/drivers/ata/ahci.ko",
		"kernel/drivers/ata/libata.ko", "kernel/fs/fat/vfat.ko")
	tool(t, mods, "gzip", "-9", "kernel/fs/mbcache.ko", "kernel/drivers/ata/libahci.ko")
	dep := `kernel/fs/ext4/ext4.ko.xz: kernel/lib/crc16.ko.xz kernel/fs/mbcache.ko.gz kernel/fs/jbd2/jbd2.ko
kernel/lib/crc16.ko.xz:
kernel/fs/mbcache.ko.gz:
kernel/fs/jbd2/jbd2.ko:
kernel/drivers/block/virtio_blk.ko: kernel/drivers/virtio/virtio_ring.ko
kernel/drivers/virtio/virtio_ring.ko:
kernel/drivers/ata/ahci.ko.xz: kernel/drivers/ata/libahci.ko.gz kernel/drivers/ata/libata.ko.xz kernel/drivers/scsi/scsi_mod.ko
kernel/drivers/ata/libahci.ko.gz: kernel/drivers/ata/libata.ko.xz kernel/drivers/scsi/scsi_mod.ko
kernel/drivers/ata/libata.ko.xz: kernel/drivers/scsi/scsi_mod.ko
kernel/drivers/scsi/scsi_mod.ko:
kernel/fs/fat/vfat.ko.xz: kernel/fs/fat/fat.ko
kernel/fs/fat/fat.ko:
kernel/fs/nls/nls_cp437.ko:
kernel/crypto/crc32c_generic.ko:
kernel/sound/snd.ko:
`
	// zstd (Ubuntu's and Fedora's choice) when the tool is there to make one
	if _, err := exec.LookPath("zstd"); err == nil {
		tool(t, mods, "zstd", "-q", "--rm", "kernel/fs/fat/fat.ko")
		dep = strings.ReplaceAll(dep, "kernel/fs/fat/fat.ko", "kernel/fs/fat/fat.ko.zst")
	}
	if err := os.WriteFile(filepath.Join(mods, "modules.dep"), []byte(dep), 0o644); err != nil {
		t.Fatal(err)
	}
	// ext4 wants crc32c, which modules.dep does not say: modprobe learns it
	// from modules.softdep and finds the module through modules.alias
	for name, text := range map[string]string{
		"modules.softdep": "# Soft dependencies extracted from modules themselves.\nsoftdep ext4 pre: crc32c\nsoftdep vfat pre: nls-missing post: nls_cp437\n",
		"modules.alias":   "# Aliases extracted from modules themselves.\nalias pci:v00001AF4d00001001sv*sd*bc*sc*i* virtio_blk\nalias crypto-crc32c crc32c_generic\nalias crc32c crc32c_generic\n",
	} {
		if err := os.WriteFile(filepath.Join(mods, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(mods, "modules.builtin"), []byte("kernel/drivers/virtio/virtio.ko\nkernel/drivers/virtio/virtio_pci.ko\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return contents
}

func testTreeModules(t *testing.T, bin string) {
	needTools(t, "xz", "gzip")
	dir := t.TempDir()
	contents := craftModules(t, dir)
	if err := os.MkdirAll(filepath.Join(dir, "out"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "lib/modules/6.1.0-99-test/kernel/sound"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "lib/modules/6.1.0-99-test/kernel/sound/snd.ko"), []byte("not asked for"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runImageScript(t, bin, dir, "mods", `
local image = require "image"
local t = image.tree{ mtime = 0 }
local r = t:modules{ root = ".", version = "6.1.0-99-test", names = { "virtio_blk", "virtio-pci", "ahci", "ext4", "vfat" },
  list = "etc/modules.load" }
print("ORDER", table.concat(r.order, " "))
print("BUILTIN", table.concat(r.builtin, " "))
for _, e in ipairs(t:entries()) do
  if e.kind == "file" then
    local f = io.open("out/" .. e.path:gsub("/", "%%"), "wb")
    f:write(t:read(e.path))
    f:close()
    print("FILE", e.path, string.format("%o", e.mode))
  end
end
`)
	var order, builtin string
	files := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Split(line, "\t")
		switch f[0] {
		case "ORDER":
			order = f[1]
		case "BUILTIN":
			builtin = f[1]
		case "FILE":
			files[f[1]] = true
			if f[2] != "644" {
				t.Errorf("%s: mode %s, want 644", f[1], f[2])
			}
		}
	}
	if want := "virtio_ring virtio_blk scsi_mod libata libahci ahci crc32c_generic jbd2 mbcache crc16 ext4 fat vfat nls_cp437"; order != want {
		t.Errorf("load order\n got %s\nwant %s", order, want)
	}
	if builtin != "virtio_pci" {
		t.Errorf("builtin %q, want virtio_pci", builtin)
	}
	// each module is there once, uncompressed, byte for byte
	n := 0
	for rel, want := range contents {
		p := "lib/modules/6.1.0-99-test/" + rel
		if !files[p] {
			t.Errorf("%s is missing from the tree", p)
			continue
		}
		got := mustRead(t, filepath.Join(dir, "out", strings.ReplaceAll(p, "/", "%")))
		if string(got) != want {
			t.Errorf("%s: %d bytes differ from the original %d", p, len(got), len(want))
		}
		n++
	}
	if files["lib/modules/6.1.0-99-test/kernel/sound/snd.ko"] {
		t.Errorf("snd.ko was copied but not asked for")
	}
	dep := string(mustRead(t, filepath.Join(dir, "out", "lib%modules%6.1.0-99-test%modules.dep")))
	if !strings.Contains(dep, "kernel/drivers/ata/ahci.ko: kernel/drivers/ata/libahci.ko kernel/drivers/ata/libata.ko kernel/drivers/scsi/scsi_mod.ko\n") ||
		!strings.Contains(dep, "kernel/fs/fat/vfat.ko: kernel/fs/fat/fat.ko\n") ||
		strings.Contains(dep, ".xz") || strings.Contains(dep, ".gz") || strings.Contains(dep, ".zst") || strings.Contains(dep, "snd") {
		t.Errorf("modules.dep of the subset:\n%s", dep)
	}
	load := string(mustRead(t, filepath.Join(dir, "out", "etc%modules.load")))
	if !strings.HasPrefix(load, "/lib/modules/6.1.0-99-test/kernel/drivers/virtio/virtio_ring.ko\n") || strings.Count(load, "\n") != 14 {
		t.Errorf("load list:\n%s", load)
	}

	// a module that is not there, and a damaged .xz, fail at the script's line
	msg := runImageScriptErr(t, bin, dir, "missing", `local image = require "image"
local t = image.tree()
t:modules{ dir = "lib/modules/6.1.0-99-test", names = { "ext4", "btrfs" } }
`)
	if !strings.Contains(msg, "missing.t:3:1: image.tree: modules lib/modules/6.1.0-99-test: module btrfs is not in modules.dep") {
		t.Errorf("missing module:\n%s", msg)
	}
	crc := filepath.Join(dir, "lib/modules/6.1.0-99-test/kernel/lib/crc16.ko.xz")
	data := mustRead(t, crc)
	if err := os.WriteFile(crc, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	msg = runImageScriptErr(t, bin, dir, "damaged", `local image = require "image"
local t = image.tree()

t:modules{ dir = "lib/modules/6.1.0-99-test", names = { "ext4" } }
`)
	if !strings.Contains(msg, "damaged.t:4:1: image.tree: modules lib/modules/6.1.0-99-test: lib/modules/6.1.0-99-test/kernel/lib/crc16.ko.xz is not valid xz data") {
		t.Errorf("damaged module:\n%s", msg)
	}
}

func testTreeHostDir(t *testing.T, bin string) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	secret := filepath.Join(dir, "secret")
	for _, d := range []string{"src/etc/init.d", "src/usr/bin", "src/empty", "secret"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, data string, mode os.FileMode) {
		if err := os.WriteFile(p, []byte(data), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil { // not filtered by the umask
			t.Fatal(err)
		}
	}
	write(filepath.Join(secret, "key"), "do not copy", 0o600)
	write(filepath.Join(src, "etc/hostname"), "box\n", 0o600)         // private on the host
	write(filepath.Join(src, "etc/init.d/rcS"), "#!/bin/sh\n", 0o700) // executable
	write(filepath.Join(src, "usr/bin/tool"), "#!/bin/sh\n", 0o750)
	for link, target := range map[string]string{
		"src/etc/outside": secret,         // absolute, out of the tree
		"src/etc/up":      "../../secret", // relative, climbing out
		"src/usr/bin/sh":  "busybox",      // dangling inside
		"src/etc/mtab":    "/proc/self/mounts",
		"src/usr/lib":     "../secret",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(src, "etc/initctl"), 0o600); err != nil {
		t.Fatal(err)
	}
	// two names of one file, the second one first in readdir's order or not
	if err := os.Link(filepath.Join(src, "usr/bin/tool"), filepath.Join(src, "usr/bin/atool")); err != nil {
		t.Fatal(err)
	}
	out := runImageScript(t, bin, dir, "hostdir", `
local image = require "image"
local t = image.tree{ uid = 0, gid = 0, mtime = 1234 }
local n = t:add_host_dir("src", "root")
print("count", n)
for _, e in ipairs(t:entries()) do
  print(e.path, e.kind, string.format("%04o", e.mode), e.uid, e.gid, e.mtime, e.target or e.host or "")
end
local k = image.tree()
k:add_host_dir("src", nil, { keepmodes = true, uid = 5, exclude = function(p, kind) return p:match("^usr") or kind == "fifo" end })
for _, e in ipairs(k:entries()) do print("keep", e.path, string.format("%04o", e.mode), e.uid) end
local h = image.tree()
h:add_host_dir("src/usr", "usr", { hardlinks = true })
for _, e in ipairs(h:entries()) do print("links", e.path, e.kind, e.target or e.host or "") end
`)
	want := `count	15
root	dir	0755	0	0	1234	
root/empty	dir	0755	0	0	1234	
root/etc	dir	0755	0	0	1234	
root/etc/hostname	file	0644	0	0	1234	src/etc/hostname
root/etc/init.d	dir	0755	0	0	1234	
root/etc/init.d/rcS	file	0755	0	0	1234	src/etc/init.d/rcS
root/etc/initctl	fifo	0600	0	0	1234	
root/etc/mtab	symlink	0777	0	0	1234	/proc/self/mounts
root/etc/outside	symlink	0777	0	0	1234	` + secret + `
root/etc/up	symlink	0777	0	0	1234	../../secret
root/usr	dir	0755	0	0	1234	
root/usr/bin	dir	0755	0	0	1234	
root/usr/bin/atool	file	0755	0	0	1234	src/usr/bin/atool
root/usr/bin/sh	symlink	0777	0	0	1234	busybox
root/usr/bin/tool	file	0755	0	0	1234	src/usr/bin/tool
root/usr/lib	symlink	0777	0	0	1234	../secret
keep	empty	0700	5
keep	etc	0700	5
keep	etc/hostname	0600	5
keep	etc/init.d	0700	5
keep	etc/init.d/rcS	0700	5
keep	etc/mtab	0777	5
keep	etc/outside	0777	5
keep	etc/up	0777	5
links	usr	dir	
links	usr/bin	dir	
links	usr/bin/atool	file	src/usr/bin/atool
links	usr/bin/sh	symlink	busybox
links	usr/bin/tool	hardlink	usr/bin/atool
links	usr/lib	symlink	../secret
`
	if out != want {
		t.Errorf("host dir copy\n got:\n%s\nwant:\n%s", out, want)
	}
	if strings.Contains(out, "key") {
		t.Errorf("a file behind a symlink was copied:\n%s", out)
	}
}

func testTreeBuilder(t *testing.T, bin string) {
	needTools(t, "cc", "xz")
	dir := t.TempDir()
	text := strings.Repeat("lorem ipsum\n", 5000) + "VERSION=1.0\n" + strings.Repeat("dolor\n", 100)
	if err := os.WriteFile(filepath.Join(dir, "in.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	tool(t, dir, "xz", "-k", "in.txt")
	script := `
local K = require "image.kmod"
local E = require "image.textedit"
local H = require "image.hostfs"
local C = terralib.includec("stdio.h")
-- the Lua stage, for comparison
local plain = K.unpack("in.txt.xz")
io.open("lua.out", "wb"):write((E.sed(plain, "^VERSION=([0-9.]+)$", "VERSION=\\1-patched")))
terra main(argc : int, argv : &rawstring) : int
  var n : int64
  var p = H.readfile("in.txt.xz", false, &n)
  if p == nil then return 2 end
  var out : &uint8
  var len : int64
  if K.unxz(p, n, &out, &len) ~= 0 then return 3 end
  var o2 : &uint8
  var l2 : int64
  var err : int8[128]
  var repl = "VERSION=\\1-patched"
  if E.subst(out, len, "^VERSION=([0-9.]+)$", false, true, repl, 18, &o2, &l2, err, 128) ~= 0 then return 4 end
  var f = C.fopen("exe.out", "wb")
  C.fwrite(o2, 1, l2, f)
  C.fclose(f)
  return 0
end
`
	runImageScript(t, bin, dir, "builder", script)
	cmd := exec.Command(bin, "build", "builder.t", "-o", "builder")
	cmd.Dir, cmd.Env = dir, imageEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("terrac build: %v\n%s", err, out)
	}
	cmd = exec.Command("./builder")
	cmd.Dir, cmd.Env = dir, []string{}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("./builder: %v\n%s", err, out)
	}
	a, b := mustRead(t, filepath.Join(dir, "lua.out")), mustRead(t, filepath.Join(dir, "exe.out"))
	want := strings.Replace(text, "VERSION=1.0\n", "VERSION=1.0-patched\n", 1)
	if string(a) != want || string(b) != want {
		t.Errorf("patched output: script %d bytes, builder %d bytes, want %d (equal: %v %v)", len(a), len(b), len(want), string(a) == want, string(b) == want)
	}
}

// testTreeRunpath builds a program whose library is found only through
// DT_RUNPATH with $ORIGIN (and that library's own dependency through its
// RPATH), compares the closure with ldd, and checks the errors for a
// truncated ELF file and a library that cannot be found.
func testTreeRunpath(t *testing.T, bin string) {
	needTools(t, "cc", "ldd")
	dir := t.TempDir()
	for _, d := range []string{"app/bin", "app/lib", "app/lib/private"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"inner.c": "int inner(void) { return 41; }\n",
		"outer.c": "int inner(void);\nint outer(void) { return inner() + 1; }\n",
		"main.c":  "int outer(void);\nint main(void) { return outer() == 42 ? 0 : 1; }\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tool(t, dir, "cc", "-shared", "-fPIC", "-o", "app/lib/private/libinner.so", "-Wl,-soname,libinner.so", "inner.c")
	// outer finds inner through an old-style RPATH
	tool(t, dir, "cc", "-shared", "-fPIC", "-o", "app/lib/libouter.so", "-Wl,-soname,libouter.so", "outer.c",
		"-Lapp/lib/private", "-linner", "-Wl,--disable-new-dtags,-rpath,$ORIGIN/private")
	tool(t, dir, "cc", "-o", "app/bin/main", "main.c", "-Lapp/lib", "-louter", "-Wl,--enable-new-dtags,-rpath,$ORIGIN/../lib")
	out := runImageScript(t, bin, dir, "runpath", `
local image = require "image"
local info = image.elfinfo("app/bin/main")
print("runpath", table.concat(info.runpath, ":"), "rpath", info.rpath)
print("rpath of outer", table.concat(image.elfinfo("app/lib/libouter.so").rpath, ":"))
local t = image.tree()
for _, a in ipairs(t:binary("bin/main", "app/bin/main")) do print("A", a.name, a.host, a.path) end
`)
	if !strings.Contains(out, "runpath\t$ORIGIN/../lib\trpath\tnil\n") || !strings.Contains(out, "rpath of outer\t$ORIGIN/private\n") {
		t.Errorf("elfinfo:\n%s", out)
	}
	// $ORIGIN leads from the tree path of the object, not the host's
	for _, want := range []string{"A\tlibouter.so\tapp/bin/../lib/libouter.so\tlib/libouter.so\n",
		"A\tlibinner.so\tapp/bin/../lib/private/libinner.so\tlib/private/libinner.so\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("closure lacks %q:\n%s", want, out)
		}
	}
	ldd := tool(t, dir, "ldd", "app/bin/main")
	for _, name := range []string{"libouter.so", "libinner.so", "libc.so.6"} {
		var ours, theirs string
		for _, line := range strings.Split(out, "\n") {
			if f := strings.Split(line, "\t"); len(f) == 4 && f[0] == "A" && f[1] == name {
				ours = f[2]
			}
		}
		if m := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(name) + ` => (\S+)`).FindStringSubmatch(ldd); m != nil {
			theirs = m[1]
		}
		if ours == "" || theirs == "" || !sameFile(filepath.Join(dir, ours), theirs) && !sameFile(ours, theirs) {
			t.Errorf("%s: ours %q, ldd %q\n%s\n%s", name, ours, theirs, out, ldd)
		}
	}

	data := mustRead(t, "/bin/ls")
	if err := os.WriteFile(filepath.Join(dir, "short"), data[:200], 0o755); err != nil {
		t.Fatal(err)
	}
	msg := runImageScriptErr(t, bin, dir, "short", "local image = require \"image\"\nimage.tree():libs(\"short\")\n")
	if !strings.Contains(msg, "short.t:2:1: image.tree: libs short: short is a truncated or damaged ELF file") {
		t.Errorf("truncated ELF:\n%s", msg)
	}
	if err := os.Remove(filepath.Join(dir, "app/lib/private/libinner.so")); err != nil {
		t.Fatal(err)
	}
	msg = runImageScriptErr(t, bin, dir, "missing", "local image = require \"image\"\nlocal t = image.tree()\nt:libs(\"app/bin/main\")\n")
	if !strings.Contains(msg, "missing.t:3:1: image.tree: libs app/bin/main: libinner.so (needed by app/bin/../lib/libouter.so) not found in app/bin/../lib/private:/") {
		t.Errorf("missing library:\n%s", msg)
	}
}

// testTreeModprobe compares the module closure of a real kernel's modules
// with `modprobe --show-depends`. It needs a root holding
// lib/modules/VERSION with depmod's files: TERRA_IMAGE_MODROOT (and
// TERRA_IMAGE_MODVERSION), or the running kernel's in /. A build host
// without kernel modules skips it. (Checked with Debian's
// linux-image-6.1.0-57-amd64 unpacked with dpkg-deb and depmod -b.)
func testTreeModprobe(t *testing.T, bin string) {
	root, version := os.Getenv("TERRA_IMAGE_MODROOT"), os.Getenv("TERRA_IMAGE_MODVERSION")
	if root == "" {
		root = "/"
		if out, err := exec.Command("uname", "-r").Output(); err == nil {
			version = strings.TrimSpace(string(out))
		}
	}
	if _, err := os.Stat(filepath.Join(root, "lib/modules", version, "modules.dep")); err != nil || version == "" {
		t.Skip("no kernel modules with a modules.dep on this host")
	}
	modprobe := os.Getenv("TERRA_IMAGE_MODPROBE")
	if modprobe == "" {
		var err error
		if modprobe, err = exec.LookPath("modprobe"); err != nil {
			t.Skip("modprobe is not installed")
		}
	}
	root, _ = filepath.Abs(root)
	names := []string{"virtio_blk", "ahci", "ext4", "vfat"}
	var want []string
	seen := map[string]bool{}
	for _, n := range names {
		out, err := exec.Command(modprobe, "-d", root, "-S", version, "--show-depends", n).CombinedOutput()
		if err != nil {
			t.Skipf("modprobe --show-depends %s: %v\n%s", n, err, out)
		}
		for _, line := range strings.Split(string(out), "\n") {
			f := strings.Fields(line)
			if len(f) >= 2 && f[0] == "insmod" {
				p := strings.TrimPrefix(f[1], strings.TrimSuffix(root, "/"))
				p = regexp.MustCompile(`\.(xz|gz|zst)$`).ReplaceAllString(p, "")
				if !seen[p] {
					seen[p] = true
					want = append(want, p)
				}
			}
		}
	}
	dir := t.TempDir()
	out := runImageScript(t, bin, dir, "modprobe", `
local image = require "image"
local r = image.tree():modules{ root = "`+root+`", version = "`+version+`", names = { "virtio_blk", "ahci", "ext4", "vfat" } }
io.write(table.concat(r.paths, "\n"), "\n")
`)
	if got := strings.Fields(out); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("load order\n got %v\nwant %v", got, want)
	}
}

// testTreeRootfs reads the generated busybox files with the tools that
// parse them: pwck for passwd and shadow, findmnt for fstab (with its
// \040 escapes), sh -n for rcS.
func testTreeRootfs(t *testing.T, bin string) {
	needTools(t, "pwck", "findmnt", "sh")
	dir := t.TempDir()
	runImageScript(t, bin, dir, "rootfs", `
local image = require "image"
local t = image.tree()
t:users{
  users = {
    { name = "root", uid = 0, gid = 0, home = "/root", hash = "" },
    { name = "www", uid = 33, gid = "www-data", gecos = "web server", shell = "/sbin/nologin", home = "/var/www" },
    { name = "svc", uid = 999, gid = 999, hash = "$6$salt$abcdefghijklmnopqrstuvwxyz" },
  },
  groups = { { name = "root", gid = 0 }, { name = "www-data", gid = 33, members = { "www" } } },
}
t:fstab{
  { "proc", "/proc", "proc" },
  { device = "LABEL=root", dir = "/", type = "ext4", options = "rw,noatime", pass = 1 },
  { "/dev/vdb1", "/mnt/with space", "vfat", "ro,uid=1000", 0, 2 },
  { "tmp\\fs", "/tmp", "tmpfs", "mode=1777" },
}
t:rcS{
  { "mount", "-t", "proc", "proc", "/proc" },
  { "echo", "it's \"quoted\" $HOME; `+"`"+`x`+"`"+`" },
  "[ -d /sys ] && mount -t sysfs sysfs /sys",
}
for _, p in ipairs{ "etc/passwd", "etc/shadow", "etc/fstab", "etc/init.d/rcS" } do
  local f = io.open(p:match("[^/]+$"), "wb")
  f:write(t:read(p))
  f:close()
end
`)
	tool(t, dir, "pwck", "-r", "passwd", "shadow")
	got := tool(t, dir, "findmnt", "--fstab", "--tab-file", "fstab", "-P", "-o", "SOURCE,TARGET,FSTYPE,OPTIONS,FREQ,PASSNO")
	want := `SOURCE="proc" TARGET="/proc" FSTYPE="proc" OPTIONS="defaults" FREQ="0" PASSNO="0"
SOURCE="LABEL=root" TARGET="/" FSTYPE="ext4" OPTIONS="rw,noatime" FREQ="0" PASSNO="1"
SOURCE="/dev/vdb1" TARGET="/mnt/with space" FSTYPE="vfat" OPTIONS="ro,uid=1000" FREQ="0" PASSNO="2"
SOURCE="tmp\x5cfs" TARGET="/tmp" FSTYPE="tmpfs" OPTIONS="mode=1777" FREQ="0" PASSNO="0"
`
	if got != want { // findmnt -P prints the one backslash of tmp\fs as \x5c
		t.Errorf("findmnt reads fstab as\n%s\nwant\n%s", got, want)
	}
	tool(t, dir, "sh", "-n", "rcS")
	// the argv words arrive as written
	out := tool(t, dir, "sh", "-c", "mount() { :; }; . ./rcS")
	if out != "it's \"quoted\" $HOME; `x`\n" {
		t.Errorf("rcS echo printed %q", out)
	}
}

// testTreeInitramfs puts the pieces together the way an initramfs build
// does: binaries with their libraries, modules, the busybox files and a
// device node, written by image.cpio (the archives part; skipped where it
// is not there yet). cpio -itv must list exactly the tree, and as root
// the extracted archive must run its binaries under chroot, where no host
// library can stand in for a missing one.
func testTreeInitramfs(t *testing.T, bin string) {
	needTools(t, "cpio", "gzip")
	dir := t.TempDir()
	craftModules(t, dir)
	out := runImageScript(t, bin, dir, "initramfs", `
local image = require "image"
if not image.cpio then print("SKIP") return end
local t = image.tree{ mtime = 0 }
t:binary("bin/ls", "/bin/ls")
t:binary("bin/sh", "/bin/sh")
t:chardev("dev/console", 5, 1, { mode = "0600" })
local mods = t:modules{ root = ".", version = "6.1.0-99-test", names = { "ext4" } }
t:inittab{ { "sysinit", "/etc/init.d/rcS" }, { "askfirst", "-/bin/sh", tty = "console" } }
t:rcS{ { "mount", "-t", "proc", "proc", "/proc" }, modules = mods }
t:users{ users = { { name = "root", uid = 0, gid = 0, home = "/", hash = "" } }, groups = { { name = "root", gid = 0 } } }
image.cpio{ tree = t, compress = "gzip" }:write("initrd.img")
for _, e in ipairs(t:entries()) do print(e.path) end
`)
	if strings.TrimSpace(out) == "SKIP" {
		t.Skip("image.cpio is not in this build")
	}
	listing := tool(t, dir, "sh", "-c", "gzip -dc initrd.img | cpio -it --quiet")
	if strings.TrimSpace(listing) != strings.TrimSpace(out) {
		t.Errorf("cpio -it lists\n%s\nthe tree holds\n%s", listing, out)
	}
	if os.Geteuid() != 0 {
		return
	}
	root := filepath.Join(dir, "root")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	tool(t, root, "sh", "-c", "gzip -dc ../initrd.img | cpio -idm --quiet")
	got := tool(t, dir, "chroot", root, "/bin/sh", "-c", "/bin/ls /lib/modules/6.1.0-99-test/kernel/fs/ext4")
	if got != "ext4.ko\n" {
		t.Errorf("chroot ls printed %q", got)
	}
}
