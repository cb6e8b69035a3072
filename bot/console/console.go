// Package console is the terminal channel of `scamcheck chat`: replies are
// printed, choices are numbered, typing a number presses that button, any
// other line is a message to check, and /commands work as on Telegram.
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/dialogs"
)

// UserID is the one person of a terminal session.
const UserID = "console"

// Chat is a conversation in a terminal.
type Chat struct {
	Handler interface {
		Handle(ctx context.Context, u bot.Update, r bot.Responder) error
	}
	In  io.Reader
	Out io.Writer
	// Lang is the person's language code (from the environment or a flag).
	Lang string

	mu      sync.Mutex
	choices []string // data of the numbered choices on screen
}

// Run greets (as /start would) and then reads lines until EOF or ctx ends.
func (c *Chat) Run(ctx context.Context) error {
	if err := c.handle(ctx, bot.Update{Kind: bot.KindCommand, Command: "start"}); err != nil {
		return err
	}
	lines := make(chan string)
	errc := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(c.In)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		errc <- sc.Err()
	}()
	for {
		c.prompt()
		select {
		case <-ctx.Done():
			fmt.Fprintln(c.Out)
			return nil
		case err := <-errc:
			fmt.Fprintln(c.Out)
			if err != nil {
				return fmt.Errorf("read input: %w", err)
			}
			return nil
		case line := <-lines:
			u, ok := c.parse(line)
			if !ok {
				continue
			}
			if err := c.handle(ctx, u); err != nil {
				return err
			}
		}
	}
}

func (c *Chat) prompt() { fmt.Fprint(c.Out, "> ") }

// parse turns a typed line into an update.
func (c *Chat) parse(line string) (bot.Update, bool) {
	line = strings.TrimSpace(line)
	if line == "" {
		return bot.Update{}, false
	}
	if n, err := strconv.Atoi(line); err == nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		if n >= 1 && n <= len(c.choices) {
			return bot.Update{Kind: bot.KindChoice, Data: c.choices[n-1]}, true
		}
		// A number that is no choice is a message (a phone number, say).
	}
	if cmd, arg, ok := bot.ParseCommand(line, ""); ok {
		return bot.Update{Kind: bot.KindCommand, Command: cmd, Arg: arg}, true
	}
	return bot.Update{Kind: bot.KindText, Text: line}, true
}

func (c *Chat) handle(ctx context.Context, u bot.Update) error {
	u.UserID, u.ChatKey, u.Lang = UserID, UserID, c.Lang
	if err := c.Handler.Handle(ctx, u, c); err != nil {
		return fmt.Errorf("handle: %w", err)
	}
	return nil
}

// Respond prints replies; the choices of the last reply that has any
// become the numbered choices.
func (c *Chat) Respond(_ context.Context, replies []dialogs.Rendered) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var b strings.Builder
	// Only what is on screen now can be pressed by number.
	c.choices = nil
	for _, r := range replies {
		b.WriteString("\n")
		b.WriteString(r.Text)
		b.WriteString("\n")
		if len(r.Choices) == 0 {
			continue
		}
		c.choices = nil
		for _, row := range r.Choices {
			for _, ch := range row {
				c.choices = append(c.choices, ch.Data)
				fmt.Fprintf(&b, "  %d) %s\n", len(c.choices), ch.Label)
			}
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(c.Out, b.String())
	return err
}
