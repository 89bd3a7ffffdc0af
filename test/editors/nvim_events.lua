-- What the headless Neovim scripts share:
--   local events = dofile(debug.getinfo(1, 'S').source:sub(2):match('(.*/)') .. 'nvim_events.lua')
-- events.set_up() runs the docs' set-up, events.stop() ends the clients; events.emit(event, fields) prints one JSON object per stdout line, with the event's name and
-- the milliseconds since this file was loaded; events.run(main) runs the script's main and
-- quits Neovim: 0 when it returns, `cquit 1` with the traceback on stderr when it fails.
local uv = vim.loop
local t0 = uv.hrtime()
local M = {}

function M.emit(event, fields)
  fields = fields or {}
  fields.event = event
  fields.ms = math.floor((uv.hrtime() - t0) / 1e6)
  io.stdout:write(vim.json.encode(fields), '\n')
  io.stdout:flush()
end

-- The docs' set-up as a user pastes it: IFU_INIT (docs/editors.md's "Neovim 0.7") and
-- IFU_RECIPE (the README's user command), run as written; returns the note to open, IFU_NOTE.
function M.set_up()
  local note = assert(os.getenv('IFU_NOTE'), 'IFU_NOTE')
  dofile(assert(os.getenv('IFU_INIT'), 'IFU_INIT'))
  dofile(assert(os.getenv('IFU_RECIPE'), 'IFU_RECIPE'))
  return note
end

-- Stops every client and waits until they are gone, then says so.
function M.stop()
  for _, client in ipairs(vim.lsp.get_active_clients()) do client.stop() end
  vim.wait(3000, function() return #vim.lsp.get_active_clients() == 0 end, 10)
  M.emit('done')
end

function M.run(main)
  local ok, err = xpcall(main, function(e) return debug.traceback(tostring(e), 2) end)
  if not ok then
    io.stderr:write('FAIL: ', tostring(err), '\n')
    io.stderr:flush()
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end

return M
