package main

// End-to-end tests: `scamcheck run` through realMain, the real
// telegram-bot-api client against the fake Bot API, and a real Redis.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/dialogs"
	"github.com/scamcheck/scamcheck/internal/redistest"
)

// The token is long and distinctive so that a leak is found by grep.
const (
	testToken  = "987654321:AAH-e2e_Token-Never_In_Logs_x7Qz"
	testSecret = "e2e-secret-0123456789abcdef"
)

// Test people: ids long enough that a raw id would stand out in keys and logs.
var (
	zhUser = telegramtest.User(777000111, "zh-hans")
	enUser = telegramtest.User(888000222, "en")
)

// Test messages, written for these tests.
const (
	scamEN = "This is the consulate. Your passport is linked to a money laundering case. " +
		"Transfer your savings to the safe account we give you today and keep this secret from your family."
	scamZH = "这里是公安局，你的身份证涉嫌洗钱案件，今天必须把钱转账到我们提供的安全账户，不要告诉家人。"
)

// lockedBuffer collects the bot's log lines from many goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// harness is one fake Telegram, one Redis (or none) and the bot's logs
// across however many runs of the bot a test makes.
type harness struct {
	t    testing.TB
	tg   *telegramtest.Server
	rd   *redistest.Server
	logs *lockedBuffer
	env  map[string]string
}

func newHarness(t testing.TB, withRedis bool) *harness {
	h := &harness{t: t, tg: telegramtest.New(t, testToken), logs: &lockedBuffer{}}
	h.env = map[string]string{
		"TELEGRAM_BOT_TOKEN": testToken,
		"TELEGRAM_API_URL":   h.tg.URL(),
		"SCAMCHECK_SECRET":   testSecret,
		"LOG_LEVEL":          "debug",
	}
	if withRedis {
		h.rd = redistest.Start(t)
		h.env["REDIS_URL"] = h.rd.URL()
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("bot logs:\n%s", h.logs.String())
		}
	})
	return h
}

// start runs `scamcheck run` until the returned stop is called; stop
// returns its exit code.
func (h *harness) start() (stop func() int) {
	return h.run(h.env, "run", "-poll-timeout", "1s")
}

// run runs realMain with args and env until the returned stop is called;
// stop cancels its context and returns its exit code.
func (h *harness) run(env map[string]string, args ...string) (stop func() int) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	sio := stdio{in: strings.NewReader(""), out: h.logs, err: h.logs, getenv: func(k string) string { return env[k] }}
	go func() { done <- realMain(ctx, args, sio) }()
	var once sync.Once
	code := 0
	stop = func() int {
		once.Do(func() {
			cancel()
			select {
			case code = <-done:
			case <-time.After(15 * time.Second):
				h.t.Fatalf("scamcheck %s did not stop within 15s of its context ending", strings.Join(args, " "))
			}
		})
		return code
	}
	h.t.Cleanup(func() { stop() })
	return stop
}

func lastKeyboardMessage(t *testing.T, msgs []tgbotapi.Message) tgbotapi.Message {
	t.Helper()
	for i := len(msgs) - 1; i >= 0; i-- {
		if msgs[i].ReplyMarkup != nil && len(msgs[i].ReplyMarkup.InlineKeyboard) > 0 {
			return msgs[i]
		}
	}
	t.Fatalf("no message with a keyboard among %d messages", len(msgs))
	return tgbotapi.Message{}
}

func firstButton(m tgbotapi.Message) string {
	return *m.ReplyMarkup.InlineKeyboard[0][0].CallbackData
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func TestE2EStartInChineseAndEnglish(t *testing.T) {
	h := newHarness(t, true)
	stop := h.start()
	h.tg.Command(zhUser, "/start")
	h.tg.Command(enUser, "/start@"+h.tg.Bot.UserName)
	zh := h.tg.WaitSent(t, zhUser.ID, 1)
	en := h.tg.WaitSent(t, enUser.ID, 1)
	if !hasHan(zh[0].Text) {
		t.Errorf("greeting for a zh user: got %q, want Chinese", zh[0].Text)
	}
	if hasHan(en[0].Text) {
		t.Errorf("greeting for an en user: got %q, want English", en[0].Text)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit code after SIGTERM-like stop: got %d, want 0", code)
	}
}

func TestE2EForwardedScamGetsVerdictWithKeyboard(t *testing.T) {
	for _, tc := range []struct {
		user tgbotapi.User
		text string
	}{{enUser, scamEN}, {zhUser, scamZH}} {
		rules, _ := classifier.New()
		if v := rules.Classify(tc.text); v.Level < classifier.LevelMedium {
			t.Fatalf("test sentence %q: classifier gives %s, want a flagged level (fix the sentence)", tc.text, v.Level)
		}
	}
	h := newHarness(t, true)
	h.start()
	h.tg.Forward(enUser, scamEN)
	h.tg.Forward(zhUser, scamZH)
	for _, u := range []tgbotapi.User{enUser, zhUser} {
		msgs := h.tg.WaitSent(t, u.ID, 1)
		m := lastKeyboardMessage(t, msgs)
		if got := hasHan(m.Text); got != (u.LanguageCode == "zh-hans") {
			t.Errorf("verdict for %s: got %q, want it in the person's language", u.LanguageCode, m.Text)
		}
		for _, row := range m.ReplyMarkup.InlineKeyboard {
			for _, b := range row {
				if n := len(*b.CallbackData); n == 0 || n > 64 {
					t.Errorf("callback data %q: %d bytes, want 1..64", *b.CallbackData, n)
				}
			}
		}
	}
}

func TestE2EButtonPressIsAnsweredAndMovesTheDialogOn(t *testing.T) {
	h := newHarness(t, true)
	h.start()
	h.tg.Forward(enUser, scamEN)
	verdict := lastKeyboardMessage(t, h.tg.WaitSent(t, enUser.ID, 1))
	before := len(h.tg.Sent(enUser.ID))
	press := h.tg.Press(enUser, verdict, firstButton(verdict))
	msgs := h.tg.WaitSent(t, enUser.ID, before+1)
	h.tg.Wait(t, 5*time.Second, "answerCallbackQuery", func() bool {
		for _, c := range h.tg.CallsTo("answerCallbackQuery") {
			if c.Params.Get("callback_query_id") == press.CallbackQuery.ID {
				return true
			}
		}
		return false
	})
	next := msgs[before]
	if next.Text == verdict.Text {
		t.Errorf("after the press: got the verdict again, want the next step")
	}
	// The pressed keyboard is gone, replaced by what was chosen.
	h.tg.Wait(t, 5*time.Second, "the pressed keyboard to be removed", func() bool {
		for _, m := range h.tg.Sent(enUser.ID) {
			if m.MessageID == verdict.MessageID {
				return m.ReplyMarkup == nil
			}
		}
		return false
	})
}

func TestE2ERestartMidDialogContinues(t *testing.T) {
	h := newHarness(t, true)
	// The control person walks the dialog without a restart.
	stop := h.start()
	want, _ := h.controlPress(t)

	h.tg.Forward(enUser, scamEN)
	v := lastKeyboardMessage(t, h.tg.WaitSent(t, enUser.ID, 1))
	if code := stop(); code != 0 {
		t.Fatalf("first run exit code: got %d, want 0", code)
	}
	n := len(h.tg.Sent(enUser.ID))
	h.start()
	h.tg.Press(enUser, v, firstButton(v))
	got := texts(h.tg.WaitSent(t, enUser.ID, n+len(want))[n:])
	if strings.Join(got, "\n---\n") != strings.Join(want, "\n---\n") {
		t.Errorf("after a restart the press gave:\n%s\nwant what it gives without a restart:\n%s", strings.Join(got, "\n---\n"), strings.Join(want, "\n---\n"))
	}
}

// waitHandled waits until the bot logs the update as handled.
func (h *harness) waitHandled(updateID int) {
	h.t.Helper()
	line := fmt.Sprintf(`"update":"tg:%s:%d"`, strings.SplitN(testToken, ":", 2)[0], updateID)
	h.tg.Wait(h.t, 15*time.Second, "update "+strconv.Itoa(updateID)+" handled", func() bool {
		for _, l := range strings.Split(h.logs.String(), "\n") {
			if strings.Contains(l, line) && strings.Contains(l, `"msg":"update handled"`) {
				return true
			}
		}
		return false
	})
}

func texts(msgs []tgbotapi.Message) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, m.Text)
	}
	return out
}

func TestE2ERepeatedUpdateIsAnsweredOnce(t *testing.T) {
	h := newHarness(t, true)
	h.start()
	first := h.tg.Forward(enUser, scamEN)
	h.tg.WaitSent(t, enUser.ID, 1)
	n := len(h.tg.Sent(enUser.ID))
	// Telegram redelivers the update (as after a crash before the offset
	// was confirmed), then the person sends something new.
	h.tg.Redeliver(first)
	h.tg.Command(enUser, "/start")
	h.tg.WaitSent(t, enUser.ID, n+1)
	time.Sleep(300 * time.Millisecond) // room for a wrong second answer to show up
	if got := len(h.tg.Sent(enUser.ID)); got != n+1 {
		t.Errorf("messages after a redelivered update and /start: got %d, want %d (the redelivery answered again)", got, n+1)
	}
	if !strings.Contains(h.logs.String(), "update already handled") {
		t.Errorf("logs: want a line saying the repeated update was skipped")
	}
}

func TestE2ETooManyRequestsIsHonoured(t *testing.T) {
	h := newHarness(t, true)
	h.start()
	h.tg.FailNext("sendMessage", telegramtest.Failure{Code: 429, RetryAfter: 1})
	h.tg.FailNext("getUpdates", telegramtest.Failure{Code: 429, RetryAfter: 1})
	h.tg.Command(enUser, "/start")
	h.tg.WaitSent(t, enUser.ID, 1)
	if n := len(h.tg.CallsTo("sendMessage")); n < 2 {
		t.Errorf("sendMessage calls: got %d, want the 429 retried", n)
	}
	if !strings.Contains(h.logs.String(), `"retry_after":"1s"`) && !strings.Contains(h.logs.String(), `"in":"1s"`) {
		t.Errorf("logs: want the 1s retry_after applied")
	}
}

func TestE2EServerErrorsDoNotStopTheBot(t *testing.T) {
	h := newHarness(t, true)
	h.start()
	h.tg.FailNext("getUpdates", telegramtest.Failure{Code: 502, HTML: true})
	h.tg.FailNext("getUpdates", telegramtest.Failure{Code: 500})
	h.tg.FailNext("sendMessage", telegramtest.Failure{Code: 503})
	h.tg.Command(enUser, "/start")
	h.tg.WaitSent(t, enUser.ID, 1)
}

func TestE2ERedisLostWhileRunningIsSurvived(t *testing.T) {
	h := newHarness(t, true)
	if !h.rd.Stoppable() {
		t.Skip("external Redis cannot be stopped")
	}
	h.start()
	h.tg.Command(enUser, "/start")
	h.tg.WaitSent(t, enUser.ID, 1)
	h.rd.Stop()
	h.tg.Forward(enUser, scamEN)
	msgs := h.tg.WaitSent(t, enUser.ID, 2)
	lastKeyboardMessage(t, msgs) // the verdict came, with its buttons
	if !strings.Contains(h.logs.String(), "session store unavailable") {
		t.Errorf("logs: want the store failure logged")
	}
	h.rd.Restart()
	n := len(h.tg.Sent(enUser.ID))
	h.tg.Forward(enUser, scamEN)
	h.tg.WaitSent(t, enUser.ID, n+1)
	c := h.rd.Client()
	h.tg.Wait(t, 10*time.Second, "a session saved after Redis came back", func() bool {
		keys, _ := c.Keys(context.Background(), "scamcheck:u:*:s").Result()
		return len(keys) == 1
	})
}

func TestE2ETokenTextAndIDsNeverStoredOrLogged(t *testing.T) {
	h := newHarness(t, true)
	stop := h.start()
	texts := []string{scamEN, scamZH, "my own words: the courier said parcel 55521 is held at customs"}
	h.tg.Command(enUser, "/start")
	h.tg.Forward(enUser, texts[0])
	h.tg.Forward(zhUser, texts[1])
	h.tg.Text(enUser, texts[2])
	h.tg.WaitSent(t, zhUser.ID, 1)
	h.tg.WaitSent(t, enUser.ID, 3)
	v := lastKeyboardMessage(t, h.tg.Sent(zhUser.ID))
	h.tg.Press(zhUser, v, firstButton(v))
	h.tg.WaitSent(t, zhUser.ID, len(h.tg.Sent(zhUser.ID))+1)
	stop()

	logs := h.logs.String()
	if strings.Contains(logs, testToken) || strings.Contains(logs, strings.SplitN(testToken, ":", 2)[1]) {
		t.Errorf("the bot token is in the logs")
	}
	for _, id := range []string{"777000111", "888000222"} {
		if strings.Contains(logs, id) {
			t.Errorf("raw user id %s is in the logs", id)
		}
	}
	ctx := context.Background()
	c := h.rd.Client()
	keys, err := c.Keys(ctx, "*").Result()
	if err != nil || len(keys) == 0 {
		t.Fatalf("Redis keys: got %d (%v), want some", len(keys), err)
	}
	for _, k := range keys {
		ttl, _ := c.PTTL(ctx, k).Result()
		if ttl <= 0 {
			t.Errorf("key %q has no TTL (%v)", k, ttl)
		}
		if ttl > 31*24*time.Hour {
			t.Errorf("key %q lives %v, want at most 30 days", k, ttl)
		}
		val, _ := c.Get(ctx, k).Result()
		if strings.Contains(k+val, strings.SplitN(testToken, ":", 2)[1]) {
			t.Errorf("the bot token is in Redis key %q", k)
		}
		for _, id := range []string{"777000111", "888000222"} {
			if strings.Contains(k, id) || strings.Contains(val, id) {
				t.Errorf("raw user id %s in key %q or its value", id, k)
			}
		}
		for _, text := range texts {
			for _, frag := range fragments(text, 8) {
				if strings.Contains(val, frag) || strings.Contains(logs, frag) {
					t.Errorf("message text %q found in Redis key %q or in the logs", frag, k)
				}
			}
		}
	}
}

// fragments cuts text into overlapping runs of n runes: a store or log that
// holds any stretch of a message is caught, not only the whole message.
func fragments(text string, n int) []string {
	r := []rune(text)
	var out []string
	for i := 0; i+n <= len(r); i += n / 2 {
		out = append(out, string(r[i:i+n]))
	}
	return out
}

func TestE2EForgetDeletesThePersonsKeys(t *testing.T) {
	h := newHarness(t, true)
	h.start()
	h.tg.Forward(enUser, scamEN)
	h.tg.WaitSent(t, enUser.ID, 1)
	c := h.rd.Client()
	ctx := context.Background()
	h.tg.Wait(t, 5*time.Second, "a session in Redis", func() bool {
		k, _ := c.Keys(ctx, "scamcheck:u:*:s").Result()
		return len(k) == 1
	})
	n := len(h.tg.Sent(enUser.ID))
	h.tg.Command(enUser, "/forget")
	h.tg.WaitSent(t, enUser.ID, n+1)
	h.tg.Wait(t, 5*time.Second, "the session gone", func() bool {
		k, _ := c.Keys(ctx, "scamcheck:u:*").Result()
		return len(k) == 0
	})
}

func TestE2EStrangeUpdatesDoNotCrashTheBot(t *testing.T) {
	h := newHarness(t, true)
	h.start()
	huge := strings.Repeat("安全账户 transfer now ", 6000) // ~150 KB
	h.tg.Text(enUser, huge)
	h.tg.PushRaw(`{"message":{"message_id":5,"date":1,"chat":{"id":888000222,"type":"private"},"from":{"id":888000222,"is_bot":false,"first_name":"x"},"text":"\ud800 broken \udfff surrogates"}}`)
	h.tg.PushRaw(`{"callback_query":{"id":"q1","from":{"id":888000222,"is_bot":false,"first_name":"x"},"chat_instance":"c","data":"c9:forged"}}`)
	h.tg.PushRaw(`{"callback_query":{"id":"q2","from":{"id":888000222,"is_bot":false,"first_name":"x"},"chat_instance":"c","data":"` + strings.Repeat("z", 300) + `"}}`)
	h.tg.PushRaw(`{"message":{"message_id":6,"date":1,"chat":{"id":-100,"type":"channel"},"text":"no sender"}}`)
	h.tg.PushRaw(`{"channel_post":{"message_id":7,"date":1,"chat":{"id":-100,"type":"channel"},"text":"a post"}}`)
	h.tg.PushRaw(`{"edited_message":{"message_id":8,"date":1,"chat":{"id":888000222,"type":"private"},"from":{"id":888000222,"is_bot":false,"first_name":"x"},"text":"edited"}}`)
	h.tg.PushRaw(`{"message":{"message_id":9,"date":1,"chat":{"id":888000222,"type":"private"},"from":{"id":888000222,"is_bot":false,"first_name":"x"},"photo":[{"file_id":"f","file_unique_id":"u","width":1,"height":1}]}}`)
	h.tg.PushRaw(`{"message":{"message_id":10,"date":1,"chat":{"id":-200,"type":"group"},"from":{"id":888000222,"is_bot":false,"first_name":"x"},"text":"group chatter"}}`)
	h.tg.PushRaw(`{"message":{"message_id":11,"date":1,"chat":{"id":-200,"type":"group"},"from":{"id":888000222,"is_bot":false,"first_name":"x"},"text":"/start@some_other_bot"}}`)
	h.tg.PushRaw(`{"message":{"message_id":12,"date":1,"chat":{"id":888000222,"type":"private"},"from":{"id":888000222,"is_bot":false,"first_name":"x"},"text":"/","entities":[{"type":"bot_command","offset":0,"length":40}]}}`)
	h.tg.PushRaw(`{"inline_query":{"id":"iq","from":{"id":888000222,"is_bot":false,"first_name":"x"},"query":"x","offset":""}}`)
	h.tg.Command(zhUser, "/start")
	h.tg.WaitSent(t, zhUser.ID, 1)
	h.tg.Wait(t, 10*time.Second, "every update confirmed", func() bool { return h.tg.Pending() == 0 })
	for _, m := range h.tg.Sent(enUser.ID) {
		if len([]rune(m.Text)) > 4096 {
			t.Errorf("a message of %d characters was sent", len([]rune(m.Text)))
		}
	}
	if len(h.tg.Sent(-100)) != 0 || len(h.tg.Sent(-200)) != 0 {
		t.Errorf("the bot answered a channel post or group chatter")
	}
	if strings.Contains(h.logs.String(), "panic") {
		t.Errorf("logs: a panic was recovered; want none")
	}
}

func TestE2EStartWithoutRedisUsesMemoryAndSaysSo(t *testing.T) {
	h := newHarness(t, false)
	h.start()
	h.tg.Command(enUser, "/start")
	h.tg.WaitSent(t, enUser.ID, 1)
	if !strings.Contains(h.logs.String(), "REDIS_URL is unset") {
		t.Errorf("logs: want a warning that state is kept in memory")
	}
}

func TestRunRefusesBadSettingsInOneLine(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	base := map[string]string{"TELEGRAM_BOT_TOKEN": testToken, "TELEGRAM_API_URL": tg.URL(), "SCAMCHECK_SECRET": testSecret}
	for _, tc := range []struct {
		name, key, val, want string
	}{
		{"no token", "TELEGRAM_BOT_TOKEN", "", "TELEGRAM_BOT_TOKEN is not set"},
		{"malformed token", "TELEGRAM_BOT_TOKEN", "not a token", "TELEGRAM_BOT_TOKEN is malformed"},
		{"rejected token", "TELEGRAM_BOT_TOKEN", "1:wrong", "Unauthorized"},
		{"bad API URL", "TELEGRAM_API_URL", "ftp://x", "TELEGRAM_API_URL"},
		{"bad Redis URL", "REDIS_URL", "http://user:pw@x", "REDIS_URL is malformed"},
		{"Redis down", "REDIS_URL", "redis://127.0.0.1:1/0", "REDIS_URL: Redis at 127.0.0.1:1 does not answer"},
		{"bad log level", "LOG_LEVEL", "loud", "LOG_LEVEL"},
		{"short secret", "SCAMCHECK_SECRET", "short", "SCAMCHECK_SECRET is too short"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range base {
				env[k] = v
			}
			env[tc.key] = tc.val
			wantRefusedInOneLine(t, env, tc.want, strings.SplitN(testToken, ":", 2)[1])
		})
	}
}

// wantRefusedInOneLine runs `scamcheck run` with env and wants it to stop
// with exit 1 and a last line containing want, without repeating a
// password or any of secrets anywhere in its output.
func wantRefusedInOneLine(t *testing.T, env map[string]string, want string, secrets ...string) {
	t.Helper()
	var out bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	code := realMain(ctx, []string{"run"}, stdio{in: strings.NewReader(""), out: &out, err: &out, getenv: func(k string) string { return env[k] }})
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	if code != 1 || !strings.Contains(last, want) {
		t.Errorf("got exit %d and last line %q, want exit 1 and a line naming %q", code, last, want)
	}
	for _, secret := range append(secrets, "pw@") {
		if strings.Contains(out.String(), secret) {
			t.Errorf("output repeats a secret: %q", out.String())
		}
	}
}

func TestChatThroughRealMain(t *testing.T) {
	for _, tc := range []struct {
		lang, scam string
	}{{"en", scamEN}, {"zh", scamZH}} {
		t.Run(tc.lang, func(t *testing.T) {
			in := strings.NewReader("/start\n" + tc.scam + "\n1\n/help\n")
			var out, errOut bytes.Buffer
			code := realMain(context.Background(), []string{"chat", "-lang", tc.lang}, stdio{in: in, out: &out, err: &errOut, getenv: func(string) string { return "" }})
			if code != 0 {
				t.Fatalf("exit code: got %d, want 0; stderr: %s", code, errOut.String())
			}
			got := out.String()
			if !strings.Contains(got, "  1) ") {
				t.Errorf("output: want numbered choices, got:\n%s", got)
			}
			if tc.lang == "zh" && !hasHan(got) {
				t.Errorf("output in %s: got:\n%s", tc.lang, got)
			}
			if n := strings.Count(got, "> "); n < 5 {
				t.Errorf("prompts: got %d, want one per input line and one at EOF", n)
			}
			if errOut.Len() != 0 {
				t.Errorf("stderr: got %q, want nothing", errOut.String())
			}
		})
	}
}

// controlPress has a control person, whom nothing happens to, forward
// scamEN and press the verdict's first button, and returns the texts the
// press got (what a press gives when nothing fails) and the press's
// update id.
func (h *harness) controlPress(t *testing.T) (replies []string, updateID int) {
	t.Helper()
	control := telegramtest.User(999000333, "en")
	h.tg.Forward(control, scamEN)
	cv := lastKeyboardMessage(t, h.tg.WaitSent(t, control.ID, 1))
	before := len(h.tg.Sent(control.ID))
	press := h.tg.Press(control, cv, firstButton(cv))
	// Every reply of the press is out once the engine logs it handled
	// (replies are paced per chat, so they do not arrive at once).
	h.waitHandled(press.UpdateID)
	return texts(h.tg.Sent(control.ID)[before:]), press.UpdateID
}

// TestE2ECommandMenuIsSetAtStart: `scamcheck run` sets the command menu,
// in English for everyone and in Chinese and English by language_code,
// with every command /help lists.
func TestE2ECommandMenuIsSetAtStart(t *testing.T) {
	h := newHarness(t, false)
	h.start()
	h.tg.Command(enUser, "/help")
	help := h.tg.WaitSent(t, enUser.ID, 1)[0].Text
	calls := h.tg.CallsTo("setMyCommands")
	got := map[string][]tgbotapi.BotCommand{}
	for _, c := range calls {
		var cmds []tgbotapi.BotCommand
		if err := json.Unmarshal([]byte(c.Params.Get("commands")), &cmds); err != nil {
			t.Fatalf("setMyCommands commands %q: %v", c.Params.Get("commands"), err)
		}
		got[c.Params.Get("language_code")] = cmds
	}
	for _, code := range []string{"", "en", "zh"} {
		cmds := got[code]
		if len(cmds) != len(dialogs.Commands()) {
			t.Errorf("menu for language_code %q: got %d commands, want %d", code, len(cmds), len(dialogs.Commands()))
		}
		for _, c := range cmds {
			if c.Command == "help" && (code == "zh") != hasHan(c.Description) {
				t.Errorf("menu for %q: /%s described as %q, in the wrong language", code, c.Command, c.Description)
			}
			if !strings.Contains(help, "/"+c.Command) {
				t.Errorf("/help does not list /%s:\n%s", c.Command, help)
			}
		}
	}
}
