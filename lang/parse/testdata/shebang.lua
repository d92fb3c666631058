#!/usr/bin/env lua
print("hello")
