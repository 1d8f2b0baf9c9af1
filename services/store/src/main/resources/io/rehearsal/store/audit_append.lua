-- Appends a batch of entries (a group commit: one script call, one AOF fsync for all of them) to
-- the hash-chained audit stream, atomically and idempotently: either every entry of the batch is
-- appended, in order, each chained onto the one before, or nothing is.
-- KEYS[1] stream, KEYS[2] head hash (hash, id, key), KEYS[3] idempotency keys (key -> entry id),
-- KEYS[4..] the write-token lists of records whose writes entries are conditional on
-- ARGV[1] the fingerprint of the caller's audit key, ARGV[2] the head hash (hex) the first entry
-- was chained onto, then five arguments per entry: idempotency key, payload, entry hash (hex) =
-- HMAC-SHA256(audit key, previous entry's hash bytes || payload), computed by the caller; and its
-- condition: the index i of KEYS[3 + i] ('0': none) and a write token — the entry belongs only
-- with the write that token made (a decision write sent just before, on the same connection), and
-- is appended only if that write was applied (its token is in the record's list).
-- Returns, checking in this order and writing nothing unless the last:
-- {'skip', n1, n2, ...} entries (1-based) whose condition does not hold: drop them, re-chain the
-- rest and retry;
-- {'dup', n1, id1, n2, id2, ...} entries (1-based) whose key was appended before, and their ids:
-- drop them, re-chain the rest and retry;
-- {'key', fingerprint} the log is chained with another key: a process with the wrong key must
-- never extend the chain, or the log stops verifying for everyone;
-- {'race', head hash} the head moved: re-chain the batch on the returned head and retry;
-- {'ok', id1, id2, ...} every entry appended, the head moved to the last.
local function applied(list, token)
  local prefix = token .. ' '
  for _, entry in ipairs(redis.call('LRANGE', list, 0, -1)) do
    if string.sub(entry, 1, #prefix) == prefix then
      return true
    end
  end
  return false
end

local skips = {'skip'}
local n = 0
for i = 3, #ARGV, 5 do
  n = n + 1
  local list = tonumber(ARGV[i + 3])
  if list > 0 and not applied(KEYS[3 + list], ARGV[i + 4]) then
    table.insert(skips, n)
  end
end
if #skips > 1 then
  return skips
end
local dups = {'dup'}
n = 0
for i = 3, #ARGV, 5 do
  n = n + 1
  local seen = redis.call('HGET', KEYS[3], ARGV[i])
  if seen then
    table.insert(dups, n)
    table.insert(dups, seen)
  end
end
if #dups > 1 then
  return dups
end
local chainedWith = redis.call('HGET', KEYS[2], 'key')
if chainedWith and chainedWith ~= ARGV[1] then
  return {'key', chainedWith}
end
local head = redis.call('HGET', KEYS[2], 'hash') or string.rep('0', 64)
if head ~= ARGV[2] then
  return {'race', head}
end
local out = {'ok'}
local prev = ARGV[2]
local id
for i = 3, #ARGV, 5 do
  id = redis.call('XADD', KEYS[1], '*', 'key', ARGV[i], 'payload', ARGV[i + 1],
    'prev', prev, 'hash', ARGV[i + 2])
  redis.call('HSET', KEYS[3], ARGV[i], id)
  prev = ARGV[i + 2]
  table.insert(out, id)
end
redis.call('HSET', KEYS[2], 'hash', prev, 'id', id, 'key', ARGV[1])
return out
