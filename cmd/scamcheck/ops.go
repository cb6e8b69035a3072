package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/metrics"
	"github.com/scamcheck/scamcheck/bot/telegram"
)

// opsConfig is what an operator sets about abuse limits and monitoring.
type opsConfig struct {
	// MetricsAddr is where /healthz, /readyz and /metrics listen; empty
	// turns them off.
	MetricsAddr string
	// ChecksPerMinute and ChecksPerDay limit each person's checks; zero
	// turns a limit off.
	ChecksPerMinute, ChecksPerDay int
}

// loadOpsConfig reads METRICS_ADDR, CHECKS_PER_MINUTE and CHECKS_PER_DAY.
func loadOpsConfig(sio stdio) (opsConfig, error) {
	env := func(name string) string { return strings.TrimSpace(sio.getenv(name)) }
	c := opsConfig{MetricsAddr: env("METRICS_ADDR"), ChecksPerMinute: bot.DefaultChecksPerMinute, ChecksPerDay: bot.DefaultChecksPerDay}
	for _, s := range []struct {
		name string
		dst  *int
	}{{"CHECKS_PER_MINUTE", &c.ChecksPerMinute}, {"CHECKS_PER_DAY", &c.ChecksPerDay}} {
		v := env(s.name)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 1_000_000 {
			return c, fmt.Errorf("%s=%q: want a whole number of checks per person, 0 for no limit", s.name, v)
		}
		*s.dst = n
	}
	return c, nil
}

// ops wires the limits, the metrics and the health probes into the bot's
// parts. With METRICS_ADDR unset it adds the limits and the default
// Telegram pacing only.
type ops struct {
	cfg    opsConfig
	m      *metrics.Metrics // nil when metrics are off
	srv    *metrics.Server
	Limits *bot.Limits
}

// pinger is a store that can say whether it is reachable (Ping, at
// start) and whether it takes writes (Ready, for /readyz).
type pinger interface {
	Ping(ctx context.Context) error
	Ready(ctx context.Context) error
}

// newOps makes the limits and, when METRICS_ADDR is set, the metrics.
func newOps(cfg opsConfig) *ops {
	o := &ops{cfg: cfg, Limits: &bot.Limits{PerMinute: cfg.ChecksPerMinute, PerDay: cfg.ChecksPerDay}}
	if cfg.MetricsAddr != "" {
		o.m = metrics.New()
		o.Limits.Observer = o.m
	}
	return o
}

// start starts the metrics listener (failing start-up in one line when
// its address is taken); /readyz asks st whether it takes a write.
func (o *ops) start(st pinger, log *zap.Logger) error {
	if o.m == nil {
		return nil
	}
	srv, err := metrics.Listen(o.cfg.MetricsAddr, o.m, st.Ready, log.Named("metrics"))
	if err != nil {
		return err
	}
	o.srv = srv
	log.Info("serving /healthz, /readyz and /metrics", zap.String("addr", srv.Addr()))
	return nil
}

// logger counts the warnings and errors log writes.
func (o *ops) logger(log *zap.Logger) *zap.Logger {
	if o.m == nil {
		return log
	}
	return log.WithOptions(zap.Hooks(o.m.LogHook))
}

// checker counts verdicts and model calls.
func (o *ops) checker(c bot.Checker) bot.Checker {
	if o.m == nil {
		return c
	}
	return o.m.Checker(c)
}

// handler counts and times updates.
func (o *ops) handler(h metrics.Handler) metrics.Handler {
	if o.m != nil {
		h = o.m.Handler(h)
	}
	if loadHooks.handler != nil {
		h = loadHooks.handler(h)
	}
	return h
}

// drops counts updates confirmed without being handled; nil when metrics
// are off.
func (o *ops) drops() telegram.DropObserver {
	if o.m == nil {
		return nil
	}
	return o.m
}

// redisHooks count Redis round trips.
func (o *ops) redisHooks() []redis.Hook {
	if o.m == nil {
		return nil
	}
	return []redis.Hook{o.m.RedisHook()}
}

// outbox paces replies at Telegram's limits and counts the calls.
func (o *ops) outbox() *telegram.Outbox {
	var obs telegram.Observer
	if o.m != nil {
		obs = o.m
	}
	lim := telegram.DefaultOutgoingLimits()
	if loadHooks.outgoing != nil {
		lim = loadHooks.outgoing()
	}
	return telegram.NewOutbox(lim, obs)
}

// loadHooks are set only by the load benchmark's child process
// (load_test.go), which runs `scamcheck run` against a fake Bot API: the
// fake has no rate limits, so Telegram's pacing would measure the pacing,
// not the bot; and the benchmark times every update exactly. Both are nil
// in the scamcheck binary.
var loadHooks struct {
	// outgoing replaces DefaultOutgoingLimits.
	outgoing func() telegram.OutgoingLimits
	// handler wraps the update handler, outermost.
	handler func(metrics.Handler) metrics.Handler
}

// close stops the metrics listener.
func (o *ops) close() {
	if o.srv != nil {
		_ = o.srv.Close()
	}
}
