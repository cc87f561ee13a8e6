-- wrk script for bench/mvt-vs-mapserver.sh: Mapbox Vector Tiles of the communes over mainland
-- France, zoom 6 to 12, chosen by a fixed LCG so both servers get the same tiles in the same order.
-- MVT_SERVER=carence|mapserver picks the URL form; MVT_DISTINCT=n cycles over the first n tiles
-- only (to measure the tile cache); MVT_LIST=FILE also writes those n tiles' paths to FILE, one a
-- line (for priming with curl). Run through bench/wms-latency.lua (REQUESTS_LUA=this file) for its summary line.
local seed = 42
local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 end
local server = os.getenv("MVT_SERVER") or "carence"
local distinct = tonumber(os.getenv("MVT_DISTINCT") or "0")
local tiles = {}
local function tile()
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
local function path(z, x, y)
  if server == "mapserver" then
    return string.format("/mapserv?mode=tile&tilemode=gmap&tile=%d+%d+%d&layers=communes&map.imagetype=mvt", x, y, z)
  end
  return string.format("/ogc/collections/communes/tiles/WebMercatorQuad/%d/%d/%d", z, y, x)
end
local list = os.getenv("MVT_LIST")
if list and distinct > 0 then
  local f = assert(io.open(list, "w"))
  for i = 1, distinct do
    tiles[i] = {tile()}
    f:write(path((unpack or table.unpack)(tiles[i])), "\n")
  end
  f:close()
end
local count = 0
request = function()
  local z, x, y
  if distinct > 0 then
    count = count % distinct + 1
    if not tiles[count] then tiles[count] = {tile()} end
    z, x, y = (unpack or table.unpack)(tiles[count]) -- wrk runs LuaJIT (Lua 5.1)
  else
    z, x, y = tile()
  end
  return wrk.format("GET", path(z, x, y))
end
