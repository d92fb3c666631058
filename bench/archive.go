// This file implements the archive table: our cpio+gzip of a generated tree
// (about 20,000 files, 300 MB) against `find | cpio -o -H newc | gzip -6`.
package main

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// genTree writes the benchmark tree under dir and returns the list of
// its paths (directories with a trailing "/"), sorted. The content is
// deterministic: two thirds word text, one third byte soup with
// repeats, so gzip works about as hard as on an initramfs.
func genTree(dir string) ([]string, int64, error) {
	rng := rand.New(rand.NewSource(14))
	words := strings.Fields("the of and to in is for on that with as by this be are from at or it an was which " +
		"kernel module init busybox config device driver mount root sys proc dev block char file system " +
		"lib usr bin sbin etc var tmp run boot efi grub linux vmlinuz initrd image partition table")
	var list []string
	var total int64
	for d := 0; d < 200; d++ {
		sub := fmt.Sprintf("d%03d/s%d", d, d%7)
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, 0, err
		}
		list = append(list, fmt.Sprintf("d%03d/", d), sub+"/")
		for f := 0; f < 100; f++ {
			size := 1000 + rng.Intn(29000)
			buf := make([]byte, 0, size+16)
			if f%3 != 2 {
				for len(buf) < size {
					buf = append(buf, words[rng.Intn(len(words))]...)
					if rng.Intn(12) == 0 {
						buf = append(buf, '\n')
					} else {
						buf = append(buf, ' ')
					}
				}
			} else {
				for len(buf) < size {
					if rng.Intn(4) == 0 && len(buf) > 64 {
						o := rng.Intn(len(buf) - 32)
						buf = append(buf, buf[o:o+8+rng.Intn(24)]...)
					} else {
						buf = append(buf, byte(rng.Intn(256)))
					}
				}
			}
			buf = buf[:size]
			p := fmt.Sprintf("%s/f%03d.dat", sub, f)
			if err := os.WriteFile(filepath.Join(dir, p), buf, 0o644); err != nil {
				return nil, 0, err
			}
			list = append(list, p)
			total += int64(size)
		}
	}
	sort.Strings(list)
	return list, total, nil
}

func archiveTable(b *strings.Builder, root, tmp, terrac string) {
	b.WriteString("\n## Image archives\n\n")
	tree := filepath.Join(tmp, "imgtree")
	list, total, err := genTree(tree)
	if err != nil {
		fmt.Fprintf(b, "generating the tree failed: %v\n", err)
		return
	}
	listPath := filepath.Join(tmp, "imglist")
	f, err := os.Create(listPath)
	if err != nil {
		fmt.Fprintf(b, "%v\n", err)
		return
	}
	w := bufio.NewWriter(f)
	for _, p := range list {
		fmt.Fprintln(w, p)
	}
	w.Flush()
	f.Close()
	fmt.Fprintf(b, "Tree: %d entries, %.0f MB of file data (generated, deterministic). Wall time, median of %d runs, runs interleaved.\n\n",
		len(list), float64(total)/1e6, *runs)

	script := filepath.Join(root, "bench", "image", "cpiogz.t")
	builder := filepath.Join(tmp, "cpiogz")
	env := []string{"LIST=" + listPath, "ROOT=" + tree}
	if out, err := runCmd(tmp, env, terrac, "build", script, "-o", builder); err != nil {
		fmt.Fprintf(b, "terrac build failed: %v\n%s\n", err, out)
		return
	}
	toolsOut := filepath.Join(tmp, "tools.cpio.gz")
	jitOut := filepath.Join(tmp, "jit.cpio.gz")
	exeOut := filepath.Join(tmp, "exe.cpio.gz")
	var tools, jit, exe []result
	for i := 0; i < *runs; i++ {
		tools = append(tools, runProg(tree, nil, "sh", "-c", "find . | cpio -o -H newc --quiet | gzip -6 > "+toolsOut))
		jit = append(jit, runProg(tmp, append(env, "OUT="+jitOut), terrac, script))
		exe = append(exe, runProg(tmp, nil, builder, exeOut))
	}
	size := func(p string) int64 {
		st, err := os.Stat(p)
		if err != nil {
			return -1
		}
		return st.Size()
	}
	wall := func(rs []result) (float64, string) {
		var xs []float64
		for _, r := range rs {
			if r.err != nil {
				return 0, "FAILED: " + strings.ReplaceAll(strings.TrimSpace(r.err.Error()), "\n", " ")
			}
			xs = append(xs, r.wall)
		}
		return median(xs), ""
	}
	tw, terr := wall(tools)
	b.WriteString("| form | wall | ratio to the tools | process CPU (user+sys) | peak RSS | output bytes | size vs tools |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, row := range []struct {
		name string
		rs   []result
		out  string
	}{
		{"`find . \\| cpio -o -H newc \\| gzip -6`", tools, toolsOut},
		{"`terrac cpiogz.t` (describe the tree, JIT, write)", jit, jitOut},
		{"builder from `terrac build cpiogz.t`", exe, exeOut},
	} {
		w, e := wall(row.rs)
		if e != "" || terr != "" {
			fmt.Fprintf(b, "| %s | %s%s | | | | | |\n", row.name, e, terr)
			continue
		}
		var cpu []float64
		var rss []int64
		for _, r := range row.rs {
			cpu = append(cpu, r.cpu)
			rss = append(rss, r.rssKB)
		}
		fmt.Fprintf(b, "| %s | %.2f s | **%.2f** | %.2f s | %s | %d | %+.2f%% |\n", row.name, w, w/tw, median(cpu), mib(maxOf(rss)),
			size(row.out), 100*float64(size(row.out)-size(toolsOut))/float64(size(toolsOut)))
	}
	b.WriteString("\nTarget (issue 14): ≤ 0.8 of the tools' wall time, output within 1%.\n")
}
