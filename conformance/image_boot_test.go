package conformance

// Boot configuration and ISO images from `require "image"`: grub.cfg files
// edited through image.grubcfg print back unchanged text byte for byte, a
// builder compiled by `terrac build` writes an edit made at build time, and
// ISO images made through xorriso are read back with xorriso itself (El
// Torito report, file listing, extracted files, fsck.fat on the EFI image)
// and are byte-identical across runs.

import (
	"bytes"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestImageBoot(t *testing.T) {
	bin := terrac(t)
	t.Run("grubcfg_roundtrip", func(t *testing.T) { t.Parallel(); testGrubRoundTrip(t, bin) })
	t.Run("grubcfg_build", func(t *testing.T) { t.Parallel(); testGrubBuild(t, bin) })
	t.Run("iso", func(t *testing.T) { t.Parallel(); testISO(t, bin) })
	t.Run("iso_reproducible", func(t *testing.T) { t.Parallel(); testISOReproducible(t, bin) })
	t.Run("iso_large", func(t *testing.T) { t.Parallel(); testISOLarge(t, bin) })
	t.Run("iso_hybrid", func(t *testing.T) { t.Parallel(); testISOHybrid(t, bin) })
	t.Run("grub_script_check", func(t *testing.T) { t.Parallel(); testGrubScriptCheck(t, bin) })
}

// grubFixtures are grub.cfg texts with the constructs grub-mkconfig and
// people write: if/elif/else, functions, loops, nested submenus, every
// kind of quoting, comments after commands, line continuations, CRLF and
// a missing final newline.
var grubFixtures = map[string]string{
	"elif.cfg":   "if [ \"${a}\" = 1 ]; then\n  set x=1\nelif [ x$b = xy ] ; then set x=2 # two\nelse\n\tset x='3 ; 4'\nfi\n",
	"nested.cfg": "submenu 'A' {\n  submenu \"B $x\" {\n    menuentry 'C' --unrestricted {\n      linux /k a=\"1 2\" b=\\$c\n    }\n  }\n}\n",
	"loops.cfg":  "for i in 1 2 3; do\n  echo $i\ndone\nwhile false; do true; done\nfunction f { echo \"${1}\"; }\n",
	"crlf.cfg":   "set timeout=1\r\nmenuentry x {\r\n\tlinux /k \\\r\n\t  quiet\r\n}\r\n# end",
	"empty.cfg":  "",
	"blank.cfg":  "\n\n   \n# only comments\n\t# indented\n",
}

func testGrubRoundTrip(t *testing.T, bin string) {
	dir := t.TempDir()
	debian, err := os.ReadFile("../dsl/image/grubcfg/testdata/debian.cfg")
	if err != nil {
		t.Fatal(err)
	}
	fixtures := map[string]string{"debian.cfg": string(debian)}
	for k, v := range grubFixtures {
		fixtures[k] = v
	}
	var names []string
	for name, text := range fixtures {
		names = append(names, name)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(names)
	// Each file is read, printed back through image.textfile, and listed.
	script := `
local image = require "image"
for _, name in ipairs(arg) do
  local g = image.grubcfg.read(name)
  image.textfile(g:text()):write(name .. ".out")
  for _, e in ipairs(g:entries()) do print(name, e:kind(), e:title()) end
end
`
	path := filepath.Join(dir, "rt.t")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, append([]string{"rt.t"}, names...)...)
	cmd.Dir, cmd.Env = dir, imageEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("terrac rt.t: %v\n%s", err, out)
	}
	for _, name := range names {
		got, err := os.ReadFile(filepath.Join(dir, name+".out"))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(fixtures[name], string(got)); diff != "" {
			t.Errorf("%s: round trip differs (-want +got):\n%s", name, diff)
		}
	}
	for _, want := range []string{"nested.cfg\tsubmenu\tB $x", "nested.cfg\tmenuentry\tC",
		"debian.cfg\tmenuentry\tUEFI Firmware Settings", "crlf.cfg\tmenuentry\tx"} {
		if !strings.Contains(string(out), want+"\n") {
			t.Errorf("listing lacks %q:\n%s", want, out)
		}
	}
}

// testGrubBuild edits a grub.cfg in the Lua stage of a program compiled by
// terrac build: the edited text is constant data of the builder, which
// writes it after the source file is gone.
func testGrubBuild(t *testing.T, bin string) {
	needTools(t, "cc")
	dir := t.TempDir()
	debian, err := os.ReadFile("../dsl/image/grubcfg/testdata/debian.cfg")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "grub.cfg"), debian, 0o644); err != nil {
		t.Fatal(err)
	}
	runImageScript(t, bin, dir, "edit", `
local image = require "image"
local g = image.grubcfg.read("grub.cfg")
local e = g:find("Debian GNU/Linux")
local c = e:copy()
c:set_title("Debian (serial)")
c:set_id("debian-serial")
c:set_kernel("/boot/vmlinuz-serial")
c:set_args(image.cmdline(e:args(), "console=ttyS0,115200"))
g:insert(c, { before = e })
g:set_timeout(1)
g:set_default("debian-serial")
local out = image.textfile(g:text())
if arg[1] == "now" then out:write("jit.cfg") end
terra main() : int
  return out.writer("exe.cfg")
end
`)
	cmd := exec.Command(bin, "edit.t", "now")
	cmd.Dir, cmd.Env = dir, imageEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("terrac edit.t now: %v\n%s", err, out)
	}
	cmd = exec.Command(bin, "build", "edit.t", "-o", "editor")
	cmd.Dir, cmd.Env = dir, imageEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("terrac build: %v\n%s", err, out)
	}
	// the builder needs neither the source grub.cfg nor terrac
	if err := os.Remove(filepath.Join(dir, "grub.cfg")); err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command("./editor")
	cmd.Dir, cmd.Env = dir, []string{}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("./editor: %v\n%s", err, out)
	}
	jit, err := os.ReadFile(filepath.Join(dir, "jit.cfg"))
	if err != nil {
		t.Fatal(err)
	}
	exe, err := os.ReadFile(filepath.Join(dir, "exe.cfg"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(jit, exe) {
		t.Errorf("the builder wrote different text than the script:\n%s", cmp.Diff(string(jit), string(exe)))
	}
	text := string(exe)
	for _, want := range []string{
		"else\n   set default=debian-serial\nfi\n",
		"   set default=\"${next_entry}\"\n",
		"menuentry 'Debian (serial)' --class debian --class gnu-linux --class gnu --class os $menuentry_id_option 'debian-serial' {\n",
		"\tlinux\t/boot/vmlinuz-serial root=UUID=6f1c7b0e-8d3a-4a57-9c2e-2b1f0a9d4e11 ro quiet console=ttyS0,115200\n",
		"}\nmenuentry 'Debian GNU/Linux' --class",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("edited grub.cfg lacks %q", want)
		}
	}
	if n := strings.Count(text, "set timeout=1\n"); n != 3 {
		t.Errorf("%d timeouts set, want 3", n)
	}
	// Apart from the new entry and the set lines, the text is the original.
	re := regexp.MustCompile(`(?s)menuentry 'Debian \(serial\)'.*?\n}\n`)
	rest := re.ReplaceAllString(text, "")
	want := regexp.MustCompile(`set timeout=\d+`).ReplaceAllString(string(debian), "set timeout=1")
	want = strings.Replace(want, `set default="0"`, "set default=debian-serial", 1)
	if rest != want {
		t.Errorf("unrelated text changed:\n%s", cmp.Diff(want, rest))
	}
}

// isoScript builds a tree with files of every kind the ISO takes, a BIOS
// boot image and an EFI FAT image, and writes it to arg[1].
const isoScript = `
local image = require "image"
local t = image.tree{ mtime = 1700000000 }
t:file("isolinux/isolinux.bin", { data = string.rep("\250\235", 1024) })
t:file("isolinux/isolinux.cfg", { data = image.isolinux{ serial = true, timeout = 3,
  labels = { { name = "linux", kernel = "/boot/vmlinuz", initrd = "/boot/initrd.img", append = "console=ttyS0" } } } })
t:file("boot/vmlinuz", { data = string.rep("K", 100000), mode = "0755" })
t:file("boot/initrd.img", { host = "host.bin" })
t:file("boot/grub/grub.cfg", { data = image.grub{ timeout = 0, serial = true,
  entries = { { title = "Live", linux = "/boot/vmlinuz", initrd = "/boot/initrd.img", args = "console=ttyS0" } } },
  uid = 1000, gid = 100, mode = "0600" })
t:symlink("vmlinuz", "boot/vmlinuz")
t:hardlink("boot/vmlinuz.old", "boot/vmlinuz")
t:hardlink("docs/a-link", "isolinux/isolinux.cfg") -- staged before its target would be
t:dir("empty", { mode = "0700", mtime = 1600000000 })
t:file("docs/Ünïcode name with spaces.txt", { data = "hello\n", mtime = 1600000000 })
local esp = image.fat{ fat = 16, size = "8M", label = "EFIBOOT", seed = "iso",
  files = image.systemd_boot{ timeout = 0, entries = { { name = "live", linux = "/vmlinuz", options = "console=ttyS0" } } } }
local iso = image.iso{ tree = t, volid = "TERRAC_LIVE",
  bios = { image = "isolinux/isolinux.bin", catalog = "isolinux/boot.cat" },
  efi = { fat = esp, path = "boot/efi.img" } }
if arg[1] then iso:write(arg[1]) end
terra main() : int return iso.writer("exe.iso") end
`

func writeHostBin(t *testing.T, dir string) []byte {
	t.Helper()
	data := bytes.Repeat([]byte("initrd-"), 40000)
	if err := os.WriteFile(filepath.Join(dir, "host.bin"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return data
}

func testISO(t *testing.T, bin string) {
	needTools(t, "xorriso", "fsck.fat", "cc")
	dir := t.TempDir()
	host := writeHostBin(t, dir)
	runImageScript(t, bin, dir, "iso", isoScript)
	cmd := exec.Command(bin, "iso.t", "live.iso")
	cmd.Dir, cmd.Env = dir, imageEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("terrac iso.t: %v\n%s", err, out)
	}
	for _, leftover := range []string{"live.iso.stage", "live.iso.log"} {
		if _, err := os.Stat(filepath.Join(dir, leftover)); err == nil {
			t.Errorf("%s was left behind", leftover)
		}
	}

	report := tool(t, dir, "xorriso", "-no_rc", "-indev", "live.iso", "-report_el_torito", "plain", "-pvd_info")
	for _, re := range []string{
		`Volume id\s*: 'TERRAC_LIVE'`,
		`El Torito cat path : /isolinux/boot.cat`,
		`El Torito boot img :\s+1\s+BIOS\s+y\s+none\s+0x0000\s+0x00\s+4\s+\d+`,
		`El Torito boot img :\s+2\s+UEFI\s+y\s+none\s+0x0000\s+0x00\s+16384\s+\d+`,
		`El Torito img path :\s+1\s+/isolinux/isolinux.bin`,
		`El Torito img opts :\s+1\s+boot-info-table`,
		`El Torito img path :\s+2\s+/boot/efi.img`,
		`Creation Time: 2023111422132000`,
		`Modif. Time  : 2023111422132000`,
	} {
		if !regexp.MustCompile(re).MatchString(report) {
			t.Errorf("xorriso report lacks %s:\n%s", re, report)
		}
	}

	// The listing: every tree entry with its mode, owner, size and time.
	list := tool(t, dir, "xorriso", "-no_rc", "-indev", "live.iso", "-find", "/", "-exec", "lsdl")
	var got []string
	for _, l := range strings.Split(list, "\n") {
		if f := strings.Fields(l); len(f) >= 9 && len(f[0]) == 10 && strings.Contains(l, "'/") {
			name := l[strings.Index(l, "'/"):]
			got = append(got, strings.Join([]string{f[0], f[2], f[3], f[4], f[5], f[6], f[7], name}, " "))
		}
	}
	want := []string{
		"drwxr-xr-x 0 0 0 Nov 14 2023 '/'",
		"drwxr-xr-x 0 0 0 Nov 14 2023 '/boot'",
		"-rw-r--r-- 0 0 8388608 Nov 14 2023 '/boot/efi.img'",
		"drwxr-xr-x 0 0 0 Nov 14 2023 '/boot/grub'",
		"-rw------- 1000 100 " + itoa(len(grubCfgLive)) + " Nov 14 2023 '/boot/grub/grub.cfg'",
		"-rw-r--r-- 0 0 " + itoa(len(host)) + " Nov 14 2023 '/boot/initrd.img'",
		"-rwxr-xr-x 0 0 100000 Nov 14 2023 '/boot/vmlinuz'",
		"-rw-r--r-- 0 0 100000 Nov 14 2023 '/boot/vmlinuz.old'",
		"drwxr-xr-x 0 0 0 Nov 14 2023 '/docs'",
		"-rw-r--r-- 0 0 " + itoa(len(isolinuxCfgLive)) + " Nov 14 2023 '/docs/a-link'",
		"-rw-r--r-- 0 0 6 Sep 13 2020 '/docs/Ünïcode name with spaces.txt'",
		"drwx------ 0 0 0 Sep 13 2020 '/empty'",
		"drwxr-xr-x 0 0 0 Nov 14 2023 '/isolinux'",
		"er--r--r-- 0 0 2048 Nov 14 2023 '/isolinux/boot.cat'",
		"-rw-r--r-- 0 0 2048 Nov 14 2023 '/isolinux/isolinux.bin'",
		"-rw-r--r-- 0 0 " + itoa(len(isolinuxCfgLive)) + " Nov 14 2023 '/isolinux/isolinux.cfg'",
		"lrwxrwxrwx 0 0 0 Nov 14 2023 '/vmlinuz' -> 'boot/vmlinuz'",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("xorriso -find listing (-want +got):\n%s\n%s", diff, list)
	}

	// Extracted files hold the tree's bytes; the EFI image is a clean FAT.
	out := filepath.Join(dir, "x")
	tool(t, dir, "xorriso", "-no_rc", "-osirrox", "on", "-indev", "live.iso", "-extract", "/", out)
	for path, data := range map[string]string{
		"boot/grub/grub.cfg":                grubCfgLive,
		"isolinux/isolinux.cfg":             isolinuxCfgLive,
		"boot/initrd.img":                   string(host),
		"docs/Ünïcode name with spaces.txt": "hello\n",
	} {
		b, err := os.ReadFile(filepath.Join(out, path))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != data {
			t.Errorf("%s: extracted bytes differ", path)
		}
	}
	tool(t, dir, "fsck.fat", "-n", filepath.Join(out, "boot/efi.img"))
	if l, _ := os.Readlink(filepath.Join(out, "vmlinuz")); l != "boot/vmlinuz" {
		t.Errorf("symlink extracted as %q", l)
	}

	// The compiled builder writes the same bytes.
	cmd = exec.Command(bin, "build", "iso.t", "-o", "isobuilder")
	cmd.Dir, cmd.Env = dir, imageEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("terrac build: %v\n%s", err, out)
	}
	cmd = exec.Command("./isobuilder")
	cmd.Dir, cmd.Env = dir, []string{}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("./isobuilder: %v\n%s", err, out)
	}
	if fileSum(t, filepath.Join(dir, "live.iso")) != fileSum(t, filepath.Join(dir, "exe.iso")) {
		t.Errorf("the compiled builder wrote a different ISO")
	}
}

// The generated configuration files of isoScript, as the generators write
// them (checked here so the listing's sizes are known).
const grubCfgLive = "set timeout=0\nserial --unit=0 --speed=115200\nterminal_input serial console\nterminal_output serial console\n\nmenuentry 'Live' {\n\tlinux /boot/vmlinuz console=ttyS0\n\tinitrd /boot/initrd.img\n}\n"
const isolinuxCfgLive = "serial 0 115200\ndefault linux\ntimeout 30\n\nlabel linux\n  kernel /boot/vmlinuz\n  append initrd=/boot/initrd.img console=ttyS0\n"

func itoa(n int) string { return strconv.Itoa(n) }

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// testISOReproducible runs the script in two directories with different
// umask, HOME and TZ: the images are identical. SOURCE_DATE_EPOCH sets the
// volume times when the tree gives none.
func testISOReproducible(t *testing.T, bin string) {
	needTools(t, "xorriso", "sh")
	var sums [][32]byte
	for i, env := range [][]string{{"TZ=UTC", "UMASK=022"}, {"TZ=Asia/Tokyo", "UMASK=077"}} {
		dir := t.TempDir()
		writeHostBin(t, dir)
		if err := os.WriteFile(filepath.Join(dir, "iso.t"), []byte(isoScript), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("sh", "-c", `umask $UMASK && exec "$0" iso.t out.iso`, bin)
		cmd.Dir = dir
		cmd.Env = append(imageEnv(env...), "HOME="+filepath.Join(dir, "home"+itoa(i)))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("terrac iso.t: %v\n%s", err, out)
		}
		sums = append(sums, fileSum(t, filepath.Join(dir, "out.iso")))
	}
	if sums[0] != sums[1] {
		t.Errorf("two runs gave different ISO images")
	}

	dir := t.TempDir()
	runImageScript(t, bin, dir, "epoch", `
local image = require "image"
local t = image.tree{}
t:file("a.txt", { data = "a" })
t:file("Long Mixed Case.txt", { data = "b" })
image.iso{ tree = t }:write("epoch.iso")
image.iso{ tree = t, joliet = true }:write("joliet.iso")
`, "SOURCE_DATE_EPOCH=1234567890")
	// Without Rock Ridge, a reader sees ISO 9660 names, or Joliet's.
	plain := tool(t, dir, "xorriso", "-no_rc", "-read_fs", "norock", "-indev", "epoch.iso", "-find", "/")
	joliet := tool(t, dir, "xorriso", "-no_rc", "-read_fs", "norock", "-indev", "joliet.iso", "-find", "/")
	if !strings.Contains(plain, "'/LONG_MIXED_CASE.TXT'") || !strings.Contains(joliet, "'/Long Mixed Case.txt'") {
		t.Errorf("ISO 9660 and Joliet names:\n%s\n%s", plain, joliet)
	}
	report := tool(t, dir, "xorriso", "-no_rc", "-indev", "epoch.iso", "-pvd_info", "-find", "/a.txt", "-exec", "lsdl")
	for _, want := range []string{`Creation Time: 2009021323313000`, `Volume id\s*: 'ISOIMAGE'`, `Feb 13 +2009 '/a.txt'`} {
		if !regexp.MustCompile(want).MatchString(report) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

// testISOLarge puts 1,500 small files with varied modes, owners and times
// in 30 directories, and a 10 MB host file, into an ISO, and compares
// xorriso's listing of every entry with the tree.
func testISOLarge(t *testing.T, bin string) {
	needTools(t, "xorriso")
	dir := t.TempDir()
	big := make([]byte, 10<<20)
	for i := range big {
		big[i] = byte(i*7 + i>>11)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.bin"), big, 0o600); err != nil {
		t.Fatal(err)
	}
	runImageScript(t, bin, dir, "large", `
local image = require "image"
local t = image.tree{ mtime = 1500000000 }
for d = 1, 30 do
  for f = 1, 50 do
    t:file(string.format("dir%02d/file-%03d ü.txt", d, f), { data = string.format("%d/%d\n", d, f),
      mode = (f % 7 == 0) and "0600" or "0644", uid = f % 5 == 0 and 1000 or 0,
      gid = f % 11 == 0 and 50 or 0, mtime = f % 3 == 0 and 1600000000 or nil })
  end
end
t:file("big.bin", { host = "big.bin" })
image.iso{ tree = t, volid = "LARGE" }:write("large.iso")
`)
	list := tool(t, dir, "xorriso", "-no_rc", "-indev", "large.iso", "-find", "/", "-exec", "lsdl")
	got := map[string]string{}
	for _, l := range strings.Split(list, "\n") {
		if i := strings.Index(l, "'/"); i > 0 && len(l) > 10 && l[10] == ' ' {
			f := strings.Fields(l[:i])
			got[l[i:]] = strings.Join([]string{f[0], f[2], f[3], f[4], f[7]}, " ")
		}
	}
	want := map[string]string{
		"'/'":        "drwxr-xr-x 0 0 0 2017",
		"'/big.bin'": "-rw-r--r-- 0 0 10485760 2017",
	}
	for d := 1; d <= 30; d++ {
		dn := "'/dir" + twoDigits(d)
		want[dn+"'"] = "drwxr-xr-x 0 0 0 2017"
		for f := 1; f <= 50; f++ {
			mode, uid, gid, year := "-rw-r--r--", "0", "0", "2017"
			if f%7 == 0 {
				mode = "-rw-------"
			}
			if f%5 == 0 {
				uid = "1000"
			}
			if f%11 == 0 {
				gid = "50"
			}
			if f%3 == 0 {
				year = "2020"
			}
			size := len(strconv.Itoa(d) + "/" + strconv.Itoa(f) + "\n")
			name := dn + "/file-" + strings.Repeat("0", 3-len(strconv.Itoa(f))) + strconv.Itoa(f) + " ü.txt'"
			want[name] = strings.Join([]string{mode, uid, gid, strconv.Itoa(size), year}, " ")
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("listing of %d entries differs from the tree (-want +got):\n%s", len(want), diff)
	}
	out := filepath.Join(dir, "big.out")
	tool(t, dir, "xorriso", "-no_rc", "-osirrox", "on", "-indev", "large.iso", "-extract", "/big.bin", out)
	if fileSum(t, out) != sha256.Sum256(big) {
		t.Errorf("the 10 MB file came back different")
	}
}

func twoDigits(n int) string {
	s := strconv.Itoa(n)
	if len(s) < 2 {
		s = "0" + s
	}
	return s
}

// testGrubScriptCheck gives generated and edited grub.cfg files to GRUB's
// own parser. grub-script-check comes with grub-common (scripts/setup.sh).
func testGrubScriptCheck(t *testing.T, bin string) {
	needTools(t, "grub-script-check")
	dir := t.TempDir()
	debian, err := os.ReadFile("../dsl/image/grubcfg/testdata/debian.cfg")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "grub.cfg"), debian, 0o644); err != nil {
		t.Fatal(err)
	}
	runImageScript(t, bin, dir, "gen", `
local image = require "image"
image.textfile(image.grub{
  timeout = 5, default = "debian", serial = { unit = 1, speed = 9600 }, header = { "insmod part_gpt" },
  entries = {
    { title = "Debian GNU/Linux", id = "debian", class = { "debian", "gnu-linux" },
      commands = { "insmod gzio" }, linux = "/boot/vmlinuz", initrd = "/boot/initrd.img",
      args = { "root=UUID=6f1c7b0e ro", label = "my disk", x = "it's" } },
    { submenu = "Advanced options", entries = {
      { title = "Recovery (it's safe) $x \"q\"", linux = "/boot/vmlinuz", args = "single $vt_handoff",
        efi = true, initrd = { "/boot/ucode.img", "/boot/initrd.img" } } } },
  },
}):write("gen.cfg")
local g = image.grubcfg.read("grub.cfg")
local e = g:find("Debian GNU/Linux")
local c = e:copy()
c:set_title("It's \"x\" $y")
c:set_id("a b")
c:set_args(image.cmdline(e:args(), { label = "a b", q = "it's" }))
g:insert(c, { before = e })
g:insert(e:copy(), { into = g:find("Advanced options for Debian GNU/Linux") })
g:set_timeout(3)
g:set_default("it's")
image.textfile(g:text()):write("edited.cfg")
`)
	for _, f := range []string{"grub.cfg", "gen.cfg", "edited.cfg"} {
		tool(t, dir, "grub-script-check", f)
	}
}

// testISOHybrid appends the EFI image as MBR partition 2 (type EF) as well:
// sfdisk sees it, and its bytes are the FAT that El Torito points to.
func testISOHybrid(t *testing.T, bin string) {
	needTools(t, "xorriso", "sfdisk", "fsck.fat", "cc")
	dir := t.TempDir()
	runImageScript(t, bin, dir, "hybrid", `
local image = require "image"
local t = image.tree{ mtime = 1700000000 }
t:file("EFI/BOOT/README", { data = "see the ESP\n" })
local esp = image.fat{ fat = 16, size = "8M", label = "ESP", seed = "h",
  files = { { path = "EFI/BOOT/BOOTX64.EFI", data = string.rep("MZ", 3000) } } }
local iso = image.iso{ tree = t, volid = "HYBRID", efi = { fat = esp, path = "EFI/esp.img", partition = true } }
iso:write("hybrid.iso")
terra main() : int return iso.writer("exe.iso") end
`)
	dump := tool(t, dir, "sfdisk", "-d", "hybrid.iso")
	m := regexp.MustCompile(`hybrid.iso2 : start=\s*(\d+), size=\s*16384, type=ef`).FindStringSubmatch(dump)
	if m == nil {
		t.Fatalf("no EF partition of 8 MiB in:\n%s", dump)
	}
	start, _ := strconv.Atoi(m[1])
	img, err := os.ReadFile(filepath.Join(dir, "hybrid.iso"))
	if err != nil {
		t.Fatal(err)
	}
	if len(img) < start*512+8<<20 {
		t.Fatalf("image of %d bytes ends before its partition 2", len(img))
	}
	part := img[start*512 : start*512+8<<20]
	if err := os.WriteFile(filepath.Join(dir, "part2.img"), part, 0o644); err != nil {
		t.Fatal(err)
	}
	tool(t, dir, "fsck.fat", "-n", "part2.img")
	tool(t, dir, "xorriso", "-no_rc", "-osirrox", "on", "-indev", "hybrid.iso", "-extract", "/EFI/esp.img", "eltorito.img")
	if fileSum(t, filepath.Join(dir, "eltorito.img")) != sha256.Sum256(part) {
		t.Errorf("partition 2 and the El Torito EFI image differ")
	}
	report := tool(t, dir, "xorriso", "-no_rc", "-indev", "hybrid.iso", "-report_el_torito", "plain")
	if !strings.Contains(report, "El Torito img path :   1  /EFI/esp.img") {
		t.Errorf("EFI boot entry missing:\n%s", report)
	}
	cmd := exec.Command(bin, "build", "hybrid.t", "-o", "hybrid")
	cmd.Dir, cmd.Env = dir, imageEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("terrac build: %v\n%s", err, out)
	}
	cmd = exec.Command("./hybrid")
	cmd.Dir, cmd.Env = dir, []string{}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("./hybrid: %v\n%s", err, out)
	}
	if fileSum(t, filepath.Join(dir, "hybrid.iso")) != fileSum(t, filepath.Join(dir, "exe.iso")) {
		t.Errorf("the compiled builder wrote a different hybrid ISO")
	}
}
