package metrics

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"
)

// RedisHook counts the round trips the client makes to Redis (install it
// with AddHook): one per command and one per pipeline, whatever its
// length. A script costs one (EVALSHA), or two when Redis has not cached
// it yet (EVALSHA, then EVAL). Round trips per update is what an operator
// sizes Redis by, and what a store change moves.
func (m *Metrics) RedisHook() redis.Hook { return redisHook{n: m.redisTrips} }

type redisHook struct{ n prometheus.Counter }

func (h redisHook) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h redisHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		h.n.Inc()
		return next(ctx, cmd)
	}
}

func (h redisHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		h.n.Inc()
		return next(ctx, cmds)
	}
}
