// wordcount: count the words of a 50 MB text with
// std::unordered_map<std::string, int>. The program first makes the text
// itself, deterministically: 60,000 made-up words drawn with a skewed
// distribution, separated by spaces and newlines. Timed: the counting and
// the sort of the counts; printed: the number of distinct words, the
// total and the 10 most frequent.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "bench.h"

static uint64_t state = 0x2545F4914F6CDD1Dull;
static uint64_t rnd() {
  state ^= state >> 12;
  state ^= state << 25;
  state ^= state >> 27;
  return state * 0x2545F4914F6CDD1Dull;
}

int main() {
  const size_t textSize = 50u << 20;
  const int nwords = 60000;
  std::vector<std::string> vocab;
  for (int i = 0; i < nwords; i++) {
    std::string w;
    int len = 2 + int(rnd() % 11);
    for (int k = 0; k < len; k++) w.push_back(char('a' + rnd() % 26));
    vocab.push_back(w);
  }
  std::string text;
  text.reserve(textSize + 32);
  while (text.size() < textSize) {
    uint64_t a = rnd() % nwords, b = rnd() % nwords;
    text += vocab[a * b / nwords];
    text.push_back(rnd() % 16 == 0 ? '\n' : ' ');
  }

  double t0 = now();
  std::unordered_map<std::string, int> counts;
  long total = 0;
  size_t i = 0, n = text.size();
  while (i < n) {
    while (i < n && (text[i] == ' ' || text[i] == '\n')) i++;
    size_t j = i;
    while (j < n && text[j] != ' ' && text[j] != '\n') j++;
    if (j > i) {
      ++counts[text.substr(i, j - i)];
      total++;
    }
    i = j;
  }
  std::vector<std::pair<std::string, int>> top(counts.begin(), counts.end());
  std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
    return a.second > b.second || (a.second == b.second && a.first < b.first);
  });
  report(t0);
  std::printf("%zu bytes, %ld words, %zu distinct\n", text.size(), total, counts.size());
  for (size_t k = 0; k < 10 && k < top.size(); k++)
    std::printf("%s %d\n", top[k].first.c_str(), top[k].second);
  return 0;
}
