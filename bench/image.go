// This file implements the FAT table: on the archive table's generated
// tree (genTree: 20,000 files, about 300 MB), a FAT32 image from image.fat
// (run by terrac, and as a builder compiled by `terrac build`) against
// mkfs.fat plus mcopy -s (issue 14).
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type treeEntry struct {
	path string
	dir  bool
}

// benchTree writes the tree the archive table uses (genTree) and returns
// its entries.
func benchTree(dir string) ([]treeEntry, int64, error) {
	list, total, err := genTree(dir)
	if err != nil {
		return nil, 0, err
	}
	ents := make([]treeEntry, len(list))
	for i, p := range list {
		ents[i] = treeEntry{path: strings.TrimSuffix(p, "/"), dir: strings.HasSuffix(p, "/")}
	}
	return ents, total, nil
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

func fatTable(b *strings.Builder, root, tmp, terrac string) {
	b.WriteString("\n## FAT32 image against mkfs.fat + mcopy\n\n")
	src := filepath.Join(tmp, "fattree")
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
	fmt.Fprintf(b, "One generated tree: %d files in %d directories %.0f MB. Wall time in seconds, median of %d interleaved runs; the output file is removed before each run.\n\n",
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
