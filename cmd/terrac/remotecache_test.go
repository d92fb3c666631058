// This file tests the remote compiled-code cache against a real server:
// nginx with WebDAV PUT, started on loopback with a configuration written
// into the test's directory, as a team or CI would run it (the Bazel HTTP
// remote-cache protocol: /cas/<digest> and /ac/<digest>).
//
// nginx comes from scripts/setup.sh. Without it the test is skipped, or
// fails when TERRA_TESTS_REQUIRED=1.
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startNginx runs nginx on 127.0.0.1 serving root over WebDAV and returns
// its base URL; it is stopped when the test ends. Requests must carry
// "X-Terrac-Token: s3cret".
func startNginx(t *testing.T) (base, root string) {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		bin = "/usr/sbin/nginx" // Debian puts it outside a user's PATH
		if _, err := os.Stat(bin); err != nil {
			if os.Getenv("TERRA_TESTS_REQUIRED") == "1" {
				t.Fatal("nginx is not installed (scripts/setup.sh installs it)")
			}
			t.Skip("nginx is not installed")
		}
	}
	dir := t.TempDir()
	root = filepath.Join(dir, "root")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	user := ""
	if os.Geteuid() == 0 {
		// Workers would otherwise run as nobody and could not write
		// into the test's directory.
		user = "user root;"
	}
	conf := fmt.Sprintf(`%s
daemon off;
worker_processes 1;
pid %[2]s/nginx.pid;
error_log %[2]s/error.log;
events { worker_connections 64; }
http {
	access_log %[2]s/access.log;
	client_body_temp_path %[2]s/body;
	proxy_temp_path %[2]s/proxy;
	fastcgi_temp_path %[2]s/fastcgi;
	uwsgi_temp_path %[2]s/uwsgi;
	scgi_temp_path %[2]s/scgi;
	server {
		listen 127.0.0.1:%[3]d;
		root %[4]s;
		client_max_body_size 256m;
		location / {
			if ($http_x_terrac_token != "s3cret") { return 401; }
			dav_methods PUT;
			create_full_put_path on;
		}
	}
}
`, user, dir, port, root)
	cfg := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", dir, "-c", cfg, "-e", filepath.Join(dir, "error.log"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, _ := os.Create(filepath.Join(dir, "nginx.out"))
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cmd.Process.Signal(syscall.SIGQUIT)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
	}
	t.Cleanup(stop)
	base = fmt.Sprintf("http://127.0.0.1:%d", port)
	for deadline := time.Now().Add(10 * time.Second); ; {
		resp, err := http.Get(base + "/")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			o, _ := os.ReadFile(filepath.Join(dir, "nginx.out"))
			t.Fatalf("nginx did not start: %v\n%s%s", err, log, o)
		}
		time.Sleep(50 * time.Millisecond)
	}
	stopNginx = stop
	return base, root
}

// stopNginx stops the server of the running test (set by startNginx).
var stopNginx func()

// countFiles counts the regular files under dir.
func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

func TestRemoteCacheNginx(t *testing.T) {
	base, root := startNginx(t)
	url := base + "/team/terrac"
	tmp := t.TempDir()
	// Each run has its own HOME (so its own local cache under
	// ~/.cache/terrac) and its own working directory.
	runProg := func(prog, want, home string, extra ...string) (map[string]int, result) {
		t.Helper()
		env := append([]string{"HOME=" + filepath.Join(tmp, home), "TERRAC_CACHE=", "XDG_CACHE_HOME=",
			"TERRAC_JIT_STATS=1", "TERRAC_DEBUG_INFO=", "TERRAC_REMOTE_CACHE=" + url,
			"TERRAC_REMOTE_CACHE_HEADER=X-Terrac-Token: s3cret", "TERRAC_REMOTE_CACHE_READONLY="}, extra...)
		r := runCmd(t, copyProgram(t, prog), env, terrac(t), prog)
		if r.Code != 0 || r.Stdout != want {
			t.Fatalf("HOME %s: exit %d, stdout %q\n%s", home, r.Code, r.Stdout, r.Stderr)
		}
		return jitStats(t, r.Stderr), r
	}
	run := func(home string, extra ...string) (map[string]int, result) {
		t.Helper()
		return runProg("loops.t", "total 6311250\n", home, extra...)
	}
	local := func(home string) int { return countFiles(filepath.Join(tmp, home, ".cache", "terrac", "jit")) }

	first, r := run("alice")
	if first["optimize"] == 0 || first["cache-load"] != 0 {
		t.Fatalf("first run: %v", first)
	}
	if strings.Contains(r.Stderr, "remote cache") {
		t.Errorf("first run reported a remote problem:\n%s", r.Stderr)
	}
	cas, ac := countFiles(filepath.Join(root, "team", "terrac", "cas")), countFiles(filepath.Join(root, "team", "terrac", "ac"))
	if cas < first["optimize"] || ac < first["optimize"] {
		t.Fatalf("server holds %d cas and %d ac entries; want at least %d each", cas, ac, first["optimize"])
	}

	// Another user, empty local cache: everything comes from the server,
	// and lands in the local cache.
	second, r := run("bob")
	for _, stage := range []string{"parse", "optimize", "codegen", "codegen-tiny"} {
		if second[stage] != 0 {
			t.Errorf("second HOME: %d x %s, want 0 (stats %v)", second[stage], stage, second)
		}
	}
	if second["cache-load"] != first["optimize"] || local("bob") != first["optimize"] {
		t.Errorf("second HOME loaded %d objects, %d stored locally; want %d", second["cache-load"], local("bob"), first["optimize"])
	}
	if strings.Contains(r.Stderr, "remote cache") {
		t.Errorf("second run reported a remote problem:\n%s", r.Stderr)
	}

	// Read-only: another program compiles and fills the local cache,
	// and nothing is uploaded. Modules it shares with loops.t (the bridge
	// wrapper of a function type both call from Lua) still come from the
	// server and land locally too.
	before := countFiles(root)
	ro, _ := runProg("other.t", "343\n", "carol", "TERRAC_REMOTE_CACHE_READONLY=1")
	if ro["optimize"] == 0 || local("carol") != ro["optimize"]+ro["cache-load"] {
		t.Errorf("read-only run: stats %v, %d local entries", ro, local("carol"))
	}
	if n := countFiles(root); n != before {
		t.Errorf("read-only run changed the server: %d files, had %d", n, before)
	}

	// A wrong token: refused, reported once, and the run still works.
	bad, r := run("dave", "TERRAC_REMOTE_CACHE_HEADER=X-Terrac-Token: wrong")
	if bad["optimize"] != first["optimize"] || strings.Count(r.Stderr, "terrac: remote cache") != 1 {
		t.Errorf("wrong token: stats %v, stderr:\n%s", bad, r.Stderr)
	}

	// A dead server costs at most one short timeout, reported once.
	stopNginx()
	start := time.Now()
	dead, r := run("erin")
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("run against a dead server took %v", d)
	}
	if dead["optimize"] != first["optimize"] || strings.Count(r.Stderr, "terrac: remote cache") != 1 {
		t.Errorf("dead server: stats %v, stderr:\n%s", dead, r.Stderr)
	}
	t.Logf("dead server: %v\n%s", time.Since(start), r.Stderr)
	if local("erin") != first["optimize"] {
		t.Errorf("dead server: %d local entries, want %d", local("erin"), first["optimize"])
	}
}
