package telegram

import (
	"context"
	"sync"
	"time"

	"github.com/scamcheck/scamcheck/bot"
)

// The per-chat dispatcher shared by the webhook and the long-polling loop.

// queuedUpdate is one accepted update.
type queuedUpdate struct {
	id int
	in bot.Update
	r  bot.Responder
}

// chatQueues is a bounded queue with one FIFO per chat: a chat's updates
// run one after another, in arrival order, on one goroutine while the
// chat has any; different chats run concurrently, at most workers at a
// time. A slow chat holds up only itself, and a chat may hold at most
// perChat updates, so that one person forwarding hundreds of messages
// cannot fill the queue that everyone else's updates go through.
type chatQueues struct {
	max     int
	perChat int
	sem     chan struct{}

	mu      sync.Mutex
	ctx     context.Context
	handle  func(context.Context, queuedUpdate)
	chats   map[string][]queuedUpdate
	pending int // accepted and not yet finished
	// inChat counts each chat's accepted and unfinished updates.
	inChat map[string]int
	closed bool
	wg     sync.WaitGroup
}

// newChatQueues makes a queue of at most max updates, perChat of them from
// one chat, handled workers chats at a time.
func newChatQueues(max, perChat, workers int) *chatQueues {
	return &chatQueues{max: max, perChat: perChat, sem: make(chan struct{}, workers),
		chats: map[string][]queuedUpdate{}, inChat: map[string]int{}}
}

// offerResult says what became of an offered update.
type offerResult int

const (
	accepted offerResult = iota
	// chatFull: the update's chat has perChat updates in hand already.
	chatFull
	// queueFull: the queue is full, closed or not started.
	queueFull
)

func (c *chatQueues) start(ctx context.Context, handle func(context.Context, queuedUpdate)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ctx, c.handle = ctx, handle
}

// offer accepts q unless the queue is full, closed or not started, or q's
// chat has its share in hand already. extra lets one update past the
// chat's share (the note that tells a flooding person to slow down).
func (c *chatQueues) offer(q queuedUpdate, extra bool) offerResult {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := q.in.ChatKey
	switch {
	case c.closed || c.handle == nil || c.pending >= c.max:
		return queueFull
	case c.perChat > 0 && c.inChat[key] >= c.perChat && !(extra && c.inChat[key] == c.perChat):
		return chatFull
	}
	c.pending++
	c.inChat[key]++
	items, running := c.chats[key]
	c.chats[key] = append(items, q)
	if !running {
		c.wg.Add(1)
		go c.run(key)
	}
	return accepted
}

// run drains one chat's FIFO.
func (c *chatQueues) run(key string) {
	defer c.wg.Done()
	c.sem <- struct{}{}
	defer func() { <-c.sem }()
	for {
		c.mu.Lock()
		items := c.chats[key]
		if len(items) == 0 {
			delete(c.chats, key)
			c.mu.Unlock()
			return
		}
		q := items[0]
		c.chats[key] = items[1:]
		ctx, handle := c.ctx, c.handle
		c.mu.Unlock()
		handle(ctx, q)
		c.mu.Lock()
		c.pending--
		if c.inChat[key]--; c.inChat[key] <= 0 {
			delete(c.inChat, key)
		}
		c.mu.Unlock()
	}
}

// close refuses further offers.
func (c *chatQueues) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
}

// unfinished counts the accepted updates not yet finished.
func (c *chatQueues) unfinished() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pending
}

// wait waits up to d for the accepted updates to finish; it reports
// whether they did.
func (c *chatQueues) wait(d time.Duration) bool {
	done := make(chan struct{})
	go func() {
		c.wg.Wait()
		close(done)
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-done:
		return true
	case <-t.C:
		return false
	}
}

// noteGate lets a chat be told "too many at once" at most once per
// interval, so that the note itself cannot become a flood.
type noteGate struct {
	every time.Duration
	mu    sync.Mutex
	last  map[string]time.Time
}

func newNoteGate(every time.Duration) *noteGate {
	return &noteGate{every: every, last: map[string]time.Time{}}
}

// due reports whether chat may be sent the note now, and if so counts it
// as sent.
func (g *noteGate) due(chat string, now time.Time) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if t, ok := g.last[chat]; ok && now.Sub(t) < g.every {
		return false
	}
	if len(g.last) >= minSweep {
		// Forget chats whose interval is over: the map stays as small as
		// the number of chats flooding within one interval.
		for k, t := range g.last {
			if now.Sub(t) >= g.every {
				delete(g.last, k)
			}
		}
	}
	g.last[chat] = now
	return true
}

// tooMany turns an update beyond its chat's share into the note that
// tells the person to send their messages one by one: the engine answers
// it from the locales, without checking anything.
func tooMany(q queuedUpdate) queuedUpdate {
	q.in.Kind, q.in.Text, q.in.Command, q.in.Arg, q.in.Data = bot.KindTooMany, "", "", "", ""
	return q
}
