-- wrk requests: GetMap 256x256 Web Mercator tiles (EPSG:3857, the web map's grid) at zoom 6 to 12
-- over mainland France, chosen by a fixed LCG so both servers get the same tiles in the same order
-- (same WMS_PATH/WMS_LAYER variables as shared/peers/mapserver/tiles.lua).
local seed = 42
local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 end
path_prefix = os.getenv("WMS_PATH") or "/mapserv?"
layer = os.getenv("WMS_LAYER") or "communes"
local half = 20037508.342789244
request = function()
  local z = 6 + math.floor(rnd() * 7)
  -- Mainland France: 5°W–9.5°E, 41.3°N–51.1°N.
  local lon = -5 + rnd() * 14.5
  local lat = 41.3 + rnd() * 9.8
  local n = 2 ^ z
  local x = math.floor((lon + 180) / 360 * n)
  local r = math.rad(lat)
  local y = math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
  local span = 2 * half / n
  local minx, maxy = -half + x * span, half - y * span
  local q = string.format("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=%s&STYLES=&CRS=EPSG:3857&BBOX=%.3f,%.3f,%.3f,%.3f&WIDTH=256&HEIGHT=256&FORMAT=image/png",
    layer, minx, maxy - span, minx + span, maxy)
  return wrk.format("GET", path_prefix .. q)
end
