// This file implements the kernel table: each benchmark as C (clang-14 and
// gcc) and as a .t program, interleaved runs, medians and ratios.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// form is one way of running a kernel.
type form struct {
	name string
	argv []string
	res  []result
}

func (f *form) kernelTimes() []float64 {
	var xs []float64
	for _, r := range f.res {
		if r.err == nil && r.kernel >= 0 {
			xs = append(xs, r.kernel)
		}
	}
	return xs
}

func (f *form) rss() []int64 {
	var xs []int64
	for _, r := range f.res {
		xs = append(xs, r.rssKB)
	}
	return xs
}

func (f *form) walls() []float64 {
	var xs []float64
	for _, r := range f.res {
		if r.err == nil {
			xs = append(xs, r.wall)
		}
	}
	return xs
}

// builtForm is the executable `terrac build` makes from src at -O3, or nil
// if terrac cannot build it (a terrac without build, or a build failure,
// which is then reported).
func builtForm(root, tmp, terrac, name, src string) (*form, string) {
	exe := filepath.Join(tmp, name+".terra")
	out, err := runCmd(root, nil, terrac, "build", src, "-o", exe, "-O3")
	if err != nil {
		return nil, strings.TrimSpace(string(out))
	}
	if _, err := os.Stat(exe); err != nil {
		return nil, "no executable"
	}
	return &form{name: "terrac build", argv: []string{exe}}, ""
}

func kernelTable(b *strings.Builder, root, tmp, terrac string) {
	want := map[string]bool{}
	for _, n := range strings.Split(*only, ",") {
		if n != "" {
			want[n] = true
		}
	}
	fmt.Fprintf(b, "## Generated code\n\nKernel CPU time in seconds (median), C compiled with `%s`.\n\n", strings.Join(cflags, " "))
	b.WriteString("| kernel | clang-14 | gcc | terrac (JIT) | terrac build | JIT/clang | build/clang | JIT/gcc | terrac wall incl. JIT | peak RSS clang / gcc / JIT / build | output |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n")
	var notes []string
	for _, k := range kernels {
		if len(want) > 0 && !want[k.name] {
			continue
		}
		csrc := filepath.Join(root, "bench", "kernels", k.name+".c")
		tsrc := filepath.Join(root, "bench", "kernels", k.name+".t")
		var forms []*form
		for _, cc := range []string{"clang-14", "gcc"} {
			exe := filepath.Join(tmp, k.name+"."+cc)
			args := append(append([]string{}, cflags...), "-I", filepath.Join(root, "bench", "kernels"), "-o", exe, csrc, "-lm")
			if out, err := runCmd(root, nil, cc, args...); err != nil {
				notes = append(notes, fmt.Sprintf("%s: %s failed: %v %s", k.name, cc, err, out))
				continue
			}
			forms = append(forms, &form{name: cc, argv: []string{exe}})
		}
		forms = append(forms, &form{name: "terrac", argv: []string{terrac, tsrc}})
		if bf, msg := builtForm(root, tmp, terrac, k.name, tsrc); bf != nil {
			forms = append(forms, bf)
		} else {
			notes = append(notes, fmt.Sprintf("%s: terrac build failed: %s", k.name, msg))
		}
		for i := 0; i < *runs; i++ {
			for _, f := range forms {
				f.res = append(f.res, runProg(root, nil, f.argv...))
			}
		}
		get := func(name string) *form {
			for _, f := range forms {
				if f.name == name {
					return f
				}
			}
			return &form{}
		}
		clang, gcc, terra, built := get("clang-14"), get("gcc"), get("terrac"), get("terrac build")
		status := "same as clang"
		for _, f := range forms {
			for _, r := range f.res {
				if r.err != nil {
					status = "FAILED (" + f.name + ")"
					notes = append(notes, fmt.Sprintf("%s: %v", k.name, r.err))
					break
				}
				if len(clang.res) > 0 && clang.res[0].err == nil && r.output != clang.res[0].output {
					status = "DIFFERS (" + f.name + ")"
				}
			}
		}
		mc, mg, mt, mb := median(clang.kernelTimes()), median(gcc.kernelTimes()), median(terra.kernelTimes()), median(built.kernelTimes())
		ratio := func(a, b float64) string {
			if a <= 0 || b <= 0 {
				return "-"
			}
			return fmt.Sprintf("%.3f", a/b)
		}
		name := k.name
		if k.staged {
			name += " (staged .t vs generic C)"
		}
		fmt.Fprintf(b, "| %s | %.3f | %.3f | %.3f | %.3f | **%s** | **%s** | %s | %.3f | %s / %s / %s / %s | %s |\n",
			name, mc, mg, mt, mb, ratio(mt, mc), ratio(mb, mc), ratio(mt, mg), median(terra.walls()),
			mib(maxOf(clang.rss())), mib(maxOf(gcc.rss())), mib(maxOf(terra.rss())), mib(maxOf(built.rss())), status)
	}
	if len(notes) > 0 {
		b.WriteString("\nProblems:\n\n")
		for _, n := range notes {
			fmt.Fprintf(b, "- %s\n", strings.ReplaceAll(strings.TrimSpace(n), "\n", " "))
		}
	}
}
