-- A syntax error in an anonymous function inside a parameter type.
terra f(a : terra
