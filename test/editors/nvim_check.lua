-- Drives the interview-followup language server from a real, headless Neovim (0.7.2 and later)
-- the way a user does: open an overdue note, wait for check-in-due, run vim.lsp.buf.code_action()
-- on it and pick "Draft check-in email..." in the menu (vim.ui.select), write; then the same
-- for "Mark check-in email sent today...", write, and wait for the diagnostic to go away.
-- Neovim 0.7 declares codeAction resolveSupport, so the draft goes through codeAction/resolve.
-- One JSON object per stdout line; exit 0 on success, `cquit 1` on any failure.
--
-- Run by test/editors/editors.test.ts with an isolated HOME/XDG and:
--   nvim --headless -u NONE -i NONE -n -c 'lua dofile(os.getenv("IFU_SCRIPT"))'
-- Environment: IFU_SERVER (the installed `interview-followup` executable), IFU_NOTE (the
-- note); INTERVIEW_FOLLOWUP_TODAY passes on to the server.

local uv = vim.loop
local events = dofile(debug.getinfo(1, 'S').source:sub(2):match('(.*/)') .. 'nvim_events.lua')
local emit = events.emit

local function getenv(name)
  local v = os.getenv(name)
  if v == nil or v == '' then error('environment variable ' .. name .. ' is not set', 0) end
  return v
end

local function starts_with(s, prefix) return type(s) == 'string' and s:sub(1, #prefix) == prefix end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function main()
  local server = getenv('IFU_SERVER')
  local note = getenv('IFU_NOTE')

  vim.cmd('edit ' .. vim.fn.fnameescape(note))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown' -- -u NONE: no filetype detection; the languageId is the filetype

  local exited = nil
  -- As docs/editors.md configures 0.7 (vim.lsp.start on 0.8+ does the same two steps).
  local dir = vim.fn.expand('%:p:h')
  local config = vim.fn.findfile('.interview-followup.yaml', dir .. ';')
  local git = vim.fn.finddir('.git', dir .. ';')
  local root = config ~= '' and vim.fn.fnamemodify(config, ':p:h')
    or git ~= '' and vim.fn.fnamemodify(git, ':p:h:h') or dir
  local client_id = vim.lsp.start_client({
    name = 'interview-followup',
    cmd = { server, 'lsp', '--stdio' },
    root_dir = root,
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client returned nil', 0) end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function find_due()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if code_of(d) == 'check-in-due' then return d end
    end
    return nil
  end
  local got = vim.wait(15000, function() return exited ~= nil or find_due() ~= nil end, 10)
  if exited then error('the server exited: ' .. vim.inspect(exited), 0) end
  if not got then error('no check-in-due diagnostic within 15 s; got ' .. vim.inspect(vim.diagnostic.get(bufnr)), 0) end

  local client = vim.lsp.get_client_by_id(client_id)
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    diagnostics[#diagnostics + 1] = { code = code_of(d), line = d.lnum, col = d.col, message = d.message }
  end
  emit('diagnostics', { root = root, encoding = client.offset_encoding, diagnostics = diagnostics })

  -- The user's path: cursor on the diagnostic, code_action(), choose by title in the menu.
  local function act(prefix)
    local due = find_due()
    if not due then error('check-in-due is gone before "' .. prefix .. '"', 0) end
    vim.api.nvim_win_set_cursor(0, { due.lnum + 1, due.col })
    local tick = vim.api.nvim_buf_get_changedtick(bufnr)
    local titles, chosen = nil, nil
    local select = vim.ui.select
    vim.ui.select = function(items, opts, on_choice)
      titles = {}
      for _, item in ipairs(items) do
        local action = item[2]
        titles[#titles + 1] = action.title
        if not chosen and starts_with(action.title, prefix) then chosen = action end
      end
      if not chosen then return on_choice(nil) end
      for i, item in ipairs(items) do
        if item[2] == chosen then return on_choice(item, i) end
      end
    end
    vim.lsp.buf.code_action()
    local applied = vim.wait(10000, function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick end, 10)
    vim.ui.select = select
    if not titles then error('no code action menu for "' .. prefix .. '" within 10 s', 0) end
    if not chosen then error('no action "' .. prefix .. '..." among ' .. vim.inspect(titles), 0) end
    if not applied then error('"' .. chosen.title .. '" did not change the buffer within 10 s', 0) end
    vim.cmd('silent write')
    return { titles = titles, title = chosen.title, resolved = chosen.edit == nil }
  end

  local draft = act('Draft check-in email')
  assert(uv.fs_copyfile(note, note .. '.after-draft'))
  emit('drafted', draft)

  local mark = act('Mark check-in email sent')
  emit('marked', mark)

  local cleared = vim.wait(10000, function() return find_due() == nil end, 10)
  if not cleared then error('check-in-due still shown 10 s after marking the check-in sent', 0) end
  emit('cleared')

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return exited ~= nil end, 10)
  emit('done', { server_exit = exited })
end

events.run(main)
