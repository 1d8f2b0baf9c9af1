-- Token buckets (a library: loaded in front of rate_limit.lua and journal_write.lua, which call it).
-- A bucket is a hash (tokens, at); one never seen is full; a clock that went backwards refills
-- nothing. Bucket i's key is KEYS[first_key + i - 1], its capacity ARGV[first_arg + 2i - 2] and
-- the ms to refill one token ARGV[first_arg + 2i - 1].

-- The levels of buckets 1..n at now (epoch ms), or nil, i, ms until bucket i (the first empty one)
-- has a token.
local function bucket_levels(first_key, n, first_arg, now)
  local levels = {}
  for i = 1, n do
    local capacity = tonumber(ARGV[first_arg + 2 * i - 2])
    local refill = tonumber(ARGV[first_arg + 2 * i - 1])
    local state = redis.call('HMGET', KEYS[first_key + i - 1], 'tokens', 'at')
    local tokens = tonumber(state[1]) or capacity
    local at = tonumber(state[2]) or now
    tokens = math.min(capacity, tokens + math.max(0, now - at) / refill)
    if tokens < 1 then
      return nil, i, math.ceil((1 - tokens) * refill)
    end
    levels[i] = {tokens, capacity, refill}
  end
  return levels
end

-- Takes one token from each bucket whose levels bucket_levels returned; returns the longest full
-- refill (ms) among them.
local function bucket_take(first_key, levels, now_text)
  local longest = 0
  for i, level in ipairs(levels) do
    local full = math.ceil(level[2] * level[3])
    redis.call('HSET', KEYS[first_key + i - 1], 'tokens', tostring(level[1] - 1), 'at', now_text)
    redis.call('PEXPIRE', KEYS[first_key + i - 1], full + 60000)
    longest = math.max(longest, full)
  end
  return longest
end

