package bot

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

// TestTypedWordsAreUnderstoodBeforeChecking plays a person answering a
// verdict in their own words: what they say is understood first, only a
// message to check or their own story is classified, and a forwarded
// text is always checked.
func TestTypedWordsAreUnderstoodBeforeChecking(t *testing.T) {
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	cat := locales.MustLoad()
	render := func(lang, key string) string {
		s, err := cat.Render(lang, key, nil)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, tc := range []struct {
		lang, paid, thanks string
	}{
		{"en", "I already paid 2000", "thanks"},
		{"zh", "我已经转账了", "好的谢谢"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			c := &countingChecker{rules: rules}
			e := newEngine(t, store.NewMemory(), c)
			id := 0
			send := func(text string, forwarded bool) string {
				t.Helper()
				id++
				r := &recorder{}
				u := Update{ID: strconv.Itoa(id), UserID: "42", ChatKey: "42", Lang: tc.lang, Kind: KindText, Text: text, Forwarded: forwarded}
				if err := e.Handle(context.Background(), u, r); err != nil {
					t.Fatal(err)
				}
				var all []string
				for _, rep := range r.replies {
					all = append(all, rep.Text)
				}
				return strings.Join(all, "\n")
			}
			noSign := render(tc.lang, "verdict.none")
			if got := send(scam, true); !strings.HasPrefix(got, render(tc.lang, "verdict.high")) || c.count() != 1 {
				t.Fatalf("forwarded scam: got %q after %d checks, want the high verdict first, after 1", got, c.count())
			}
			got := send(tc.paid, false)
			if !strings.HasPrefix(got, render(tc.lang, "paid.now")) || strings.Contains(got, noSign) {
				t.Errorf("%q after a verdict: got %q, want the paid steps and no verdict", tc.paid, got)
			}
			if c.count() != 2 {
				t.Errorf("%q: %d checks in all, want 2 (a story is classified to name the scam)", tc.paid, c.count())
			}
			if got := send(tc.thanks, false); strings.Contains(got, noSign) || c.count() != 2 {
				t.Errorf("%q: got %q after %d checks, want a friendly line and no check", tc.thanks, got, c.count())
			}
			if got := send(tc.thanks, true); !strings.HasPrefix(got, noSign) || c.count() != 3 {
				t.Errorf("%q forwarded: got %q after %d checks, want it checked (no warning signs found)", tc.thanks, got, c.count())
			}
		})
	}
}

// TestStoryIsAnsweredWhenTheLimitIsReached: a person over the check limit
// who says they paid still gets the steps; a message to check gets the
// limit's answer.
func TestStoryIsAnsweredWhenTheLimitIsReached(t *testing.T) {
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(Options{Store: store.NewMemory(), Checker: RulesChecker{Rules: rules}, Catalog: locales.MustLoad(),
		Secret: []byte(secret), Limits: &Limits{PerMinute: 1}})
	if err != nil {
		t.Fatal(err)
	}
	cat := locales.MustLoad()
	steps, _ := cat.Render(locales.EN, "paid.now", nil)
	handle := func(id, text string) string {
		r := &recorder{}
		if err := e.Handle(context.Background(), Update{ID: id, UserID: "7", ChatKey: "7", Lang: "en", Kind: KindText, Text: text, Forwarded: id == "1" || id == "2"}, r); err != nil {
			t.Fatal(err)
		}
		if len(r.replies) == 0 {
			t.Fatalf("update %s: no reply", id)
		}
		return r.replies[0].Text
	}
	handle("1", scam)
	limited, _ := cat.Render(locales.EN, "limits.minute", map[string]string{"seconds": "60"})
	limited, _, _ = strings.Cut(limited, "60")
	if got := handle("2", scam); !strings.HasPrefix(got, limited) {
		t.Errorf("a second check within the minute: got %q, want the minute limit's answer", got)
	}
	if got := handle("3", "I think I've been scammed, I sent 5000 dollars to them"); !strings.HasPrefix(got, steps) {
		t.Errorf("a story over the limit: got %q, want the paid steps", got)
	}
}
