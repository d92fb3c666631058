// This file implements the image table: the image library's writers
// against the standard tools on one generated tree of about 20,000 files
// and 300 MB (issue 14): a FAT32 image from image.fat (run by terrac, and
// as a builder compiled by `terrac build`) against mkfs.fat plus mcopy -s.
package main

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

// benchTree writes the benchmark tree under dir and returns its entries
// (directories first, in creation order). The content is word-like text,
// so that compressors see realistic data; the seed fixes everything.
func benchTree(dir string) ([]treeEntry, int64, error) {
	rng := rand.New(rand.NewSource(14))
	words := make([]string, 4000)
	for i := range words {
		n := 2 + rng.Intn(9)
		w := make([]byte, n)
		for j := range w {
			w[j] = byte('a' + rng.Intn(26))
		}
		words[i] = string(w)
	}
	var ents []treeEntry
	var dirs []string
	for i := 0; i < 40; i++ {
		top := fmt.Sprintf("d%02d", i)
		dirs = append(dirs, top)
		for j := 0; j < 5; j++ {
			dirs = append(dirs, fmt.Sprintf("%s/sub%d", top, j))
		}
	}
	dirs = append(dirs, "big") // one directory of 500 entries
	for _, d := range dirs {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return nil, 0, err
		}
		ents = append(ents, treeEntry{path: d, dir: true})
	}
	var total int64
	var text strings.Builder
	for i := 0; i < 20000; i++ {
		var d string
		if i < 500 {
			d = "big"
		} else {
			d = dirs[rng.Intn(len(dirs)-1)]
		}
		// Mostly small files, a few large ones: about 300 MB in all.
		size := 256 + rng.Intn(15000)
		if rng.Intn(200) == 0 {
			size = 1<<20 + rng.Intn(1<<20)
		}
		text.Reset()
		for text.Len() < size {
			text.WriteString(words[int(rng.ExpFloat64()*300)%len(words)])
			if rng.Intn(12) == 0 {
				text.WriteByte('\n')
			} else {
				text.WriteByte(' ')
			}
		}
		p := fmt.Sprintf("%s/file-%05d.txt", d, i)
		if err := os.WriteFile(filepath.Join(dir, p), []byte(text.String()[:size]), 0o644); err != nil {
			return nil, 0, err
		}
		ents = append(ents, treeEntry{path: p})
		total += int64(size)
	}
	return ents, total, nil
}

type treeEntry struct {
	path string
	dir  bool
}

// luaList writes the entries as a Lua file for image.fat.
func luaList(path, root string, ents []treeEntry) error {
	var b strings.Builder
	b.WriteString("return {\n")
	for _, e := range ents {
		if e.dir {
			fmt.Fprintf(&b, "{path=%q,dir=true},\n", e.path)
		} else {
			fmt.Fprintf(&b, "{path=%q,host=%q},\n", e.path, filepath.Join(root, e.path))
		}
	}
	b.WriteString("}\n")
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func imageTable(b *strings.Builder, root, tmp, terrac string) {
	b.WriteString("\n## Image writers against the standard tools\n\n")
	src := filepath.Join(tmp, "tree")
	ents, total, err := benchTree(src)
	if err != nil {
		fmt.Fprintf(b, "Generating the tree failed: %v\n", err)
		return
	}
	list := filepath.Join(tmp, "tree.lua")
	if err := luaList(list, src, ents); err != nil {
		fmt.Fprintf(b, "Writing the file list failed: %v\n", err)
		return
	}
	nfiles := 0
	for _, e := range ents {
		if !e.dir {
			nfiles++
		}
	}
	fmt.Fprintf(b, "One generated tree: %d files in %d directories (one of 500 entries), %.0f MB. Wall time in seconds, median of %d interleaved runs; the output file is removed before each run.\n\n",
		nfiles, len(ents)-nfiles, float64(total)/1e6, *runs)
	b.WriteString("| task | standard tools | image library | ratio | target | peak RSS tools / ours |\n| --- | ---: | ---: | ---: | ---: | --- |\n")

	img := filepath.Join(tmp, "fat.img")
	script := filepath.Join(root, "bench", "image", "fat.t")
	env := []string{"BENCH_TREE_LIST=" + list, "SOURCE_DATE_EPOCH=1700000000"}
	builder := filepath.Join(tmp, "fat-builder")
	if out, err := runCmd(root, env, terrac, "build", "-O2", "-o", builder, script); err != nil {
		fmt.Fprintf(b, "| FAT32 | | terrac build failed: %v %s | | | |\n", err, strings.ReplaceAll(string(out), "\n", " "))
		return
	}
	// mkfs.fat plus mcopy -s copies the directories' contents into the
	// root, as the list puts them there.
	var tops []string
	seen := map[string]bool{}
	for _, e := range ents {
		t := strings.SplitN(e.path, "/", 2)[0]
		if !seen[t] {
			seen[t] = true
			tops = append(tops, filepath.Join(src, t))
		}
	}
	tools := filepath.Join(tmp, "fat-tools.sh")
	sh := fmt.Sprintf("set -e\nmkfs.fat -F 32 -C -n BENCH -i 1234abcd %q 524288 >/dev/null\nmcopy -s -Q -m -i %q %s ::/\n", img, img, quoteAll(tops))
	if err := os.WriteFile(tools, []byte(sh), 0o755); err != nil {
		fmt.Fprintf(b, "writing %s: %v\n", tools, err)
		return
	}
	var rTools, rJIT, rExe []result
	for i := 0; i < *runs; i++ {
		os.Remove(img)
		rTools = append(rTools, runProg(tmp, nil, "sh", tools))
		os.Remove(img)
		rJIT = append(rJIT, runProg(tmp, env, terrac, script, img))
		os.Remove(img)
		rExe = append(rExe, runProg(tmp, nil, builder, img))
	}
	row := func(task string, tools, ours []result, target float64) {
		for _, rs := range [][]result{tools, ours} {
			for _, r := range rs {
				if r.err != nil {
					fmt.Fprintf(b, "| %s | FAILED: %s | | | | |\n", task, strings.ReplaceAll(strings.TrimSpace(r.err.Error()), "\n", " "))
					return
				}
			}
		}
		wall := func(rs []result) float64 {
			var xs []float64
			for _, r := range rs {
				xs = append(xs, r.wall)
			}
			return median(xs)
		}
		rss := func(rs []result) int64 {
			var xs []int64
			for _, r := range rs {
				xs = append(xs, r.rssKB)
			}
			return maxOf(xs)
		}
		t, o := wall(tools), wall(ours)
		met := "met"
		if o/t > target {
			met = "missed"
		}
		fmt.Fprintf(b, "| %s | %.2f | %.2f | **%.2f** | ≤ %.2f %s | %s / %s |\n", task, t, o, o/t, target, met, mib(rss(tools)), mib(rss(ours)))
	}
	row("FAT32 512 MiB: `mkfs.fat` + `mcopy -s` vs `terrac fat.t`", rTools, rJIT, 0.5)
	row("FAT32 512 MiB: `mkfs.fat` + `mcopy -s` vs the builder from `terrac build`", rTools, rExe, 0.5)
}

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = "'" + strings.ReplaceAll(x, "'", `'\''`) + "'"
	}
	return strings.Join(q, " ")
}
