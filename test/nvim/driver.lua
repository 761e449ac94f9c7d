-- Drives archdoc's language server from a real Neovim (headless), with the README's configuration loaded as
-- init.lua. Writes what the editor got to $ARCHDOC_NVIM_OUT as JSON; scripts/test-nvim.mjs compares it with
-- `archdoc check`. Neovim 0.7 APIs only (the oldest the README covers).
local out = {}
local pushed = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  pushed[result.uri] = result
  return default_publish(err, result, ctx, config)
end

local function fail(message)
  out.error = message
  local file = io.open(os.getenv('ARCHDOC_NVIM_OUT'), 'w')
  file:write(vim.fn.json_encode(out))
  file:close()
  os.exit(1)
end

local function client_of(buf)
  local found
  vim.wait(20000, function()
    for _, client in pairs(vim.lsp.buf_get_clients(buf)) do
      if client.name == 'archdoc' and client.initialized then found = client end
    end
    return found ~= nil
  end, 20)
  return found or fail('archdoc did not attach to buffer ' .. buf)
end

-- The diagnostics the server pushed for the buffer's current version, as { line, code } (1-based lines).
local function diagnostics_of(buf)
  local uri = vim.uri_from_bufnr(buf)
  local ok = vim.wait(20000, function()
    local last = pushed[uri]
    return last ~= nil and last.version == vim.lsp.util.buf_versions[buf]
  end, 20)
  if not ok then fail('no diagnostics for version ' .. tostring(vim.lsp.util.buf_versions[buf]) .. ' of ' .. uri) end
  local list = {}
  for _, diagnostic in ipairs(pushed[uri].diagnostics) do
    table.insert(list, { line = diagnostic.range.start.line + 1, code = diagnostic.code })
  end
  return list, pushed[uri].diagnostics
end

local function request(buf, method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, 20000)
  for _, response in pairs(responses or {}) do
    if response.err then fail(method .. ': ' .. vim.inspect(response.err)) end
    return response.result
  end
  fail(method .. ': no answer')
end

local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  client_of(buf)
  return buf
end

local function main()
vim.cmd('filetype on')
out.documents = {}
for _, path in ipairs(vim.split(os.getenv('ARCHDOC_NVIM_DOCS'), ',')) do
  local buf = open(path)
  out.documents[path] = diagnostics_of(buf)
end

-- The completeness tree as document symbols.
local ledger = open('docs/ledger-en.md')
local symbols = request(ledger, 'textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params(ledger) })
out.symbols = {}
for _, symbol in ipairs(symbols) do
  local children = {}
  for _, child in ipairs(symbol.children or {}) do table.insert(children, { name = child.name, detail = child.detail }) end
  table.insert(out.symbols, { name = symbol.name, detail = symbol.detail, children = children })
end

-- A quick fix applied to the buffer: choose an option of the ADR's status.
local adr = open('docs/decisions/0007-outbox.md')
local _, raw = diagnostics_of(adr)
local option
for _, diagnostic in ipairs(raw) do
  if diagnostic.code == 'unchosen-option' then option = diagnostic end
end
if not option then fail('no unchosen-option diagnostic in the ADR') end
local actions = request(adr, 'textDocument/codeAction', {
  textDocument = vim.lsp.util.make_text_document_params(adr),
  range = option.range,
  context = { diagnostics = { option } },
})
out.actions = {}
for _, action in ipairs(actions) do
  table.insert(out.actions, action.title)
  if action.title == 'Choose "accepted"' then vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16') end
end
out.adrLine2 = vim.api.nvim_buf_get_lines(adr, 1, 2, false)[1]
out.adrAfter = diagnostics_of(adr)

-- `#` completion at a new line of the Korean document.
local korean = open('docs/결제-ko.md')
local last = vim.api.nvim_buf_line_count(korean)
vim.api.nvim_buf_set_lines(korean, last, last, false, { '', '## ' })
local items = request(korean, 'textDocument/completion', {
  textDocument = vim.lsp.util.make_text_document_params(korean),
  position = { line = last + 1, character = 3 },
  context = { triggerKind = 2, triggerCharacter = '#' },
})
out.completion = {}
for _, item in ipairs(items.items or items) do table.insert(out.completion, item.label) end

-- A burst of edits (sent incrementally), then the diagnostics of the final version and its text.
vim.api.nvim_set_current_buf(ledger)
vim.api.nvim_buf_set_lines(ledger, 6, 7, false, { '- **Key Features**: Ledger, reversal, export' })
vim.api.nvim_buf_set_lines(ledger, 8, 9, false, { '- **Expected User Scale**: about 600 people' })
vim.api.nvim_buf_set_lines(ledger, 20, 21, false, {})
vim.api.nvim_buf_set_lines(ledger, 3, 3, false, { '### 1.0 Glossary', '', 'Ledger: the book of record.', '' })
vim.api.nvim_buf_set_text(ledger, 1, 0, 1, 0, { 'x' })
vim.api.nvim_buf_set_text(ledger, 1, 0, 1, 1, { '' })
out.final = diagnostics_of(ledger)
out.finalText = table.concat(vim.api.nvim_buf_get_lines(ledger, 0, -1, false), '\n') .. '\n'
out.sync = vim.lsp.buf_get_clients(ledger)[next(vim.lsp.buf_get_clients(ledger))].server_capabilities.textDocumentSync.change

end

local ok, err = pcall(main)
if not ok then fail(tostring(err)) end
local file = io.open(os.getenv('ARCHDOC_NVIM_OUT'), 'w')
file:write(vim.fn.json_encode(out))
file:close()
os.exit(0)
