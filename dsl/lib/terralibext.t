-- Programs written for the RAII proposal load this module to turn managed
-- types on. In terrac managed types are always on (a type is managed when it
-- or a field has __dtor), so the module only has to exist.
return true
