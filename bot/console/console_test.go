package console

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/dialogs"
	"github.com/scamcheck/scamcheck/internal/golden"
	"github.com/scamcheck/scamcheck/locales"
)

// script is a handler that answers every update with one fixed reply and
// keeps what it got.
type script struct {
	mu    sync.Mutex
	got   []bot.Update
	reply dialogs.Rendered
}

func (s *script) Handle(ctx context.Context, u bot.Update, r bot.Responder) error {
	s.mu.Lock()
	s.got = append(s.got, u)
	s.mu.Unlock()
	return r.Respond(ctx, []dialogs.Rendered{s.reply})
}

// screen is the terminal's output; it counts the prompts, which Run
// prints each time it is ready for more input.
type screen struct {
	mu      sync.Mutex
	b       strings.Builder
	prompts int
	changed chan struct{}
}

func newScreen() *screen { return &screen{changed: make(chan struct{}, 1)} }

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.Write(p)
	if string(p) == "> " {
		s.prompts++
	}
	select {
	case s.changed <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitPrompt waits until Run has printed n prompts: everything typed
// before has been handled.
func (s *screen) waitPrompt(t *testing.T, n int) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		s.mu.Lock()
		p := s.prompts
		s.mu.Unlock()
		if p >= n {
			return
		}
		select {
		case <-s.changed:
		case <-deadline:
			t.Fatalf("waited for prompt %d, have %d; output:\n%s", n, p, s.String())
		}
	}
}

// typist runs a Chat and types into it one arrival at a time, each only
// after the one before was handled.
type typist struct {
	w      *io.PipeWriter
	out    *screen
	done   chan error
	typed  int
	cancel context.CancelFunc
}

func startChat(t *testing.T, c *Chat) *typist {
	t.Helper()
	r, w := io.Pipe()
	out := newScreen()
	c.In, c.Out = r, out
	ctx, cancel := context.WithCancel(context.Background())
	ty := &typist{w: w, out: out, done: make(chan error, 1), cancel: cancel}
	go func() { ty.done <- c.Run(ctx) }()
	out.waitPrompt(t, 1)
	t.Cleanup(cancel)
	return ty
}

// arrive writes text as one arrival and waits until it was handled.
func (ty *typist) arrive(t *testing.T, text string) {
	t.Helper()
	if _, err := ty.w.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
	ty.typed++
	ty.out.waitPrompt(t, ty.typed+1)
}

func (ty *typist) close(t *testing.T) {
	t.Helper()
	ty.w.Close()
	if err := <-ty.done; err != nil {
		t.Fatalf("Run: %v", err)
	}
}

func TestNumbersPressChoicesAndOtherLinesAreMessages(t *testing.T) {
	h := &script{reply: dialogs.Rendered{Lang: "en", Text: "Pick one", Choices: [][]dialogs.RenderedChoice{
		{{Data: "c1:yes", Label: "Yes"}, {Data: "c1:no", Label: "No"}},
		{{Data: "c1:menu", Label: "Menu"}},
	}}}
	ty := startChat(t, &Chat{Handler: h, Lang: "en", Settle: time.Millisecond})
	for _, line := range []string{"2\n", "\n", "/Start code\n", "+44 20 7946 0000\n", "99\n", "0\n", "3\n", "20260101\n"} {
		if line == "\n" {
			// An empty line is nothing: no prompt follows it.
			if _, err := ty.w.Write([]byte(line)); err != nil {
				t.Fatal(err)
			}
			continue
		}
		ty.arrive(t, line)
	}
	ty.close(t)
	want := []bot.Update{
		{Kind: bot.KindCommand, Command: "start"},
		{Kind: bot.KindChoice, Data: "c1:no"},
		{Kind: bot.KindCommand, Command: "start", Arg: "code"},
		{Kind: bot.KindText, Text: "+44 20 7946 0000"},
		{Kind: bot.KindChoice, Data: "c1:menu"},
		{Kind: bot.KindText, Text: "20260101"}, // too long for a choice: a message
	}
	if len(h.got) != len(want) {
		t.Fatalf("updates: got %d, want %d: %+v", len(h.got), len(want), h.got)
	}
	for i, w := range want {
		g := h.got[i]
		if g.Kind != w.Kind || g.Command != w.Command || g.Arg != w.Arg || g.Text != w.Text || g.Data != w.Data {
			t.Errorf("update %d: got %+v, want %+v", i, g, w)
		}
		if g.UserID != UserID || g.Lang != "en" {
			t.Errorf("update %d: got user %q lang %q, want %q en", i, g.UserID, g.Lang, UserID)
		}
	}
	out := ty.out.String()
	if !strings.Contains(out, "  3) Menu") {
		t.Errorf("output: want numbered choices across rows, got:\n%s", out)
	}
	for _, n := range []string{"99", "0"} {
		if !strings.Contains(out, n+" is not one of the choices. Type the number of one of these:\n  1) Yes\n  2) No\n  3) Menu\n") {
			t.Errorf("output: want %s answered as not a choice, with the choices on screen; got:\n%s", n, out)
		}
	}
}

func TestLinesThatArriveTogetherAreOneMessage(t *testing.T) {
	h := &script{reply: dialogs.Rendered{Lang: "en", Text: "Checked"}}
	// A generous settle: the second line of a paste a terminal hands over
	// one line per read must be gathered however slow the machine is.
	ty := startChat(t, &Chat{Handler: h, Lang: "en", Settle: 2 * time.Second})
	ty.arrive(t, "Dear customer,\nyour parcel is held.\r\n\nPay the fee: parcel-fee.top\n")
	if _, err := ty.w.Write([]byte("first line of a slow paste\n")); err != nil {
		t.Fatal(err)
	}
	ty.arrive(t, "second line\n")
	ty.typed-- // the two writes were one arrival
	ty.arrive(t, "7\n")
	// A script piped in: commands and numbers on their own lines still
	// stand alone; the lines between them are one message.
	if _, err := ty.w.Write([]byte("/help\nline one\nline two\n/start\n")); err != nil {
		t.Fatal(err)
	}
	ty.close(t)
	if n := len(h.got); n != 6 || h.got[3].Command != "help" || h.got[4].Text != "line one\nline two" || h.got[5].Command != "start" {
		t.Errorf("piped script: got %d updates %+v, want /help, one two-line message, /start after the first three", n, h.got)
	}
	h.got = h.got[:3]
	want := []string{
		"Dear customer,\nyour parcel is held.\n\nPay the fee: parcel-fee.top",
		"first line of a slow paste\nsecond line",
	}
	var got []string
	for _, u := range h.got[1:] {
		got = append(got, u.Text)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("messages: got %q, want %q", got, want)
	}
	if out := ty.out.String(); !strings.Contains(out, "7 is not one of the choices: there are none on screen now.") {
		t.Errorf("7 with no choices on screen: want the no-choices answer, got:\n%s", out)
	}
}

// TestPasteTranscripts pastes a multi-line SMS into the real engine, in
// each language: it is checked once, as a whole; the bot then understands
// the person's answers in words, and a number that is not on screen is
// answered with the choices that are. (Nothing here depends on the help
// directory, which changes on its own.)
func TestPasteTranscripts(t *testing.T) {
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	pastes := map[string][]string{
		"en": {"Royal Mail: we could not deliver your parcel today.\nA £1.99 redelivery fee is due.\nPay within 24h at royalmail-redeliver.top or it will be returned.\n", "nothing happened\n", "thanks\n", "99\n"},
		"zh": {"【顺丰速运】您的快递因地址不详无法派送。\n请在24小时内点击 sf-express-cn.top 补缴运费2元，\n逾期将退回发件人。\n", "都没有\n", "谢谢\n", "99\n"},
	}
	for _, lang := range locales.Langs {
		t.Run(lang, func(t *testing.T) {
			e, err := bot.New(bot.Options{Store: store.NewMemory(), Checker: bot.RulesChecker{Rules: rules}, Catalog: locales.MustLoad(),
				Secret: []byte("console-test-secret-0123")})
			if err != nil {
				t.Fatal(err)
			}
			ty := startChat(t, &Chat{Handler: e, Lang: lang, Settle: time.Millisecond})
			var b strings.Builder
			for _, in := range pastes[lang] {
				before := len(ty.out.String())
				ty.arrive(t, in)
				b.WriteString(">>> " + strings.ReplaceAll(strings.TrimSuffix(in, "\n"), "\n", "\n>>> ") + "\n")
				b.WriteString(ty.out.String()[before:])
				b.WriteString("\n")
			}
			ty.close(t)
			golden.Compare(t, filepath.Join("testdata", "paste_"+lang+".txt"), b.String())
		})
	}
}

// FuzzSegments: whatever arrives, the segments keep every line once and
// in order, and a command or a choice's number is always alone.
func FuzzSegments(f *testing.F) {
	for _, s := range []string{"/start\nhello\n1", "a\nb\nc", "\n\n", "12\n/x y\n\xff\n9999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		lines := strings.Split(in, "\n")
		var back []string
		for _, seg := range segments(lines) {
			if len(seg) == 0 {
				t.Fatalf("segments(%q): an empty segment", in)
			}
			for _, l := range seg {
				if standsAlone(l) && len(seg) > 1 {
					t.Fatalf("segments(%q): %q shares a segment", in, l)
				}
			}
			back = append(back, seg...)
		}
		if strings.Join(back, "\n") != strings.Join(lines, "\n") || len(back) != len(lines) {
			t.Fatalf("segments(%q) = %q, want the lines back in order", in, back)
		}
	})
}
