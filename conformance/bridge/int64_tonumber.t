-- tonumber converts a boxed integer to a Lua number (rounding beyond 2^53).
print(tonumber(42LL) == 42, tonumber(-3LL), tonumber(9007199254740993LL) == 2^53, tostring(7ULL))
