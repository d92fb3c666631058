-- Arithmetic on boxed 64-bit integers is exact and stays boxed.
local a = 9007199254740993LL
print(a + 1, a - 1, a * 2, a / 2, a % 10, -a)
print(a + 1.9, 2 + a, 3LL ^ 3, 2LL ^ 62)
