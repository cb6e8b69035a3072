package loadtest

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
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

const token = "424242424:AAE-load_Test_token_0123456789"

// forwards are messages people forward, written for this benchmark: scams
// of several kinds in both languages, and ordinary messages.
var forwards = []string{
	"This is the Chinese consulate. A parcel in your name holds fake passports; the police will arrest you unless you transfer a deposit to the safe account today. Do not tell anyone.",
	"【海关通知】您有一个包裹涉嫌走私，请立即联系王警官，把资金转入安全账户配合调查，不要告诉家人。",
	"Hi Mum, I dropped my phone in the toilet, this is my new number. Can you pay a bill for me today? I'll pay you back tomorrow.",
	"妈，我手机坏了，这是我新号码。急用钱，先转5000到这个账户，明天还你。",
	"Royal Mail: your parcel could not be delivered. Pay the £1.99 redelivery fee at royalmail-redeliver-uk.com within 24 hours.",
	"兼职刷单，日结300-800元，动动手指就能赚钱，加微信 vx8899 了解。",
	"Your bank account has been locked due to suspicious activity. Verify now at secure-bank-verify.net or it will be closed.",
	"亲爱的，我在海外投资平台赚了很多，带你一起投资，保证收益翻倍，先充值一万试试。",
	"Reminder: your dentist appointment is on Tuesday at 10:00. Reply C to cancel.",
	"明天下午三点图书馆见，记得带上课本。",
	"Congratulations! You won a £500 gift card. Click the link and enter your card details to claim your prize.",
	"您好，我是京东客服，您开通了百万保障服务，不取消每月扣费，需要您下载会议软件共享屏幕操作退款。",
}

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

// rig is the bot under load: Redis, the fake Bot API, and one polling bot
// or several webhook replicas sharing the Redis (each replica with its own
// engine and Telegram client, as separate processes would have; they run
// in this process, so they share its two cores).
type rig struct {
	tg   *telegramtest.Server
	rd   *redistest.Server
	rc   *redis.Client
	rt   *rtCounter
	samp *sampler
	// warnings counts the bot's warnings and errors by message.
	warnings *warnCounter
	// hooks are the webhook replicas' URLs; empty in polling mode.
	hooks []string
	posts chan post
	stop  func()
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

// post is one webhook delivery for the driver's senders.
type post struct {
	url string
	u   tgbotapi.Update
}

// hookSecret is the webhook replicas' secret_token.
const hookSecret = "load-test-webhook-secret"

// maxConnections is Telegram's default number of concurrent webhook
// deliveries, which the driver imitates.
const maxConnections = 40

// botLabel marks the bot's goroutines (and those they start: HTTP and
// Redis connections) in CPU profiles, to tell its CPU from the fake Bot
// API's and the driver's:
//
//	go tool pprof -tagfocus side=bot -top loadtest.test cpu.out
var botLabel = pprof.Labels("side", "bot")

func newRig(b *testing.B, workers, replicas int) *rig {
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

	tg := telegramtest.New(b, token)
	tg.MaxPoll = 200 * time.Millisecond
	// Logs as in production: JSON at info, written (to nowhere).
	log := zap.New(zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), zapcore.AddSync(io.Discard), zapcore.InfoLevel))
	m := metrics.New()
	warnings := &warnCounter{n: map[string]int{}}
	log = log.WithOptions(zap.Hooks(m.LogHook, warnings.hook))
	rules, err := classifier.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	r := &rig{tg: tg, rd: rd, rc: rc, rt: rt, samp: &sampler{}, warnings: warnings}
	// Each replica is an engine, a client and a transport; they share the
	// store, the metrics and the sampler.
	var handlers []metrics.Handler
	for i := 0; i < max(replicas, 1); i++ {
		e, err := bot.New(bot.Options{
			Store: st, Checker: m.Checker(bot.RulesChecker{Rules: rules}), Catalog: locales.MustLoad(),
			Secret: []byte("load-test-secret-0123456789abcdef"), Logger: log.Named("engine"),
			Limits: &bot.Limits{PerMinute: bot.DefaultChecksPerMinute, PerDay: bot.DefaultChecksPerDay, Observer: m},
		})
		if err != nil {
			b.Fatal(err)
		}
		client, err := telegram.Dial(ctx, telegram.Config{Token: token, APIURL: tg.URL(), PollTimeout: time.Second, Logger: log.Named("telegram")})
		if err != nil {
			b.Fatal(err)
		}
		// The fake answers at once; Telegram's pacing (30 messages/s)
		// would measure Telegram, not the bot.
		client.SetOutbox(telegram.NewOutbox(telegram.UnlimitedOutgoing(), m))
		h := m.Handler(e)
		handlers = append(handlers, h)
		wg.Add(1)
		if replicas == 0 {
			p := &telegram.Poller{Client: client, Handler: r.samp.wrap(h), Offsets: st, Logger: log.Named("poller"), Workers: workers}
			go pprof.Do(ctx, botLabel, func(ctx context.Context) { defer wg.Done(); _ = p.Run(ctx) })
			continue
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		url := "http://" + ln.Addr().String() + "/hook"
		w := &telegram.Webhook{Client: client, Handler: r.samp.wrap(h), URL: url, Secret: hookSecret, Logger: log.Named("webhook"), Workers: workers, QueueSize: 4096}
		go pprof.Do(ctx, botLabel, func(ctx context.Context) { defer wg.Done(); _ = w.Serve(ctx, ln) })
		r.hooks = append(r.hooks, url)
	}
	if replicas > 0 {
		// Telegram's side: up to maxConnections deliveries at once, each
		// retried until the replica accepts it.
		r.posts = make(chan post)
		for i := 0; i < maxConnections; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for p := range r.posts {
					for {
						code, err := tg.Post(p.url, hookSecret, p.u)
						if err == nil && code == 200 {
							break
						}
						time.Sleep(10 * time.Millisecond)
					}
				}
			}()
		}
	}
	var once sync.Once
	r.stop = func() {
		once.Do(func() {
			if r.posts != nil {
				close(r.posts)
			}
			cancel()
			wg.Wait()
		})
	}
	b.Cleanup(r.stop)
	return r
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

// user is one simulated person.
type user struct {
	tg tgbotapi.User
	// last is the bot's last message to them with a keyboard.
	last *tgbotapi.Message
}

// round sends one update from each user (a forward, or a press on the
// bot's last keyboard) and waits until all are handled. It returns how
// long that took. With findKeyboards it then looks up each user's last
// keyboard for the next round's presses (the fake's Sent is linear in all
// messages sent, so this is done only when needed, outside the timing).
// Webhook replicas get the updates in turn, as from a load balancer.
func (r *rig) round(b *testing.B, users []*user, n int, press, findKeyboards bool) time.Duration {
	b.Helper()
	updates := make([]tgbotapi.Update, len(users))
	for i, u := range users {
		if press && u.last != nil {
			row := u.last.ReplyMarkup.InlineKeyboard
			btn := row[(i+n)%len(row)]
			updates[i] = r.tg.NewPress(u.tg, *u.last, *btn[0].CallbackData)
			continue
		}
		up := r.tg.NewText(u.tg, forwards[(i+n)%len(forwards)])
		up.Message.ForwardSenderName, up.Message.ForwardDate = "Unknown sender", int(time.Now().Unix())-60
		updates[i] = up
	}
	want := r.samp.count() + len(users)
	start := time.Now()
	for i, up := range updates {
		if len(r.hooks) == 0 {
			r.tg.Push(up)
			continue
		}
		r.posts <- post{url: r.hooks[i%len(r.hooks)], u: up}
	}
	deadline := time.Now().Add(2 * time.Minute)
	for r.samp.count() < want {
		if time.Now().After(deadline) {
			b.Fatalf("round %d: %d of %d updates handled after 2 minutes", n, r.samp.count()-want+len(users), len(users))
		}
		time.Sleep(time.Millisecond)
	}
	took := time.Since(start)
	if !findKeyboards {
		return took
	}
	for _, u := range users {
		u.last = nil
		msgs := r.tg.Sent(u.tg.ID)
		for i := len(msgs) - 1; i >= 0; i-- {
			if mk := msgs[i].ReplyMarkup; mk != nil && len(mk.InlineKeyboard) > 0 {
				u.last = &msgs[i]
				break
			}
		}
	}
	return took
}

func makeUsers(from, n int) []*user {
	us := make([]*user, n)
	for i := range us {
		lang := "en"
		if i%2 == 1 {
			lang = "zh-hans"
		}
		us[i] = &user{tg: telegramtest.User(int64(7_000_000+from+i), lang)}
	}
	return us
}

// cpuTime is the CPU time this process has used (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// redisCPU is the CPU time redis-server has used.
func redisCPU(b *testing.B, rc *redis.Client) time.Duration {
	info, err := rc.InfoMap(context.Background(), "cpu").Result()
	if err != nil {
		b.Fatal(err)
	}
	var total float64
	for _, k := range []string{"used_cpu_sys", "used_cpu_user"} {
		v, _ := strconv.ParseFloat(info["CPU"][k], 64)
		total += v
	}
	return time.Duration(total * float64(time.Second))
}

// loadavg is /proc/loadavg's first three fields: the machine is shared.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// vmRSS is the process's resident set in bytes, from /proc/self/status.
func vmRSS() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// sessionBytes is the mean MEMORY USAGE of the session keys, and their
// number.
func sessionBytes(b *testing.B, rc *redis.Client) (float64, int) {
	ctx := context.Background()
	var total int64
	n := 0
	iter := rc.Scan(ctx, 0, store.DefaultPrefix+"u:*:s", 1000).Iterator()
	for iter.Next(ctx) {
		u, err := rc.MemoryUsage(ctx, iter.Val(), 0).Result()
		if err != nil {
			b.Fatalf("MEMORY USAGE: %v", err)
		}
		total += u
		n++
	}
	if err := iter.Err(); err != nil {
		b.Fatal(err)
	}
	if n == 0 {
		return 0, 0
	}
	return float64(total) / float64(n), n
}

func usedMemory(b *testing.B, rc *redis.Client) int64 {
	info, err := rc.InfoMap(context.Background(), "memory").Result()
	if err != nil {
		b.Fatal(err)
	}
	v, _ := strconv.ParseInt(info["Memory"]["used_memory"], 10, 64)
	return v
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p * float64(len(sorted)-1))
	return sorted[i]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkPolling drives one polling bot with 10,000 updates from 1,000
// people: ten rounds, each one update per person, alternating forwarded
// messages and presses on the bot's last keyboard. Then 9,000 more people
// forward one message each, so that 10,000 sessions exist, and the
// process's memory is read.
//
// The poller handles at most Workers chats at once (16 unless run.go sets
// it); the sub-benchmarks show how the throughput follows that bound.
func BenchmarkPolling(b *testing.B) {
	for _, workers := range []int{4, 16, 64} {
		b.Run("workers="+strconv.Itoa(workers), func(b *testing.B) { benchmarkLoad(b, workers, 0) })
	}
}

// BenchmarkWebhook is the same load posted to one or two webhook replicas
// on one Redis, 40 deliveries at a time as Telegram makes them, the
// replicas taking turns as behind a load balancer.
func BenchmarkWebhook(b *testing.B) {
	for _, replicas := range []int{1, 2} {
		b.Run("replicas="+strconv.Itoa(replicas), func(b *testing.B) { benchmarkLoad(b, 16, replicas) })
	}
}

func benchmarkLoad(b *testing.B, workers, replicas int) {
	const people, rounds, morePeople = 1000, 10, 9000
	for it := 0; it < b.N; it++ {
		b.StopTimer()
		r := newRig(b, workers, replicas)
		users := makeUsers(0, people)
		load0 := loadavg()
		b.StartTimer()

		rt0, wait0, handled0 := r.rt.n.Load(), r.rt.wait.Load(), r.samp.count()
		cpu0, rcpu0 := cpuTime(), redisCPU(b, r.rc)
		var busy time.Duration
		for n := 0; n < rounds; n++ {
			busy += r.round(b, users, n, n%2 == 1, n%2 == 0)
		}
		updates := r.samp.count() - handled0
		rts, rtWait := r.rt.n.Load()-rt0, time.Duration(r.rt.wait.Load()-wait0)
		b.StopTimer()
		cpu, rcpu := cpuTime()-cpu0, redisCPU(b, r.rc)-rcpu0
		load1 := loadavg()

		r.samp.mu.Lock()
		lat := slices.Clone(r.samp.samples[handled0:])
		errs := r.samp.errors
		r.samp.mu.Unlock()
		slices.Sort(lat)
		perSession, sessions := sessionBytes(b, r.rc)
		used := usedMemory(b, r.rc)
		dbsize := r.rc.DBSize(context.Background()).Val()

		// Up to 10,000 sessions: 9,000 more people, one forward each.
		more := makeUsers(people, morePeople)
		for i := 0; i < morePeople; i += people {
			r.round(b, more[i:i+people], i/people, false, false)
		}
		_, sessions10k := sessionBytes(b, r.rc)
		runtime.GC()
		var ms10k runtime.MemStats
		runtime.ReadMemStats(&ms10k)
		rss := vmRSS()
		if path := os.Getenv("SCAMCHECK_LOADTEST_HEAPPROFILE"); path != "" {
			// For telling the bot's memory from the fake's: go tool pprof
			// -sample_index=inuse_space -ignore 'telegramtest|loadtest' -top
			f, err := os.Create(path)
			if err != nil {
				b.Fatal(err)
			}
			if err := pprof.WriteHeapProfile(f); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}

		b.ReportMetric(float64(updates)/busy.Seconds(), "updates/s")
		b.ReportMetric(ms(percentile(lat, .50)), "p50-ms")
		b.ReportMetric(ms(percentile(lat, .99)), "p99-ms")
		b.ReportMetric(float64(rts)/float64(updates), "redis-rt/update")
		b.ReportMetric(ms(cpu)/float64(updates), "cpu-ms/update")
		b.ReportMetric(ms(rcpu)/float64(updates), "redis-cpu-ms/update")
		b.ReportMetric(perSession, "redis-B/session")
		b.ReportMetric(float64(rss)/(1<<20), "rss-MB@10k-sessions")
		b.ReportMetric(float64(ms10k.HeapInuse)/(1<<20), "heap-MB@10k-sessions")
		b.Logf("%d updates from %d people in %v of rounds (%d handling errors); load average before %s, after %s",
			updates, people, busy.Round(time.Millisecond), errs, load0, load1)
		b.Logf("CPU: this process (bot, fake Bot API and driver) %.3f ms per update, redis-server %.3f ms per update: "+
			"on 2 otherwise idle cores at most %.0f updates/s",
			ms(cpu)/float64(updates), ms(rcpu)/float64(updates), 2*float64(updates)/(cpu+rcpu).Seconds())
		b.Logf("handling time without Telegram's calls: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
			ms(percentile(lat, .50)), ms(percentile(lat, .90)), ms(percentile(lat, .99)), ms(lat[len(lat)-1]))
		b.Logf("Redis: %d round trips for %d updates, waited %.2f ms per update; %d sessions at %.0f bytes each (MEMORY USAGE); all keys %d, used_memory %d bytes (%.0f per person)",
			rts, updates, ms(rtWait)/float64(updates), sessions, perSession, dbsize, used, float64(used)/float64(people))
		b.Logf("at %d sessions: VmRSS %.1f MB, Go heap in use %.1f MB, goroutines %d (the fake Bot API runs in this process and keeps every call)",
			sessions10k, float64(rss)/(1<<20), float64(ms10k.HeapInuse)/(1<<20), runtime.NumGoroutine())
		b.Logf("warnings and errors logged by the bot: %s", r.warnings)
		r.stop()
	}
}
