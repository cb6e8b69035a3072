package telegramtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// SecretHeader carries setWebhook's secret_token on every delivery.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// webhookState is the fake's webhook, as setWebhook left it.
type webhookState struct {
	url, secret string
	maxConn     int
	allowed     []string
	running     bool          // the delivery loop runs
	stop        chan struct{} // closed when the test ends
	stopped     bool
	deliveries  []Delivery
}

// Delivery is one POST of an update to the webhook.
type Delivery struct {
	UpdateID int
	// Status is the HTTP status the bot answered; 0 when the request
	// failed (Err).
	Status int
	Err    error
}

// webhookMethod serves setWebhook, deleteWebhook and getWebhookInfo. While
// a webhook is set, getUpdates answers 409 and queued updates are POSTed to
// it in order, each until the bot answers 2xx, as Telegram does.
func (s *Server) webhookMethod(w http.ResponseWriter, r *http.Request, method string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := &s.hook
	switch method {
	case "setWebhook":
		u := r.Form.Get("url")
		if u == "" {
			// An empty URL removes the webhook, as on Telegram.
			h.url, h.secret = "", ""
			writeOK(w, true)
			return
		}
		if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
			writeErrMsg(w, 400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
			return
		}
		secret := r.Form.Get("secret_token")
		if len(secret) > 256 || strings.Trim(secret, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != "" {
			writeErrMsg(w, 400, "Bad Request: secret token contains unallowed characters")
			return
		}
		h.url, h.secret = u, secret
		h.maxConn = 40
		fmt.Sscan(r.Form.Get("max_connections"), &h.maxConn)
		h.allowed = nil
		_ = json.Unmarshal([]byte(r.Form.Get("allowed_updates")), &h.allowed)
		if h.stop == nil {
			h.stop = make(chan struct{})
		}
		if !h.running && !h.stopped {
			h.running = true
			go s.deliver(h.stop)
		}
		writeOK(w, true)
	case "deleteWebhook":
		h.url, h.secret = "", ""
		if r.Form.Get("drop_pending_updates") == "true" {
			s.queue = nil
		}
		writeOK(w, true)
	case "getWebhookInfo":
		writeOK(w, map[string]any{
			"url": h.url, "has_custom_certificate": false, "pending_update_count": len(s.queue),
			"max_connections": h.maxConn, "allowed_updates": h.allowed,
		})
	}
}

func (s *Server) webhookSet() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hook.url != ""
}

// Deliveries returns the webhook POSTs made so far, in order.
func (s *Server) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Delivery(nil), s.hook.deliveries...)
}

func (s *Server) stopDelivery() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hook.stopped = true
	if s.hook.stop != nil {
		close(s.hook.stop)
		s.hook.stop = nil
	}
}

// deliver POSTs the queue's head to the webhook until it is accepted, then
// the next, while a webhook is set.
func (s *Server) deliver(stop chan struct{}) {
	client := s.hookClient
	for {
		s.mu.Lock()
		url, secret := s.hook.url, s.hook.secret
		if url == "" || s.hook.stopped {
			s.hook.running = false
			s.mu.Unlock()
			return
		}
		var head *queued
		if len(s.queue) > 0 {
			q := s.queue[0]
			head = &q
		}
		pushed := s.pushed
		s.mu.Unlock()
		if head == nil {
			select {
			case <-pushed:
			case <-stop:
			case <-time.After(50 * time.Millisecond): // the webhook may have gone
			}
			continue
		}
		status, err := post(client, url, secret, head.raw)
		s.mu.Lock()
		s.hook.deliveries = append(s.hook.deliveries, Delivery{UpdateID: head.id, Status: status, Err: err})
		ok := err == nil && status/100 == 2
		if ok && len(s.queue) > 0 && s.queue[0].id == head.id {
			s.queue = s.queue[1:]
		}
		s.mu.Unlock()
		if !ok {
			// Telegram waits longer and longer; the fake briefly.
			select {
			case <-stop:
			case <-time.After(20 * time.Millisecond):
			}
		}
	}
}

// PostRaw posts body as an update to the webhook at url, as Post does.
func (s *Server) PostRaw(url, secret string, body []byte) (int, error) {
	return post(s.hookClient, url, secret, body)
}

// Post sends one update to a webhook URL the way Telegram does (JSON body,
// the secret in SecretHeader, omitted when empty) and returns the HTTP
// status. Tests use it to address a given replica.
func (s *Server) Post(url, secret string, u tgbotapi.Update) (int, error) {
	raw, err := json.Marshal(u)
	if err != nil {
		return 0, fmt.Errorf("telegramtest: encode update: %w", err)
	}
	return post(s.hookClient, url, secret, raw)
}

// newHookClient is the client that posts to webhooks. Like Telegram, which
// keeps up to max_connections connections to a webhook open, it keeps as
// many idle per replica (net/http's default keeps two, so a load driver
// posting 40 at a time would open a connection for almost every update).
func newHookClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return &http.Client{Timeout: 10 * time.Second, Transport: t}
}

func post(c *http.Client, url, secret string, body []byte) (int, error) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set(SecretHeader, secret)
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	return resp.StatusCode, nil
}

// NewText builds a private message typed by from, with a fresh update id,
// without queueing it (for Post).
func (s *Server) NewText(from tgbotapi.User, text string) tgbotapi.Update {
	u := tgbotapi.Update{Message: s.message(from, text)}
	s.mu.Lock()
	s.nextID++
	u.UpdateID = s.nextID
	s.mu.Unlock()
	return u
}

// NewPress builds from pressing the button with data under msg, with a
// fresh update id, without queueing it (for Post).
func (s *Server) NewPress(from tgbotapi.User, msg tgbotapi.Message, data string) tgbotapi.Update {
	s.mu.Lock()
	s.nextMsgID++
	qid := fmt.Sprintf("cq%d", s.nextMsgID)
	s.nextID++
	id := s.nextID
	s.mu.Unlock()
	m := msg
	return tgbotapi.Update{UpdateID: id, CallbackQuery: &tgbotapi.CallbackQuery{
		ID: qid, From: &from, Message: &m, ChatInstance: fmt.Sprintf("ci%d", from.ID), Data: data,
	}}
}
