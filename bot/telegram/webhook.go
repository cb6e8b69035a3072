package telegram

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"go.uber.org/zap"
	"golang.org/x/time/rate"
)

// SecretHeader is the header in which Telegram sends setWebhook's
// secret_token with every update.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// Webhook receives updates from Telegram over HTTPS (behind the operator's
// TLS-terminating load balancer) instead of long polling, so that several
// replicas can share one bot.
//
// Acknowledgement: Telegram is answered 200 as soon as the update is
// accepted into a bounded in-process queue, and the update is handled
// afterwards, so a slow model call or a paced reply never holds Telegram's
// connection (Telegram sends at most max_connections updates at a time
// and waits for each answer). The queue cannot be durable, because that
// would mean writing message text to Redis, which the bot never does. So
// "accepted" means: in this process's queue, which a graceful shutdown
// drains; a full queue or a shutdown answers 503, and Telegram delivers
// the update again later (to this replica or another); only a crash (kill
// -9, out of memory) loses the few updates in the queue. Handling a
// redelivered update twice is prevented by the engine's claim in the store.
//
// Sizing: the queue holds what the outbox can deliver within the
// shutdown Grace at this replica's share of the global rate when it
// starts (QueueSize, DefaultQueueSize), and one chat at most
// ChatBacklog of it, so that everything acknowledged can be drained when
// the bot is stopped. A chat's updates beyond its share are acknowledged
// and confirmed without a reply (counted; the person is told at most once
// a minute to send them one by one): one person's flood gets them a note,
// not everyone else a 503. When the queue is full, Telegram gets 503 and
// redelivers. What is still unhandled when the grace runs out is counted
// and logged as lost.
//
// Ordering: the updates of one chat are handled one after another, in the
// order they arrived here; different chats run concurrently (up to
// Workers). Across replicas the engine's per-person lock keeps one person's
// updates from running at the same time.
type Webhook struct {
	Client  *Client
	Handler Handler
	// URL is the public https URL Telegram posts to; its path is the path
	// served.
	URL string
	// Secret is setWebhook's secret_token: 1-256 characters A-Z, a-z, 0-9,
	// _ and -. Requests without it are refused before their body is read.
	Secret string
	Logger *zap.Logger
	// MaxBody bounds a request body (default 256 KiB; an update with a
	// 4096-character message and its entities is a few KiB).
	MaxBody int64
	// QueueSize bounds the updates accepted and not yet handled (default
	// DefaultQueueSize of the client's outbox and Grace); beyond it
	// Telegram is told to retry later.
	QueueSize int
	// ChatBacklog bounds one chat's share of the queue (default
	// DefaultChatBacklog, less when Grace is too short to deliver that
	// many to one chat).
	ChatBacklog int
	// Drops counts updates acknowledged without being handled; nil for
	// none.
	Drops DropObserver
	// Workers bounds how many chats are handled at once (default 16).
	Workers int
	// MaxConnections is setWebhook's max_connections (default 40):
	// Telegram's concurrent requests to this bot, over all replicas.
	MaxConnections int
	// MaxAttempts is how often an update whose replies cannot be delivered
	// is tried before it is dropped (default 5); it was acknowledged to
	// Telegram, so the retries are ours.
	MaxAttempts int
	// Grace is how long a shutdown may take in all, requests in flight
	// and the queue's drain together (default 4s). Set it a little under
	// the container's termination period.
	Grace time.Duration

	notes     *noteGate
	lost      atomic.Int64
	once      sync.Once
	initErr   error
	secretSum [sha256.Size]byte
	path      string
	queue     *chatQueues
}

// Webhook defaults.
const (
	DefaultWebhookMaxBody = 256 << 10
	DefaultMaxConnections = 40
)

// messagesPerUpdate is what the queue's sizing assumes one update costs in
// paced messages: a verdict with its keyboard, and now and then a second
// message (a long reply split, a press's edit).
const messagesPerUpdate = 2

// DefaultQueueSize is how many updates one replica can acknowledge and
// still deliver the replies of within grace at lim's global rate: more
// would be lost at a shutdown. At Telegram's 30 messages a second and 4s
// it is 60; it is at least 16, and 1024 when the rate is unlimited.
func DefaultQueueSize(lim OutgoingLimits, grace time.Duration) int {
	if lim.Global == rate.Inf {
		return 1024
	}
	n := (float64(lim.Global)*grace.Seconds() + float64(lim.GlobalBurst)) / messagesPerUpdate
	return max(16, int(n))
}

// chatBacklogFor is how many updates of one private chat can be answered
// within grace at lim's per-chat rate, at most DefaultChatBacklog and at
// least one.
func chatBacklogFor(lim OutgoingLimits, grace time.Duration) int {
	if lim.PerChat == rate.Inf {
		return DefaultChatBacklog
	}
	n := (float64(lim.PerChat)*grace.Seconds() + float64(lim.ChatBurst)) / messagesPerUpdate
	return min(DefaultChatBacklog, max(1, int(n)))
}

// ValidWebhookSecret reports whether s is a secret_token Telegram accepts.
func ValidWebhookSecret(s string) bool {
	if len(s) < 1 || len(s) > 256 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// init checks the settings and fills defaults, once.
func (w *Webhook) init() error {
	w.once.Do(func() { w.initErr = w.setup() })
	return w.initErr
}

func (w *Webhook) setup() error {
	if w.Client == nil || w.Handler == nil {
		return errors.New("webhook: no client or handler")
	}
	if !ValidWebhookSecret(w.Secret) {
		return errors.New("webhook: the secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
	}
	u, err := url.Parse(w.URL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return errors.New("webhook: the URL must be an absolute https URL")
	}
	if w.Logger == nil {
		w.Logger = zap.NewNop()
	}
	if w.MaxBody <= 0 {
		w.MaxBody = DefaultWebhookMaxBody
	}
	if w.Grace <= 0 {
		w.Grace = 4 * time.Second
	}
	// Sized from this replica's share of the global rate at start (the
	// replica count is taken before the webhook serves).
	lim := w.Client.outbox().limitsNow()
	if w.QueueSize <= 0 {
		w.QueueSize = DefaultQueueSize(lim, w.Grace)
	}
	if w.ChatBacklog <= 0 {
		w.ChatBacklog = chatBacklogFor(lim, w.Grace)
	}
	if w.Workers <= 0 {
		w.Workers = 16
	}
	if w.MaxConnections <= 0 {
		w.MaxConnections = DefaultMaxConnections
	}
	if w.MaxAttempts <= 0 {
		w.MaxAttempts = 5
	}
	w.notes = newNoteGate(time.Minute)
	w.path = u.EscapedPath()
	if w.path == "" {
		w.path = "/"
	}
	// Comparing hashes of equal length keeps the secret's length out of
	// the comparison's timing too.
	w.secretSum = sha256.Sum256([]byte(w.Secret))
	w.queue = newChatQueues(w.QueueSize, w.ChatBacklog, w.Workers)
	return nil
}

// Register tells Telegram to post updates to URL with the secret (setWebhook
// with secret_token, which the library's WebhookConfig lacks). Every replica
// may call it at start: it is idempotent. 429 and transient errors are
// retried a few times.
func (w *Webhook) Register(ctx context.Context) error {
	if err := w.init(); err != nil {
		return err
	}
	p := tgbotapi.Params{"url": w.URL, "secret_token": w.Secret}
	if err := p.AddInterface("allowed_updates", []string{"message", "callback_query"}); err != nil {
		return fmt.Errorf("setWebhook: %w", err)
	}
	p.AddNonZero("max_connections", w.MaxConnections)
	var b backoff
	for attempt := 1; ; attempt++ {
		_, err := w.Client.api.MakeRequest("setWebhook", p)
		if err == nil {
			u, _ := url.Parse(w.URL)
			w.Logger.Info("webhook registered", zap.String("host", u.Host), zap.String("path", w.path), zap.Int("max_connections", w.MaxConnections))
			return nil
		}
		// The URL and the secret are in the request, not in the error; the
		// token may be, so redact.
		err = w.Client.redact.Error(err)
		wait, retry := retryAfter(err)
		if !retry {
			if !transient(err) || attempt >= 5 {
				return fmt.Errorf("setWebhook refused: %w", err)
			}
			wait = b.next()
		}
		w.Logger.Warn("setWebhook failed; retrying", zap.Error(err), zap.Duration("in", wait))
		if !sleep(ctx, wait) {
			return fmt.Errorf("setWebhook: %w (gave up: %w)", err, ctx.Err())
		}
	}
}

// Serve answers Telegram's requests on ln until ctx ends, then shuts down
// gracefully: it stops accepting, lets requests in flight finish, and
// handles the queued updates (all within Grace, then their contexts end).
// It closes ln.
func (w *Webhook) Serve(ctx context.Context, ln net.Listener) error {
	if err := w.init(); err != nil {
		return err
	}
	// Handling outlives ctx by the grace period, as in polling.
	hctx, hcancel := context.WithCancel(context.WithoutCancel(ctx))
	defer hcancel()
	w.Client.http.setContexts(hctx, hctx)
	w.queue.start(hctx, w.handle)

	srv := &http.Server{
		Handler: w,
		// Telegram sends small bodies quickly; slow clients are cut off.
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       90 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          zap.NewStdLog(w.Logger.Named("http")),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	w.Logger.Info("serving the webhook", zap.String("listen", ln.Addr().String()), zap.String("path", w.path))

	var serveErr error
	select {
	case err := <-errc:
		serveErr = fmt.Errorf("webhook server: %w", err)
	case <-ctx.Done():
	}
	// One grace for everything: requests in flight, then the queue.
	deadline := time.Now().Add(w.Grace)
	sctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		w.Logger.Warn("webhook requests still in flight at shutdown", zap.Error(err))
		_ = srv.Close()
	}
	w.queue.close()
	if !w.queue.wait(time.Until(deadline)) {
		w.Logger.Warn("queued updates not finished within the grace period; stopping them")
	}
	// The handlers end promptly once their context does; waiting for them
	// keeps the store open until the last one has returned.
	hcancel()
	if !w.queue.wait(handlerStopWait) {
		w.Logger.Error("handlers still running after their context ended", zap.Int("updates", w.queue.unfinished()))
	}
	if lost := w.lost.Load(); lost > 0 {
		w.Logger.Error("acknowledged updates not handled at shutdown; lost", zap.Int64("lost", lost))
	}
	w.Logger.Info("webhook stopped")
	return serveErr
}

// handlerStopWait bounds the wait for handlers to return once their
// context has ended: a store call in flight ends within its own timeout
// (1s), and the whole shutdown must stay within a container's
// termination period a little longer than the grace.
const handlerStopWait = 1500 * time.Millisecond

// loseAtShutdown counts an acknowledged update that shutdown left
// unhandled.
func (w *Webhook) loseAtShutdown() {
	w.lost.Add(1)
	if w.Drops != nil {
		w.Drops.UpdateDropped(DropShutdown)
	}
}

// ServeHTTP answers one request from Telegram.
func (w *Webhook) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	if err := w.init(); err != nil {
		http.Error(rw, "webhook misconfigured", http.StatusInternalServerError)
		return
	}
	if r.URL.Path != w.path {
		http.NotFound(rw, r)
		return
	}
	if r.Method != http.MethodPost {
		rw.Header().Set("Allow", http.MethodPost)
		http.Error(rw, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	got := sha256.Sum256([]byte(r.Header.Get(SecretHeader)))
	if subtle.ConstantTimeCompare(got[:], w.secretSum[:]) != 1 {
		// Checked before the body is read: an unauthenticated client costs
		// no decoding. Closing the connection keeps the server from
		// draining the body either.
		rw.Header().Set("Connection", "close")
		http.Error(rw, "unauthorized", http.StatusUnauthorized)
		w.Logger.Debug("webhook request without the right secret refused", zap.String("remote", r.RemoteAddr))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(rw, r.Body, w.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(rw, "body too large", http.StatusRequestEntityTooLarge)
			w.Logger.Warn("webhook body too large; refused", zap.Int64("limit", w.MaxBody))
			return
		}
		http.Error(rw, "bad update", http.StatusBadRequest)
		w.Logger.Warn("webhook body not read; refused")
		return
	}
	u, bad, ok := decodeUpdate(body)
	if !ok {
		if bad.id == 0 || !json.Valid(body) {
			http.Error(rw, "bad update", http.StatusBadRequest)
			w.Logger.Warn("webhook body is not an update; refused", zap.String("field", bad.field))
			return
		}
		// An update of a shape the library does not know: redelivering
		// it would fail the same way.
		logUndecodable(w.Logger, w.Drops, bad)
		rw.WriteHeader(http.StatusOK)
		return
	}
	in, resp, ok := Convert(w.Client, w.Logger, u)
	if !ok {
		rw.WriteHeader(http.StatusOK) // nothing to answer; Telegram must not resend it
		return
	}
	q := queuedUpdate{id: u.UpdateID, in: in, r: resp}
	res := w.queue.offer(q, false)
	if res == chatFull {
		res = w.overBacklog(q)
	}
	if res == queueFull {
		// Telegram resends after a non-2xx answer; another replica or this
		// one, less busy, takes it then.
		rw.Header().Set("Retry-After", "1")
		http.Error(rw, "busy", http.StatusServiceUnavailable)
		w.Logger.Warn("update queue full or shutting down; Telegram will redeliver", zap.Int("update_id", u.UpdateID))
		return
	}
	rw.WriteHeader(http.StatusOK)
}

// overBacklog deals with an update whose chat has its share of the queue:
// it becomes the chat's "too many at once" note when one is due, and is
// otherwise acknowledged without a reply.
func (w *Webhook) overBacklog(q queuedUpdate) offerResult {
	if w.notes.due(q.in.ChatKey, time.Now()) {
		if res := w.queue.offer(tooMany(q), true); res != chatFull {
			return res
		}
	}
	if w.Drops != nil {
		w.Drops.UpdateDropped(DropBacklog)
	}
	return accepted
}

// handle handles one accepted update, retrying a delivery failure: it was
// acknowledged, so nobody else will.
func (w *Webhook) handle(ctx context.Context, q queuedUpdate) {
	if ctx.Err() != nil {
		w.loseAtShutdown()
		return
	}
	var b backoff
	for attempt := 1; ; attempt++ {
		err := w.Handler.Handle(ctx, q.in, q.r)
		if err == nil {
			return
		}
		if ctx.Err() != nil {
			w.loseAtShutdown()
			w.Logger.Warn("update not handled at shutdown", zap.Int("update_id", q.id), zap.Error(err))
			return
		}
		if attempt >= w.MaxAttempts {
			w.Logger.Error("update dropped after repeated failures", zap.Int("update_id", q.id), zap.Int("attempts", attempt), zap.Error(err))
			return
		}
		if !sleep(ctx, b.next()) {
			w.loseAtShutdown()
			w.Logger.Warn("update not handled at shutdown", zap.Int("update_id", q.id), zap.Error(err))
			return
		}
	}
}
