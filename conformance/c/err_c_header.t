-- A missing header is reported with the including line.
local C = terralib.includec("no_such_header_xyz.h")
