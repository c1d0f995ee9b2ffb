-- wrk script of `make bench` (bench/wrk.py).
-- wrk's own --latency output has p50, p75, p90 and p99 only; the `done` hook prints the
-- percentiles the table needs (in microseconds) on one line that bench/wrk.py reads.
-- With WRK_UNIQUE_QUERY set, every request carries its own query string (`_bench=<thread>-<n>`),
-- so no cache keyed by the address (a page cache, Varnish) can answer it: the uncached case.

if os.getenv("WRK_UNIQUE_QUERY") then
   local threads = 0

   function setup(thread)
      threads = threads + 1
      thread:set("thread_number", threads)
   end

   local sent = 0
   function request()
      sent = sent + 1
      local separator = wrk.path:find("?", 1, true) and "&" or "?"
      local query = string.format("_bench=%d-%d", thread_number or 0, sent)
      return wrk.format(nil, wrk.path .. separator .. query)
   end
end

function done(summary, latency, requests)
   io.write(string.format(
      "bench-latency-us p50=%d p95=%d p99=%d\n",
      latency:percentile(50), latency:percentile(95), latency:percentile(99)
   ))
end
