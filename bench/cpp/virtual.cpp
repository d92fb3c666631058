// Virtual dispatch over 10M heap objects: idiomatic C++17 with
// std::vector<std::unique_ptr<Shape>> and virtual functions. The twin of
// virtual.t (terra++ classes); both print the same lines.
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

static double now() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
  virtual void scale(double k) = 0;
};

struct Rect : Shape {
  double w, h;
  Rect(double w, double h) : w(w), h(h) {}
  double area() const override { return w * h; }
  void scale(double k) override { w *= k; h *= k; }
};

struct Circle : Shape {
  double r;
  explicit Circle(double r) : r(r) {}
  double area() const override { return 3.0 * r * r; }
  void scale(double k) override { r *= k; }
};

struct Triangle : Shape {
  double b, h;
  Triangle(double b, double h) : b(b), h(h) {}
  double area() const override { return 0.5 * b * h; }
  void scale(double k) override { b *= k; }
};

int main() {
  const int n = 10000000;
  double t0 = now();
  uint32_t seed = 12345;
  auto next = [&seed]() {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  std::vector<std::unique_ptr<Shape>> shapes;
  shapes.reserve(n);
  for (int i = 0; i < n; i++) {
    uint32_t kind = next() % 3;
    double a = (next() % 100) / 10.0, b = (next() % 100) / 10.0;
    if (kind == 0) shapes.push_back(std::make_unique<Rect>(a, b));
    else if (kind == 1) shapes.push_back(std::make_unique<Circle>(a));
    else shapes.push_back(std::make_unique<Triangle>(a, b));
  }
  double total = 0;
  for (int pass = 0; pass < 10; pass++) {
    for (auto &s : shapes) total += s->area();
    double k = pass % 2 == 0 ? 2.0 : 0.5;
    for (auto &s : shapes) s->scale(k);
  }
  shapes.clear();
  double t = now() - t0;
  printf("time %.6f\n", t);
  printf("shapes %d total area %.6e\n", n, total);
  return 0;
}
