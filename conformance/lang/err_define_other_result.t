-- A definition whose result type differs from the declaration's is an
-- error where it is written.
terra g :: {int} -> int
terra g(x : int) : double return x end
