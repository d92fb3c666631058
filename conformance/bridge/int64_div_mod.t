-- / and % truncate toward zero, as in C.
print(7LL / 2, -7LL / 2, 7LL % 3, -7LL % 3, 7ULL / 2)
print(5LL / 0, 5ULL / 0)
