-- wrk requests: the whole of mainland France at 1024x768 in EPSG:2154 (same WMS_PATH/WMS_LAYER
-- variables as shared/peers/mapserver/tiles.lua).
path_prefix = os.getenv("WMS_PATH") or "/mapserv?"
layer = os.getenv("WMS_LAYER") or "communes"
request = function()
  return wrk.format("GET", path_prefix .. "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" .. layer
    .. "&STYLES=&CRS=EPSG:2154&BBOX=99000,6046000,1243000,7111000&WIDTH=1024&HEIGHT=768&FORMAT=image/png")
end
