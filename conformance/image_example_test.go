package conformance

// examples/image/initramfs_disk.t, the complete example of docs/image.md,
// run with Debian's busybox-static and systemd-boot: the disk and the
// initramfs are read back with sfdisk, fsck.fat, mtools and cpio, and two
// runs in different directories with a different umask, HOME and TZ give
// the same bytes. The kernel is a generated file: booting is issue 15's.

import (
	"bytes"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const (
	busyboxPath = "/bin/busybox"
	sdbootPath  = "/usr/lib/systemd/boot/efi/systemd-bootx64.efi"
)

func needFile(t *testing.T, path, pkg string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("TERRA_TESTS_REQUIRED") == "1" {
			t.Fatalf("%s is missing (Debian package %s, installed by scripts/setup.sh)", path, pkg)
		}
		t.Skipf("%s is missing (Debian package %s)", path, pkg)
	}
}

func TestImageExample(t *testing.T) {
	needTools(t, "sfdisk", "fsck.fat", "mcopy", "cpio", "gzip")
	needFile(t, busyboxPath, "busybox-static")
	needFile(t, sdbootPath, "systemd-boot-efi")
	bin := terrac(t)
	script, err := filepath.Abs(filepath.Join("..", "examples", "image", "initramfs_disk.t"))
	if err != nil {
		t.Fatal(err)
	}
	kernel := filepath.Join(t.TempDir(), "vmlinuz")
	k := bytes.Repeat([]byte("not really a kernel\n"), 200000)
	if err := os.WriteFile(kernel, k, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(umask int, tz string) (disk, initrd []byte, dir string) {
		dir = t.TempDir()
		old := syscall.Umask(umask)
		defer syscall.Umask(old)
		cmd := exec.Command(bin, script, "out", kernel)
		cmd.Dir = dir
		cmd.Env = imageEnv("TZ="+tz, "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("terrac %s: %v\n%s", script, err, out)
		}
		var err error
		if disk, err = os.ReadFile(filepath.Join(dir, "out", "disk.img")); err != nil {
			t.Fatal(err)
		}
		if initrd, err = os.ReadFile(filepath.Join(dir, "out", "initrd.img")); err != nil {
			t.Fatal(err)
		}
		return disk, initrd, dir
	}
	disk1, initrd1, dir := run(0o022, "UTC")
	disk2, initrd2, _ := run(0o077, "Asia/Tokyo")
	if sha256.Sum256(disk1) != sha256.Sum256(disk2) || !bytes.Equal(initrd1, initrd2) {
		t.Errorf("two runs gave different images")
	}

	img := filepath.Join(dir, "out", "disk.img")
	parts := tool(t, dir, "sfdisk", "-d", img)
	for _, want := range []string{"label: gpt", "start=        2048, size=      131072, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B", `name="EFI System"`, `name="root"`} {
		if !strings.Contains(parts, want) {
			t.Errorf("sfdisk -d lacks %q:\n%s", want, parts)
		}
	}
	// The ESP, as an image of its own for fsck.fat.
	esp := filepath.Join(dir, "esp.img")
	if err := os.WriteFile(esp, disk1[2048*512:(2048+131072)*512], 0o644); err != nil {
		t.Fatal(err)
	}
	tool(t, dir, "fsck.fat", "-n", esp)
	got := tool(t, dir, "mtype", "-i", esp, "::/loader/entries/example.conf")
	for _, want := range []string{"title terrac example", "linux /vmlinuz", "initrd /initrd.img", "options console=ttyS0,115200 panic=5 rdinit=/init"} {
		if !strings.Contains(got, want) {
			t.Errorf("loader entry lacks %q:\n%s", want, got)
		}
	}
	for name, want := range map[string]string{"::/EFI/BOOT/BOOTX64.EFI": sdbootPath, "::/vmlinuz": kernel} {
		copyOut := filepath.Join(dir, "copied")
		os.Remove(copyOut)
		tool(t, dir, "mcopy", "-n", "-i", esp, name, copyOut)
		a, _ := os.ReadFile(copyOut)
		b, _ := os.ReadFile(want)
		if !bytes.Equal(a, b) {
			t.Errorf("%s on the ESP differs from %s", name, want)
		}
	}
	// The initramfs.
	cmd := exec.Command("sh", "-c", "gzip -dc out/initrd.img | cpio -itv --quiet")
	cmd.Dir = dir
	cmd.Env = imageEnv("TZ=UTC")
	list, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("cpio: %v\n%s", err, list)
	}
	for _, want := range []string{"-rwxr-xr-x   1 root     root", " init\n", "crw-------   1 root     root       5,   1", " dev/console\n",
		"lrwxrwxrwx", " bin/sh -> busybox\n", "drwxrwxrwt", " tmp\n", "-rw-------", " etc/shadow\n"} {
		if !strings.Contains(string(list), want) {
			t.Errorf("cpio -itv lacks %q:\n%s", want, list)
		}
	}
}
