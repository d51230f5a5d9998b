-- wrk script of the suite benchmark (launcher/.../bench/Wrk.java): cycles through prepared requests read from the
-- file named by the first script argument, one per line: METHOD <tab> PATH <tab> TOKEN <tab> BODY (may be empty).
-- Each thread starts at a different request so that a mix is mixed from the first second.

local requests = {}
local position = 0

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read " .. tostring(args[1]))
  for line in file:lines() do
    local method, path, token, body = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t?(.*)$")
    if method then
      local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
      if body == "" then
        body = nil
      else
        headers["Content-Type"] = "application/json"
      end
      requests[#requests + 1] = wrk.format(method, path, headers, body)
    end
  end
  file:close()
  assert(#requests > 0, "no requests in " .. tostring(args[1]))
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  position = math.random(0, #requests - 1)
end

function request()
  position = position + 1
  return requests[(position % #requests) + 1]
end
