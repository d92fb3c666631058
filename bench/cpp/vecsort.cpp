// vecsort: push 10M pseudo-random doubles into a std::vector (no
// reserve) and std::sort them; print a few order statistics.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "bench.h"

int main() {
  const int n = 10000000;
  double t0 = now();
  std::vector<double> v;
  uint64_t x = 88172645463325252ull;
  for (int i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    v.push_back(double(x >> 11) * (1.0 / 9007199254740992.0));
  }
  std::sort(v.begin(), v.end());
  double sample = 0;
  for (size_t i = 0; i < v.size(); i += 1000) sample += v[i];
  bool sorted = std::is_sorted(v.begin(), v.end());
  report(t0);
  std::printf("n %zu sorted %d\n", v.size(), sorted ? 1 : 0);
  std::printf("min %.17g max %.17g median %.17g\n", v.front(), v.back(), v[v.size() / 2]);
  std::printf("sample sum %.17g\n", sample);
  return 0;
}
