-- wrk script: GET /api/v1/me with a made-up token for the token id in $ASYLEX_TOKEN_ID, a new
-- random 43-character secret on every request, as an attacker who knows a token id would (issue
-- 13, defect 2). Prints one JSON line at the end: requests and how they were answered.
local id = os.getenv("ASYLEX_TOKEN_ID")
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

function init(args)
  math.randomseed(seed or os.time())
  statuses = {}
end

local function secret()
  local chars = {}
  for i = 1, 43 do
    local k = math.random(1, #alphabet)
    chars[i] = alphabet:sub(k, k)
  end
  return table.concat(chars)
end

function request()
  return wrk.format("GET", "/api/v1/me", {["Authorization"] = "Bearer asx_" .. id .. "_" .. secret()})
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

local threads = {}
function setup(thread)
  thread:set("seed", math.random(1, 2 ^ 30))
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local counts = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(counts) do
    table.insert(parts, string.format('"%d":%d', status, n))
  end
  io.write(string.format('{"requests":%d,"seconds":%.1f,"statuses":{%s},"errors":%d}\n',
    summary.requests, summary.duration / 1e6, table.concat(parts, ","),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
