// This file implements native calls that survive faults, and the callback
// entry from native code into Go.
//
// The Go runtime treats SIGSEGV and friends raised in C code as fatal and
// prints a crash dump. terrac_call therefore marks the thread as "in a
// native call" (a thread-local frame pointer with a sigjmp_buf), and our
// handlers, installed over Go's, siglongjmp back to terrac_call when that
// mark is set. In every other case they pass the signal to the handler they
// displaced (Go's) exactly as the kernel would have, which is the chaining
// the os/signal documentation asks of C code that installs handlers.

#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#include "shim.h"
#include "_cgo_export.h"

enum { MAXFRAMES = 64 };

typedef struct frame {
  sigjmp_buf env;
  terrac_fault f;
  // ret and nret are the return addresses the handler found; terrac_call
  // copies them to f.frames outside the handler (no malloc in a handler).
  uintptr_t ret[MAXFRAMES];
  int nret;
} frame;

// cur is the innermost native call on this thread. It is NULL whenever Go
// code runs, including Go code reached through terrac_callback, so a Go nil
// dereference is never mistaken for a native fault. Thread-locals of the
// main executable are initial-exec, hence safe to touch in a handler.
static __thread frame *cur;

static const int fault_signals[] = {SIGSEGV, SIGBUS, SIGFPE,
                                    SIGILL,  SIGABRT, SIGTRAP};
enum { NFAULT = sizeof fault_signals / sizeof fault_signals[0] };
static struct sigaction prev[NFAULT];

static uintptr_t context_pc(void *uc) {
  ucontext_t *u = uc;
  if (!u) return 0;
#if defined(__x86_64__)
  return (uintptr_t)u->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
  return (uintptr_t)u->uc_mcontext.pc;
#else
  return 0;
#endif
}

// context_fp_sp returns the frame pointer and stack pointer of a context.
static void context_fp_sp(void *uc, uintptr_t *fp, uintptr_t *sp) {
  ucontext_t *u = uc;
  *fp = *sp = 0;
  if (!u) return;
#if defined(__x86_64__)
  *fp = (uintptr_t)u->uc_mcontext.gregs[REG_RBP];
  *sp = (uintptr_t)u->uc_mcontext.gregs[REG_RSP];
#elif defined(__aarch64__)
  *fp = (uintptr_t)u->uc_mcontext.regs[29];
  *sp = (uintptr_t)u->uc_mcontext.sp;
#endif
}

// walk follows the frame-pointer chain of the faulting native frames (JIT
// code compiled with frame pointers: [fp] is the caller's fp, [fp+8] the
// return address, on x86-64 and AArch64 alike). Every read stays between
// the faulting sp and fr itself, which lives in terrac_call's frame above
// all native frames, so a frame without a frame pointer (a garbage fp) ends
// the walk instead of faulting. Go decides which addresses are JIT code.
static void walk(frame *fr, void *uc) {
  uintptr_t fp, sp;
  context_fp_sp(uc, &fp, &sp);
  uintptr_t limit = (uintptr_t)fr;
  fr->nret = 0;
  while (fr->nret < MAXFRAMES && fp >= sp && fp % sizeof(uintptr_t) == 0 &&
         fp + 2 * sizeof(uintptr_t) <= limit) {
    uintptr_t *p = (uintptr_t *)fp;
    fr->ret[fr->nret++] = p[1];
    if (p[0] <= fp) break;
    fp = p[0];
  }
}

// chain hands sig to the handler we displaced.
static void chain(int i, int sig, siginfo_t *info, void *uc) {
  struct sigaction *p = &prev[i];
  if (p->sa_flags & SA_SIGINFO) {
    if (p->sa_sigaction) p->sa_sigaction(sig, info, uc);
    return;
  }
  if (p->sa_handler == SIG_IGN) return;
  if (p->sa_handler == SIG_DFL) {
    // Restore the default action and re-raise; for a hardware fault,
    // returning re-executes the instruction with the default action too.
    signal(sig, SIG_DFL);
    raise(sig);
    return;
  }
  p->sa_handler(sig);
}

static void handler(int sig, siginfo_t *info, void *uc) {
  int i = 0;
  while (i < NFAULT && fault_signals[i] != sig) i++;
  frame *fr = cur;
  if (!fr) {
    chain(i, sig, info, uc);
    return;
  }
  fr->f.status = sig;
  fr->f.code = info ? info->si_code : 0;
  fr->f.addr = info ? (uintptr_t)info->si_addr : 0;
  fr->f.pc = context_pc(uc);
  walk(fr, uc);
  // SA_NODEFER left sig unblocked, so the saved mask need not be restored
  // (sigsetjmp(env, 0) avoids a syscall on every call).
  siglongjmp(fr->env, 1);
}

static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static int install_errno;

static void install(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = handler;
  // SA_ONSTACK: Go requires it, and a native stack overflow can only be
  // handled on the alternate stack. SA_NODEFER: see handler.
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER | SA_RESTART;
  sigemptyset(&sa.sa_mask);
  for (int i = 0; i < NFAULT; i++) {
    if (sigaction(fault_signals[i], &sa, &prev[i]) != 0) {
      install_errno = errno;
      return;
    }
  }
}

int terrac_install_handlers(void) {
  pthread_once(&install_once, install);
  return install_errno;
}

terrac_fault terrac_call(uintptr_t wrapper, uintptr_t args, uintptr_t ret) {
  frame fr;
  frame *saved = cur;
  memset(&fr.f, 0, sizeof fr.f);
  if (sigsetjmp(fr.env, 0) == 0) {
    cur = &fr;
    ((void (*)(void *, void *))wrapper)((void *)args, (void *)ret);
    cur = saved;
    return fr.f;
  }
  // Arrived by siglongjmp from handler or terrac_callback, which wrote fr.f
  // through cur; fr's address escaped, so the compiler reloads it.
  cur = saved;
  if (fr.f.status > 0 && fr.nret > 0) {
    fr.f.frames = malloc(fr.nret * sizeof(uintptr_t));
    if (fr.f.frames) {
      memcpy(fr.f.frames, fr.ret, fr.nret * sizeof(uintptr_t));
      fr.f.nframes = fr.nret;
    }
  }
  // abort() and odd kernels may leave a fault signal blocked; a blocked
  // synchronous fault would later kill the process silently.
  sigset_t s;
  sigemptyset(&s);
  for (int i = 0; i < NFAULT; i++) sigaddset(&s, fault_signals[i]);
  pthread_sigmask(SIG_UNBLOCK, &s, NULL);
  return fr.f;
}

void terrac_callback(int64_t id, void *args, void *ret) {
  frame *saved = cur;
  cur = NULL;
  uintptr_t p = terracGoCallback(id, args, ret, saved != NULL);
  cur = saved;
  if (p) {
    // The Go handler panicked and recovered into handle p. Unwind the
    // native frames between here and terrac_call; they are JIT code with
    // nothing to clean up.
    saved->f.status = TERRAC_CALLBACK_PANIC;
    saved->f.panic = p;
    siglongjmp(saved->env, 1);
  }
}

// terrac_traceback is terralib.traceback as JIT code sees it:
//   declare void @terrac_traceback(i8*)
// It collects the return addresses of the native frames above it by
// following frame pointers (its own frame has one: it takes its address)
// and hands them to Go, which maps them to Terra functions and lines. The
// walk is bounded by the innermost terrac_call's frame, like walk's.
void terrac_traceback(void *ctx) {
  (void)ctx;
  uintptr_t ret[MAXFRAMES];
  int n = 0;
  frame *saved = cur;
  uintptr_t fp = (uintptr_t)__builtin_frame_address(0);
  uintptr_t limit = (uintptr_t)saved;
  while (saved && n < MAXFRAMES && fp % sizeof(uintptr_t) == 0 &&
         fp + 2 * sizeof(uintptr_t) <= limit) {
    uintptr_t *p = (uintptr_t *)fp;
    ret[n++] = p[1];
    if (p[0] <= fp) break;
    fp = p[0];
  }
  cur = NULL;
  terracGoTraceback(ret, n);
  cur = saved;
}

// The lookups answer from Go (the JIT's symbol table and line tables);
// like terrac_traceback they hide the enclosing call's frame meanwhile.
_Bool terrac_lookupsymbol(void *ip, void *out) {
  frame *saved = cur;
  cur = NULL;
  int ok = terracGoLookupSymbol((uintptr_t)ip, out);
  cur = saved;
  return ok != 0;
}

_Bool terrac_lookupline(void *fnaddr, void *ip, void *out) {
  frame *saved = cur;
  cur = NULL;
  int ok = terracGoLookupLine((uintptr_t)fnaddr, (uintptr_t)ip, out);
  cur = saved;
  return ok != 0;
}
