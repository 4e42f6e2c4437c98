-- A second, independent LSP client for the protocol tests: Neovim 0.7 (Debian's) starts the bundled
-- server over stdio for the current buffer, prints every diagnostic it publishes, then asks for a hover
-- at the cursor and prints it. Exits non-zero when nothing arrives in time.
-- usage: SERVER=dist/server.js nvim --headless --clean -n -c 'luafile neovim-lsp.lua' FILE
local server = os.getenv('SERVER')
local got_diagnostics = false
local client_id = vim.lsp.start_client({
  name = 'ld-manifest',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.getcwd(),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, result)
      for _, d in ipairs(result.diagnostics) do
        io.stdout:write(string.format('DIAG %d:%d %s %s\n', d.range.start.line, d.range.start.character, d.code or '', d.message))
      end
      got_diagnostics = true
    end,
  },
})
vim.lsp.buf_attach_client(0, client_id)
if not vim.wait(15000, function() return got_diagnostics end, 20) then
  io.stdout:write('TIMEOUT waiting for diagnostics\n')
  vim.cmd('cquit 1')
end
local line = tonumber(os.getenv('HOVER_LINE') or '0')
local character = tonumber(os.getenv('HOVER_CHARACTER') or '0')
local response = vim.lsp.buf_request_sync(0, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  position = { line = line, character = character },
}, 10000)
for _, answer in pairs(response or {}) do
  if answer.result and answer.result.contents then
    io.stdout:write('HOVER ' .. (answer.result.contents.value or ''):gsub('\n', ' ') .. '\n')
  end
end
vim.cmd('qa!')
