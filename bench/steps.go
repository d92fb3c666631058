// This file implements the image step engine's rebuild table: a ten-step
// graph (bench/tool/steps.t, one input of 64 MB) is built once, then rebuilt
// with nothing changed, through terrac and as a builder compiled by
// `terrac build`, and once after touching the 64 MB input (same bytes, new
// mtime: it is hashed again).
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

func stepsTable(b *strings.Builder, root, tmp, terrac string) {
	b.WriteString("\n## Image step engine\n\nA rebuild with nothing changed of the ten-step graph in `bench/tool/steps.t` (one 64 MB input). Medians; peak RSS is the largest over the runs.\n\n")
	b.WriteString("| measure | median | target | process CPU (user+sys) | peak RSS | runs |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
	dir := filepath.Join(tmp, "steps")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fail(err)
	}
	script, err := os.ReadFile(filepath.Join(root, "bench", "tool", "steps.t"))
	if err != nil {
		fail(err)
	}
	big := make([]byte, 64<<20)
	x := uint32(1)
	for i := range big {
		x = x*1664525 + 1013904223
		big[i] = byte(x >> 24)
	}
	var src strings.Builder
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&src, "the quick brown fox %d jumps over the lazy dog\n", i)
	}
	for name, data := range map[string][]byte{"steps.t": script, "big.bin": big, "src.txt": []byte(src.String())} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			fail(err)
		}
	}
	row := func(name string, rs []result, target string) {
		var xs, cpu []float64
		var rss []int64
		for _, r := range rs {
			if r.err != nil {
				fmt.Fprintf(b, "| %s | FAILED: %s | %s | | | |\n", name, strings.ReplaceAll(strings.TrimSpace(r.err.Error()), "\n", " "), target)
				return
			}
			xs, cpu, rss = append(xs, r.wall), append(cpu, r.cpu), append(rss, r.rssKB)
		}
		fmt.Fprintf(b, "| %s | %.1f ms | %s | %.1f ms | %s | %d |\n", name, median(xs)*1e3, target, median(cpu)*1e3, mib(maxOf(rss)), len(rs))
	}
	now := []string{"BUILD_NOW=1"}
	first := runProg(dir, now, terrac, "steps.t")
	row("first build through `terrac` (runs all ten steps)", []result{first}, "")
	if out, err := runCmd(dir, nil, terrac, "build", "steps.t", "-o", "builder"); err != nil {
		fail(fmt.Errorf("terrac build steps.t: %v\n%s", err, out))
	}
	n := max(*runs, 10)
	var jit, exe, hello []result
	cached := func(r result) result {
		if r.err == nil && strings.Count(r.output, " cached") != 10 {
			r.err = fmt.Errorf("a step ran: %s", r.output)
		}
		return r
	}
	for i := 0; i < n; i++ {
		jit = append(jit, cached(runProg(dir, now, terrac, "steps.t")))
		exe = append(exe, cached(runProg(dir, nil, filepath.Join(dir, "builder"))))
		hello = append(hello, runProg(root, nil, terrac, "run", filepath.Join(root, "bench", "tool", "hello.t")))
	}
	row("`terrac run hello.t`, for scale (same moments)", hello, "")
	row("rebuild, nothing changed, `terrac steps.t`", jit, "≤ 150 ms")
	row("rebuild, nothing changed, compiled builder", exe, "≤ 50 ms")
	var touched []result
	for i := 0; i < min(*runs, 3); i++ {
		t := time.Now().Add(time.Duration(i+1) * time.Second)
		if err := os.Chtimes(filepath.Join(dir, "big.bin"), t, t); err != nil {
			fail(err)
		}
		touched = append(touched, runProg(dir, nil, filepath.Join(dir, "builder")))
	}
	row("compiled builder after `touch big.bin` (64 MB hashed again, no step runs)", touched, "")
}
