// Package console is the terminal channel of `scamcheck chat`: replies are
// printed, choices are numbered, typing a number presses that button, any
// other line is a message, and /commands work as on Telegram. Lines that
// arrive together (a pasted SMS) are one message; a /command or a number
// on a line of its own still stands alone.
package console

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/dialogs"
	"github.com/scamcheck/scamcheck/locales"
)

// UserID is the one person of a terminal session.
const UserID = "console"

// DefaultSettle is how long Run waits after a line for more lines of the
// same paste. A terminal hands over one line per read even when several
// were pasted at once; nobody types a second line within it.
const DefaultSettle = 40 * time.Millisecond

// maxChoiceDigits is how long a typed number may be and still be meant
// as a choice; a longer one (a phone number, an amount) is a message.
const maxChoiceDigits = 3

// Chat is a conversation in a terminal.
type Chat struct {
	Handler interface {
		Handle(ctx context.Context, u bot.Update, r bot.Responder) error
	}
	In  io.Reader
	Out io.Writer
	// Lang is the person's language code (from the environment or a flag).
	Lang string
	// Catalog words the terminal's own answers (a number that is not a
	// choice); nil uses the shipped catalog.
	Catalog *locales.Catalog
	// Settle is how long to wait after a line for more of the same paste
	// (DefaultSettle when zero). Lines read together are one paste anyway.
	Settle time.Duration

	mu      sync.Mutex
	choices []string // data of the numbered choices on screen
	labels  []string // their labels
	lang    string   // the language of the latest reply
}

// arrival is what one read of the input brought: the complete lines, and
// whether the input ended (with the error that ended it, if any).
type arrival struct {
	lines []string
	end   bool
	err   error
}

// Run greets (as /start would) and then reads until EOF or ctx ends. Lines
// that arrive together, in one read or within Settle of each other, are
// one message: a pasted multi-line SMS is checked once, as a whole.
func (c *Chat) Run(ctx context.Context) error {
	if err := c.handle(ctx, bot.Update{Kind: bot.KindCommand, Command: "start"}); err != nil {
		return err
	}
	arrivals := make(chan arrival)
	go c.read(ctx, arrivals)
	settle := c.Settle
	if settle <= 0 {
		settle = DefaultSettle
	}
	for {
		c.prompt()
		var a arrival
		select {
		case <-ctx.Done():
			fmt.Fprintln(c.Out)
			return nil
		case a = <-arrivals:
		}
		lines := a.lines
		end, err := a.end, a.err
		timer := time.NewTimer(settle)
	gather:
		for !end {
			select {
			case more := <-arrivals:
				lines = append(lines, more.lines...)
				end, err = more.end, more.err
				timer.Reset(settle)
			case <-timer.C:
				break gather
			case <-ctx.Done():
				break gather
			}
		}
		timer.Stop()
		for i, seg := range segments(lines) {
			if i > 0 {
				c.prompt()
			}
			if u, ok := c.parse(seg); ok {
				if err := c.handle(ctx, u); err != nil {
					return err
				}
			}
		}
		if end {
			c.prompt()
			fmt.Fprintln(c.Out)
			if err != nil {
				return fmt.Errorf("read input: %w", err)
			}
			return nil
		}
	}
}

// read sends what each read of the input brings, as complete lines; a
// line cut by the read's end waits for the rest.
func (c *Chat) read(ctx context.Context, out chan<- arrival) {
	buf := make([]byte, 64<<10)
	var partial string
	for {
		n, err := c.In.Read(buf)
		text := partial + string(buf[:n])
		var a arrival
		if i := strings.LastIndexByte(text, '\n'); i >= 0 {
			a.lines = strings.Split(strings.TrimSuffix(text[:i+1], "\n"), "\n")
			partial = text[i+1:]
		} else {
			partial = text
		}
		if len(partial) > bot.MaxCheckBytes {
			// A line without end: take what is there as one.
			a.lines, partial = append(a.lines, partial), ""
		}
		if err != nil {
			if partial != "" {
				a.lines = append(a.lines, partial)
			}
			a.end = true
			if err != io.EOF {
				a.err = err
			}
		}
		if len(a.lines) == 0 && !a.end {
			continue
		}
		select {
		case out <- a:
		case <-ctx.Done():
			return
		}
		if a.end {
			return
		}
	}
}

func (c *Chat) prompt() { fmt.Fprint(c.Out, "> ") }

// segments splits lines that arrived together at the lines that stand on
// their own, a /command or a choice's number: a script piped in
// ("/start", a message, "1") is still a session of several inputs, while
// a pasted SMS, whose lines are neither, stays one message.
func segments(lines []string) [][]string {
	var out [][]string
	var cur []string
	for _, l := range lines {
		if standsAlone(l) {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			out = append(out, []string{l})
			cur = nil
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func standsAlone(line string) bool {
	l := strings.TrimSpace(line)
	if _, err := strconv.Atoi(l); err == nil && len(l) <= maxChoiceDigits {
		return true
	}
	_, _, isCmd := bot.ParseCommand(l, "")
	return isCmd
}

// parse turns what arrived together into an update. One line may be a
// choice's number or a command; several lines are one message.
func (c *Chat) parse(lines []string) (bot.Update, bool) {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return bot.Update{}, false
	}
	if len(lines) > 1 {
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, "\r")
		}
		return bot.Update{Kind: bot.KindText, Text: strings.Join(lines, "\n")}, true
	}
	line := strings.TrimSpace(lines[0])
	if n, err := strconv.Atoi(line); err == nil && len(line) <= maxChoiceDigits {
		c.mu.Lock()
		defer c.mu.Unlock()
		if n >= 1 && n <= len(c.choices) {
			return bot.Update{Kind: bot.KindChoice, Data: c.choices[n-1]}, true
		}
		c.notAChoice(line)
		return bot.Update{}, false
	}
	if cmd, arg, ok := bot.ParseCommand(line, ""); ok {
		return bot.Update{Kind: bot.KindCommand, Command: cmd, Arg: arg}, true
	}
	return bot.Update{Kind: bot.KindText, Text: line}, true
}

// notAChoice answers a number that is not on screen with the choices that
// are; c.mu is held.
func (c *Chat) notAChoice(number string) {
	cat := c.Catalog
	if cat == nil {
		cat = locales.MustLoad()
	}
	lang := c.lang
	if lang == "" {
		lang = locales.Normalize(c.Lang)
	}
	key := "understand.not_a_choice"
	if len(c.choices) == 0 {
		key = "understand.no_choices"
	}
	text, err := cat.Render(lang, key, map[string]string{"number": number})
	if err != nil {
		text = number + "?"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s\n", text)
	for i, l := range c.labels {
		fmt.Fprintf(&b, "  %d) %s\n", i+1, l)
	}
	b.WriteString("\n")
	_, _ = io.WriteString(c.Out, b.String())
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
	c.choices, c.labels = nil, nil
	if len(replies) > 0 {
		c.lang = replies[0].Lang // the conversation's, not a warning's in the other language
	}
	for _, r := range replies {
		b.WriteString("\n")
		b.WriteString(r.Text)
		b.WriteString("\n")
		if len(r.Choices) == 0 {
			continue
		}
		c.choices, c.labels = nil, nil
		for _, row := range r.Choices {
			for _, ch := range row {
				c.choices = append(c.choices, ch.Data)
				c.labels = append(c.labels, ch.Label)
				fmt.Fprintf(&b, "  %d) %s\n", len(c.choices), ch.Label)
			}
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(c.Out, b.String())
	return err
}
