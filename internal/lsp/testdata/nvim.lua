-- Drives Neovim's built-in LSP client, started by init.lua (the README's
-- configuration) for the YAML file nvim was started with, and writes what
-- the client received to $OUT, one line per finding. The test names what
-- to edit: $REF, a reference the file makes ("{ref:id}"); $TYPO, the same
-- reference misspelt; $PREFIX, the start of ids to complete after "{ref:";
-- $RENAME, the new name of the reference's id.
local REF, TYPO, PREFIX, RENAME = os.getenv("REF"), os.getenv("TYPO"), os.getenv("PREFIX"), os.getenv("RENAME")
local out = {}
local function log(s) table.insert(out, s) end
local function finish()
  vim.fn.writefile(out, os.getenv("OUT"))
  vim.cmd("qa!")
end

if not vim.wait(30000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 50) then
  log("no client attached"); finish()
end

local function find(needle)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local s = l:find(needle, 1, true)
    if s then return i - 1, l, s - 1 end
  end
end

-- replace writes to the buffer the first line holding from, with from
-- (plain text, not a pattern) replaced by to.
local function replace(from, to)
  local n, l, b = find(from)
  vim.api.nvim_buf_set_lines(0, n, n + 1, false, { l:sub(1, b) .. to .. l:sub(b + #from + 1) })
end

-- An unsaved edit with an unknown reference.
replace(REF, TYPO)
if not vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50) then log("no diagnostics") end
for _, d in ipairs(vim.diagnostic.get(0)) do
  log(string.format("diagnostic %d:%d-%d %s", d.lnum + 1, d.col, d.end_col, (d.message:gsub("\n.*", ""))))
end

local function at(needle, shift)
  local ln, l, b = find(needle)
  return { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = ln, character = vim.str_utfindex(l, b + shift) } }
end

-- Completion after {ref:PREFIX
local typed = "{ref:" .. PREFIX .. "}"
replace(TYPO, typed)
local res = vim.lsp.buf_request_sync(0, "textDocument/completion", at(typed, #typed - 1), 30000)
for _, r in pairs(res or {}) do
  local items = r.result and (r.result.items or r.result) or {}
  for _, it in ipairs(items) do log("completion " .. it.label) end
end

-- Restore the reference; hover, definition, rename on it.
replace(typed, REF)
res = vim.lsp.buf_request_sync(0, "textDocument/hover", at(REF, 6), 30000)
for _, r in pairs(res or {}) do
  if r.result then log("hover " .. (r.result.contents.value:gsub("\n+", " | "))) end
end
res = vim.lsp.buf_request_sync(0, "textDocument/definition", at(REF, 6), 30000)
for _, r in pairs(res or {}) do
  for _, loc in ipairs(r.result or {}) do
    log(string.format("definition %s:%d", vim.fn.fnamemodify(vim.uri_to_fname(loc.uri), ":t"), loc.range.start.line + 1))
  end
end
res = vim.lsp.buf_request_sync(0, "textDocument/rename", vim.tbl_extend("force", at(REF, 6), { newName = RENAME }), 30000)
for _, r in pairs(res or {}) do
  if r.result then
    vim.lsp.util.apply_workspace_edit(r.result, "utf-16")
  end
end
local _, renamed = find(RENAME)
log("renamed " .. tostring(renamed ~= nil))
finish()
