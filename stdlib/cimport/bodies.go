// This file implements the compilation of C function bodies (static inline
// helpers in headers, definitions in includecstring code) to LLVM IR with
// clang, cached by content.

package cimport

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
	"sync"

	"terrac/internal/phase"
)

// Bodies is the LLVM IR clang made from the function bodies of one import.
type Bodies struct {
	// IR is a complete LLVM module; "" when the code defines no function.
	IR string
	// Key is a hash of everything the IR depends on: equal keys, equal IR.
	// Use it to add a module to a JIT only once.
	Key string
	// Link maps each defined C function to its symbol in IR. Static
	// functions get internal linkage from clang; here they are renamed to
	// NAME$cKEY and made external, so that imports do not clash and
	// Terra code can call them.
	Link map[string]string
}

// BodyOptions configure CompileBodies.
type BodyOptions struct {
	Clang    string // default "clang-14"
	Name     string // file name of code in diagnostics; default "<buffer>"
	CacheDir string // as Options.CacheDir
	NoCache  bool
}

var bodyMemo struct {
	sync.Mutex
	m map[string]*Bodies
}

// CompileBodies compiles the functions h.Inline lists, from the same code
// and args Import was given, with `clang -O3 -emit-llvm -S`. Errors from
// clang are returned with clang's `file:line:col: error: ...` lines.
func CompileBodies(code string, args []string, h *Header, opts BodyOptions) (*Bodies, error) {
	if opts.Clang == "" {
		opts.Clang = "clang-14"
	}
	if opts.Name == "" {
		opts.Name = "<buffer>"
	}
	if len(h.Inline) == 0 && len(h.DefinedVars) == 0 {
		return &Bodies{}, nil
	}
	identity, err := compilerIdentity(opts.Clang)
	if err != nil {
		return nil, err
	}
	key := bodyKey(code, args, h, opts, identity)
	if !opts.NoCache {
		bodyMemo.Lock()
		b := bodyMemo.m[key]
		bodyMemo.Unlock()
		if b != nil {
			return b, nil
		}
	}
	suffix := "$c" + key[:12]
	link := map[string]string{}
	var statics []string
	for _, name := range h.Inline {
		link[name] = name
		if f := h.Lookup(FuncNames, name); f != nil && f.Static {
			link[name] = name + suffix
			statics = append(statics, name)
		}
	}
	// Every defined function is referenced, so that clang emits a body
	// even for a C99 `inline` definition, which is otherwise dropped.
	keep := h.Inline
	var ir string
	copts := Options{CacheDir: opts.CacheDir}
	if data, ok := cacheGet(copts, bodyKind, key); ok && !opts.NoCache {
		ir = string(data)
	} else {
		var err error
		phase.Enter(phase.CBodies)
		ir, err = runClang(code, args, keep, opts)
		phase.Leave()
		if err != nil {
			return nil, err
		}
		ir = renameStatics(ir, statics, suffix)
		ir = keepDefinitions(ir)
		if !opts.NoCache {
			cachePut(copts, bodyKind, key, []byte(ir))
		}
	}
	b := &Bodies{IR: ir, Key: key, Link: link}
	if !opts.NoCache {
		bodyMemo.Lock()
		if bodyMemo.m == nil {
			bodyMemo.m = map[string]*Bodies{}
		}
		bodyMemo.m[key] = b
		bodyMemo.Unlock()
	}
	return b, nil
}

// bodyKey hashes the code, args, clang, working directory and every
// header the import read (by size and mtime).
func bodyKey(code string, args []string, h *Header, opts BodyOptions, identity string) string {
	sum := sha256.New()
	put := func(s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		sum.Write(n[:])
		sum.Write([]byte(s))
	}
	wd, _ := os.Getwd()
	put("bodies4")
	put(identity)
	put(wd)
	put(opts.Name)
	put(code)
	for _, a := range args {
		put(a)
	}
	deps := append([]dep(nil), h.deps...)
	sort.Slice(deps, func(i, j int) bool { return deps[i].Path < deps[j].Path })
	for _, d := range deps {
		put(fmt.Sprintf("%s|%v|%d|%d", d.Path, d.Exists, d.Size, d.ModTime))
	}
	return hex.EncodeToString(sum.Sum(nil))
}

// runClang compiles code; the functions named in keep are kept alive
// (clang drops unused static functions and unused inline definitions)
// through a used array of their addresses. LLVM's own passes are left to
// the JIT: at -O3 they would delete the available_externally bodies of
// inline definitions before keepDefinitions can keep them.
func runClang(code string, args, keep []string, opts BodyOptions) (string, error) {
	var src strings.Builder
	fmt.Fprintf(&src, "# 1 %q\n", opts.Name)
	src.WriteString(code)
	if !strings.HasSuffix(code, "\n") {
		src.WriteString("\n")
	}
	if len(keep) > 0 {
		src.WriteString("# 1 \"<terrac>\"\nstatic void *const __terrac_keep[] __attribute__((used)) = {")
		for _, s := range keep {
			fmt.Fprintf(&src, "(void *)&%s, ", s)
		}
		src.WriteString("};\n")
	}
	cargs := []string{"-O3", "-march=native", "-Xclang", "-disable-llvm-passes", "-emit-llvm", "-S", "-fgnuc-version=4.2.1", "-Wno-everything", "-x", "c"}
	cargs = append(cargs, clangArgs(args)...)
	cargs = append(cargs, "-", "-o", "-")
	cmd := exec.Command(opts.Clang, cargs...)
	cmd.Stdin = strings.NewReader(src.String())
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("%s", clangErrors(msg))
	}
	return out.String(), nil
}

// clangArgs keeps the args that matter to compiling C: they were written
// for clang already, so only drop output-changing ones.
func clangArgs(args []string) []string {
	var r []string
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "-o" || a == "-x":
			i++
		case a == "-c" || a == "-S" || a == "-E" || a == "-emit-llvm" || a == "-v":
		default:
			r = append(r, a)
		}
	}
	return r
}

// clangErrors keeps clang's error lines and the source lines under them,
// dropping warnings and "N errors generated."
func clangErrors(msg string) string {
	var keep []string
	for _, l := range strings.Split(msg, "\n") {
		if strings.HasSuffix(l, "generated.") {
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "\n")
}

// renameStatics gives each static function in ir the name NAME+suffix and
// external linkage. Other internal functions (helpers they call) stay
// internal, so they never clash across imports.
func renameStatics(ir string, statics []string, suffix string) string {
	renamed := map[string]bool{}
	for _, name := range statics {
		re := regexp.MustCompile(`@` + regexp.QuoteMeta(name) + `([^-A-Za-z0-9$._])`)
		ir = re.ReplaceAllString(ir, strings.ReplaceAll("@"+name+suffix, "$", "$$")+"${1}")
		renamed["@"+name+suffix+"("] = true
	}
	lines := strings.Split(ir, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "define internal ") {
			continue
		}
		for r := range renamed {
			if strings.Contains(l, r) {
				lines[i] = "define " + strings.TrimPrefix(l, "define internal ")
				break
			}
		}
	}
	return strings.Join(lines, "\n")
}

// keepDefinitions turns the bodies clang emits only as optimization hints
// (available_externally: C99 inline definitions, glibc's extern inline
// functions) and the discardable ones (linkonce) into weak definitions, so
// that they are kept and callable, and so that two imports defining the
// same inline function do not clash.
//
// The array that made clang emit them has done its job and is emptied:
// what nothing calls can then be dropped from a saved file.
func keepDefinitions(ir string) string {
	lines := strings.Split(ir, "\n")
	for i, l := range lines {
		if m := keepArrayRE.FindStringSubmatch(l); m != nil {
			lines[i] = m[1] + " zeroinitializer" + m[2]
			continue
		}
		for _, r := range [...][2]string{
			{"define available_externally ", "define weak_odr "},
			{"define linkonce_odr ", "define weak_odr "},
			{"define linkonce ", "define weak "},
		} {
			if strings.HasPrefix(l, r[0]) {
				lines[i] = r[1] + strings.TrimPrefix(l, r[0])
				break
			}
		}
	}
	return strings.Join(lines, "\n")
}

var keepArrayRE = regexp.MustCompile(`^(@__terrac_keep = internal constant \[\d+ x i8\*\]) \[.*\](, align \d+)?$`)
