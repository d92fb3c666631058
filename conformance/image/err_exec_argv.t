local image = require "image"
image.exec{ "echo", {} }
