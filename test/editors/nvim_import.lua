-- Headless Neovim (0.7+): an import as the editor docs tell a user to set it up. IFU_INIT is
-- the configuration of docs/editors.md ("Neovim 0.7") and IFU_RECIPE the README's
-- :InterviewImport, both as written there (the test extracts them). Opens IFU_NOTE, waits for
-- the server's diagnostics, runs `:InterviewImport IFU_IMPORT`, answers the server's question
-- (window/showMessageRequest: Neovim's own inputlist(), typed "1" for Apply), waits for
-- Neovim's workspace/applyEdit to change the buffer, writes it and quits. One JSON event per
-- stdout line; `cquit 1` on any failure. With IFU_OTHER_ROOT, another language server (ours,
-- under another name, on that folder) is attached to the note first.
local events = dofile(debug.getinfo(1, 'S').source:sub(2):match('(.*/)') .. 'nvim_events.lua')
local emit = events.emit

local function main()
  local note = events.set_up()

  -- What the server tells and asks, as Neovim shows it.
  local messages, asked = {}, nil
  local notify = vim.notify
  vim.notify = function(msg, level, opts)
    messages[#messages + 1] = { message = msg, level = level }
    return notify(msg, level, opts)
  end
  local show = vim.lsp.handlers['window/showMessage']
  vim.lsp.handlers['window/showMessage'] = function(err, result, ctx, config)
    messages[#messages + 1] = { message = result.message, type = result.type }
    return show(err, result, ctx, config)
  end
  local ask = vim.lsp.handlers['window/showMessageRequest']
  vim.lsp.handlers['window/showMessageRequest'] = function(err, result, ctx, config)
    asked = { message = result.message, actions = vim.tbl_map(function(a) return a.title end, result.actions) }
    -- The user's answer to inputlist(): the number of Apply, then Enter.
    for i, a in ipairs(result.actions) do
      if a.title == 'Apply' then vim.api.nvim_feedkeys(i .. '\r', 't', false) end
    end
    return ask(err, result, ctx, config)
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(note))
  local bufnr = vim.api.nvim_get_current_buf()
  local other = os.getenv('IFU_OTHER_ROOT')
  if other then
    -- Another language server, attached to the note before ours.
    local id = vim.lsp.start_client({ name = 'another-server', cmd = { 'interview-followup', 'lsp', '--stdio' }, root_dir = other })
    vim.lsp.buf_attach_client(bufnr, assert(id, 'start_client returned nil'))
  end
  vim.bo[bufnr].filetype = 'markdown' -- -u NONE: no filetype detection; the FileType autocmd starts the client
  -- Ours is running once its diagnostics for the note are in (the other server may answer first).
  local function ours()
    for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if c.name == 'interview-followup' then return c end
    end
  end
  local got = vim.wait(15000, function()
    local c = ours()
    return c ~= nil and #vim.diagnostic.get(bufnr, { namespace = vim.lsp.diagnostic.get_namespace(c.id) }) > 0
  end, 10)
  if not got then error('no diagnostics from interview-followup within 15 s', 0) end
  emit('attached', { clients = vim.tbl_map(function(c) return c.name end, vim.tbl_values(vim.lsp.buf_get_clients(bufnr))) })

  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.cmd('InterviewImport ' .. vim.fn.fnameescape((assert(os.getenv('IFU_IMPORT'), 'IFU_IMPORT'))))
  local function failed()
    for _, m in ipairs(messages) do if m.type == 1 or m.level == vim.log.levels.ERROR then return true end end
  end
  local changed = vim.wait(15000, function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick or failed() end, 10)
    and not failed()
  if not changed then error('the import did not change the note within 15 s; asked ' .. vim.inspect(asked) .. ', told ' .. vim.inspect(messages), 0) end
  vim.cmd('silent write')
  emit('imported', { asked = asked, messages = messages })

  events.stop()
end

events.run(main)
