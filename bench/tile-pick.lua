-- Shared by the wrk scripts that ask for Web Mercator tiles (wms-tiles-3857.lua, mvt-tiles.lua):
-- tiles at zoom 6 to 12 over mainland France, chosen by a fixed LCG (seed 42) so that both servers
-- get the same tiles in the same order. Each dofile gets its own sequence.
local seed = 42
local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 end
return function()
  local z = 6 + math.floor(rnd() * 7)
  -- Mainland France: 5°W–9.5°E, 41.3°N–51.1°N.
  local lon = -5 + rnd() * 14.5
  local lat = 41.3 + rnd() * 9.8
  local n = 2 ^ z
  local x = math.floor((lon + 180) / 360 * n)
  local r = math.rad(lat)
  local y = math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
  return z, x, y
end
