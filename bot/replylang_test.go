package bot

import (
	"context"
	"sync"
	"testing"

	"github.com/scamcheck/scamcheck/bot/llm"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/classifier"
)

// langChecker remembers the reply language each check was asked for.
type langChecker struct {
	mu    sync.Mutex
	langs []string
	rules *classifier.Classifier
}

func (c *langChecker) Check(ctx context.Context, _ string, text string) classifier.Verdict {
	c.mu.Lock()
	c.langs = append(c.langs, llm.ReplyLangFrom(ctx))
	c.mu.Unlock()
	return c.rules.Classify(text)
}

// The model's reason must come in the language the person talks to the bot
// in, not the language of the message they forwarded.
func TestCheckerIsAskedForTheConversationsLanguage(t *testing.T) {
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	c := &langChecker{rules: rules}
	e := newEngine(t, store.NewMemory(), c)
	r := &recorder{}
	ctx := context.Background()
	zhScam := "我是公安局的，你的银行卡涉嫌洗钱，马上把钱转到安全账户，不要告诉家人。"
	updates := []Update{
		// Telegram says English; the forwarded message is Chinese.
		{ID: "tg:1:1", UserID: "7", ChatKey: "7", Lang: "en-GB", Kind: KindText, Text: zhScam},
		// The person switches the conversation to Chinese.
		{ID: "tg:1:2", UserID: "7", ChatKey: "7", Lang: "en-GB", Kind: KindCommand, Command: "lang", Arg: "zh"},
		{ID: "tg:1:3", UserID: "7", ChatKey: "7", Lang: "en-GB", Kind: KindText, Text: scam},
	}
	for _, u := range updates {
		if err := e.Handle(ctx, u, r); err != nil {
			t.Fatalf("Handle %s: %v", u.ID, err)
		}
	}
	want := []string{"en", "zh"}
	if len(c.langs) != len(want) {
		t.Fatalf("checks: got %d, want %d", len(c.langs), len(want))
	}
	for i := range want {
		if c.langs[i] != want[i] {
			t.Errorf("check %d: got reply language %q, want %q", i+1, c.langs[i], want[i])
		}
	}
}
