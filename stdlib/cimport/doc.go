// Package cimport reads C declarations from headers, in pure Go, with
// modernc.org/cc/v4, and returns them as a neutral, self-contained model
// (Header, Type, Field) that knows nothing about Terra. An adapter elsewhere
// maps the model to Terra types; this package only answers "what did C
// declare, and how is it laid out on this host".
//
// # Pipeline
//
// Import(code, args, opts) probes the host C compiler once (predefined
// macros and include directories, see probe.go), builds a cc.Config from the
// probe and the clang-style args (-I, -isystem, -iquote, -D, -U, -include,
// -std=; others are ignored), runs cc.Translate over
// <predefined> + <cimport-prelude> + cc.Builtin + code, and walks the file
// scope (decl.go), converting cc types (convert.go) and evaluating macros
// (macro.go). Results are cached on disk and in memory (cache.go).
//
// # Conventions
//
//   - Tags: Header.Tags is keyed by the plain tag name ("stat" for
//     struct stat). C has one tag namespace per scope, so the name is
//     unique; Type.Kind says whether it is a struct, union or enum. This is
//     Terra's "tagged" table; Terra also exposes a tag in its "general"
//     table under the plain name when no function, typedef, variable, enum
//     constant or macro already uses that name. That merge belongs to the
//     adapter. An anonymous struct, union or enum named by a typedef gets
//     Type.Name = the typedef name (as clang's getTypedefNameForAnonDecl,
//     which Terra uses); it is not in Tags.
//   - Identity: every C struct, union and enum is one *Type, shared by all
//     uses (pointers, typedefs, fields), so graphs are cyclic through
//     pointers. Other types may or may not be shared; compare them
//     structurally.
//   - va_list: on linux/amd64 __builtin_va_list is declared as clang does,
//     `struct __va_list_tag[1]` (24 bytes, align 8), so va_list is an Array
//     of Len 1 of the Struct "__va_list_tag" and a va_list parameter decays
//     to a Pointer to it, matching what Terra gets from clang. Elsewhere it is
//     cc's default, void*.
//   - Bitfields: kept as fields with BitfieldWidth > 0; Offset is the byte
//     offset of the storage unit gcc accesses and BitOffset the bit offset
//     within it. Terra makes a struct with bitfields opaque; the adapter
//     decides, using Type.HasBitfields.
//   - Anonymous members (unnamed nested struct/union) are fields with an
//     empty Name and their own Type (Terra names them _0, _1, ...).
//   - Functions: Header.Funcs holds every file-scope function, static ones
//     included (their Type has Static set; Terra refuses to import static
//     functions that have no body). Header.Inline lists, in source order,
//     the functions that have a body outside the system headers (in
//     includecstring code or -I headers): clang must compile those.
//     K&R `f()` has NoProto set and no Params.
//   - Macros: object-like macros whose replacement list is a constant
//     arithmetic expression (literals, casts, operators, other such macros,
//     enum constants) go to IntMacros or FloatMacros, evaluated as C would.
//     Others (strings, function-like macros, `#define stdout stdout`) are
//     skipped silently; stdout itself is in Vars as the extern variable.
//     Terra only exports a single (optionally negated) numeric literal, a
//     subset of ours that Header.Literal marks. Macros redefined along the way (gcc's limits.h
//     redefines INT_MAX) are evaluated by further translations: those that
//     need no declaration (feature flags such as _POSIX_C_SOURCE) in one of
//     the builtins alone, the others in a second pass over the headers,
//     which the common headers do not need (macro.go). Predefined compiler macros
//     (__INT_MAX__, __SIZEOF_LONG__) are included, as with clang in Terra.
//     Macros expanding to builtins (HUGE_VAL, INFINITY, NAN) are skipped.
//   - Unsupported C types (complex, _Float16, _Float128, decimal floats,
//     anything cc cannot type) become Kind Unsupported with Name describing
//     them and Size/Align when known; declarations cc cannot handle are
//     skipped one by one and recorded in Header.Skipped. Errors in system
//     headers are pruned (prune.go); errors in the code or in -I headers are
//     returned as an ErrorList.
//   - Cache: key = sha256(code, args, Options.Name, compiler path+size+mtime,
//     working directory, target); an entry stores every file the
//     preprocessor opened with size and mtime, and the directory of each
//     name it probed in vain (creating the file changes the directory's
//     mtime), and is used only while all are unchanged. Warm imports run no
//     process. Entries are decoded lazily (encode.go, lazy.go): ImportLazy
//     returns a Header whose types are decoded on first Lookup, which
//     terralib.includec uses; Import decodes everything. The compiler
//     probe is cached too (kind cprobe), for imports of other headers.
//     While the probe runs, if a processor is idle, the headers the code
//     likely includes are scanned into the in-process cc.SourceCache
//     (prewarm.go), so that the translation after it skips their scanning.
//
// The returned *Header is shared through the in-process cache: treat it as
// read-only.
package cimport
