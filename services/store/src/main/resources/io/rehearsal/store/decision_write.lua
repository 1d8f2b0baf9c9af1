-- Creates or compare-and-sets a versioned record, atomically and idempotently.
-- KEYS[1] record hash (rev, data), KEYS[2] list of "token revision" for the last writes
-- ARGV[1] mode: 'create' or 'cas', ARGV[2] expected revision (cas), ARGV[3] bytes,
-- ARGV[4] write token, ARGV[5] how many write tokens to remember
-- Returns {code, revision}:
--   1 applied (new revision), 2 this token's write was applied already (its revision),
--   3 conflict (current revision), 4 not found (0).
-- A command re-sent after a reconnect carries the same token, so it answers 2 instead of
-- applying twice; because the token is checked first, that holds even if others wrote since.
local function applied_revision(token)
  for _, entry in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
    local sep = string.find(entry, ' ', 1, true)
    if string.sub(entry, 1, sep - 1) == token then
      return tonumber(string.sub(entry, sep + 1))
    end
  end
  return nil
end

local function write(revision)
  redis.call('HSET', KEYS[1], 'rev', revision, 'data', ARGV[3])
  redis.call('LPUSH', KEYS[2], ARGV[4] .. ' ' .. revision)
  redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[5]) - 1)
  return {1, revision}
end

local current = redis.call('HGET', KEYS[1], 'rev')
if current then
  local mine = applied_revision(ARGV[4])
  if mine then
    return {2, mine}
  end
end
if ARGV[1] == 'create' then
  if current then
    return {3, tonumber(current)}
  end
  return write(1)
end
if not current then
  return {4, 0}
end
if tonumber(current) ~= tonumber(ARGV[2]) then
  return {3, tonumber(current)}
end
return write(tonumber(current) + 1)
