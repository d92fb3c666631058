-- Drives terrac's language server from Neovim's built-in client (0.7:
-- start_client and buf_attach_client; vim.lsp.start came later).
-- Run: nvim --headless --clean -n -i NONE -u NONE -c "luafile nvim.lua"
-- with TERRAC_BIN and LSP_FILE in the environment. Prints "ok" lines,
-- and exits 0 when every check passed, 1 otherwise.
local failed = false
local function say(s) io.stdout:write(s .. "\n") end
local function check(cond, what)
  say((cond and "ok " or "FAIL ") .. what)
  if not cond then failed = true end
end
local function finish()
  vim.cmd(failed and "cquit 1" or "qall!")
end

local ok, err = pcall(function()
  local file = vim.env.LSP_FILE
  local id = vim.lsp.start_client {
    name = "terrac",
    cmd = { vim.env.TERRAC_BIN, "lsp" },
    root_dir = vim.fn.fnamemodify(file, ":h"),
  }
  check(id ~= nil, "start_client")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  -- Neovim takes *.t for nroff or perl: say what it is.
  vim.bo.filetype = "terra"
  local buf = vim.api.nvim_get_current_buf()
  check(vim.lsp.buf_attach_client(buf, id), "buf_attach_client")

  vim.wait(60000, function() return #vim.diagnostic.get(buf) >= 2 end, 50)
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b) return a.lnum < b.lnum end)
  for _, d in ipairs(diags) do
    say(string.format("diagnostic %d:%d %s", d.lnum + 1, d.col + 1, d.message))
  end
  check(#diags == 2, "two diagnostics")
  -- The type error (line 18) and the function nobody calls (line 22).
  check(diags[1] and diags[1].lnum + 1 == 18 and diags[1].message:find("&int8 to int32", 1, true),
    "the type error at line 18")
  check(diags[2] and diags[2].lnum + 1 == 22 and diags[2].message:find("niltype to int32", 1, true),
    "the uncalled function's error at line 22")

  -- Hover on the name of add (line 10: "terra add(...)").
  local res = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = 9, character = 7 },
  }, 20000)
  local text = ""
  for _, r in pairs(res or {}) do
    if r.result and r.result.contents then text = text .. (r.result.contents.value or "") end
  end
  say("hover " .. text:gsub("\n", " | "))
  check(text:find("terra add : {int32,int32} -> int32", 1, true) ~= nil, "hover shows add's type")
end)
if not ok then
  say("FAIL error: " .. tostring(err))
  failed = true
end
finish()
