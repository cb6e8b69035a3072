package console

import (
	"context"
	"strings"
	"testing"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/dialogs"
)

// script is a handler that answers every update with one fixed reply and
// keeps what it got.
type script struct {
	got   []bot.Update
	reply dialogs.Rendered
}

func (s *script) Handle(ctx context.Context, u bot.Update, r bot.Responder) error {
	s.got = append(s.got, u)
	return r.Respond(ctx, []dialogs.Rendered{s.reply})
}

func TestNumbersPressChoicesAndOtherLinesAreMessages(t *testing.T) {
	h := &script{reply: dialogs.Rendered{Text: "Pick one", Choices: [][]dialogs.RenderedChoice{
		{{Data: "c1:yes", Label: "Yes"}, {Data: "c1:no", Label: "No"}},
		{{Data: "c1:menu", Label: "Menu"}},
	}}}
	var out strings.Builder
	c := &Chat{Handler: h, In: strings.NewReader("2\n\n/Start code\n+44 20 7946 0000\n99\n3\n"), Out: &out, Lang: "en"}
	if err := c.Run(context.Background()); err != nil {
		t.Fatalf("Run: %v", err)
	}
	want := []bot.Update{
		{Kind: bot.KindCommand, Command: "start"},
		{Kind: bot.KindChoice, Data: "c1:no"},
		{Kind: bot.KindCommand, Command: "start", Arg: "code"},
		{Kind: bot.KindText, Text: "+44 20 7946 0000"},
		{Kind: bot.KindText, Text: "99"}, // no such choice: a message
		{Kind: bot.KindChoice, Data: "c1:menu"},
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
	if !strings.Contains(out.String(), "  3) Menu") {
		t.Errorf("output: want numbered choices across rows, got:\n%s", out.String())
	}
}
