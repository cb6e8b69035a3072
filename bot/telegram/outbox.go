package telegram

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"go.uber.org/zap"
	"golang.org/x/time/rate"
)

// OutgoingLimits are the rates at which the bot sends messages. Telegram
// answers 429 to a bot that sends more than about 30 messages a second
// overall, more than about one a second to one chat (short bursts pass), or
// more than 20 a minute to one group; staying under them keeps every chat
// answered instead of one chat's flood pausing the others.
type OutgoingLimits struct {
	// Global is the rate over all chats (messages per second).
	Global      rate.Limit
	GlobalBurst int
	// PerChat is the rate to one private chat.
	PerChat   rate.Limit
	ChatBurst int
	// PerGroup is the rate to one group (chat ids below zero).
	PerGroup   rate.Limit
	GroupBurst int
}

// DefaultOutgoingLimits are Telegram's documented broadcast limits. The
// chat burst lets one answer of a few messages (a verdict and its steps)
// go out at once.
func DefaultOutgoingLimits() OutgoingLimits {
	return OutgoingLimits{
		Global: 30, GlobalBurst: 30,
		PerChat: 1, ChatBurst: 4,
		PerGroup: rate.Limit(20.0 / 60), GroupBurst: 3,
	}
}

// UnlimitedOutgoing sends as fast as the Bot API answers: for a
// self-hosted Bot API server in tests and benchmarks, never for Telegram.
func UnlimitedOutgoing() OutgoingLimits {
	return OutgoingLimits{Global: rate.Inf, PerChat: rate.Inf, PerGroup: rate.Inf}
}

// Observer counts the calls the bot makes to deliver replies; the metrics
// package implements it.
type Observer interface {
	// TelegramCall records one call of method (sendMessage,
	// editMessageText, answerCallbackQuery) and how it ended: "ok",
	// "429", "4xx", "5xx" or "network".
	TelegramCall(method, outcome string)
}

// Outbox paces outgoing messages: a global token bucket, one per chat, and
// a pause per chat after Telegram's 429 retry_after, so that a chat told to
// wait waits alone while the others keep flowing. It is safe for
// concurrent use.
type Outbox struct {
	lim    OutgoingLimits
	global *rate.Limiter
	obs    Observer

	mu    sync.Mutex
	chats map[int64]*chatGate
	// sweepAt is the map size at which idle gates are dropped next.
	sweepAt int
}

// chatGate is one chat's pacing.
type chatGate struct {
	lim *rate.Limiter
	// pausedUntil is when Telegram's retry_after for this chat ends.
	pausedUntil time.Time
}

// minSweep is the number of chats kept before idle gates are swept.
const minSweep = 1024

// NewOutbox paces at lim and reports calls to obs (nil for none).
func NewOutbox(lim OutgoingLimits, obs Observer) *Outbox {
	return &Outbox{
		lim:     lim,
		global:  rate.NewLimiter(lim.Global, max(lim.GlobalBurst, 1)),
		obs:     obs,
		chats:   map[int64]*chatGate{},
		sweepAt: minSweep,
	}
}

// Share divides the global rate (and its burst) among n replicas of the
// bot, which Telegram counts as one sender. The per-chat and per-group
// rates stay: a person's updates are handled by one replica at a time.
// n below 1 counts as 1.
func (o *Outbox) Share(n int) {
	n = max(n, 1)
	o.global.SetLimit(o.lim.Global / rate.Limit(n))
	o.global.SetBurst(max(o.lim.GlobalBurst/n, 1))
}

// GlobalRate is the global rate now in force, after Share.
func (o *Outbox) GlobalRate() rate.Limit { return o.global.Limit() }

// limitsNow are the limits with the global rate and burst now in force
// (this replica's share of them).
func (o *Outbox) limitsNow() OutgoingLimits {
	lim := o.lim
	lim.Global, lim.GlobalBurst = o.global.Limit(), o.global.Burst()
	return lim
}

// SetOutbox makes c pace its replies with o (by default it uses
// DefaultOutgoingLimits and no observer). Call it before the first update.
func (c *Client) SetOutbox(o *Outbox) { c.out.Store(o) }

// outbox returns the client's outbox, creating the default one on first use.
func (c *Client) outbox() *Outbox {
	if o := c.out.Load(); o != nil {
		return o
	}
	c.out.CompareAndSwap(nil, NewOutbox(DefaultOutgoingLimits(), nil))
	return c.out.Load()
}

// gate returns chat's gate, dropping idle ones when the map has grown (a
// gate whose bucket is full again and whose pause is over holds nothing a
// new gate would not).
func (o *Outbox) gate(chat int64, now time.Time) *chatGate {
	o.mu.Lock()
	defer o.mu.Unlock()
	g := o.chats[chat]
	if g != nil {
		return g
	}
	if len(o.chats) >= o.sweepAt {
		for id, g := range o.chats {
			if now.After(g.pausedUntil) && g.lim.TokensAt(now) >= float64(g.lim.Burst()) {
				delete(o.chats, id)
			}
		}
		o.sweepAt = max(2*len(o.chats), minSweep)
	}
	l, b := o.lim.PerChat, o.lim.ChatBurst
	if chat < 0 { // groups, supergroups and channels
		l, b = o.lim.PerGroup, o.lim.GroupBurst
	}
	g = &chatGate{lim: rate.NewLimiter(l, max(b, 1))}
	o.chats[chat] = g
	return g
}

// wait blocks until one message may go to chat: first the chat's pause and
// its own rate (so a slow chat does not hold a global token while it
// waits), then the global rate.
func (o *Outbox) wait(ctx context.Context, chat int64) error {
	g := o.gate(chat, time.Now())
	o.mu.Lock()
	until := g.pausedUntil
	o.mu.Unlock()
	if d := time.Until(until); d > 0 && !sleep(ctx, d) {
		return fmt.Errorf("waiting out chat's retry_after: %w", ctx.Err())
	}
	if err := g.lim.Wait(ctx); err != nil {
		return fmt.Errorf("chat rate: %w", err)
	}
	if err := o.global.Wait(ctx); err != nil {
		return fmt.Errorf("global rate: %w", err)
	}
	return nil
}

// pause holds chat's messages for d (Telegram's retry_after).
func (o *Outbox) pause(chat int64, d time.Duration) {
	g := o.gate(chat, time.Now())
	until := time.Now().Add(d)
	o.mu.Lock()
	if until.After(g.pausedUntil) {
		g.pausedUntil = until
	}
	o.mu.Unlock()
}

// observe reports a call's outcome.
func (o *Outbox) observe(method string, err error) {
	if o.obs == nil {
		return
	}
	o.obs.TelegramCall(method, callOutcome(err))
}

// callOutcome names how a call ended, for metrics.
func callOutcome(err error) string {
	if err == nil {
		return "ok"
	}
	code := 0
	if e := apiError(err); e != nil {
		code = e.Code
	} else if se, ok := err.(*statusError); ok {
		code = se.code
	}
	switch {
	case code == http.StatusTooManyRequests:
		return "429"
	case code >= 500:
		return "5xx"
	case code >= 400:
		return "4xx"
	}
	return "network"
}

// deliverAttempts bounds the tries of one message on network and server
// errors; 429s are waited out (per chat) and do not count.
const deliverAttempts = 4

// max429 bounds how many 429s one message waits out before its update is
// given back to the transport for a later retry.
const max429 = 5

// deliver sends one message to chat at the outbox's pace: a 429 pauses
// that chat alone for retry_after and the message is tried again; network
// and server errors back off a few times; other errors return at once.
func (c *Client) deliver(ctx context.Context, chat int64, ch tgbotapi.Chattable) (*tgbotapi.APIResponse, error) {
	o := c.outbox()
	method := methodOf(ch)
	var b backoff
	attempts, throttled := 0, 0
	for {
		if err := o.wait(ctx, chat); err != nil {
			return nil, err
		}
		resp, err := c.request(ch)
		o.observe(method, err)
		if err == nil {
			return resp, nil
		}
		wait, is429 := retryAfter(err)
		switch {
		case is429:
			throttled++
			if throttled > max429 {
				return nil, err
			}
			o.pause(chat, wait)
			c.log.Warn("Telegram asks this chat to slow down (429); other chats continue",
				zap.String("method", method), zap.Duration("retry_after", wait))
			continue
		case !transient(err):
			return nil, err
		}
		attempts++
		if attempts >= deliverAttempts {
			return nil, err
		}
		wait = b.next()
		c.log.Warn("Telegram call failed; retrying", zap.String("method", method), zap.Error(err), zap.Duration("in", wait))
		if !sleep(ctx, wait) {
			return nil, fmt.Errorf("%w (gave up: %w)", err, ctx.Err())
		}
	}
}
