package telegram

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"go.uber.org/zap"

	"github.com/scamcheck/scamcheck/bot"
)

// Handler handles one update; *bot.Engine is one.
type Handler interface {
	Handle(ctx context.Context, u bot.Update, r bot.Responder) error
}

// OffsetStore keeps the polling offset across restarts; the session stores
// implement it.
type OffsetStore interface {
	GetBytes(ctx context.Context, key string) ([]byte, bool, error)
	SetBytes(ctx context.Context, key string, val []byte, ttl time.Duration) error
}

// Poller is our own long-polling loop. Unlike the library's
// GetUpdatesChan it confirms an update (moves the offset) only after it
// has been handled, keeps the offset in the store so that a restart
// resumes where the last run stopped, honours 429's retry_after, backs off
// on network and server errors without ever giving up, and finishes the
// updates in hand when asked to stop.
type Poller struct {
	Client  *Client
	Handler Handler
	Offsets OffsetStore
	Logger  *zap.Logger
	// Grace is how long in-flight updates may take after shutdown starts
	// (default 4s).
	Grace time.Duration
	// Workers bounds how many chats are handled at once (default 16).
	Workers int
	// ConflictDelay is the wait after 409 Conflict (default 30s): another
	// poller or a webhook will not go away in a second.
	ConflictDelay time.Duration
	// MaxAttempts is how often an update whose replies cannot be delivered
	// is tried before it is dropped (default 5).
	MaxAttempts int

	attempts map[int]int
}

// offsetTTL keeps the offset key alive between restarts; Telegram itself
// keeps unconfirmed updates for 24 hours.
const offsetTTL = 7 * 24 * time.Hour

// Run polls until ctx ends, then lets the updates in hand finish (within
// Grace) and returns nil.
func (p *Poller) Run(ctx context.Context) error {
	if p.Logger == nil {
		p.Logger = zap.NewNop()
	}
	if p.Grace <= 0 {
		p.Grace = 4 * time.Second
	}
	if p.Workers <= 0 {
		p.Workers = 16
	}
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = 5
	}
	if p.ConflictDelay <= 0 {
		p.ConflictDelay = 30 * time.Second
	}
	p.attempts = map[int]int{}
	log := p.Logger

	// Handling outlives ctx by the grace period: a person who sent a
	// message as the bot stops still gets the answer.
	hctx, hcancel := context.WithCancel(context.WithoutCancel(ctx))
	defer hcancel()
	stopGrace := context.AfterFunc(ctx, func() { time.AfterFunc(p.Grace, hcancel) })
	defer stopGrace()
	p.Client.http.setContexts(ctx, hctx)

	p.deleteWebhook(ctx)
	offsetKey := "tg:offset:" + strconv.FormatInt(p.Client.Self().ID, 10)
	offset := p.loadOffset(ctx, offsetKey)
	log.Info("polling for updates", zap.Int("offset", offset), zap.String("bot", p.Client.Self().UserName))

	var b backoff
	for ctx.Err() == nil {
		cfg := tgbotapi.UpdateConfig{
			Offset:         offset,
			Limit:          100,
			Timeout:        int(p.Client.poll / time.Second),
			AllowedUpdates: []string{"message", "callback_query"},
		}
		updates, err := p.Client.api.GetUpdates(cfg)
		if err != nil {
			err = p.Client.redact.Error(err)
			if ctx.Err() != nil {
				break
			}
			sleep(ctx, p.pollFailure(err, &b))
			continue
		}
		b.reset()
		if len(updates) == 0 {
			continue
		}
		next, failed := p.handleBatch(hctx, updates)
		if next > offset {
			offset = next
			p.saveOffset(hctx, offsetKey, offset)
		}
		if failed {
			// Telegram (or the network) refused our replies; give it time.
			sleep(ctx, b.next())
		}
	}
	log.Info("stopped polling")
	return nil
}

// pollFailure logs a getUpdates error and returns how long to wait.
func (p *Poller) pollFailure(err error, b *backoff) time.Duration {
	if d, ok := retryAfter(err); ok {
		p.Logger.Warn("Telegram asks us to slow down (429)", zap.Duration("retry_after", d))
		return d
	}
	if e := apiError(err); e != nil {
		switch {
		case e.Code == http.StatusConflict:
			p.Logger.Error("409 Conflict: another process is polling with this token, or a webhook is set; "+
				"stop the other instance (or delete the webhook). Retrying slowly", zap.Error(err), zap.Duration("in", p.ConflictDelay))
			return p.ConflictDelay
		case e.Code == http.StatusUnauthorized || e.Code == http.StatusNotFound:
			p.Logger.Error("Telegram rejects the bot token (revoked?); retrying in 60s", zap.Error(err))
			return 60 * time.Second
		case e.Code < 500:
			p.Logger.Error("getUpdates refused; retrying in 30s", zap.Error(err))
			return 30 * time.Second
		}
	}
	d := b.next()
	p.Logger.Warn("getUpdates failed; backing off", zap.Error(err), zap.Duration("in", d))
	return d
}

// handleBatch handles updates, chats concurrently and each chat's updates
// in order, and returns the offset that confirms what may be confirmed:
// past the whole batch, or up to the first update that must be tried
// again (updates after it that were handled are skipped then as seen).
func (p *Poller) handleBatch(ctx context.Context, updates []tgbotapi.Update) (next int, failed bool) {
	type item struct {
		u   tgbotapi.Update
		in  bot.Update
		r   bot.Responder
		use bool
	}
	var order []string
	byChat := map[string][]item{}
	next = 0
	for _, u := range updates {
		if u.UpdateID+1 > next {
			next = u.UpdateID + 1
		}
		in, r, ok := p.convert(u)
		key := in.ChatKey
		if !ok {
			key = "skip"
		}
		if _, seen := byChat[key]; !seen {
			order = append(order, key)
		}
		byChat[key] = append(byChat[key], item{u: u, in: in, r: r, use: ok})
	}

	var (
		mu       sync.Mutex
		firstBad = -1
		wg       sync.WaitGroup
		sem      = make(chan struct{}, p.Workers)
	)
	for _, key := range order {
		items := byChat[key]
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			for _, it := range items {
				if !it.use {
					continue
				}
				err := p.Handler.Handle(ctx, it.in, it.r)
				if err == nil {
					continue
				}
				mu.Lock()
				p.attempts[it.u.UpdateID]++
				n := p.attempts[it.u.UpdateID]
				if n >= p.MaxAttempts {
					delete(p.attempts, it.u.UpdateID)
					mu.Unlock()
					p.Logger.Error("update dropped after repeated delivery failures", zap.Int("update_id", it.u.UpdateID), zap.Int("attempts", n), zap.Error(err))
					continue
				}
				if firstBad < 0 || it.u.UpdateID < firstBad {
					firstBad = it.u.UpdateID
				}
				mu.Unlock()
				// The chat's later updates wait for this one: order first.
				return
			}
		}()
	}
	wg.Wait()
	if firstBad >= 0 {
		return firstBad, true
	}
	for _, it := range updates {
		delete(p.attempts, it.UpdateID)
	}
	return next, false
}

func (p *Poller) deleteWebhook(ctx context.Context) {
	// Polling and a webhook exclude each other; a bot moved from webhook
	// mode to polling would otherwise get 409 forever.
	if _, err := p.Client.send(ctx, tgbotapi.DeleteWebhookConfig{DropPendingUpdates: false}); err != nil && ctx.Err() == nil {
		p.Logger.Warn("deleteWebhook failed; polling anyway", zap.Error(err))
	}
}

func (p *Poller) loadOffset(ctx context.Context, key string) int {
	sctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	b, ok, err := p.Offsets.GetBytes(sctx, key)
	if err != nil {
		p.Logger.Warn("offset not loaded; starting from Telegram's oldest unconfirmed update", zap.Error(err))
		return 0
	}
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(string(b))
	if err != nil {
		p.Logger.Warn("stored offset unreadable; starting from Telegram's oldest unconfirmed update", zap.Error(errors.New("not a number")))
		return 0
	}
	return n
}

func (p *Poller) saveOffset(ctx context.Context, key string, offset int) {
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	if err := p.Offsets.SetBytes(sctx, key, []byte(strconv.Itoa(offset)), offsetTTL); err != nil {
		// The next getUpdates confirms on Telegram's side anyway; only a
		// restart before Redis returns would see these updates again,
		// and the seen marks (if they were written) skip them.
		p.Logger.Warn("offset not saved", zap.Error(err))
	}
}
