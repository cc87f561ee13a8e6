-- wrk script for bench/wms-vs-mapserver.sh: the requests of REQUESTS_LUA (the shared random-tile
-- script, or wms-france.lua), plus a one-line summary with p50/p95 that wrk's own report lacks.
dofile(os.getenv("REQUESTS_LUA"))
done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.1f p50_ms=%.1f p95_ms=%.1f requests=%d errors=%d\n",
    summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
