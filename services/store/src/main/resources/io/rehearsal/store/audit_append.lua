-- Appends one entry to the hash-chained audit stream, atomically and idempotently.
-- KEYS[1] stream, KEYS[2] head hash (hash, id, key), KEYS[3] idempotency keys (key -> entry id)
-- ARGV[1] idempotency key, ARGV[2] payload, ARGV[3] prev hash (hex) the caller chained onto,
-- ARGV[4] entry hash (hex) = HMAC-SHA256(audit key, prev hash bytes || payload), computed by the
-- caller, ARGV[5] the fingerprint of the caller's audit key
-- Returns {'ok', id} appended, {'dup', id} this key was appended before (nothing written),
-- {'race', head hash} the head moved: recompute the hash on the returned head and retry,
-- {'key', fingerprint} the log is chained with another key (nothing written): a process with the
-- wrong key must never extend the chain, or the log stops verifying for everyone.
local seen = redis.call('HGET', KEYS[3], ARGV[1])
if seen then
  return {'dup', seen}
end
local chainedWith = redis.call('HGET', KEYS[2], 'key')
if chainedWith and chainedWith ~= ARGV[5] then
  return {'key', chainedWith}
end
local head = redis.call('HGET', KEYS[2], 'hash') or string.rep('0', 64)
if head ~= ARGV[3] then
  return {'race', head}
end
local id = redis.call('XADD', KEYS[1], '*', 'key', ARGV[1], 'payload', ARGV[2],
  'prev', ARGV[3], 'hash', ARGV[4])
redis.call('HSET', KEYS[2], 'hash', ARGV[4], 'id', id, 'key', ARGV[5])
redis.call('HSET', KEYS[3], ARGV[1], id)
return {'ok', id}
