// Package telegram connects the bot engine to Telegram: an HTTP client with
// timeouts whose errors never carry the token, a retry policy that honours
// retry_after, our own at-least-once long-polling loop, and the rendering
// of replies as messages with inline keyboards. It uses telegram-bot-api
// for its types and requests only.
package telegram

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"go.uber.org/zap"
)

// DefaultAPIURL is Telegram's Bot API.
const DefaultAPIURL = "https://api.telegram.org"

// Config is what a Client needs.
type Config struct {
	// Token is the bot's token from @BotFather.
	Token string
	// APIURL is the Bot API base; requests go to <APIURL>/bot<token>/<method>.
	APIURL string
	// PollTimeout is the long-poll timeout of getUpdates (default 25s).
	PollTimeout time.Duration
	// CallTimeout bounds every other request (default 10s) but sends.
	CallTimeout time.Duration
	// SendTimeout bounds sendMessage and edits (default 30s). A send that
	// times out may have reached the chat all the same, and trying it
	// again then shows the person the reply twice: the wait is long, so
	// that only a Telegram stuck for that long causes a repeat.
	SendTimeout time.Duration
	Logger      *zap.Logger
}

// Client is a Bot API client for one bot.
type Client struct {
	api    *tgbotapi.BotAPI
	http   *httpClient
	redact *Redactor
	log    *zap.Logger
	poll   time.Duration
	// apiURL is the Bot API base without a trailing slash; files are
	// downloaded from <apiURL>/file/bot<token>/<path>.
	apiURL string
	// out paces replies (outbox.go); nil until first use or SetOutbox.
	out atomic.Pointer[Outbox]
}

// Dial checks the token with getMe and returns a client. Network errors and
// server errors are retried with backoff until ctx ends (the network may
// come up after the bot); a rejected token is returned at once.
func Dial(ctx context.Context, cfg Config) (*Client, error) {
	if cfg.APIURL == "" {
		cfg.APIURL = DefaultAPIURL
	}
	if cfg.PollTimeout <= 0 {
		cfg.PollTimeout = 25 * time.Second
	}
	if cfg.CallTimeout <= 0 {
		cfg.CallTimeout = 10 * time.Second
	}
	if cfg.SendTimeout <= 0 {
		cfg.SendTimeout = 30 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	r := NewRedactor(cfg.Token)
	hc := &httpClient{
		c: &http.Client{
			// A backstop above both per-request deadlines set in Do.
			Timeout: max(cfg.PollTimeout+cfg.CallTimeout, cfg.SendTimeout) + 5*time.Second,
			Transport: &http.Transport{
				Proxy:                 http.ProxyFromEnvironment,
				DialContext:           (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
				TLSHandshakeTimeout:   5 * time.Second,
				ResponseHeaderTimeout: max(cfg.PollTimeout+cfg.CallTimeout, cfg.SendTimeout),
				MaxIdleConnsPerHost:   32,
				IdleConnTimeout:       90 * time.Second,
				ForceAttemptHTTP2:     true,
			},
		},
		pollTimeout: cfg.PollTimeout + cfg.CallTimeout,
		callTimeout: cfg.CallTimeout,
		sendTimeout: cfg.SendTimeout,
		redact:      r,
	}
	hc.setContexts(context.Background(), context.Background())
	endpoint := strings.TrimRight(cfg.APIURL, "/") + "/bot%s/%s"
	c := &Client{http: hc, redact: r, log: cfg.Logger, poll: cfg.PollTimeout, apiURL: strings.TrimRight(cfg.APIURL, "/")}
	var b backoff
	for {
		api, err := tgbotapi.NewBotAPIWithClient(cfg.Token, endpoint, hc)
		if err == nil {
			c.api = api
			return c, nil
		}
		err = r.Error(err)
		if e := apiError(err); e != nil && (e.Code == http.StatusUnauthorized || e.Code == http.StatusNotFound) {
			return nil, fmt.Errorf("TELEGRAM_BOT_TOKEN refused by the Bot API at TELEGRAM_API_URL (getMe: %d %w)", e.Code, err)
		}
		if !transient(err) {
			return nil, fmt.Errorf("connect to Telegram: %w", err)
		}
		d := b.next()
		cfg.Logger.Warn("Telegram unreachable at start; retrying", zap.Error(err), zap.Duration("in", d))
		if !sleep(ctx, d) {
			return nil, fmt.Errorf("connect to Telegram: %w (gave up: %w)", err, ctx.Err())
		}
	}
}

// Self is the bot's own user (from getMe).
func (c *Client) Self() tgbotapi.User { return c.api.Self }

// request sends c once; errors are redacted.
func (c *Client) request(ch tgbotapi.Chattable) (*tgbotapi.APIResponse, error) {
	resp, err := c.api.Request(ch)
	return resp, c.redact.Error(err)
}

// send makes a request with retries: 429 waits retry_after, network and
// 5xx errors back off (a few times, then the error is returned); other
// errors are returned at once.
func (c *Client) send(ctx context.Context, ch tgbotapi.Chattable) (*tgbotapi.APIResponse, error) {
	var b backoff
	for attempt := 1; ; attempt++ {
		resp, err := c.request(ch)
		if err == nil {
			return resp, nil
		}
		wait, retry := retryAfter(err)
		if !retry {
			if !transient(err) || attempt >= 4 {
				return nil, err
			}
			wait = b.next()
		}
		c.log.Warn("Telegram call failed; retrying", zap.String("method", methodOf(ch)), zap.Error(err), zap.Duration("in", wait))
		if !sleep(ctx, wait) {
			return nil, fmt.Errorf("%w (gave up: %w)", err, ctx.Err())
		}
	}
}

// SetCommands sets the bot's command menu for people whose Telegram is in
// lang (an IETF code such as "zh"), or for everyone else when lang is
// empty (setMyCommands).
func (c *Client) SetCommands(ctx context.Context, lang string, cmds []tgbotapi.BotCommand) error {
	cfg := tgbotapi.NewSetMyCommands(cmds...)
	cfg.LanguageCode = lang
	if _, err := c.send(ctx, cfg); err != nil {
		return fmt.Errorf("setMyCommands %q: %w", lang, err)
	}
	return nil
}

func methodOf(ch tgbotapi.Chattable) string {
	switch ch.(type) {
	case tgbotapi.SetMyCommandsConfig:
		return "setMyCommands"
	case tgbotapi.MessageConfig:
		return "sendMessage"
	case tgbotapi.EditMessageTextConfig:
		return "editMessageText"
	case tgbotapi.EditMessageReplyMarkupConfig:
		return "editMessageReplyMarkup"
	case tgbotapi.CallbackConfig:
		return "answerCallbackQuery"
	case tgbotapi.DeleteWebhookConfig:
		return "deleteWebhook"
	case tgbotapi.FileConfig:
		return "getFile"
	}
	return fmt.Sprintf("%T", ch)
}

// apiError returns the Bot API's error, if err is one.
func apiError(err error) *tgbotapi.Error {
	var e *tgbotapi.Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// retryAfter reports a 429's wait.
func retryAfter(err error) (time.Duration, bool) {
	if e := apiError(err); e != nil && e.Code == http.StatusTooManyRequests {
		d := time.Duration(e.RetryAfter) * time.Second
		if d <= 0 {
			d = time.Second
		}
		return d, true
	}
	return 0, false
}

// transient reports whether an error may go away by itself: the network,
// a server error, a proxy's error page, a timeout. 4xx answers (other than
// 429, handled apart) are permanent.
func transient(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, context.Canceled) {
		return false
	}
	if e := apiError(err); e != nil {
		return e.Code >= 500 || e.Code == http.StatusTooManyRequests
	}
	var se *statusError
	if errors.As(err, &se) {
		return se.code >= 500 || se.code == http.StatusTooManyRequests
	}
	return true // network, decoding a truncated body, timeouts
}

// httpClient gives every library request a deadline and a context (the
// library builds requests without one), answers a non-JSON error page with
// a typed error, and strips the token from errors.
type httpClient struct {
	c           *http.Client
	pollTimeout time.Duration
	callTimeout time.Duration
	sendTimeout time.Duration
	redact      *Redactor
	// pollCtx ends long polls at shutdown; callCtx ends the other calls
	// once the shutdown grace is over.
	ctxs atomic.Pointer[[2]context.Context]
}

func (h *httpClient) setContexts(poll, call context.Context) {
	h.ctxs.Store(&[2]context.Context{poll, call})
}

// statusError is an HTTP error status whose body was not the Bot API's JSON.
type statusError struct {
	method string
	code   int
}

func (e *statusError) Error() string {
	return fmt.Sprintf("telegram %s: HTTP %d %s", e.method, e.code, http.StatusText(e.code))
}

// Do sends one request.
func (h *httpClient) Do(req *http.Request) (*http.Response, error) {
	method := path.Base(req.URL.Path)
	ctxs := h.ctxs.Load()
	base, timeout := ctxs[1], h.callTimeout
	switch method {
	case "getUpdates":
		base, timeout = ctxs[0], h.pollTimeout
	case "sendMessage", "editMessageText", "editMessageReplyMarkup":
		timeout = h.sendTimeout
	}
	ctx, cancel := context.WithTimeout(base, timeout)
	resp, err := h.c.Do(req.WithContext(ctx))
	if err != nil {
		cancel()
		var ue *url.Error
		if errors.As(err, &ue) {
			// url.Error prints the URL, which holds the token.
			err = ue.Err
		}
		return nil, h.redact.Error(fmt.Errorf("telegram %s: %w", method, err))
	}
	if resp.StatusCode >= 300 && !strings.Contains(resp.Header.Get("Content-Type"), "json") {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		cancel()
		return nil, &statusError{method: method, code: resp.StatusCode}
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

// cancelOnClose releases a request's context once its body is read.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

// maxDrain bounds what Close reads of a body the library left unread.
const maxDrain = 4 << 10

func (c *cancelOnClose) Close() error {
	// The library's JSON decoder stops at the end of the value, before a
	// chunked body's last bytes (a newline, the last chunk). A body closed
	// before its end takes its connection with it, so every long poll
	// answered in chunks would dial again (over TLS: a new handshake).
	_, _ = io.CopyN(io.Discard, c.ReadCloser, maxDrain)
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// backoff is exponential with full jitter: 0.5s, 1s, 2s ... capped at 30s.
type backoff struct{ n int }

func (b *backoff) next() time.Duration {
	d := 500 * time.Millisecond << min(b.n, 6)
	b.n++
	if d > 30*time.Second {
		d = 30 * time.Second
	}
	// Half fixed, half random, so many bots restarting together spread out
	// but none retries instantly.
	return d/2 + rand.N(d/2+1)
}

func (b *backoff) reset() { b.n = 0 }

// sleep waits d or until ctx ends; it reports whether the wait completed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
