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

func TestLeanKeepsCountsAndEachChatsLastKeyboard(t *testing.T) {
	s, bot := newBot(t)
	s.Lean = true // after getMe, which stays recorded
	before := len(s.Calls())
	kb := func(data string) tgbotapi.InlineKeyboardMarkup {
		return tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData("press", data)))
	}
	first := tgbotapi.NewMessage(7, "first")
	first.ReplyMarkup = kb("a")
	if _, err := bot.Send(first); err != nil {
		t.Fatal(err)
	}
	second := tgbotapi.NewMessage(7, "second")
	second.ReplyMarkup = kb("b")
	kept, err := bot.Send(second)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := bot.Send(tgbotapi.NewMessage(7, "no keyboard"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.LastKeyboard(8); ok {
		t.Error("LastKeyboard of a chat never written to: got a message, want none")
	}
	last, ok := s.LastKeyboard(7)
	if !ok || last.Text != "second" || last.ReplyMarkup == nil {
		t.Fatalf("LastKeyboard: got %+v (%v), want the message reading %q with its keyboard", last, ok, "second")
	}
	// An edit of a message the lean fake dropped succeeds, as on Telegram.
	if _, err := bot.Send(tgbotapi.NewEditMessageText(7, plain.MessageID, "edited")); err != nil {
		t.Errorf("edit of a message not kept: %v, want success", err)
	}
	if _, err := bot.Send(tgbotapi.NewEditMessageText(7, kept.MessageID, "second ✓")); err != nil {
		t.Fatal(err)
	}
	if last, _ := s.LastKeyboard(7); last.Text != "second ✓" || last.ReplyMarkup != nil {
		t.Errorf("LastKeyboard after its edit: got %q with markup %v, want %q without a keyboard", last.Text, last.ReplyMarkup, "second ✓")
	}
	if _, err := bot.Send(tgbotapi.NewEditMessageText(7, 1<<30, "never sent")); err == nil {
		t.Error("edit of a message id never given out: got success, want not found")
	}
	if got, want := s.Count("sendMessage"), 3; got != want {
		t.Errorf("Count(sendMessage): got %d, want %d", got, want)
	}
	if got, want := s.Count("editMessageText"), 3; got != want {
		t.Errorf("Count(editMessageText): got %d, want %d", got, want)
	}
	if n := len(s.Calls()) - before + len(s.Sent(7)); n != 0 {
		t.Errorf("Calls and Sent in Lean mode: got %d new entries, want none kept", n)
	}
}
