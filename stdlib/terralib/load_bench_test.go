package terralib

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkLoadTableLiteral loads (parses and compiles to Lua bytecode)
// a chunk holding one table literal of n records, as generated data files
// do. Each record adds two distinct constants to the function, so the
// cost per record shows whether constant lookup stays O(1).
func BenchmarkLoadTableLiteral(b *testing.B) {
	for _, n := range []int{1000, 10000, 40000} {
		var src strings.Builder
		src.WriteString("local t = {\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&src, "  { name = \"w%d\", n = %d },\n", i, i)
		}
		src.WriteString("}\nreturn #t\n")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			rt := New()
			defer rt.Close()
			for i := 0; i < b.N; i++ {
				if _, err := rt.LoadString("table.t", []byte(src.String())); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/record")
		})
	}
}
