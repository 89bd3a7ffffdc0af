-- Drives the interview-followup language server from a real, headless Neovim (0.7.2 and later):
-- open an overdue note, wait for check-in-due, ask for code actions over that diagnostic,
-- apply "Draft check-in email..." the way Neovim applies any WorkspaceEdit, write the file.
-- One JSON object per stdout line; exit 0 on success, `cquit 1` on any failure.
--
-- Run by test/editors/neovim.test.ts with an isolated HOME/XDG and:
--   nvim --headless -u NONE -i NONE -n -c 'lua dofile(os.getenv("IFU_SCRIPT"))'
-- Environment: IFU_REPO (repository root), IFU_NOTE (the note), IFU_ROOT (workspace folder),
-- IFU_TODAY (YYYY-MM-DD), IFU_NODE (node executable, default "node").

local uv = vim.loop
local t0 = uv.hrtime()
local function ms() return math.floor((uv.hrtime() - t0) / 1e6) end

local function emit(event, fields)
  fields = fields or {}
  fields.event = event
  fields.ms = ms()
  io.stdout:write(vim.json.encode(fields), '\n')
  io.stdout:flush()
end

local function getenv(name)
  local v = os.getenv(name)
  if v == nil or v == '' then error('environment variable ' .. name .. ' is not set', 0) end
  return v
end

local function starts_with(s, prefix) return type(s) == 'string' and s:sub(1, #prefix) == prefix end

-- A vim.diagnostic byte column back to an LSP character in the negotiated encoding.
local function lsp_character(bufnr, lnum, col, encoding)
  if encoding == 'utf-8' then return col end
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ''
  local utf32, utf16 = vim.str_utfindex(line, math.min(col, #line))
  return encoding == 'utf-16' and utf16 or utf32
end

-- The LSP shape of a vim.diagnostic: Neovim 0.7 keeps code and data in user_data.lsp but
-- not the range or message, so rebuild what is missing.
local function to_lsp(bufnr, d, encoding)
  local lsp = vim.deepcopy((d.user_data and d.user_data.lsp) or {})
  lsp.range = lsp.range or {
    start = { line = d.lnum, character = lsp_character(bufnr, d.lnum, d.col, encoding) },
    ['end'] = { line = d.end_lnum, character = lsp_character(bufnr, d.end_lnum, d.end_col, encoding) },
  }
  lsp.message = lsp.message or d.message
  lsp.severity = lsp.severity or d.severity
  lsp.source = lsp.source or d.source
  lsp.code = lsp.code or d.code
  return lsp
end

local function main()
  local repo = getenv('IFU_REPO')
  local note = getenv('IFU_NOTE')
  local root = getenv('IFU_ROOT')
  local today = getenv('IFU_TODAY')
  local node = os.getenv('IFU_NODE') or 'node'

  vim.cmd('edit ' .. vim.fn.fnameescape(note))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown' -- -u NONE: no filetype detection; the languageId is the filetype

  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'interview-followup',
    cmd = { node, repo .. '/bin/interview-followup.js', 'lsp', '--stdio' },
    cmd_cwd = root,
    cmd_env = { INTERVIEW_FOLLOWUP_TODAY = today },
    root_dir = root,
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client returned nil', 0) end
  -- vim.lsp.start (0.8+) would attach too; start_client + buf_attach_client works on 0.7..0.10.
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function find_due()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == 'check-in-due' or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == 'check-in-due') then return d end
    end
    return nil
  end
  local got = vim.wait(15000, function() return exited ~= nil or find_due() ~= nil end, 10)
  if exited then error('the server exited: ' .. vim.inspect(exited), 0) end
  if not got then error('no check-in-due diagnostic within 15 s; got ' .. vim.inspect(vim.diagnostic.get(bufnr)), 0) end

  local client = vim.lsp.get_client_by_id(client_id)
  local encoding = client.offset_encoding or 'utf-16'
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    diagnostics[#diagnostics + 1] = { code = d.code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum,
      end_col = d.end_col, severity = d.severity, source = d.source, message = d.message }
  end
  emit('diagnostics', { encoding = encoding, diagnostics = diagnostics })

  -- Code actions over the range of the diagnostic, with it in the context (LSP-shaped).
  local due = to_lsp(bufnr, find_due(), encoding)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = due.range,
    context = { diagnostics = { due } },
  }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  if not responses then error('textDocument/codeAction: ' .. tostring(err), 0) end
  local response = responses[client_id]
  if not response or response.err or type(response.result) ~= 'table' then
    error('textDocument/codeAction answered ' .. vim.inspect(response), 0)
  end
  local actions = response.result
  local titles, action = {}, nil
  for _, a in ipairs(actions) do
    titles[#titles + 1] = a.title
    if not action and starts_with(a.title, 'Draft check-in email') then action = a end
  end
  emit('codeActions', { titles = titles })
  if not action then error('no action titled "Draft check-in email..." among ' .. vim.inspect(titles), 0) end
  if action.disabled then error('the action is disabled: ' .. vim.inspect(action.disabled), 0) end
  if not action.edit then error('the action has no edit: ' .. vim.inspect(action), 0) end

  -- Apply exactly as Neovim applies any WorkspaceEdit; 0.7+ wants the encoding passed in.
  vim.lsp.util.apply_workspace_edit(action.edit, encoding)
  vim.cmd('silent write')
  emit('applied', { title = action.title, edit = action.edit, lines = vim.api.nvim_buf_line_count(bufnr),
    modified = vim.bo[bufnr].modified, eol = vim.bo[bufnr].eol, fixeol = vim.bo[bufnr].fixeol })

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return exited ~= nil end, 10)
  emit('done', { server_exit = exited })
end

local ok, err = xpcall(main, function(e) return debug.traceback(tostring(e), 2) end)
if not ok then
  io.stderr:write('FAIL: ', tostring(err), '\n')
  io.stderr:flush()
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end
