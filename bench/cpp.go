// This file implements the terra++ table: each pair bench/cpp/NAME.t and
// bench/cpp/NAME.cpp (found by glob), the C++17 side compiled by
// clang++-14 and the .t side built by terrac, interleaved runs, medians
// and the ratio against the target.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// cxxflags are clang++'s flags: the issue's `-O3 -march=native`, C++17,
// and -ffp-contract=off for the reason given at cflags.
var cxxflags = []string{"-std=c++17", "-O3", "-march=native", "-ffp-contract=off"}

// cppTargets are the ratio targets (terrac build / clang++) of issue 13.
var cppTargets = map[string]float64{
	"virtual": 1.05, "vecsort": 1.10, "wordcount": 1.10, "sharedtree": 1.10,
}

// cppPrograms lists the names with both NAME.t and NAME.cpp in dir.
func cppPrograms(dir string) []string {
	ts, _ := filepath.Glob(filepath.Join(dir, "*.t"))
	var names []string
	for _, t := range ts {
		name := strings.TrimSuffix(filepath.Base(t), ".t")
		if _, err := os.Stat(filepath.Join(dir, name+".cpp")); err == nil {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

func cppTable(b *strings.Builder, root, tmp, terrac string) {
	want := map[string]bool{}
	for _, n := range strings.Split(*only, ",") {
		if n != "" {
			want[n] = true
		}
	}
	dir := filepath.Join(root, "bench", "cpp")
	fmt.Fprintf(b, "\n## terra++ against C++\n\nbench/cpp/NAME.t (the `cpp` library: vector, string, hashmap, shared_ptr, sort, classes) beside bench/cpp/NAME.cpp (C++17 with the standard library), CPU time of the timed part in seconds (median); C++ compiled with `clang++-14 %s`, the .t with `terrac build -O3`.\n\n", strings.Join(cxxflags, " "))
	b.WriteString("| program | clang++-14 | terrac build | build/clang++ | target | min clang++ / build | peak RSS clang++ / build | output |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n")
	var notes []string
	for _, name := range cppPrograms(dir) {
		if len(want) > 0 && !want[name] {
			continue
		}
		var forms []*form
		exe := filepath.Join(tmp, name+".clang++")
		args := append(append([]string{}, cxxflags...), "-I", filepath.Join(root, "bench", "kernels"), "-o", exe, filepath.Join(dir, name+".cpp"))
		if out, err := runCmd(root, nil, "clang++-14", args...); err != nil {
			notes = append(notes, fmt.Sprintf("%s: clang++-14 failed: %v %s", name, err, out))
		} else {
			forms = append(forms, &form{name: "clang++-14", argv: []string{exe}})
		}
		if bf, msg := builtForm(root, tmp, terrac, "cpp-"+name, filepath.Join(dir, name+".t")); bf != nil {
			forms = append(forms, bf)
		} else {
			notes = append(notes, fmt.Sprintf("%s: terrac build failed: %s", name, msg))
		}
		for i := 0; i < *runs; i++ {
			for _, f := range forms {
				f.res = append(f.res, runProg(root, nil, f.argv...))
			}
		}
		get := func(n string) *form {
			for _, f := range forms {
				if f.name == n {
					return f
				}
			}
			return &form{}
		}
		cxx, built := get("clang++-14"), get("terrac build")
		status := "same as clang++"
		for _, f := range forms {
			for _, r := range f.res {
				if r.err != nil {
					status = "FAILED (" + f.name + ")"
					notes = append(notes, fmt.Sprintf("%s: %v", name, r.err))
					break
				}
				if len(cxx.res) > 0 && cxx.res[0].err == nil && r.output != cxx.res[0].output {
					status = "DIFFERS (" + f.name + ")"
				}
			}
		}
		mc, mb := median(cxx.kernelTimes()), median(built.kernelTimes())
		ratio, target := "-", ""
		if mc > 0 && mb > 0 {
			ratio = fmt.Sprintf("%.3f", mb/mc)
			if t, ok := cppTargets[name]; ok {
				met := "met"
				if mb/mc > t {
					met = "NOT met"
				}
				target = fmt.Sprintf("≤ %.2f %s", t, met)
			}
		}
		fmt.Fprintf(b, "| %s | %.3f | %.3f | **%s** | %s | %.3f / %.3f | %s / %s | %s |\n",
			name, mc, mb, ratio, target, minOf(cxx.kernelTimes()), minOf(built.kernelTimes()),
			mib(maxOf(cxx.rss())), mib(maxOf(built.rss())), status)
	}
	if len(notes) > 0 {
		b.WriteString("\nProblems:\n\n")
		for _, n := range notes {
			fmt.Fprintf(b, "- %s\n", strings.ReplaceAll(strings.TrimSpace(n), "\n", " "))
		}
	}
}

func minOf(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	m := xs[0]
	for _, x := range xs[1:] {
		m = min(m, x)
	}
	return m
}
