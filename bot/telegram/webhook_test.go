package telegram

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"go.uber.org/zap"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

const hookSecret = "hook-Secret_0123456789"

// gatedHandler records the updates it is given and can hold them until
// released.
type gatedHandler struct {
	next Handler

	mu   sync.Mutex
	seen []string // update ids, in the order handling started
	gate chan struct{}
}

func (g *gatedHandler) Handle(ctx context.Context, u bot.Update, r bot.Responder) error {
	g.mu.Lock()
	g.seen = append(g.seen, u.ID)
	gate := g.gate
	g.mu.Unlock()
	if gate != nil {
		<-gate
	}
	return g.next.Handle(ctx, u, r)
}

func (g *gatedHandler) handled() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.seen...)
}

// The engine is what the webhook hands updates to.
var _ Handler = (*bot.Engine)(nil)

type hookRig struct {
	tg   *telegramtest.Server
	hook *Webhook
	h    *gatedHandler
	url  string
	stop func()
}

// newHookRig serves a webhook (real client, fake Bot API, in-memory store)
// on a loopback port and registers it.
func newHookRig(t *testing.T, configure func(*Webhook)) *hookRig {
	t.Helper()
	tg := telegramtest.New(t, token)
	rules, _ := classifier.New()
	e, err := bot.New(bot.Options{Store: store.NewMemory(), Checker: bot.RulesChecker{Rules: rules}, Catalog: locales.MustLoad(), Secret: []byte("hook-test-secret-0123456789")})
	if err != nil {
		t.Fatal(err)
	}
	c, err := Dial(context.Background(), Config{Token: token, APIURL: tg.URL()})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := &gatedHandler{next: e}
	url := "http://" + ln.Addr().String() + "/tg/hook"
	w := &Webhook{Client: c, Handler: h, URL: url, Secret: hookSecret, Logger: zap.NewNop()}
	if configure != nil {
		configure(w)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Serve(ctx, ln) }()
	if err := w.Register(ctx); err != nil {
		t.Fatalf("Register: %v", err)
	}
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Serve: %v", err)
				}
			case <-time.After(15 * time.Second):
				t.Fatal("webhook did not stop within 15s")
			}
		})
	}
	t.Cleanup(stop)
	return &hookRig{tg: tg, hook: w, h: h, url: url, stop: stop}
}

func TestWebhookRegistersItsSecretToken(t *testing.T) {
	r := newHookRig(t, nil)
	calls := r.tg.CallsTo("setWebhook")
	if len(calls) != 1 {
		t.Fatalf("setWebhook calls: got %d, want 1", len(calls))
	}
	p := calls[0].Params
	if p.Get("url") != r.url || p.Get("secret_token") != hookSecret {
		t.Errorf("setWebhook: got url %q secret %q, want %q and the secret", p.Get("url"), p.Get("secret_token"), r.url)
	}
	var allowed []string
	_ = json.Unmarshal([]byte(p.Get("allowed_updates")), &allowed)
	if strings.Join(allowed, ",") != "message,callback_query" {
		t.Errorf("allowed_updates: got %q, want message,callback_query", p.Get("allowed_updates"))
	}
}

func TestWebhookRefusesRequestsWithoutTheSecret(t *testing.T) {
	r := newHookRig(t, nil)
	user := telegramtest.User(4242, "en")
	for _, tc := range []struct {
		name, secret string
		want         int
	}{
		{"missing", "", http.StatusUnauthorized},
		{"wrong", "hook-Secret_0123456780", http.StatusUnauthorized},
		{"prefix", hookSecret[:5], http.StatusUnauthorized},
		{"longer", hookSecret + "x", http.StatusUnauthorized},
	} {
		got, err := r.tg.Post(r.url, tc.secret, r.tg.NewText(user, "/start"))
		if err != nil || got != tc.want {
			t.Errorf("%s secret: got (%d, %v), want %d", tc.name, got, err, tc.want)
		}
	}
	// Nothing was handled or answered.
	if h := r.h.handled(); len(h) != 0 {
		t.Errorf("updates handled after refused requests: got %q, want none", h)
	}
	if n := len(r.tg.CallsTo("sendMessage")); n != 0 {
		t.Errorf("messages sent after refused requests: got %d, want 0", n)
	}
	// The right secret is let in and answered.
	if got, err := r.tg.Post(r.url, hookSecret, r.tg.NewText(user, "/start")); err != nil || got != http.StatusOK {
		t.Fatalf("right secret: got (%d, %v), want 200", got, err)
	}
	r.tg.WaitSent(t, user.ID, 1)
}

// spyBody records whether anyone read it.
type spyBody struct{ reads atomic.Int32 }

func (s *spyBody) Read(p []byte) (int, error) {
	s.reads.Add(1)
	return 0, io.EOF
}
func (s *spyBody) Close() error { return nil }

func TestWebhookDoesNotReadTheBodyOfARefusedRequest(t *testing.T) {
	r := newHookRig(t, nil)
	for _, secret := range []string{"", "not-it"} {
		body := &spyBody{}
		req := httptest.NewRequest(http.MethodPost, r.url, body)
		if secret != "" {
			req.Header.Set(SecretHeader, secret)
		}
		rec := httptest.NewRecorder()
		r.hook.ServeHTTP(rec, req)
		if rec.Code != http.StatusUnauthorized {
			t.Errorf("secret %q: got status %d, want 401", secret, rec.Code)
		}
		if n := body.reads.Load(); n != 0 {
			t.Errorf("secret %q: body read %d times, want never", secret, n)
		}
	}
}

func TestWebhookRefusesOversizedAndBrokenBodies(t *testing.T) {
	r := newHookRig(t, func(w *Webhook) { w.MaxBody = 1024 })
	user := telegramtest.User(4343, "en")
	big := r.tg.NewText(user, strings.Repeat("long message ", 200))
	if got, _ := r.tg.Post(r.url, hookSecret, big); got != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: got %d, want 413", got)
	}
	req, _ := http.NewRequest(http.MethodPost, r.url, strings.NewReader("{not json"))
	req.Header.Set(SecretHeader, hookSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("broken body: got %d, want 400", resp.StatusCode)
	}
	getResp, err := http.Get(r.url)
	if err != nil {
		t.Fatal(err)
	}
	getResp.Body.Close()
	if getResp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: got %d, want 405", getResp.StatusCode)
	}
	if h := r.h.handled(); len(h) != 0 {
		t.Errorf("handled: got %q, want none", h)
	}
}

func TestWebhookAnswersBeforeHandlingAndKeepsAChatsOrder(t *testing.T) {
	r := newHookRig(t, func(w *Webhook) { w.QueueSize = 4 })
	gate := make(chan struct{})
	r.h.mu.Lock()
	r.h.gate = gate
	r.h.mu.Unlock()
	user := telegramtest.User(4444, "en")
	var ids []string
	// Four updates of one chat are acknowledged while the first is still
	// being handled (held at the gate): the answer does not wait.
	for _, text := range []string{"/start", "/help", "/privacy", "/lang"} {
		u := r.tg.NewText(user, text)
		if got, err := r.tg.Post(r.url, hookSecret, u); err != nil || got != http.StatusOK {
			t.Fatalf("update %q: got (%d, %v), want 200 before handling", text, got, err)
		}
		ids = append(ids, "tg:555666777:"+strconv.Itoa(u.UpdateID))
	}
	// The queue is full: Telegram is told to come back later.
	if got, _ := r.tg.Post(r.url, hookSecret, r.tg.NewText(user, "/help")); got != http.StatusServiceUnavailable {
		t.Errorf("update beyond the queue: got %d, want 503", got)
	}
	close(gate)
	r.tg.Wait(t, 10*time.Second, "four updates handled", func() bool { return len(r.h.handled()) == 4 })
	if got := strings.Join(r.h.handled(), " "); got != strings.Join(ids, " ") {
		t.Errorf("handling order: got %s, want %s", got, strings.Join(ids, " "))
	}
}

func TestWebhookShutdownHandlesWhatItAccepted(t *testing.T) {
	r := newHookRig(t, nil)
	gate := make(chan struct{})
	r.h.mu.Lock()
	r.h.gate = gate
	r.h.mu.Unlock()
	user := telegramtest.User(4545, "en")
	if got, _ := r.tg.Post(r.url, hookSecret, r.tg.NewText(user, "/start")); got != http.StatusOK {
		t.Fatalf("got %d, want 200", got)
	}
	r.tg.Wait(t, 5*time.Second, "handling to start", func() bool { return len(r.h.handled()) == 1 })
	stopped := make(chan struct{})
	go func() { r.stop(); close(stopped) }()
	close(gate)
	<-stopped
	if n := len(r.tg.Sent(user.ID)); n == 0 {
		t.Error("an update acknowledged before shutdown was not answered")
	}
	// After shutdown nothing is accepted.
	if _, err := r.tg.Post(r.url, hookSecret, r.tg.NewText(user, "/help")); err == nil {
		t.Error("POST after shutdown: got an answer, want the connection refused")
	}
}

func TestFakeTelegramDeliversToTheRegisteredWebhook(t *testing.T) {
	r := newHookRig(t, nil)
	user := telegramtest.User(4646, "zh-hans")
	r.tg.Command(user, "/start")
	r.tg.WaitSent(t, user.ID, 1)
	for _, d := range r.tg.Deliveries() {
		if d.Status != http.StatusOK {
			t.Errorf("delivery of %d: got %d (%v), want 200", d.UpdateID, d.Status, d.Err)
		}
	}
	// Polling is refused while a webhook is set, as on Telegram.
	if _, err := r.hook.Client.api.GetUpdates(tgbotapi.NewUpdate(0)); err == nil || apiError(err) == nil || apiError(err).Code != http.StatusConflict {
		t.Errorf("getUpdates with a webhook set: got %v, want 409", err)
	}
}

// FuzzWebhookBody: whatever an authenticated client posts, the webhook
// answers with a status Telegram understands and never panics.
func FuzzWebhookBody(f *testing.F) {
	tg := telegramtest.New(f, token)
	c, err := Dial(context.Background(), Config{Token: token, APIURL: tg.URL()})
	if err != nil {
		f.Fatal(err)
	}
	w := &Webhook{Client: c, Handler: &gatedHandler{}, URL: "https://bot.example.org/hook", Secret: hookSecret, MaxBody: 4096}
	f.Add(`{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"from":{"id":1,"first_name":"a"},"text":"hi"}}`)
	f.Add(`{"update_id":2,"callback_query":{"id":"q","from":{"id":1,"first_name":"a"},"data":"c1:x"}}`)
	f.Add(`{"update_id":"x"}`)
	f.Add(`[]`)
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest(http.MethodPost, "https://bot.example.org/hook", strings.NewReader(body))
		req.Header.Set(SecretHeader, hookSecret)
		rec := httptest.NewRecorder()
		w.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusServiceUnavailable:
		default:
			t.Errorf("body %q: got status %d", body, rec.Code)
		}
	})
}
