package telegram

import (
	"context"
	"testing"
	"time"

	"go.uber.org/zap"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/internal/redistest"
	"github.com/scamcheck/scamcheck/locales"
)

// TestASlowSendIsNotSentTwice: a sendMessage that Telegram takes longer
// than the other calls' timeout to answer is delivered all the same; the
// client must wait for it rather than send the reply again. The timeouts
// are scaled down: calls 200ms, sends 3s, Telegram slow by 600ms.
func TestASlowSendIsNotSentTwice(t *testing.T) {
	rd := redistest.Start(t)
	st := store.NewRedis(rd.Client(), "")
	tg := telegramtest.New(t, token)
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	e, err := bot.New(bot.Options{Store: st, Checker: bot.RulesChecker{Rules: rules}, Catalog: locales.MustLoad(), Secret: []byte("faults-test-secret-0123456789")})
	if err != nil {
		t.Fatal(err)
	}
	c, err := Dial(context.Background(), Config{Token: token, APIURL: tg.URL(), PollTimeout: time.Second,
		CallTimeout: 200 * time.Millisecond, SendTimeout: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	c.SetOutbox(NewOutbox(UnlimitedOutgoing(), nil))
	p := &Poller{Client: c, Handler: e, Offsets: st, Logger: zap.NewNop()}
	stop := run(t, p)
	defer stop()

	tg.DelayNext("sendMessage", 600*time.Millisecond)
	user := telegramtest.User(6161, "en")
	tg.Command(user, "/start")
	tg.WaitSent(t, user.ID, 1)
	tg.Wait(t, 10*time.Second, "the update confirmed", func() bool { return tg.Pending() == 0 })
	time.Sleep(time.Second) // the slow send lands within it
	stop()
	if got := len(tg.Sent(user.ID)); got != 1 {
		t.Errorf("replies to one /start with a slow sendMessage: got %d, want 1", got)
	}
}
