package conformance

// TestSetupBootstrapsGo runs scripts/setup.sh --deps-only on a machine
// without Go 1.26: in a mount namespace where /usr/local/go is empty and
// no go is on PATH, it must install Debian's golang-go, fetch the Go
// toolchain module from the Go module proxy into .toolchain/go, and that
// Go must build terrac. It downloads about 70 MB and changes the host's
// apt state, so it runs only with TERRAC_TEST_BOOTSTRAP=1 (not in CI):
//
//	TERRAC_TEST_BOOTSTRAP=1 go test ./conformance -run TestSetupBootstrapsGo -v

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestSetupBootstrapsGo(t *testing.T) {
	if os.Getenv("TERRAC_TEST_BOOTSTRAP") != "1" {
		t.Skip("set TERRAC_TEST_BOOTSTRAP=1 to run (downloads Go, changes apt state)")
	}
	if os.Getuid() != 0 {
		t.Skip("needs root (apt-get, mount namespaces)")
	}
	needTools(t, "unshare", "mount")
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	// A copy of the scripts, so .toolchain lands in a scratch tree.
	tree := t.TempDir()
	for _, f := range []string{"setup.sh", "test-kernel.sh"} {
		b, err := os.ReadFile(filepath.Join(root, "scripts", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(tree, "scripts"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tree, "scripts", f), b, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(tree, "terrac")
	// Inside the namespace /usr/local/go is an empty tmpfs, PATH has no Go
	// (Debian's /usr/bin/go, if an earlier run installed it, is Go 1.19),
	// and the toolchain setup.sh fetched must build terrac.
	script := `set -e
mount -t tmpfs none /usr/local/go
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
if command -v go >/dev/null; then go version; fi
"$TREE/scripts/setup.sh" --deps-only
"$TREE/.toolchain/go/bin/go" version
cd "$ROOT" && "$TREE/.toolchain/go/bin/go" build -o "$OUT" ./cmd/terrac
`
	cmd := exec.Command("unshare", "-m", "--propagation", "private", "bash", "-c", script)
	cmd.Env = append(os.Environ(), "TREE="+tree, "ROOT="+root, "OUT="+out, "HOME="+tree)
	got, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bootstrap failed: %v\n%s", err, got)
	}
	if !strings.Contains(string(got), "go version go1.26") {
		t.Errorf("the fetched Go is not 1.26:\n%s", got)
	}
	v, err := exec.Command(out, "version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(v), "terrac ") {
		t.Errorf("the terrac it built does not run: %v\n%s", err, v)
	}
}
