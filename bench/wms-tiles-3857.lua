-- wrk requests: GetMap 256x256 Web Mercator tiles (EPSG:3857, the web map's grid) at zoom 6 to 12
-- over mainland France, in the fixed order of bench/tile-pick.lua (the same tiles for both servers)
-- (same WMS_PATH/WMS_LAYER variables as shared/peers/mapserver/tiles.lua).
local tile = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "tile-pick.lua")
path_prefix = os.getenv("WMS_PATH") or "/mapserv?"
layer = os.getenv("WMS_LAYER") or "communes"
local half = 20037508.342789244
request = function()
  local z, x, y = tile()
  local n = 2 ^ z
  local span = 2 * half / n
  local minx, maxy = -half + x * span, half - y * span
  local q = string.format("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=%s&STYLES=&CRS=EPSG:3857&BBOX=%.3f,%.3f,%.3f,%.3f&WIDTH=256&HEIGHT=256&FORMAT=image/png",
    layer, minx, maxy - span, minx + span, maxy)
  return wrk.format("GET", path_prefix .. q)
end
