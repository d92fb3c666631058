// This file tests that objects saved with terralib.saveobj follow the
// x86-64 SysV ABI when C calls them: structs by value of every class
// (INTEGER, SSE, mixed, MEMORY, arrays inside), register exhaustion, and
// C callbacks called from Terra through function pointers.
package main

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSaveobjStructsFromC(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skip("the System V x86-64 ABI")
	}
	t.Parallel()
	dir := t.TempDir()
	src, err := filepath.Abs(filepath.Join("testdata", "abi"))
	if err != nil {
		t.Fatal(err)
	}
	r := runCmd(t, dir, nil, terrac(t), filepath.Join(src, "abi.t"), "abi.o")
	if r.Code != 0 {
		t.Fatalf("saving abi.o: exit %d\n%s", r.Code, r.Stderr)
	}
	want := `ip_swap -2 1
fp_scale 3 -4.5
f3_rot 2 3 1
mx_add -7 100.75
dm_make 2.5 42
sm_bump -4 600 4.5
big_mix 3298534883328 3.5 4 1099511627773
arr_rev 3 2 1 1.5
da_sum 1000.125
ba_sum 3000
many 91.96875
pass_big 1111.75
call_ip 46
call_fp 4 -2
call_mx 21.5
call_big 17179869192
call_arr 238
odd 2.5 36 1104.875
c3_make -1 0 1
ns_make 7 -7 2.5
ll_make 1125899906842624 -3377699720527872
fi_make -3.75 -3
`
	// Both C compilers, optimized and not: each must agree with the
	// object's calling convention.
	for _, c := range [][]string{{"cc", "-O0"}, {"clang-14", "-O2"}} {
		if _, err := exec.LookPath(c[0]); err != nil {
			t.Logf("no %s", c[0])
			continue
		}
		exe := "abi_" + c[0]
		cc := runCmd(t, dir, nil, c[0], c[1], "-Wall", "-Werror", "-o", exe, filepath.Join(src, "abi_main.c"), "abi.o")
		if cc.Code != 0 {
			t.Fatalf("%s: compiling abi_main.c:\n%s", c[0], cc.Stderr)
		}
		r := runCmd(t, dir, nil, filepath.Join(dir, exe))
		if diff := cmp.Diff(result{want, "", 0}, r); diff != "" {
			t.Errorf("%s %s: running the C program (-want +got):\n%s", c[0], c[1], diff)
		}
	}
}
