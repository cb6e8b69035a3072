package telegram

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"sort"
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
// and every update before it have been handled, keeps the offset in the
// store so that a restart resumes where the last run stopped, honours
// 429's retry_after, backs off on network and server errors without ever
// giving up, and finishes the updates in hand when asked to stop.
//
// Fetching and handling overlap: fetched updates go into the same per-chat
// dispatcher as the webhook's (one FIFO per chat, Workers chats at once),
// and the loop fetches again without waiting for them, so a slow chat (a
// model call, a lock held elsewhere, a 429 pause of that chat) holds up
// only itself. The offset sent to getUpdates, which confirms everything
// below it to Telegram, is the lowest update still unfinished; Telegram
// therefore sends the unfinished ones again with every batch, and they are
// skipped while in hand here. Telegram returns at most 100 updates from
// the offset, so at most 100 updates can be fetched past the oldest
// unfinished one.
//
// Fairness: one chat may have at most ChatBacklog updates in hand; its
// updates beyond that are confirmed without a reply (counted, and the
// person told at most once a minute to send them one by one). And when
// every update Telegram will show is in hand or done already, the offset
// moves past all of them at once instead of waiting for the oldest: the
// window of 100 never waits on one chat. The updates still in hand then
// are held in memory only, as in webhook mode: a shutdown drains them, a
// crash loses them (at most ChatBacklog per chat).
//
// An update whose JSON does not fit the library's types is confirmed
// without handling, logged with its id and the field, and counted.
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
	// (or whose person stays busy elsewhere) is tried before it is dropped
	// (default 5). The tries are made in its chat, which waits for them to
	// keep its order; other chats go on.
	MaxAttempts int
	// MaxInFlight bounds the updates fetched and not yet handled (default
	// 1024); at the bound the loop fetches no more until some finish.
	MaxInFlight int
	// Refetch is how long the loop waits for the updates in hand before it
	// fetches again anyway (default 250ms): the longest a new update of
	// one chat waits behind another chat's slow one. Telegram answers at
	// once while unfinished updates are pending, so a shorter wait means
	// more getUpdates calls that bring nothing new.
	Refetch time.Duration
	// ChatBacklog bounds the updates of one chat in hand (default
	// DefaultChatBacklog); the chat's further updates are confirmed
	// without a reply.
	ChatBacklog int
	// NoteEvery is how often at most a chat over its backlog is told to
	// send its messages one by one (default a minute).
	NoteEvery time.Duration
	// Drops counts updates confirmed without handling; nil for none.
	Drops DropObserver

	notes    *noteGate
	stop     context.Context // Run's context: once it ends, failures are given back, not retried
	track    *inFlight
	queue    *chatQueues
	mu       sync.Mutex
	gaveBack map[string]bool // chats whose updates are left to a redelivery at shutdown
}

// DefaultChatBacklog is how many updates of one chat are in hand at most:
// a verdict and its follow-ups go out at about one message a second per
// chat, so a few are all a person can read before the next arrives.
const DefaultChatBacklog = 5

// offsetTTL keeps the offset key alive between restarts; Telegram itself
// keeps unconfirmed updates for 24 hours.
const offsetTTL = 7 * 24 * time.Hour

// getUpdatesLimit is the most updates Telegram returns at once.
const getUpdatesLimit = 100

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
	if p.MaxInFlight <= 0 {
		p.MaxInFlight = 1024
	}
	if p.Refetch <= 0 {
		p.Refetch = 250 * time.Millisecond
	}
	if p.ChatBacklog <= 0 {
		p.ChatBacklog = DefaultChatBacklog
	}
	if p.NoteEvery <= 0 {
		p.NoteEvery = time.Minute
	}
	p.notes = newNoteGate(p.NoteEvery)
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
	saved := p.loadOffset(ctx, offsetKey)
	p.stop = ctx
	p.gaveBack = map[string]bool{}
	p.track = newInFlight(saved)
	p.queue = newChatQueues(p.MaxInFlight, p.ChatBacklog, p.Workers)
	p.queue.start(hctx, p.handle)
	log.Info("polling for updates", zap.Int("offset", saved), zap.String("bot", p.Client.Self().UserName))

	var b backoff
	stuckAt, wasFull := -1, false
	for ctx.Err() == nil {
		offset := p.track.offset()
		if offset != saved {
			p.saveOffset(hctx, offsetKey, offset)
			saved = offset
		}
		cfg := tgbotapi.UpdateConfig{
			Offset:         offset,
			Limit:          getUpdatesLimit,
			Timeout:        int(p.Client.poll / time.Second),
			AllowedUpdates: []string{"message", "callback_query"},
		}
		updates, n, err := p.fetch(cfg)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			sleep(ctx, p.pollFailure(err, &b))
			continue
		}
		b.reset()
		if ctx.Err() != nil {
			break // fetched as we stop: left unconfirmed for the next run
		}
		p.track.sent(offset)
		fresh, full := p.dispatch(updates)
		switch {
		case full && !wasFull:
			log.Warn("too many updates in hand; fetching paused until some finish", zap.Int("max_in_flight", p.MaxInFlight))
		case !full && fresh == 0 && n >= getUpdatesLimit:
			// Everything Telegram will show us is in hand or done, and
			// the oldest would hold the window: confirm past all of it,
			// keeping the ones in hand in memory, so that updates behind
			// the window (other people's) are fetched now.
			if stuckAt != offset {
				stuckAt = offset
				log.Info("window full of updates in hand; confirming past them", zap.Int("update_id", offset))
			}
			p.track.passAll()
			continue
		}
		wasFull = full
		if n >= getUpdatesLimit && fresh > 0 {
			continue // more are waiting behind this batch
		}
		p.track.waitIdle(ctx, p.Refetch)
	}
	log.Info("stopped polling; finishing the updates in hand")
	p.queue.close()
	if !p.queue.wait(p.Grace + 2*time.Second) {
		log.Warn("updates still in hand after the grace period; left unconfirmed for a redelivery")
	}
	if lost := p.track.lostPast(); lost > 0 {
		// Confirmed past them to keep the window moving (see Poller):
		// Telegram will not send them again.
		log.Error("confirmed updates not handled at shutdown; lost", zap.Int("lost", lost))
		for range lost {
			p.drop(DropShutdown)
		}
	}
	if offset := p.track.offset(); offset != saved {
		p.saveOffset(hctx, offsetKey, offset)
	}
	log.Info("stopped polling")
	return nil
}

// fetch asks for updates and decodes them one by one; n counts every
// element Telegram returned, decodable or not. The undecodable ones are
// logged, counted and confirmed here.
func (p *Poller) fetch(cfg tgbotapi.UpdateConfig) ([]tgbotapi.Update, int, error) {
	resp, err := p.Client.request(cfg)
	if err != nil {
		return nil, 0, err
	}
	updates, bad, err := decodeBatch(resp.Result)
	if err != nil {
		return nil, 0, err
	}
	for _, b := range bad {
		if b.id == 0 || p.track.known(b.id) {
			continue // without an id it is confirmed by the next one handled
		}
		logUndecodable(p.Logger, p.Drops, b)
		p.track.add(b.id, true)
	}
	return updates, len(updates) + len(bad), nil
}

// drop counts an update confirmed without handling.
func (p *Poller) drop(reason string) {
	if p.Drops != nil {
		p.Drops.UpdateDropped(reason)
	}
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

// dispatch hands the updates not yet in hand to the per-chat dispatcher,
// in update order. fresh counts those handed over; full reports that the
// dispatcher refused one (the rest stay unconfirmed and come again).
func (p *Poller) dispatch(updates []tgbotapi.Update) (fresh int, full bool) {
	// Telegram sends them in order; a redelivery may not be.
	sort.SliceStable(updates, func(i, j int) bool { return updates[i].UpdateID < updates[j].UpdateID })
	for _, u := range updates {
		id := u.UpdateID
		if p.track.known(id) {
			// In hand, or done and not yet confirmed: Telegram sends it
			// until the offset passes it, and it must run only once.
			continue
		}
		in, r, ok := p.convert(u)
		if !ok {
			p.track.add(id, true)
			continue
		}
		p.track.add(id, false)
		q := queuedUpdate{id: id, in: in, r: r}
		res := p.queue.offer(q, false)
		if res == chatFull {
			res = p.overBacklog(q)
		}
		if res == queueFull {
			// Stop here rather than skip: a later update of the same
			// chat must not overtake this one.
			p.track.remove(id)
			return fresh, true
		}
		fresh++
	}
	return fresh, false
}

// overBacklog deals with an update whose chat has its share in hand: it
// becomes the chat's "too many at once" note when one is due, and is
// otherwise confirmed without a reply.
func (p *Poller) overBacklog(q queuedUpdate) offerResult {
	if p.notes.due(q.in.ChatKey, time.Now()) {
		if res := p.queue.offer(tooMany(q), true); res != chatFull {
			return res
		}
	}
	p.track.finish(q.id)
	p.drop(DropBacklog)
	return accepted
}

// handle handles one update in its chat's turn. A delivery failure or a
// person busy elsewhere is tried again after a backoff, while the chat's
// later updates wait (order first) and other chats go on; after
// MaxAttempts the update is dropped, as it would otherwise block its chat
// for good. At shutdown a failed update is given back instead: it stays
// unconfirmed, and so do the chat's later updates, so that Telegram
// delivers them again, in order, to the next run.
func (p *Poller) handle(ctx context.Context, q queuedUpdate) {
	log := p.Logger
	if p.givenBack(q.in.ChatKey) {
		return
	}
	var b backoff
	for attempt := 1; ; attempt++ {
		err := p.Handler.Handle(ctx, q.in, q.r)
		if err == nil {
			p.track.finish(q.id)
			return
		}
		if p.stop.Err() != nil || ctx.Err() != nil {
			p.giveBack(q.in.ChatKey)
			log.Warn("update not handled at shutdown; left unconfirmed for a redelivery", zap.Int("update_id", q.id), zap.Error(err))
			return
		}
		if attempt >= p.MaxAttempts {
			log.Error("update dropped after repeated delivery failures", zap.Int("update_id", q.id), zap.Int("attempts", attempt), zap.Error(err))
			p.track.finish(q.id)
			return
		}
		if !sleep(p.stop, b.next()) {
			p.giveBack(q.in.ChatKey)
			log.Warn("update not handled at shutdown; left unconfirmed for a redelivery", zap.Int("update_id", q.id), zap.Error(err))
			return
		}
	}
}

func (p *Poller) giveBack(chat string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gaveBack[chat] = true
}

func (p *Poller) givenBack(chat string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.gaveBack[chat]
}

// inFlight tracks the updates fetched and not yet confirmed, so that the
// offset never passes an unfinished update and an update Telegram sends
// again while it is in hand is not handled twice at once.
type inFlight struct {
	mu       sync.Mutex
	ids      []int         // ascending: accepted at or above the last offset sent
	done     map[int]bool  // of ids: handled (true) or in hand (false)
	extra    map[int]bool  // redeliveries below the last offset sent, in hand
	next     int           // one past the highest id accepted
	lastSent int           // the offset of the last getUpdates answered
	floor    int           // the offset passes the updates below it, done or not
	changed  chan struct{} // closed and replaced when an update finishes
}

func newInFlight(offset int) *inFlight {
	return &inFlight{done: map[int]bool{}, extra: map[int]bool{}, next: offset, lastSent: offset, changed: make(chan struct{})}
}

// passAll moves the offset past every update accepted, whether handled
// or still in hand.
func (f *inFlight) passAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.floor = max(f.floor, f.next)
}

// lostPast counts the updates in hand that the offset has passed.
func (f *inFlight) lostPast() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, id := range f.ids {
		if id < f.floor && !f.done[id] {
			n++
		}
	}
	return n
}

// known reports whether id is in hand, or done and not yet confirmed.
func (f *inFlight) known(id int) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, ok := f.done[id]
	return ok || f.extra[id]
}

// add records id as accepted: handled already (nothing to do for it) or
// in hand.
func (f *inFlight) add(id int, handled bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if id < f.lastSent {
		// Telegram sends an update below the offset only when it was not
		// confirmed after all; it was handled before (the engine's mark
		// skips it) and must not move the offset back.
		if !handled {
			f.extra[id] = true
		}
		return
	}
	i := sort.SearchInts(f.ids, id)
	f.ids = slices.Insert(f.ids, i, id)
	f.done[id] = handled
	if id >= f.next {
		f.next = id + 1
	}
}

// remove forgets an id that was not accepted after all.
func (f *inFlight) remove(id int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.extra, id)
	if _, ok := f.done[id]; !ok {
		return
	}
	delete(f.done, id)
	i := sort.SearchInts(f.ids, id)
	f.ids = slices.Delete(f.ids, i, i+1)
	f.next = f.lastSent
	if n := len(f.ids); n > 0 && f.ids[n-1]+1 > f.next {
		f.next = f.ids[n-1] + 1
	}
}

// finish marks id handled.
func (f *inFlight) finish(id int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.extra[id] {
		delete(f.extra, id)
	} else if _, ok := f.done[id]; ok {
		f.done[id] = true
	}
	close(f.changed)
	f.changed = make(chan struct{})
}

// offset is the offset to confirm: the lowest update not yet handled, or
// past every update accepted.
func (f *inFlight) offset() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, id := range f.ids {
		if !f.done[id] && id >= f.floor {
			return id
		}
	}
	return max(f.next, f.lastSent, f.floor)
}

// sent records that Telegram answered a getUpdates with offset: it will
// not send the updates below it again (unless they were never confirmed),
// so the handled ones among them are forgotten.
func (f *inFlight) sent(offset int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lastSent = max(f.lastSent, offset)
	// Handled ones below the offset are forgotten; ones in hand below it
	// (passed by passAll) stay until they finish.
	f.ids = slices.DeleteFunc(f.ids, func(id int) bool {
		if id < f.lastSent && f.done[id] {
			delete(f.done, id)
			return true
		}
		return false
	})
}

// unfinished counts the updates in hand; f.mu is held.
func (f *inFlight) unfinished() int {
	n := len(f.extra)
	for _, id := range f.ids {
		if !f.done[id] {
			n++
		}
	}
	return n
}

// waitIdle waits until no update is in hand, d has passed or ctx ends.
func (f *inFlight) waitIdle(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		f.mu.Lock()
		n, changed := f.unfinished(), f.changed
		f.mu.Unlock()
		if n == 0 {
			return
		}
		select {
		case <-changed:
		case <-t.C:
			return
		case <-ctx.Done():
			return
		}
	}
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
