package repl

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmuxREPL drives `terrac` in a real pseudo-terminal through tmux.
type tmuxREPL struct {
	t      *testing.T
	socket string
}

func (r *tmuxREPL) tmux(args ...string) string {
	r.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", r.socket}, args...)...).CombinedOutput()
	if err != nil {
		r.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// line types text literally and presses Enter.
func (r *tmuxREPL) line(text string) {
	r.t.Helper()
	r.tmux("send-keys", "-t", "repl", "-l", text)
	r.tmux("send-keys", "-t", "repl", "Enter")
}

func (r *tmuxREPL) screen() string { return r.tmux("capture-pane", "-p", "-t", "repl", "-S", "-200") }

// waitLine waits until the screen has a line equal to want (trailing
// blanks ignored). The deadline only bounds a hung REPL.
func (r *tmuxREPL) waitLine(want string) {
	r.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		s := r.screen()
		for _, l := range strings.Split(s, "\n") {
			if strings.TrimRight(l, " ") == want {
				return
			}
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("screen never showed the line %q; screen:\n%s", want, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestREPLInTerminal(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; skipping the pseudo-terminal REPL test")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "terrac")
	if p := os.Getenv("TERRAC_BIN"); filepath.IsAbs(p) {
		// make test builds the command once for every package.
		if _, err := os.Stat(p); err != nil {
			t.Fatal(err)
		}
		bin = p
	} else if out, err := exec.Command("go", "build", "-o", bin, "terrac/cmd/terrac").CombinedOutput(); err != nil {
		t.Fatalf("building terrac: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(dir, "prog.t"), []byte("loaded = 99\nterra seven() : int return 7 end\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	hist := filepath.Join(dir, "cache", "history")
	r := &tmuxREPL{t: t, socket: fmt.Sprintf("terrac-repl-test-%d", os.Getpid())}
	cmd := fmt.Sprintf("cd %q && TERRAC_HISTORY=%q %q; echo REPL-EXITED; sleep 600", dir, hist, bin)
	r.tmux("new-session", "-d", "-s", "repl", "-x", "160", "-y", "60", cmd)
	t.Cleanup(func() { exec.Command("tmux", "-L", r.socket, "kill-server").Run() })
	r.waitLine("terra>")

	// A definition over several lines, then a call and the function.
	r.line("terra add(a : int, b : int) : int")
	r.waitLine("   ..>")
	r.line("  return a + b")
	r.line("end")
	r.line("add(4000, 242)")
	r.waitLine("4242")
	r.line("add")
	r.waitLine("terra function add : {int32,int32} -> int32")

	// Top-level locals persist; errors do not end the session.
	r.line("local x = 5")
	r.line("x * 3003")
	r.waitLine("15015")
	r.line("nosuch()")
	r.waitLine("stdin:1: attempt to call global 'nosuch' (a nil value)")
	r.line("x = = 1")
	r.waitLine("stdin:1:5: unexpected symbol near '='")
	r.line("= x + 1")
	r.waitLine("6")

	// Completion of table fields and struct fields.
	r.line("config = { verbose = 71 }")
	r.tmux("send-keys", "-t", "repl", "-l", "= config.verb")
	r.tmux("send-keys", "-t", "repl", "Tab")
	r.tmux("send-keys", "-t", "repl", "Enter")
	r.waitLine("terra> = config.verbose")
	r.waitLine("71")
	r.line("struct Pt { xx : int; yy : double }")
	r.line("pt = terralib.new(Pt, {1, 2.25})")
	r.tmux("send-keys", "-t", "repl", "-l", "= pt.y")
	r.tmux("send-keys", "-t", "repl", "Tab")
	r.tmux("send-keys", "-t", "repl", "Enter")
	r.waitLine("2.25")
	r.line("pt")
	r.waitLine("Pt{ xx = 1, yy = 2.25 }")

	// Ctrl-C drops the unfinished input.
	r.line("terra unfinished()")
	r.tmux("send-keys", "-t", "repl", "C-c")
	r.line("= 123")
	r.waitLine("123")

	// :load and :type.
	r.line(":load prog.t")
	r.line("= loaded + seven()")
	r.waitLine("106")
	r.line(":type seven")
	r.waitLine("{} -> int32")

	// Ctrl-D exits.
	r.tmux("send-keys", "-t", "repl", "C-d")
	r.waitLine("REPL-EXITED")

	st, err := os.Stat(hist)
	if err != nil {
		t.Fatalf("history file: %v", err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("history file mode = %v, want 0600", st.Mode().Perm())
	}
	data, _ := os.ReadFile(hist)
	if !strings.Contains(string(data), "add(4000, 242)") {
		t.Errorf("history does not hold the inputs:\n%s", data)
	}
}
