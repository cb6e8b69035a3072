package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// Redis is the store of the real bot. It is safe for concurrent use.
type Redis struct {
	c redis.UniversalClient
	k keys
}

// NewRedis uses c (closed by the caller) with keys under prefix
// (DefaultPrefix when empty).
func NewRedis(c redis.UniversalClient, prefix string) *Redis {
	if prefix == "" {
		prefix = DefaultPrefix
	}
	return &Redis{c: c, k: keys{prefix}}
}

// Ping checks that Redis answers.
func (r *Redis) Ping(ctx context.Context) error {
	if err := r.c.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("redis ping: %w", err)
	}
	return nil
}

// Begin takes the person's lock, claims the update and loads the session in
// one round trip (one script: the keys share the person's hash tag).
func (r *Redis) Begin(ctx context.Context, b Begin) (Claim, error) {
	if err := b.check(); err != nil {
		return Claim{}, err
	}
	keys := []string{r.k.lock(b.UserKey), r.k.session(b.UserKey)}
	if b.UpdateID != "" {
		keys = append(keys, r.k.claim(b.UserKey, b.UpdateID))
	}
	res, err := beginScript.Run(ctx, r.c, keys, b.Token, b.LockTTL.Milliseconds()).Slice()
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
				c.Session = []byte(s)
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

// beginScript: KEYS lock, session[, claim]; ARGV token, lock TTL (ms).
// A done claim answers at once, without the lock; a claim in progress
// under a lock we could take belongs to a handler whose lock expired (it
// crashed), so it is taken over.
var beginScript = redis.NewScript(`
if KEYS[3] and redis.call('GET', KEYS[3]) == 'd' then
  return {2}
end
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  if redis.call('GET', KEYS[1]) ~= ARGV[1] then
    return {3, redis.call('PTTL', KEYS[1])}
  end
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
if KEYS[3] then
  redis.call('SET', KEYS[3], 'p:' .. ARGV[1], 'PX', ARGV[2])
end
return {1, redis.call('GET', KEYS[2])}`)

// Extend renews the lock and the claim for another ttl if token still
// holds the lock; owned is false when it does not (the lock expired and
// perhaps another replica took it).
func (r *Redis) Extend(ctx context.Context, userKey, updateID, token string, ttl time.Duration) (owned bool, err error) {
	if err := validUserKey(userKey); err != nil {
		return false, err
	}
	if ttl <= 0 {
		return false, errNoTTL
	}
	keys := []string{r.k.lock(userKey)}
	if updateID != "" {
		keys = append(keys, r.k.claim(userKey, updateID))
	}
	n, err := extendScript.Run(ctx, r.c, keys, token, ttl.Milliseconds()).Int64()
	if err != nil {
		return false, fmt.Errorf("redis extend lock: %w", err)
	}
	return n == 1, nil
}

// extendScript: KEYS lock[, claim]; ARGV token, ttl (ms).
var extendScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if KEYS[2] and redis.call('GET', KEYS[2]) == 'p:' .. ARGV[1] then
  redis.call('PEXPIRE', KEYS[2], ARGV[2])
end
return 1`)

// Finish commits a handled update in one round trip: the session (only
// if token still holds the lock, so a handler whose lock expired cannot
// overwrite a newer state), the done mark (always: the replies went out),
// and the release of the lock. owned reports whether the lock was still
// held.
func (r *Redis) Finish(ctx context.Context, c Commit) (owned bool, err error) {
	if err := c.check(); err != nil {
		return false, err
	}
	keys := []string{r.k.lock(c.UserKey), r.k.session(c.UserKey)}
	if c.UpdateID != "" {
		keys = append(keys, r.k.claim(c.UserKey, c.UpdateID))
	}
	mode := "k"
	switch {
	case c.Forgotten:
		mode = "f"
	case c.Session != nil:
		mode = "s"
	}
	n, err := finishScript.Run(ctx, r.c, keys, c.Token, mode, c.SeenTTL.Milliseconds(), c.Session, c.SessionTTL.Milliseconds()).Int64()
	if err != nil {
		return false, fmt.Errorf("redis finish: %w", err)
	}
	return n == 1, nil
}

// finishScript: KEYS lock, session[, claim]; ARGV token, mode (s: save
// the session, k: keep it, f: forgotten), seen TTL, session, session TTL.
var finishScript = redis.NewScript(`
local owned = redis.call('GET', KEYS[1]) == ARGV[1]
if KEYS[3] then
  if ARGV[2] == 'f' then
    if redis.call('GET', KEYS[3]) == 'p:' .. ARGV[1] then
      redis.call('DEL', KEYS[3])
    end
  else
    redis.call('SET', KEYS[3], 'd', 'PX', ARGV[3])
  end
end
if not owned then
  return 0
end
if ARGV[2] == 's' then
  redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
end
redis.call('DEL', KEYS[1])
return 1`)

// Abort gives up a handling whose replies were not delivered: the claim is
// dropped (so a redelivery is handled) and the lock released, if token
// still holds them.
func (r *Redis) Abort(ctx context.Context, userKey, updateID, token string) error {
	if err := validUserKey(userKey); err != nil {
		return err
	}
	keys := []string{r.k.lock(userKey)}
	if updateID != "" {
		keys = append(keys, r.k.claim(userKey, updateID))
	}
	if err := abortScript.Run(ctx, r.c, keys, token).Err(); err != nil {
		return fmt.Errorf("redis abort: %w", err)
	}
	return nil
}

// abortScript: KEYS lock[, claim]; ARGV token.
var abortScript = redis.NewScript(`
if KEYS[2] and redis.call('GET', KEYS[2]) == 'p:' .. ARGV[1] then
  redis.call('DEL', KEYS[2])
end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`)

// Forget deletes every key of the person and returns how many it deleted.
// The person's keys under their hash tag sit on one slot, but keys of
// other parts (the model's budgets) name the person elsewhere, so it scans
// every master (all of a Cluster's, the Sentinel-elected one) for the
// keyed hash: slow on a big Redis, but rare (a person asks with /forget).
// The lock is left to its holder (the /forget being handled), which
// releases it when it finishes.
func (r *Redis) Forget(ctx context.Context, userKey string) (int, error) {
	if err := validUserKey(userKey); err != nil {
		return 0, err
	}
	pattern := r.k.prefix + "*" + userKey + "*"
	lock := r.k.lock(userKey)
	var mu sync.Mutex
	deleted := 0
	scan := func(ctx context.Context, c *redis.Client) error {
		iter := c.Scan(ctx, 0, pattern, 500).Iterator()
		for iter.Next(ctx) {
			if iter.Val() == lock {
				continue
			}
			n, err := c.Del(ctx, iter.Val()).Result()
			if err != nil {
				return err
			}
			mu.Lock()
			deleted += int(n)
			mu.Unlock()
		}
		return iter.Err()
	}
	var err error
	switch c := r.c.(type) {
	case *redis.ClusterClient:
		err = c.ForEachMaster(ctx, scan)
	case *redis.Client:
		// One server, or the master a Sentinel failover client follows.
		err = scan(ctx, c)
	default:
		err = fmt.Errorf("cannot scan a %T", r.c)
	}
	if err != nil {
		return deleted, fmt.Errorf("redis forget: %w", err)
	}
	return deleted, nil
}

// IncrWithTTL adds one to key and sets ttl when the key is new.
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
