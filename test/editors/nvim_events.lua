-- What the headless Neovim scripts share: emit(event, fields) prints one JSON object per stdout
-- line, with the event's name and the milliseconds since this file was loaded.
--   local emit = dofile(debug.getinfo(1, 'S').source:sub(2):match('(.*/)') .. 'nvim_events.lua')
local uv = vim.loop
local t0 = uv.hrtime()

return function(event, fields)
  fields = fields or {}
  fields.event = event
  fields.ms = math.floor((uv.hrtime() - t0) / 1e6)
  io.stdout:write(vim.json.encode(fields), '\n')
  io.stdout:flush()
end
