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
// time. A slow chat holds up only itself.
type chatQueues struct {
	max int
	sem chan struct{}

	mu      sync.Mutex
	ctx     context.Context
	handle  func(context.Context, queuedUpdate)
	chats   map[string][]queuedUpdate
	pending int // accepted and not yet finished
	closed  bool
	wg      sync.WaitGroup
}

func newChatQueues(max, workers int) *chatQueues {
	return &chatQueues{max: max, sem: make(chan struct{}, workers), chats: map[string][]queuedUpdate{}}
}

func (c *chatQueues) start(ctx context.Context, handle func(context.Context, queuedUpdate)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ctx, c.handle = ctx, handle
}

// offer accepts q unless the queue is full, closed or not started.
func (c *chatQueues) offer(q queuedUpdate) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || c.handle == nil || c.pending >= c.max {
		return false
	}
	c.pending++
	key := q.in.ChatKey
	items, running := c.chats[key]
	c.chats[key] = append(items, q)
	if !running {
		c.wg.Add(1)
		go c.run(key)
	}
	return true
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
		c.mu.Unlock()
	}
}

// close refuses further offers.
func (c *chatQueues) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
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
