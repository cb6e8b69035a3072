package telegram

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/zap"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/internal/redistest"
	"github.com/scamcheck/scamcheck/locales"
)

// gateChecker holds every check of a text containing "slow" until release
// is closed (or the handling's context ends), like a model call that takes
// its time; other texts pass at once. It records the texts it was asked
// about, in order.
type gateChecker struct {
	started chan string
	release chan struct{}
	mu      *sync.Mutex
	seen    *[]string
}

func newGateChecker() gateChecker {
	return gateChecker{started: make(chan string, 16), release: make(chan struct{}), mu: &sync.Mutex{}, seen: &[]string{}}
}

func (g gateChecker) Check(ctx context.Context, _ string, text string) classifier.Verdict {
	g.mu.Lock()
	*g.seen = append(*g.seen, text)
	g.mu.Unlock()
	if strings.Contains(text, "slow") {
		g.started <- text
		select {
		case <-g.release:
		case <-ctx.Done():
		}
	}
	return classifier.Verdict{Level: classifier.LevelNone, Lang: "en", Source: classifier.SourceRules}
}

func (g gateChecker) checked() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return slices.Clone(*g.seen)
}

func (g gateChecker) waitStarted(t *testing.T) {
	t.Helper()
	select {
	case <-g.started:
	case <-time.After(15 * time.Second):
		t.Fatal("the slow check never started")
	}
}

// handleCounter counts the engine's Handle calls per update.
type handleCounter struct {
	h  Handler
	mu sync.Mutex
	n  map[string]int
}

func (c *handleCounter) Handle(ctx context.Context, u bot.Update, r bot.Responder) error {
	c.mu.Lock()
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[u.ID]++
	c.mu.Unlock()
	return c.h.Handle(ctx, u, r)
}

func (c *handleCounter) calls() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := map[string]int{}
	for k, v := range c.n {
		out[k] = v
	}
	return out
}

// newRedisPoller wires a poller to the fake Bot API and a real Redis, with
// its own engine and client, as one run of the bot.
func newRedisPoller(t *testing.T, tg *telegramtest.Server, st *store.Redis, checker bot.Checker) (*Poller, *handleCounter) {
	t.Helper()
	e, err := bot.New(bot.Options{Store: st, Checker: checker, Catalog: locales.MustLoad(), Secret: []byte("poller-test-secret-0123456789")})
	if err != nil {
		t.Fatal(err)
	}
	c, err := Dial(context.Background(), Config{Token: token, APIURL: tg.URL(), PollTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	c.SetOutbox(NewOutbox(UnlimitedOutgoing(), nil))
	h := &handleCounter{h: e}
	return &Poller{Client: c, Handler: h, Offsets: st, Logger: zap.NewNop(), Grace: 300 * time.Millisecond, ConflictDelay: 50 * time.Millisecond}, h
}

func savedOffset(t *testing.T, st *store.Redis, botID int64) (int, bool) {
	t.Helper()
	b, ok, err := st.GetBytes(context.Background(), "tg:offset:"+strconv.FormatInt(botID, 10))
	if err != nil {
		t.Fatalf("reading the saved offset: %v", err)
	}
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(string(b))
	if err != nil {
		t.Fatalf("saved offset %q: %v", b, err)
	}
	return n, true
}

func TestASlowChatDoesNotDelayOtherChats(t *testing.T) {
	srv := redistest.Start(t)
	tg := telegramtest.New(t, token)
	gate := newGateChecker()
	p, handled := newRedisPoller(t, tg, store.NewRedis(srv.Client(), ""), gate)
	run(t, p)
	alice, bob := telegramtest.User(31, "en"), telegramtest.User(32, "en")

	slow := tg.Text(alice, "slow: is this call from my bank real?")
	gate.waitStarted(t)
	// Sent while alice's update is in hand, so fetched in later batches:
	// alice's own next message must wait for her first, bob's must not.
	after := tg.Text(alice, "and this one after it?")
	tg.Command(bob, "/start")
	tg.Text(bob, "a parcel fee by text message, real?")
	tg.WaitSent(t, bob.ID, 2)

	if got := len(tg.Sent(alice.ID)); got != 0 {
		t.Errorf("messages to alice while her check is held: got %d, want 0", got)
	}
	if got := gate.checked(); slices.Contains(got, after.Message.Text) {
		t.Errorf("alice's second message was checked while her first was held (checked %q): her chat must keep its order", got)
	}

	close(gate.release)
	tg.WaitSent(t, alice.ID, 2)
	got := gate.checked()
	if i, j := slices.Index(got, slow.Message.Text), slices.Index(got, after.Message.Text); i < 0 || j < i {
		t.Errorf("alice's messages checked in order %q: want her first before her second", got)
	}
	// Telegram sent alice's first update with every batch while it was in
	// hand; it must have reached the engine once.
	tg.Wait(t, 15*time.Second, "every update confirmed", func() bool { return tg.Pending() == 0 })
	for id, n := range handled.calls() {
		if n != 1 {
			t.Errorf("update %s: handled %d times, want 1", id, n)
		}
	}
}

func TestOffsetNeverPassesAnUnfinishedUpdate(t *testing.T) {
	srv := redistest.Start(t)
	st := store.NewRedis(srv.Client(), "")
	tg := telegramtest.New(t, token)
	alice, bob := telegramtest.User(41, "en"), telegramtest.User(42, "en")

	// First run: alice's check is held; bob comes after her and is
	// answered; the bot stops while alice's update is still in hand.
	gate := newGateChecker()
	p1, _ := newRedisPoller(t, tg, st, gate)
	stop := run(t, p1)
	slow := tg.Text(alice, "slow: a courier wants a customs fee, real?")
	gate.waitStarted(t)
	tg.Command(bob, "/start")
	tg.WaitSent(t, bob.ID, 1)
	stop()

	botID := p1.Client.Self().ID
	got, ok := savedOffset(t, st, botID)
	if !ok {
		t.Fatal("no offset saved")
	}
	if got > slow.UpdateID {
		t.Fatalf("saved offset: got %d, want at most %d (alice's update, never finished)", got, slow.UpdateID)
	}
	if n := len(tg.Sent(alice.ID)); n != 0 {
		t.Fatalf("messages to alice after the first run: got %d, want 0", n)
	}

	// Second run from the saved offset: alice's update comes back and is
	// answered; bob's comes back too and is not answered again.
	done := newGateChecker()
	close(done.release)
	p2, _ := newRedisPoller(t, tg, st, done)
	run(t, p2)
	tg.WaitSent(t, alice.ID, 1)
	tg.Wait(t, 15*time.Second, "every update confirmed", func() bool { return tg.Pending() == 0 })
	for _, tc := range []struct {
		name string
		chat int64
		want int
	}{{"alice", alice.ID, 1}, {"bob", bob.ID, 1}} {
		if got := len(tg.Sent(tc.chat)); got != tc.want {
			t.Errorf("messages to %s after the restart: got %d, want %d", tc.name, got, tc.want)
		}
	}
	if got, _ := savedOffset(t, st, botID); got <= slow.UpdateID {
		t.Errorf("saved offset after the restart: got %d, want past alice's update %d", got, slow.UpdateID)
	}
}

func TestInFlightOffsetStopsAtTheOldestUnfinished(t *testing.T) {
	f := newInFlight(10)
	steps := []struct {
		name string
		do   func()
		want int
	}{
		{"nothing fetched", func() {}, 10},
		{"three in hand", func() { f.add(10, false); f.add(11, false); f.add(12, false) }, 10},
		{"a later one done", func() { f.finish(12) }, 10},
		{"the oldest done", func() { f.finish(10) }, 11},
		{"skipped update", func() { f.add(13, true) }, 11},
		{"offset sent", func() { f.sent(11) }, 11},
		{"redelivery below the offset", func() { f.add(5, false) }, 11},
		{"all done", func() { f.finish(11); f.finish(5) }, 14},
		{"refused after acceptance", func() { f.add(14, false); f.remove(14) }, 14},
	}
	for _, s := range steps {
		s.do()
		if got := f.offset(); got != s.want {
			t.Errorf("%s: offset got %d, want %d", s.name, got, s.want)
		}
	}
	f.sent(14)
	for _, id := range []int{10, 11, 12, 13} {
		if f.known(id) {
			t.Errorf("update %d: still known after the offset passed it", id)
		}
	}
	f.add(15, false)
	if !f.known(15) {
		t.Error("update 15 in hand: got unknown, want known (it must not run twice)")
	}
}
