package bot

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"go.uber.org/zap"

	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/dialogs"
	"github.com/scamcheck/scamcheck/locales"
)

// SessionStore keeps sessions and the marks of handled updates.
// store.Redis and store.Memory implement it.
type SessionStore interface {
	// Load returns the person's session (nil when none) and whether
	// updateID was already handled.
	Load(ctx context.Context, userKey, updateID string) (session []byte, seen bool, err error)
	// Save writes the person's new session and marks the update handled.
	Save(ctx context.Context, c store.Commit) error
	// Forget deletes every key of the person.
	Forget(ctx context.Context, userKey string) (int, error)
}

// Responder delivers one update's replies on its channel: Telegram messages
// with inline keyboards, or lines in a terminal. An error means the replies
// may not have arrived and the update should be handled again later; a
// channel that knows an error is permanent (the person blocked the bot)
// logs it and returns nil.
type Responder interface {
	Respond(ctx context.Context, replies []dialogs.Rendered) error
}

// Kind says what an Update carries.
type Kind int

// Update kinds.
const (
	KindText        Kind = iota + 1 // a typed or forwarded message
	KindCommand                     // a /command
	KindChoice                      // a button press
	KindUnsupported                 // a message without text (photo, sticker, voice)
)

// Update is one input from a channel, already stripped of the channel's
// types.
type Update struct {
	// ID identifies the update for deduplication across redeliveries
	// ("tg:<bot>:<update_id>"); empty for channels that never redeliver.
	ID string
	// UserID is the channel's id of the person. It is only ever hashed:
	// never stored, never logged.
	UserID string
	// ChatKey orders updates: those with the same key are handled one at a
	// time, in the order Handle is called.
	ChatKey string
	// Lang is the person's language code as the channel reports it.
	Lang string
	Kind Kind
	// Text is the message (KindText). It is never stored or logged.
	Text string
	// Command (lower case, no slash, no @bot) and Arg (KindCommand).
	Command, Arg string
	// Data is the pressed button's data (KindChoice); it may be forged.
	Data string
}

// Options configure an Engine.
type Options struct {
	Store   SessionStore
	Checker Checker
	Catalog *locales.Catalog
	// Secret keys the hash of user ids (HMAC-SHA256).
	Secret []byte
	Logger *zap.Logger
	// SessionTTL is how long an idle session lives (default 30 days; the
	// privacy text promises it).
	SessionTTL time.Duration
	// SeenTTL is how long a handled update is remembered (default 48h:
	// Telegram keeps an unconfirmed update for 24h).
	SeenTTL time.Duration
	// StoreTimeout bounds each store call, so a hung Redis delays an answer
	// by at most this much (default 1s).
	StoreTimeout time.Duration
	// Limits bound checks per person (limits.go); nil means none.
	Limits *Limits
}

// Defaults of Options.
const (
	DefaultSessionTTL   = 30 * 24 * time.Hour
	DefaultSeenTTL      = 48 * time.Hour
	DefaultStoreTimeout = time.Second
	// MaxCheckBytes is how much of a message is classified. Telegram's own
	// limit is 4096 characters; anything longer is forged or a caption
	// chain, and its head is what matters.
	MaxCheckBytes = 16 << 10
)

// sessionVersion is the version of sessionRecord; a record of another
// version is read for the fields it shares (JSON ignores the rest).
const sessionVersion = 1

// sessionRecord is what is stored per person: the dialog state (which by
// its contract never holds message text) in a versioned envelope.
type sessionRecord struct {
	V     int           `json:"v"`
	State dialogs.State `json:"s"`
}

// Engine handles updates from any channel: it deduplicates them, orders
// them per chat, loads and saves sessions, asks the checker for verdicts,
// steps the dialog and hands rendered replies to the channel. It is safe
// for concurrent use; transports (long polling, webhooks, the terminal)
// only feed it.
type Engine struct {
	o     Options
	log   *zap.Logger
	locks keyedMutex
}

// New checks the options and returns an engine.
func New(o Options) (*Engine, error) {
	switch {
	case o.Store == nil:
		return nil, errors.New("bot: no session store")
	case o.Checker == nil:
		return nil, errors.New("bot: no checker")
	case o.Catalog == nil:
		return nil, errors.New("bot: no locale catalog")
	case len(o.Secret) < 16:
		return nil, errors.New("bot: the user-id hashing secret must be at least 16 bytes")
	}
	if o.Logger == nil {
		o.Logger = zap.NewNop()
	}
	if o.SessionTTL <= 0 {
		o.SessionTTL = DefaultSessionTTL
	}
	if o.SeenTTL <= 0 {
		o.SeenTTL = DefaultSeenTTL
	}
	if o.StoreTimeout <= 0 {
		o.StoreTimeout = DefaultStoreTimeout
	}
	return &Engine{o: o, log: o.Logger}, nil
}

// UserKey is the keyed hash of a channel's user id: HMAC-SHA256 with the
// secret, hex, truncated to 128 bits (ample against collisions, half the
// bytes in every key). Without the secret it cannot be reversed by trying
// every id.
func (e *Engine) UserKey(userID string) string {
	m := hmac.New(sha256.New, e.o.Secret)
	m.Write([]byte(userID))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// ErrDelivery wraps a Responder's error: the update was not committed and
// should be handled again.
var ErrDelivery = errors.New("replies not delivered")

// Handle handles one update to the end: the replies are delivered and the
// session saved before it returns. An error (wrapping ErrDelivery) means
// nothing was committed and the transport should offer the update again.
//
// Delivery is at least once: the update is marked handled only after its
// replies went out, so a crash between the last reply and the mark (one
// store round trip) answers it twice after a restart; any earlier crash
// loses nothing and repeats nothing that reached the person.
func (e *Engine) Handle(ctx context.Context, u Update, r Responder) (err error) {
	unlock := e.locks.lock(u.ChatKey)
	defer unlock()
	start := time.Now()
	userKey := e.UserKey(u.UserID)
	log := e.log.With(zap.String("user", userKey[:12]), zap.String("update", u.ID), zap.String("kind", u.Kind.String()))
	defer func() {
		// Nothing a person sends may take the bot down; the update is
		// committed so it is not retried forever.
		if p := recover(); p != nil {
			log.Error("panic while handling an update; dropped", zap.Any("panic", p), zap.Stack("stack"))
			err = nil
		}
	}()

	state, seen := e.load(ctx, log, userKey, u.ID)
	if seen {
		log.Info("update already handled; skipped")
		return nil
	}
	newState, replies, keep, fields := e.step(ctx, log, userKey, state, u)
	lang := newState.Lang
	if lang == "" {
		lang = locales.Normalize(u.Lang) // a reply the dialog did not make
	}
	rendered := e.render(log, lang, replies)
	if err := r.Respond(ctx, rendered); err != nil {
		log.Warn("replies not delivered; the update will be retried", zap.Error(err))
		return fmt.Errorf("%w: %w", ErrDelivery, err)
	}
	e.commit(ctx, log, userKey, u.ID, newState, keep)
	log.Info("update handled", append(fields, zap.Int("replies", len(rendered)), zap.Duration("took", time.Since(start)))...)
	return nil
}

// load returns the person's state, or a fresh one when the store fails or
// holds something unreadable: a person mid-check must get an answer even
// while Redis is down.
func (e *Engine) load(ctx context.Context, log *zap.Logger, userKey, updateID string) (dialogs.State, bool) {
	sctx, cancel := context.WithTimeout(ctx, e.o.StoreTimeout)
	defer cancel()
	b, seen, err := e.o.Store.Load(sctx, userKey, updateID)
	if err != nil {
		log.Warn("session store unavailable; answering with a fresh conversation", zap.Error(err))
		return dialogs.State{}, false
	}
	if b == nil {
		return dialogs.State{}, seen
	}
	var rec sessionRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		log.Warn("unreadable session; starting afresh", zap.Error(err))
		return dialogs.State{}, seen
	}
	return rec.State, seen
}

// step turns the update into a dialog event and steps the dialog. keep is
// false when nothing of the person may be written back (/forget).
func (e *Engine) step(ctx context.Context, log *zap.Logger, userKey string, s dialogs.State, u Update) (_ dialogs.State, _ []dialogs.Reply, keep bool, fields []zap.Field) {
	ev := dialogs.Event{Lang: locales.Normalize(u.Lang)}
	switch u.Kind {
	case KindText:
		text := CleanText(u.Text)
		if strings.TrimSpace(text) == "" {
			return s, []dialogs.Reply{{Texts: []dialogs.Text{{Key: "bot.need_text"}}}}, true, nil
		}
		if replies, limited := e.limitCheck(ctx, log, userKey, s, text); limited {
			return s, replies, true, append(fields, zap.Bool("limited", true))
		}
		ev.Kind, ev.Text = dialogs.EventText, text
		ev.Verdict = e.o.Checker.Check(ctx, userKey, text)
		fields = append(fields, zap.Stringer("level", ev.Verdict.Level), zap.String("type", string(ev.Verdict.Type)),
			zap.String("source", ev.Verdict.Source), zap.String("model", ev.Verdict.ModelStatus))
	case KindCommand:
		ev.Kind, ev.Command, ev.Arg = dialogs.EventCommand, u.Command, CleanText(u.Arg)
		fields = append(fields, zap.String("command", u.Command))
		if u.Command == "forget" {
			sctx, cancel := context.WithTimeout(ctx, e.o.StoreTimeout)
			n, err := e.o.Store.Forget(sctx, userKey)
			cancel()
			if err != nil {
				// Never confirm a deletion that did not happen.
				log.Error("forget failed", zap.Error(err))
				return s, []dialogs.Reply{{Texts: []dialogs.Text{{Key: "bot.forget_failed"}}}}, false, fields
			}
			// The dialog confirms from a blank state, in the language the
			// person was using.
			if s.Lang != "" {
				ev.Lang = s.Lang
			}
			ns, replies := dialogs.Step(dialogs.State{}, ev)
			return ns, replies, false, append(fields, zap.Int("keys_deleted", n))
		}
	case KindChoice:
		ev.Kind, ev.Data = dialogs.EventChoice, u.Data
	default:
		return s, []dialogs.Reply{{Texts: []dialogs.Text{{Key: "bot.need_text"}}}}, true, nil
	}
	ns, replies := dialogs.Step(s, ev)
	return ns, replies, true, fields
}

// render puts replies into words; a reply that cannot be rendered (a
// catalog defect) is logged and left out rather than half-sent.
func (e *Engine) render(log *zap.Logger, lang string, replies []dialogs.Reply) []dialogs.Rendered {
	out := make([]dialogs.Rendered, 0, len(replies))
	for _, r := range replies {
		rd, err := dialogs.Render(e.o.Catalog, lang, r)
		if err != nil {
			log.Error("reply not rendered", zap.Error(err))
			continue
		}
		out = append(out, rd)
	}
	return out
}

// commit saves the session and marks the update. A failure is logged: the
// person already has their answer; at worst a redelivery repeats it.
func (e *Engine) commit(ctx context.Context, log *zap.Logger, userKey, updateID string, s dialogs.State, keep bool) {
	c := store.Commit{UserKey: userKey, UpdateID: updateID, SeenTTL: e.o.SeenTTL, SessionTTL: e.o.SessionTTL}
	if keep {
		b, err := json.Marshal(sessionRecord{V: sessionVersion, State: s})
		if err != nil {
			log.Error("session not encoded", zap.Error(err))
		} else {
			c.Session = b
		}
	}
	if c.Session == nil && c.UpdateID == "" {
		return
	}
	// The commit must happen even when the transport is shutting down.
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), e.o.StoreTimeout)
	defer cancel()
	if err := e.o.Store.Save(sctx, c); err != nil {
		log.Warn("session not saved", zap.Error(err))
	}
}

// CleanText makes text safe to process: valid UTF-8, at most
// MaxCheckBytes (cut at a rune boundary).
func CleanText(text string) string {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	if len(text) > MaxCheckBytes {
		cut := MaxCheckBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	return text
}

// String names the kind in logs.
func (k Kind) String() string {
	switch k {
	case KindText:
		return "text"
	case KindCommand:
		return "command"
	case KindChoice:
		return "choice"
	case KindUnsupported:
		return "unsupported"
	}
	return "unknown"
}

// keyedMutex serialises work per key; entries are dropped when unused, so
// it does not grow with the number of chats ever seen.
type keyedMutex struct {
	mu sync.Mutex
	m  map[string]*keyedEntry
}

type keyedEntry struct {
	mu   sync.Mutex
	refs int
}

func (k *keyedMutex) lock(key string) (unlock func()) {
	k.mu.Lock()
	if k.m == nil {
		k.m = map[string]*keyedEntry{}
	}
	e := k.m[key]
	if e == nil {
		e = &keyedEntry{}
		k.m[key] = e
	}
	e.refs++
	k.mu.Unlock()
	e.mu.Lock()
	return func() {
		e.mu.Unlock()
		k.mu.Lock()
		e.refs--
		if e.refs == 0 {
			delete(k.m, key)
		}
		k.mu.Unlock()
	}
}

// ParseCommand splits "/Start@MyBot code" into ("start", "code"). ok is
// false when text is not a command, or is a command addressed to another
// bot (botName is ours, without the @; empty accepts any).
func ParseCommand(text, botName string) (cmd, arg string, ok bool) {
	if !strings.HasPrefix(text, "/") {
		return "", "", false
	}
	head, rest, _ := strings.Cut(text[1:], " ")
	if i := strings.IndexAny(head, "\n\t"); i >= 0 {
		rest = strings.TrimSpace(head[i:] + " " + rest)
		head = head[:i]
	}
	name, at, hasAt := strings.Cut(head, "@")
	if hasAt && botName != "" && !strings.EqualFold(at, botName) {
		return "", "", false
	}
	if name == "" || len(name) > 32 {
		return "", "", false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			return "", "", false
		}
	}
	return strings.ToLower(name), strings.TrimSpace(rest), true
}
