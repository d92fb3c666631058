// Command embed shows terrac's Go embedding API (package terrac/embed):
// it loads Terra kernels from stats.t, calls them on Go slices, reads a
// struct result, lets Terra call back into Go, reports a located error
// and stops a runaway Lua loop with a context.
package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"time"

	"terrac/embed"
)

//go:embed stats.t
var statsSource string

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run() error {
	ctx := context.Background()
	s, err := embed.New(embed.Options{OptLevel: embed.O2, Stdout: os.Stdout})
	if err != nil {
		return err
	}
	defer s.Close()

	// Terra calls this Go function through a native function pointer.
	changed := 0
	err = s.RegisterCallback("progress", "{int, double} -> {}", func(args []embed.Value) ([]any, error) {
		changed++
		return nil, nil
	})
	if err != nil {
		return err
	}

	vals, err := s.RunString(ctx, "stats.t", statsSource)
	if err != nil {
		return err
	}
	stats := vals[0]

	xs := []float64{4, 8, 15, 16, 23, 42}
	summarize, err := stats.Get("summarize")
	if err != nil {
		return err
	}
	res, err := summarize.Call(ctx, xs, len(xs))
	if err != nil {
		return err
	}
	sum := res[0] // a Summary struct, held as cdata
	for _, f := range []string{"n", "mean", "min", "max"} {
		v, err := sum.Get(f)
		if err != nil {
			return err
		}
		fmt.Printf("%s = %v\n", f, v)
	}

	normalize, err := stats.Get("normalize")
	if err != nil {
		return err
	}
	if _, err := normalize.Call(ctx, xs, len(xs)); err != nil {
		return err
	}
	fmt.Printf("normalized: %.3f (%d callbacks)\n", xs, changed)

	// Errors carry their position.
	_, err = s.RunString(ctx, "broken.t", "terra bad() : int\n  return nothing\nend\nbad()\n")
	var e *embed.Error
	if errors.As(err, &e) && len(e.Diagnostics) > 0 {
		d := e.Diagnostics[0]
		fmt.Printf("error at %s:%d:%d: %s\n", d.File, d.Line, d.Col, d.Message)
	}

	// A context stops Lua code that would never end.
	tctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	_, err = s.RunString(tctx, "loop.t", "while true do end")
	fmt.Println("runaway loop stopped:", errors.Is(err, context.DeadlineExceeded))
	return nil
}
