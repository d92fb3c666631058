#include <stdio.h>
#include "lib.h"

int main(void) {
  Vec a = {1, 2}, b = {3, 4};
  printf("dot=%g\n", vec_dot(a, b));
  vec_scale(&a, 10);
  printf("scaled=%g,%g\n", a.x, a.y);
  Shape s = {3, {{0, 0}, {3, 0}, {0, 6}}, "triangle"};
  Vec c = shape_centroid(&s);
  printf("centroid=%g,%g\n", c.x, c.y);
  printf("namelen=%d\n", shape_namelen(&s));
  return 0;
}
