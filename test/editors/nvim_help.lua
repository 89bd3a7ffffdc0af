-- Headless Neovim (0.7+): the editor help of our server as Neovim shows it. Opens
-- IFU_FILE, waits for diagnostics, then asks for the hover on IFU_HOVER_LINE (if set) and runs
-- Neovim's own code-lens machinery; with IFU_RUN_LENS set, puts the cursor on the line of the
-- lens of that title and runs it as a user does (vim.lsp.codelens.run()), then waits for the
-- buffer to change. Prints one JSON event per line and quits.
local uv = vim.loop
local function out(event) io.stdout:write(vim.json.encode(event), '\n') end
local function fail(msg) io.stderr:write('FAIL: ' .. msg .. '\n'); vim.cmd('cquit 1') end

local file = assert(os.getenv('IFU_FILE'))
local server = assert(os.getenv('IFU_SERVER'))
local hover_line = tonumber(os.getenv('IFU_HOVER_LINE'))
local hover_col = tonumber(os.getenv('IFU_HOVER_COL'))
local run_lens = os.getenv('IFU_RUN_LENS')

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
if hover_line then
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = hover_line, character = hover_col } }
  local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 5000)
  local result = resp and resp[client_id] and resp[client_id].result
  if not result then return fail('no hover') end
  local lines = vim.lsp.util.trim_empty_lines(vim.lsp.util.convert_input_to_markdown_lines(result.contents))
  out({ event = 'hover', line = hover_line, lines = lines })
end

-- Code lenses through Neovim's own codelens module, as `:lua vim.lsp.codelens.refresh()` does.
vim.lsp.codelens.refresh()
if not vim.wait(5000, function() return #vim.lsp.codelens.get(bufnr) > 0 end, 10) then return fail('no code lens') end
local lenses = {}
for _, lens in ipairs(vim.lsp.codelens.get(bufnr)) do
  lenses[#lenses + 1] = { line = lens.range.start.line, title = lens.command and lens.command.title }
end
out({ event = 'codelens', lenses = lenses })

-- A lens run from the cursor's line: Neovim sends workspace/executeCommand for a command the
-- server advertises, and applies the workspace/applyEdit the server answers with.
if run_lens then
  local target
  for _, lens in ipairs(vim.lsp.codelens.get(bufnr)) do
    if lens.command and lens.command.title == run_lens then target = lens end
  end
  if not target then return fail('no lens titled ' .. run_lens) end
  -- Several lenses on the line (a Neovim that shows documents gets Open too): the user picks ours.
  vim.ui.select = function(items, opts, on_choice)
    for i, item in ipairs(items) do
      if opts.format_item(item) == run_lens then return on_choice(item, i) end
    end
    on_choice(nil, nil)
  end
  local before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  vim.api.nvim_win_set_cursor(0, { target.range.start.line + 1, 0 })
  vim.lsp.codelens.run()
  local function text() return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') end
  if not vim.wait(5000, function() return text() ~= before end, 10) then return fail('the lens changed nothing') end
  out({ event = 'lens-run', title = run_lens, line = target.range.start.line, text = text() })
end
vim.lsp.stop_client(client_id)
vim.cmd('qall!')
