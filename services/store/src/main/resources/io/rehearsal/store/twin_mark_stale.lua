-- Marks a twin snapshot stale once and appends the event; marking it again changes nothing.
-- KEYS[1] status hash of the snapshot, KEYS[2] twin event stream
-- ARGV[1] snapshot id, ARGV[2] reason, ARGV[3] metric, ARGV[4] measured, ARGV[5] bound,
-- ARGV[6] at (epoch ms), ARGV[7] events kept (the stream's MAXLEN)
-- Returns {1} marked now, {0} already stale.
if redis.call('HEXISTS', KEYS[1], 'stale') == 1 then
  return {0}
end
redis.call('HSET', KEYS[1], 'stale', '1', 'reason', ARGV[2], 'metric', ARGV[3],
  'measured', ARGV[4], 'bound', ARGV[5], 'at', ARGV[6])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[7], '*', 'event', 'stale', 'snapshot', ARGV[1],
  'reason', ARGV[2], 'metric', ARGV[3], 'measured', ARGV[4], 'bound', ARGV[5], 'at', ARGV[6])
return {1}
