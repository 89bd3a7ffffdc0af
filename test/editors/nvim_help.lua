-- Headless Neovim (0.7+): the editor help of our server as Neovim shows it. Opens
-- IFU_FILE, waits for diagnostics, then asks for the hover on IFU_HOVER_LINE and runs
-- Neovim's own code-lens machinery; prints one JSON event per line and quits.
local uv = vim.loop
local function out(event) io.stdout:write(vim.json.encode(event), '\n') end
local function fail(msg) io.stderr:write('FAIL: ' .. msg .. '\n'); vim.cmd('cquit 1') end

local file = assert(os.getenv('IFU_FILE'))
local server = assert(os.getenv('IFU_SERVER'))
local hover_line = tonumber(os.getenv('IFU_HOVER_LINE'))
local hover_col = tonumber(os.getenv('IFU_HOVER_COL'))

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'markdown'
local exited
local client_id = vim.lsp.start_client({
  name = 'interview-followup',
  cmd = { 'node', server, 'lsp', '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
  on_exit = function(code) exited = code end,
})
if not client_id then return fail('start_client returned nil') end
vim.lsp.buf_attach_client(bufnr, client_id)
if not vim.wait(15000, function() return exited ~= nil or #vim.diagnostic.get(bufnr) > 0 end, 10) then
  return fail('no diagnostics')
end
if exited then return fail('server exited ' .. exited) end

-- Hover, rendered the way vim.lsp.buf.hover() renders it into its floating window.
local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = hover_line, character = hover_col } }
local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 5000)
local result = resp and resp[client_id] and resp[client_id].result
if not result then return fail('no hover') end
local lines = vim.lsp.util.trim_empty_lines(vim.lsp.util.convert_input_to_markdown_lines(result.contents))
out({ event = 'hover', line = hover_line, lines = lines })

-- Code lenses through Neovim's own codelens module, as `:lua vim.lsp.codelens.refresh()` does.
vim.lsp.codelens.refresh()
if not vim.wait(5000, function() return #vim.lsp.codelens.get(bufnr) > 0 end, 10) then return fail('no code lens') end
local lenses = {}
for _, lens in ipairs(vim.lsp.codelens.get(bufnr)) do
  lenses[#lenses + 1] = { line = lens.range.start.line, title = lens.command and lens.command.title }
end
out({ event = 'codelens', lenses = lenses })
vim.lsp.stop_client(client_id)
vim.cmd('qall!')
