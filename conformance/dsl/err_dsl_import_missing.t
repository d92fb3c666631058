-- import of a module that does not exist.
import "lib.nosuchlanguage"
