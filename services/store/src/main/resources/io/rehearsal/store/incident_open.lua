-- Opens an incident, or joins a live one or re-opens a recently resolved one that shares a scope
-- (flap suppression), atomically and idempotently. All keys share one hash tag.
-- KEYS[1] index (sorted set id by opened ms), KEYS[2] live set, KEYS[3] today's id counter,
-- KEYS[4] the write token's key, KEYS[5..] one key per scope (id of its latest incident)
-- ARGV[1] prefix of record and timeline keys, ARGV[2] day (YYYYMMDD), ARGV[3] payload,
-- ARGV[4] now (ms), ARGV[5] flap window (ms), ARGV[6] reason, ARGV[7] incidents retained,
-- ARGV[8] token time to live (ms)
-- Returns {code, id, revision}: 1 created, 2 joined a live incident, 3 re-opened a resolved one,
-- 4 this token's open was applied already (the id it gave, its current revision).
local prefix = ARGV[1]
local now = tonumber(ARGV[4])

local function rec(id) return prefix .. 'rec:' .. id end
local function timeline(id) return prefix .. 'timeline:' .. id end

local function claim(id, revision, code)
  for i = 5, #KEYS do
    redis.call('SET', KEYS[i], id)
  end
  redis.call('SET', KEYS[4], id, 'PX', ARGV[8])
  return {code, id, revision}
end

local done = redis.call('GET', KEYS[4])
if done then
  local rev = redis.call('HGET', rec(done), 'rev')
  return {4, done, tonumber(rev or 0)}
end

local live, flap, flapResolved = nil, nil, -1
for i = 5, #KEYS do
  local id = redis.call('GET', KEYS[i])
  if id then
    local h = redis.call('HMGET', rec(id), 'rev', 'stage', 'resolved')
    if h[1] then
      if h[2] ~= 'resolved' then
        live = live or id
      else
        local resolved = tonumber(h[3])
        if resolved and now - resolved <= tonumber(ARGV[5]) and resolved > flapResolved then
          flap, flapResolved = id, resolved
        end
      end
    end
  end
end

if live then
  return claim(live, tonumber(redis.call('HGET', rec(live), 'rev')), 2)
end

if flap then
  local rev = redis.call('HINCRBY', rec(flap), 'rev', 1)
  redis.call('HSET', rec(flap), 'stage', 'open', 'changed', ARGV[4], 'resolved', '')
  redis.call('HINCRBY', rec(flap), 'reopened', 1)
  redis.call('RPUSH', timeline(flap), 'open|' .. ARGV[4] .. '|re-opened within the flap window')
  redis.call('SADD', KEYS[2], flap)
  return claim(flap, rev, 3)
end

local n = redis.call('INCR', KEYS[3])
redis.call('PEXPIRE', KEYS[3], 3 * 86400000)
local id = string.format('inc-%s-%04d', ARGV[2], n)
redis.call('HSET', rec(id), 'rev', 1, 'stage', 'open', 'data', ARGV[3], 'opened', ARGV[4],
  'changed', ARGV[4], 'resolved', '', 'reopened', 0)
redis.call('RPUSH', timeline(id), 'open|' .. ARGV[4] .. '|' .. ARGV[6])
redis.call('SADD', KEYS[2], id)
redis.call('ZADD', KEYS[1], now, id)

-- Retention: beyond the limit, the oldest resolved incidents go (live ones are always kept).
local excess = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[7])
if excess > 0 then
  for _, old in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
    if excess <= 0 then
      break
    end
    local stage = redis.call('HGET', rec(old), 'stage')
    if stage == 'resolved' or not stage then
      redis.call('DEL', rec(old), timeline(old))
      redis.call('ZREM', KEYS[1], old)
      excess = excess - 1
    end
  end
end
return claim(id, 1, 1)
