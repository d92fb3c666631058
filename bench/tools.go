// This file implements the toolchain table: start-up of terrac run on a
// hello world, includec cold and warm, JIT latency for 1,000 generated
// functions compiled on first call, and the conformance suite's time.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

func toolTable(b *strings.Builder, root, tmp, terrac string) {
	b.WriteString("\n## Toolchain\n\nMedians; peak RSS is the largest over the runs.\n\n")
	b.WriteString("| measure | median | target | process CPU (user+sys) | peak RSS | runs |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
	tool := func(n string) string { return filepath.Join(root, "bench", "tool", n) }
	row := func(name string, rs []result, pick func(result) float64, unit, target string) {
		var xs, cpu []float64
		var rss []int64
		for _, r := range rs {
			rss = append(rss, r.rssKB)
			cpu = append(cpu, r.cpu)
			if r.err != nil {
				fmt.Fprintf(b, "| %s | FAILED: %s | %s | | | |\n", name, strings.ReplaceAll(strings.TrimSpace(r.err.Error()), "\n", " "), target)
				return
			}
			xs = append(xs, pick(r))
		}
		m := median(xs)
		v := fmt.Sprintf("%.1f ms", m*1e3)
		if unit == "s" {
			v = fmt.Sprintf("%.2f s", m)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %.1f ms | %s | %d |\n", name, v, target, median(cpu)*1e3, mib(maxOf(rss)), len(rs))
	}
	wall := func(r result) float64 { return r.wall }
	kern := func(r result) float64 { return r.kernel }
	n := max(*runs, 10)

	// A private cache directory: the first run is cold, later ones warm.
	// It holds header imports and JIT objects (docs/cache.md).
	cache := filepath.Join(tmp, "cache")
	env := []string{"XDG_CACHE_HOME=" + cache, "TERRAC_CACHE=", "TERRAC_REMOTE_CACHE="}
	var cold, warm []result
	for i := 0; i < *runs; i++ {
		os.RemoveAll(cache)
		cold = append(cold, runProg(root, env, terrac, tool("includec.t")))
		warm = append(warm, runProg(root, env, terrac, tool("includec.t")))
	}
	row("`includec(\"stdio.h\")` cold (empty cache), in-program", cold, kern, "ms", "")
	row("`includec(\"stdio.h\")` warm (cache on disk), in-program", warm, kern, "ms", "< 10 ms")

	runProg(root, env, terrac, "run", tool("hello.t")) // warm the cache
	var hello []result
	for i := 0; i < n; i++ {
		hello = append(hello, runProg(root, env, terrac, "run", tool("hello.t")))
	}
	row("`terrac run hello.t` wall, warm cache", hello, wall, "ms", "≤ 45 ms")

	for _, j := range []struct{ file, what string }{
		{"jit1000.t", "1,000 generated functions with a loop"},
		{"jit1000expr.t", "1,000 generated one-expression functions"},
	} {
		// First runs compile: no JIT objects in the cache.
		var jit, warmJIT []result
		for i := 0; i < min(*runs, 3); i++ {
			os.RemoveAll(filepath.Join(cache, "terrac", "jit"))
			jit = append(jit, runProg(root, env, terrac, tool(j.file)))
			warmJIT = append(warmJIT, runProg(root, env, terrac, tool(j.file)))
		}
		row(j.what+", each JIT-compiled on first call from Lua (total)", jit, kern, "s", "≤ 1.0 s")
		row(j.what+", second run (JIT objects from the cache, total)", warmJIT, kern, "s", "≤ 0.3 s")
		perFn := make([]result, len(jit))
		for i, r := range jit {
			perFn[i] = r
			perFn[i].kernel = r.kernel / 1000
			perFn[i].cpu = r.cpu / 1000
		}
		row("… per function", perFn, kern, "ms", "≤ 1 ms")
	}

	if !*noConf {
		t0 := time.Now()
		r := runProg(root, nil, "go", "test", "-count=1", "./conformance")
		r.wall = time.Since(t0).Seconds()
		row("conformance suite (`go test -count=1 ./conformance`, incl. building terrac)", []result{r}, wall, "s", "")
	}
}
