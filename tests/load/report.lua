-- wrk hook for tests/load/bench.sh: at the end of a run, print one machine-readable line.
-- Latencies are in microseconds. `status` is wrk's count of responses with a status of 400 or
-- more (its summary.errors.status); connect/read/write/timeout are socket-level errors.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%.0f duration_us=%.0f bytes=%.0f p50_us=%.0f p90_us=%.0f p99_us=%.0f max_us=%.0f status=%.0f connect=%.0f read=%.0f write=%.0f timeout=%.0f\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end
