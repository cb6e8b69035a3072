package telegram

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
)

// callCounter is an Observer that counts calls by method and outcome.
type callCounter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *callCounter) TelegramCall(method, outcome string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[method+" "+outcome]++
}

func (c *callCounter) get(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[key]
}

func TestA429PausesOnlyItsChat(t *testing.T) {
	p, tg, _ := newPoller(t, nil)
	obs := &callCounter{}
	p.Client.SetOutbox(NewOutbox(UnlimitedOutgoing(), obs))
	alice, bob, carol := telegramtest.User(21, "en"), telegramtest.User(22, "en"), telegramtest.User(23, "en")
	tg.FailNextInChat("sendMessage", alice.ID, telegramtest.Failure{Code: 429, RetryAfter: 3})
	// Queued before the poller starts, so that both chats arrive in one
	// batch and are handled side by side.
	tg.Command(alice, "/start")
	for _, cmd := range []string{"/start", "/help", "/privacy", "/lang en"} {
		tg.Command(bob, cmd)
	}
	run(t, p)
	// Carol writes while alice waits out her retry_after: her updates come
	// in later getUpdates batches, which must not wait for alice's.
	tg.Wait(t, 15*time.Second, "alice's 429 observed", func() bool { return obs.get("sendMessage 429") >= 1 })
	tg.Command(carol, "/start")
	tg.Command(carol, "/help")
	tg.WaitSent(t, alice.ID, 1)
	tg.WaitSent(t, bob.ID, 4)
	tg.WaitSent(t, carol.ID, 2)

	// The order of sendMessage calls: bob's four and carol's two all went
	// out while alice waited out her retry_after, and her message was sent
	// again after.
	var order []string
	for _, c := range tg.CallsTo("sendMessage") {
		order = append(order, c.Params.Get("chat_id"))
	}
	aliceID := strconv.FormatInt(alice.ID, 10)
	others := map[string]string{strconv.FormatInt(bob.ID, 10): "bob", strconv.FormatInt(carol.ID, 10): "carol"}
	var aliceAt []int
	last := map[string]int{}
	for i, id := range order {
		if id == aliceID {
			aliceAt = append(aliceAt, i)
		} else if name, ok := others[id]; ok {
			last[name] = i
		}
	}
	if len(aliceAt) != 2 {
		t.Fatalf("sendMessage calls to alice: got %d, want 2 (the 429 and the retry); order %v", len(aliceAt), order)
	}
	for _, name := range []string{"bob", "carol"} {
		if aliceAt[1] < last[name] {
			t.Errorf("alice's retry came before %s's last message (order %v): her 429 should not hold %s back, and hers should wait", name, order, name)
		}
	}
	if got := len(tg.Sent(alice.ID)); got != 1 {
		t.Errorf("messages alice received: got %d, want 1", got)
	}
	// The observer hears of a call after the fake has recorded it.
	tg.Wait(t, 5*time.Second, "seven sendMessage calls observed", func() bool { return obs.get("sendMessage ok") >= 7 })
	if got := obs.get("sendMessage 429"); got != 1 {
		t.Errorf("observed sendMessage 429s: got %d, want 1", got)
	}
	if got := obs.get("sendMessage ok"); got != 7 {
		t.Errorf("observed sendMessage ok: got %d, want 7", got)
	}
}

// tryWait asks for one message's slot without waiting: a limiter refuses
// at once when the wait would pass the context's deadline.
func tryWait(o *Outbox, chat int64) bool {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	return o.wait(ctx, chat) == nil
}

func TestOutboxPacesPerChatPerGroupAndOverall(t *testing.T) {
	// Rates so slow that no token comes back during the test: only the
	// bursts decide, and the counts are exact.
	slow := rate.Limit(1e-6)
	lim := OutgoingLimits{Global: slow, GlobalBurst: 6, PerChat: slow, ChatBurst: 3, PerGroup: slow, GroupBurst: 2}
	for _, tc := range []struct {
		name  string
		chats []int64
		want  int // messages let through at once
	}{
		{"one private chat", []int64{1, 1, 1, 1, 1}, 3},
		{"one group", []int64{-100, -100, -100, -100}, 2},
		{"many chats hit the global limit", []int64{1, 2, 3, 4, 5, 6, 7, 8}, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := NewOutbox(lim, nil)
			got := 0
			for _, c := range tc.chats {
				if tryWait(o, c) {
					got++
				}
			}
			if got != tc.want {
				t.Errorf("messages let through: got %d, want %d", got, tc.want)
			}
		})
	}
}

func TestOutboxPauseHoldsOneChat(t *testing.T) {
	o := NewOutbox(UnlimitedOutgoing(), nil)
	o.pause(1, time.Hour)
	if tryWait(o, 1) {
		t.Error("paused chat: got a slot, want none until retry_after ends")
	}
	if !tryWait(o, 2) {
		t.Error("another chat: got no slot, want one")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := o.wait(ctx, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("wait on a paused chat with an ended context: got %v, want context.Canceled", err)
	}
}

func TestDefaultOutgoingLimitsAreTelegrams(t *testing.T) {
	l := DefaultOutgoingLimits()
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"messages per second overall", float64(l.Global), 30},
		{"messages per second to one chat", float64(l.PerChat), 1},
		{"messages per minute to one group", float64(l.PerGroup) * 60, 20},
	} {
		if tc.got < tc.want-1e-9 || tc.got > tc.want+1e-9 {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

func TestOutboxForgetsIdleChats(t *testing.T) {
	o := NewOutbox(DefaultOutgoingLimits(), nil)
	now := time.Now()
	for i := 0; i < 10*minSweep; i++ {
		o.gate(int64(i), now) // never used: full buckets, idle
	}
	o.mu.Lock()
	n := len(o.chats)
	o.mu.Unlock()
	if n > 2*minSweep {
		t.Errorf("gates kept for 10×%d idle chats: got %d, want at most %d", minSweep, n, 2*minSweep)
	}
}

func TestOutboxSharesTheGlobalRateAmongReplicas(t *testing.T) {
	slow := rate.Limit(1e-6)
	lim := OutgoingLimits{Global: slow, GlobalBurst: 6, PerChat: rate.Inf, PerGroup: rate.Inf}
	for _, tc := range []struct {
		replicas, want int
	}{{0, 6}, {1, 6}, {2, 3}, {3, 2}, {10, 1}} {
		o := NewOutbox(lim, nil)
		o.Share(tc.replicas)
		got := 0
		for c := int64(1); c <= 8; c++ {
			if tryWait(o, c) {
				got++
			}
		}
		if got != tc.want {
			t.Errorf("burst shared by %d replicas: got %d messages at once, want %d", tc.replicas, got, tc.want)
		}
	}
	o := NewOutbox(DefaultOutgoingLimits(), nil)
	o.Share(3)
	if got := o.GlobalRate(); got != 10 {
		t.Errorf("Telegram's 30/s shared by 3 replicas: got %v/s each, want 10", got)
	}
}
