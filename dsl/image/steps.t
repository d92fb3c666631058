-- image.steps: the Lua half of the step engine. image.step describes a
-- step; image.graph checks the steps, orders them and lays them out as a
-- Plan for the Terra engine (image.engine), which hashes, runs, stores and
-- logs. image.build runs a graph now; graph.main is the Terra entry point
-- for a builder compiled by `terrac build`.
--
--   local a = image.step{ name = "a", inputs = { "src.txt" }, outputs = { "a.gz" },
--                         run = { "gzip", "-9n", "-c", image.input(1), stdout = image.output(1) } }
--   local b = image.step{ name = "b", inputs = { a }, outputs = { "b.txt" },
--                         run = function(s) ... write s.outputs[1] ... end }
--   image.build{ a, b, dir = "build" }
-- Only U.fail is needed here; image.util itself (Terra code and header
-- imports) is not loaded, to keep a rebuild with nothing to do fast.
local U = {}
function U.fail(level, fmt, ...)
  error(string.format(fmt, ...), level + 2)
end
local X = require "image.execspec"
local T = require "image.stamp"

local S = {}
S.StepCtx = T.Ctx

local Step = {}
Step.__index = Step
local Marker = {}

-- where is "file:line" of the user's call, level frames above the caller.
local function where(level)
  local info = debug.getinfo(level + 2, "Sl")
  if not info then return "?:0" end
  return info.short_src .. ":" .. (info.currentline or 0)
end

-- failat raises msg at a position recorded earlier (a step's line).
local function failat(pos, fmt, ...)
  error(pos .. ": " .. string.format(fmt, ...), 0)
end

function S.input(i)
  if type(i) ~= "number" or i < 1 or i ~= math.floor(i) then U.fail(1, "image.input: an input number (1, 2, ...) expected") end
  return setmetatable({ which = "input", i = i }, Marker)
end
function S.output(i)
  if type(i) ~= "number" or i < 1 or i ~= math.floor(i) then U.fail(1, "image.output: an output number (1, 2, ...) expected") end
  return setmetatable({ which = "output", i = i }, Marker)
end

local function checkpath(p, what, level)
  if type(p) ~= "string" or p == "" then U.fail(level + 1, "%s: a path expected, got %s", what, type(p)) end
  if p:find("[%z\n]") then U.fail(level + 1, "%s: path %q holds a NUL or a newline", what, p) end
end

function S.step(spec)
  if type(spec) ~= "table" then U.fail(1, "image.step: { name = ..., inputs = {...}, outputs = {...}, run = ... } expected") end
  local name = spec.name
  if type(name) ~= "string" or not name:match("^[%w_][%w._-]*$") then
    U.fail(1, "image.step: name must be a word of letters, digits, '.', '_' and '-', got %s", tostring(name))
  end
  local what = "image.step " .. name
  local inputs = spec.inputs or {}
  if type(inputs) ~= "table" then U.fail(1, "%s: inputs must be a list of paths and steps", what) end
  for i, v in ipairs(inputs) do
    if getmetatable(v) ~= Step then checkpath(v, what .. ": inputs[" .. i .. "]", 1) end
  end
  local outputs = spec.outputs
  if type(outputs) ~= "table" or #outputs == 0 then U.fail(1, "%s: outputs = { \"path\", ... } expected", what) end
  local seen = {}
  for i, v in ipairs(outputs) do
    checkpath(v, what .. ": outputs[" .. i .. "]", 1)
    if seen[v] then U.fail(1, "%s: output %s is listed twice", what, v) end
    seen[v] = true
  end
  local run, kind = spec.run, nil
  if type(run) == "function" then kind = "lua"
  elseif terralib.isfunction(run) then kind = "terra"
  elseif X.ispipe(run) then kind = "exec"
  elseif type(run) == "table" and #run > 0 then kind = "exec"
  elseif type(run) == "string" then
    U.fail(1, "%s: run is a string; give an argv array, or image.sh\"...\" to run it through a shell", what)
  else
    U.fail(1, "%s: run must be a Lua function, a Terra function, an argv array or image.pipe{...}, got %s", what, type(run))
  end
  if spec.env ~= nil and type(spec.env) ~= "table" then U.fail(1, "%s: env must be a table", what) end
  for k, v in pairs(spec.env or {}) do
    if type(k) ~= "string" or (type(v) ~= "string" and type(v) ~= "number") then
      U.fail(1, "%s: env entries must be NAME = \"value\"", what)
    end
  end
  if spec.version ~= nil and type(spec.version) ~= "string" and type(spec.version) ~= "number" then
    U.fail(1, "%s: version must be a string or a number", what)
  end
  if kind == "terra" then
    local ok, ty = pcall(function() return run:gettype() end)
    if not ok then U.fail(1, "%s: %s", what, tostring(ty)) end
    local ps = ty.parameters
    if #ps > 1 or (#ps == 1 and ps[1] ~= &T.Ctx) then
      U.fail(1, "%s: a Terra run function takes (&image.StepCtx) or nothing, not %s", what, tostring(ty))
    end
    local rt = ty.returntype
    if not (rt == bool or rt:isintegral() or rt == terralib.types.unit) then
      U.fail(1, "%s: a Terra run function returns an integer (0: success), a bool or nothing, not %s", what, tostring(rt))
    end
  end
  local s = setmetatable({ name = name, inputs = inputs, outputs = outputs, run = run, kind = kind,
    env = spec.env or {}, version = spec.version and tostring(spec.version) or "", where = where(1) }, Step)
  return s
end
function S.isstep(v) return getmetatable(v) == Step end

-- tmpname is where a step writes an output before the engine moves it into
-- the store: beside it, so the rename stays on one file system.
local function tmpname(path)
  local d, base = path:match("^(.*/)([^/]*)$")
  if not d then d, base = "", path end
  return d .. "." .. base .. ".image-tmp"
end

-- source gives the text of a Lua function from its file, for its identity.
local function source(fn)
  local info = debug.getinfo(fn, "S")
  local text = ""
  if info.source:sub(1, 1) == "@" and info.linedefined > 0 then
    local f = io.open(info.source:sub(2), "rb")
    if f then
      local n, lines = 0, {}
      for l in f:lines() do
        n = n + 1
        if n >= info.linedefined and n <= info.lastlinedefined then lines[#lines + 1] = l end
        if n > info.lastlinedefined then break end
      end
      f:close()
      text = table.concat(lines, "\n")
    end
  end
  return text
end

-- identity describes what a step runs, for its key.
local function identity(s, packed)
  if s.kind == "exec" then
    local t = { "exec", table.concat(packed.counts, ","), packed.args, packed.envs, packed.cwd or "",
      packed.stdin or "", packed.stdout or "", tostring(packed.timeoutms) }
    return table.concat(t, "\0")
  elseif s.kind == "lua" then
    return "lua\0" .. source(s.run)
  else
    local ok, text = pcall(function() return tostring(s.run:getdefinitions()[1]) end)
    if not ok then text = "" end
    -- line numbers are not part of what the code does
    text = text:gsub("[^\n]-:%d+:[ \t]*", "")
    return "terra\0" .. tostring(s.run.name) .. "\0" .. text
  end
end

local function sortedenv(env)
  local keys = {}
  for k in pairs(env) do keys[#keys + 1] = k end
  table.sort(keys)
  local e = {}
  for i, k in ipairs(keys) do e[i] = k .. "=" .. tostring(env[k]) end
  return e
end

local Graph = {}
Graph.__index = function(g, k)
  if k == "main" then
    for _, s in ipairs(g.order) do
      if s.kind == "lua" then
        U.fail(1, "image.graph: step %s runs a Lua function, which a compiled builder cannot hold; give it a Terra function or an argv array", s.name)
      end
    end
    g:compile()
    return rawget(g, "cmain")
  end
  return Graph[k]
end

function S.graph(spec, level)
  level = (level or 0) + 1
  if type(spec) ~= "table" then U.fail(level, "image.graph: { step, step, ..., dir = \"build\" } expected") end
  local dir = spec.dir or "."
  if type(dir) ~= "string" or dir == "" then U.fail(level, "image.graph: dir must be a path") end
  -- the steps listed, and the steps they take inputs from
  local steps, byname = {}, {}
  local function add(s)
    if byname[s.name] == s then return end
    if byname[s.name] then
      failat(s.where, "image.graph: two steps are named %s (the other is at %s)", s.name, byname[s.name].where)
    end
    byname[s.name] = s
    steps[#steps + 1] = s
    for _, v in ipairs(s.inputs) do if S.isstep(v) then add(v) end end
  end
  for i, s in ipairs(spec) do
    if not S.isstep(s) then U.fail(level, "image.graph: element %d is a %s, not an image.step", i, type(s)) end
    add(s)
  end
  if #steps == 0 then U.fail(level, "image.graph: no steps") end
  local producer = {}
  for _, s in ipairs(steps) do
    for i, o in ipairs(s.outputs) do
      local p = producer[o]
      if p then failat(s.where, "image.graph: steps %s and %s both make %s", p.step.name, s.name, o) end
      producer[o] = { step = s, index = i }
    end
  end
  -- inputs: paths, each a source file or another step's output
  for _, s in ipairs(steps) do
    local paths, deps = {}, {}
    for _, v in ipairs(s.inputs) do
      if S.isstep(v) then
        for _, o in ipairs(v.outputs) do paths[#paths + 1] = o end
      else
        paths[#paths + 1] = v
      end
    end
    for _, p in ipairs(paths) do
      local pr = producer[p]
      if pr then
        if pr.step == s then failat(s.where, "image.graph: step %s takes its own output %s as an input", s.name, p) end
        deps[#deps + 1] = pr.step
      else
        local f = io.open(p, "rb")
        if not f then failat(s.where, "image.graph: input %s of step %s does not exist and no step makes it", p, s.name) end
        f:close()
      end
    end
    s.paths, s.deps = paths, deps
  end
  -- depth-first order, producers first; a step met again while its own
  -- producers are being visited closes a cycle
  local order, color, stack = {}, {}, {}
  local function visit(s)
    if color[s] == 2 then return end
    if color[s] == 1 then
      local names, start = {}, nil
      for i, t in ipairs(stack) do if t == s then start = i end end
      for i = start, #stack do names[#names + 1] = stack[i].name end
      names[#names + 1] = s.name
      failat(stack[#stack].where, "image.graph: steps %s form a cycle", table.concat(names, " -> "))
    end
    color[s] = 1
    stack[#stack + 1] = s
    for _, d in ipairs(s.deps) do visit(d) end
    stack[#stack] = nil
    color[s] = 2
    order[#order + 1] = s
  end
  for _, s in ipairs(steps) do visit(s) end

  -- what each step runs, resolved, and its definition (hashed into its key)
  for _, s in ipairs(order) do
    local packed
    if s.kind == "exec" then
      local function resolve(v, lvl)
        if getmetatable(v) ~= Marker then return v end
        local list = v.which == "input" and s.paths or s.outputs
        local p = list[v.i]
        if not p then failat(s.where, "image.step %s: image.%s(%d), but the step has %d %ss", s.name, v.which, v.i, #list, v.which) end
        return v.which == "input" and p or tmpname(p)
      end
      local run = s.run
      if next(s.env) then
        -- the step's env, under the command's own
        local env = {}
        for k, v in pairs(s.env) do env[k] = v end
        for k, v in pairs(run.env or {}) do env[k] = v end
        local copy = {}
        for k, v in pairs(run) do copy[k] = v end
        copy.env = env
        run = setmetatable(copy, getmetatable(run))
      end
      local ok, p = pcall(X.pack, run, 1, resolve)
      if not ok then failat(s.where, "%s", (tostring(p):gsub("^[^:]*:%d+: ", ""))) end
      packed = p
    end
    s.packed = packed
    s.def = table.concat({ "image-step 1", s.name, s.version, "in", table.concat(s.paths, "\0"),
      "out", table.concat(s.outputs, "\0"), "env", table.concat(sortedenv(s.env), "\0"),
      "run", identity(s, packed) }, "\0")
  end
  return setmetatable({ steps = order, order = order, dir = dir }, Graph)
end

-- compile lays the graph out as the engine's Plan and makes its Terra entry
-- points: g.runargs for the Lua stage, g.cmain for a compiled builder.
function Graph:compile()
  if rawget(self, "runargs") then return end
  local E = require "image.engine"
  local XR = require "image.exec"
  local UT = require "image.util"
  local g, order, dir = self, self.order, self.dir
  local blob = UT.blob()
  local esteps, eins, eouts = {}, {}, {}
  local outindex = {}
  for _, s in ipairs(order) do
    local out0 = #eouts
    for i, o in ipairs(s.outputs) do
      eouts[#eouts + 1] = { path = blob:add(o .. "\0"), tmp = blob:add(tmpname(o) .. "\0") }
      outindex[o] = out0 + i - 1
    end
    local in0 = #eins
    for _, p in ipairs(s.paths) do
      eins[#eins + 1] = { path = blob:add(p .. "\0"), out = outindex[p] or -1 }
    end
    esteps[#esteps + 1] = { name = blob:add(s.name .. "\0"), def = blob:add(s.def), deflen = #s.def,
      in0 = in0, nin = #s.paths, out0 = out0, nout = #s.outputs }
  end
  local function arr(T, list, empty)
    if #list == 0 then list = { empty } end
    return global(T[#list], list)
  end
  local STEPS = arr(E.Step, esteps)
  local INS = arr(E.In, eins, { path = 0, out = -1 })
  local OUTS = arr(E.Out, eouts)
  local B = blob:constant()
  local nsteps, nouts = #order, #eouts

  -- run(i, ctx) dispatches to step i's code.
  local ctx = symbol(&E.Ctx, "ctx")
  local idx = symbol(int, "i")
  local cases = {}
  for i, s in ipairs(order) do
    local call
    if s.kind == "exec" then
      local p = s.packed
      local COUNTS = constant(int[#p.counts], p.counts)
      call = quote
        var counts = COUNTS
        return XR.runpipe(p.args, &counts[0], [#p.counts], p.envs, p.nenv, [p.cwd or ""], ctx.logpath,
          [p.stdin or ""], [p.stdout or ""], p.timeoutms)
      end
    elseif s.kind == "terra" then
      local fn = s.run
      local np = #fn:gettype().parameters
      local c = np == 1 and (`fn(ctx)) or (`fn())
      local rt = fn:gettype().returntype
      -- failures are told apart from programs' exit statuses (see the
      -- engine's statusword)
      if rt == bool then call = quote if [c] then return 0 end return -102 end
      elseif rt:isintegral() then call = quote
          var r = [int]([c])
          if r == 0 then return 0 end
          return -1000000 + r
        end
      else call = quote [c]; return 0 end end
    else
      local fp = terralib.cast({} -> int, S.luarunner(s, g))
      call = quote return fp() end
    end
    cases[i] = quote if [idx] == [i - 1] then [call] end end
  end
  local terra dispatch([idx], [ctx]) : int
    [cases]
    return -1
  end
  local DIR = dir
  local terra plan(p : &E.Plan)
    p.n, p.steps, p.ins, p.outs, p.nouts = nsteps, &STEPS[0], &INS[0], &OUTS[0], nouts
    p.blob, p.dir = [rawstring](B), DIR
  end
  g.runargs = terra(args : rawstring, nargs : int) : int
    var p : E.Plan
    plan(&p)
    return E.mainargs(&p, dispatch, args, nargs)
  end
  g.cmain = terra(argc : int, argv : &rawstring) : int
    var p : E.Plan
    plan(&p)
    return E.main(&p, dispatch, argc - 1, argv + 1)
  end
end

-- luarunner wraps a Lua run function: it gets a table with the step's
-- name, inputs, outputs (the temp paths to write), env, log (the log's
-- path), print (to the log) and exec (image.exec with the log as default).
function S.luarunner(s, g)
  return function()
    local log = g.dir .. "/.logs/" .. s.name .. ".log"
    local outs = {}
    for i, o in ipairs(s.outputs) do outs[i] = tmpname(o) end
    local ctx = { name = s.name, inputs = s.paths, outputs = outs, env = s.env, log = log }
    function ctx.print(...)
      local f = io.open(log, "ab")
      if f then
        local t = {}
        for i = 1, select("#", ...) do t[i] = tostring((select(i, ...))) end
        f:write(table.concat(t, "\t"), "\n")
        f:close()
      end
    end
    function ctx.exec(spec)
      if type(spec) == "table" and spec.log == nil then
        local copy = {}
        for k, v in pairs(spec) do copy[k] = v end
        copy.log = log
        spec = setmetatable(copy, getmetatable(spec))
      end
      return require("image.exec").exec(spec)
    end
    local ok, res = pcall(s.run, ctx)
    if not ok then
      ctx.print("error: " .. tostring(res))
      return -101
    end
    if res == false then return -101 end
    return 0
  end
end

-- run runs the graph now with command-line arguments args (default: the
-- script's); it returns the engine's status (0, 1 a step failed, 2 bad
-- arguments).
function Graph:run(args)
  if os.getenv("TERRAC_IMAGE_STEPS") == "off" then
    U.fail(1, "image: running build steps is disabled here (TERRAC_IMAGE_STEPS=off)")
  end
  args = args or arg or {}
  local a = {}
  for i, v in ipairs(args) do a[i] = tostring(v) end
  if #a == 0 and self:uptodate() then
    local n = #self.order
    if T.isatty() then
      io.write(string.format("image: %d steps, 0 ran, %d cached\n", n, n))
    else
      for i, s in ipairs(self.order) do io.write(string.format("[%d/%d] %s cached\n", i, n, s.name)) end
    end
    io.stdout:flush() -- the C stdout buffer print and io.write share (io.flush() misses it)
    return 0
  end
  self:compile()
  return self.runargs(table.concat(a, "\0") .. "\0", #a)
end

-- uptodate sees, without the Terra engine, whether every step is up to
-- date: the engine would find each step's stamp holding the key it
-- computes, and its outputs unchanged. The stamp keeps the definition the
-- key was computed from and the stamp and hash of each input, so equal
-- definitions, equal input stamps (or, for another step's output, equal
-- hashes) and equal output stamps mean the same key and nothing to do.
function Graph:uptodate()
  local outhash = {}
  for _, s in ipairs(self.order) do
    local f = io.open(self.dir .. "/.image-state/" .. s.name, "rb")
    if not f then return false end
    local text = f:read("*a")
    f:close()
    local head, len, def = text:match("^(.-\n)def (%d+)\n(.*)$")
    if not head or tonumber(len) ~= #def or def ~= s.def then return false end
    local ins, outs = {}, {}
    for kind, st, hex, path in head:gmatch("(%a+) (%d+ %d+ %d+) (%x+) ([^\n]*)\n") do
      local list = kind == "in" and ins or outs
      list[#list + 1] = { st = st, hex = hex, path = path }
    end
    if #ins ~= #s.paths or #outs ~= #s.outputs then return false end
    for k, p in ipairs(s.paths) do
      local r = ins[k]
      if r.path ~= p or T.stamp(p) ~= r.st then return false end
      if outhash[p] and outhash[p] ~= r.hex then return false end
    end
    for k, p in ipairs(s.outputs) do
      local r = outs[k]
      if r.path ~= p or T.stamp(p) ~= r.st then return false end
      outhash[p] = r.hex
    end
  end
  return true
end

function S.build(spec)
  if os.getenv("TERRAC_IMAGE_STEPS") == "off" then
    U.fail(1, "image.build: running build steps is disabled here (TERRAC_IMAGE_STEPS=off)")
  end
  local g = S.graph(spec, 1)
  local rc = g:run(spec.args)
  if rc == 1 then U.fail(1, "image.build: a step failed (see above)") end
  if rc ~= 0 then U.fail(1, "image.build: bad arguments (see above)") end
  return g
end

return S
