package store

import (
	"context"
	"errors"
	"fmt"
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

// Load returns the person's session (nil when there is none) and whether
// updateID was already handled, in one round trip.
func (r *Redis) Load(ctx context.Context, userKey, updateID string) (session []byte, seen bool, err error) {
	if err := validUserKey(userKey); err != nil {
		return nil, false, err
	}
	var get *redis.StringCmd
	var exists *redis.IntCmd
	_, err = r.c.Pipelined(ctx, func(p redis.Pipeliner) error {
		get = p.Get(ctx, r.k.session(userKey))
		if updateID != "" {
			exists = p.Exists(ctx, r.k.seen(updateID))
		}
		return nil
	})
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, false, fmt.Errorf("redis load session: %w", err)
	}
	b, err := get.Bytes()
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, false, fmt.Errorf("redis get session: %w", err)
	}
	if exists != nil {
		seen = exists.Val() > 0
	}
	return b, seen, nil
}

// Save writes the commit in one round trip. The session and the mark are
// separate keys (they hash to different Cluster slots), so they are
// pipelined rather than wrapped in MULTI.
func (r *Redis) Save(ctx context.Context, c Commit) error {
	if err := validUserKey(c.UserKey); err != nil {
		return err
	}
	if (c.Session != nil && c.SessionTTL <= 0) || (c.UpdateID != "" && c.SeenTTL <= 0) {
		return errNoTTL
	}
	_, err := r.c.Pipelined(ctx, func(p redis.Pipeliner) error {
		if c.Session != nil {
			p.Set(ctx, r.k.session(c.UserKey), c.Session, c.SessionTTL)
		}
		if c.UpdateID != "" {
			p.Set(ctx, r.k.seen(c.UpdateID), "1", c.SeenTTL)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("redis save session: %w", err)
	}
	return nil
}

// Forget deletes every key of the person and returns how many it deleted.
// It scans the key space for the keyed hash, which is slow on a big Redis
// but rare (a person asks with /forget).
func (r *Redis) Forget(ctx context.Context, userKey string) (int, error) {
	if err := validUserKey(userKey); err != nil {
		return 0, err
	}
	pattern := r.k.prefix + "*" + userKey + "*"
	deleted := 0
	scan := func(ctx context.Context, c *redis.Client) error {
		iter := c.Scan(ctx, 0, pattern, 500).Iterator()
		for iter.Next(ctx) {
			n, err := c.Del(ctx, iter.Val()).Result()
			if err != nil {
				return err
			}
			deleted += int(n)
		}
		return iter.Err()
	}
	var err error
	switch c := r.c.(type) {
	case *redis.ClusterClient:
		err = c.ForEachMaster(ctx, scan)
	case *redis.Client:
		err = scan(ctx, c)
	default:
		// Sentinel failover clients are *redis.Client too; anything else
		// cannot be scanned portably, so at least the session goes.
		var n int64
		n, err = r.c.Del(ctx, r.k.session(userKey)).Result()
		deleted = int(n)
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
