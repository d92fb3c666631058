// This file implements `terrac cache stats|clear`: a look at the
// content-addressed cache (runtime/cache) and a way to empty it.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"

	"terrac/runtime/cache"
)

const cacheUsage = `usage: terrac cache stats   show where the cache is, its size and entries by kind
       terrac cache clear   remove every local entry (a remote cache is left alone)
`

func cacheCommand(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprint(stderr, cacheUsage)
		return 2
	}
	c := cache.Default()
	switch args[0] {
	case "stats":
		if c == nil {
			fmt.Fprintln(stdout, "cache: off (TERRAC_CACHE=off, or no home directory)")
			return 0
		}
		s := c.Stats()
		fmt.Fprintf(stdout, "cache: %s\n", s.Dir)
		fmt.Fprintf(stdout, "size:  %s of %s, %d entries\n", humanBytes(s.Bytes), humanBytes(s.Max), s.Entries)
		kinds := make([]string, 0, len(s.Kinds))
		for k := range s.Kinds {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		for _, k := range kinds {
			ks := s.Kinds[k]
			fmt.Fprintf(stdout, "  %-8s %6d entries %10s\n", k, ks.Entries, humanBytes(ks.Bytes))
		}
		if s.Remote != "" {
			mode := ""
			if os.Getenv("TERRAC_REMOTE_CACHE_READONLY") != "" {
				mode = " (read-only)"
			}
			fmt.Fprintf(stdout, "remote: %s%s\n", s.Remote, mode)
		}
		return 0
	case "clear":
		if c == nil {
			return 0
		}
		if err := c.Clear(); err != nil {
			fmt.Fprintf(stderr, "terrac cache clear: %v\n", err)
			return 1
		}
		return 0
	}
	fmt.Fprint(stderr, cacheUsage)
	return 2
}

// humanBytes prints n in binary units.
func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
