-- wrk script: registrations for one event, each from its own e-mail address, over a few
-- kept-alive connections, until FLOOD_REGISTRATIONS have been sent. Used by scripts/bench for
-- "the site during a rush": wrk is written in C and spends a small share of a core on what a
-- Python generator of one connection per registration spent a whole core on, and on a
-- two-core machine that core is taken from the server being measured. (The rush itself,
-- 10,000 connections at once, stays with scripts/registration-rush.py.)
--
--   FLOOD_TOKEN=civ_... FLOOD_EVENT=slug FLOOD_REGISTRATIONS=10000 \
--     wrk -t1 -c32 -d60s -s scripts/registration-flood.lua http://127.0.0.1:8181
--
-- Prints how many answers were 201 (registered, confirmed or waitlisted) and how many were
-- errors. wrk runs until -d ends or it is interrupted; scripts/bench interrupts it once the
-- event's count stops growing. (Observed with wrk 4.1: one request a thread makes is never
-- sent, so FLOOD_REGISTRATIONS - 1 registrations arrive; the bench accepts that one.)
local sent = 0
local limit = tonumber(os.getenv("FLOOD_REGISTRATIONS") or "10000")
local token = os.getenv("FLOOD_TOKEN")
local slug = os.getenv("FLOOD_EVENT")
local threads = {}
registered = 0
refused = 0

function setup(thread)
  thread:set("prefix", string.format("flood-%d-%d", os.time(), #threads + 1))
  table.insert(threads, thread)
end

function request()
  if sent >= limit then
    -- Every registration is sent; until each is answered, wrk's next asks are a harmless read.
    -- (Stopping here would close connections whose registrations are still being decided.)
    return wrk.format("GET", "/readyz")
  end
  sent = sent + 1
  local body = string.format('{"name":"Flood participant %d","email":"%s-%d@example.org","organization":"Benchmark City"}',
    sent, prefix, sent)
  return wrk.format("POST", "/api/v1/events/" .. slug .. "/registrations",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

function response(status, headers, body)
  if status == 201 then registered = registered + 1 elseif status ~= 200 then refused = refused + 1 end
end

function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("registered")
    bad = bad + thread:get("refused")
  end
  io.write(string.format("flood\t%d\t%d\n", ok, bad))
end
