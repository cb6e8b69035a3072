package main

// End-to-end tests of webhook mode with several replicas, and of Redis
// Cluster: `scamcheck run` through realMain, the real telegram-bot-api
// client against the fake Bot API, real Redis servers.

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/internal/redistest"
)

const webhookSecret = "e2e-Webhook_secret-42"

// startReplica runs `scamcheck run --mode webhook` on a free loopback port
// with the harness's settings and returns its webhook URL once it has
// registered it.
func (h *harness) startReplica() (url string, stop func() int) {
	h.t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		h.t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	url = "http://" + addr + "/telegram/" + strings.ReplaceAll(addr, ":", "-")
	env := map[string]string{}
	for k, v := range h.env {
		env[k] = v
	}
	env["WEBHOOK_LISTEN"] = addr
	env["WEBHOOK_URL"] = url
	env["WEBHOOK_SECRET"] = webhookSecret
	stop = h.run(env, "run", "--mode", "webhook")
	h.tg.Wait(h.t, 10*time.Second, "the replica to register "+url, func() bool {
		for _, c := range h.tg.CallsTo("setWebhook") {
			if c.Params.Get("url") == url {
				return true
			}
		}
		return false
	})
	return url, stop
}

func TestE2EWebhookReplicasShareOneConversationAndAnswerARepeatOnce(t *testing.T) {
	h := newHarness(t, true)
	a, stopA := h.startReplica()
	b, stopB := h.startReplica()
	for _, c := range h.tg.CallsTo("setWebhook") {
		if c.Params.Get("secret_token") != webhookSecret {
			t.Errorf("setWebhook secret_token: got %q, want the WEBHOOK_SECRET", c.Params.Get("secret_token"))
		}
	}
	// Someone who is not Telegram is refused and nothing is answered.
	if code, _ := h.tg.Post(a, "guess", h.tg.NewText(enUser, "/start")); code != http.StatusUnauthorized {
		t.Errorf("POST with a wrong secret: got %d, want 401", code)
	}
	if code, _ := h.tg.Post(b, "", h.tg.NewText(enUser, "/start")); code != http.StatusUnauthorized {
		t.Errorf("POST without a secret: got %d, want 401", code)
	}

	// One conversation, its updates landing on either replica.
	h.tg.Post(a, webhookSecret, h.tg.NewText(enUser, "/start"))
	h.tg.WaitSent(t, enUser.ID, 1)
	fwd := h.tg.NewText(enUser, scamEN)
	fwd.Message.ForwardSenderName, fwd.Message.ForwardDate = "Unknown sender", int(time.Now().Unix())-60
	// Telegram delivers the forward to both replicas at once (a
	// redelivery after a timeout): it is answered once.
	var wg sync.WaitGroup
	for _, url := range []string{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if code, err := h.tg.Post(url, webhookSecret, fwd); err != nil || code != http.StatusOK {
				t.Errorf("POST to %s: got (%d, %v), want 200", url, code, err)
			}
		}()
	}
	wg.Wait()
	verdict := lastKeyboardMessage(t, h.tg.WaitSent(t, enUser.ID, 2))
	h.waitHandled(fwd.UpdateID)
	n := len(h.tg.Sent(enUser.ID))
	press := h.tg.NewPress(enUser, verdict, firstButton(verdict))
	h.tg.Post(b, webhookSecret, press)
	h.waitHandled(press.UpdateID)
	if got := len(h.tg.Sent(enUser.ID)); got <= n {
		t.Errorf("the press on the other replica: got no new message (%d), want the dialog to move on", got)
	}
	// The forward's redelivery to a replica again changes nothing.
	m := len(h.tg.Sent(enUser.ID))
	h.tg.Post(a, webhookSecret, fwd)
	h.tg.Post(b, webhookSecret, h.tg.NewText(enUser, "/help"))
	h.tg.WaitSent(t, enUser.ID, m+1)
	time.Sleep(200 * time.Millisecond) // room for a wrong second answer
	if got := len(h.tg.Sent(enUser.ID)); got != m+1 {
		t.Errorf("messages after a redelivered forward and /help: got %d, want %d", got, m+1)
	}
	if verdicts := strings.Count(strings.Join(texts(h.tg.Sent(enUser.ID)), "\n"), verdict.Text); verdicts != 1 {
		t.Errorf("the verdict was sent %d times, want once", verdicts)
	}
	if !strings.Contains(h.logs.String(), "update already handled") {
		t.Error("logs: want a line saying a repeated update was skipped")
	}
	// The second replica found the first in Redis: each sends at most
	// half of Telegram's 30 messages a second.
	if !strings.Contains(h.logs.String(), `"replicas":2,"messages_per_second":15`) {
		t.Error("logs: want the second replica sharing Telegram's global rate with the first (2 replicas, 15/s)")
	}
	for _, stop := range []func() int{stopA, stopB} {
		if code := stop(); code != 0 {
			t.Errorf("replica exit code: got %d, want 0", code)
		}
	}
	if strings.Contains(h.logs.String(), webhookSecret) {
		t.Error("the webhook secret is in the logs")
	}
}

func TestE2EConversationOnARedisCluster(t *testing.T) {
	h := newHarness(t, false)
	cl := redistest.StartCluster(t)
	h.env["REDIS_CLUSTER_ADDRS"] = strings.Join(cl.Addrs(), ",")
	h.env["CHECKS_PER_MINUTE"] = "0"
	stop := h.start()
	msgs := []string{scamEN, scamZH}
	h.tg.Command(enUser, "/start")
	h.tg.Forward(enUser, scamEN)
	h.tg.Forward(zhUser, scamZH)
	h.tg.WaitSent(t, zhUser.ID, 1)
	v := lastKeyboardMessage(t, h.tg.WaitSent(t, enUser.ID, 2))
	press := h.tg.Press(enUser, v, firstButton(v))
	h.waitHandled(press.UpdateID)
	if !strings.Contains(h.logs.String(), "using Redis Cluster at") {
		t.Error("logs: want the Cluster named at start")
	}

	ctx := context.Background()
	c := cl.Client()
	keys, err := cl.Keys(ctx)
	if err != nil || len(keys) == 0 {
		t.Fatalf("cluster keys: got %d (%v), want some", len(keys), err)
	}
	logs := h.logs.String()
	for _, k := range keys {
		if ttl, _ := c.PTTL(ctx, k).Result(); ttl <= 0 || ttl > 31*24*time.Hour {
			t.Errorf("key %q: TTL %v, want in (0, 30 days]", k, ttl)
		}
		val, _ := c.Get(ctx, k).Result()
		for _, id := range []string{"777000111", "888000222"} {
			if strings.Contains(k+val, id) {
				t.Errorf("raw user id %s in key %q or its value", id, k)
			}
		}
		for _, text := range msgs {
			for _, frag := range fragments(text, 8) {
				if strings.Contains(k+val, frag) || strings.Contains(logs, frag) {
					t.Errorf("message text %q in Redis key %q or in the logs", frag, k)
				}
			}
		}
	}

	n := len(h.tg.Sent(enUser.ID))
	h.tg.Command(enUser, "/forget")
	h.tg.WaitSent(t, enUser.ID, n+1)
	enKey := userKeyOf(t, "888000222")
	h.tg.Wait(t, 5*time.Second, "every key of the forgotten person gone from every master", func() bool {
		ks, _ := cl.Keys(ctx)
		for _, k := range ks {
			if strings.Contains(k, enKey) {
				return false
			}
		}
		return true
	})
	zhKey := userKeyOf(t, "777000111")
	ks, _ := cl.Keys(ctx)
	if !strings.Contains(strings.Join(ks, " "), zhKey) {
		t.Error("the other person's keys went with the /forget")
	}
	if code := stop(); code != 0 {
		t.Errorf("exit code: got %d, want 0", code)
	}
}

func TestRunRefusesBadTransportAndRedisSettingsInOneLine(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	base := map[string]string{"TELEGRAM_BOT_TOKEN": testToken, "TELEGRAM_API_URL": tg.URL(), "SCAMCHECK_SECRET": testSecret}
	hook := map[string]string{"TELEGRAM_MODE": "webhook", "WEBHOOK_URL": "https://bot.example.org/tg", "WEBHOOK_SECRET": webhookSecret, "WEBHOOK_LISTEN": "127.0.0.1:0"}
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"unknown mode", map[string]string{"TELEGRAM_MODE": "push"}, "TELEGRAM_MODE"},
		{"webhook without URL", map[string]string{"TELEGRAM_MODE": "webhook", "WEBHOOK_SECRET": webhookSecret}, "WEBHOOK_URL is not set"},
		{"plain http URL", map[string]string{"WEBHOOK_URL": "http://bot.example.org/tg"}, "WEBHOOK_URL"},
		{"URL with a query", map[string]string{"WEBHOOK_URL": "https://bot.example.org/tg?x=1"}, "WEBHOOK_URL"},
		{"no secret", map[string]string{"WEBHOOK_SECRET": ""}, "WEBHOOK_SECRET is not set"},
		{"bad secret", map[string]string{"WEBHOOK_SECRET": "has spaces!"}, "WEBHOOK_SECRET is malformed"},
		{"bad listen", map[string]string{"WEBHOOK_LISTEN": "everywhere"}, "WEBHOOK_LISTEN"},
		{"Sentinel and Cluster", map[string]string{"REDIS_SENTINEL_MASTER": "m", "REDIS_CLUSTER_ADDRS": "127.0.0.1:1"}, "REDIS_SENTINEL_MASTER and REDIS_CLUSTER_ADDRS"},
		{"sentinels without master", map[string]string{"REDIS_SENTINEL_ADDRS": "127.0.0.1:26379"}, "REDIS_SENTINEL_ADDRS"},
		{"master without sentinels", map[string]string{"REDIS_SENTINEL_MASTER": "m"}, "REDIS_SENTINEL_MASTER"},
		{"bad cluster node", map[string]string{"REDIS_CLUSTER_ADDRS": "127.0.0.1"}, "REDIS_CLUSTER_ADDRS"},
		{"cluster database", map[string]string{"REDIS_CLUSTER_ADDRS": "127.0.0.1:1", "REDIS_URL": "redis://:pw@127.0.0.1:2/3"}, "database other than 0"},
		{"cluster down", map[string]string{"REDIS_CLUSTER_ADDRS": "127.0.0.1:1,127.0.0.1:2"}, "REDIS_CLUSTER_ADDRS: Redis Cluster at 127.0.0.1:1,127.0.0.1:2 does not answer"},
		{"sentinel down", map[string]string{"REDIS_SENTINEL_MASTER": "m", "REDIS_SENTINEL_ADDRS": "127.0.0.1:1"}, "REDIS_SENTINEL_MASTER: Redis master m via Sentinel"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range base {
				env[k] = v
			}
			// A case about one webhook setting starts from good ones.
			if _, ok := tc.env["TELEGRAM_MODE"]; !ok && strings.Contains(strings.Join(keysOf(tc.env), " "), "WEBHOOK_") {
				for k, v := range hook {
					env[k] = v
				}
			}
			for k, v := range tc.env {
				env[k] = v
			}
			wantRefusedInOneLine(t, env, tc.want, webhookSecret)
		})
	}
}

func keysOf(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// userKeyOf is the keyed hash the bot makes of a Telegram user id with
// testSecret.
func userKeyOf(t *testing.T, id string) string {
	t.Helper()
	m := hmac.New(sha256.New, []byte(testSecret))
	m.Write([]byte(id))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

func TestARefusedWebhookStopsStartUpInOneLine(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	tg.FailNext("setWebhook", telegramtest.Failure{Code: 400})
	env := map[string]string{
		"TELEGRAM_BOT_TOKEN": testToken, "TELEGRAM_API_URL": tg.URL(), "SCAMCHECK_SECRET": testSecret,
		"TELEGRAM_MODE": "webhook", "WEBHOOK_URL": "https://bot.example.org/tg", "WEBHOOK_SECRET": webhookSecret, "WEBHOOK_LISTEN": "127.0.0.1:0",
	}
	var out bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	code := realMain(ctx, []string{"run"}, stdio{in: strings.NewReader(""), out: &out, err: &out, getenv: func(k string) string { return env[k] }})
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; code != 1 || !strings.Contains(last, "WEBHOOK_URL: setWebhook refused") {
		t.Errorf("got exit %d and last line %q, want exit 1 and WEBHOOK_URL: setWebhook refused", code, last)
	}
	if strings.Contains(out.String(), webhookSecret) || strings.Contains(out.String(), strings.SplitN(testToken, ":", 2)[1]) {
		t.Errorf("output repeats a secret: %q", out.String())
	}
}

func TestE2EConversationThroughRedisSentinel(t *testing.T) {
	h := newHarness(t, false)
	sn := redistest.StartSentinel(t)
	h.env["REDIS_SENTINEL_MASTER"] = redistest.SentinelMaster
	h.env["REDIS_SENTINEL_ADDRS"] = sn.Addr()
	stop := h.start()
	h.tg.Command(enUser, "/start")
	h.tg.Forward(enUser, scamEN)
	v := lastKeyboardMessage(t, h.tg.WaitSent(t, enUser.ID, 2))
	press := h.tg.Press(enUser, v, firstButton(v))
	h.waitHandled(press.UpdateID)
	if !strings.Contains(h.logs.String(), "via Sentinel at "+sn.Addr()) {
		t.Error("logs: want the Sentinel named at start")
	}
	ctx := context.Background()
	c := sn.Master().Client()
	enKey := userKeyOf(t, "888000222")
	if n, _ := c.Exists(ctx, "scamcheck:u:{"+enKey+"}:s").Result(); n != 1 {
		t.Fatal("no session on the master the sentinel names")
	}
	n := len(h.tg.Sent(enUser.ID))
	h.tg.Command(enUser, "/forget")
	h.tg.WaitSent(t, enUser.ID, n+1)
	h.tg.Wait(t, 5*time.Second, "every key of the forgotten person gone", func() bool {
		ks, _ := c.Keys(ctx, "*"+enKey+"*").Result()
		return len(ks) == 0
	})
	if code := stop(); code != 0 {
		t.Errorf("exit code: got %d, want 0", code)
	}
}
