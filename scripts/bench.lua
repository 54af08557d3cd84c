-- wrk script: POSTs the GraphQL request in $BODY with the token in $TOKEN,
-- counts answers that are not HTTP 200 or carry GraphQL errors, and prints
-- one machine-readable line. In a body that creates things, `__N__` becomes
-- a number unique to the request and `__D__` its last digit (to spread
-- requests over ten SKUs, say).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = os.getenv("BODY")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  failures = 0
  sent = 0
end

if string.find(wrk.body, "__N__", 1, true) then
  function request()
    sent = sent + 1
    local n = string.format("%d%07d", thread_number, sent)
    local body = string.gsub(string.gsub(wrk.body, "__N__", n), "__D__", string.sub(n, -1))
    return wrk.format(nil, nil, nil, body)
  end
end

function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
  end
  io.write(string.format("BENCH requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f failed=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed))
end
