package telegramtest

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

func newBot(t *testing.T) (*Server, *tgbotapi.BotAPI) {
	s := New(t, "123:abc")
	bot, err := tgbotapi.NewBotAPIWithClient("123:abc", s.Endpoint(), http.DefaultClient)
	if err != nil {
		t.Fatalf("NewBotAPIWithClient: %v", err)
	}
	return s, bot
}

func TestGetUpdatesHonoursOffset(t *testing.T) {
	s, bot := newBot(t)
	if bot.Self.UserName != s.Bot.UserName {
		t.Fatalf("getMe: got %q, want %q", bot.Self.UserName, s.Bot.UserName)
	}
	alice := User(7, "en")
	a := s.Text(alice, "one")
	b := s.Command(alice, "/start code")
	got, err := bot.GetUpdates(tgbotapi.UpdateConfig{Offset: 0, Timeout: 0})
	if err != nil || len(got) != 2 || got[0].UpdateID != a.UpdateID || got[1].UpdateID != b.UpdateID {
		t.Fatalf("getUpdates: got %d updates (%v), want ids %d, %d", len(got), err, a.UpdateID, b.UpdateID)
	}
	if cmd := got[1].Message.Command(); cmd != "start" {
		t.Errorf("command: got %q, want start", cmd)
	}
	got, _ = bot.GetUpdates(tgbotapi.UpdateConfig{Offset: b.UpdateID, Timeout: 0})
	if len(got) != 1 || got[0].UpdateID != b.UpdateID {
		t.Fatalf("getUpdates after offset: got %d updates, want only %d", len(got), b.UpdateID)
	}
	got, _ = bot.GetUpdates(tgbotapi.UpdateConfig{Offset: b.UpdateID + 1, Timeout: 1})
	if len(got) != 0 || s.Pending() != 0 {
		t.Fatalf("getUpdates after confirming all: got %d updates, %d pending, want none", len(got), s.Pending())
	}
	s.Redeliver(a)
	got, _ = bot.GetUpdates(tgbotapi.UpdateConfig{Offset: b.UpdateID + 1})
	if len(got) != 1 || got[0].UpdateID != a.UpdateID {
		t.Fatalf("redelivery: got %d updates, want %d once", len(got), a.UpdateID)
	}
}

func TestLimitsAndFailures(t *testing.T) {
	s, bot := newBot(t)
	long := tgbotapi.NewMessage(7, strings.Repeat("界", MaxTextUTF16+1))
	if _, err := bot.Send(long); err == nil {
		t.Error("sendMessage of 4097 characters: got nil error, want message is too long")
	}
	m := tgbotapi.NewMessage(7, "hi")
	m.ReplyMarkup = tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData("x", strings.Repeat("d", 65))))
	if _, err := bot.Send(m); err == nil {
		t.Error("65-byte callback data: got nil error, want BUTTON_DATA_INVALID")
	}
	s.FailNext("sendMessage", Failure{Code: 429, RetryAfter: 3})
	_, err := bot.Send(tgbotapi.NewMessage(7, "hi"))
	var apiErr *tgbotapi.Error
	if !errors.As(err, &apiErr) || apiErr.Code != 429 || apiErr.RetryAfter != 3 {
		t.Fatalf("injected 429: got %v, want code 429 retry_after 3", err)
	}
	sent, err := bot.Send(tgbotapi.NewMessage(7, "hi"))
	if err != nil {
		t.Fatalf("send after the failure: %v", err)
	}
	edit := tgbotapi.NewEditMessageText(7, sent.MessageID, "hi, edited")
	if _, err := bot.Send(edit); err != nil {
		t.Fatalf("editMessageText: %v", err)
	}
	if got := s.Sent(7); len(got) != 1 || got[0].Text != "hi, edited" {
		t.Fatalf("sent after edit: got %+v, want one message reading %q", got, "hi, edited")
	}
	if n := len(s.CallsTo("sendMessage")); n != 4 {
		t.Errorf("sendMessage calls recorded: got %d, want 4", n)
	}
}
