-- Two definitions of one name in a group of terra statements conflict
-- (a declaration followed by its definition does not).
terra twice :: int -> int
terra twice(x : int) return 2 * x end
terra pick(x : int) return 1 end
terra pick(x : double) return 2 end
