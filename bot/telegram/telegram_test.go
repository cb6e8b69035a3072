package telegram

import (
	"bytes"
	"context"
	"errors"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

const token = "555666777:AAF-unit_Token_never_logged_9xY"

func TestSplitKeepsPartsUnderTheLimit(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		limit int
		parts int
	}{
		{"short", "hello", 10, 1},
		{"empty", "  ", 10, 0},
		{"lines", "aaaa\nbbbb\ncccc", 10, 2},
		{"no breaks", strings.Repeat("x", 25), 10, 3},
		{"han", strings.Repeat("界", 9000), 4000, 3},
		{"emoji pairs", strings.Repeat("😀", 3000), 4000, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parts := Split(tc.text, tc.limit)
			if len(parts) != tc.parts {
				t.Errorf("parts: got %d, want %d", len(parts), tc.parts)
			}
			checkParts(t, tc.text, tc.limit, parts)
		})
	}
}

func checkParts(t *testing.T, text string, limit int, parts []string) {
	t.Helper()
	for i, p := range parts {
		if n := utf16Len(p); n > limit || n == 0 {
			t.Errorf("part %d: %d UTF-16 units, want 1..%d", i, n, limit)
		}
		if utf8.ValidString(text) && !utf8.ValidString(p) {
			t.Errorf("part %d: a rune was cut", i)
		}
	}
	strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if got, want := strip(strings.Join(parts, "")), strip(text); got != want {
		t.Errorf("joined parts lost text: got %d bytes, want %d", len(got), len(want))
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("line one\nline two", 5)
	f.Add("界😀 x\n", 2)
	f.Fuzz(func(t *testing.T, text string, limit int) {
		if limit < 2 || limit > 5000 || !utf8.ValidString(text) {
			return
		}
		checkParts(t, text, limit, Split(text, limit))
	})
}

func TestErrorsAndLogsNeverCarryTheToken(t *testing.T) {
	// Nothing listens on this port: every call fails with a network error
	// whose URL would hold the token.
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close()
	var buf bytes.Buffer
	core := zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), zapcore.AddSync(&buf), zapcore.DebugLevel)
	log := zap.New(RedactCore(core, NewRedactor(token)))
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	_, err := Dial(ctx, Config{Token: token, APIURL: "http://" + addr, Logger: log})
	if err == nil {
		t.Fatal("Dial to a closed port: got nil error")
	}
	if strings.Contains(err.Error(), "unit_Token") {
		t.Errorf("error holds the token: %v", err)
	}
	log.Info("a line "+token, zap.String("f", "x"+token), zap.Error(errors.New("e "+token)),
		zap.Any("any", []string{token}), zap.ByteString("b", []byte(token)))
	log.With(zap.String("w", token)).Warn("with")
	LibraryLogger{Log: log, Redact: NewRedactor(token)}.Printf("Endpoint: %s", "https://api.telegram.org/bot"+token+"/getMe")
	out := buf.String()
	if !strings.Contains(out, "retrying") || !strings.Contains(out, "Endpoint") {
		t.Errorf("logs: want the retry and the library line, got:\n%s", out)
	}
	if strings.Contains(out, "unit_Token") {
		t.Errorf("logs hold the token:\n%s", out)
	}
}

// slowChecker takes a while, like a model consulted for a second opinion.
type slowChecker struct {
	started chan struct{}
	delay   time.Duration
}

func (s slowChecker) Check(ctx context.Context, _ string, text string) classifier.Verdict {
	select {
	case s.started <- struct{}{}:
	default:
	}
	time.Sleep(s.delay)
	return classifier.Verdict{Level: classifier.LevelNone, Lang: "en", Source: classifier.SourceRules}
}

// newPoller wires a poller to a fresh fake Bot API with an in-memory store.
func newPoller(t *testing.T, checker bot.Checker) (*Poller, *telegramtest.Server, *observer.ObservedLogs) {
	tg := telegramtest.New(t, token)
	core, logs := observer.New(zapcore.InfoLevel)
	log := zap.New(core)
	if checker == nil {
		rules, _ := classifier.New()
		checker = bot.RulesChecker{Rules: rules}
	}
	mem := store.NewMemory()
	e, err := bot.New(bot.Options{Store: mem, Checker: checker, Catalog: locales.MustLoad(), Secret: []byte("poller-test-secret-0123456789"), Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	c, err := Dial(context.Background(), Config{Token: token, APIURL: tg.URL(), PollTimeout: time.Second, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	return &Poller{Client: c, Handler: e, Offsets: mem, Logger: log, ConflictDelay: 50 * time.Millisecond}, tg, logs
}

func run(t *testing.T, p *Poller) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = p.Run(ctx); close(done) }()
	stop = func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("poller did not stop within 10s")
		}
	}
	t.Cleanup(stop)
	return stop
}

func TestConflictIsLoggedAndRetried(t *testing.T) {
	p, tg, logs := newPoller(t, nil)
	tg.FailNext("getUpdates", telegramtest.Failure{Code: 409})
	run(t, p)
	alice := telegramtest.User(11, "en")
	tg.Command(alice, "/start")
	tg.WaitSent(t, alice.ID, 1)
	if logs.FilterMessageSnippet("409 Conflict").Len() == 0 {
		t.Error("no log line explains the 409")
	}
}

func TestUndeliveredUpdateIsRetriedAndAnsweredOnce(t *testing.T) {
	p, tg, _ := newPoller(t, nil)
	// Four 500s exhaust one delivery attempt; the update stays unconfirmed
	// and comes back with the next getUpdates.
	for i := 0; i < 4; i++ {
		tg.FailNext("sendMessage", telegramtest.Failure{Code: 500})
	}
	run(t, p)
	alice := telegramtest.User(12, "en")
	tg.Command(alice, "/start")
	tg.WaitSent(t, alice.ID, 1)
	tg.Command(alice, "/help")
	tg.WaitSent(t, alice.ID, 2)
	time.Sleep(200 * time.Millisecond)
	if got := len(tg.Sent(alice.ID)); got != 2 {
		t.Errorf("messages: got %d, want 2 (one per update)", got)
	}
}

func TestShutdownFinishesTheUpdateInHand(t *testing.T) {
	started := make(chan struct{}, 1)
	p, tg, _ := newPoller(t, slowChecker{started: started, delay: 300 * time.Millisecond})
	stop := run(t, p)
	alice := telegramtest.User(13, "en")
	tg.Forward(alice, "is this real?") // forwarded: always checked
	select {
	case <-started:
	case <-time.After(10 * time.Second):
		t.Fatal("the update was never handled")
	}
	stop() // while the checker is still working
	if got := len(tg.Sent(alice.ID)); got != 1 {
		t.Errorf("messages after shutdown: got %d, want the in-flight answer delivered", got)
	}
}

func TestChatsAreHandledConcurrentlyAndInOrder(t *testing.T) {
	var inFlight, peak atomic.Int32
	p, tg, _ := newPoller(t, countingChecker{&inFlight, &peak})
	run(t, p)
	var users []int64
	for i := 0; i < 4; i++ {
		u := telegramtest.User(int64(100+i), "en")
		users = append(users, u.ID)
		tg.Text(u, "first")
		tg.Text(u, "second")
	}
	for _, id := range users {
		tg.WaitSent(t, id, 2)
	}
	if peak.Load() < 2 {
		t.Errorf("peak concurrent checks: got %d, want chats handled in parallel", peak.Load())
	}
}

type countingChecker struct{ in, peak *atomic.Int32 }

func (c countingChecker) Check(context.Context, string, string) classifier.Verdict {
	n := c.in.Add(1)
	for {
		p := c.peak.Load()
		if n <= p || c.peak.CompareAndSwap(p, n) {
			break
		}
	}
	time.Sleep(50 * time.Millisecond)
	c.in.Add(-1)
	return classifier.Verdict{Lang: "en", Source: classifier.SourceRules}
}
