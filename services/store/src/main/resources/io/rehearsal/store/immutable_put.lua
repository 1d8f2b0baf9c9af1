-- Stores an immutable value once. Re-running with the same bytes is harmless.
-- KEYS[1] value key
-- ARGV[1] bytes
-- Returns {1} created, {0} already stored with the same bytes, {-1} stored with other bytes.
local existing = redis.call('GET', KEYS[1])
if not existing then
  redis.call('SET', KEYS[1], ARGV[1])
  return {1}
end
if existing == ARGV[1] then
  return {0}
end
return {-1}
