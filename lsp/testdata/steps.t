local image = require "image"
image.exec{ "true" }
