package embed_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"terrac/embed"
)

func Example() {
	s, err := embed.New(embed.Options{Stdout: os.Stdout})
	if err != nil {
		panic(err)
	}
	defer s.Close()
	vals, err := s.RunString(context.Background(), "square.t", `
terra square(x : double) : double return x * x end
print("compiled square")
return square
`)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := vals[0].Call(context.Background(), 1.5)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res[0])
	// Output:
	// compiled square
	// 2.25
}

func ExampleValue_Call() {
	s, _ := embed.New(embed.Options{})
	defer s.Close()
	ctx := context.Background()
	_, err := s.RunString(ctx, "scale.t", `
terra scale(p : &double, n : int, k : double)
	for i = 0, n do p[i] = p[i] * k end
end
`)
	if err != nil {
		fmt.Println(err)
		return
	}
	scale, _ := s.Global("scale")
	xs := []float64{1, 2, 3}
	// The slice is passed as a pointer to its first element; Terra
	// writes into Go's memory.
	if _, err := scale.Call(ctx, xs, len(xs), 10.0); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(xs)
	// Output: [10 20 30]
}

func ExampleState_New() {
	s, _ := embed.New(embed.Options{})
	defer s.Close()
	ctx := context.Background()
	s.RunString(ctx, "vec.t", `
struct Vec { x : double, y : double }
terra Vec:dot(o : &Vec) : double return self.x * o.x + self.y * o.y end
terra dot(a : &Vec, b : &Vec) : double return a:dot(b) end
`)
	a, err := s.New("Vec", map[string]any{"x": 3, "y": 4})
	if err != nil {
		fmt.Println(err)
		return
	}
	dot, _ := s.Global("dot")
	res, _ := dot.Call(ctx, a, a)
	a.Set("y", 0)
	x, _ := a.Get("x")
	fmt.Println(res[0], x)
	// Output: 25 3
}

func ExampleState_RegisterCallback() {
	s, _ := embed.New(embed.Options{})
	defer s.Close()
	ctx := context.Background()
	err := s.RegisterCallback("visit", "{int} -> {}", func(args []embed.Value) ([]any, error) {
		fmt.Println("Terra visits", args[0])
		return nil, nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = s.RunString(ctx, "walk.t", `
terra walk(n : int) for i = 0, n do visit(i * i) end end
walk(3)
`)
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// Terra visits 0
	// Terra visits 1
	// Terra visits 4
}

func ExampleState_Register() {
	s, _ := embed.New(embed.Options{Stdout: os.Stdout})
	defer s.Close()
	s.Register("greet", func(args []embed.Value) ([]any, error) {
		name, err := args[0].Str()
		return []any{"hello, " + name}, err
	})
	s.RunString(context.Background(), "greet.t", `print(greet("terra"))`)
	// Output: hello, terra
}

func ExampleState_RunString_cancel() {
	s, _ := embed.New(embed.Options{})
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := s.RunString(ctx, "forever.t", "while true do end")
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	// Output: true
}

func ExampleError() {
	s, _ := embed.New(embed.Options{})
	defer s.Close()
	_, err := s.RunString(context.Background(), "bad.t", `
terra f(x : int) : int
	return x + "one"
end
f(1)
`)
	var e *embed.Error
	if errors.As(err, &e) {
		d := e.Diagnostics[0]
		fmt.Printf("%s:%d:%d: %s\n", d.File, d.Line, d.Col, d.Message)
	}
	// Output: bad.t:3:9: invalid conversion from &int8 to int32
}
