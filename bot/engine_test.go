package bot

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/dialogs"
	"github.com/scamcheck/scamcheck/locales"
)

const secret = "engine-test-secret-0123456789"

// recorder is a channel that keeps what it was asked to deliver.
type recorder struct {
	mu      sync.Mutex
	replies []dialogs.Rendered
	fail    error
}

func (r *recorder) Respond(_ context.Context, rs []dialogs.Rendered) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail != nil {
		return r.fail
	}
	r.replies = append(r.replies, rs...)
	return nil
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.replies)
}

func newEngine(t *testing.T, s SessionStore, c Checker) *Engine {
	t.Helper()
	if c == nil {
		rules, err := classifier.New()
		if err != nil {
			t.Fatal(err)
		}
		c = RulesChecker{Rules: rules}
	}
	e, err := New(Options{Store: s, Checker: c, Catalog: locales.MustLoad(), Secret: []byte(secret)})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

const scam = "Officer Wang of the police here: your bank card was used for fraud. Transfer everything to the safe account today and keep this secret."

func TestUserKeyIsTheKeyedHashOfTheID(t *testing.T) {
	e := newEngine(t, store.NewMemory(), nil)
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("123456789"))
	want := hex.EncodeToString(m.Sum(nil))[:32]
	if got := e.UserKey("123456789"); got != want {
		t.Errorf("UserKey: got %s, want %s", got, want)
	}
}

func TestHandleAnswersARepeatedUpdateOnce(t *testing.T) {
	e := newEngine(t, store.NewMemory(), nil)
	r := &recorder{}
	u := Update{ID: "tg:1:10", UserID: "42", ChatKey: "42", Lang: "en", Kind: KindText, Text: scam}
	for i := 0; i < 3; i++ {
		if err := e.Handle(context.Background(), u, r); err != nil {
			t.Fatalf("Handle #%d: %v", i, err)
		}
	}
	if r.count() == 0 {
		t.Fatal("no reply to the first delivery")
	}
	first := r.count()
	u.ID = "tg:1:11"
	_ = e.Handle(context.Background(), u, r)
	if r.count() == first {
		t.Fatal("a new update id was not answered")
	}
	if again := r.count() - first; again*2 > r.count() {
		t.Errorf("replies: %d for the first update, %d for the second; the repeats were answered", first, again)
	}
}

func TestStoredSessionNeverHoldsMessageText(t *testing.T) {
	m := store.NewMemory()
	e := newEngine(t, m, nil)
	r := &recorder{}
	texts := []string{scam, "我是你的老同学，换了新号码，急需借五千块钱周转，今天就还你", "Your parcel 778812 is held; pay the customs fee at this link"}
	for i, text := range texts {
		u := Update{ID: "tg:1:" + string(rune('a'+i)), UserID: "424242424", ChatKey: "424242424", Lang: "zh-CN", Kind: KindText, Text: text}
		if err := e.Handle(context.Background(), u, r); err != nil {
			t.Fatal(err)
		}
	}
	keys := m.Keys()
	if len(keys) == 0 {
		t.Fatal("nothing stored")
	}
	for _, k := range keys {
		if strings.Contains(k, "424242424") {
			t.Errorf("key %q may hold the raw user id", k)
		}
		// Reason ids are locale keys ("sig.transfer"), not text; a
		// fragment of a message may spell one.
		val := reasonKey.ReplaceAllString(string(m.Value(k)), `""`)
		for _, text := range texts {
			rs := []rune(text)
			for i := 0; i+6 <= len(rs); i += 3 {
				if frag := string(rs[i : i+6]); strings.Contains(val, frag) {
					t.Errorf("key %q holds message text %q: %s", k, frag, val)
				}
			}
		}
	}
}

var reasonKey = regexp.MustCompile(`"sig\.[a-z0-9_.]+"`)

func TestForgetLeavesNothingOfThePerson(t *testing.T) {
	m := store.NewMemory()
	e := newEngine(t, m, nil)
	r := &recorder{}
	ctx := context.Background()
	_ = e.Handle(ctx, Update{ID: "1", UserID: "42", ChatKey: "42", Kind: KindText, Text: scam}, r)
	key := e.UserKey("42")
	_, _ = m.IncrPersonWithTTL(ctx, key, "llm:20261202", time.Hour)
	_ = e.Handle(ctx, Update{ID: "2", UserID: "42", ChatKey: "42", Kind: KindCommand, Command: "forget"}, r)
	for _, k := range m.Keys() {
		if strings.Contains(k, key) {
			t.Errorf("key %q of the forgotten person is still there", k)
		}
	}
	if r.count() < 2 {
		t.Errorf("replies: got %d, want the forget confirmed", r.count())
	}
}

func TestUndeliveredRepliesCommitNothing(t *testing.T) {
	m := store.NewMemory()
	e := newEngine(t, m, nil)
	r := &recorder{fail: errors.New("telegram down")}
	u := Update{ID: "7", UserID: "42", ChatKey: "42", Kind: KindText, Text: scam}
	err := e.Handle(context.Background(), u, r)
	if !errors.Is(err, ErrDelivery) {
		t.Fatalf("Handle with a failing channel: got %v, want ErrDelivery", err)
	}
	if ks := m.Keys(); len(ks) != 0 {
		t.Errorf("keys after a failed delivery: got %q, want none", ks)
	}
	r.fail = nil
	if err := e.Handle(context.Background(), u, r); err != nil || r.count() == 0 {
		t.Errorf("retry after the channel recovered: got (%v, %d replies), want answered", err, r.count())
	}
}

// brokenStore fails every call, as Redis does when it is gone.
type brokenStore struct{}

func (brokenStore) Begin(context.Context, store.Begin) (store.Claim, error) {
	return store.Claim{}, errors.New("dial tcp: connection refused")
}
func (brokenStore) Extend(context.Context, string, string, string, time.Duration) (bool, error) {
	return false, errors.New("dial tcp: connection refused")
}
func (brokenStore) Finish(context.Context, store.Commit) (bool, error) {
	return false, errors.New("dial tcp: connection refused")
}
func (brokenStore) Abort(context.Context, string, string, string) error {
	return errors.New("dial tcp: connection refused")
}
func (brokenStore) Forget(context.Context, string) (int, error) {
	return 0, errors.New("dial tcp: connection refused")
}

func TestAStoreOutageStillGetsAnAnswer(t *testing.T) {
	e := newEngine(t, brokenStore{}, nil)
	r := &recorder{}
	for _, u := range []Update{
		{ID: "1", UserID: "42", ChatKey: "42", Kind: KindCommand, Command: "start"},
		{ID: "2", UserID: "42", ChatKey: "42", Kind: KindText, Text: scam},
		{ID: "3", UserID: "42", ChatKey: "42", Kind: KindCommand, Command: "forget"},
	} {
		n := r.count()
		if err := e.Handle(context.Background(), u, r); err != nil || r.count() == n {
			t.Errorf("update %s with the store down: got (%v, %d new replies), want an answer", u.ID, err, r.count()-n)
		}
	}
	want, _ := locales.MustLoad().Render(locales.EN, "bot.forget_failed", nil)
	if got := r.replies[len(r.replies)-1].Text; got != want {
		t.Errorf("/forget with the store down: got %q, want %q (never confirm a deletion that failed)", got, want)
	}
}

type panickyChecker struct{}

func (panickyChecker) Check(context.Context, string, string) classifier.Verdict { panic("boom") }

func TestAPanicDoesNotTakeTheBotDown(t *testing.T) {
	e := newEngine(t, store.NewMemory(), panickyChecker{})
	err := e.Handle(context.Background(), Update{ID: "1", UserID: "42", ChatKey: "42", Kind: KindText, Text: "x"}, &recorder{})
	if err != nil {
		t.Errorf("Handle after a panic: got %v, want nil (dropped, not retried)", err)
	}
}

func TestStrangeInputIsAnswered(t *testing.T) {
	e := newEngine(t, store.NewMemory(), nil)
	for i, u := range []Update{
		{Kind: KindText, Text: strings.Repeat("转账到安全账户 ", 20000)},
		{Kind: KindText, Text: "\xff\xfe broken \xc3"},
		{Kind: KindText, Text: "   "},
		{Kind: KindUnsupported},
		{Kind: KindChoice, Data: strings.Repeat("c", 500)},
		{Kind: KindChoice, Data: "c4294967296:x"},
		{Kind: KindCommand, Command: "start", Arg: "\xff" + strings.Repeat("a", 5000)},
		{Kind: Kind(99)},
	} {
		u.UserID, u.ChatKey, u.ID = "42", "42", string(rune('a'+i))
		r := &recorder{}
		if err := e.Handle(context.Background(), u, r); err != nil {
			t.Errorf("update %d: %v", i, err)
		}
		for _, rep := range r.replies {
			if !utf8.ValidString(rep.Text) {
				t.Errorf("update %d: reply is not valid UTF-8", i)
			}
		}
	}
}

func TestParseCommand(t *testing.T) {
	for _, tc := range []struct {
		text, cmd, arg string
		ok             bool
	}{
		{"/start", "start", "", true},
		{"/Start@ScamCheckBot code-1", "start", "code-1", true},
		{"/start@other_bot", "", "", false},
		{"/help\nmore", "help", "more", true},
		{"/", "", "", false},
		{"/ start", "", "", false},
		{"/转账", "", "", false},
		{"hello /start", "", "", false},
		{"/" + strings.Repeat("a", 33), "", "", false},
		{"/forget  ", "forget", "", true},
	} {
		cmd, arg, ok := ParseCommand(tc.text, "scamcheckbot")
		if cmd != tc.cmd || arg != tc.arg || ok != tc.ok {
			t.Errorf("ParseCommand(%q): got (%q, %q, %v), want (%q, %q, %v)", tc.text, cmd, arg, ok, tc.cmd, tc.arg, tc.ok)
		}
	}
}

func FuzzCleanText(f *testing.F) {
	f.Add("hello")
	f.Add("\xff\xfe")
	f.Add(strings.Repeat("界", MaxCheckBytes))
	f.Fuzz(func(t *testing.T, s string) {
		got := CleanText(s)
		if !utf8.ValidString(got) || len(got) > MaxCheckBytes+3 {
			t.Errorf("CleanText: %d bytes, valid %v", len(got), utf8.ValidString(got))
		}
	})
}

func FuzzParseCommand(f *testing.F) {
	f.Add("/start@bot arg")
	f.Add("/\xff")
	f.Fuzz(func(t *testing.T, s string) {
		cmd, _, ok := ParseCommand(s, "bot")
		if ok && (cmd == "" || strings.ToLower(cmd) != cmd) {
			t.Errorf("ParseCommand(%q) = %q, ok", s, cmd)
		}
	})
}

func TestPhotoGetsAskedForTextInThePersonsLanguage(t *testing.T) {
	e := newEngine(t, store.NewMemory(), nil)
	r := &recorder{}
	_ = e.Handle(context.Background(), Update{ID: "1", UserID: "42", ChatKey: "42", Lang: "zh-hant", Kind: KindUnsupported}, r)
	want, _ := locales.MustLoad().Render(locales.ZH, "bot.need_text", nil)
	if len(r.replies) != 1 || r.replies[0].Text != want {
		t.Errorf("reply to a photo from a zh user: got %+v, want %q", r.replies, want)
	}
}

func TestAPressWhileTheStoreIsAwayIsNotCalledStale(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			// A keyboard from when the store was there.
			m := store.NewMemory()
			r := &recorder{}
			if err := newEngine(t, m, nil).Handle(context.Background(), Update{ID: "1", UserID: "42", ChatKey: "42", Lang: lang, Kind: KindText, Text: scam}, r); err != nil {
				t.Fatal(err)
			}
			data := map[string]string{}
			for _, rep := range r.replies {
				for _, row := range rep.Choices {
					for _, c := range row {
						_, id, _ := dialogs.ParseChoice(c.Data)
						data[id] = c.Data
					}
				}
			}
			// Then the store goes away and the person presses it: "none of
			// these" cannot be placed without the session; "I already
			// paid" needs none and gets the steps.
			e := newEngine(t, brokenStore{}, nil)
			r = &recorder{}
			if err := e.Handle(context.Background(), Update{ID: "2", UserID: "42", ChatKey: "42", Lang: lang, Kind: KindChoice, Data: data["a:none"]}, r); err != nil {
				t.Fatal(err)
			}
			cat := locales.MustLoad()
			want, _ := cat.Render(lang, "bot.press_store_down", nil)
			if len(r.replies) != 1 || r.replies[0].Text != want {
				t.Errorf("a:none with the store away: got %+v, want %q", r.replies, want)
			}
			r = &recorder{}
			if err := e.Handle(context.Background(), Update{ID: "3", UserID: "42", ChatKey: "42", Lang: lang, Kind: KindChoice, Data: data["a:paid"]}, r); err != nil {
				t.Fatal(err)
			}
			bank, _ := cat.Render(lang, "paid.bank", nil)
			if len(r.replies) == 0 || !strings.Contains(r.replies[0].Text, bank) {
				t.Errorf("a:paid with the store away: got %+v, want the paid steps, bank first", r.replies)
			}
		})
	}
}
