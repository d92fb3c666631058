-- image.exec runs argv arrays with an empty environment unless one is given.
local image = require "image"
print(image.exec{ "sh", "-c", 'echo "FOO=$FOO HOME=${HOME-unset}"; pwd', env = { FOO = "a b" }, cwd = "/" })
print(image.exec{ "false", check = false })
print(image.exec{ "sleep", "5", timeout = 0.2, check = false })
print(image.exec{ "no-such-program-here", check = false })
print(image.exec{ "sh", "-c", "kill -9 $$", check = false })
print(pcall(image.exec, { "sh", "-c", "exit 3" }))
