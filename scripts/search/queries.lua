-- wrk script: each request the next search of scripts/search/queries.txt, in turn.
local queries = {}
for line in io.lines(os.getenv("SEARCH_QUERIES") or "scripts/search/queries.txt") do
  if line ~= "" and line:sub(1, 1) ~= "#" then queries[#queries + 1] = line end
end
local next_query = 0
request = function()
  next_query = next_query % #queries + 1
  return wrk.format("GET", "/api/v1/search?" .. queries[next_query])
end
