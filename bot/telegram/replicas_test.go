package telegram

// Several replicas behind one webhook URL, sharing one Redis: each is a
// real engine, a real Bot API client and a real webhook server; Telegram is
// the fake Bot API; Redis is a real server or a real three-master Cluster.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/dialogs"
	"github.com/scamcheck/scamcheck/internal/redistest"
	"github.com/scamcheck/scamcheck/locales"
)

// replicaSecret keys the user-id hash; replicas share it, as they share
// SCAMCHECK_SECRET.
const replicaSecret = "replica-test-secret-0123456789"

// A message every replica classifies as a scam, written for these tests.
const replicaScam = "This is the police. Your bank account is linked to fraud; transfer all your savings to the safe account we give you today and tell nobody."

type replica struct {
	url string
	e   *bot.Engine
}

// startReplica serves one replica on a loopback port until the test ends.
func startReplica(t *testing.T, tg *telegramtest.Server, st bot.SessionStore) replica {
	t.Helper()
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	e, err := bot.New(bot.Options{Store: st, Checker: bot.RulesChecker{Rules: rules}, Catalog: locales.MustLoad(), Secret: []byte(replicaSecret)})
	if err != nil {
		t.Fatal(err)
	}
	c, err := Dial(context.Background(), Config{Token: token, APIURL: tg.URL()})
	if err != nil {
		t.Fatal(err)
	}
	// The fake Bot API has no rate limits to respect; pacing at
	// Telegram's 1/s per chat would only slow the test.
	c.SetOutbox(NewOutbox(UnlimitedOutgoing(), nil))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String() + "/hook"
	// One person's fifty updates at once test the lock across replicas,
	// not the per-chat share of the queue (webhook_test.go), so the share
	// holds them all.
	w := &Webhook{Client: c, Handler: e, URL: url, Secret: hookSecret, Logger: zap.NewNop(), ChatBacklog: 64}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = w.Serve(ctx, ln); close(done) }()
	if err := w.Register(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); <-done })
	return replica{url: url, e: e}
}

// rawRedis is what the checks read Redis through: every key of a server or
// of every master of a cluster.
type rawRedis struct {
	c    redis.UniversalClient
	keys func() []string
}

func redisServer(t *testing.T) rawRedis {
	srv := redistest.Start(t)
	c := srv.Client()
	return rawRedis{c: c, keys: func() []string { return c.Keys(context.Background(), "*").Val() }}
}

func redisCluster(t *testing.T) rawRedis {
	cl := redistest.StartCluster(t)
	c := cl.Client()
	return rawRedis{c: c, keys: func() []string {
		ks, err := cl.Keys(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return ks
	}}
}

var deployments = []struct {
	name  string
	start func(*testing.T) rawRedis
}{
	{"redis", redisServer},
	{"cluster", redisCluster},
}

func TestTwoReplicasAnswerARepeatedUpdateOnce(t *testing.T) {
	for _, d := range deployments {
		t.Run(d.name, func(t *testing.T) {
			rd := d.start(t)
			tg := telegramtest.New(t, token)
			a := startReplica(t, tg, store.NewRedis(rd.c, ""))
			b := startReplica(t, tg, store.NewRedis(rd.c, ""))
			user := telegramtest.User(5151, "en")
			for round := 0; round < 5; round++ {
				u := tg.NewText(user, replicaScam)
				// Telegram redelivers: the same update reaches both
				// replicas at once, and one of them a third time.
				var wg sync.WaitGroup
				for _, url := range []string{a.url, b.url, a.url} {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if got, err := tg.Post(url, hookSecret, u); err != nil || got != http.StatusOK {
							t.Errorf("POST to %s: got (%d, %v), want 200", url, got, err)
						}
					}()
				}
				wg.Wait()
				tg.WaitSent(t, user.ID, round+1)
			}
			// A later update proves the replicas were not just slow.
			tg.Post(b.url, hookSecret, tg.NewText(user, "/help"))
			msgs := tg.WaitSent(t, user.ID, 6)
			if len(msgs) != 6 {
				t.Errorf("messages: got %d, want 6 (5 verdicts once each, then the help)", len(msgs))
			}
			for i, m := range msgs[:5] {
				if m.ReplyMarkup == nil {
					t.Errorf("message %d: got no keyboard, want a verdict: %q", i, m.Text)
				}
			}
		})
	}
}

func TestFiftyConcurrentUpdatesOfOnePersonLeaveAConsistentSession(t *testing.T) {
	for _, d := range deployments {
		t.Run(d.name, func(t *testing.T) {
			rd := d.start(t)
			tg := telegramtest.New(t, token)
			replicas := []replica{
				startReplica(t, tg, store.NewRedis(rd.c, "")),
				startReplica(t, tg, store.NewRedis(rd.c, "")),
			}
			user := telegramtest.User(5252, "en")
			const n = 50
			var wg sync.WaitGroup
			for i := 0; i < n; i++ {
				u := tg.NewText(user, fmt.Sprintf("%s (message %d)", replicaScam, i))
				wg.Add(1)
				go func() {
					defer wg.Done()
					if got, err := tg.Post(replicas[i%2].url, hookSecret, u); err != nil || got != http.StatusOK {
						t.Errorf("POST %d: got (%d, %v), want 200", i, got, err)
					}
				}()
			}
			wg.Wait()
			msgs := tg.WaitSent(t, user.ID, n)
			time.Sleep(100 * time.Millisecond) // room for a wrong extra answer
			msgs = tg.Sent(user.ID)
			if len(msgs) != n {
				t.Fatalf("messages: got %d, want %d (one verdict per update)", len(msgs), n)
			}
			// Each verdict's keyboard carries the Seq its handler saw plus
			// one: handled one at a time on fresh state, they are 1..50.
			// Two handled at once on the same state would share a Seq.
			seqs := map[uint32]int{}
			var maxSeq uint32
			for _, m := range msgs {
				if m.ReplyMarkup == nil || len(m.ReplyMarkup.InlineKeyboard) == 0 {
					t.Fatalf("a verdict without a keyboard: %q", m.Text)
				}
				seq, _, ok := dialogs.ParseChoice(*m.ReplyMarkup.InlineKeyboard[0][0].CallbackData)
				if !ok {
					t.Fatalf("unparsable button data %q", *m.ReplyMarkup.InlineKeyboard[0][0].CallbackData)
				}
				seqs[seq]++
				maxSeq = max(maxSeq, seq)
			}
			if len(seqs) != n || maxSeq != n {
				t.Errorf("keyboard Seqs: got %d distinct, max %d, want 1..%d each once (lost updates: %v)", len(seqs), maxSeq, n, dupes(seqs))
			}
			// The stored session is the last one's.
			userKey := replicas[0].e.UserKey("5252")
			raw, err := rd.c.Get(context.Background(), "scamcheck:u:{"+userKey+"}:s").Bytes()
			if err != nil {
				t.Fatalf("session: %v", err)
			}
			// The record is the marks of handled updates, a newline, and
			// the session.
			_, session, _ := bytes.Cut(raw, []byte("\n"))
			var rec struct {
				S dialogs.State `json:"s"`
			}
			if err := json.Unmarshal(session, &rec); err != nil || rec.S.Seq != n {
				t.Errorf("stored session Seq: got %d (%v), want %d", rec.S.Seq, err, n)
			}
			checkKeys(t, rd, userKey, []string{replicaScam})
		})
	}
}

func dupes(seqs map[uint32]int) []uint32 {
	var out []uint32
	for s, n := range seqs {
		if n > 1 {
			out = append(out, s)
		}
	}
	return out
}

// checkKeys asserts the privacy rules on everything in Redis: a TTL on
// every key, no lock left behind, no raw user id, no message text.
func checkKeys(t *testing.T, rd rawRedis, userKey string, texts []string) {
	t.Helper()
	ctx := context.Background()
	keys := rd.keys()
	if len(keys) == 0 {
		t.Fatal("Redis holds no key")
	}
	for _, k := range keys {
		d, err := rd.c.PTTL(ctx, k).Result()
		if err != nil || d <= 0 {
			t.Errorf("key %q: TTL %v (%v), want one", k, d, err)
		}
		if strings.HasSuffix(k, ":l") {
			t.Errorf("lock %q left after every update was handled", k)
		}
		if strings.Contains(k, "5252") || strings.Contains(k, "5151") {
			t.Errorf("key %q holds a raw user id", k)
		}
		val, _ := rd.c.Get(ctx, k).Result()
		if rd.c.Type(ctx, k).Val() == "hash" {
			val = fmt.Sprint(rd.c.HGetAll(ctx, k).Val())
		}
		for _, text := range texts {
			// Any stretch of ten characters of the message (the session
			// names reasons by ids such as safe_account, never in words).
			for i := 0; i+10 <= len(text); i += 5 {
				if frag := text[i : i+10]; strings.Contains(k+val, frag) {
					t.Errorf("key %q holds message text %q", k, frag)
				}
			}
		}
	}
}

func TestForgetRemovesEveryKeyOnACluster(t *testing.T) {
	rd := redisCluster(t)
	tg := telegramtest.New(t, token)
	a := startReplica(t, tg, store.NewRedis(rd.c, ""))
	b := startReplica(t, tg, store.NewRedis(rd.c, ""))
	user := telegramtest.User(5353, "zh-hans")
	other := telegramtest.User(5454, "en")
	ctx := context.Background()
	userKey := a.e.UserKey("5353")
	// A conversation spread over both replicas, and someone else's.
	tg.Post(a.url, hookSecret, tg.NewText(user, "/start"))
	tg.WaitSent(t, user.ID, 1)
	tg.Post(b.url, hookSecret, tg.NewText(user, replicaScam))
	v := tg.WaitSent(t, user.ID, 2)[1]
	tg.Post(a.url, hookSecret, tg.NewPress(user, v, *v.ReplyMarkup.InlineKeyboard[0][0].CallbackData))
	tg.WaitSent(t, user.ID, 3)
	tg.Post(b.url, hookSecret, tg.NewText(other, replicaScam))
	tg.WaitSent(t, other.ID, 1)
	// The model's per-person budgets, as the LLM checker counts them.
	for i := 0; i < 5; i++ {
		if _, err := store.NewRedis(rd.c, "").IncrPersonWithTTL(ctx, userKey, fmt.Sprintf("llm:2026120%d", i), time.Hour); err != nil {
			t.Fatal(err)
		}
	}
	n := len(tg.Sent(user.ID))
	tg.Post(b.url, hookSecret, tg.NewText(user, "/forget"))
	tg.WaitSent(t, user.ID, n+1)
	tg.Wait(t, 5*time.Second, "the forget committed", func() bool {
		for _, k := range rd.keys() {
			if strings.Contains(k, userKey) {
				return false
			}
		}
		return true
	})
	otherKey := a.e.UserKey("5454")
	found := false
	for _, k := range rd.keys() {
		found = found || strings.Contains(k, otherKey)
	}
	if !found {
		t.Error("the other person's keys went too")
	}
}
