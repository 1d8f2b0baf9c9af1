-- A decision write (create or compare-and-set, as decision_write.lua) that also appends the
-- change to the decision event stream and updates the dispatch outbox, all in one atomic step:
-- a reader never sees a state change without its event, nor an APPROVED decision without its
-- outbox entry. The keys span several hash slots: this script needs a single Redis node.
-- KEYS[1] record hash (rev, data), KEYS[2] list of "token revision" of the last writes,
-- KEYS[3] event stream, KEYS[4] outbox due sorted set, KEYS[5] outbox attempts hash,
-- KEYS[6] outbox errors hash, KEYS[7] dead-letter sorted set, KEYS[8] the target's action
-- history (sorted set: member by time in ms)
-- ARGV[1] 'create' or 'cas', ARGV[2] expected revision, ARGV[3] bytes, ARGV[4] write token,
-- ARGV[5] write tokens remembered, ARGV[6] event bytes, ARGV[7] events retained (approx.),
-- ARGV[8] outbox op: 'none', 'enqueue' or 'done', ARGV[9] decision id, ARGV[10] due (ms),
-- ARGV[11] history op: 'none', 'add' or 'remove', ARGV[12] history member, ARGV[13] its time
-- (ms), ARGV[14] oldest time kept (ms; older members are trimmed), ARGV[15] members kept at most
-- A write that must take a token (an automatic approval) names its buckets: KEYS[9..] the bucket
-- hashes, ARGV[16] now (epoch ms; '' for a write that takes none), ARGV[17..] each bucket's
-- capacity and ms to refill one token (buckets.lua, loaded in front of this) — one token from each
-- or, when one is empty, nothing written at all.
-- Returns {code, revision, event id}: 1 applied, 2 this token's write applied already,
-- 3 conflict (current revision), 4 not found; the event id is '' unless applied now;
-- or {5, bucket, ms until it has a token}: a bucket was empty, nothing written.
local function applied_revision(token)
  for _, entry in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
    local sep = string.find(entry, ' ', 1, true)
    if string.sub(entry, 1, sep - 1) == token then
      return tonumber(string.sub(entry, sep + 1))
    end
  end
  return nil
end

local function outbox()
  if ARGV[8] == 'enqueue' then
    redis.call('ZADD', KEYS[4], 'NX', ARGV[10], ARGV[9])
    redis.call('HSET', KEYS[5], ARGV[9], 0)
  elseif ARGV[8] == 'done' then
    redis.call('ZREM', KEYS[4], ARGV[9])
    redis.call('ZREM', KEYS[7], ARGV[9])
    redis.call('HDEL', KEYS[5], ARGV[9])
    redis.call('HDEL', KEYS[6], ARGV[9])
  end
end

local function history()
  if ARGV[11] == 'add' then
    redis.call('ZADD', KEYS[8], ARGV[13], ARGV[12])
    redis.call('ZREMRANGEBYSCORE', KEYS[8], '-inf', '(' .. ARGV[14])
    redis.call('ZREMRANGEBYRANK', KEYS[8], 0, -tonumber(ARGV[15]) - 1)
  elseif ARGV[11] == 'remove' then
    redis.call('ZREM', KEYS[8], ARGV[12])
  end
end

local function write(revision)
  if ARGV[16] ~= '' then
    local levels, empty, wait = bucket_levels(9, #KEYS - 8, 17, tonumber(ARGV[16]))
    if not levels then
      return {5, empty, wait}
    end
    bucket_take(9, levels, ARGV[16])
  end
  redis.call('HSET', KEYS[1], 'rev', revision, 'data', ARGV[3])
  redis.call('LPUSH', KEYS[2], ARGV[4] .. ' ' .. revision)
  redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[5]) - 1)
  local id = redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[7], '*',
    'decision', ARGV[9], 'event', ARGV[6])
  outbox()
  history()
  return {1, revision, id}
end

local current = redis.call('HGET', KEYS[1], 'rev')
if current then
  local mine = applied_revision(ARGV[4])
  if mine then
    return {2, mine, ''}
  end
end
if ARGV[1] == 'create' then
  if current then
    return {3, tonumber(current), ''}
  end
  return write(1)
end
if not current then
  return {4, 0, ''}
end
if tonumber(current) ~= tonumber(ARGV[2]) then
  return {3, tonumber(current), ''}
end
return write(tonumber(current) + 1)
