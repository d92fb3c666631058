-- bit.tohex formats the low n nibbles; negative n uses upper case.
print(bit.tohex(255), bit.tohex(-1), bit.tohex(0x1234abcd, 4), bit.tohex(0x1234abcd, -4), bit.tohex(1, 2))
