-- Whether token buckets for automatic actions each have a token now; takes nothing (a token is taken
-- by the write that needs it, journal_write.lua). The bucket functions are buckets.lua's, loaded in
-- front of this.
-- KEYS[i] bucket hash (tokens, at) for the i-th limit
-- ARGV[1] now, epoch ms (the caller's clock)
-- ARGV[1 + 2i - 1] capacity of the i-th bucket, ARGV[1 + 2i] ms to refill one token
-- Returns {'ok'}, or {'empty', i, ms until bucket i has a token}.
local levels, empty, wait = bucket_levels(1, #KEYS, 2, tonumber(ARGV[1]))
if not levels then
  return {'empty', empty, wait}
end
return {'ok'}
