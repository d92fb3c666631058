// Calls the Terra functions of abi.t through the C ABI and prints every
// field of every result.
#include <stdint.h>
#include <stdio.h>

typedef struct { int a, b; } IP;
typedef struct { float x, y; } FP;
typedef struct { float x, y, z; } F3;
typedef struct { int i; double d; } MX;
typedef struct { double d; int8_t i; } DM;
typedef struct { int8_t c; int16_t s; float f; } SM;
typedef struct { int64_t a; double b; int c; int64_t d; } Big;
typedef struct { int v[3]; float f; } Arr;
typedef struct { double d[2]; } DA;
typedef struct { int16_t v[12]; } BA;
typedef struct { float f; int i; } FI;
typedef struct { int8_t a, b, c; } C3;
typedef struct { float x, y; double d; } FFD;
typedef struct { IP p; float f; } NS;
typedef struct { int64_t a, b; } LL;

IP ip_swap(IP);
FP fp_scale(FP, float);
F3 f3_rot(F3);
MX mx_add(MX, MX);
DM dm_make(double, int8_t);
SM sm_bump(SM);
Big big_mix(Big, int);
Arr arr_rev(Arr);
double da_sum(DA);
int ba_sum(BA);
double many(MX, MX, FP, MX, IP, MX, FP, DA, MX);
double pass_big(int, Big, double);
int call_ip(IP (*)(IP), IP);
FP call_fp(FP (*)(FP, float), FP);
double call_mx(double (*)(MX, int), MX);
int64_t call_big(Big (*)(Big), Big);
int call_arr(Arr (*)(Arr, DM), Arr);
FFD odd(FI, C3, FFD, NS, LL);
C3 c3_make(int8_t);
NS ns_make(int, float);
LL ll_make(int64_t);
FI fi_make(float);

static IP cb_ip(IP p) { return (IP){p.a + 1, p.b + 2}; }
static FP cb_fp(FP p, float k) { return (FP){p.x + k, p.y - k}; }
static double cb_mx(MX m, int k) { return m.i * k + m.d; }
static Big cb_big(Big b) { return (Big){b.a * 2, b.b, b.c * 3, b.d - 1}; }
static Arr cb_arr(Arr a, DM m) { return (Arr){{a.v[1], a.v[2], m.i}, a.f + (float)m.d}; }

int main(void) {
  IP ip = ip_swap((IP){1, -2});
  printf("ip_swap %d %d\n", ip.a, ip.b);
  FP fp = fp_scale((FP){1.5f, -2.25f}, 2.0f);
  printf("fp_scale %g %g\n", fp.x, fp.y);
  F3 f3 = f3_rot((F3){1, 2, 3});
  printf("f3_rot %g %g %g\n", f3.x, f3.y, f3.z);
  MX mx = mx_add((MX){3, 0.25}, (MX){-10, 100.5});
  printf("mx_add %d %g\n", mx.i, mx.d);
  DM dm = dm_make(1.25, 41);
  printf("dm_make %g %d\n", dm.d, dm.i);
  SM sm = sm_bump((SM){-5, 300, 9.0f});
  printf("sm_bump %d %d %g\n", sm.c, sm.s, sm.f);
  Big big = big_mix((Big){1LL << 40, 0.5, 7, -3}, 3);
  printf("big_mix %lld %g %d %lld\n", (long long)big.a, big.b, big.c, (long long)big.d);
  Arr arr = arr_rev((Arr){{1, 2, 3}, 0.5f});
  printf("arr_rev %d %d %d %g\n", arr.v[0], arr.v[1], arr.v[2], arr.f);
  printf("da_sum %.17g\n", da_sum((DA){{0.125, 1000}}));
  BA ba;
  for (int i = 0; i < 12; i++) ba.v[i] = (int16_t)(i * 100 - 300);
  printf("ba_sum %d\n", ba_sum(ba));
  printf("many %.17g\n", many((MX){1, 0.5}, (MX){2, 0.25}, (FP){3, 4}, (MX){5, 0.125}, (IP){6, 7},
                           (MX){8, 0.0625}, (FP){9, 10}, (DA){{11, 12}}, (MX){13, 0.03125}));
  printf("pass_big %g\n", pass_big(1, (Big){10, 0.5, 100, 1000}, 0.25));
  printf("call_ip %d\n", call_ip(cb_ip, (IP){3, 4}));
  FP cf = call_fp(cb_fp, (FP){1, 1});
  printf("call_fp %g %g\n", cf.x, cf.y);
  printf("call_mx %g\n", call_mx(cb_mx, (MX){4, 0.5}));
  printf("call_big %lld\n", (long long)call_big(cb_big, (Big){1LL << 33, 1, 2, 3}));
  printf("call_arr %d\n", call_arr(cb_arr, (Arr){{1, 2, 3}, 1.25f}));
  FFD o = odd((FI){0.5f, 2}, (C3){1, 2, 3}, (FFD){0.25f, 0.125f, 4}, (NS){{10, 20}, 0.5f}, (LL){100, 1000});
  printf("odd %g %g %.17g\n", o.x, o.y, o.d);
  C3 c3 = c3_make(-1);
  printf("c3_make %d %d %d\n", c3.a, c3.b, c3.c);
  NS ns = ns_make(7, 2.5f);
  printf("ns_make %d %d %g\n", ns.p.a, ns.p.b, ns.f);
  LL ll = ll_make(1LL << 50);
  printf("ll_make %lld %lld\n", (long long)ll.a, (long long)ll.b);
  FI fi = fi_make(-3.75f);
  printf("fi_make %g %d\n", fi.f, fi.i);
  return 0;
}
