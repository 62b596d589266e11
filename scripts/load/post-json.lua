-- wrk script: POST the JSON body in $ASYLEX_BODY_FILE to the URL path given on the command line,
-- with the API token in $ASYLEX_TOKEN (or the web session cookie in $ASYLEX_COOKIE); GET when no
-- body file is given. Prints one JSON line of
-- figures at the end (latencies in microseconds), so load-test.sh can tabulate them.
local token = os.getenv("ASYLEX_TOKEN")
local body_file = os.getenv("ASYLEX_BODY_FILE")
local cookie = os.getenv("ASYLEX_COOKIE")

wrk.headers["Accept"] = "application/json"
-- A web page: the browser session's cookie instead of a token.
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
  wrk.headers["Accept"] = "text/html"
end
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local unexpected = 0
function response(status, headers, body)
  if status >= 300 then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
