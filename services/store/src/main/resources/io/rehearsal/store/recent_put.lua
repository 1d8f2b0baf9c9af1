-- Stores an immutable record and indexes it by a caller-given timestamp, keeping only the newest
-- records. Re-running with the same bytes is harmless.
-- KEYS[1] value key, KEYS[2] index (sorted set of ids by timestamp)
-- ARGV[1] bytes, ARGV[2] timestamp (epoch ms), ARGV[3] id, ARGV[4] how many records to keep,
-- ARGV[5] value key prefix (same hash tag as KEYS[1], so evicted keys live in the same slot)
-- Returns {1, evicted} created, {0, 0} same bytes already stored, {-1, 0} other bytes stored.
local existing = redis.call('GET', KEYS[1])
if existing then
  if existing == ARGV[1] then
    return {0, 0}
  end
  return {-1, 0}
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
if excess > 0 then
  local evicted = redis.call('ZRANGE', KEYS[2], 0, excess - 1)
  for _, id in ipairs(evicted) do
    redis.call('DEL', ARGV[5] .. id)
  end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
  return {1, excess}
end
return {1, 0}
