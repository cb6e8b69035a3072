package metrics

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/dialogs"
	"github.com/scamcheck/scamcheck/internal/redistest"
	"github.com/scamcheck/scamcheck/locales"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: read body: %v", url, err)
	}
	return resp.StatusCode, string(b)
}

func listen(t *testing.T, m *Metrics, ready ReadyFunc) string {
	t.Helper()
	s, err := Listen("127.0.0.1:0", m, ready, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return "http://" + s.Addr()
}

func TestHealthzAnswersWhileTheProcessRuns(t *testing.T) {
	base := listen(t, New(), func(context.Context) error { return context.DeadlineExceeded })
	// Alive even when not ready: a Redis outage must not get the process
	// restarted.
	if code, body := get(t, base+"/healthz"); code != 200 || strings.TrimSpace(body) != "ok" {
		t.Errorf("/healthz: got %d %q, want 200 \"ok\"", code, body)
	}
}

func TestReadyzFollowsRedis(t *testing.T) {
	srv := redistest.Start(t)
	if !srv.Stoppable() {
		t.Skip("an external Redis (REDIS_URL) cannot be stopped")
	}
	rc := srv.Client()
	st := store.NewRedis(rc, "")
	base := listen(t, New(), st.Ping)
	if code, body := get(t, base+"/readyz"); code != 200 {
		t.Errorf("/readyz with Redis up: got %d %q, want 200", code, body)
	}
	srv.Stop()
	code, body := get(t, base+"/readyz")
	if code != http.StatusServiceUnavailable {
		t.Errorf("/readyz with Redis down: got %d %q, want 503", code, body)
	}
	if strings.Contains(body, srv.Addr()) {
		t.Errorf("/readyz body %q names Redis's address; keep details in the logs", body)
	}
	srv.Restart()
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, _ := get(t, base+"/readyz")
		if code == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz after Redis came back: got %d for 10s, want 200", code)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestReadyzWithTheMemoryStoreIsAlwaysReady(t *testing.T) {
	base := listen(t, New(), store.NewMemory().Ping)
	if code, body := get(t, base+"/readyz"); code != 200 || strings.TrimSpace(body) != "ready" {
		t.Errorf("/readyz: got %d %q, want 200 \"ready\"", code, body)
	}
}

// recorder is a channel that accepts every reply.
type recorder struct{ n int }

func (r *recorder) Respond(_ context.Context, rs []dialogs.Rendered) error {
	r.n += len(rs)
	return nil
}

func TestMetricsCountWhatTheBotDid(t *testing.T) {
	m := New()
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	// A core that writes (to nowhere): hooks run only for entries a core
	// accepts.
	core := zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), zapcore.AddSync(io.Discard), zapcore.DebugLevel)
	log := zap.New(core, zap.Hooks(m.LogHook))
	e, err := bot.New(bot.Options{
		Store: store.NewMemory(), Checker: m.Checker(bot.RulesChecker{Rules: rules}),
		Catalog: locales.MustLoad(), Secret: []byte("metrics-test-secret-0123456789"),
		Logger: log.Named("engine"), Limits: &bot.Limits{PerMinute: 1, Observer: m},
	})
	if err != nil {
		t.Fatal(err)
	}
	h := m.Handler(e)
	ctx := context.Background()
	scam := "This is the police. Your bank account is frozen for money laundering; transfer all your savings to the safe account now and tell no one."
	updates := []bot.Update{
		{ID: "tg:1:1", UserID: "7", ChatKey: "7", Lang: "en", Kind: bot.KindCommand, Command: "start"},
		{ID: "tg:1:2", UserID: "7", ChatKey: "7", Lang: "en", Kind: bot.KindText, Text: scam},
		{ID: "tg:1:2", UserID: "7", ChatKey: "7", Lang: "en", Kind: bot.KindText, Text: scam}, // a repeat
		{ID: "tg:1:3", UserID: "7", ChatKey: "7", Lang: "en", Kind: bot.KindText, Text: scam + " Now!"},
	}
	for _, u := range updates {
		if err := h.Handle(ctx, u, &recorder{}); err != nil {
			t.Fatal(err)
		}
	}
	v := bot.RulesChecker{Rules: rules}.Check(ctx, "", scam)
	m.TelegramCall("sendMessage", "ok")
	m.TelegramCall("sendMessage", "429")
	log.Named("redis").Warn("connection refused")

	base := listen(t, m, nil)
	code, body := get(t, base+"/metrics")
	if code != 200 {
		t.Fatalf("/metrics: got %d, want 200", code)
	}
	for _, want := range []string{
		`scamcheck_updates_total{kind="command",outcome="answered"} 1`,
		`scamcheck_updates_total{kind="text",outcome="answered"} 2`,
		`scamcheck_updates_total{kind="text",outcome="no_reply"} 1`,
		`scamcheck_verdicts_total{level="` + v.Level.String() + `",type="` + string(v.Type) + `"} 1`,
		`scamcheck_checks_limited_total{window="minute"} 1`,
		`scamcheck_telegram_calls_total{method="sendMessage",outcome="429"} 1`,
		`scamcheck_log_errors_total{component="redis",level="warn"} 1`,
		`scamcheck_update_handling_seconds_count{kind="text"} 3`,
		`scamcheck_update_handling_seconds_bucket{kind="command",le="+Inf"} 1`,
		`go_goroutines`,
		`process_resident_memory_bytes`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	for _, secret := range []string{"police", scam[:20], `"7"`} {
		if strings.Contains(body, secret) {
			t.Errorf("/metrics holds %q: no text or user id may be a label", secret)
		}
	}
}

// modelChecker answers like the model checker does.
type modelChecker struct{ status string }

func (c modelChecker) Check(context.Context, string, string) classifier.Verdict {
	return classifier.Verdict{Level: classifier.LevelHigh, Type: "made_up_by_a_model", ModelStatus: c.status}
}

func TestModelCallsAndUnknownTypesAreCountedWithBoundedLabels(t *testing.T) {
	m := New()
	for _, s := range []string{classifier.ModelAnswered, classifier.ModelAnswered, classifier.ModelUnavailable, classifier.ModelNotAsked} {
		m.Checker(modelChecker{status: s}).Check(context.Background(), "", "x")
	}
	_, body := get(t, listen(t, m, nil)+"/metrics")
	for _, want := range []string{
		`scamcheck_llm_calls_total{outcome="answered"} 2`,
		`scamcheck_llm_calls_total{outcome="unavailable"} 1`,
		`scamcheck_verdicts_total{level="high",type="other"} 4`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(body, "made_up_by_a_model") {
		t.Error("a type the classifier does not know became a label")
	}
}

func TestRedisRoundTripsAreCountedOncePerCommandOrPipeline(t *testing.T) {
	m := New()
	srv := redistest.Start(t)
	opt, err := redis.ParseURL(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	// One connection for commands and one for pipelines (go-redis keeps a
	// pool of each): their handshakes are counted once, before the figures
	// compared.
	opt.PoolSize, opt.PipelinePoolSize = 1, 1
	rc := redis.NewClient(opt)
	t.Cleanup(func() { rc.Close() })
	rc.AddHook(m.RedisHook())
	ctx := context.Background()
	// A connection's handshake (HELLO, CLIENT SETINFO) is made of round
	// trips too, counted; how many depends on go-redis's version.
	if err := rc.Ping(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	if _, err := rc.Pipelined(ctx, func(p redis.Pipeliner) error { p.Ping(ctx); return nil }); err != nil {
		t.Fatal(err)
	}
	base := listen(t, m, nil)
	trips := func() float64 {
		_, body := get(t, base+"/metrics")
		for _, l := range strings.Split(body, "\n") {
			if v, ok := strings.CutPrefix(l, "scamcheck_redis_round_trips_total "); ok {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil {
					t.Fatalf("/metrics: %q: %v", l, err)
				}
				return f
			}
		}
		t.Fatal("/metrics lacks scamcheck_redis_round_trips_total")
		return 0
	}
	before := trips()
	if err := rc.Ping(ctx).Err(); err != nil { // 1
		t.Fatal(err)
	}
	if _, err := rc.Pipelined(ctx, func(p redis.Pipeliner) error { // 2
		p.Set(ctx, "k", "v", time.Minute)
		p.Get(ctx, "k")
		p.Del(ctx, "k")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	script := redis.NewScript(`return 1`)
	for i := 0; i < 2; i++ { // 4 (EVALSHA, NOSCRIPT, then EVAL), 5
		if err := script.Run(ctx, rc, nil).Err(); err != nil {
			t.Fatal(err)
		}
	}
	if got := trips() - before; got != 5 {
		t.Errorf("round trips for a PING, a pipeline of three and a script run twice: got %v, want 5", got)
	}
}
