package telegram

import (
	"context"
	"encoding/json"
	"net/http"
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

// TestASlowSendIsNotSentTwice: a sendMessage that Telegram takes longer
// than the other calls' timeout to answer is delivered all the same; the
// client must wait for it rather than send the reply again. The timeouts
// are scaled down: calls 200ms, sends 3s, Telegram slow by 600ms.
func TestASlowSendIsNotSentTwice(t *testing.T) {
	rd := redistest.Start(t)
	st := store.NewRedis(rd.Client(), "")
	tg := telegramtest.New(t, token)
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	e, err := bot.New(bot.Options{Store: st, Checker: bot.RulesChecker{Rules: rules}, Catalog: locales.MustLoad(), Secret: []byte("faults-test-secret-0123456789")})
	if err != nil {
		t.Fatal(err)
	}
	c, err := Dial(context.Background(), Config{Token: token, APIURL: tg.URL(), PollTimeout: time.Second,
		CallTimeout: 200 * time.Millisecond, SendTimeout: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	c.SetOutbox(NewOutbox(UnlimitedOutgoing(), nil))
	p := &Poller{Client: c, Handler: e, Offsets: st, Logger: zap.NewNop()}
	stop := run(t, p)
	defer stop()

	tg.DelayNext("sendMessage", 600*time.Millisecond)
	user := telegramtest.User(6161, "en")
	tg.Command(user, "/start")
	tg.WaitSent(t, user.ID, 1)
	tg.Wait(t, 10*time.Second, "the update confirmed", func() bool { return tg.Pending() == 0 })
	time.Sleep(time.Second) // the slow send lands within it
	stop()
	if got := len(tg.Sent(user.ID)); got != 1 {
		t.Errorf("replies to one /start with a slow sendMessage: got %d, want 1", got)
	}
}

func TestInFlightPassAllMovesPastUpdatesInHand(t *testing.T) {
	f := newInFlight(10)
	for _, id := range []int{10, 11, 12} {
		f.add(id, false)
	}
	f.finish(11)
	if got := f.offset(); got != 10 {
		t.Fatalf("before passAll: offset got %d, want 10", got)
	}
	f.passAll()
	if got, want := f.offset(), 13; got != want {
		t.Errorf("after passAll: offset got %d, want %d", got, want)
	}
	f.sent(13)
	if got := f.lostPast(); got != 2 {
		t.Errorf("updates in hand behind the offset: got %d, want 2 (10 and 12)", got)
	}
	if !f.known(10) || !f.known(12) || f.known(11) {
		t.Errorf("known 10, 11, 12: got %v %v %v, want true false true", f.known(10), f.known(11), f.known(12))
	}
	f.add(13, false)
	f.finish(10)
	f.finish(12)
	if got := f.lostPast(); got != 0 {
		t.Errorf("after they finish: lost got %d, want 0", got)
	}
	if got := f.offset(); got != 13 {
		t.Errorf("a new update in hand: offset got %d, want 13", got)
	}
}

func TestChatQueuesBoundOneChatsShare(t *testing.T) {
	release := make(chan struct{})
	q := newChatQueues(10, 2, 4)
	q.start(context.Background(), func(context.Context, queuedUpdate) { <-release })
	upd := func(id int, chat string) queuedUpdate {
		return queuedUpdate{id: id, in: bot.Update{ChatKey: chat}}
	}
	steps := []struct {
		u     queuedUpdate
		extra bool
		want  offerResult
	}{
		{upd(1, "a"), false, accepted},
		{upd(2, "a"), false, accepted},
		{upd(3, "a"), false, chatFull},
		{upd(4, "a"), true, accepted}, // the note, once past the share
		{upd(5, "a"), true, chatFull},
		{upd(6, "b"), false, accepted},
	}
	for _, s := range steps {
		if got := q.offer(s.u, s.extra); got != s.want {
			t.Errorf("offer %d (chat %s, extra %v): got %d, want %d", s.u.id, s.u.in.ChatKey, s.extra, got, s.want)
		}
	}
	close(release)
	if !q.wait(5 * time.Second) {
		t.Fatal("queue did not drain")
	}
	if got := q.offer(upd(7, "a"), false); got != accepted {
		t.Errorf("after the chat drained: got %d, want accepted", got)
	}
}

func TestNoteGateOncePerInterval(t *testing.T) {
	g := newNoteGate(time.Minute)
	t0 := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	for _, s := range []struct {
		chat string
		at   time.Duration
		want bool
	}{
		{"a", 0, true}, {"a", time.Second, false}, {"b", time.Second, true},
		{"a", 59 * time.Second, false}, {"a", time.Minute, true},
	} {
		if got := g.due(s.chat, t0.Add(s.at)); got != s.want {
			t.Errorf("chat %s at +%v: got %v, want %v", s.chat, s.at, got, s.want)
		}
	}
}

func TestWebhookQueueIsSizedToDrainWithinTheGrace(t *testing.T) {
	lim := DefaultOutgoingLimits()
	for _, tc := range []struct {
		grace       time.Duration
		queue, chat int
	}{
		{4 * time.Second, 75, 4},
		{8 * time.Second, 135, 5},
		{25 * time.Second, 390, 5},
		{time.Second, 30, 2},
	} {
		if got := DefaultQueueSize(lim, tc.grace); got != tc.queue {
			t.Errorf("queue for %v: got %d, want %d", tc.grace, got, tc.queue)
		}
		if got := chatBacklogFor(lim, tc.grace); got != tc.chat {
			t.Errorf("chat share for %v: got %d, want %d", tc.grace, got, tc.chat)
		}
	}
}

// FuzzDecodeBatch: whatever getUpdates returns, decoding never panics,
// every element is either decoded or reported, and a report never
// carries more than the update's id and a field name.
func FuzzDecodeBatch(f *testing.F) {
	f.Add(`[{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"text":"hi"}}]`)
	f.Add(`[{"update_id":2,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"text":12345}}, {"update_id":3}]`)
	f.Add(`[{"update_id":"x"}, 5, null, []]`)
	f.Add(`{"update_id":1}`)
	f.Add("\xff")
	f.Fuzz(func(t *testing.T, result string) {
		good, bad, err := decodeBatch(json.RawMessage(result))
		if err != nil {
			return
		}
		var raws []json.RawMessage
		if json.Unmarshal([]byte(result), &raws) != nil {
			t.Fatalf("decoded a batch that is not an array: %q", result)
		}
		if len(good)+len(bad) != len(raws) {
			t.Errorf("elements: got %d decoded and %d reported, want %d in all", len(good), len(bad), len(raws))
		}
		for _, b := range bad {
			if strings.ContainsAny(b.field, "\"' \n") && b.field != "(top level)" {
				t.Errorf("field name %q looks like content", b.field)
			}
		}
	})
}

// dropCounter counts dropped updates by reason.
type dropCounter struct {
	mu sync.Mutex
	n  map[string]int
}

func (d *dropCounter) UpdateDropped(reason string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.n == nil {
		d.n = map[string]int{}
	}
	d.n[reason]++
}

func (d *dropCounter) count(reason string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.n[reason]
}

// An update of a shape the library's types refuse is acknowledged (a
// redelivery would fail alike), counted and not handled; the next one is.
func TestWebhookAcknowledgesAnUndecodableUpdate(t *testing.T) {
	drops := &dropCounter{}
	r := newHookRig(t, func(w *Webhook) { w.Drops = drops })
	body := `{"update_id":777,"message":{"message_id":1,"date":1,"chat":{"id":4545,"type":"private"},"from":{"id":4545,"first_name":"a"},"text":12345}}`
	if got, err := r.tg.PostRaw(r.url, hookSecret, []byte(body)); err != nil || got != http.StatusOK {
		t.Fatalf("undecodable update: got (%d, %v), want 200", got, err)
	}
	if got := drops.count(DropUndecodable); got != 1 {
		t.Errorf("undecodable updates counted: got %d, want 1", got)
	}
	user := telegramtest.User(4545, "en")
	if got, err := r.tg.Post(r.url, hookSecret, r.tg.NewText(user, "/start")); err != nil || got != http.StatusOK {
		t.Fatalf("the next update: got (%d, %v), want 200", got, err)
	}
	r.tg.WaitSent(t, user.ID, 1)
	if h := r.h.handled(); len(h) != 1 {
		t.Errorf("handled: got %q, want the /start alone", h)
	}
}
