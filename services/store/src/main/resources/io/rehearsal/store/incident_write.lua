-- Changes a stored incident by compare-and-set on its revision: a new stage (a legal transition)
-- and/or new bytes, with a timeline entry for every change of stage. All keys share one hash tag.
-- KEYS[1] record hash (rev, stage, data, opened, changed, resolved, reopened), KEYS[2] timeline
-- list of "stage|ms|reason", KEYS[3] live set
-- ARGV[1] expected revision, ARGV[2] stage, ARGV[3] '1' to replace the bytes, ARGV[4] bytes,
-- ARGV[5] now (ms), ARGV[6] reason, ARGV[7] the incident's id
-- Returns {code, revision, stage}: 1 applied (new revision), 3 conflict (current revision),
-- 4 not found (0, ''), 5 illegal transition (current revision and stage).
local legal = {
  ['open>mitigating'] = true, ['open>resolved'] = true,
  ['mitigating>resolved'] = true, ['mitigating>open'] = true,
  ['resolved>open'] = true
}
local h = redis.call('HMGET', KEYS[1], 'rev', 'stage')
if not h[1] then
  return {4, 0, ''}
end
local rev, from, to = tonumber(h[1]), h[2], ARGV[2]
if rev ~= tonumber(ARGV[1]) then
  return {3, rev, from}
end
if from ~= to and not legal[from .. '>' .. to] then
  return {5, rev, from}
end
rev = rev + 1
redis.call('HSET', KEYS[1], 'rev', rev, 'stage', to, 'changed', ARGV[5])
if ARGV[3] == '1' then
  redis.call('HSET', KEYS[1], 'data', ARGV[4])
end
if from ~= to then
  redis.call('RPUSH', KEYS[2], to .. '|' .. ARGV[5] .. '|' .. ARGV[6])
  if to == 'resolved' then
    redis.call('HSET', KEYS[1], 'resolved', ARGV[5])
    redis.call('SREM', KEYS[3], ARGV[7])
  elseif from == 'resolved' then
    redis.call('HSET', KEYS[1], 'resolved', '')
    redis.call('HINCRBY', KEYS[1], 'reopened', 1)
    redis.call('SADD', KEYS[3], ARGV[7])
  end
end
return {1, rev, to}
