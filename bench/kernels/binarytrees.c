/* binary-trees: allocate, walk and free many perfect binary trees with
   malloc/free (after the Benchmarks Game), single-threaded. */
#include <stdlib.h>
#include "bench.h"

#define MAXD 16

typedef struct Node { struct Node *l, *r; } Node;

static Node *make(int d) {
  Node *n = malloc(sizeof(Node));
  if (d > 0) { n->l = make(d - 1); n->r = make(d - 1); }
  else { n->l = 0; n->r = 0; }
  return n;
}

static int check(Node *n) { return n->l ? 1 + check(n->l) + check(n->r) : 1; }

static void release(Node *n) {
  if (n->l) { release(n->l); release(n->r); }
  free(n);
}

int main(void) {
  double t0 = now();
  int maxd = MAXD;
  Node *stretch = make(maxd + 1);
  int out[3 * (MAXD + 2)], no = 0;
  out[no++] = check(stretch);
  release(stretch);
  Node *longlived = make(maxd);
  for (int d = 4; d <= maxd; d += 2) {
    int iters = 1 << (maxd - d + 4), sum = 0;
    for (int i = 0; i < iters; i++) { Node *t = make(d); sum += check(t); release(t); }
    out[no++] = iters; out[no++] = d; out[no++] = sum;
  }
  int ll = check(longlived);
  release(longlived);
  report(t0);
  printf("stretch tree of depth %d\t check: %d\n", maxd + 1, out[0]);
  for (int k = 1; k < no; k += 3) printf("%d\t trees of depth %d\t check: %d\n", out[k], out[k + 1], out[k + 2]);
  printf("long lived tree of depth %d\t check: %d\n", maxd, ll);
  return 0;
}
