-- One hostile client (issue 22's probe): every request a unique junk query of ~3.9 KB and a ~28 KB
-- Accept header, which used to enter the ETag and output-cache keys. See docs/reliability.md.
--   BLOAT_PATH=/embed/councils/E06000051 wrk -t2 -c16 -d120s -s tests/load/bloat.lua http://127.0.0.1:8080
-- and watch the service's RSS (grep VmRSS /proc/<pid>/status). Run the service with
-- Judgements__RateLimits__Enabled=false for the worst case: otherwise most of these are 429s.
local path = os.getenv("BLOAT_PATH") or "/embed/councils/E06000051"
local pad = string.rep("p", 3900)
local accept = "text/html;q=0.9, " .. string.rep("application/x-junk;q=0.1, ", 1080)
local separator = path:find("?", 1, true) and "&" or "?"

request = function()
  local id = math.random(1, 1000000000)
  return wrk.format("GET", path .. separator .. "z" .. id .. "=1&pad=" .. pad, { ["Accept"] = accept .. "application/x-" .. id })
end
