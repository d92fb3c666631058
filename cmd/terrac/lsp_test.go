package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLSPNeovim drives `terrac lsp` from Neovim's own LSP client
// (testdata/lsp/nvim.lua): both diagnostics of a file with a type error
// and an uncalled broken function arrive at their lines, and hover on a
// function shows its type.
func TestLSPNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("TERRA_TESTS_REQUIRED") == "1" {
			t.Fatal("nvim is not installed (scripts/setup.sh installs it)")
		}
		t.Skip("nvim is not installed")
	}
	bin := terrac(t)
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("testdata", "lsp", "errors.t"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "errors.t")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "lsp", "nvim.lua"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nvim, "--headless", "--clean", "-n", "-i", "NONE", "-u", "NONE", "-c", "luafile "+script)
	cmd.Dir = dir
	// A private home: no user configuration, no state left behind.
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir+"/config", "XDG_DATA_HOME="+dir+"/data",
		"XDG_STATE_HOME="+dir+"/state", "XDG_CACHE_HOME="+dir+"/cache", "TERRAC_CACHE="+dir+"/terrac-cache",
		"TERRAC_BIN="+bin, "LSP_FILE="+file)
	out, err := cmd.CombinedOutput()
	text := string(out)
	if err != nil {
		t.Fatalf("nvim: %v\n%s", err, text)
	}
	for _, want := range []string{
		"diagnostic 18:19 invalid conversion from &int8 to int32",
		"diagnostic 22:10 invalid conversion from niltype to int32",
		"ok two diagnostics",
		"ok hover shows add's type",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in nvim's output:\n%s", want, text)
		}
	}
	if strings.Contains(text, "FAIL") {
		t.Errorf("nvim's checks failed:\n%s", text)
	}
}
