local image = require "image"
image.exec{ "sh", "-c", "exit 7" }
