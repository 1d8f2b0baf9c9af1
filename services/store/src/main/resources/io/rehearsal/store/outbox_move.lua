-- Moves an outbox entry between the due set and the dead letters, only if it is where the caller
-- expects it (so a delivery completed meanwhile is never resurrected).
-- KEYS[1] from sorted set, KEYS[2] to sorted set, KEYS[3] errors hash, KEYS[4] attempts hash
-- ARGV[1] id, ARGV[2] score in the destination, ARGV[3] error ('' keeps the stored one),
-- ARGV[4] 'reset' to zero the attempts. Returns {1} when moved, {0} when not in KEYS[1].
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then
  return {0}
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
if ARGV[3] ~= '' then
  redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
end
if ARGV[4] == 'reset' then
  redis.call('HSET', KEYS[4], ARGV[1], 0)
end
return {1}
