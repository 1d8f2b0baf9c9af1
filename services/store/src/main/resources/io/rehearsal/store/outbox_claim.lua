-- Claims up to ARGV[3] due outbox entries: each is leased (its due time moved to ARGV[2]) and its
-- attempt count incremented, so a claimer that dies is replaced after the lease and a delivery
-- that keeps crashing the claimer still reaches the dead letters.
-- KEYS[1] due sorted set, KEYS[2] attempts hash; ARGV[1] now (ms), ARGV[2] lease end (ms),
-- ARGV[3] limit. Returns a flat list {id, attempts, id, attempts, ...}.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, id in ipairs(due) do
  redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id)
  out[#out + 1] = id
  out[#out + 1] = redis.call('HINCRBY', KEYS[2], id, 1)
end
return out
