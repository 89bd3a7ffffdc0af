-- Headless Neovim (0.7+): the job search report as the README tells a user to set it up.
-- IFU_INIT is docs/editors.md's "Neovim 0.7" configuration and IFU_RECIPE the README's
-- :JobSearchReport, both as written there (the test extracts them). Opens IFU_NOTE, waits for
-- the server's diagnostics, runs :JobSearchReport and waits for the page to be handed to the
-- browser; the browser is the one thing stood in for (vim.ui.open records the file). One JSON
-- event per stdout line; `cquit 1` on any failure.
local events = dofile(debug.getinfo(1, 'S').source:sub(2):match('(.*/)') .. 'nvim_events.lua')
local emit = events.emit

local function main()
  local note = events.set_up()
  local opened
  vim.ui.open = function(file) opened = file end
  local errors = {}
  local notify = vim.notify
  vim.notify = function(msg, level, opts)
    if level == vim.log.levels.ERROR then errors[#errors + 1] = msg end
    return notify(msg, level, opts)
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(note))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown' -- -u NONE: no filetype detection; the FileType autocmd starts the client
  if not vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 10) then error('no diagnostics within 15 s', 0) end

  vim.cmd('JobSearchReport')
  if not vim.wait(15000, function() return opened ~= nil or #errors > 0 end, 10) or #errors > 0 then
    error('no report opened within 15 s; errors: ' .. vim.inspect(errors), 0)
  end
  local html = table.concat(vim.fn.readfile(opened, 'b'), '\n')
  emit('opened', { file = opened, bytes = #html, html = html })

  events.stop()
end

events.run(main)
