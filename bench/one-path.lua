-- wrk requests: the same GET every time, BENCH_PATH (path and query string). Run through
-- bench/wms-latency.lua (REQUESTS_LUA=this file) for its p50/p95 summary line.
local path = os.getenv("BENCH_PATH") or "/"
request = function()
  return wrk.format("GET", path)
end
