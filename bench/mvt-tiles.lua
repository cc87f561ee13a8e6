-- wrk script for bench/mvt-vs-mapserver.sh: Mapbox Vector Tiles of the communes over mainland
-- France, zoom 6 to 12, in the fixed order of bench/tile-pick.lua (the same tiles for both servers).
-- MVT_SERVER=carence|mapserver picks the URL form; MVT_DISTINCT=n cycles over the first n tiles
-- only (to measure the tile cache); MVT_LIST=FILE also writes those n tiles' paths to FILE, one a
-- line (for priming with curl). Run through bench/wms-latency.lua (REQUESTS_LUA=this file) for its summary line.
-- The tile sequence (bench/tile-pick.lua), found beside this script whatever the working directory.
local tile = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "tile-pick.lua")
local server = os.getenv("MVT_SERVER") or "carence"
local distinct = tonumber(os.getenv("MVT_DISTINCT") or "0")
local tiles = {}
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
