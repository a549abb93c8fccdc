-- wrk script for benchmarks/hotpath.sh: POST /api/numbers/{n}/acquire of distinct numbers of the stock
-- that benchmarks' StockImport made (number k is +1 (201 + k / 10000) 555 (k % 10000)). Each wrk thread
-- walks its own numbers from ACQUIRE_START: thread t takes k = start + t, start + t + T, ... (T = WRK_THREADS).
local start = tonumber(os.getenv("ACQUIRE_START") or "0")
local stride = tonumber(os.getenv("WRK_THREADS") or "2")
local next_id = 0

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
end

function init(args)
  n = 0
  body = '{"account_id":"a"}'
  headers = wrk.headers
  headers["Content-Type"] = "application/json"
end

function request()
  local k = start + thread_id + n * stride
  n = n + 1
  local number = string.format("%%2B1%03d555%04d", 201 + math.floor(k / 10000), k % 10000)
  return wrk.format("POST", "/api/numbers/" .. number .. "/acquire", headers, body)
end
