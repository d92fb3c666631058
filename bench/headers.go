// This file implements the header import table (issue 16): one
// includecstring of stdio.h, stdlib.h, math.h and string.h, timed inside
// the program, cold (empty cache) and warm (cache on disk), with the
// process's CPU time beside it, and hello's start-up for scale.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func headerTable(b *strings.Builder, root, tmp, terrac string) {
	b.WriteString("\n## Header import\n\n`includecstring` of stdio.h, stdlib.h, math.h and string.h (`bench/tool/headers4.t`), timed in the program; the process columns are the whole `terrac` run. Medians.\n\n")
	b.WriteString("| measure | in program | process wall | process CPU (user+sys) | peak RSS | runs |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
	tool := func(n string) string { return filepath.Join(root, "bench", "tool", n) }
	row := func(name string, rs []result) {
		var in, wall, cpu []float64
		var rss []int64
		for _, r := range rs {
			if r.err != nil {
				fmt.Fprintf(b, "| %s | FAILED: %s | | | | |\n", name, strings.ReplaceAll(strings.TrimSpace(r.err.Error()), "\n", " "))
				return
			}
			in, wall, cpu, rss = append(in, r.kernel), append(wall, r.wall), append(cpu, r.cpu), append(rss, r.rssKB)
		}
		k := "–"
		if median(in) >= 0 {
			k = fmt.Sprintf("%.1f ms", median(in)*1e3)
		}
		fmt.Fprintf(b, "| %s | %s | %.1f ms | %.1f ms | %s | %d |\n", name, k, median(wall)*1e3, median(cpu)*1e3, mib(maxOf(rss)), len(rs))
	}
	cache := filepath.Join(tmp, "hcache")
	env := []string{"XDG_CACHE_HOME=" + cache, "TERRAC_CACHE=", "TERRAC_REMOTE_CACHE="}
	n := max(*runs, 5)
	var cold, coldHdr, warm, hello []result
	for i := 0; i < n; i++ {
		os.RemoveAll(cache)
		cold = append(cold, runProg(root, env, terrac, tool("headers4.t")))
		warm = append(warm, runProg(root, env, terrac, tool("headers4.t")))
		// Only the translated headers gone: what importing headers not
		// seen before costs once anything was imported (the compiler
		// probe is cached, kind cprobe).
		os.RemoveAll(filepath.Join(cache, "terrac", "cimport"))
		coldHdr = append(coldHdr, runProg(root, env, terrac, tool("headers4.t")))
		runProg(root, env, terrac, "run", tool("hello.t")) // fills the JIT cache
		hello = append(hello, runProg(root, env, terrac, "run", tool("hello.t")))
	}
	row("four headers, cold (empty cache)", cold)
	row("four headers, cold, other entries cached (compiler probe)", coldHdr)
	row("four headers, warm (cache on disk)", warm)
	row("`terrac run hello.t`, warm cache, for scale", hello)
}
