package main

// End-to-end tests of issue 14, "holding up under abuse and faults":
// `scamcheck run` through realMain, the real telegram-bot-api client
// against the fake Bot API, a real Redis.

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamcheck/scamcheck/bot/telegram"
	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/locales"
)

// metricValue reads one sample of the bot's /metrics, "" when absent.
func metricValue(t *testing.T, metricsAddr, series string) string {
	t.Helper()
	_, body := httpGet(t, "http://"+metricsAddr+"/metrics")
	for _, l := range strings.Split(body, "\n") {
		if v, ok := strings.CutPrefix(l, series+" "); ok {
			return v
		}
	}
	return ""
}

func TestE2EAnUndecodableUpdateIsConfirmedAndTheOthersAnswered(t *testing.T) {
	h := newHarness(t, true)
	metricsAddr := freeAddr(t)
	h.env["METRICS_ADDR"] = metricsAddr
	// The number stands for the message's content: it must not be logged.
	const canary = 918273645546
	poison := h.tg.PushUndecodable(zhUser, canary)
	h.tg.Command(enUser, "/start")
	stop := h.start()

	h.tg.WaitSent(t, enUser.ID, 1)
	h.tg.Wait(t, 10*time.Second, "every update confirmed", func() bool { return h.tg.Pending() == 0 })
	series := `scamcheck_updates_dropped_total{reason="undecodable"}`
	h.tg.Wait(t, 5*time.Second, series+" 1", func() bool { return metricValue(t, metricsAddr, series) == "1" })
	if code := stop(); code != 0 {
		t.Fatalf("exit code: got %d, want 0", code)
	}
	if got := len(h.tg.Sent(zhUser.ID)); got != 0 {
		t.Errorf("replies to the undecodable update: got %d, want 0 (nothing to answer)", got)
	}

	// A restart starts past it.
	h.tg.Command(enUser, "/help")
	stop = h.start()
	h.tg.WaitSent(t, enUser.ID, 2)
	stop()

	logs := h.logs.String()
	var found bool
	for _, l := range strings.Split(logs, "\n") {
		if strings.Contains(l, "could not be decoded") {
			found = true
			if !strings.Contains(l, `"update_id":`+strconv.Itoa(poison)) || !strings.Contains(l, `"field":"message.text"`) {
				t.Errorf("log line of the undecodable update: got %s, want its update_id %d and field message.text", l, poison)
			}
		}
	}
	if !found {
		t.Errorf("no log line names the undecodable update %d", poison)
	}
	if strings.Contains(logs, strconv.Itoa(canary)) {
		t.Errorf("the undecodable update's content reached the logs")
	}
}

// flood queues n forwards from one person, then another person's /start,
// on a running bot with Telegram's pacing, and returns how long after the
// /start was queued it was answered.
func flood(tb testing.TB, h *harness, n int) time.Duration {
	tb.Helper()
	before := len(h.tg.Sent(enUser.ID))
	h.tg.ForwardMany(zhUser, scamZH, n)
	queued := time.Now()
	h.tg.Command(enUser, "/start")
	h.tg.Wait(tb, 20*time.Second, "the other person's /start answered", func() bool { return len(h.tg.Sent(enUser.ID)) > before })
	return time.Since(queued)
}

func TestE2EOnePersonsFloodDoesNotHoldUpAnother(t *testing.T) {
	h := newHarness(t, true)
	stop := h.start()
	h.tg.Command(enUser, "/help") // the bot is polling once this is answered
	h.tg.WaitSent(t, enUser.ID, 1)

	const n = 1000
	flood(t, h, n)
	// The flooder gets the chat's share answered (one verdict each; more
	// when their forwards trickle in slower than they are answered) and
	// one note for the rest; their other updates are confirmed unanswered.
	h.tg.Wait(t, 20*time.Second, "every update confirmed", func() bool { return h.tg.Pending() == 0 })
	cat := locales.MustLoad()
	note, err := cat.Render("zh", "bot.too_many", nil)
	if err != nil {
		t.Fatal(err)
	}
	notes := func() int {
		k := 0
		for _, m := range h.tg.Sent(zhUser.ID) {
			if m.Text == note {
				k++
			}
		}
		return k
	}
	h.tg.Wait(t, 20*time.Second, "the note to the flooder", func() bool { return notes() > 0 })
	time.Sleep(time.Second) // room for a wrong second note
	if got := len(h.tg.Sent(zhUser.ID)); notes() != 1 || got > n/10 {
		t.Errorf("messages to the flooder of %d forwards: got %d with %d notes, want a few (a chat's share is %d) with 1 note",
			n, got, notes(), telegram.DefaultChatBacklog)
	}
	stop()
	dropped := regexp.MustCompile(`"msg":"update handled".*"kind":"too_many"`).FindAllString(h.logs.String(), -1)
	if len(dropped) != 1 {
		t.Errorf("too-many notes handled: got %d, want 1", len(dropped))
	}
}

// BenchmarkFloodOtherPersonsStart reports how long another person's /start
// waits behind 1,000 queued forwards from one person, with Telegram's
// pacing, as s/answer.
func BenchmarkFloodOtherPersonsStart(b *testing.B) {
	for range b.N {
		b.StopTimer()
		h := newHarness(b, true)
		stop := h.start()
		h.tg.Command(enUser, "/help")
		h.tg.WaitSent(b, enUser.ID, 1)
		b.StartTimer()
		took := flood(b, h, 1000)
		b.StopTimer()
		b.ReportMetric(took.Seconds(), "s/answer")
		stop()
	}
}

func TestE2EReadyzIsNotReadyWhileRedisRefusesWrites(t *testing.T) {
	h := newHarness(t, true)
	metricsAddr := freeAddr(t)
	h.env["METRICS_ADDR"] = metricsAddr
	readyz := "http://" + metricsAddr + "/readyz"
	h.start()
	h.tg.Wait(t, 15*time.Second, "/readyz to answer 200", func() bool { code, _ := httpGet(t, readyz); return code == 200 })

	// Redis full, evicting nothing: it answers PING and refuses every write.
	ctx := context.Background()
	c := h.rd.Client()
	if err := c.ConfigSet(ctx, "maxmemory-policy", "noeviction").Err(); err != nil {
		t.Fatal(err)
	}
	if err := c.ConfigSet(ctx, "maxmemory", "1").Err(); err != nil {
		t.Fatal(err)
	}
	if err := c.Set(ctx, "probe", "x", time.Minute).Err(); err == nil {
		t.Fatalf("Redis took a write at maxmemory 1 with noeviction; the test proves nothing")
	}
	if code, body := httpGet(t, readyz); code != 503 {
		t.Errorf("/readyz while Redis refuses writes: got %d %q, want 503", code, body)
	}
	if err := c.ConfigSet(ctx, "maxmemory", "0").Err(); err != nil {
		t.Fatal(err)
	}
	if code, body := httpGet(t, readyz); code != 200 {
		t.Errorf("/readyz once Redis takes writes again: got %d %q, want 200", code, body)
	}
}

// postAll posts updates to a webhook the way Telegram does, up to 40 at a
// time, and returns each one's HTTP status, in order.
func postAll(t *testing.T, h *harness, url string, updates []tgbotapi.Update) []int {
	t.Helper()
	codes := make([]int, len(updates))
	sem := make(chan struct{}, telegram.DefaultMaxConnections)
	var wg sync.WaitGroup
	for i, u := range updates {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			code, err := h.tg.Post(url, webhookSecret, u)
			if err != nil {
				t.Errorf("POST update %d: %v", u.UpdateID, err)
			}
			codes[i] = code
		}()
	}
	wg.Wait()
	return codes
}

func TestE2EWebhookShutdownLosesNoAcknowledgedUpdate(t *testing.T) {
	h := newHarness(t, true)
	h.env["SHUTDOWN_GRACE"] = "4s"
	url, stop := h.startReplica()
	// More people than one replica can answer within the grace at
	// Telegram's 30 messages a second, each with one message to check.
	const people = 400
	var updates []tgbotapi.Update
	for i := range people {
		updates = append(updates, h.tg.NewText(telegramtest.User(int64(5_000_000+i), "en"), scamEN))
	}
	codes := postAll(t, h, url, updates)
	if code := stop(); code != 0 {
		t.Fatalf("exit code: got %d, want 0", code)
	}
	acked, refused, lost := 0, 0, 0
	for i, u := range updates {
		switch codes[i] {
		case 200:
			acked++
			if len(h.tg.Sent(u.Message.Chat.ID)) == 0 {
				lost++
			}
		case 503:
			refused++ // Telegram delivers it again
		default:
			t.Errorf("POST update %d: got %d, want 200 or 503", u.UpdateID, codes[i])
		}
	}
	t.Logf("acknowledged %d, refused with 503 %d, acknowledged and never answered %d", acked, refused, lost)
	if lost != 0 {
		t.Errorf("acknowledged updates lost at shutdown: got %d of %d, want 0", lost, acked)
	}
	if acked == 0 {
		t.Errorf("no update acknowledged; the test proves nothing")
	}
	if strings.Contains(h.logs.String(), "lost") {
		t.Errorf("the bot logged a loss at shutdown")
	}
}

func TestE2EWebhookFloodOfOnePersonIsNotRefusedToOthers(t *testing.T) {
	h := newHarness(t, true)
	url, stop := h.startReplica()
	defer stop()
	const n = 1100
	var flood []tgbotapi.Update
	for range n {
		flood = append(flood, h.tg.NewText(zhUser, scamZH))
	}
	codes := postAll(t, h, url, flood)
	for i, c := range codes {
		if c != 200 {
			// Refusing the flooder's excess would be allowed too; the
			// bot confirms it without a reply instead.
			t.Errorf("flood update %d: got %d, want 200", i, c)
			break
		}
	}
	other := h.tg.NewText(enUser, "/start")
	if code, err := h.tg.Post(url, webhookSecret, other); err != nil || code != 200 {
		t.Fatalf("another person's update during the flood: got (%d, %v), want 200", code, err)
	}
	h.tg.WaitSent(t, enUser.ID, 1)
	// The flooder: a chat's share answered, one note, the rest confirmed
	// without a reply.
	note, err := locales.MustLoad().Render("zh", "bot.too_many", nil)
	if err != nil {
		t.Fatal(err)
	}
	h.tg.Wait(t, 20*time.Second, "the note to the flooder", func() bool {
		for _, m := range h.tg.Sent(zhUser.ID) {
			if m.Text == note {
				return true
			}
		}
		return false
	})
	stop()
	got := h.tg.Sent(zhUser.ID)
	notes := 0
	for _, m := range got {
		if m.Text == note {
			notes++
		}
	}
	if notes != 1 || len(got) > n/10 {
		t.Errorf("messages to the flooder of %d updates: got %d with %d notes, want a few with 1 note", n, len(got), notes)
	}
}

func TestBadShutdownGraceIsRefusedInOneLine(t *testing.T) {
	for _, v := range []string{"abc", "0s", "500ms", "11m", "-5s"} {
		t.Run(v, func(t *testing.T) {
			env := map[string]string{"TELEGRAM_BOT_TOKEN": testToken, "SCAMCHECK_SECRET": testSecret, "SHUTDOWN_GRACE": v}
			wantRefusedInOneLine(t, env, "SHUTDOWN_GRACE", strings.SplitN(testToken, ":", 2)[1])
		})
	}
}
