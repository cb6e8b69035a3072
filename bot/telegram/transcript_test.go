package telegram

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/internal/golden"
	"github.com/scamcheck/scamcheck/internal/redistest"
)

// transcriptStep is one thing the person does: exactly one of command,
// text, forward, press (a button label on the bot's last keyboard) or
// pressFirst (a label on the first keyboard that has it: an old one).
type transcriptStep struct {
	command, text, forward, press, pressFirst string
}

// Scam texts written for these tests (not taken from any data set).
const (
	consulateScamEN = "This is the Chinese consulate. Your passport has been linked to a money laundering case. " +
		"To clear your name, transfer all your savings to the safe account we give you today, and tell no one, or you will be arrested."
	consulateScamZH = "这里是中国驻美领事馆。你的护照涉嫌一起洗钱案件。为了证明清白，今天必须把全部存款转到我们提供的安全账户接受审查，不要告诉任何人，否则将被逮捕。"
	policeScamEN    = "This is the police. Your bank card was used in a fraud case. Move your money to a safe account now and keep this secret."
	policeScamZH    = "我是公安局的警官，你的银行卡涉嫌诈骗案件，现在马上把钱转到安全账户，不要告诉家人。"
	// Pasted in the first person of their sender: messages to check.
	mumScamEN = "Mum I need help, I've been arrested in Bangkok, please send 2000 dollars to this lawyer now, don't call dad"
	mumScamZH = "妈我在曼谷被抓了，急需两万块钱，马上转给这个律师，千万别给爸打电话"
)

// TestTelegramTranscripts plays the main conversations through the real
// Telegram path — the telegram-bot-api client polling the fake Bot API,
// the engine keeping sessions in a real Redis, the responder sending,
// answering presses and editing pressed keyboards — and compares every
// outgoing call with a golden transcript. Run with -update to rewrite
// them after an intended change, then read the diff.
func TestTelegramTranscripts(t *testing.T) {
	lang := map[string]string{"en": "en", "zh": "zh-hans"}
	paths := []struct {
		name  string
		steps map[string][]transcriptStep
	}{
		{"scam_paid_country", map[string][]transcriptStep{
			"en": {{command: "/start"}, {forward: consulateScamEN}, {press: "I sent money or gave card, code or ID"}, {press: "United States"}},
			"zh": {{command: "/start"}, {forward: consulateScamZH}, {press: "已转账，或给了卡号、验证码、证件"}, {press: "美国"}},
		}},
		{"call_still_on_phone", map[string][]transcriptStep{
			"en": {{command: "/start"}, {press: "I got a call / I'm being pressured"}, {press: "I'm still on the call"}},
			"zh": {{command: "/start"}, {press: "我接到电话／有人在催我"}, {press: "对方还在电话上"}},
		}},
		// Issue 11: the person's own words are understood, never checked
		// as a forwarded message.
		{"words_after_verdict", map[string][]transcriptStep{
			"en": {{forward: consulateScamEN}, {text: "I already paid 2000"}, {text: "thanks"}},
			"zh": {{forward: consulateScamZH}, {text: "我已经转账了"}, {text: "好的谢谢"}},
		}},
		{"stale_paid_press", map[string][]transcriptStep{
			"en": {{forward: consulateScamEN}, {forward: policeScamEN}, {text: "he is still on the phone"}, {pressFirst: "I sent money or gave card, code or ID"}},
			"zh": {{forward: consulateScamZH}, {forward: policeScamZH}, {text: "他还在电话上"}, {pressFirst: "已转账，或给了卡号、验证码、证件"}},
		}},
		{"first_message_told_or_pasted", map[string][]transcriptStep{
			"en": {{command: "/start"}, {text: "I think I've been scammed, I sent 5000 dollars to them"}, {text: mumScamEN}},
			"zh": {{command: "/start"}, {text: "我刚刚转了两万块给一个自称领事馆的人"}, {text: mumScamZH}},
		}},
		{"check_then_warn_family", map[string][]transcriptStep{
			"en": {{text: policeScamEN}, {press: "Warn my family"}},
			"zh": {{text: policeScamZH}, {press: "提醒家人"}},
		}},
	}

	srv := redistest.Start(t)
	tg := telegramtest.New(t, token)
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	p, _ := newRedisPoller(t, tg, store.NewRedis(srv.Client(), ""), bot.RulesChecker{Rules: rules})
	run(t, p)

	userID := int64(7000)
	for _, path := range paths {
		for _, l := range []string{"en", "zh"} {
			steps := path.steps[l]
			userID++
			user := telegramtest.User(userID, lang[l])
			name := path.name + "_" + l
			t.Run(name, func(t *testing.T) {
				got := playTranscript(t, tg, user, steps)
				golden.Compare(t, filepath.Join("testdata", "transcripts", name+".txt"), got)
			})
		}
	}
}

// playTranscript runs steps one at a time, each to the end (its update
// confirmed, which the poller does only once it is handled), and writes
// the outgoing calls each step caused.
func playTranscript(t *testing.T, tg *telegramtest.Server, user tgbotapi.User, steps []transcriptStep) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "# user language_code=%q\n", user.LanguageCode)
	sentN := 0 // sendMessage calls so far: message #1, #2, ...
	for _, s := range steps {
		before := len(tg.Calls())
		switch {
		case s.command != "":
			fmt.Fprintf(&b, "\n> user: %s\n", s.command)
			tg.Command(user, s.command)
		case s.forward != "":
			fmt.Fprintf(&b, "\n> user (forwarded): %s\n", s.forward)
			tg.Forward(user, s.forward)
		case s.text != "":
			fmt.Fprintf(&b, "\n> user: %s\n", s.text)
			tg.Text(user, s.text)
		case s.pressFirst != "":
			fmt.Fprintf(&b, "\n> press on an earlier message: %s\n", s.pressFirst)
			msg, data := buttonOnFirstKeyboard(t, tg.Sent(user.ID), s.pressFirst)
			tg.Press(user, msg, data)
		default:
			fmt.Fprintf(&b, "\n> press: %s\n", s.press)
			msg, data := buttonOnLastKeyboard(t, tg.Sent(user.ID), s.press)
			tg.Press(user, msg, data)
		}
		tg.Wait(t, 15*time.Second, "the update handled and confirmed", func() bool { return tg.Pending() == 0 })
		// The fake's message ids → 1, 2, ... in this chat.
		ids := map[int]int{}
		for i, m := range tg.Sent(user.ID) {
			ids[m.MessageID] = i + 1
		}
		for _, c := range tg.Calls()[before:] {
			writeCall(&b, c, user.ID, ids, &sentN)
		}
	}
	return b.String()
}

// buttonOnLastKeyboard finds label on the keyboard of the last message
// sent with one, and returns that message and the button's callback_data,
// which is what Telegram puts in the callback_query.
func buttonOnLastKeyboard(t *testing.T, sent []tgbotapi.Message, label string) (tgbotapi.Message, string) {
	t.Helper()
	for i := len(sent) - 1; i >= 0; i-- {
		m := sent[i]
		if m.ReplyMarkup == nil || len(m.ReplyMarkup.InlineKeyboard) == 0 {
			continue
		}
		var labels []string
		for _, row := range m.ReplyMarkup.InlineKeyboard {
			for _, btn := range row {
				if btn.Text == label && btn.CallbackData != nil {
					return m, *btn.CallbackData
				}
				labels = append(labels, btn.Text)
			}
		}
		t.Fatalf("press %q: no such button on the last keyboard; it has %q", label, labels)
	}
	t.Fatalf("press %q: no keyboard sent yet", label)
	return tgbotapi.Message{}, ""
}

// buttonOnFirstKeyboard finds label on the earliest message whose keyboard
// has it, and returns that message and the button's callback_data.
func buttonOnFirstKeyboard(t *testing.T, sent []tgbotapi.Message, label string) (tgbotapi.Message, string) {
	t.Helper()
	for _, m := range sent {
		if m.ReplyMarkup == nil {
			continue
		}
		for _, row := range m.ReplyMarkup.InlineKeyboard {
			for _, btn := range row {
				if btn.Text == label && btn.CallbackData != nil {
					return m, *btn.CallbackData
				}
			}
		}
	}
	t.Fatalf("press %q: no keyboard has it", label)
	return tgbotapi.Message{}, ""
}

// writeCall writes one outgoing call with its ids normalised: message ids
// become their order in the chat, the chat and query ids are left out.
func writeCall(b *strings.Builder, c telegramtest.Call, chat int64, ids map[int]int, sentN *int) {
	switch c.Method {
	// Start-up and polling calls are not part of the conversation, and
	// when they land relative to the first step is up to the scheduler.
	case "getUpdates", "getMe", "setMyCommands", "deleteWebhook":
		return
	}
	if id := c.Params.Get("chat_id"); id != "" && id != strconv.FormatInt(chat, 10) {
		fmt.Fprintf(b, "%s to another chat!\n", c.Method)
		return
	}
	switch c.Method {
	case "sendMessage":
		*sentN++
		fmt.Fprintf(b, "<<< sendMessage #%d\n", *sentN)
	case "editMessageText", "editMessageReplyMarkup":
		n, _ := strconv.Atoi(c.Params.Get("message_id"))
		fmt.Fprintf(b, "<<< %s #%s\n", c.Method, messageOrder(ids, n))
	case "answerCallbackQuery":
		fmt.Fprintf(b, "<<< answerCallbackQuery text=%q\n", c.Params.Get("text"))
		return
	default:
		fmt.Fprintf(b, "<<< %s\n", c.Method)
	}
	if c.Method != "editMessageReplyMarkup" {
		for _, line := range strings.Split(c.Params.Get("text"), "\n") {
			b.WriteString(strings.TrimRight("< "+line, " ") + "\n")
		}
	}
	writeKeyboard(b, c.Params.Get("reply_markup"), c.Method == "editMessageReplyMarkup")
}

// messageOrder names a message by its place among the chat's sent ones.
func messageOrder(ids map[int]int, fakeID int) string {
	if n, ok := ids[fakeID]; ok {
		return strconv.Itoa(n)
	}
	return "?" + strconv.Itoa(fakeID)
}

func writeKeyboard(b *strings.Builder, markupJSON string, edit bool) {
	if markupJSON == "" {
		return
	}
	var kb tgbotapi.InlineKeyboardMarkup
	if err := json.Unmarshal([]byte(markupJSON), &kb); err != nil {
		fmt.Fprintf(b, "  (unreadable reply_markup: %v)\n", err)
		return
	}
	if len(kb.InlineKeyboard) == 0 && edit {
		b.WriteString("  (keyboard removed)\n")
	}
	for _, row := range kb.InlineKeyboard {
		var labels []string
		for _, btn := range row {
			labels = append(labels, "["+btn.Text+"]")
		}
		b.WriteString("  " + strings.Join(labels, " | ") + "\n")
	}
}
