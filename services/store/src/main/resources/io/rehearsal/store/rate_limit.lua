-- Token buckets for automatic actions, checked (and taken) together, all or nothing.
-- KEYS[i] bucket hash (tokens, at) for the i-th limit; with 'take', the last key is the taker's
-- grant marker: a taker (e.g. a decision) that was granted before is granted again for free, so
-- racing replays of one decision spend one token
-- ARGV[1] mode: 'peek' (read only) or 'take' (one token from every bucket, or from none)
-- ARGV[2] now, epoch ms (the caller's clock)
-- ARGV[2 + 2i - 1] capacity of the i-th bucket, ARGV[2 + 2i] ms to refill one token
-- Returns {'ok'} (taken, or available when peeking), or {'empty', i, ms until bucket i has a
-- token}: nothing written. A bucket never seen is full; a clock that went backwards refills nothing.
local now = tonumber(ARGV[2])
local buckets = #KEYS
if ARGV[1] == 'take' then
  buckets = buckets - 1
  if redis.call('EXISTS', KEYS[#KEYS]) == 1 then
    return {'ok'}
  end
end
local levels = {}
local longest = 0
for i = 1, buckets do
  local key = KEYS[i]
  local capacity = tonumber(ARGV[1 + 2 * i])
  local refill = tonumber(ARGV[2 + 2 * i])
  local state = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(state[1]) or capacity
  local at = tonumber(state[2]) or now
  local elapsed = math.max(0, now - at)
  tokens = math.min(capacity, tokens + elapsed / refill)
  if tokens < 1 then
    return {'empty', i, math.ceil((1 - tokens) * refill)}
  end
  levels[i] = {tokens, capacity, refill}
  longest = math.max(longest, math.ceil(capacity * refill))
end
if ARGV[1] == 'take' then
  for i = 1, buckets do
    local level = levels[i]
    redis.call('HSET', KEYS[i], 'tokens', tostring(level[1] - 1), 'at', ARGV[2])
    redis.call('PEXPIRE', KEYS[i], math.ceil(level[2] * level[3]) + 60000)
  end
  redis.call('SET', KEYS[#KEYS], '1', 'PX', longest + 60000)
end
return {'ok'}
