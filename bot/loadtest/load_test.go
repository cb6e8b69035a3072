package loadtest

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/metrics"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/bot/telegram"
	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/internal/redistest"
	"github.com/scamcheck/scamcheck/locales"
)

// rtCounter counts Redis round trips (one per command, one per pipeline)
// and the time spent waiting for them.
type rtCounter struct{ n, wait atomic.Int64 }

func (c *rtCounter) DialHook(next redis.DialHook) redis.DialHook { return next }

func (c *rtCounter) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		c.n.Add(1)
		start := time.Now()
		err := next(ctx, cmd)
		c.wait.Add(int64(time.Since(start)))
		return err
	}
}

func (c *rtCounter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		c.n.Add(1)
		start := time.Now()
		err := next(ctx, cmds)
		c.wait.Add(int64(time.Since(start)))
		return err
	}
}

// sampler records each update's handling time without the time spent in
// Telegram's calls (metrics.TimedResponder measures that part).
type sampler struct {
	mu      sync.Mutex
	samples []time.Duration
	errors  int
}

func (s *sampler) handle(ctx context.Context, next metrics.Handler, u bot.Update, r bot.Responder) error {
	tr := &metrics.TimedResponder{Next: r}
	start := time.Now()
	err := next.Handle(ctx, u, tr)
	d := time.Since(start) - tr.Spent()
	s.mu.Lock()
	s.samples = append(s.samples, d)
	if err != nil {
		s.errors++
	}
	s.mu.Unlock()
	return err
}

func (s *sampler) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.samples)
}

// wrap returns the sampler in front of next.
func (s *sampler) wrap(next metrics.Handler) metrics.Handler {
	return &sampled{s: s, next: next}
}

type sampled struct {
	s    *sampler
	next metrics.Handler
}

func (h *sampled) Handle(ctx context.Context, u bot.Update, r bot.Responder) error {
	return h.s.handle(ctx, h.next, u, r)
}

// rig is the bot under load: Redis, the fake Bot API (lean) and one
// polling bot, all in this process.
type rig struct {
	tg   *telegramtest.Server
	rc   *redis.Client
	rt   *rtCounter
	samp *sampler
	// warnings counts the bot's warnings and errors by message.
	warnings *warnCounter
	stop     func()
}

// warnCounter counts log entries at warn and above by message: failures
// the bot survived (a Redis call that timed out, a session not saved).
type warnCounter struct {
	mu sync.Mutex
	n  map[string]int
}

func (w *warnCounter) hook(e zapcore.Entry) error {
	if e.Level >= zapcore.WarnLevel {
		w.mu.Lock()
		w.n[e.LoggerName+": "+e.Message]++
		w.mu.Unlock()
	}
	return nil
}

func (w *warnCounter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.n) == 0 {
		return "none"
	}
	var out []string
	for k, v := range w.n {
		out = append(out, fmt.Sprintf("%d× %q", v, k))
	}
	slices.Sort(out)
	return strings.Join(out, "; ")
}

// botLabel marks the bot's goroutines (and those they start: HTTP and
// Redis connections) in CPU profiles, to tell its CPU from the fake Bot
// API's and the driver's:
//
//	go tool pprof -tagfocus side=bot -top loadtest.test cpu.out
var botLabel = pprof.Labels("side", "bot")

func newRig(b *testing.B, workers int) *rig {
	b.Helper()
	rd := redistest.Start(b)
	opt, err := redis.ParseURL(rd.URL())
	if err != nil {
		b.Fatal(err)
	}
	// As run.go sets them.
	opt.DialTimeout, opt.ReadTimeout, opt.WriteTimeout, opt.MaxRetries = time.Second, time.Second, time.Second, 1
	rc := redis.NewClient(opt)
	b.Cleanup(func() { rc.Close() })
	rt := &rtCounter{}
	rc.AddHook(rt)
	st := store.NewRedis(rc, "")

	tg := telegramtest.New(b, Token)
	tg.MaxPoll = 200 * time.Millisecond
	tg.Lean = true
	// Logs as in production: JSON at info, written (to nowhere).
	log := zap.New(zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), zapcore.AddSync(io.Discard), zapcore.InfoLevel))
	m := metrics.New()
	warnings := &warnCounter{n: map[string]int{}}
	log = log.WithOptions(zap.Hooks(m.LogHook, warnings.hook))
	rules, err := classifier.New()
	if err != nil {
		b.Fatal(err)
	}
	e, err := bot.New(bot.Options{
		Store: st, Checker: m.Checker(bot.RulesChecker{Rules: rules}), Catalog: locales.MustLoad(),
		Secret: []byte("load-test-secret-0123456789abcdef"), Logger: log.Named("engine"),
		Limits: &bot.Limits{PerMinute: bot.DefaultChecksPerMinute, PerDay: bot.DefaultChecksPerDay, Observer: m},
	})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	client, err := telegram.Dial(ctx, telegram.Config{Token: Token, APIURL: tg.URL(), PollTimeout: time.Second, Logger: log.Named("telegram")})
	if err != nil {
		b.Fatal(err)
	}
	// The fake answers at once; Telegram's pacing (30 messages/s) would
	// measure Telegram, not the bot.
	client.SetOutbox(telegram.NewOutbox(telegram.UnlimitedOutgoing(), m))
	r := &rig{tg: tg, rc: rc, rt: rt, samp: &sampler{}, warnings: warnings}
	p := &telegram.Poller{Client: client, Handler: r.samp.wrap(m.Handler(e)), Offsets: st, Logger: log.Named("poller"), Workers: workers}
	done := make(chan struct{})
	go pprof.Do(ctx, botLabel, func(ctx context.Context) { defer close(done); _ = p.Run(ctx) })
	var once sync.Once
	r.stop = func() {
		once.Do(func() {
			cancel()
			<-done
		})
	}
	b.Cleanup(r.stop)
	return r
}

// round queues one update from each person (built beforehand) and waits
// until all are handled. It returns how long that took.
func (r *rig) round(b *testing.B, updates []tgbotapi.Update, n int) time.Duration {
	b.Helper()
	want := r.samp.count() + len(updates)
	start := time.Now()
	for _, u := range updates {
		r.tg.Push(u)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for r.samp.count() < want {
		if time.Now().After(deadline) {
			b.Fatalf("round %d: %d of %d updates handled after 2 minutes", n, r.samp.count()-want+len(updates), len(updates))
		}
		time.Sleep(time.Millisecond)
	}
	return time.Since(start)
}

// BenchmarkPolling drives one polling bot in this process with 10,000
// updates from 1,000 people: ten rounds, each one update per person,
// alternating forwarded messages and presses on the bot's last keyboard.
// Then 9,000 more people forward one message each, so that 10,000 sessions
// exist, and the process's memory is read.
//
// The poller handles at most Workers chats at once (16 unless run.go sets
// it); the sub-benchmarks show how the throughput follows that bound. The
// fake Bot API and the driver share the process and its CPU: for the
// bot's own figures, see BenchmarkLoad in cmd/scamcheck.
func BenchmarkPolling(b *testing.B) {
	for _, workers := range []int{4, 16, 64} {
		b.Run("workers="+strconv.Itoa(workers), func(b *testing.B) { benchmarkPolling(b, workers) })
	}
}

func benchmarkPolling(b *testing.B, workers int) {
	for it := 0; it < b.N; it++ {
		b.StopTimer()
		r := newRig(b, workers)
		people := NewPeople(0, People)
		load0 := LoadAvg()
		b.StartTimer()

		rt0, wait0, handled0 := r.rt.n.Load(), r.rt.wait.Load(), r.samp.count()
		cpu0, rcpu0 := SelfCPU(), RedisCPU(b, r.rc)
		var busy time.Duration
		for n := 0; n < Rounds; n++ {
			b.StopTimer()
			updates := Updates(r.tg, people, n, n%2 == 1)
			b.StartTimer()
			busy += r.round(b, updates, n)
			if n%2 == 0 {
				b.StopTimer()
				FindKeyboards(r.tg, people)
				b.StartTimer()
			}
		}
		updates := r.samp.count() - handled0
		rts, rtWait := r.rt.n.Load()-rt0, time.Duration(r.rt.wait.Load()-wait0)
		b.StopTimer()
		cpu, rcpu := SelfCPU()-cpu0, RedisCPU(b, r.rc)-rcpu0
		load1 := LoadAvg()

		r.samp.mu.Lock()
		lat := slices.Clone(r.samp.samples[handled0:])
		errs := r.samp.errors
		r.samp.mu.Unlock()
		slices.Sort(lat)
		keys := KeyUsage(b, r.rc)
		perSession := keys[SessionShape].Mean()
		used := UsedMemory(b, r.rc)

		// Up to 10,000 sessions: 9,000 more people, one forward each.
		more := NewPeople(People, MorePeople)
		for i := 0; i < MorePeople; i += People {
			r.round(b, Updates(r.tg, more[i:i+People], i/People, false), i/People)
		}
		sessions10k := KeyUsage(b, r.rc)[SessionShape].N
		runtime.GC()
		var ms10k runtime.MemStats
		runtime.ReadMemStats(&ms10k)
		rss, _ := ProcRSS(os.Getpid())
		if dir := os.Getenv("SCAMCHECK_LOADTEST_HEAPPROFILE"); dir != "" {
			// For telling the bot's memory from the fake's: go tool pprof
			// -sample_index=inuse_space -ignore 'telegramtest|loadtest' -top
			f, err := os.Create(filepath.Join(dir, strings.ReplaceAll(b.Name(), "/", "_")+".heap.pprof"))
			if err != nil {
				b.Fatal(err)
			}
			if err := pprof.WriteHeapProfile(f); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}

		b.ReportMetric(float64(updates)/busy.Seconds(), "updates/s")
		b.ReportMetric(Ms(Percentile(lat, .50)), "p50-ms")
		b.ReportMetric(Ms(Percentile(lat, .99)), "p99-ms")
		b.ReportMetric(float64(rts)/float64(updates), "redis-rt/update")
		b.ReportMetric(Ms(cpu)/float64(updates), "cpu-ms/update")
		b.ReportMetric(Ms(rcpu)/float64(updates), "redis-cpu-ms/update")
		b.ReportMetric(perSession, "redis-B/session")
		b.ReportMetric(float64(rss)/(1<<20), "rss-MB@10k-sessions")
		b.ReportMetric(float64(ms10k.HeapInuse)/(1<<20), "heap-MB@10k-sessions")
		b.Logf("%d updates from %d people in %v of rounds (%d handling errors); load average before %s, after %s",
			updates, People, busy.Round(time.Millisecond), errs, load0, load1)
		b.Logf("CPU: this process (bot, fake Bot API and driver) %.3f ms per update, redis-server %.3f ms per update",
			Ms(cpu)/float64(updates), Ms(rcpu)/float64(updates))
		b.Logf("handling time without Telegram's calls: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
			Ms(Percentile(lat, .50)), Ms(Percentile(lat, .90)), Ms(Percentile(lat, .99)), Ms(lat[len(lat)-1]))
		b.Logf("Redis: %d round trips for %d updates, waited %.2f ms per update; used_memory %d bytes; keys (MEMORY USAGE): %s",
			rts, updates, Ms(rtWait)/float64(updates), used, DescribeKeys(keys))
		b.Logf("at %d sessions: VmRSS %.1f MB, Go heap in use %.1f MB, goroutines %d (the fake Bot API, lean, and the driver run in this process)",
			sessions10k, float64(rss)/(1<<20), float64(ms10k.HeapInuse)/(1<<20), runtime.NumGoroutine())
		b.Logf("warnings and errors logged by the bot: %s", r.warnings)
		r.stop()
	}
}
