package conformance

// The project's own image scripts (images/, issue 15), built both ways and
// booted in QEMU: images/rescue.t is run by terrac and compiled by `terrac
// build` into a builder that runs without terrac, Go or LLVM; both give the
// same bytes. The disk boots through OVMF and systemd-boot (and its
// initramfs alone by -kernel/-initrd), provisions a second disk, and powers
// off; the host then checks that disk with sgdisk, sfdisk, e2fsck and
// debugfs.
//
// Needs qemu-system-x86, ovmf, busybox-static, systemd-boot-efi, e2fsprogs,
// gdisk, fdisk, dosfstools, mtools and a test kernel that
// scripts/test-kernel.sh fetches with apt-get download (network, once; then
// cached). Missing pieces skip, or fail under TERRA_TESTS_REQUIRED=1.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	ovmfCode     = "/usr/share/OVMF/OVMF_CODE_4M.fd"
	ovmfVars     = "/usr/share/OVMF/OVMF_VARS_4M.fd"
	rescueMarker = "TERRAC-RESCUE: up"
	rescueDone   = "TERRAC-RESCUE: provisioned"
	targetSize   = 256 << 20 // the layout in images/rescue.t
	dataOffset   = 67584 * 512
)

func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("TERRA_TESTS_REQUIRED") == "1" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// runWithoutToolchain runs a compiled builder (with run, in the test's
// directory) in a mount namespace where terrac's directory, Go and LLVM
// are empty, so it cannot lean on any of them; without root or unshare it
// runs as it is.
func runWithoutToolchain(t *testing.T, run func(string, ...string) string, bin, builder string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath("unshare"); err != nil || os.Geteuid() != 0 {
		t.Logf("not root or no unshare: the builder runs with terrac present")
		run(builder, args...)
		return
	}
	var sh strings.Builder
	for _, d := range []string{filepath.Dir(bin), "/usr/local/go", "/usr/lib/llvm-14"} {
		if _, err := os.Stat(d); err == nil {
			fmt.Fprintf(&sh, "mount -t tmpfs none '%s' && ", d)
		}
	}
	fmt.Fprintf(&sh, "'%s'", builder)
	for _, a := range args {
		fmt.Fprintf(&sh, " '%s'", a)
	}
	run("unshare", "-m", "sh", "-c", sh.String())
}

// testKernel returns the directory scripts/test-kernel.sh unpacks the test
// kernel into (vmlinuz, lib/modules/VERSION).
func testKernel(t *testing.T) string {
	t.Helper()
	needTools(t, "apt-get", "dpkg", "depmod")
	script, _ := filepath.Abs(filepath.Join("..", "scripts", "test-kernel.sh"))
	cmd := exec.Command("sh", script)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	out, err := cmd.Output()
	if err != nil {
		skipOrFail(t, "scripts/test-kernel.sh: %v\n%s", err, errb.String())
	}
	return strings.TrimSpace(string(out))
}

func sha256File(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// serialLog collects the guest's console output for waiting and printing.
type serialLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
	ch  chan struct{}
}

func (l *serialLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	l.buf.Write(p)
	l.mu.Unlock()
	select {
	case l.ch <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (l *serialLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// bootQEMU runs qemu with args, waits (markerLimit) for marker on the
// serial console and then (exitLimit) for the VM to power off by itself.
// It returns the serial log; on failure it prints the log.
func bootQEMU(t *testing.T, name string, args []string, marker string, markerLimit, exitLimit time.Duration) string {
	t.Helper()
	start := time.Now()
	cmd := exec.Command("qemu-system-x86_64", args...)
	log := &serialLog{ch: make(chan struct{}, 1)}
	cmd.Stdout, cmd.Stderr = log, log
	cmd.Stdin = nil
	if err := cmd.Start(); err != nil {
		t.Fatalf("qemu: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	fail := func(format string, a ...any) {
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("%s: %s\n--- serial log ---\n%s", name, fmt.Sprintf(format, a...), log.String())
	}
	deadline := time.After(markerLimit)
	var exited error
	seen, gone := false, false
	for !seen {
		if strings.Contains(log.String(), marker) {
			seen = true
			break
		}
		select {
		case <-log.ch:
		case exited = <-done:
			gone = true
			if !strings.Contains(log.String(), marker) {
				t.Fatalf("%s: qemu exited (%v) before %q\n--- serial log ---\n%s", name, exited, marker, log.String())
			}
		case <-deadline:
			fail("no %q within %v", marker, markerLimit)
		case <-time.After(time.Second):
		}
	}
	t.Logf("%s: marker after %.1f s", name, time.Since(start).Seconds())
	if !gone {
		select {
		case exited = <-done:
		case <-time.After(exitLimit):
			fail("the VM did not power off within %v of the marker", exitLimit)
		}
	}
	if exited != nil {
		t.Fatalf("%s: qemu: %v\n--- serial log ---\n%s", name, exited, log.String())
	}
	t.Logf("%s: powered off after %.1f s", name, time.Since(start).Seconds())
	return log.String()
}

// checkTarget checks the provisioned second disk from the host.
func checkTarget(t *testing.T, dir, img, serial string) {
	t.Helper()
	if !strings.Contains(serial, rescueDone) {
		t.Fatalf("no %q on the console\n--- serial log ---\n%s", rescueDone, serial)
	}
	if out := tool(t, dir, "sgdisk", "-v", img); !strings.Contains(out, "No problems found") {
		t.Errorf("sgdisk -v:\n%s", out)
	}
	parts := tool(t, dir, "sfdisk", "-d", img)
	for _, want := range []string{"label: gpt",
		`start=        2048, size=       65536, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4`, `name="spare"`,
		`start=       67584, size=      456671, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4`, `name="data"`} {
		if !strings.Contains(parts, want) {
			t.Errorf("sfdisk -d lacks %q:\n%s", want, parts)
		}
	}
	at := fmt.Sprintf("%s?offset=%d", img, dataOffset)
	tool(t, dir, "e2fsck", "-fn", at)
	if out := tool(t, dir, "debugfs", "-R", "cat /marker", at); !strings.Contains(out, "TERRAC-RESCUE: up provisioned") {
		t.Errorf("debugfs cat /marker:\n%s", out)
	}
	if out := tool(t, dir, "dumpe2fs", "-h", at); !strings.Contains(out, "Filesystem volume name:   data") {
		t.Errorf("dumpe2fs -h: no label data:\n%s", out)
	}
}

// listTree lists what dir holds, as sorted paths relative to it.
func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var list []string
	err := filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			list = append(list, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(list)
	return list
}

// provisionConfig is the PROVISION_CONFIG that rescue.t gave the provision
// step, read back from the step's definition in its stamp.
func provisionConfig(t *testing.T, out string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, ".image-state", "provision"))
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b, []byte("\x00PROVISION_CONFIG="))
	if i < 0 {
		t.Fatalf("no PROVISION_CONFIG in the provision step's stamp:\n%s", b)
	}
	v := b[i+len("\x00PROVISION_CONFIG="):]
	return string(v[:bytes.IndexByte(v, 0)])
}

func blankDisk(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(targetSize); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// copyPart copies n bytes at off of src into a new file dst.
func copyPart(t *testing.T, src, dst string, off, n int64) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, io.NewSectionReader(in, off, n)); err != nil {
		t.Fatal(err)
	}
	out.Close()
}

func TestImagesRescue(t *testing.T) {
	needTools(t, "sgdisk", "sfdisk", "e2fsck", "debugfs", "dumpe2fs", "fsck.fat", "mdir", "mke2fs", "ldd")
	needFile(t, busyboxPath, "busybox-static")
	needFile(t, sdbootPath, "systemd-boot-efi")
	kdir := testKernel(t)
	bin := terrac(t)
	script, err := filepath.Abs(filepath.Join("..", "images", "rescue.t"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	env := imageEnv("KERNEL_DIR="+kdir, "HOME="+dir)
	run := func(name string, args ...string) string {
		t.Helper()
		start := time.Now()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		t.Logf("%s %s: %.1f s", filepath.Base(name), strings.Join(args, " "), time.Since(start).Seconds())
		return string(out)
	}

	// Two runs of the script, the compiled builder run without terrac, Go
	// or LLVM: the same bytes.
	run(bin, script, "-o", "out1")
	run(bin, script, "-o", "out2")
	run(bin, "build", script, "-o", "rescue-builder")
	builder := filepath.Join(dir, "rescue-builder")
	libs := run("ldd", builder)
	for _, line := range strings.Split(strings.TrimSpace(libs), "\n") {
		name := strings.Fields(line)[0]
		ok := false
		for _, allowed := range []string{"linux-vdso.so", "/lib64/ld-linux-x86-64.so", "libc.so", "libm.so", "libz.so", "liblzma.so", "libcrypto.so"} {
			if strings.HasPrefix(name, allowed) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("the builder needs %s:\n%s", name, libs)
		}
	}
	runWithoutToolchain(t, run, bin, builder, "-o", "out3")
	want := map[string]string{}
	for _, o := range []string{"out1", "out2", "out3"} {
		for _, f := range []string{"rescue.img", "initrd.img"} {
			h := sha256File(t, filepath.Join(dir, o, f))
			if w, ok := want[f]; ok && w != h {
				t.Errorf("%s/%s differs from out1/%s", o, f, f)
			}
			want[f] = h
		}
	}
	t.Logf("rescue.img sha256 %s", want["rescue.img"])

	// The provisioning program is images/provision.t compiled by `terrac
	// build --cpu x86-64-v2`, a step of its own that a rerun finds cached.
	// Built by hand with the layout rescue.t passed it, without terrac's
	// compiled-code cache, twice: the same bytes as in both outputs.
	if sha256File(t, filepath.Join(dir, "out1", "provision")) != sha256File(t, filepath.Join(dir, "out2", "provision")) {
		t.Errorf("out1/provision and out2/provision differ")
	}
	if out := run(bin, script, "-o", "out1"); !strings.Contains(out, "[1/1] provision cached") {
		t.Errorf("a rerun rebuilt the provisioning program:\n%s", out)
	}
	cfg := provisionConfig(t, filepath.Join(dir, "out1"))
	for _, p := range []string{"prov-a", "prov-b"} {
		cmd := exec.Command(bin, "build", filepath.Join(filepath.Dir(script), "provision.t"), "--cpu", "x86-64-v2", "-o", p)
		cmd.Dir = dir
		cmd.Env = append(env, "TERRAC_CACHE=off", "PROVISION_CONFIG="+cfg)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("terrac build provision.t: %v\n%s", err, out)
		}
		if sha256File(t, filepath.Join(dir, p)) != sha256File(t, filepath.Join(dir, "out1", "provision")) {
			t.Errorf("terrac build provision.t -o %s gave other bytes than out1/provision", p)
		}
	}
	if libs := run("ldd", filepath.Join(dir, "prov-a")); strings.Contains(libs, "libLLVM") || !strings.Contains(libs, "libc.so") {
		t.Errorf("ldd provision:\n%s", libs)
	}

	// A rerun with nothing changed runs no step; a builder killed at the
	// start of step 2 completes when run again, redoing only that step.
	start := time.Now()
	if out := run(builder, "-o", "out3"); strings.Count(out, " cached") != 2 {
		t.Errorf("no-change rerun ran steps:\n%s", out)
	}
	t.Logf("no-change rerun of the builder: %.0f ms", time.Since(start).Seconds()*1000)
	kill := exec.Command(builder, "-o", "out4")
	kill.Dir = dir
	kill.Env = append(env, "IMAGE_KILL_AT=step-start:2")
	if out, err := kill.CombinedOutput(); err == nil {
		t.Errorf("IMAGE_KILL_AT=step-start:2 did not stop the builder:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "out4", "rescue.img")); err == nil {
		t.Errorf("the killed build left out4/rescue.img")
	}
	out := run(builder, "-o", "out4")
	if !strings.Contains(out, "initrd cached") || strings.Contains(out, "disk cached") {
		t.Errorf("the rerun after the kill should redo only the disk step:\n%s", out)
	}
	if sha256File(t, filepath.Join(dir, "out4", "rescue.img")) != want["rescue.img"] {
		t.Errorf("the resumed build gave another rescue.img")
	}

	// A missing kernel: one message, a non-zero exit, no output.
	bad := exec.Command(bin, script, "-o", "out-bad")
	bad.Dir = dir
	bad.Env = imageEnv("KERNEL_DIR="+filepath.Join(dir, "no-kernel"), "HOME="+dir)
	if msg, err := bad.CombinedOutput(); err == nil || !strings.Contains(string(msg), "no kernel in "+filepath.Join(dir, "no-kernel")) {
		t.Errorf("a missing kernel: %v\n%s", err, msg)
	}
	if _, err := os.Stat(filepath.Join(dir, "out-bad")); err == nil {
		t.Errorf("a failed build left out-bad/")
	}

	// A layout that does not fit (the boot disk's, the second disk's) and a
	// missing host file, in copies of the scripts: the message names the
	// script's line, and nothing is left. A provisioning program that does
	// not compile: the provision step fails with its log, which is all a
	// failed build leaves in the output directory. A host file that goes
	// missing before the builder runs: the builder names the step, the file
	// and the log, and leaves only the log.
	scripts := filepath.Dir(script)
	for _, c := range []struct{ name, file, from, to, want string }{
		{"small", "rescue.t", `size = "128M", seed = config.seed`, `size = "20M", seed = config.seed`, "rescue.t:"},
		{"target", "rescue.t", `type = "linux", size = "32M" }`, `type = "linux", size = "300M" }`, "beyond the disk"},
		{"nobusybox", "rescue.t", `busybox = "/bin/busybox"`, `busybox = "` + filepath.Join(dir, "nothere") + `"`, "cannot open host file " + filepath.Join(dir, "nothere")},
		{"provision", "provision.t", "local terra fail(", "local x = = 1\nlocal terra fail(", "step provision failed"},
		{"gone", "rescue.t", `busybox = "/bin/busybox"`, `busybox = "` + filepath.Join(dir, "bb") + `"`, ""},
	} {
		cdir := filepath.Join(dir, "bad-"+c.name)
		if err := os.MkdirAll(cdir, 0o755); err != nil {
			t.Fatal(err)
		}
		edit := func() {
			b, err := os.ReadFile(filepath.Join(scripts, c.file))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, []byte(c.from)) {
				t.Fatalf("%s no longer holds %q", c.file, c.from)
			}
			b = bytes.Replace(b, []byte(c.from), []byte(c.to), 1)
			if err := os.WriteFile(filepath.Join(cdir, c.file), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, f := range []string{"common.t", "provision.t", "rescue.t"} {
			b, err := os.ReadFile(filepath.Join(scripts, f))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(cdir, f), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		outdir := filepath.Join(cdir, "out")
		if c.name == "gone" {
			edit()
			b, err := os.ReadFile(busyboxPath)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "bb"), b, 0o755); err != nil {
				t.Fatal(err)
			}
			run(bin, "build", filepath.Join(cdir, "rescue.t"), "-o", filepath.Join(cdir, "builder"))
			os.Remove(filepath.Join(dir, "bb"))
			cmd := exec.Command(filepath.Join(cdir, "builder"), "-o", outdir)
			cmd.Env = env
			msg, err := cmd.CombinedOutput()
			realOut, _ := filepath.EvalSymlinks(outdir)
			if err == nil || !strings.Contains(string(msg), "step initrd: input "+filepath.Join(dir, "bb")) ||
				!strings.Contains(string(msg), "image: log: "+filepath.Join(realOut, ".logs", "initrd.log")) {
				t.Errorf("a host file gone before the builder runs: %v\n%s", err, msg)
			}
			if got := listTree(t, outdir); !slices.Equal(got, []string{".logs", ".logs/initrd.log"}) {
				t.Errorf("the failed builder left %v in its output directory, not only its log", got)
			}
			continue
		}
		if c.name == "provision" {
			// A good build first: changing provision.t then reruns its step
			// (which fails now), and the earlier build's files stay.
			run(bin, filepath.Join(cdir, "rescue.t"), "-o", filepath.Join(cdir, "out-good"))
			before := listTree(t, filepath.Join(cdir, "out-good"))
			edit()
			cmd := exec.Command(bin, filepath.Join(cdir, "rescue.t"), "-o", filepath.Join(cdir, "out-good"))
			cmd.Env = env
			if msg, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(msg), c.want) {
				t.Errorf("provision.t changed to not compile: %v\n%s", err, msg)
			}
			if got := listTree(t, filepath.Join(cdir, "out-good")); !slices.Equal(got, before) {
				t.Errorf("a failed rebuild changed what its output directory holds:\n%v\n%v", before, got)
			}
			// An output directory that holds a file of the user's.
			kept := filepath.Join(cdir, "out-kept")
			if err := os.MkdirAll(kept, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(kept, "notes"), []byte("mine\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd = exec.Command(bin, filepath.Join(cdir, "rescue.t"), "-o", kept)
			cmd.Env = env
			if msg, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(msg), c.want) {
				t.Errorf("provision.t that does not compile: %v\n%s", err, msg)
			}
			if got := listTree(t, kept); !slices.Equal(got, []string{".logs", ".logs/provision.log", "notes"}) {
				t.Errorf("the failed build left %v beside the user's file", got)
			}
		} else {
			edit()
		}
		cmd := exec.Command(bin, filepath.Join(cdir, "rescue.t"), "-o", outdir)
		cmd.Env = env
		msg, err := cmd.CombinedOutput()
		if err == nil || !strings.Contains(string(msg), c.want) {
			t.Errorf("%s: %v\n%s", c.name, err, msg)
		}
		if c.name == "provision" {
			realOut, _ := filepath.EvalSymlinks(outdir)
			log := filepath.Join(realOut, ".logs", "provision.log")
			if !strings.Contains(string(msg), "image: log: "+log) || !strings.Contains(string(msg), "unexpected symbol") {
				t.Errorf("the message lacks the log %s or the cause:\n%s", log, msg)
			}
			if got := listTree(t, outdir); !slices.Equal(got, []string{".logs", ".logs/provision.log"}) {
				t.Errorf("the failed build left %v, not only its log", got)
			}
			continue
		}
		if _, err := os.Stat(outdir); err == nil {
			t.Errorf("%s: the failed build left %s: %v", c.name, outdir, listTree(t, outdir))
		}
	}

	// The boot disk, as the tools see it.
	img := filepath.Join(dir, "out1", "rescue.img")
	if out := tool(t, dir, "sgdisk", "-v", img); !strings.Contains(out, "No problems found") {
		t.Errorf("sgdisk -v rescue.img:\n%s", out)
	}
	esp := filepath.Join(dir, "esp.img")
	copyPart(t, img, esp, 2048*512, (262144-2048-33)*512)
	tool(t, dir, "fsck.fat", "-n", esp)
	listing := tool(t, dir, "mdir", "-/", "-b", "-i", esp, "::/")
	for _, want := range []string{"::/EFI/BOOT/BOOTX64.EFI", "::/vmlinuz", "::/initrd.img", "::/loader/loader.conf", "::/loader/entries/rescue.conf"} {
		if !strings.Contains(listing, want) {
			t.Errorf("mdir lacks %s:\n%s", want, listing)
		}
	}

	needTools(t, "qemu-system-x86_64")
	limit, exitLimit := 180*time.Second, 120*time.Second
	t.Run("kernel", func(t *testing.T) {
		target := filepath.Join(dir, "target-kernel.img")
		blankDisk(t, target)
		serial := bootQEMU(t, "-kernel boot", []string{"-machine", "q35", "-m", "512", "-nographic", "-no-reboot",
			"-serial", "mon:stdio", "-kernel", filepath.Join(kdir, "vmlinuz"),
			"-initrd", filepath.Join(dir, "out1", "initrd.img"),
			"-append", "console=ttyS0,115200 panic=5 loglevel=4",
			"-drive", "file=" + img + ",if=virtio,format=raw,snapshot=on",
			"-drive", "file=" + target + ",if=virtio,format=raw"}, rescueMarker, limit, exitLimit)
		checkTarget(t, dir, target, serial)
	})
	t.Run("ovmf", func(t *testing.T) {
		needFile(t, ovmfCode, "ovmf")
		vars := filepath.Join(dir, "OVMF_VARS.fd")
		b, err := os.ReadFile(ovmfVars)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(vars, b, 0o644); err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(dir, "target-ovmf.img")
		blankDisk(t, target)
		serial := bootQEMU(t, "OVMF boot", []string{"-machine", "q35", "-m", "512", "-nographic", "-no-reboot",
			"-serial", "mon:stdio",
			"-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + ovmfCode,
			"-drive", "if=pflash,format=raw,unit=1,file=" + vars,
			"-drive", "file=" + img + ",if=virtio,format=raw,snapshot=on",
			"-drive", "file=" + target + ",if=virtio,format=raw"}, rescueMarker, limit, exitLimit)
		if !strings.Contains(serial, "EFI stub") && !strings.Contains(serial, "BdsDxe") {
			t.Logf("no firmware lines on the console:\n%s", serial)
		}
		checkTarget(t, dir, target, serial)
	})
}

// ovmfArgs are the QEMU arguments that boot disk img through OVMF with a
// fresh copy of the variable store.
func ovmfArgs(t *testing.T, dir, img string) []string {
	t.Helper()
	needFile(t, ovmfCode, "ovmf")
	b, err := os.ReadFile(ovmfVars)
	if err != nil {
		t.Fatal(err)
	}
	vars := filepath.Join(dir, "OVMF_VARS.fd")
	if err := os.WriteFile(vars, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{"-machine", "q35", "-m", "512", "-nographic", "-no-reboot", "-serial", "mon:stdio",
		"-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + ovmfCode,
		"-drive", "if=pflash,format=raw,unit=1,file=" + vars,
		"-drive", "file=" + img + ",if=virtio,format=raw"}
}

const (
	fwMarker  = "TERRAC-FIRMWARE: up"
	fwCmdline = "cmdline=[console=ttyS0,115200 loglevel=4 panic=5 terrac.fw=uki]"
	ukiStub   = "/usr/lib/systemd/boot/efi/linuxx64.efi.stub"
)

func TestImagesFirmware(t *testing.T) {
	needTools(t, "objdump", "sgdisk", "sfdisk", "fsck.fat", "mdir")
	needFile(t, busyboxPath, "busybox-static")
	needFile(t, ukiStub, "systemd-boot-efi")
	kdir := testKernel(t)
	bin := terrac(t)
	script, err := filepath.Abs(filepath.Join("..", "images", "firmware.t"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	env := imageEnv("KERNEL_DIR="+kdir, "HOME="+dir)
	run := func(name string, args ...string) string {
		t.Helper()
		start := time.Now()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		t.Logf("%s %s: %.1f s", filepath.Base(name), strings.Join(args, " "), time.Since(start).Seconds())
		return string(out)
	}
	run(bin, script, "-o", "out1")
	run(bin, script, "-o", "out2")
	run(bin, "build", script, "-o", "firmware-builder")
	runWithoutToolchain(t, run, bin, filepath.Join(dir, "firmware-builder"), "-o", "out3")
	for _, f := range []string{"uki.efi", "firmware.img", "rescue-partition.img", "initrd.img"} {
		h := sha256File(t, filepath.Join(dir, "out1", f))
		for _, o := range []string{"out2", "out3"} {
			if sha256File(t, filepath.Join(dir, o, f)) != h {
				t.Errorf("%s/%s differs from out1/%s", o, f, f)
			}
		}
	}

	// The PE layout: the stub's sections, then ours, in order, aligned,
	// with SizeOfImage covering them.
	uki := filepath.Join(dir, "out1", "uki.efi")
	hdr := tool(t, dir, "objdump", "-h", "-p", uki)
	for _, want := range []string{"file format pei-x86-64", "(EFI application)", ".osrel", ".cmdline", ".linux", ".initrd", ".sbat"} {
		if !strings.Contains(hdr, want) {
			t.Errorf("objdump -h -p lacks %q:\n%s", want, hdr)
		}
	}
	var last, end uint64
	ours := map[string]bool{".osrel": true, ".cmdline": true, ".linux": true, ".initrd": true}
	for _, line := range strings.Split(hdr, "\n") {
		f := strings.Fields(line)
		if len(f) == 7 && ours[f[1]] {
			var size, vma, off uint64
			fmt.Sscanf(f[2], "%x", &size)
			fmt.Sscanf(f[3], "%x", &vma)
			fmt.Sscanf(f[5], "%x", &off)
			if vma < last || vma%0x200 != 0 || off%0x200 != 0 {
				t.Errorf("section %s at VMA %#x, file offset %#x: out of order or unaligned", f[1], vma, off)
			}
			last, end = vma, vma+size
		}
	}
	var image uint64
	for _, line := range strings.Split(hdr, "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "SizeOfImage" {
			fmt.Sscanf(f[1], "%x", &image)
		}
	}
	if image < end {
		t.Errorf("SizeOfImage %#x < end of the last section %#x", image, end)
	}
	cmdline := tool(t, dir, "objcopy", "-O", "binary", "--only-section=.cmdline", uki, filepath.Join(dir, "cmdline.bin"))
	_ = cmdline
	if b, _ := os.ReadFile(filepath.Join(dir, "cmdline.bin")); !strings.Contains(string(b), "terrac.fw=uki") {
		t.Errorf(".cmdline holds %q", b)
	}
	for _, img := range []string{"firmware.img", "rescue-partition.img"} {
		p := filepath.Join(dir, "out1", img)
		if out := tool(t, dir, "sgdisk", "-v", p); !strings.Contains(out, "No problems found") {
			t.Errorf("sgdisk -v %s:\n%s", img, out)
		}
		esp := filepath.Join(dir, img+".esp")
		parts := tool(t, dir, "sfdisk", "-d", p)
		var start, size int64
		i := strings.Index(parts, "start=")
		if i < 0 {
			t.Fatalf("sfdisk -d %s:\n%s", img, parts)
		}
		fmt.Sscanf(parts[i:], "start= %d, size= %d", &start, &size)
		copyPart(t, p, esp, start*512, size*512)
		tool(t, dir, "fsck.fat", "-n", esp)
		if l := tool(t, dir, "mdir", "-/", "-b", "-i", esp, "::/"); !strings.Contains(l, "::/EFI/BOOT/BOOTX64.EFI") {
			t.Errorf("%s: mdir:\n%s", img, l)
		}
	}

	needTools(t, "qemu-system-x86_64")
	limit, exitLimit := 180*time.Second, 120*time.Second
	t.Run("uki", func(t *testing.T) {
		img := filepath.Join(dir, "fw-boot.img")
		copyPart(t, filepath.Join(dir, "out1", "firmware.img"), img, 0, 64<<20)
		serial := bootQEMU(t, "UKI boot", ovmfArgs(t, dir, img), fwMarker, limit, exitLimit)
		if !strings.Contains(serial, fwCmdline) {
			t.Errorf("the marker lacks the baked-in command line %q:\n%s", fwCmdline, serial)
		}
	})
	t.Run("rescue-partition", func(t *testing.T) {
		img := filepath.Join(dir, "rp-boot.img")
		copyPart(t, filepath.Join(dir, "out1", "rescue-partition.img"), img, 0, 160<<20)
		bootQEMU(t, "rescue partition boot", ovmfArgs(t, dir, img), fwMarker, limit, exitLimit)
		// Overwrite partitions 2..N (root and data) with zeros: it boots again.
		parts := tool(t, dir, "sfdisk", "-d", img)
		f, err := os.OpenFile(img, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, line := range strings.Split(parts, "\n") {
			var start, size int64
			i := strings.Index(line, "start=")
			if i < 0 || strings.Contains(line, `name="rescue"`) {
				continue
			}
			fmt.Sscanf(line[i:], "start= %d, size= %d", &start, &size)
			zero := make([]byte, 1<<20)
			for off := start * 512; off < (start+size)*512; off += int64(len(zero)) {
				k := min(int64(len(zero)), (start+size)*512-off)
				if _, err := f.WriteAt(zero[:k], off); err != nil {
					t.Fatal(err)
				}
			}
			n++
		}
		f.Close()
		if n != 2 {
			t.Fatalf("zeroed %d partitions, want 2:\n%s", n, parts)
		}
		serial := bootQEMU(t, "rescue partition boot after zeroing", ovmfArgs(t, dir, img), fwMarker, limit, exitLimit)
		if !strings.Contains(serial, fwCmdline) {
			t.Errorf("the marker lacks the command line:\n%s", serial)
		}
	})
}
