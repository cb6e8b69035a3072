package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Redis is the store of the real bot. It is safe for concurrent use.
type Redis struct {
	c redis.UniversalClient
	k keys
	// now is the clock of marks and counter windows; tests may replace
	// it. Replicas' clocks need only agree to within seconds: the windows
	// are hours long.
	now func() time.Time
}

// NewRedis uses c (closed by the caller) with keys under prefix
// (DefaultPrefix when empty).
func NewRedis(c redis.UniversalClient, prefix string) *Redis {
	if prefix == "" {
		prefix = DefaultPrefix
	}
	return &Redis{c: c, k: keys{prefix}, now: time.Now}
}

// Ping checks that Redis answers.
func (r *Redis) Ping(ctx context.Context) error {
	if err := r.c.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("redis ping: %w", err)
	}
	return nil
}

// readyTTL is the life of the key Ready writes: short, since it says
// nothing but "a write went through".
const readyTTL = 10 * time.Second

// Ready checks that Redis takes a write, not only that it answers: a
// Redis at maxmemory with the noeviction policy answers PING and refuses
// every session the bot would save. It sets one fixed key with a short TTL.
func (r *Redis) Ready(ctx context.Context) error {
	if err := r.c.Set(ctx, r.k.kv("ready"), "1", readyTTL).Err(); err != nil {
		return fmt.Errorf("redis write check: %w", err)
	}
	return nil
}

// Begin looks the update up among the person's marks, takes their lock
// and loads their session in one round trip (one script: the keys share
// the person's hash tag).
func (r *Redis) Begin(ctx context.Context, b Begin) (Claim, error) {
	if err := b.check(); err != nil {
		return Claim{}, err
	}
	keys := []string{r.k.lock(b.UserKey), r.k.record(b.UserKey)}
	mark := ""
	if b.UpdateID != "" {
		mark = markOf(b.UpdateID)
	}
	res, err := beginScript.Run(ctx, r.c, keys, b.Token, b.LockTTL.Milliseconds(), mark).Slice()
	if err != nil {
		return Claim{}, fmt.Errorf("redis begin: %w", err)
	}
	if len(res) == 0 {
		return Claim{}, errors.New("redis begin: empty answer")
	}
	status, _ := res[0].(int64)
	switch Status(status) {
	case Acquired:
		c := Claim{Status: Acquired}
		if len(res) > 1 {
			if s, ok := res[1].(string); ok {
				_, c.Session = splitRecord([]byte(s))
			}
		}
		return c, nil
	case Done:
		return Claim{Status: Done}, nil
	case Busy:
		c := Claim{Status: Busy}
		if len(res) > 1 {
			if ms, ok := res[1].(int64); ok && ms > 0 {
				c.RetryIn = time.Duration(ms) * time.Millisecond
			}
		}
		return c, nil
	}
	return Claim{}, fmt.Errorf("redis begin: unexpected status %d", status)
}

// beginScript: KEYS lock, record; ARGV token, lock TTL (ms), the update's
// mark id (markOf; empty: none). A marked update answers at once, without the lock. The
// record goes back whole; the client splits off the marks.
var beginScript = redis.NewScript(`
local rec = redis.call('GET', KEYS[2])
if rec and ARGV[3] ~= '' then
  local nl = string.find(rec, '\n', 1, true)
  if nl and string.find(' ' .. string.sub(rec, 1, nl - 1) .. ' ', ' ' .. ARGV[3] .. '=', 1, true) then
    return {2}
  end
end
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  if redis.call('GET', KEYS[1]) ~= ARGV[1] then
    return {3, redis.call('PTTL', KEYS[1])}
  end
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return {1, rec}`)

// Extend renews the lock for another ttl if token still holds it; owned
// is false when it does not (the lock expired and perhaps another replica
// took it). updateID is not needed: the lock alone keeps a redelivery of
// the update waiting.
func (r *Redis) Extend(ctx context.Context, userKey, updateID, token string, ttl time.Duration) (owned bool, err error) {
	if err := validUserKey(userKey); err != nil {
		return false, err
	}
	if ttl <= 0 {
		return false, errNoTTL
	}
	n, err := extendScript.Run(ctx, r.c, []string{r.k.lock(userKey)}, token, ttl.Milliseconds()).Int64()
	if err != nil {
		return false, fmt.Errorf("redis extend lock: %w", err)
	}
	return n == 1, nil
}

// extendScript: KEYS lock; ARGV token, ttl (ms).
var extendScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`)

// Finish commits a handled update in one round trip: the session (only
// if token still holds the lock, so a handler whose lock expired cannot
// overwrite a newer state), the update's mark (always: the replies went
// out), and the release of the lock. owned reports whether the lock was
// still held.
func (r *Redis) Finish(ctx context.Context, c Commit) (owned bool, err error) {
	if err := c.check(); err != nil {
		return false, err
	}
	mode := "k"
	switch {
	case c.Forgotten:
		mode = "f"
	case c.Session != nil:
		mode = "s"
	}
	mark := ""
	if c.UpdateID != "" {
		mark = markOf(c.UpdateID)
	}
	now := r.now()
	keys := []string{r.k.lock(c.UserKey), r.k.record(c.UserKey)}
	n, err := finishScript.Run(ctx, r.c, keys, c.Token, mode, mark,
		strconv.FormatInt(now.Unix(), 36), now.Add(-c.SeenTTL).Unix(), c.SeenTTL.Milliseconds(),
		c.Session, c.SessionTTL.Milliseconds(), MaxMarks).Int64()
	if err != nil {
		return false, fmt.Errorf("redis finish: %w", err)
	}
	return n == 1, nil
}

// finishScript: KEYS lock, record; ARGV token, mode (s: save the session,
// k: keep it, f: forgotten), the update's mark id (markOf; empty: none), now (Unix seconds,
// base 36), oldest mark kept (Unix seconds), seen TTL (ms), session,
// session TTL (ms), MaxMarks. It rewrites the record as addMark and
// joinRecord in record.go do. A forgotten person's record is not written
// again: /forget just deleted it.
var finishScript = redis.NewScript(`
local owned = redis.call('GET', KEYS[1]) == ARGV[1]
if ARGV[2] ~= 'f' then
  local rec = redis.call('GET', KEYS[2])
  local marks, session = '', ''
  if rec then
    local nl = string.find(rec, '\n', 1, true)
    if nl then
      marks, session = string.sub(rec, 1, nl - 1), string.sub(rec, nl + 1)
    else
      session = rec
    end
  end
  local kept = {}
  if ARGV[3] ~= '' then
    local oldest = tonumber(ARGV[5])
    for m in string.gmatch(marks, '%S+') do
      local id, at = string.match(m, '^(.*)=(%w+)$')
      if id and id ~= ARGV[3] and (tonumber(at, 36) or -1) >= oldest then
        kept[#kept + 1] = m
      end
    end
    kept[#kept + 1] = ARGV[3] .. '=' .. ARGV[4]
    local max = tonumber(ARGV[9])
    while #kept > max do
      table.remove(kept, 1)
    end
    marks = table.concat(kept, ' ')
  end
  local ttl
  if owned and ARGV[2] == 's' then
    session, ttl = ARGV[7], tonumber(ARGV[8])
  else
    ttl = math.max(redis.call('PTTL', KEYS[2]), tonumber(ARGV[6]))
  end
  if marks ~= '' or session ~= '' then
    redis.call('SET', KEYS[2], marks .. '\n' .. session, 'PX', ttl)
  end
end
if not owned then
  return 0
end
redis.call('DEL', KEYS[1])
return 1`)

// Abort gives up a handling whose replies were not delivered: the lock is
// released if token still holds it, and since the update was not marked,
// a redelivery is handled.
func (r *Redis) Abort(ctx context.Context, userKey, updateID, token string) error {
	if err := validUserKey(userKey); err != nil {
		return err
	}
	if err := abortScript.Run(ctx, r.c, []string{r.k.lock(userKey)}, token).Err(); err != nil {
		return fmt.Errorf("redis abort: %w", err)
	}
	return nil
}

// abortScript: KEYS lock; ARGV token.
var abortScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`)

// Forget deletes every key of the person (their record and their
// counters; both names are fixed, so nothing is searched) and returns how
// many it deleted. The lock is left to its holder (the /forget being
// handled), which releases it when it finishes.
func (r *Redis) Forget(ctx context.Context, userKey string) (int, error) {
	if err := validUserKey(userKey); err != nil {
		return 0, err
	}
	// One DEL: the keys share the person's hash tag, so a Cluster takes it.
	n, err := r.c.Del(ctx, r.k.record(userKey), r.k.counters(userKey)).Result()
	if err != nil {
		return 0, fmt.Errorf("redis forget: %w", err)
	}
	return int(n), nil
}

// IncrPersonWithTTL adds one to the person's counter name and returns
// the new value. A counter lives ttl from its first increment (a window
// that does not slide), then starts again from one. The person's counters
// are fields of one hash under their hash tag, which Forget deletes.
func (r *Redis) IncrPersonWithTTL(ctx context.Context, userKey, name string, ttl time.Duration) (int64, error) {
	if err := validUserKey(userKey); err != nil {
		return 0, err
	}
	if ttl <= 0 {
		return 0, errNoTTL
	}
	now := r.now().UnixMilli()
	n, err := incrPersonScript.Run(ctx, r.c, []string{r.k.counters(userKey)}, name, now, ttl.Milliseconds()).Int64()
	if err != nil {
		return 0, fmt.Errorf("redis incr person counter: %w", err)
	}
	return n, nil
}

// incrPersonScript: KEYS counters; ARGV name, now (Unix ms), ttl (ms).
// A field's value is "count:expires-at (Unix ms)". Expired fields are
// dropped as the hash is written (a person has one per window used), and
// the hash lives as long as its last field.
var incrPersonScript = redis.NewScript(`
local now, ttl = tonumber(ARGV[2]), tonumber(ARGV[3])
local n, exp = 1, now + ttl
local v = redis.call('HGET', KEYS[1], ARGV[1])
if v then
  local c, e = string.match(v, '^(%d+):(%d+)$')
  if c and tonumber(e) > now then
    n, exp = tonumber(c) + 1, tonumber(e)
  end
end
redis.call('HSET', KEYS[1], ARGV[1], string.format('%d:%d', n, exp))
local last = exp
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  local e = tonumber(string.match(all[i + 1], ':(%d+)$') or '0')
  if e <= now then
    redis.call('HDEL', KEYS[1], all[i])
  elseif e > last then
    last = e
  end
end
redis.call('PEXPIRE', KEYS[1], last - now)
return n`)

// IncrWithTTL adds one to key and sets ttl when the key is new. key must
// not name a person: Forget would not find it (IncrPersonWithTTL is for
// counts of one person).
func (r *Redis) IncrWithTTL(ctx context.Context, key string, ttl time.Duration) (int64, error) {
	if ttl <= 0 {
		return 0, errNoTTL
	}
	n, err := incrWithTTL.Run(ctx, r.c, []string{r.k.kv(key)}, ttl.Milliseconds()).Int64()
	if err != nil {
		return 0, fmt.Errorf("redis incr: %w", err)
	}
	return n, nil
}

// incrWithTTL sets the TTL only on a new key (so a window does not slide
// with every increment) and repairs a key that somehow lost its TTL. A
// script rather than EXPIRE NX keeps Redis 6 supported.
var incrWithTTL = redis.NewScript(`
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return n`)

// GetBytes returns the value at key; ok is false when it is absent.
func (r *Redis) GetBytes(ctx context.Context, key string) ([]byte, bool, error) {
	b, err := r.c.Get(ctx, r.k.kv(key)).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("redis get: %w", err)
	}
	return b, true, nil
}

// SetBytes stores val at key for ttl.
func (r *Redis) SetBytes(ctx context.Context, key string, val []byte, ttl time.Duration) error {
	if ttl <= 0 {
		return errNoTTL
	}
	if err := r.c.Set(ctx, r.k.kv(key), val, ttl).Err(); err != nil {
		return fmt.Errorf("redis set: %w", err)
	}
	return nil
}

// Replicas records that the replica id is alive for ttl and returns how
// many replicas are (itself included). Replicas sharing a bot share
// Telegram's limits too; each divides the global rate by this number.
// The set is one key (a sorted set by last beat), so a Cluster takes it.
func (r *Redis) Replicas(ctx context.Context, id string, ttl time.Duration) (int, error) {
	if ttl <= 0 {
		return 0, errNoTTL
	}
	now := r.now().UnixMilli()
	n, err := replicasScript.Run(ctx, r.c, []string{r.k.replicas()}, id, now, ttl.Milliseconds()).Int()
	if err != nil {
		return 0, fmt.Errorf("redis replicas: %w", err)
	}
	return n, nil
}

// replicasScript: KEYS replicas; ARGV id, now (Unix ms), ttl (ms). A
// replica that stopped beating drops out after ttl; the key outlives the
// last beat by ttl.
var replicasScript = redis.NewScript(`
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[2]) - tonumber(ARGV[3]))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return redis.call('ZCARD', KEYS[1])`)
