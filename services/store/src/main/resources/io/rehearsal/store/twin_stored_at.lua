-- Records when a twin snapshot was first stored, by the server's clock; later calls keep it.
-- (A script may write after TIME: Redis replicates a script's effects, not the script.)
-- KEYS[1] stored-at key of the snapshot
-- Returns {1} recorded now, {0} recorded before.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return {0}
end
local now = redis.call('TIME')
redis.call('SET', KEYS[1], now[1] .. string.format('%03d', math.floor(tonumber(now[2]) / 1000)))
return {1}
