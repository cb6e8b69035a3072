package bot

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
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

// SessionStore keeps sessions, serialises each person's updates across
// replicas and remembers which updates were handled. store.Redis and
// store.Memory implement it.
type SessionStore interface {
	// Begin takes the person's lock, claims the update and loads the
	// session (one round trip).
	Begin(ctx context.Context, b store.Begin) (store.Claim, error)
	// Extend renews the lock of a handling that runs long.
	Extend(ctx context.Context, userKey, updateID, token string, ttl time.Duration) (owned bool, err error)
	// Finish saves the session, marks the update done and releases the
	// lock (one round trip).
	Finish(ctx context.Context, c store.Commit) (owned bool, err error)
	// Abort drops the claim and releases the lock of a handling whose
	// replies were not delivered.
	Abort(ctx context.Context, userKey, updateID, token string) error
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
	KindUnsupported                 // a message the bot cannot read (sticker, video, other files)
	// KindTooMany stands for an update its transport did not handle
	// because the person sent too many at once: the person is told to
	// send them one by one, and nothing is checked.
	KindTooMany
	KindImage // a photo or image file (File), with its caption in Text
	KindVoice // a voice note
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
	// Forwarded is set when the channel says Text was forwarded from
	// someone else: it is then always a message to check.
	Forwarded bool
	// Command (lower case, no slash, no @bot) and Arg (KindCommand).
	Command, Arg string
	// Data is the pressed button's data (KindChoice); it may be forged.
	Data string
	// File is the image (KindImage) or voice note (KindVoice) to read.
	File *Attachment
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
	// LockTTL is the life of a person's lock and of an update's
	// in-progress claim (default 10s): how long a replica that crashed
	// mid-update keeps the person waiting. A handling that runs longer
	// (a slow model call) extends it every LockTTL/3.
	LockTTL time.Duration
	// LockWait is how long an update waits for a person's lock held
	// elsewhere before it is given back to the transport to retry
	// (default LockTTL plus 2s: long enough to outlive a crashed holder).
	LockWait time.Duration
	// Images reads screenshots and photos (image.go); nil answers them
	// with a request for the text.
	Images ImageReader
	// MaxImageBytes is the largest image downloaded (default
	// DefaultMaxImageBytes).
	MaxImageBytes int64
	// Vision gives a vision model's second opinion on images the OCR read
	// poorly or whose text the rules find grey (image.go); nil: the OCR
	// and the rules alone.
	Vision ImageJudge
	// Transcriber turns voice notes into text (image.go); nil answers
	// them with a request for the text and the buttons for a call.
	Transcriber Transcriber
}

// Defaults of Options.
const (
	DefaultSessionTTL   = 30 * 24 * time.Hour
	DefaultSeenTTL      = 48 * time.Hour
	DefaultStoreTimeout = time.Second
	DefaultLockTTL      = 10 * time.Second
	// MaxCheckBytes is how much of a message is classified. Telegram's own
	// limit is 4096 characters; anything longer is forged or a caption
	// chain, and its head is what matters.
	MaxCheckBytes = 16 << 10
)

// sessionVersion is the version of sessionRecord; a record of another
// version is read for the fields it shares (JSON ignores the rest).
const sessionVersion = 1

// sessionRecord is what is stored per person: the dialog state (which by
// its contract never holds message text) and what the check limits count,
// in a versioned envelope.
type sessionRecord struct {
	V      int           `json:"v"`
	State  dialogs.State `json:"s"`
	Limits limitState    `json:"l,omitzero"`
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
	if o.LockTTL <= 0 {
		o.LockTTL = DefaultLockTTL
	}
	if o.MaxImageBytes <= 0 {
		o.MaxImageBytes = DefaultMaxImageBytes
	}
	if o.LockWait <= 0 {
		o.LockWait = o.LockTTL + 2*time.Second
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

// ErrBusy means the person's lock stayed held elsewhere for all of
// Options.LockWait: nothing was done and the update should be offered
// again later.
var ErrBusy = errors.New("person busy in another handler")

// Handle handles one update to the end: the replies are delivered and the
// session saved before it returns. An error (wrapping ErrDelivery or
// ErrBusy) means nothing was committed and the transport should offer the
// update again.
//
// Across replicas sharing a store, one person's updates are handled one at
// a time: Begin takes the person's lock (with a random token and a TTL,
// extended while the handling runs) and claims the update; Finish saves
// the session, marks the update done and releases the lock, and only the
// token's holder can do so. The lock is per person, not per chat, because
// the person's session is what must not be written by two handlers at
// once; in a private chat (where the bot converses) person and chat are
// one. Within this process updates of one chat are also ordered by
// ChatKey.
//
// Delivery is at least once: the update is marked done only after its
// replies went out, so a crash between the last reply and the mark (one
// store round trip) answers it twice after a redelivery; any earlier
// crash loses nothing and repeats nothing that reached the person.
func (e *Engine) Handle(ctx context.Context, u Update, r Responder) (err error) {
	unlock := e.locks.lock(u.ChatKey)
	defer unlock()
	start := time.Now()
	userKey := e.UserKey(u.UserID)
	log := e.log.With(zap.String("user", userKey[:12]), zap.String("update", u.ID), zap.String("kind", u.Kind.String()))

	token := newToken()
	claim, locked, err := e.begin(ctx, log, userKey, u.ID, token)
	if err != nil {
		return err
	}
	if claim.Status == store.Done {
		log.Info("update already handled; skipped")
		return nil
	}
	committed := false
	if locked {
		stop := e.keepLock(ctx, log, userKey, u.ID, token)
		defer stop()
		defer func() {
			if !committed {
				// A panic or a failed delivery: let a redelivery in.
				e.abort(ctx, log, userKey, u.ID, token)
			}
		}()
	}
	defer func() {
		// Nothing a person sends may take the bot down; the update is
		// committed (marked done, state unchanged) so it is not retried
		// forever.
		if p := recover(); p != nil {
			log.Error("panic while handling an update; dropped", zap.Any("panic", p), zap.Stack("stack"))
			if locked {
				committed = e.commit(ctx, log, userKey, u.ID, token, nil, false, false)
			}
			err = nil
		}
	}()

	rec := e.decode(log, claim.Session)
	newState, replies, keep, forgot, fields := e.step(ctx, log, userKey, rec.State, &rec.Limits, u, locked)
	lang := newState.Lang
	if lang == "" {
		lang = locales.Normalize(u.Lang) // a reply the dialog did not make
	}
	rendered := e.render(log, lang, replies)
	if err := r.Respond(ctx, rendered); err != nil {
		log.Warn("replies not delivered; the update will be retried", zap.Error(err))
		return fmt.Errorf("%w: %w", ErrDelivery, err)
	}
	if locked {
		rec.State = newState
		e.commit(ctx, log, userKey, u.ID, token, &rec, keep, forgot)
		committed = true
	}
	log.Info("update handled", append(fields, zap.Int("replies", len(rendered)), zap.Duration("took", time.Since(start)))...)
	return nil
}

// newToken makes a lock token: random, so that no other handler (in this
// process or another) can hold the same one.
func newToken() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}

// begin takes the person's lock and claims the update, waiting while
// another handler holds the lock. locked is false when the store failed:
// the person is answered anyway from a fresh state (classification needs
// no state) and nothing is written back. err is ErrBusy when the lock
// stayed held for all of LockWait.
func (e *Engine) begin(ctx context.Context, log *zap.Logger, userKey, updateID, token string) (_ store.Claim, locked bool, _ error) {
	deadline := time.Now().Add(e.o.LockWait)
	pause := 5 * time.Millisecond
	for {
		sctx, cancel := context.WithTimeout(ctx, e.o.StoreTimeout)
		c, err := e.o.Store.Begin(sctx, store.Begin{UserKey: userKey, UpdateID: updateID, Token: token, LockTTL: e.o.LockTTL})
		cancel()
		switch {
		case err != nil && ctx.Err() != nil:
			// Shutting down, not a store failure: leave the update to a
			// redelivery rather than answer it without its session.
			return store.Claim{}, false, fmt.Errorf("%w: %w", ErrBusy, ctx.Err())
		case err != nil:
			log.Warn("session store unavailable; answering with a fresh conversation", zap.Error(err))
			return store.Claim{Status: store.Acquired}, false, nil
		case c.Status != store.Busy:
			return c, c.Status == store.Acquired, nil
		}
		// Another replica (or another chat of the same person here) is
		// handling this person: wait for it, briefly and then less often.
		wait := min(pause, max(c.RetryIn, time.Millisecond))
		if time.Now().Add(wait).After(deadline) {
			log.Warn("person's lock held elsewhere too long; the update will be retried", zap.Duration("waited", e.o.LockWait))
			return c, false, ErrBusy
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return c, false, fmt.Errorf("%w: %w", ErrBusy, ctx.Err())
		}
		pause = min(pause*2, 200*time.Millisecond)
	}
}

// keepLock extends the person's lock every LockTTL/3 until stop is called,
// so a handling that outlives the TTL (a slow model call) keeps it.
func (e *Engine) keepLock(ctx context.Context, log *zap.Logger, userKey, updateID, token string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(e.o.LockTTL / 3)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), e.o.StoreTimeout)
			owned, err := e.o.Store.Extend(sctx, userKey, updateID, token, e.o.LockTTL)
			cancel()
			switch {
			case err != nil:
				log.Warn("lock not extended", zap.Error(err))
			case !owned:
				log.Warn("lock lost while handling (expired); the session will not be saved")
				return
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// abort releases the lock and the claim of an update that was not
// committed.
func (e *Engine) abort(ctx context.Context, log *zap.Logger, userKey, updateID, token string) {
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), e.o.StoreTimeout)
	defer cancel()
	if err := e.o.Store.Abort(sctx, userKey, updateID, token); err != nil {
		// The lock and the claim expire after LockTTL anyway.
		log.Warn("lock not released", zap.Error(err))
	}
}

// decode reads a stored session; an unreadable one starts afresh.
func (e *Engine) decode(log *zap.Logger, b []byte) sessionRecord {
	if b == nil {
		return sessionRecord{}
	}
	var rec sessionRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		log.Warn("unreadable session; starting afresh", zap.Error(err))
		return sessionRecord{}
	}
	return rec
}

// step turns the update into a dialog event and steps the dialog; a check
// is counted in lim. stored is false when the store could not be reached
// (s is then a fresh state, not the person's). keep is false when the
// session must not be written back (/forget, or a forget that failed);
// forgot is true when the person's data was deleted.
func (e *Engine) step(ctx context.Context, log *zap.Logger, userKey string, s dialogs.State, lim *limitState, u Update, stored bool) (_ dialogs.State, _ []dialogs.Reply, keep, forgot bool, fields []zap.Field) {
	// The owner tag in every button: a press by someone else on a keyboard
	// shared in a group is then stale for them. Eight hex characters of the
	// keyed hash tell people apart without naming them.
	ev := dialogs.Event{Lang: locales.Normalize(u.Lang), Owner: userKey[:8]}
	switch u.Kind {
	case KindText:
		text := CleanText(u.Text)
		if strings.TrimSpace(text) == "" {
			return s, []dialogs.Reply{{Texts: []dialogs.Text{{Key: "bot.need_text"}}}}, true, false, nil
		}
		ev.Kind, ev.Text, ev.Forwarded = dialogs.EventText, text, u.Forwarded
		// What the text is comes first: only a message to check, an
		// unclear text or a person's own story is classified, and only
		// those count against the check limits.
		p := dialogs.Understand(s, text, u.Forwarded)
		fields = append(fields, zap.String("intent", string(p.Intent)))
		if !p.NeedsVerdict() {
			break
		}
		if replies, limited := e.limitCheck(log, s, lim, text); limited {
			if !p.Story {
				return s, replies, true, false, append(fields, zap.Bool("limited", true))
			}
			// Someone telling they paid or are on the phone gets the
			// steps anyway, without the scam's name.
			fields = append(fields, zap.Bool("limited", true))
			break
		}
		// A model's reasons are locale keys: rendered in the
		// conversation's language like every other line.
		ev.Verdict = e.o.Checker.Check(ctx, userKey, p.CheckText(text))
		fields = append(fields, zap.Stringer("verdict_level", ev.Verdict.Level), zap.String("type", string(ev.Verdict.Type)),
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
				return s, []dialogs.Reply{{Texts: []dialogs.Text{{Key: "bot.forget_failed"}}}}, false, false, fields
			}
			// The dialog confirms from a blank state, in the language the
			// person was using.
			if s.Lang != "" {
				ev.Lang = s.Lang
			}
			ns, replies := dialogs.Step(dialogs.State{}, ev)
			return ns, replies, false, true, append(fields, zap.Int("keys_deleted", n))
		}
	case KindImage:
		ns, replies, fields := e.image(ctx, log, userKey, s, lim, u, ev)
		return ns, replies, true, false, fields
	case KindVoice:
		ns, replies, fields := e.voice(ctx, log, userKey, s, lim, u, ev)
		return ns, replies, true, false, fields
	case KindChoice:
		if !stored && dialogs.HelpChoice(u.Data) {
			// The steps after a payment or during a call need no
			// session: give them from a fresh conversation, unsaved.
			ev.Kind, ev.Data = dialogs.EventChoice, u.Data
			ns, replies := dialogs.Step(dialogs.State{}, ev)
			return ns, replies, false, false, fields
		}
		if !stored {
			// Without the session, which says which keyboard is current,
			// the press would be taken for a stale one and the person told
			// their (current) button is old. Say what is going on instead,
			// and what matters if they are mid-scam.
			return s, []dialogs.Reply{{Texts: []dialogs.Text{{Key: "bot.press_store_down"}}}}, false, false, nil
		}
		ev.Kind, ev.Data = dialogs.EventChoice, u.Data
	case KindTooMany:
		return s, []dialogs.Reply{{Texts: []dialogs.Text{{Key: "bot.too_many"}}}}, true, false, nil
	default:
		return s, []dialogs.Reply{{Texts: []dialogs.Text{{Key: "bot.need_text"}}}}, true, false, nil
	}
	ns, replies := dialogs.Step(s, ev)
	return ns, replies, true, false, fields
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

// commit saves the session (when keep and rec is given), marks the update
// and releases the lock, and reports whether it did. A failure is logged:
// the person already has their answer; at worst a redelivery repeats it.
func (e *Engine) commit(ctx context.Context, log *zap.Logger, userKey, updateID, token string, rec *sessionRecord, keep, forgot bool) bool {
	c := store.Commit{UserKey: userKey, Token: token, UpdateID: updateID, SeenTTL: e.o.SeenTTL, SessionTTL: e.o.SessionTTL, Forgotten: forgot}
	if keep && rec != nil {
		rec.V = sessionVersion
		// The owner tag is the keyed hash's head, given with every event
		// (step): stored, it would only make every session longer.
		rec.State.Owner = ""
		b, err := json.Marshal(rec)
		if err != nil {
			log.Error("session not encoded", zap.Error(err))
		} else {
			c.Session = b
		}
	}
	// The commit must happen even when the transport is shutting down.
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), e.o.StoreTimeout)
	defer cancel()
	owned, err := e.o.Store.Finish(sctx, c)
	switch {
	case err != nil:
		log.Warn("session not saved", zap.Error(err))
		return false
	case !owned:
		// The lock expired mid-handling and may be another handler's now:
		// its state wins over ours rather than being overwritten.
		log.Warn("lock expired before the session was saved; this update's state change is dropped")
	}
	return true
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
	case KindTooMany:
		return "too_many"
	case KindImage:
		return "image"
	case KindVoice:
		return "voice"
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
