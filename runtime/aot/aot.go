// Package aot saves Terra functions ahead of time: as objects, assembly,
// LLVM bitcode or IR, executables and shared libraries that run without
// terrac, LLVM or the Go runtime.
package aot

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"terrac/compiler/tree"
	"terrac/runtime/cache"
	"terrac/runtime/jit"
)

// Output kinds, named as terralib.saveobj names them.
const (
	Object        = "object"
	Asm           = "asm"
	Bitcode       = "bitcode"
	LLVMIR        = "llvmir"
	Executable    = "executable"
	SharedLibrary = "sharedlibrary"
)

// Kinds lists the output kinds.
var Kinds = []string{Object, Asm, Bitcode, LLVMIR, Executable, SharedLibrary}

// KindFromFilename infers an output kind from a file extension: .o
// object, .s asm, .bc bitcode, .ll llvmir, .so/.dylib sharedlibrary, and
// no extension (or .exe) executable.
func KindFromFilename(name string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".o":
		return Object, nil
	case ".s":
		return Asm, nil
	case ".bc":
		return Bitcode, nil
	case ".ll":
		return LLVMIR, nil
	case ".so", ".dylib":
		return SharedLibrary, nil
	case "", ".exe":
		return Executable, nil
	default:
		return "", fmt.Errorf("saveobj: cannot infer the output kind of %s; name it (%s)", name, strings.Join(Kinds, ", "))
	}
}

// Options are the code generation choices.
type Options struct {
	Target jit.Target
	Opt    int // 0..3
	// FastMath lists the fast-math flags put on every floating-point
	// operation ("fast" means all of them); none when empty.
	FastMath []string
	Debug    bool // DWARF line information
	// Cache, when set, holds emitted objects keyed by the module's IR
	// and the options, so an unchanged program skips LLVM.
	Cache *cache.Cache
	// GlobalValue returns the bytes a (non-extern) global holds now;
	// saved files start with those values.
	GlobalValue func(g *tree.Global) ([]byte, error)
	// GlobalInit returns a function of type {} -> {} that stores g's
	// initializer in g, or nil when g has none; it is used for globals
	// whose value holds addresses.
	GlobalInit func(g *tree.Global) (*tree.Function, error)
	// Libraries are passed to the linker after the link arguments (the
	// libraries the program loaded with terralib.linklibrary).
	Libraries []string
	// Progress, when set, is told the name of each phase as it starts.
	Progress func(phase string)
	// CModules are LLVM IR modules of C function bodies (includecstring);
	// those the program calls are linked into host-target output.
	CModules []string
}

func (o Options) progress(phase string) {
	if o.Progress != nil {
		o.Progress(phase)
	}
}

// Save builds the exports into kind and returns the bytes; when filename
// is not empty it also writes them there (executables and shared
// libraries are always written to a file first, by the linker).
// linkargs go to the C compiler that links executables and libraries.
func Save(filename, kind string, exports []Export, check func(*tree.Function) error, linkargs []string, o Options) ([]byte, error) {
	if kind == "" {
		if filename == "" {
			return nil, fmt.Errorf("saveobj: an output kind is needed when there is no file name")
		}
		k, err := KindFromFilename(filename)
		if err != nil {
			return nil, err
		}
		kind = k
	}
	o.progress("lowering")
	m, err := BuildModule(exports, check, o)
	if err != nil {
		return nil, err
	}
	ir := m.String()
	var out []byte
	switch kind {
	case Object, Asm, Bitcode, LLVMIR:
		out, err = emit(ir, kind, o)
	case Executable, SharedLibrary:
		if !o.Target.IsHost() {
			return nil, fmt.Errorf("saveobj: cannot link for %s: only object, asm, bitcode and llvmir files are made for other targets", o.Target.Triple)
		}
		var obj []byte
		obj, err = emit(ir, Object, o)
		if err == nil {
			o.progress("linking")
			out, err = link(filename, kind, obj, append(append([]string(nil), linkargs...), o.Libraries...))
		}
	default:
		return nil, fmt.Errorf("saveobj: unknown output kind %q (want one of %s)", kind, strings.Join(Kinds, ", "))
	}
	if err != nil {
		return nil, err
	}
	if filename != "" && kind != Executable && kind != SharedLibrary {
		if err := os.WriteFile(filename, out, 0o644); err != nil {
			return nil, fmt.Errorf("saveobj: %v", err)
		}
	}
	return out, nil
}

var jitKinds = map[string]string{Object: jit.KindObject, Asm: jit.KindAsm, Bitcode: jit.KindBitcode, LLVMIR: jit.KindIR}

// emit runs LLVM on the module, or takes its result from the cache.
func emit(ir, kind string, o Options) ([]byte, error) {
	key := cacheKey(ir, kind, o)
	if b, ok := o.Cache.Get(cacheKind, key); ok {
		o.progress("cached")
		return b, nil
	}
	o.progress("compiling")
	var cmods []string
	if o.Target.IsHost() {
		cmods = o.CModules
	}
	b, err := jit.Emit(ir, o.Target, o.Opt, jitKinds[kind], cmods...)
	if err != nil {
		return nil, fmt.Errorf("saveobj: %v", err)
	}
	o.Cache.Put(cacheKind, key, b)
	return b, nil
}
