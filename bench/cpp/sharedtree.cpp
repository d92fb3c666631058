// sharedtree: build binary trees of std::shared_ptr<Node> (make_shared),
// share every leaf a second time from a std::vector, sum the tree, then
// drop the root (destroying the inner nodes) and the vector (the leaves).
#include <cstdio>
#include <memory>
#include <vector>

#include "bench.h"

struct Node {
  std::shared_ptr<Node> left, right;
  long value = 0;
};

static std::shared_ptr<Node> build(int depth, long& next, std::vector<std::shared_ptr<Node>>& leaves) {
  auto n = std::make_shared<Node>();
  n->value = next++;
  if (depth > 0) {
    n->left = build(depth - 1, next, leaves);
    n->right = build(depth - 1, next, leaves);
  } else {
    leaves.push_back(n);
  }
  return n;
}

static long sum(const std::shared_ptr<Node>& n) {
  if (!n) return 0;
  return n->value + sum(n->left) + sum(n->right);
}

int main() {
  const int depth = 20, rounds = 6;
  double t0 = now();
  long total = 0, shared = 0;
  for (int r = 0; r < rounds; r++) {
    long next = r;
    std::vector<std::shared_ptr<Node>> leaves;
    auto root = build(depth, next, leaves);
    total += sum(root);
    for (size_t i = 0; i < leaves.size(); i += 4096) shared += leaves[i].use_count();
    root.reset();
    for (size_t i = 0; i < leaves.size(); i += 4096) shared += leaves[i].use_count();
  }
  report(t0);
  std::printf("rounds %d depth %d total %ld shared %ld\n", rounds, depth, total, shared);
  return 0;
}
