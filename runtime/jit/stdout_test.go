package jit

import (
	"os"
	"os/exec"
	"testing"
	"unsafe"
)

const stdoutIR = `
declare i32 @printf(i8*, ...)
declare void @terrac_stdout_write(i8*, i64)
@fmt = private constant [11 x i8] c"printf %d\0A\00"
@raw = private constant [7 x i8] c"shim 3\0A"

define void @t_printf_wrap(i8* %args, i8* %ret) {
  %p = bitcast i8* %args to i32*
  %n = load i32, i32* %p
  %r = call i32 (i8*, ...) @printf(i8* getelementptr ([11 x i8], [11 x i8]* @fmt, i64 0, i64 0), i32 %n)
  ret void
}

define void @t_shim_write(i8* %args, i8* %ret) {
  call void @terrac_stdout_write(i8* getelementptr ([7 x i8], [7 x i8]* @raw, i64 0, i64 0), i64 7)
  ret void
}
`

// TestStdoutHelper is the child process of TestStdoutOrder.
func TestStdoutHelper(t *testing.T) {
	if os.Getenv("TERRAC_JIT_STDOUT_HELPER") == "" {
		t.Skip("helper process only")
	}
	j := addFresh(t, "", stdoutIR)
	pf := lookup(t, j, "printf_wrap")
	sw := lookup(t, j, "shim_write")
	StdoutWriteString("lua 1\n")
	n := int32(2)
	if err := Call(pf, unsafe.Pointer(&n), nil); err != nil {
		t.Fatal(err)
	}
	if err := Call(sw, nil, nil); err != nil {
		t.Fatal(err)
	}
	StdoutWrite([]byte("lua 4\n"))
	n = 5
	if err := Call(pf, unsafe.Pointer(&n), nil); err != nil {
		t.Fatal(err)
	}
	Stdout.Write([]byte("lua 6\n"))
	Flush()
	os.Exit(0) // skip the testing package's own output on fd 1
}

func TestStdoutOrder(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestStdoutHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), "TERRAC_JIT_STDOUT_HELPER=1")
	out, err := cmd.Output() // stdout is a pipe: C's stdout is fully buffered
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	want := "lua 1\nprintf 2\nshim 3\nlua 4\nprintf 5\nlua 6\n"
	if string(out) != want {
		t.Fatalf("stdout =\n%q\nwant\n%q", out, want)
	}
}
