// Package metrics exposes how the bot is doing: Prometheus metrics
// (updates handled, verdicts, model calls, Telegram calls and 429s, refused
// checks, errors, handling latency, Redis round trips) and the /healthz and /readyz probes an
// orchestrator uses, on one HTTP listener (METRICS_ADDR).
//
// It watches the bot from outside rather than from within: it wraps the
// update handler and the checker, and it implements the small observer
// interfaces that bot and bot/telegram declare, so the engine carries no
// metrics code. No label ever holds message text or a user id.
package metrics

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"go.uber.org/zap/zapcore"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/telegram"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/dialogs"
)

// Metrics are the bot's Prometheus metrics in their own registry.
type Metrics struct {
	// Registry holds the metrics below plus the Go runtime's and the
	// process's.
	Registry *prometheus.Registry

	updates  *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	verdicts *prometheus.CounterVec
	llm      *prometheus.CounterVec
	telegram *prometheus.CounterVec
	limited  *prometheus.CounterVec
	errors   *prometheus.CounterVec
	dropped  *prometheus.CounterVec
	// redisTrips counts Redis round trips (redis.go).
	redisTrips prometheus.Counter
}

// LatencyBuckets are the handling-time histogram's bounds in seconds: fine
// below the 20 ms target, coarse above.
var LatencyBuckets = []float64{.0005, .001, .002, .005, .01, .02, .05, .1, .25, .5, 1, 2.5, 5}

// New makes the metrics and registers them.
func New() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		updates: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "scamcheck_updates_total",
			Help: "Updates handled, by kind (text, command, choice, unsupported) and outcome (answered; no_reply: a repeat or nothing to say; retry: replies not delivered, offered again).",
		}, []string{"kind", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "scamcheck_update_handling_seconds",
			Help:    "Time to handle one update, without the time spent in Telegram's calls (and their pacing).",
			Buckets: LatencyBuckets,
		}, []string{"kind"}),
		verdicts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "scamcheck_verdicts_total",
			Help: "Verdicts given, by level and scam type (\"none\" when no type).",
		}, []string{"level", "type"}),
		llm: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "scamcheck_llm_calls_total",
			Help: "Checks for which the model was consulted, by outcome (answered, including cached answers; unavailable: timed out, failed, over budget or breaker open).",
		}, []string{"outcome"}),
		telegram: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "scamcheck_telegram_calls_total",
			Help: "Calls to Telegram that deliver replies, by method and outcome (ok, 429, 4xx, 5xx, network).",
		}, []string{"method", "outcome"}),
		limited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "scamcheck_checks_limited_total",
			Help: "Checks refused by the per-person limits, by window (minute, day).",
		}, []string{"window"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "scamcheck_log_errors_total",
			Help: "Warnings and errors logged, by component (engine, telegram, poller, llm, redis, ...) and level: each is a failure the bot survived.",
		}, []string{"component", "level"}),
		dropped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "scamcheck_updates_dropped_total",
			Help: "Updates confirmed to Telegram without being handled, by reason (undecodable: did not fit the Bot API types; backlog: the person had too many in hand; shutdown: still unhandled when the shutdown grace ran out).",
		}, []string{"reason"}),
		redisTrips: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "scamcheck_redis_round_trips_total",
			Help: "Round trips to Redis: one per command, one per pipeline (a script Redis has not cached costs two). Divided by scamcheck_updates_total, the store's cost per update.",
		}),
	}
	m.Registry.MustRegister(m.updates, m.latency, m.verdicts, m.llm, m.telegram, m.limited, m.errors, m.dropped, m.redisTrips,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	// Series that exist from the start, so that rate() and alerts see a
	// zero rather than nothing.
	for _, k := range []bot.Kind{bot.KindText, bot.KindCommand, bot.KindChoice, bot.KindUnsupported} {
		for _, o := range []string{"answered", "no_reply", "retry"} {
			m.updates.WithLabelValues(k.String(), o)
		}
	}
	for _, r := range []string{telegram.DropUndecodable, telegram.DropBacklog, telegram.DropShutdown} {
		m.dropped.WithLabelValues(r)
	}
	for _, o := range []string{"ok", "429"} {
		m.telegram.WithLabelValues("sendMessage", o)
	}
	return m
}

// Handler handles one update; *bot.Engine is one, and so is the value
// Handler returns.
type Handler interface {
	Handle(ctx context.Context, u bot.Update, r bot.Responder) error
}

// Handler wraps next so that every update is counted and timed.
func (m *Metrics) Handler(next Handler) Handler { return &handler{m: m, next: next} }

type handler struct {
	m    *Metrics
	next Handler
}

func (h *handler) Handle(ctx context.Context, u bot.Update, r bot.Responder) error {
	tr := &TimedResponder{Next: r}
	start := time.Now()
	err := h.next.Handle(ctx, u, tr)
	took := time.Since(start) - tr.Spent()
	kind := u.Kind.String()
	outcome := "answered"
	switch {
	case err != nil:
		outcome = "retry"
	case !tr.Called():
		outcome = "no_reply"
	}
	h.m.updates.WithLabelValues(kind, outcome).Inc()
	h.m.latency.WithLabelValues(kind).Observe(took.Seconds())
	return err
}

// TimedResponder measures the time spent delivering replies, so that the
// bot's own handling time can be told apart from Telegram's.
type TimedResponder struct {
	Next bot.Responder

	mu     sync.Mutex
	spent  time.Duration
	called bool
}

// Respond delivers through Next and adds the time it took.
func (t *TimedResponder) Respond(ctx context.Context, replies []dialogs.Rendered) error {
	start := time.Now()
	err := t.Next.Respond(ctx, replies)
	t.mu.Lock()
	t.spent += time.Since(start)
	t.called = true
	t.mu.Unlock()
	return err
}

// Spent is the time spent in Respond so far.
func (t *TimedResponder) Spent() time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.spent
}

// Called reports whether Respond was called (a repeated update is not
// answered).
func (t *TimedResponder) Called() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.called
}

// Checker wraps next so that its verdicts and model calls are counted.
func (m *Metrics) Checker(next bot.Checker) bot.Checker { return &checker{m: m, next: next} }

type checker struct {
	m    *Metrics
	next bot.Checker
}

func (c *checker) Check(ctx context.Context, userKey, text string) classifier.Verdict {
	v := c.next.Check(ctx, userKey, text)
	typ := "none"
	if v.Type.Valid() { // a bounded label set, whatever a model says
		typ = string(v.Type)
	} else if v.Type != classifier.TypeNone {
		typ = "other"
	}
	c.m.verdicts.WithLabelValues(v.Level.String(), typ).Inc()
	if v.ModelStatus != classifier.ModelNotAsked {
		c.m.llm.WithLabelValues(v.ModelStatus).Inc()
	}
	return v
}

// TelegramCall counts one call to Telegram (telegram.Observer).
func (m *Metrics) TelegramCall(method, outcome string) {
	m.telegram.WithLabelValues(method, outcome).Inc()
}

// UpdateDropped counts an update confirmed without being handled
// (telegram.DropObserver).
func (m *Metrics) UpdateDropped(reason string) {
	m.dropped.WithLabelValues(reason).Inc()
}

// CheckLimited counts a refused check (bot.LimitObserver).
func (m *Metrics) CheckLimited(window string) {
	m.limited.WithLabelValues(window).Inc()
}

// LogHook counts warnings and errors by component; install it with
// zap.Hooks. The component is the first part of the logger's name.
func (m *Metrics) LogHook(e zapcore.Entry) error {
	if e.Level < zapcore.WarnLevel {
		return nil
	}
	component, _, _ := strings.Cut(e.LoggerName, ".")
	if component == "" {
		component = "main"
	}
	m.errors.WithLabelValues(component, e.Level.String()).Inc()
	return nil
}
